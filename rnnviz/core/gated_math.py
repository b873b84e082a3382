"""Scalar functions the gated kernels inline: tanh and the logistic sigmoid per dtype, row norms.

float32 (training) uses a rational approximation of tanh that LLVM can vectorise (libm's tanhf is a
scalar call per element and would cost more than the matrix products of a step); its error is below
6 ulp. The sigmoid is then sigma(x) = (1 + tanh(x / 2)) / 2, the same vectorised code. float64
(traces, tests against the NumPy references) uses the exact libm tanh and a stable exp form.

The tanh is the vanilla kernels' ``tanh_fast`` (the [13/6] minimax fit of Eigen's fast float tanh);
the sigmoid is written out from the same coefficients. Note: numba's on-disk cache keys a kernel on
its own file only; after editing this file or kernels.py, touch the kernel modules (lstm.py, gru.py)
or clear their caches.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit, types
from numba.extending import overload

from .config import JIT_OPTIONS
from .kernels import _ALPHA, _BETA, _CLAMP, tanh_fast

#: tanh(x) in x's precision (float32: the vectorisable fit); outside numba: math.tanh
gate_tanh = tanh_fast


def gate_sigmoid(x):
    """1 / (1 + exp(-x)) in x's precision; outside numba: the exact formula."""
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def _fast_sigmoid32():
    """The float32 sigmoid (1 + tanh(x / 2)) / 2 with the same fit, written out (a sigmoid that
    calls the inlined tanh trips numba's SSA check when inlined itself)."""
    f = np.float32
    clamp = f(_CLAMP)
    a1, a3, a5, a7, a9, a11, a13 = (f(v) for v in _ALPHA)
    b0, b2, b4, b6 = (f(v) for v in _BETA)
    one, half = f(1.0), f(0.5)

    def impl(x):
        h = half * x
        h = clamp if h > clamp else h
        h = -clamp if h < -clamp else h
        h2 = h * h
        p = ((((((a13 * h2 + a11) * h2 + a9) * h2 + a7) * h2 + a5) * h2 + a3) * h2 + a1) * h
        q = ((b6 * h2 + b4) * h2 + b2) * h2 + b0
        y = p / q
        y = one if y > one else y
        y = -one if y < -one else y
        return half + half * y
    return impl


@overload(gate_sigmoid, inline="always")
def _gate_sigmoid_overload(x):
    if isinstance(x, types.Float) and x.bitwidth == 32:
        return _fast_sigmoid32()
    if isinstance(x, types.Float):
        def impl(x):
            if x >= 0.0:
                return 1.0 / (1.0 + math.exp(-x))
            e = math.exp(x)
            return e / (1.0 + e)
        return impl
    return None


@njit(**JIT_OPTIONS)
def mean_row_norm(M):
    """Mean over the rows of M (B, H) of their Euclidean norms, summed in float64. A row whose sum
    of squares is below 1e-290 (a vanished float64 gradient) is scaled by its largest entry first,
    so that its squares do not underflow to zero."""
    B, H = M.shape
    total = 0.0
    for i in range(B):
        sq = 0.0
        for j in range(H):
            v = np.float64(M[i, j])
            sq += v * v
        if sq >= 1e-290:
            total += math.sqrt(sq)
            continue
        m = 0.0
        for j in range(H):
            m = max(m, abs(np.float64(M[i, j])))
        if m > 0.0:
            sq = 0.0
            for j in range(H):
                r = np.float64(M[i, j]) / m
                sq += r * r
            total += m * math.sqrt(sq)
    return total / B


# numba's inliner trips over a second inlined call site of the same overload in one function,
# so the kernels call these small helpers (one call site each; LLVM vectorises their loops).
# One call per time step covers the whole batch (a call per row cost ~10% of a step).
@njit(**JIT_OPTIONS)
def sigmoid_columns(M, start, stop):
    """M[:, start:stop] = sigma(M[:, start:stop]) for M (B, G * H)."""
    for n in range(M.shape[0]):
        for j in range(start, stop):
            M[n, j] = gate_sigmoid(M[n, j])


@njit(**JIT_OPTIONS)
def tanh_columns(M, start, stop):
    """M[:, start:stop] = tanh(M[:, start:stop]) for M (B, G * H)."""
    for n in range(M.shape[0]):
        for j in range(start, stop):
            M[n, j] = gate_tanh(M[n, j])


@njit(**JIT_OPTIONS)
def tanh_into(x, out):
    """out[:] = tanh(x) for C-contiguous arrays of one shape, flat."""
    x1, o1 = x.reshape(x.size), out.reshape(out.size)
    for j in range(x1.shape[0]):
        o1[j] = gate_tanh(x1[j])


@njit(**JIT_OPTIONS)
def flush_tiny(M, tiny):
    """Zero the entries of M (B, H) with |entry| < tiny.

    A vanishing float32 gradient decays into subnormal numbers, which x86 CPUs handle in microcode,
    ~100x slower: a GRU step on a long review took 200 ms instead of 30. Flushing the carried
    gradient below 1e-30 (the float32 normal range ends at 1.2e-38) stops that; such a share cannot
    change a float32 sum of gradients of normal size anyway.
    """
    B, H = M.shape
    zero = M.dtype.type(0)
    for n in range(B):
        for j in range(H):
            v = M[n, j]
            M[n, j] = zero if abs(v) < tiny else v
