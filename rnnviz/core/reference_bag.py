"""The ordinary network (bag of embeddings) in plain NumPy, one line of math per line of code.

This is the readable reference the numba kernels (``rnnviz.core.bag``) are tested against, and what
a learner can read to see the whole model at once. Same notation and parameters as the RNN:

    x_bar = (1/n) sum_t x_t    a = U x_bar + b    s = f(a)    o = V s + c    L = BCE(sigmoid(o), y)

Padding tokens (``pad_id``) are not words and are left out of the mean.
"""
from __future__ import annotations

import numpy as np


def _f(a: np.ndarray, activation: str) -> np.ndarray:
    if activation == "tanh":
        return np.tanh(a)
    if activation == "relu":
        return np.maximum(a, 0.0)
    return a.copy()


def _f_prime(s: np.ndarray, activation: str) -> np.ndarray:
    """f'(a) written with s = f(a), as the kernels do."""
    if activation == "tanh":
        return 1.0 - s ** 2
    if activation == "relu":
        return (s > 0).astype(s.dtype)
    return np.ones_like(s)


def bag_forward_backward(params: dict, tokens: np.ndarray, labels: np.ndarray,
                         activation: str = "tanh", pad_id: int = 0) -> tuple[float, dict]:
    """Mean loss over the batch and the gradients. tokens (B, T) int, labels (B,) 0/1."""
    E, U, b, V, c = (params[k] for k in ("E", "U", "b", "V", "c"))
    grads = {k: np.zeros_like(params[k], dtype=np.float64) for k in ("E", "U", "b", "V", "c")}
    B = tokens.shape[0]
    loss = 0.0
    for i in range(B):
        words = [tok for tok in tokens[i] if tok != pad_id]  # padding is not a word
        n = len(words)
        x_bar = np.mean(E[words], axis=0) if n else np.zeros(E.shape[1])  # (Ed,) the bag
        a = U @ x_bar + b                                   # (H,) hidden pre-activation
        s = _f(a, activation)                               # (H,) hidden layer
        o = float(V[0] @ s + c[0])                          # the output logit
        y_hat = 1.0 / (1.0 + np.exp(-o))                    # sigmoid
        y = float(labels[i])
        loss += -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)) / B
        dL_do = (y_hat - y) / B                             # BCE + sigmoid: y_hat - y
        grads["V"][0] += dL_do * s                          # dL/dV = dL/do s^T
        grads["c"][0] += dL_do                              # dL/dc = dL/do
        dL_ds = V[0] * dL_do                                # dL/ds = V^T dL/do
        dL_da = _f_prime(s, activation) * dL_ds             # through f
        grads["U"] += np.outer(dL_da, x_bar)                # dL/dU = dL/da x_bar^T
        grads["b"] += dL_da                                 # dL/db = dL/da
        dL_dxbar = U.T @ dL_da                              # (Ed,)
        for tok in words:                                   # the mean shares it out: 1/n per word
            grads["E"][tok] += dL_dxbar / n
    return float(loss), grads
