"""Keep Python's full garbage collections off the window's clock.

CPython's cyclic collector now and then walks every tracked object (a "generation 2" collection).
Once rnnviz has started, that is ~170,000 objects (numba's kernels, pyqtgraph, the Qt wrappers, the
lessons), and one such walk took 68-142 ms on the GUI thread of a 2-core machine: the window froze
for that long in the middle of a training run, the longest stall ``python -m rnnviz.bench.ui`` saw.
Almost all of those objects live as long as the process, so walking them finds nothing.

``settle()`` collects once and then freezes what is left (``gc.freeze``): the collector ignores it from
then on, and a full collection walks only what was made since (0.5 ms after a run, against 87 ms
before: ``python -m rnnviz.bench.ui --window``). The window settles after its start and at the start
of every training run; objects frozen there that later become garbage in a reference cycle stay in
memory, which is why it settles at those two moments only (a run's reports and plots are freed by
reference counting, without the collector).
"""
from __future__ import annotations

import gc
import time


def settle() -> float:
    """Collect garbage now, then exempt every surviving object from later collections. Returns the
    seconds it took (tens of milliseconds the first time, about a millisecond after that)."""
    t0 = time.perf_counter()
    gc.collect()
    gc.freeze()
    return time.perf_counter() - t0
