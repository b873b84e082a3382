"""Keep Python's full garbage collections off the window's clock while it trains.

CPython's cyclic collector now and then walks every tracked object (a "generation 2" collection).
Once rnnviz has started, that is ~170,000 objects (numba's kernels, pyqtgraph, the Qt wrappers, the
lessons), and one such walk took 68-142 ms on the GUI thread of a 2-core machine: the window froze
for that long in the middle of a training run, the longest stall ``python -m rnnviz.bench.ui`` saw.
Almost all of those objects live as long as the process, so walking them finds nothing.

``settle()`` collects everything once and then freezes what is left (``gc.freeze``): the collector
ignores it until the next ``settle()``, and a full collection walks only what was made since (0.5 ms
after a run, against 87 ms: ``python -m rnnviz.bench.ui --window``). It costs a full collection
itself, so the window calls it where a still window hides it: after its start, and a second after
each run (``TrainingPanel``), never at Start or during a run.

A frozen object that later becomes garbage in a reference cycle is freed only by the next
``settle()``, which unfreezes everything before it collects: garbage is kept until the next run ends
at most, never for good. (Freezing at every Start kept each run's trainer and its workspaces, ~45 MB a
run, because they were alive then.)
"""
from __future__ import annotations

import gc
import time


def settle() -> float:
    """Collect all garbage, the formerly frozen included, then exempt every surviving object from
    later collections. Returns the seconds it took (about 0.1 s on a 2-core machine)."""
    t0 = time.perf_counter()
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    return time.perf_counter() - t0
