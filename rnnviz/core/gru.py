"""Numba kernels of the GRU cell: forward through time and BPTT (private; the workspace checks).

The form PyTorch and Keras use by default (reset gate applied after the recurrent product):

    h_t = W s_{t-1} + bW                      (3H,): blocks r, z, n
    r = sigma(U_r x_t + b_r + h_r),  z = sigma(U_z x_t + b_z + h_z)
    n = tanh(U_n x_t + b_n + r * h_n),  s_t = (1 - z) * n + z * s_{t-1},  s_0 = 0

Buffers are time-major, (T, B, ...) with B the batch; ``S`` has T + 1 rows (``S[t]`` is s_{t-1}
of the 0-based step t). ``Z`` (T, B, 3H) holds U x_t on entry, the gates r, z, n after the forward
pass, and dL/d(U x_t + b) after the backward pass. ``Hn`` (T, B, H) keeps h_n for the backward
pass; ``dR`` (T, B, 3H) receives dL/dh_t, the gradient of the recurrent side (it differs from the
input side's only in the n block, which is multiplied by r).
"""
from __future__ import annotations

import numpy as np
from numba import njit

from .config import JIT_OPTIONS
from .gated_math import flush_tiny, mean_row_norm, sigmoid_columns, tanh_columns


@njit(**JIT_OPTIONS)
def gru_forward(W, b, bW, Z, S, Hn, Zs, vocab_path, EU, tokens):
    """Forward pass of a batch.

    W (3H, H), b, bW (3H,). Z (T, B, 3H): U x_t on entry (rows path), or filled here from EU
    (V, 3H) = E U^T and tokens (B, T) (vocab path); the gates r, z, n on exit. Out: S (T + 1, B, H)
    (row 0 = 0), Hn (T, B, H) = W_n s_{t-1} + bW_n. Scratch: Zs (B, 3H) = W s_{t-1}.
    """
    T, B, H3 = Z.shape
    H = H3 // 3
    one = S.dtype.type(1)
    S[0, :, :] = 0.0
    # the biases tiled over the batch, so that the bias loops run flat over B * 3H values; the
    # loops are kept simple (one thing each over contiguous memory) so that LLVM vectorises them
    bB = np.empty((B, H3), dtype=Z.dtype)
    bWB = np.empty((B, H3), dtype=Z.dtype)
    for n in range(B):
        bB[n, :] = b
        bWB[n, :] = bW
    b1, bW1, zs1 = bB.reshape(B * H3), bWB.reshape(B * H3), Zs.reshape(B * H3)
    for t in range(T):
        np.dot(S[t], W.T, Zs)
        Zt, Sp, Sn, Hnt = Z[t], S[t], S[t + 1], Hn[t]
        if vocab_path:
            for n in range(B):
                zn, ux = Zt[n], EU[tokens[n, t]]
                for j in range(H3):
                    zn[j] = ux[j] + b[j]    # U x_t + b
        else:
            z1 = Zt.reshape(B * H3)
            for f in range(B * H3):
                z1[f] += b1[f]
        for f in range(B * H3):
            zs1[f] += bW1[f]                # h_t = W s_{t-1} + bW
        for n in range(B):
            zn, hn = Zt[n], Zs[n]
            for j in range(2 * H):
                zn[j] += hn[j]
        sigmoid_columns(Zt, 0, 2 * H)       # r and z, adjacent blocks
        for n in range(B):
            zn, hn = Zt[n], Zs[n]
            for j in range(H):
                Hnt[n, j] = hn[2 * H + j]
                zn[2 * H + j] += zn[j] * hn[2 * H + j]   # reset applied after the product
        tanh_columns(Zt, 2 * H, H3)         # n
        for n in range(B):
            zn, sp, sn = Zt[n], Sp[n], Sn[n]
            for j in range(H):
                z = zn[H + j]
                sn[j] = (one - z) * zn[2 * H + j] + z * sp[j]


@njit(**JIT_OPTIONS)
def gru_backward(W, S, Hn, Z, dS_out, t0, dS, dR, carry, direct, diagnostics, grad_norm, dW):
    """BPTT from t = T - 1 down to t0 (0-based); steps before t0 get no gradient (truncation).

    W (3H, H); S (T + 1, B, H); Hn (T, B, H); Z (T, B, 3H) the gates, overwritten with the input
    side's dL/d(U x_t + b). dS_out: the output's share of dL/ds_t, (T, B, H) or (1, B, H) (binary).
    Out: dS (T, B, H) = dL/ds_t; dR (T, B, 3H) = dL/dh_t; dW (3H, H) (zero before t0).
    When ``diagnostics``: grad_norm (T,) = mean over the batch of ||dL/ds_t||.
    Scratch: carry (B, H) = the future's share of dL/ds_t; direct (B, H) = dL/ds_t z_t, the share
    that skips the gates on the path s_{t-1} -> s_t.
    """
    T, B, H3 = Z.shape
    H = H3 // 3
    one = S.dtype.type(1)
    per_step_out = dS_out.shape[0] == T and T > 1
    # float32: carried gradients below 1e-30 are flushed to zero (see flush_tiny); float64: never
    tiny = S.dtype.type(1e-30) if S.itemsize == 4 else S.dtype.type(0.0)
    carry[:, :] = 0.0
    grad_norm[:] = 0.0
    for t in range(T - 1, t0 - 1, -1):
        if per_step_out or t == T - 1:
            out = dS_out[t] if per_step_out else dS_out[0]
            for n in range(B):
                for j in range(H):
                    carry[n, j] += out[n, j]
        flush_tiny(carry, tiny)
        Zt, Sp, Hnt, dSt, dRt = Z[t], S[t], Hn[t], dS[t], dR[t]
        for n in range(B):
            for j in range(H):
                dh = carry[n, j]
                r, z, nn = Zt[n, j], Zt[n, H + j], Zt[n, 2 * H + j]
                dn = dh * (one - z) * (one - nn * nn)      # dL/d(n's pre-activation)
                dz = dh * (Sp[n, j] - nn) * z * (one - z)
                dr = dn * Hnt[n, j] * r * (one - r)
                dSt[n, j] = dh
                Zt[n, j] = dr
                Zt[n, H + j] = dz
                Zt[n, 2 * H + j] = dn
                dRt[n, j] = dr
                dRt[n, H + j] = dz
                dRt[n, 2 * H + j] = dn * r
                direct[n, j] = dh * z
        if diagnostics:
            grad_norm[t] = mean_row_norm(dSt)
        if t > t0:
            # dL/ds_{t-1} from the future: W^T dL/dh_t plus the direct path z_t dL/ds_t
            np.dot(dRt, W, carry)
            for n in range(B):
                for j in range(H):
                    carry[n, j] += direct[n, j]
    for t in range(t0):
        Z[t, :, :] = 0.0
        dR[t, :, :] = 0.0
        dS[t, :, :] = 0.0
    if t0 < T:
        n0, n = t0 * B, T * B
        np.dot(dR.reshape((n, H3))[n0:].T, S[:T].reshape((n, H))[n0:], dW)
    else:
        dW[:, :] = 0.0
