"""Private numba kernels of the ordinary (order-blind) network, a bag of embeddings.

    x_bar = mean of x_t = E[token_t] over the sequence's words (padding left out)
    a = U x_bar + b,   s = f(a),   o = V s + c,   y_hat = sigmoid(o)

The same letters as the RNN on purpose: this is the RNN's step without the W s_{t-1} term, applied
once to the mean of the inputs. These kernels trust their arguments (``rnnviz.core.bag`` checks
them). Every output is preallocated; the per-sequence scratch ``order`` (B, T) is too.

Order-blindness is exact, not just up to rounding: each sequence's embeddings are summed in the
order of its sorted token ids, so any permutation of the words gives bit-for-bit the same x_bar
(a float sum in reading order would differ in the last bits after a shuffle).
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

from .config import ACT_RELU, ACT_TANH, JIT_OPTIONS


@njit(**JIT_OPTIONS)
def bag_forward_kernel(E, U, b, V, c, tokens, pad_id, act, order, counts, Xbar, A, S, logits):
    """Forward pass of a batch.

    E (Vocab, Ed), U (H, Ed), b (H,), V (1, H), c (1,), tokens (B, T) int64; pad_id: the token
    id left out of the mean (-1: none); act int code.
    Out: order (B, T) each row's tokens sorted; counts (B,) words per row; Xbar (B, Ed) the means
    (zero for a row of padding only); A, S (B, H) a and s = f(a); logits (B,) o.
    """
    B, T = tokens.shape
    Ed = E.shape[1]
    H = U.shape[0]
    for i in range(B):
        order[i, :] = tokens[i, :]
        order[i].sort()  # summing in id order makes the mean independent of word order
        n = 0
        for e in range(Ed):
            Xbar[i, e] = 0.0
        for t in range(T):
            tok = order[i, t]
            if tok == pad_id:
                continue
            n += 1
            for e in range(Ed):
                Xbar[i, e] += E[tok, e]
        counts[i] = n
        if n > 0:
            inv = 1.0 / n
            for e in range(Ed):
                Xbar[i, e] *= inv
    np.dot(Xbar, U.T, A)
    zero = A.dtype.type(0)
    for i in range(B):
        z = c[0]
        for j in range(H):
            a = A[i, j] + b[j]
            A[i, j] = a
            if act == ACT_TANH:
                s = math.tanh(a)
            elif act == ACT_RELU:
                s = a if a > zero else zero
            else:
                s = a
            S[i, j] = s
            z += V[0, j] * s
        logits[i] = z


@njit(**JIT_OPTIONS)
def bag_loss_kernel(logits, labels):
    """Mean binary cross-entropy with logits over the batch; log(1 + exp(-|z|)) keeps it finite."""
    loss = 0.0
    for i in range(logits.shape[0]):
        z = logits[i]
        loss += max(z, 0.0) - z * labels[i] + math.log1p(math.exp(-abs(z)))
    return loss / logits.shape[0]


@njit(**JIT_OPTIONS)
def bag_backward_kernel(E, U, V, tokens, pad_id, act, counts, Xbar, S, logits, labels,
                        dz, dS, dA, dXbar, dE, dU, db, dV, dc):
    """Gradients of the mean BCE over the batch.

    dz (B,) = (sigmoid(o) - y) / B; dS (B, H) = dz V; dA (B, H) = f'(a) * dS (f' from s);
    dXbar (B, Ed) = dA U; each word's x_t receives dXbar / n (the mean's derivative), added into
    its row of dE (Vocab, Ed) (repeated words accumulate; padding gets nothing).
    Out: dU (H, Ed), db (H,), dV (1, H), dc (1,) as well.
    """
    B, T = tokens.shape
    H = U.shape[0]
    Ed = E.shape[1]
    inv_B = 1.0 / B
    one = S.dtype.type(1)
    zero = S.dtype.type(0)
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
            s = S[i, j]
            dV[0, j] += g * s
            ds = g * V[0, j]
            dS[i, j] = ds
            if act == ACT_TANH:
                dA[i, j] = (one - s * s) * ds
            elif act == ACT_RELU:
                dA[i, j] = ds if s > zero else zero
            else:
                dA[i, j] = ds
    for j in range(H):
        db[j] = 0.0
        for i in range(B):
            db[j] += dA[i, j]
    np.dot(dA.T, Xbar, dU)
    np.dot(dA, U, dXbar)
    dE[:, :] = 0.0
    for i in range(B):
        n = counts[i]
        if n == 0:
            continue
        inv = 1.0 / n
        for t in range(T):
            tok = tokens[i, t]
            if tok == pad_id:
                continue
            for e in range(Ed):
                dE[tok, e] += dXbar[i, e] * inv
