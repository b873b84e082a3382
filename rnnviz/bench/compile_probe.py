"""Run in a fresh interpreter by the benchmark: import rnnviz.core and make the first calls that
compile (or load from NUMBA_CACHE_DIR) every kernel a training run and a trace use.
Prints one JSON line: {"import_s": ..., "first_call_s": ...}."""
from __future__ import annotations

import json
import time


def main() -> None:
    t0 = time.perf_counter()
    import numpy as np

    from rnnviz.core import (BatchWorkspace, clip_by_global_norm, init_params, make_optimizer,
                             make_trace)
    t1 = time.perf_counter()
    rng = np.random.default_rng(0)
    for dtype in (np.float32, np.float64):  # training and tracing precision
        p = init_params(50, 4, 6, seed=0, dtype=dtype)
        tok = rng.integers(0, 50, (3, 7))
        ws = BatchWorkspace(p, 3, 7)
        ws.forward_backward(tok, rng.integers(0, 2, 3))
        ws.forward(tok)
        clip_by_global_norm(ws.grads, 1.0)
        for name in ("adam", "rmsprop", "sgd"):
            make_optimizer(name, p).step(ws.grads)
    make_trace(init_params(50, 4, 6, seed=0, dtype=np.float64), tok[0], 1)
    for dtype in (np.float32, np.float64):
        ps = init_params(50, 4, 6, output_dim=5, seed=0, dtype=dtype)
        BatchWorkspace(ps, 3, 7, head="softmax").forward_backward(tok, rng.integers(0, 5, (3, 7)))
    t2 = time.perf_counter()
    print(json.dumps({"import_s": t1 - t0, "first_call_s": t2 - t1}))


if __name__ == "__main__":
    main()
