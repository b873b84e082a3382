"""Timing loops shared by the benchmark's peers (same scheme as ../shared/bench/bench_torch.py)."""
from __future__ import annotations

import statistics
import time
from typing import Callable


def time_steps(fn: Callable[[], object], steps: int) -> float:
    """Wall seconds per call of fn over ``steps`` calls."""
    t0 = time.perf_counter()
    for _ in range(steps):
        fn()
    return (time.perf_counter() - t0) / steps


def summarize(per_step_s: list[float], B: int, T: int) -> dict:
    """Median and best of per-step times as ms and seq/s (figures of one peer)."""
    med = statistics.median(per_step_s)
    best = min(per_step_s)
    return {
        "ms_per_step": 1e3 * med,
        "ms_per_step_best": 1e3 * best,
        "seq_per_s": B / med,
        "seq_per_s_best": B / best,
        "tokens_per_s": B * T / med,
        "rep_ms": [round(1e3 * s, 3) for s in per_step_s],
    }


def interleaved(fns: dict[str, Callable[[], object]], steps: int, reps: int,
                warmup: int) -> dict[str, list[float]]:
    """Per-step seconds of each function, repetitions interleaved (A B A B ...), so that a
    machine shared with other work slows every peer alike and their ratio stays fair."""
    for fn in fns.values():
        for _ in range(warmup):
            fn()
    out: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(reps):
        for name, fn in fns.items():
            out[name].append(time_steps(fn, steps))
    return out
