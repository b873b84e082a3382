"""BatchWorkspace: every buffer of a training step, allocated once, and the kernel calls in order.

Allocating the large (T, B, H) arrays anew at every step costs milliseconds in page faults; the
workspace keeps them, so a training step is a handful of kernel calls on existing memory:

    forward:   U x_t (rows or vocab path) -> recurrence (a_t, s_t) -> head (o_t, loss)
    backward:  head gradients (dV, dc, V^T dL/do_t) -> bptt (dL/ds_t, dL/da_t)
               (with dW and the per-step norms) -> db, dU, dE
"""
from __future__ import annotations

import numpy as np

from . import engine
from .config import HEAD_BINARY
from .spec import PARAM_KEYS
from .validate import (activation_code, check_head_output, check_labels, check_params, check_tokens,
                       window_start)


class BatchWorkspace:
    """Buffers and kernel calls for batches of up to ``batch_size`` sequences of ``seq_len`` steps.

    The workspace keeps a reference to ``params`` (it reads the arrays at every call, so in-place
    optimizer updates are seen; they are checked again at every call). After ``forward_backward``:

    - ``grads``: dict like params (same shapes and dtype), the gradients of the mean loss;
    - ``logits``: (B',) view, the binary head's logits o_T (softmax head: ``outputs`` (B', T, K));
    - ``grad_norm_per_step``: (T,) mean over the batch of ||dL/ds_t|| (0 outside the window);
    - ``dW_contrib_norm``: (T,) ||sum over the batch of dL/da_t s_{t-1}^T||_F per step;
    - ``step_loss``: (T,) softmax head: mean over the batch of L_t (binary: only the last row);
    - time-major views of what the kernels kept: ``states`` (T + 1, B', H), row t + 1 = s_t and
      row 0 = s_0 = 0; ``state_grads`` (T, B', H) dL/ds_t; ``preactivation_grads`` (T, B', H)
      dL/da_t (rows before ``window_start`` zero). ``preactivations`` (T, B', H) holds a_t after
      ``forward`` only: BPTT writes dL/da_t over it. Copy them to keep them past the next call.

    ``truncate=k`` back-propagates through the last k steps only (see ``rnnviz.core.grads``);
    ``window_start`` is the first (0-based) step inside that window. One workspace serves one
    thread at a time; the compiled kernels release the GIL.

    ``input_path`` picks how U x_t and the E, U gradients are formed (both exact): "rows" (one
    GEMM over the T * B input rows), "vocab" (one GEMM over the V embedding rows, then lookups and
    scatter-adds), or "auto": "vocab" when vocab_size < batch_size * seq_len, the cheaper one.

    ``diagnostics=False`` skips the per-step norms (they stay zero) and forms dW by one GEMM; it
    exists to measure what the diagnostics cost (see ``python -m rnnviz.bench``).
    ``jit=False`` runs the same kernels as plain Python (``rnnviz.core.engine``): no compile, slow.
    """

    def __init__(self, params, batch_size: int, seq_len: int, activation: str = "tanh",
                 head: str = "binary", truncate: int | None = None, input_path: str = "auto",
                 diagnostics: bool = True, *, jit: bool = True):
        nv, ne, h, k_out, dtype = check_params(params)
        if int(batch_size) < 1 or int(seq_len) < 1:
            raise ValueError(f"batch_size and seq_len must be >= 1, got {batch_size}, {seq_len}")
        self.params = params
        self.batch_size, self.seq_len = int(batch_size), int(seq_len)
        self.activation, self.head, self.truncate = activation, head, truncate
        self._act = activation_code(activation)
        self._binary = check_head_output(head, k_out) == HEAD_BINARY
        self.window_start = window_start(truncate, self.seq_len)
        self._sizes = (nv, ne, h, k_out)
        self.dtype = dtype
        self._k = engine.COMPILED if jit else engine.PYTHON
        B, T = self.batch_size, self.seq_len
        if input_path not in ("auto", "rows", "vocab"):
            raise ValueError(f"input_path must be 'auto', 'rows' or 'vocab', got {input_path!r}")
        if input_path == "auto":
            input_path = "vocab" if nv < B * T else "rows"
        self.input_path = input_path
        self.diagnostics = bool(diagnostics)
        z = lambda *shape: np.zeros(shape, dtype)  # noqa: E731
        # flat storage; each call takes views of the exact (B', ...) shape it needs
        self._tokens = np.zeros(B * T, np.int64)
        self._targets = np.zeros(B * T, np.int64)
        self._labels = z(B)
        if input_path == "vocab":
            self._EU, self._G = z(nv, h), z(nv, h)  # E U^T, and its gradient's scratch
        else:
            self._X = z(T * B * ne)  # the x_t, then the dL/dx_t
        self._A, self._dS = z(T * B * h), z(T * B * h)
        # dA overwrites A: a_t is not needed after the forward pass (f'(a_t) is read from s_t),
        # and writing dL/da_t over memory already in use is measurably cheaper than fresh memory
        self._dA = self._A
        self._S = z((T + 1) * B * h)
        self._logits = z(B)
        nk = 0 if self._binary else T * B * k_out
        self._O, self._P, self._dO = z(nk), z(nk), z(nk)
        self.grads = {k: np.zeros_like(params[k]) for k in PARAM_KEYS}
        self.grad_norm_per_step = z(T)
        self.dW_contrib_norm = z(T)
        self.step_loss = z(T)
        self.logits = self._logits[:0]
        self.outputs = None
        self._set_views(0)

    # -- buffers -----------------------------------------------------------------------------
    def _set_views(self, nb: int) -> None:
        """Time-major views of the flat buffers for a batch of nb sequences."""
        h, T = self._sizes[2], self.seq_len
        self.preactivations = self._A[:T * nb * h].reshape(T, nb, h)
        self.states = self._S[:(T + 1) * nb * h].reshape(T + 1, nb, h)
        self.state_grads = self._dS[:T * nb * h].reshape(T, nb, h)
        self.preactivation_grads = self._dA[:T * nb * h].reshape(T, nb, h)

    def _load_tokens(self, tokens) -> np.ndarray:
        tokens = check_tokens(tokens, self._sizes[0])
        nb, T = tokens.shape
        if T != self.seq_len:
            raise ValueError(f"tokens have {T} steps but the workspace was made for seq_len "
                             f"{self.seq_len}")
        if nb > self.batch_size:
            raise ValueError(f"batch of {nb} sequences exceeds the workspace's batch_size "
                             f"{self.batch_size}")
        tok = self._tokens[:nb * T].reshape(nb, T)
        np.copyto(tok, tokens, casting="unsafe")  # int32/uint16 ids -> the kernels' int64
        return tok

    def _check_params_unchanged(self) -> None:
        """Every parameter again (an optimizer or a caller may have swapped an array)."""
        nv, ne, h, k_out, dtype = check_params(self.params)
        if (nv, ne, h, k_out) != self._sizes or dtype != self.dtype:
            raise ValueError(f"params changed shape or dtype since the workspace was made: "
                             f"(V, E, H, K) {self._sizes} {self.dtype} -> "
                             f"{(nv, ne, h, k_out)} {dtype}")

    # -- forward -----------------------------------------------------------------------------
    def _forward_states(self, tok: np.ndarray) -> None:
        """U x_t, then the recurrence: fills ``preactivations`` and ``states``."""
        p, k = self.params, self._k
        self._set_views(tok.shape[0])
        A, S = self.preactivations, self.states
        if self.input_path == "vocab":
            k.input_shares_vocab(p["E"], p["U"], tok, self._EU, A)
        else:
            X = self._X[:A.shape[0] * A.shape[1] * self._sizes[1]].reshape(-1, self._sizes[1])
            k.input_shares_rows(p["E"], p["U"], tok, X, A)
        k.recurrence(p["W"], p["b"], self._act, A, S)

    def forward(self, tokens) -> np.ndarray:
        """Inference: binary head -> logits (B',) (a view into the workspace; copy to keep);
        softmax head -> outputs o_t as a (B', T, K) view."""
        self._check_params_unchanged()
        tok = self._load_tokens(tokens)
        nb = tok.shape[0]
        self._forward_states(tok)
        p, S = self.params, self.states
        if self._binary:
            self.logits = self._logits[:nb]
            # the kernel fills the logits; its loss against the stale label buffer is ignored
            self._k.binary_head(S[self.seq_len], p["V"], p["c"], self._labels[:nb], self.logits)
            return self.logits
        O = self._head_buffers(nb)[0]
        self._k.outputs(S[1:], p["V"], p["c"], O)
        self.outputs = O.transpose(1, 0, 2)
        return self.outputs

    def _head_buffers(self, nb: int):
        T, k_out = self.seq_len, self._sizes[3]
        return tuple(buf[:T * nb * k_out].reshape(T, nb, k_out)
                     for buf in (self._O, self._P, self._dO))

    # -- training step -----------------------------------------------------------------------
    def forward_backward(self, tokens, labels) -> float:
        """One forward pass and BPTT over a batch; fills ``grads`` and the diagnostics.

        tokens (B', T) int with B' <= batch_size; labels (B',) 0/1 (binary) or (B', T) int
        targets (softmax). Returns the loss (mean over the batch).
        """
        self._check_params_unchanged()
        tok = self._load_tokens(tokens)
        nb, T = tok.shape
        labels = check_labels(labels, self.head, nb, T, self._sizes[3])
        self._forward_states(tok)
        # the head: loss, dV, dc, and the output's share of dL/ds_t into state_grads
        loss = self._binary_head(labels) if self._binary else self._softmax_head(labels)
        self._backward(tok)
        return float(loss)

    def _binary_head(self, labels) -> float:
        p, g, k = self.params, self.grads, self._k
        S, dS = self.states, self.state_grads
        nb = S.shape[1]
        lab = self._labels[:nb]
        np.copyto(lab, labels, casting="unsafe")
        self.logits = self._logits[:nb]
        loss = k.binary_head(S[self.seq_len], p["V"], p["c"], lab, self.logits)
        k.binary_head_grad(S[self.seq_len], p["V"], lab, self.logits, g["V"], g["c"], dS[-1])
        self.step_loss[:] = 0.0
        self.step_loss[-1] = loss
        return loss

    def _softmax_head(self, targets) -> float:
        p, g, k = self.params, self.grads, self._k
        S = self.states
        nb = S.shape[1]
        tgt = self._targets[:nb * self.seq_len].reshape(nb, self.seq_len)
        np.copyto(tgt, targets, casting="unsafe")
        O, P, dO = self._head_buffers(nb)
        k.outputs(S[1:], p["V"], p["c"], O)
        loss = k.softmax_head(O, tgt, self.window_start, P, dO, self.step_loss)
        k.output_grads(S[1:], p["V"], dO, self.window_start, g["V"], g["c"], self.state_grads)
        self.outputs = O.transpose(1, 0, 2)
        return loss

    def _backward(self, tok: np.ndarray) -> None:
        """BPTT (with dW and the per-step norms), then the b, U and E gradients."""
        p, g, k, t0 = self.params, self.grads, self._k, self.window_start
        S, dS, dA = self.states, self.state_grads, self.preactivation_grads
        if self.diagnostics:
            k.bptt(p["W"], S, self._act, t0, self._binary, dS, dA, g["W"],
                   self.grad_norm_per_step, self.dW_contrib_norm)
        else:
            k.bptt(p["W"], S, self._act, t0, self._binary, dS, dA, g["W"])
        if self.input_path == "vocab":
            k.input_grads_vocab(p["E"], p["U"], dA, tok, t0, self._G, g["E"], g["U"], g["b"])
        else:
            X = self._X[:dA.shape[0] * dA.shape[1] * self._sizes[1]].reshape(-1, self._sizes[1])
            k.input_grads_rows(p["U"], dA, tok, t0, X, g["E"], g["U"], g["b"])
