"""Numba kernels of the two output heads: outputs o_t = V s_t + c, the loss, and its gradients.

"binary" (many-to-one): z = o_T = V s_T + c, L = mean over the batch of BCE(sigmoid(z), y).
"softmax" (many-to-many): L = mean over the batch of sum_t CE(softmax(o_t), y_t).

Each head hands BPTT the output's share of dL/ds_t, V^T dL/do_t (see ``kernels.bptt``). Same
conventions as ``rnnviz.core.kernels`` (time-major buffers, ``t0`` the first step of the BPTT
window, float32 or float64, the wrappers check the arguments).
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

from .config import JIT_OPTIONS


@njit(**JIT_OPTIONS)
def binary_head(s_T, V, c, labels, logits):
    """Logits z_i = V s_T + c and the mean binary cross-entropy with logits.

    s_T (B, H) the last states, V (1, H), c (1,), labels (B,) 0/1 as floats.
    Out: logits (B,). Returns the loss.
    """
    B, H = s_T.shape
    loss = 0.0
    for i in range(B):
        z = c[0]
        for j in range(H):
            z += V[0, j] * s_T[i, j]  # z = V s_T + c
        logits[i] = z
        # BCE(sigmoid(z), y) = max(z, 0) - z y + log(1 + e^-|z|): finite for any z
        loss += max(z, 0.0) - z * labels[i] + math.log1p(math.exp(-abs(z)))
    return loss / B


@njit(**JIT_OPTIONS)
def binary_head_grad(s_T, V, labels, logits, dV, dc, ds_T):
    """Gradients of the mean BCE: dL/dz_i = (sigmoid(z_i) - y_i) / B.

    s_T (B, H), V (1, H), labels (B,), logits (B,) from binary_head.
    Out: dV (1, H) = sum_i dL/dz_i s_T; dc (1,); ds_T (B, H) = V^T dL/dz_i, the output's share of
    dL/ds_T (the earlier steps get none from the output).
    """
    B, H = s_T.shape
    dc[0] = 0.0
    dV[0, :] = 0.0
    for i in range(B):
        z = logits[i]
        # sigmoid(z), without overflow for either sign of z
        p = 1.0 / (1.0 + math.exp(-z)) if z >= 0.0 else math.exp(z) / (1.0 + math.exp(z))
        dz = (p - labels[i]) / B
        dc[0] += dz
        for j in range(H):
            dV[0, j] += dz * s_T[i, j]
            ds_T[i, j] = dz * V[0, j]


@njit(**JIT_OPTIONS)
def outputs(S1, V, c, O):
    """o_t = V s_t + c at every step. S1 (T, B, H) = s_1..s_T, V (K, H), c (K,); out O (T, B, K)."""
    T, B, H = S1.shape
    K = V.shape[0]
    O2 = O.reshape((T * B, K))
    np.dot(S1.reshape((T * B, H)), V.T, O2)
    for r in range(T * B):
        for k in range(K):
            O2[r, k] += c[k]


@njit(**JIT_OPTIONS)
def softmax_head(O, targets, t0, P, dO, step_loss):
    """Softmax cross-entropy at every step and its gradient with respect to the outputs.

    O (T, B, K) the outputs, targets (B, T) int in [0, K). Out: P (T, B, K) = softmax(o_t);
    dO (T, B, K) = dL/do_t = (softmax(o_t) - onehot(y_t)) / B inside the window, 0 before t0;
    step_loss (T,) = mean over the batch of L_t. Returns the loss, sum_t of step_loss.
    """
    T, B, K = O.shape
    loss = 0.0
    for t in range(T):
        lt = 0.0
        for i in range(B):
            m = O[t, i, 0]
            for k in range(1, K):
                m = max(m, O[t, i, k])  # shift by the largest logit: exp cannot overflow
            z = 0.0
            for k in range(K):
                e = math.exp(O[t, i, k] - m)
                P[t, i, k] = e
                z += e
            for k in range(K):
                P[t, i, k] /= z  # softmax(o_t)
            y = targets[i, t]
            lt += m + math.log(z) - O[t, i, y]  # -log softmax(o_t)[y_t]
            for k in range(K):
                dO[t, i, k] = P[t, i, k] / B if t >= t0 else 0.0
            if t >= t0:
                dO[t, i, y] -= 1.0 / B
        step_loss[t] = lt / B
        loss += lt
    return loss / B


@njit(**JIT_OPTIONS)
def output_grads(S1, V, dO, t0, dV, dc, dS):
    """From dL/do_t to the output layer's gradients and the output's share of dL/ds_t.

    S1 (T, B, H) = s_1..s_T, V (K, H), dO (T, B, K) (zero before t0).
    Out: dV (K, H) = sum_t dL/do_t s_t^T; dc (K,) = sum_t dL/do_t (over the window and the
    batch); dS (T, B, H) = V^T dL/do_t at every step.
    """
    T, B, H = S1.shape
    K = V.shape[0]
    n0, n = t0 * B, T * B
    dO2 = dO.reshape((n, K))
    np.dot(dO2[n0:].T, S1.reshape((n, H))[n0:], dV)
    dc[:] = 0.0
    for r in range(n0, n):
        for k in range(K):
            dc[k] += dO2[r, k]
    np.dot(dO2, V, dS.reshape((n, H)))
