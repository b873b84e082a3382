"""FLOPs of one training step and this machine's float32 GEMM rate, so a throughput can be
stated as a fraction of the limit. The count is the one of ../shared/bench/flops.py:

multiply-add = 2 FLOPs; tanh, exp, sqrt, divide = 1 op.
  forward per step:  x_t @ U 2BEH, h_{t-1} @ W 2BHH, + b BH, tanh BH
  backward per step: da 3BH, dW 2BHH (+HH), dU 2BEH (+EH), db BH, dx 2BEH, dh 2BHH, scatter BE
  head: 2BH + B + 5B forward, 4BH + B backward;  Adam: 10 FLOPs per parameter.
"""
from __future__ import annotations

import time

import numpy as np


def train_step_flops(B: int, T: int, E: int, H: int, V: int) -> dict:
    """FLOPs of one training step of Embedding(V, E) -> SimpleRNN(H) -> Dense(1), with Adam."""
    fwd_mm = T * (2 * B * E * H + 2 * B * H * H)
    fwd_ew = T * (2 * B * H)
    bwd_mm = T * (4 * B * E * H + 4 * B * H * H)
    bwd_ew = T * (3 * B * H + H * H + E * H + B * H + B * E)
    head = (2 * B * H + B + 5 * B) + (4 * B * H + B)
    P = V * E + E * H + H * H + 2 * H + 1
    adam = 10 * P
    total = fwd_mm + fwd_ew + bwd_mm + bwd_ew + head + adam
    return {"matmul": fwd_mm + bwd_mm, "total": total, "per_sequence": total / B,
            "forward_only": fwd_mm + fwd_ew + 2 * B * H + 6 * B, "params": P}


def peak_gemm_gflops(n: int = 1024, min_time: float = 0.5) -> tuple[float, float]:
    """Best float32 GFLOP/s of numpy's (n x n) @ (n x n) over timed calls, by wall time and by
    process CPU time (the latter is steadier when other processes share the cores)."""
    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, n)).astype(np.float32)
    b = rng.standard_normal((n, n)).astype(np.float32)
    c = np.empty((n, n), np.float32)
    np.matmul(a, b, out=c)
    best_wall = best_cpu = float("inf")
    t_end = time.perf_counter() + min_time
    while time.perf_counter() < t_end or best_wall == float("inf"):
        c0 = time.process_time()
        t0 = time.perf_counter()
        np.matmul(a, b, out=c)
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    flop = 2 * n ** 3
    return flop / best_wall / 1e9, flop / max(best_cpu, 1e-9) / 1e9
