"""Numba kernels of the LSTM cell: forward through time and BPTT (private; the workspace checks).

    z_t = U x_t + W s_{t-1} + b            (4H,): blocks i, f, g, o
    i = sigma(z_i), f = sigma(z_f), g = tanh(z_g), o = sigma(z_o)
    C_t = f * C_{t-1} + i * g,   s_t = o * tanh(C_t),   C_0 = s_0 = 0

Buffers are time-major, (T, B, ...) with B the batch: ``S`` and ``C`` have T + 1 rows so that
``S[t]`` is s_{t-1} of the 0-based step t and ``S[t + 1]`` its output. ``Z`` (T, B, 4H) holds U x_t
on entry to the forward pass, the gate values i, f, g, o after it, and dL/dz_t after the backward
pass (each step's gates are read for the last time just before its dL/dz_t is written over them).
The same kernels run in float32 (training) and float64 (traces, tests).
"""
from __future__ import annotations

import numpy as np
from numba import njit

from .config import JIT_OPTIONS
from .gated_math import flush_tiny, mean_row_norm, sigmoid_columns, tanh_columns, tanh_into


@njit(**JIT_OPTIONS)
def lstm_forward(W, b, Z, S, C, TC, Zs, vocab_path, EU, tokens):
    """Forward pass of a batch.

    W (4H, H), b (4H,). Z (T, B, 4H): U x_t on entry (rows path), or filled here from EU (V, 4H)
    = E U^T and tokens (B, T) (vocab path); the gates on exit. Out: S, C (T + 1, B, H) (row 0 = 0),
    TC (T, B, H) = tanh(C_t), kept for the backward pass. Scratch: Zs (B, 4H) = W s_{t-1}.
    """
    T, B, H4 = Z.shape
    H = H4 // 4
    S[0, :, :] = 0.0
    C[0, :, :] = 0.0
    # The bias tiled over the batch, so that the first loop below runs flat over B * 4H values.
    # Each loop below does one simple thing over contiguous memory: LLVM vectorises such loops
    # (one fused loop over the four gate blocks, with its many pointers, it did not: 3x slower).
    bB = np.empty((B, H4), dtype=Z.dtype)
    for n in range(B):
        bB[n, :] = b
    b1, zs1 = bB.reshape(B * H4), Zs.reshape(B * H4)
    for t in range(T):
        # W s_{t-1} for the whole batch: one small GEMM per step, the recurrence's only coupling
        np.dot(S[t], W.T, Zs)
        Zt, Cp, Sn, Cn, TCt = Z[t], C[t], S[t + 1], C[t + 1], TC[t]
        if vocab_path:
            for n in range(B):
                zn, ux, zsn = Zt[n], EU[tokens[n, t]], Zs[n]
                for j in range(H4):
                    zn[j] = ux[j] + zsn[j] + b[j]
        else:
            z1 = Zt.reshape(B * H4)
            for f in range(B * H4):
                z1[f] = z1[f] + zs1[f] + b1[f]
        sigmoid_columns(Zt, 0, 2 * H)           # i and f, adjacent blocks
        tanh_columns(Zt, 2 * H, 3 * H)          # g
        sigmoid_columns(Zt, 3 * H, H4)          # o
        for n in range(B):
            zn, cp, cn = Zt[n], Cp[n], Cn[n]
            for j in range(H):
                cn[j] = zn[H + j] * cp[j] + zn[j] * zn[2 * H + j]   # C_t = f C_{t-1} + i g
        tanh_into(Cn, TCt)
        for n in range(B):
            zn, tcn, sn = Zt[n], TCt[n], Sn[n]
            for j in range(H):
                sn[j] = zn[3 * H + j] * tcn[j]                      # s_t = o tanh(C_t)


@njit(**JIT_OPTIONS)
def lstm_backward(W, S, C, TC, Z, dS_out, t0, dS, dC, carry, carry_c, diagnostics,
                  grad_norm, cell_norm, dW):
    """BPTT from t = T - 1 down to t0 (0-based); steps before t0 get no gradient (truncation).

    W (4H, H); S, C (T + 1, B, H); TC (T, B, H); Z (T, B, 4H) the gates, overwritten with
    dL/dz_t. dS_out: the output's share of dL/ds_t, (T, B, H) (softmax head) or (1, B, H) (binary
    head: only s_T feeds the output).
    Out: dS (T, B, H) = dL/ds_t and dC (T, B, H) = dL/dC_t (zero before t0); dW (4H, H).
    When ``diagnostics``: grad_norm (T,) and cell_norm (T,) the means over the batch of ||dL/ds_t||
    and ||dL/dC_t||. Scratch: carry (B, H) = W^T dL/dz_{t+1}, carry_c (B, H) = dL/dC_{t+1} f_{t+1}.
    """
    T, B, H4 = Z.shape
    H = H4 // 4
    one = S.dtype.type(1)
    per_step_out = dS_out.shape[0] == T and T > 1
    # float32: carried gradients below 1e-30 are flushed to zero (see flush_tiny); float64: never
    tiny = S.dtype.type(1e-30) if S.itemsize == 4 else S.dtype.type(0.0)
    carry[:, :] = 0.0
    carry_c[:, :] = 0.0
    grad_norm[:] = 0.0
    cell_norm[:] = 0.0
    for t in range(T - 1, t0 - 1, -1):
        if per_step_out or t == T - 1:
            out = dS_out[t] if per_step_out else dS_out[0]
            for n in range(B):
                for j in range(H):
                    carry[n, j] += out[n, j]
        flush_tiny(carry, tiny)
        flush_tiny(carry_c, tiny)
        # carry is now dL/ds_t: the future's share plus the output's
        Zt, Cp, TCt, dSt, dCt = Z[t], C[t], TC[t], dS[t], dC[t]
        for n in range(B):
            for j in range(H):
                dh = carry[n, j]
                ig, fg, gg, og = Zt[n, j], Zt[n, H + j], Zt[n, 2 * H + j], Zt[n, 3 * H + j]
                tc = TCt[n, j]
                # dL/dC_t: through s_t = o tanh(C_t), plus through C_{t+1} = f_{t+1} C_t + ...
                dc = carry_c[n, j] + dh * og * (one - tc * tc)
                dSt[n, j] = dh
                dCt[n, j] = dc
                Zt[n, j] = dc * gg * ig * (one - ig)
                Zt[n, H + j] = dc * Cp[n, j] * fg * (one - fg)
                Zt[n, 2 * H + j] = dc * ig * (one - gg * gg)
                Zt[n, 3 * H + j] = dh * tc * og * (one - og)
                carry_c[n, j] = dc * fg
        if diagnostics:
            grad_norm[t] = mean_row_norm(dSt)
            cell_norm[t] = mean_row_norm(dCt)
        if t > t0:
            # the future's share of dL/ds_{t-1}: W^T dL/dz_t, as rows: carry_n = dz_n W
            np.dot(Zt, W, carry)
    for t in range(t0):
        Z[t, :, :] = 0.0
        dS[t, :, :] = 0.0
        dC[t, :, :] = 0.0
    if t0 < T:
        n0, n = t0 * B, T * B
        np.dot(Z.reshape((n, H4))[n0:].T, S[:T].reshape((n, H))[n0:], dW)
    else:
        dW[:, :] = 0.0
