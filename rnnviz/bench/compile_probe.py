"""Run in a fresh interpreter by the benchmark: import rnnviz.core and make the first calls that
compile (or load from NUMBA_CACHE_DIR) every kernel a trace and a training run use, in this
process (the stages of ``rnnviz.core.warmup``, without its child process).
Prints one JSON line: {"import_s": ..., "first_call_s": ..., "trace_s": ..., "training_s": ...}."""
from __future__ import annotations

import json
import time


def main() -> None:
    t0 = time.perf_counter()
    import numpy as np  # noqa: F401

    from rnnviz.core import warmup
    from rnnviz.core.workspace import BatchWorkspace  # noqa: F401  (numba and the kernels)
    t1 = time.perf_counter()
    seconds = {}
    for stage in warmup.STAGES:
        start = time.perf_counter()
        warmup.compile_stage(stage)
        seconds[f"{stage}_s"] = time.perf_counter() - start
    t2 = time.perf_counter()
    print(json.dumps({"import_s": t1 - t0, "first_call_s": t2 - t1, **seconds}))


if __name__ == "__main__":
    main()
