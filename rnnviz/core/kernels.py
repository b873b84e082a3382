"""Numba kernels of the vanilla RNN's recurrence: forward, back-propagation through time, the
parameter gradients of U, W, b, E, and the per-step gradient norms (the heads: head_kernels.py).

    a_t = U x_t + W s_{t-1} + b,   s_t = f(a_t),   o_t = V s_t + c,   s_0 = 0,   x_t = E[token_t]

Each kernel is one step of the textbook (``rnnviz.core.reference`` is the same math in plain NumPy,
one sequence at a time). They trust their arguments: the wrappers in ``rnnviz.core`` check shapes,
dtypes, token ranges and names first. Outputs are preallocated arrays; nothing is allocated inside a
time loop. Buffers are time-major: ``[t, i]`` of a (T, B, ...) buffer, or row ``t * B + i`` of a
(T * B, ...) one, is time step t (0-based, textbook t + 1) of sequence i. ``S`` has T + 1 rows so
that ``S[t]`` is s_{t-1} of step t and ``S[t + 1]`` its output; ``S[0]`` is s_0 = 0.

Truncation: ``t0`` is the first (0-based) step inside the BPTT window; steps before it get no
gradient at all (see ``rnnviz.core.grads`` for the exact semantics). ``t0 = 0`` is full BPTT.

The same kernels run in float32 (training) and float64 (traces, tests), and, before they are
compiled, as plain Python (``rnnviz.core.engine``): one source of truth.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit, types
from numba.extending import overload

from .config import ACT_RELU, ACT_TANH, JIT_OPTIONS

# --- tanh for the kernels, resolved per dtype at compile time ----------------------------------
# float32 (training) uses a rational approximation of tanh that LLVM can vectorise: libm's tanhf
# is a scalar call per element (~14 ns here) and would cost more than all the matrix products of a
# training step. Its error is below 6 ulp (3.5e-7 absolute), far inside float32 training noise.
# float64 (traces, tests against the reference) uses the exact libm tanh.
# It lives in this file because numba's cache only notices edits to the file of the cached kernel.
# Odd numerator / even denominator coefficients of a [13/6] rational minimax fit of tanh on
# [-7.9, 7.9] (the fit used by Eigen's fast float tanh); beyond the clamp tanh is 1 in float32.
_CLAMP = 7.90531110763549805
_ALPHA = (4.89352455891786e-03, 6.37261928875436e-04, 1.48572235717979e-05,
          5.12229709037114e-08, -8.60467152213735e-11, 2.00018790482477e-13,
          -2.76076847742355e-16)
_BETA = (4.89352518554385e-03, 2.26843463243900e-03, 1.18534705686654e-04,
         1.19825839466702e-06)


def tanh_fast(x):
    """tanh(x) in x's precision (see the comment above); outside numba: math.tanh."""
    return math.tanh(x)


@overload(tanh_fast, inline="always")
def _tanh_fast_overload(x):
    if isinstance(x, types.Float) and x.bitwidth == 32:
        f = np.float32
        clamp = f(_CLAMP)
        a1, a3, a5, a7, a9, a11, a13 = (f(v) for v in _ALPHA)
        b0, b2, b4, b6 = (f(v) for v in _BETA)
        one = f(1.0)

        def impl(x):
            # selects, not min/max: numba's min/max carry NaN branches that block vectorisation
            x = clamp if x > clamp else x
            x = -clamp if x < -clamp else x
            x2 = x * x
            p = ((((((a13 * x2 + a11) * x2 + a9) * x2 + a7) * x2 + a5) * x2 + a3) * x2 + a1) * x
            q = ((b6 * x2 + b4) * x2 + b2) * x2 + b0
            y = p / q
            y = one if y > one else y
            return -one if y < -one else y
        return impl
    if isinstance(x, types.Float):
        return lambda x: math.tanh(x)
    return None




# Sums of squares inside this range (float64) lost nothing to underflow or overflow.
SUM_SQUARES_SAFE = (1e-290, 1.7e308)


@njit(**JIT_OPTIONS)
def norm(x):
    """Euclidean norm of the 1-D array x, accumulated in float64 whatever x's dtype (a float32 sum
    of squares overflows at ~1e19). When the squares may have underflowed (a vanished gradient, 1e-200
    in float64) or overflowed, x is scaled by its largest entry first: two more passes, rarely.

    Hot loops add the squares inline (fused with their other work, no allocation) and call this
    only when the sum falls outside SUM_SQUARES_SAFE: ``sqrt(sq) if lo <= sq <= hi else norm(x)``.
    """
    if x.itemsize == 8:  # float64
        sq = np.dot(x, x)  # BLAS, no copy: also fast as plain Python (traces, clip reports)
    else:
        sq = 0.0
        for k in range(x.size):
            w = np.float64(x[k])
            sq += w * w
    if SUM_SQUARES_SAFE[0] <= sq <= SUM_SQUARES_SAFE[1]:
        return math.sqrt(sq)
    if sq != sq:
        return sq  # a nan entry: the norm is nan
    x64 = x.astype(np.float64)
    largest = np.abs(x64).max()
    if largest == 0.0 or largest > SUM_SQUARES_SAFE[1]:
        return largest  # all zero, or an infinite entry
    x64 /= largest
    return largest * math.sqrt(np.dot(x64, x64))


# --- forward ------------------------------------------------------------------------------------
# U x_t for every step and sequence comes from one of two equivalent GEMMs, whichever is smaller
# (BatchWorkspace picks): over the T * B input rows, or over the V rows of the embedding table.

@njit(**JIT_OPTIONS)
def input_shares_rows(E, U, tokens, X, A):
    """U x_t from the rows. E (V, Ed), U (H, Ed), tokens (B, T).

    Out: X (T * B, Ed) the inputs, X[t * B + i] = x_t = E[tokens[i, t]]; A (T, B, H) = U x_t.
    """
    B, T = tokens.shape
    H = U.shape[0]
    Ed = E.shape[1]
    for t in range(T):
        for i in range(B):
            row = tokens[i, t]
            for e in range(Ed):
                X[t * B + i, e] = E[row, e]
    np.dot(X, U.T, A.reshape((T * B, H)))


@njit(**JIT_OPTIONS)
def input_shares_vocab(E, U, tokens, EU, A):
    """U x_t from the vocabulary: EU (V, H) = E U^T once (row v is U E[v]), then a lookup per step.

    E (V, Ed), U (H, Ed), tokens (B, T). Out: EU; A (T, B, H) = U x_t = EU[tokens[i, t]].
    """
    B, T = tokens.shape
    H = U.shape[0]
    np.dot(E, U.T, EU)
    for t in range(T):
        for i in range(B):
            row = tokens[i, t]
            for j in range(H):
                A[t, i, j] = EU[row, j]


@njit(**JIT_OPTIONS)
def recurrence(W, b, act, A, S):
    """The recurrence a_t = U x_t + W s_{t-1} + b, s_t = f(a_t), from s_0 = 0.

    W (H, H), b (H,), act the activation code. A (T, B, H): U x_t on entry, a_t on return.
    Out: S (T + 1, B, H), S[0] = 0 and S[t + 1] = s_t.
    """
    T, B, H = A.shape
    n = B * H
    S[0, :, :] = 0.0
    Ws = np.empty((B, H), dtype=A.dtype)  # W s_{t-1} for the batch, one step at a time
    # the bias tiled over the batch, so that the loops below run flat over B * H contiguous values
    # (with H = 32 a loop per row is too short to vectorise well)
    bB = np.empty((B, H), dtype=A.dtype)
    for i in range(B):
        bB[i, :] = b
    b1, w1 = bB.reshape(n), Ws.reshape(n)
    zero = A.dtype.type(0)
    for t in range(T):
        np.dot(S[t], W.T, Ws)  # rows of S[t] are the s_{t-1}: rows of Ws are W s_{t-1}
        a1, s1 = A[t].reshape(n), S[t + 1].reshape(n)
        if act == ACT_TANH:
            for k in range(n):
                a = a1[k] + w1[k] + b1[k]  # a_t = U x_t + W s_{t-1} + b
                a1[k] = a
                s1[k] = tanh_fast(a)  # s_t = tanh(a_t)
        elif act == ACT_RELU:
            for k in range(n):
                a = a1[k] + w1[k] + b1[k]
                a1[k] = a
                s1[k] = a if a > zero else zero  # s_t = max(a_t, 0)
        else:
            for k in range(n):
                a = a1[k] + w1[k] + b1[k]
                a1[k] = a
                s1[k] = a  # s_t = a_t


# --- backward -----------------------------------------------------------------------------------

@njit(**JIT_OPTIONS)
def bptt(W, S, act, t0, last_step_only, dS, dA, dW, grad_norm=None, dW_norm=None):
    """Back-propagation through time, from the last step down to t0, and the gradient of W.

    W (H, H); S (T + 1, B, H) the states; act the activation code.
    dS (T, B, H): on entry the output's share of dL/ds_t, V^T dL/do_t, as the head wrote it; with
    ``last_step_only`` (the binary head: only s_T feeds the output) just the last row, the others
    are not read. On return all of dL/ds_t = V^T dL/do_t + W^T dL/da_{t+1}.
    Out: dA (T, B, H) = dL/da_t = f'(a_t) dL/ds_t (rows before t0 of dS and dA are zero);
    dW (H, H) = sum over the window and the batch of dL/da_t s_{t-1}^T.
    With grad_norm and dW_norm (T,) (the per-step diagnostics): the mean over the batch of
    ||dL/ds_t||, and ||sum over the batch of dL/da_t s_{t-1}^T||_F, step t's share of dW, which is
    then formed step by step while dA[t] is in cache (one GEMM after the loop otherwise).
    """
    T, B, H = dA.shape
    n = B * H
    one, zero = dA.dtype.type(1), dA.dtype.type(0)
    lo, hi = SUM_SQUARES_SAFE
    future = np.zeros((B, H), dtype=dA.dtype)  # W^T dL/da_{t+1} as rows
    share = np.zeros((H, H), dtype=dA.dtype)  # one step's share of dW
    f1 = future.reshape(n)
    dW[:, :] = 0.0
    for t in range(T - 1, t0 - 1, -1):
        ds1, s1, da1 = dS[t].reshape(n), S[t + 1].reshape(n), dA[t].reshape(n)
        if t < T - 1:
            if last_step_only:
                np.dot(dA[t + 1], W, dS[t])  # dL/ds_t = W^T dL/da_{t+1}, as rows of dA W
            else:
                np.dot(dA[t + 1], W, future)
                for k in range(n):
                    ds1[k] += f1[k]  # dL/ds_t = V^T dL/do_t + W^T dL/da_{t+1}
        # dL/da_t = f'(a_t) dL/ds_t, with f' read from s_t
        if act == ACT_TANH:
            for k in range(n):
                s = s1[k]
                da1[k] = (one - s * s) * ds1[k]  # tanh' = 1 - s_t^2
        elif act == ACT_RELU:
            for k in range(n):
                da1[k] = ds1[k] if s1[k] > zero else zero  # relu' = 1 where s_t > 0
        else:
            for k in range(n):
                da1[k] = ds1[k]  # linear' = 1
        if grad_norm is not None:
            total = 0.0
            for i in range(B):
                sq = 0.0
                for j in range(H):
                    v = np.float64(dS[t, i, j])
                    sq += v * v
                total += math.sqrt(sq) if lo <= sq <= hi else norm(dS[t, i])
            grad_norm[t] = total / B
        if dW_norm is not None:
            np.dot(dA[t].T, S[t], share)  # step t's share: dL/da_t s_{t-1}^T over the batch
            sq = 0.0
            for j in range(H):
                for k in range(H):
                    v = share[j, k]
                    dW[j, k] += v
                    sq += np.float64(v) * np.float64(v)
            dW_norm[t] = math.sqrt(sq) if lo <= sq <= hi else norm(share.reshape(H * H))
    dS[:t0, :, :] = 0.0
    dA[:t0, :, :] = 0.0
    if grad_norm is not None:
        grad_norm[:t0] = 0.0
    if dW_norm is not None:
        dW_norm[:t0] = 0.0
    else:
        # dW = sum over the window's rows of dL/da_t s_{t-1}^T: one GEMM
        m0, m = t0 * B, T * B
        np.dot(dA.reshape((m, H))[m0:].T, S[:T].reshape((m, H))[m0:], dW)


@njit(**JIT_OPTIONS)
def input_grads_rows(U, dA, tokens, t0, X, dE, dU, db):
    """Gradients of the input layer U x_t + b and of the embedding E, over the window's rows (the
    rows path of the forward pass).

    U (H, Ed), dA (T, B, H), tokens (B, T). X (T * B, Ed): the inputs x_t on entry (dU = sum of
    dL/da_t x_t^T, one GEMM), then overwritten with dL/dx_t = U^T dL/da_t, each scatter-added into
    its token's row of dE (V, Ed) (dense, as Keras does; repeated tokens accumulate).
    Out: dE, dU, db (H,) = sum of dL/da_t.
    """
    T, B, H = dA.shape
    Ed = U.shape[1]
    n0, n = t0 * B, T * B
    dA2 = dA.reshape((n, H))
    db[:] = 0.0
    for r in range(n0, n):
        for j in range(H):
            db[j] += dA2[r, j]
    np.dot(dA2[n0:].T, X[n0:], dU)
    np.dot(dA2[n0:], U, X[n0:])  # X now holds the dL/dx_t
    dE[:, :] = 0.0
    for t in range(t0, T):
        for i in range(B):
            row = tokens[i, t]
            for e in range(Ed):
                dE[row, e] += X[t * B + i, e]


@njit(**JIT_OPTIONS)
def input_grads_vocab(E, U, dA, tokens, t0, G, dE, dU, db):
    """Gradients of the input layer and of E via the vocabulary (the forward pass's vocab path).

    E (V, Ed), U (H, Ed), dA (T, B, H), tokens (B, T). Scratch G (V, H): the sum of the dL/da_t
    of every step that read token v, in row v. Then dE = G U and dU = G^T E (two GEMMs), and
    db (H,) = the sum of G's rows (= the sum of all dL/da_t).
    """
    T, B, H = dA.shape
    G[:, :] = 0.0
    for t in range(t0, T):
        for i in range(B):
            g = G[tokens[i, t]]
            for j in range(H):
                g[j] += dA[t, i, j]
    db[:] = 0.0
    for v in range(G.shape[0]):
        for j in range(H):
            db[j] += G[v, j]
    np.dot(G, U, dE)
    np.dot(G.T, E, dU)
