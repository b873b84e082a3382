"""The public entry points for the gated cells, and the workspace factory for every cell.

``init_params``, ``loss_and_grads``, ``predict_logits`` and ``make_trace`` take ``cell="rnn" | "lstm"
| "gru"`` and hand the gated cells to the functions here; ``make_workspace`` picks the workspace class.
"""
from __future__ import annotations

import numpy as np

from .cells import check_cell, check_gated_cell
from .gated_params import check_gated_params
from .gated_workspace import GatedWorkspace
from .validate import check_tokens
from .workspace import BatchWorkspace


def make_workspace(params, batch_size: int, seq_len: int, activation: str = "tanh", head: str = "binary",
                   truncate: int | None = None, cell: str = "rnn", **options):
    """A ``BatchWorkspace`` (cell "rnn") or a ``GatedWorkspace`` ("lstm", "gru") for these params.

    ``options`` (``input_path``, ``diagnostics``) are passed on; both classes accept them.
    """
    if check_cell(cell) == "rnn":
        return BatchWorkspace(params, batch_size, seq_len, activation, head, truncate, **options)
    return GatedWorkspace(params, batch_size, seq_len, activation, head, truncate, cell=cell, **options)


def gated_loss_and_grads(params, tokens, labels, head: str = "binary", truncate: int | None = None,
                         cell: str = "lstm", activation: str = "tanh"):
    """Loss and exact BPTT gradients of a batch for an LSTM or GRU (see ``rnnviz.core.loss_and_grads``)."""
    check_gated_params(params, check_gated_cell(cell))
    tokens = np.asarray(tokens)
    if tokens.ndim != 2:
        raise ValueError(f"tokens must have shape (B, T), got {tokens.shape}")
    ws = GatedWorkspace(params, tokens.shape[0], tokens.shape[1], activation, head, truncate, cell=cell)
    loss = ws.forward_backward(tokens, labels)
    return loss, {k: v.copy() for k, v in ws.grads.items()}


def gated_predict_logits(params, tokens, batch_size: int = 512, cell: str = "lstm") -> np.ndarray:
    """Binary head inference of an LSTM or GRU: logits o_T (N,) for tokens (N, T)."""
    nv = check_gated_params(params, check_gated_cell(cell))[0]
    tokens = check_tokens(tokens, nv)
    if int(batch_size) < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    n, T = tokens.shape
    bs = min(int(batch_size), n)
    ws = GatedWorkspace(params, bs, T, "tanh", "binary", cell=cell)
    out = np.empty(n, dtype=params["E"].dtype)
    for start in range(0, n, bs):
        out[start:start + bs] = ws.forward(tokens[start:start + bs])
    return out
