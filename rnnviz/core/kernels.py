"""Private numba kernels of the vanilla RNN: forward, the two heads, BPTT, parameter gradients.

    a_t = U x_t + W s_{t-1} + b,   s_t = f(a_t),   o_t = V s_t + c,   s_0 = 0,   x_t = E[token_t]

These kernels trust their arguments: the wrappers in ``rnnviz.core`` check shapes, dtypes, token
ranges and names first. Every output is a preallocated array; nothing is allocated inside the time
loop. Buffers are time-major: row ``t * B + i`` of a 2-D buffer, or ``[t, i]`` of a 3-D one, is time
step t (0-based, textbook t + 1) of sequence i. ``S`` has T + 1 rows so that ``S[t]`` is s_{t-1} of
step t and ``S[t + 1]`` its output; ``S[0]`` is s_0 = 0.

Truncation: ``t0`` is the first (0-based) step inside the BPTT window; steps before it get no
gradient at all (see ``rnnviz.core.grads`` for the exact semantics). ``t0 = 0`` is full BPTT.

The same kernels run in float32 (training) and float64 (traces, tests). The ``store`` flag makes
them also write per-step intermediates for the step trace; with ``store`` false those outputs may be
zero-sized arrays and are not touched.
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


# ------------------------------------------------------------------------------------------------


@njit(**JIT_OPTIONS)
def gather_inputs(E, tokens, X):
    """X[t * B + i] = E[tokens[i, t]]. tokens (B, T); X (T * B, Ed)."""
    B, T = tokens.shape
    Ed = E.shape[1]
    for t in range(T):
        for i in range(B):
            row = tokens[i, t]
            r = t * B + i
            for e in range(Ed):
                X[r, e] = E[row, e]


@njit(**JIT_OPTIONS)
def forward_kernel(E, U, W, b, tokens, act, vocab_path, EU, X, A, S, Ws_t, store, Ux, Ws):
    """Forward pass of a batch.

    E (V, Ed), U (H, Ed), W (H, H), b (H,), tokens (B, T) int64, act int code.
    The input share U x_t comes from one of two equivalent GEMMs, whichever is smaller:
      rows path (``vocab_path`` false): gather X (T * B, Ed) = the x_t, then X U^T;
      vocab path: EU (V, H) = E U^T once, then U x_t = EU[token_t] (when V < T * B).
    Out: A (T, B, H) the pre-activations a_t; S (T + 1, B, H) the states (S[0] = 0); X or EU.
    Scratch: Ws_t (B, H). When ``store``: Ux, Ws (T, B, H) the two shares of a_t.
    """
    B, T = tokens.shape
    H = W.shape[0]
    if vocab_path:
        np.dot(E, U.T, EU)
    else:
        gather_inputs(E, tokens, X)
        np.dot(X, U.T, A.reshape((T * B, H)))
    S[0, :, :] = 0.0
    n = B * H
    # the bias tiled over the batch, so that the per-step loops below run flat over B * H
    # contiguous values (with H = 32 a per-row loop is too short to vectorise well)
    bB = np.empty((B, H), dtype=A.dtype)
    for i in range(B):
        bB[i, :] = b
    b1 = bB.reshape(n)
    w1 = Ws_t.reshape(n)
    zero = A.dtype.type(0)
    for t in range(T):
        # W s_{t-1} for the whole batch: rows of S[t] times W^T (a small BLAS GEMM)
        np.dot(S[t], W.T, Ws_t)
        At = A[t]
        if vocab_path:
            for i in range(B):
                row = tokens[i, t]
                for j in range(H):
                    At[i, j] = EU[row, j]
        if store:
            Ux[t, :, :] = At
            Ws[t, :, :] = Ws_t
        a1 = At.reshape(n)
        s1 = S[t + 1].reshape(n)
        if act == ACT_TANH:
            for f in range(n):
                a = a1[f] + w1[f] + b1[f]
                a1[f] = a
                s1[f] = tanh_fast(a)
        elif act == ACT_RELU:
            for f in range(n):
                a = a1[f] + w1[f] + b1[f]
                a1[f] = a
                s1[f] = a if a > zero else zero
        else:
            for f in range(n):
                a = a1[f] + w1[f] + b1[f]
                a1[f] = a
                s1[f] = a


@njit(**JIT_OPTIONS)
def binary_head_kernel(s_last, V, c, labels, logits):
    """Many-to-one head: logit z_i = V s_T + c, mean binary cross-entropy with logits.

    s_last (B, H) = s_T, V (1, H), c (1,), labels (B,) 0/1 as floats.
    Out: logits (B,). Returns the loss, the mean over the batch.
    """
    B, H = s_last.shape
    inv_B = 1.0 / B
    loss = 0.0
    for i in range(B):
        z = c[0]
        for j in range(H):
            z += V[0, j] * s_last[i, j]
        logits[i] = z
        y = labels[i]
        # log(1 + exp(-|z|)) keeps the loss finite for any z
        loss += max(z, 0.0) - z * y + math.log1p(math.exp(-abs(z)))
    return loss * inv_B


@njit(**JIT_OPTIONS)
def binary_head_backward(s_last, V, labels, logits, dz, dV, dc, dS_out):
    """Gradient of the mean BCE: dz_i = (sigmoid(z_i) - y_i) / B.

    Out: dz (B,), dV (1, H), dc (1,), dS_out (1, B, H) = dz_i V.
    """
    B, H = s_last.shape
    inv_B = 1.0 / B
    dc[0] = 0.0
    for j in range(H):
        dV[0, j] = 0.0
    for i in range(B):
        z = logits[i]
        if z >= 0.0:
            p = 1.0 / (1.0 + math.exp(-z))
        else:
            ez = math.exp(z)
            p = ez / (1.0 + ez)
        g = (p - labels[i]) * inv_B
        dz[i] = g
        dc[0] += g
        for j in range(H):
            dV[0, j] += g * s_last[i, j]
            dS_out[0, i, j] = g * V[0, j]


@njit(**JIT_OPTIONS)
def outputs_kernel(S1, V, c, O):
    """o_t = V s_t + c at every step. S1 (T, B, H) = s_1..s_T; O (T, B, K)."""
    T, B, H = S1.shape
    K = V.shape[0]
    O2 = O.reshape((T * B, K))
    np.dot(S1.reshape((T * B, H)), V.T, O2)
    for r in range(T * B):
        for k in range(K):
            O2[r, k] += c[k]


@njit(**JIT_OPTIONS)
def softmax_head_kernel(S1, V, c, targets, t0, O, P, dO, step_loss, dV, dc, dS_out,
                        store, dV_step):
    """Many-to-many head: softmax cross-entropy at every step, L = sum_t L_t, mean over the batch.

    S1 (T, B, H) = s_1..s_T; targets (B, T) int64 in [0, K). Out: O, P (softmax), dO (T, B, K);
    step_loss (T,) (mean over the batch of L_t); dV (K, H), dc (K,), dS_out (T, B, H) = V^T dL/do_t.
    Steps before t0 (outside the truncation window) get dO = 0. Returns the loss.
    When ``store``: dV_step (T, K, H) = each step's dL/do_t s_t^T, summed over the batch.
    """
    T, B, H = S1.shape
    K = V.shape[0]
    inv_B = 1.0 / B
    outputs_kernel(S1, V, c, O)
    loss = 0.0
    for t in range(T):
        lt = 0.0
        for i in range(B):
            m = O[t, i, 0]
            for k in range(1, K):
                m = max(m, O[t, i, k])
            z = 0.0
            for k in range(K):
                e = math.exp(O[t, i, k] - m)
                P[t, i, k] = e
                z += e
            for k in range(K):
                P[t, i, k] /= z
            y = targets[i, t]
            lt += m + math.log(z) - O[t, i, y]
            if t >= t0:
                for k in range(K):
                    dO[t, i, k] = P[t, i, k] * inv_B
                dO[t, i, y] -= inv_B
            else:
                for k in range(K):
                    dO[t, i, k] = 0.0
        step_loss[t] = lt * inv_B
        loss += lt
    n0 = t0 * B
    dO2 = dO.reshape((T * B, K))
    S2 = S1.reshape((T * B, H))
    np.dot(dO2[n0:].T, S2[n0:], dV)
    for k in range(K):
        dc[k] = 0.0
    for r in range(n0, T * B):
        for k in range(K):
            dc[k] += dO2[r, k]
    np.dot(dO2, V, dS_out.reshape((T * B, H)))
    if store:
        dV_step[:, :, :] = 0.0
        for t in range(t0, T):
            for i in range(B):
                for k in range(K):
                    d = dO[t, i, k]
                    for j in range(H):
                        dV_step[t, k, j] += d * S1[t, i, j]
    return loss * inv_B


@njit(**JIT_OPTIONS)
def scaled_norm(x):
    """Euclidean norm of the 1-D array x, scaled by its largest entry first so that the squares
    of a vanished gradient (1e-200 in float64, 1e-30 in float32) do not underflow to zero. Two
    extra passes: only called when the plain sum of squares is that small."""
    m = 0.0
    for v in x:
        m = max(m, abs(np.float64(v)))
    if m == 0.0:
        return 0.0
    sq = 0.0
    for v in x:
        r = np.float64(v) / m
        sq += r * r
    return m * math.sqrt(sq)


@njit(**JIT_OPTIONS)
def backward_kernel(W, S, dS_out, act, t0, dA, carry, dW_t, dW, diagnostics, grad_norm, dW_norm,
                    store, dS_store, dS_rec_store, fprime_store, dW_step):
    """BPTT through the recurrence, from t = T - 1 down to t0 (0-based).

    W (H, H); S (T + 1, B, H) states; dS_out the output's share of dL/ds_t: (T, B, H) for the
    softmax head, or (1, B, H) for the binary head (only the last step sees the output).
    Out: dA (T, B, H) = dL/da_t (rows before t0 zeroed); dW (H, H).
    When ``diagnostics``: grad_norm (T,) = mean over the batch of ||dL/ds_t|| and
    dW_norm (T,) = ||sum_i dL/da_t s_{t-1}^T||_F. dW is then formed step by step (each step's
    share is needed for its norm anyway); without diagnostics, by one GEMM after the loop.
    Scratch: carry (B, H) holds W^T dL/da_{t+1}, the future's share; dW_t (H, H) one step's dW.
    When ``store``: dS_store, dS_rec_store, fprime_store (T, B, H) and dW_step (T, H, H).
    """
    T = S.shape[0] - 1
    B = S.shape[1]
    H = S.shape[2]
    one = S.dtype.type(1)
    zero = S.dtype.type(0)
    # sums of squares below this may have lost entries to underflow (float32 / float64)
    tiny = S.dtype.type(1e-30) if S.itemsize == 4 else S.dtype.type(1e-290)
    per_step_out = dS_out.shape[0] == T and T > 1
    n = B * H
    c1 = carry.reshape(n)
    carry[:, :] = 0.0
    dW[:, :] = 0.0
    grad_norm[:] = 0.0
    dW_norm[:] = 0.0
    for t in range(T - 1, t0 - 1, -1):
        out_t = dS_out[t] if per_step_out else dS_out[0]
        has_out = per_step_out or t == T - 1
        if store:
            dS_rec_store[t, :, :] = carry
        if has_out:
            o1 = out_t.reshape(n)
            for f in range(n):
                c1[f] += o1[f]
        # carry now holds dL/ds_t (the future's share plus the output's)
        s1 = S[t + 1].reshape(n)
        dAt = dA[t]
        d1 = dAt.reshape(n)
        # dL/da = f'(a) dL/ds, flat over the B * H values (f' from s_t, a_t is not needed)
        if act == ACT_TANH:
            for f in range(n):
                s = s1[f]
                d1[f] = (one - s * s) * c1[f]
        elif act == ACT_RELU:
            for f in range(n):
                d1[f] = c1[f] if s1[f] > zero else zero
        else:
            for f in range(n):
                d1[f] = c1[f]
        norm_sum = 0.0
        if diagnostics:
            for i in range(B):
                sq = zero
                for j in range(H):
                    sq += carry[i, j] * carry[i, j]
                # below `tiny` the squares may have underflowed: redo it scaled (rare)
                norm_sum += math.sqrt(sq) if sq >= tiny else scaled_norm(carry[i])
        if store:
            dS_store[t, :, :] = carry
            for i in range(B):
                for j in range(H):
                    s = S[t + 1, i, j]
                    if act == ACT_TANH:
                        fprime_store[t, i, j] = one - s * s
                    elif act == ACT_RELU:
                        fprime_store[t, i, j] = one if s > zero else zero
                    else:
                        fprime_store[t, i, j] = one
        if diagnostics:
            grad_norm[t] = norm_sum / B
            # this step's share of dW = sum_i dL/da_t s_{t-1}^T, and its Frobenius norm
            np.dot(dAt.T, S[t], dW_t)
            fro = zero
            for j in range(H):
                for k in range(H):
                    v = dW_t[j, k]
                    fro += v * v
                    dW[j, k] += v
            dW_norm[t] = math.sqrt(fro) if fro >= tiny else scaled_norm(dW_t.reshape(H * H))
            if store:
                dW_step[t, :, :] = dW_t
        if t > t0:
            # the future's share for step t - 1: W^T dL/da_t, as rows: carry_i = dA_i W
            np.dot(dAt, W, carry)
    for t in range(t0):
        dA[t, :, :] = 0.0
    if not diagnostics and t0 < T:
        n0, n = t0 * B, T * B
        np.dot(dA.reshape((n, H))[n0:].T, S[:T].reshape((n, H))[n0:], dW)


@njit(**JIT_OPTIONS)
def input_grads_kernel(E, U, X, dA, tokens, t0, vocab_path, G, dE, dU, db, dX,
                       store, dU_step, dx_step):
    """Gradients of E, U, b from dA over the window t >= t0, as big GEMMs.

    E (V, Ed), U (H, Ed), dA (T, B, H), tokens (B, T). Out: dE (V, Ed) dense, like Keras;
    dU (H, Ed); db (H,). Two equivalent paths (see forward_kernel):
      rows path: dU = dA^T X over all window rows, dX = dA U (scratch (T * B, Ed), may be the
        same array as X), then each dx_t is scatter-added into its token's row of dE;
      vocab path: G (V, H) = sum of dA rows per token (a scatter-add), then dE = G U, dU = G^T E.
    The scatter-adds are compiled loops (not np.add.at); repeated tokens accumulate.
    When ``store``: dU_step (T, H, Ed) and dx_step (T, Ed) = U^T dL/da_t, summed over the batch.
    """
    T, B, H = dA.shape
    Ed = U.shape[1]
    n0 = t0 * B
    n = T * B
    dA2 = dA.reshape((n, H))
    if store:
        dU_step[:, :, :] = 0.0
        dx_step[:, :] = 0.0
        for t in range(t0, T):
            for i in range(B):
                x = E[tokens[i, t]]
                for j in range(H):
                    d = dA[t, i, j]
                    for e in range(Ed):
                        dU_step[t, j, e] += d * x[e]
                for j in range(H):
                    d = dA[t, i, j]
                    for e in range(Ed):
                        dx_step[t, e] += d * U[j, e]
    for j in range(H):
        db[j] = 0.0
    for r in range(n0, n):
        for j in range(H):
            db[j] += dA2[r, j]
    if vocab_path:
        G[:, :] = 0.0
        for t in range(t0, T):
            for i in range(B):
                g = G[tokens[i, t]]
                for j in range(H):
                    g[j] += dA[t, i, j]
        np.dot(G, U, dE)
        np.dot(G.T, E, dU)
        return
    if n0 < n:
        np.dot(dA2[n0:].T, X[n0:], dU)
        np.dot(dA2[n0:], U, dX[n0:])
    else:
        dU[:, :] = 0.0
    dE[:, :] = 0.0
    for t in range(t0, T):
        for i in range(B):
            r = t * B + i
            row = tokens[i, t]
            for e in range(Ed):
                dE[row, e] += dX[r, e]
