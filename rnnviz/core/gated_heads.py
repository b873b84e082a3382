"""The two output heads on the hidden states of a gated cell, as numba kernels.

    o_t = V s_t + c
    binary  (many-to-one):  L = mean over the batch of BCE(sigmoid(o_T), y)
    softmax (many-to-many): L = mean over the batch of sum_t CE(softmax(o_t), y_t)

They read only the states S (T + 1, B, H) (time-major, S[0] = s_0 = 0), so they do not depend on
the cell. Each returns the output's share of dL/ds_t, which the cell's BPTT adds to the future's.
The many-to-many head is the vanilla kernels' own (``head_kernels``), called in one piece here.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

from .config import JIT_OPTIONS
from .head_kernels import output_grads, outputs, softmax_head


@njit(**JIT_OPTIONS)
def binary_forward(s_last, V, c, logits):
    """logits (B,) = V s_T + c for s_last (B, H) = s_T, V (1, H), c (1,)."""
    B, H = s_last.shape
    for i in range(B):
        z = c[0]
        for j in range(H):
            z += V[0, j] * s_last[i, j]
        logits[i] = z


@njit(**JIT_OPTIONS)
def binary_loss_backward(s_last, V, logits, labels, dz, dV, dc, dS_out):
    """Mean BCE-with-logits and its gradients: dz_i = (sigmoid(z_i) - y_i) / B.

    labels (B,) 0/1 as floats. Out: dz (B,), dV (1, H), dc (1,), dS_out (B, H) = dz_i V.
    Returns the loss. log(1 + exp(-|z|)) keeps it finite for any logit.
    """
    B, H = s_last.shape
    inv_B = 1.0 / B
    loss = 0.0
    dc[0] = 0.0
    dV[0, :] = 0.0
    for i in range(B):
        z = np.float64(logits[i])
        y = np.float64(labels[i])
        loss += max(z, 0.0) - z * y + math.log1p(math.exp(-abs(z)))
        if z >= 0.0:
            p = 1.0 / (1.0 + math.exp(-z))
        else:
            ez = math.exp(z)
            p = ez / (1.0 + ez)
        g = (p - y) * inv_B
        dz[i] = g
        dc[0] += g
        for j in range(H):
            dV[0, j] += g * s_last[i, j]
            dS_out[i, j] = g * V[0, j]
    return loss * inv_B


@njit(**JIT_OPTIONS)
def softmax_loss_backward(S1, V, c, targets, t0, O, P, dO, step_loss, dV, dc, dS_out):
    """Softmax cross-entropy at every step and its gradients.

    S1 (T, B, H) = s_1..s_T; targets (B, T) int64 in [0, K); t0 the first step of the BPTT window.
    Out: O, P = softmax(O), dO (T, B, K) = (P - onehot) / B (zero before t0); step_loss (T,) the
    mean over the batch of L_t; dV (K, H), dc (K,) over the window; dS_out (T, B, H) = dO V.
    Returns the loss (all steps, mean over the batch).
    """
    outputs(S1, V, c, O)
    loss = softmax_head(O, targets, t0, P, dO, step_loss)
    output_grads(S1, V, dO, t0, dV, dc, dS_out)
    return loss
