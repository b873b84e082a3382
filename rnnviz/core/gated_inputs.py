"""The input side of a gated cell: U x_t for every step, and the gradients of E, U and b.

U stacks the gates' input matrices, (G * H, Ed) with G = 4 (LSTM) or 3 (GRU), so one GEMM forms
every gate's input share. Two equivalent ways, whichever is smaller (as the vanilla core):
  rows path:  gather X (T * B, Ed) = the x_t, then X U^T;
  vocab path: EU (V, G * H) = E U^T once, then U x_t = EU[token_t] (when V < T * B), looked up
  by the cell's forward kernel inside its time loop (writing all T steps first would cost one more
  pass over the (T, B, G * H) buffer, 33 MB for an IMDb batch).
Buffers are time-major: A[t, i] is step t (0-based) of sequence i.
"""
from __future__ import annotations

import numpy as np
from numba import njit

from .config import JIT_OPTIONS


@njit(**JIT_OPTIONS)
def input_projection(E, U, tokens, vocab_path, EU, X, A):
    """rows path: A (T, B, G * H) = U x_t for every step, X the gathered x_t; vocab path: only
    EU = E U^T (A is left to the cell's kernel). tokens (B, T) int64."""
    B, T = tokens.shape
    GH = U.shape[0]
    Ed = E.shape[1]
    if vocab_path:
        np.dot(E, U.T, EU)
        return
    for t in range(T):
        for i in range(B):
            r = t * B + i
            row = tokens[i, t]
            for e in range(Ed):
                X[r, e] = E[row, e]
    np.dot(X, U.T, A.reshape((T * B, GH)))


@njit(**JIT_OPTIONS)
def input_grads(E, U, X, dZ, tokens, t0, vocab_path, G, dE, dU, db):
    """dE (V, Ed) dense, dU (G * H, Ed), db (G * H,) from dZ (T, B, G * H) = dL/d(U x_t + b) over
    the window t >= t0 (rows before t0 are zero).

    rows path: dU = dZ^T X, dX = dZ U (written over X), each dx_t scatter-added into its token's
      row of dE; vocab path: G (V, G * H) = sum of dZ rows per token, dE = G U, dU = G^T E.
    Repeated tokens accumulate.
    """
    T, B, GH = dZ.shape
    n0, n = t0 * B, T * B
    dZ2 = dZ.reshape((n, GH))
    db[:] = 0.0
    for r in range(n0, n):
        for j in range(GH):
            db[j] += dZ2[r, j]
    if vocab_path:
        G[:, :] = 0.0
        for t in range(t0, T):
            for i in range(B):
                g = G[tokens[i, t]]
                for j in range(GH):
                    g[j] += dZ[t, i, j]
        np.dot(G, U, dE)
        np.dot(G.T, E, dU)
        return
    dE[:, :] = 0.0
    if n0 == n:
        dU[:, :] = 0.0
        return
    np.dot(dZ2[n0:].T, X[n0:], dU)
    np.dot(dZ2[n0:], U, X[n0:])
    Ed = E.shape[1]
    for t in range(t0, T):
        for i in range(B):
            r = t * B + i
            row = tokens[i, t]
            for e in range(Ed):
                dE[row, e] += X[r, e]
