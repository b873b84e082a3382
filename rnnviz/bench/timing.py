"""Timing loops shared by the benchmark's peers (same scheme as ../shared/bench/bench_torch.py)."""
from __future__ import annotations

import statistics
import time
from typing import Callable


def time_steps(fn: Callable[[], object], steps: int) -> tuple[float, float]:
    """(wall, CPU) seconds per call of fn over ``steps`` calls. The process CPU time is less
    disturbed than the wall time when other processes share the cores (one thread runs)."""
    c0 = time.process_time()
    t0 = time.perf_counter()
    for _ in range(steps):
        fn()
    wall = (time.perf_counter() - t0) / steps
    return wall, (time.process_time() - c0) / steps


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
                warmup: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Per-step (wall, CPU) seconds of each function by repetition, repetitions interleaved
    (A B A B ...) so that a machine shared with other work slows every peer alike and their
    ratio stays fair."""
    for fn in fns.values():
        for _ in range(warmup):
            fn()
    wall: dict[str, list[float]] = {name: [] for name in fns}
    cpu: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(reps):
        for name, fn in fns.items():
            w, c = time_steps(fn, steps)
            wall[name].append(w)
            cpu[name].append(c)
    return wall, cpu
