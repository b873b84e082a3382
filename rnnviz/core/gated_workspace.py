"""GatedWorkspace: every buffer of an LSTM or GRU training step, allocated once and reused.

The counterpart of ``BatchWorkspace`` for the gated cells, with the same public surface (what the
trainer and the benchmark use): ``forward``, ``forward_backward``, ``grads``, ``logits``,
``outputs``, ``grad_norm_per_step``, ``step_loss``; plus ``cell_grad_norm_per_step`` (LSTM).
"""
from __future__ import annotations

import numpy as np

from . import gated_heads as heads
from . import gated_inputs, gru, lstm
from .cells import GATED_PARAM_KEYS, GATES, check_gated_cell
from .gated_params import check_gated_params
from .validate import check_head_output, check_labels, check_tokens, window_start


class GatedWorkspace:
    """Buffers and kernel calls for batches of up to ``batch_size`` sequences of ``seq_len`` steps.

    The workspace keeps a reference to ``params`` and reads the arrays at every call, so in-place
    optimizer updates are seen. After ``forward_backward``:

    - ``grads``: dict like params, the gradients of the mean loss (same shapes and dtype);
    - ``logits``: (B',) the binary head's o_T (softmax head: ``outputs`` (B', T, K));
    - ``grad_norm_per_step``: (T,) mean over the batch of ||dL/ds_t|| (0 outside the window);
    - ``cell_grad_norm_per_step``: (T,) LSTM only (None for the GRU): mean of ||dL/dC_t||;
    - ``step_loss``: (T,) softmax head: mean over the batch of L_t (binary: only the last row);
    - ``dL_do``: binary (B',) dL/do_T, softmax (T, B', K); ``probs``: softmax (T, B', K);
      ``dS_out``: the output's share of dL/ds_t, (1, B', H) (binary, s_T only) or (T, B', H).

    Only ``activation="tanh"`` exists for the gated cells (their nonlinearities are part of the
    cell). ``truncate``, ``input_path`` and ``diagnostics`` as for ``BatchWorkspace``.
    """

    def __init__(self, params, batch_size: int, seq_len: int, activation: str = "tanh",
                 head: str = "binary", truncate: int | None = None, cell: str = "lstm",
                 input_path: str = "auto", diagnostics: bool = True):
        self.cell = check_gated_cell(cell)
        if activation != "tanh":
            raise ValueError(f"the {cell.upper()} cell has no activation choice (its gates use sigmoid and "
                             f"tanh); activation must be 'tanh', got {activation!r}")
        nv, ne, h, k_out, dtype = check_gated_params(params, cell)
        if int(batch_size) < 1 or int(seq_len) < 1:
            raise ValueError(f"batch_size and seq_len must be >= 1, got {batch_size}, {seq_len}")
        if input_path not in ("auto", "rows", "vocab"):
            raise ValueError(f"input_path must be 'auto', 'rows' or 'vocab', got {input_path!r}")
        self.params, self.activation, self.head, self.truncate = params, activation, head, truncate
        self.batch_size, self.seq_len = B, T = int(batch_size), int(seq_len)
        self.head_code = check_head_output(head, k_out)
        self.t0 = window_start(truncate, T)  # 0-based first step of the BPTT window
        self.sizes = (nv, ne, h, k_out)
        self.dtype = dtype
        if input_path == "auto":
            input_path = "vocab" if nv < B * T else "rows"
        self.input_path = input_path
        self.diagnostics = bool(diagnostics)
        self._vocab = input_path == "vocab"
        gh = len(GATES[cell]) * h
        z = lambda n: np.zeros(n, dtype)  # noqa: E731
        # flat storage; each call takes views of the exact (B', ...) shape it needs
        self._tokens = np.zeros(B * T, np.int64)
        self._labels, self._logits, self._dz = z(B), z(B), z(B)
        self._targets = np.zeros(B * T, np.int64)
        self._X = z(0 if self._vocab else T * B * ne)
        self._EU = z((nv, gh) if self._vocab else (0, gh))
        self._G = z((nv, gh) if self._vocab else (0, gh))
        self._Z = z(T * B * gh)
        self._S = z((T + 1) * B * h)
        self._dS = z(T * B * h)
        self._Zs = z(B * gh)
        self._carry, self._carry2 = z(B * h), z(B * h)
        # LSTM: C (T + 1) and tanh(C) (T) and dL/dC; GRU: h_n (T) and dL/dh (T, 3H)
        self._C = z((T + 1) * B * h if cell == "lstm" else 0)
        self._aux = z(T * B * h)
        self._dC_or_dR = z(T * B * (h if cell == "lstm" else gh))
        binary = head == "binary"
        self._dS_out = z((1 if binary else T) * B * h)
        nk = 0 if binary else T * B * k_out
        self._O, self._P, self._dO = z(nk), z(nk), z(nk)
        self.grads = {k: np.zeros_like(params[k]) for k in GATED_PARAM_KEYS[cell]}
        self.grad_norm_per_step = z(T)
        self.cell_grad_norm_per_step = z(T) if cell == "lstm" else None
        self.step_loss = z(T)
        self.logits = self._logits[:0]
        self.outputs = self.dL_do = self.probs = self.dS_out = None

    # -- buffers as shaped views, for a batch of nb sequences ---------------------------------
    def views(self, nb: int) -> dict[str, np.ndarray]:
        """The buffers of the last call as (T, nb, ...) arrays, by name: X, Z (gates, then dL/dz),
        S (T + 1), dS; LSTM: C (T + 1), TC, dC; GRU: Hn, dR. make_trace reads them."""
        nv, ne, h, k_out = self.sizes
        T = self.seq_len
        gh = self._Z.size // (T * self.batch_size)
        v = {"X": self._X[:0 if self._vocab else T * nb * ne].reshape(-1, ne),
             "Z": self._Z[:T * nb * gh].reshape(T, nb, gh),
             "S": self._S[:(T + 1) * nb * h].reshape(T + 1, nb, h),
             "dS": self._dS[:T * nb * h].reshape(T, nb, h)}
        if self.cell == "lstm":
            v.update(C=self._C[:(T + 1) * nb * h].reshape(T + 1, nb, h),
                     TC=self._aux[:T * nb * h].reshape(T, nb, h),
                     dC=self._dC_or_dR[:T * nb * h].reshape(T, nb, h))
        else:
            v.update(Hn=self._aux[:T * nb * h].reshape(T, nb, h),
                     dR=self._dC_or_dR[:T * nb * gh].reshape(T, nb, gh))
        return v

    def _load_tokens(self, tokens) -> np.ndarray:
        tokens = check_tokens(tokens, self.sizes[0])
        nb, T = tokens.shape
        if T != self.seq_len:
            raise ValueError(f"tokens have {T} steps but the workspace was made for seq_len {self.seq_len}")
        if nb > self.batch_size:
            raise ValueError(f"batch of {nb} sequences exceeds the workspace's batch_size {self.batch_size}")
        tok = self._tokens[:nb * T].reshape(nb, T)
        np.copyto(tok, tokens, casting="unsafe")  # int32/uint16 ids -> the kernels' int64
        return tok

    def _check_params_unchanged(self) -> None:
        p = self.params
        nv, ne, h, k_out = self.sizes
        if (p["E"].shape != (nv, ne) or p["W"].shape[1] != h or p["V"].shape != (k_out, h)
                or p["E"].dtype != self.dtype):
            raise ValueError("params changed shape or dtype since the workspace was made")

    def _forward_states(self, tok: np.ndarray) -> dict[str, np.ndarray]:
        p, nb = self.params, tok.shape[0]
        v = self.views(nb)
        gated_inputs.input_projection(p["E"], p["U"], tok, self._vocab, self._EU, v["X"], v["Z"])
        Zs = self._Zs[:v["Z"].shape[2] * nb].reshape(nb, -1)
        if self.cell == "lstm":
            lstm.lstm_forward(p["W"], p["b"], v["Z"], v["S"], v["C"], v["TC"], Zs, self._vocab, self._EU, tok)
        else:
            gru.gru_forward(p["W"], p["b"], p["bW"], v["Z"], v["S"], v["Hn"], Zs, self._vocab, self._EU, tok)
        return v

    # -- public ------------------------------------------------------------------------------
    def forward(self, tokens) -> np.ndarray:
        """Inference: binary head -> logits (B',) (a view into the workspace; copy to keep);
        softmax head -> outputs o_t as a (B', T, K) view."""
        self._check_params_unchanged()
        tok = self._load_tokens(tokens)
        nb, T = tok.shape
        S = self._forward_states(tok)["S"]
        p = self.params
        if self.head == "binary":
            self.logits = self._logits[:nb]
            heads.binary_forward(S[T], p["V"], p["c"], self.logits)
            return self.logits
        O = self._O[:T * nb * self.sizes[3]].reshape(T, nb, self.sizes[3])
        heads.outputs(S[1:], p["V"], p["c"], O)
        self.outputs = O.transpose(1, 0, 2)
        return self.outputs

    def forward_backward(self, tokens, labels) -> float:
        """One forward pass and BPTT over a batch; fills ``grads`` and the diagnostics.

        tokens (B', T) int with B' <= batch_size; labels (B',) 0/1 (binary) or (B', T) int
        targets (softmax). Returns the loss (mean over the batch).
        """
        self._check_params_unchanged()
        tok = self._load_tokens(tokens)
        nb, T = tok.shape
        labels = check_labels(labels, self.head, nb, T, self.sizes[3])
        v = self._forward_states(tok)
        loss, dS_out = (self._binary_head if self.head == "binary" else self._softmax_head)(v["S"], labels)
        self._backward(tok, v, dS_out)
        return float(loss)

    def _binary_head(self, S, labels):
        p, g = self.params, self.grads
        T, nb, h = S.shape[0] - 1, S.shape[1], S.shape[2]
        lab = self._labels[:nb]
        np.copyto(lab, labels, casting="unsafe")
        self.logits = self._logits[:nb]
        dS_out = self._dS_out[:nb * h].reshape(1, nb, h)
        heads.binary_forward(S[T], p["V"], p["c"], self.logits)
        loss = heads.binary_loss_backward(S[T], p["V"], self.logits, lab, self._dz[:nb], g["V"], g["c"],
                                          dS_out[0])
        self.step_loss[:] = 0.0
        self.step_loss[T - 1] = loss
        self.dL_do, self.dS_out = self._dz[:nb], dS_out
        return loss, dS_out

    def _softmax_head(self, S, targets):
        p, g = self.params, self.grads
        T, nb, h = S.shape[0] - 1, S.shape[1], S.shape[2]
        k_out = self.sizes[3]
        tgt = self._targets[:nb * T].reshape(nb, T)
        np.copyto(tgt, targets, casting="unsafe")
        n = T * nb * k_out
        O, P, dO = (buf[:n].reshape(T, nb, k_out) for buf in (self._O, self._P, self._dO))
        dS_out = self._dS_out[:T * nb * h].reshape(T, nb, h)
        loss = heads.softmax_loss_backward(S[1:], p["V"], p["c"], tgt, self.t0, O, P, dO, self.step_loss,
                                           g["V"], g["c"], dS_out)
        self.outputs = O.transpose(1, 0, 2)
        self.dL_do, self.probs, self.dS_out = dO, P, dS_out
        return loss, dS_out

    def _backward(self, tok, v, dS_out) -> None:
        """BPTT through the cell, then the gradients of E, U, b (and the GRU's bW)."""
        p, g = self.params, self.grads
        nb, h = tok.shape[0], self.sizes[2]
        carry = self._carry[:nb * h].reshape(nb, h)
        carry2 = self._carry2[:nb * h].reshape(nb, h)
        if self.cell == "lstm":
            lstm.lstm_backward(p["W"], v["S"], v["C"], v["TC"], v["Z"], dS_out, self.t0, v["dS"], v["dC"],
                               carry, carry2, self.diagnostics, self.grad_norm_per_step,
                               self.cell_grad_norm_per_step, g["W"])
        else:
            gru.gru_backward(p["W"], v["S"], v["Hn"], v["Z"], dS_out, self.t0, v["dS"], v["dR"], carry,
                             carry2, self.diagnostics, self.grad_norm_per_step, g["W"])
            dR = v["dR"]
            np.sum(dR[self.t0:].reshape(-1, dR.shape[2]), axis=0, out=g["bW"])
        gated_inputs.input_grads(p["E"], p["U"], v["X"], v["Z"], tok, self.t0, self._vocab, self._G,
                                 g["E"], g["U"], g["b"])
