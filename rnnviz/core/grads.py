"""loss_and_grads and predict_logits: one-shot wrappers over BatchWorkspace.

Truncated BPTT (``truncate=k``): only the last k steps, t = T-k+1 .. T, take part in the backward
pass. Exactly: steps 1 .. T-k run with the parameters held constant (like a prefix computed
earlier), and the gradients are the exact derivatives of the loss with respect to the parameters
as used in steps T-k+1 .. T. So s_{T-k} enters the window as a constant, dL/ds_t, dL/da_t and all
per-step contributions are zero for t <= T-k, and (softmax head) the outputs o_t of steps before
the window contribute nothing to dV, dc either. The reported loss is always the full loss.
"""
from __future__ import annotations

import numpy as np
from scipy.special import expit

from .validate import check_params, check_tokens
from .workspace import BatchWorkspace


def loss_and_grads(params, tokens, labels, activation: str = "tanh", head: str = "binary",
                   truncate: int | None = None, cell: str = "rnn"):
    """Loss and exact BPTT gradients of a batch (``cell``: "rnn", "lstm" or "gru").

    tokens (B, T) int in [0, vocab_size). binary head: labels (B,) of 0/1, loss = mean over the
    batch of BCE-with-logits on o_T. softmax head: labels (B, T) int targets, loss = mean over the
    batch of sum_t CE(softmax(o_t), target_t). Returns (loss: float, grads: dict like params, in
    the params' dtype).
    """
    if cell != "rnn":
        from .gated import gated_loss_and_grads
        return gated_loss_and_grads(params, tokens, labels, head, truncate, cell, activation)
    check_params(params)
    tokens = np.asarray(tokens)
    if tokens.ndim != 2:
        raise ValueError(f"tokens must have shape (B, T), got {tokens.shape}")
    ws = BatchWorkspace(params, tokens.shape[0], tokens.shape[1], activation, head, truncate)
    loss = ws.forward_backward(tokens, labels)
    return loss, {k: v.copy() for k, v in ws.grads.items()}


def predict_logits(params, tokens, activation: str = "tanh", batch_size: int = 512,
                   cell: str = "rnn") -> np.ndarray:
    """Binary head inference: logits o_T (N,) for tokens (N, T), in batches of ``batch_size``."""
    if cell != "rnn":
        from .gated import gated_predict_logits
        return gated_predict_logits(params, tokens, batch_size, cell)
    nv = check_params(params)[0]
    tokens = check_tokens(tokens, nv)
    if int(batch_size) < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    n, T = tokens.shape
    bs = min(int(batch_size), n)
    ws = BatchWorkspace(params, bs, T, activation, "binary")
    out = np.empty(n, dtype=params["E"].dtype)
    for start in range(0, n, bs):
        out[start:start + bs] = ws.forward(tokens[start:start + bs])
    return out


def predict_proba(params, tokens, activation: str = "tanh", batch_size: int = 512,
                  cell: str = "rnn") -> np.ndarray:
    """Binary head inference: P(y = 1) = sigmoid(o_T), (N,) for tokens (N, T)."""
    return expit(predict_logits(params, tokens, activation, batch_size, cell))
