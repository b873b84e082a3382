"""BatchWorkspace: every buffer of a training step, allocated once and reused.

Allocating the large (T, B, H) arrays anew at every step costs milliseconds in page faults; the
workspace keeps them, so a training step is a handful of kernel calls on existing memory.
"""
from __future__ import annotations

import numpy as np

from . import kernels as K
from .config import HEAD_BINARY
from .validate import (PARAM_KEYS, activation_code, check_head_output, check_labels,
                       check_params, check_tokens, window_start)


class BatchWorkspace:
    """Buffers and kernel calls for batches of up to ``batch_size`` sequences of ``seq_len`` steps.

    The workspace keeps a reference to ``params`` (it reads the arrays at every call, so in-place
    optimizer updates are seen). After ``forward_backward``:

    - ``grads``: dict like params (same shapes and dtype), the gradients of the mean loss;
    - ``logits``: (B',) view, the binary head's logits o_T (softmax head: ``outputs`` (B', T, K));
    - ``grad_norm_per_step``: (T,) mean over the batch of ||dL/ds_t|| (0 outside the window);
    - ``dW_contrib_norm``: (T,) ||sum over the batch of dL/da_t s_{t-1}^T||_F per step;
    - ``step_loss``: (T,) softmax head: mean over the batch of L_t (binary: only the last row).

    ``truncate=k`` back-propagates through the last k steps only (see ``rnnviz.core.grads``).
    One workspace serves one thread at a time; the kernels release the GIL.

    ``input_path`` picks how U x_t and the E, U gradients are formed (both exact, see
    ``kernels.forward_kernel``): "rows" (one GEMM over the T * B input rows), "vocab" (one GEMM
    over the V embedding rows, then lookups and scatter-adds), or "auto": "vocab" when
    vocab_size < batch_size * seq_len, which is the cheaper one.

    ``diagnostics=False`` skips the per-step norms (they stay zero) and forms dW by one GEMM;
    it exists to measure what the diagnostics cost (see ``python -m rnnviz.bench``).
    """

    def __init__(self, params, batch_size: int, seq_len: int, activation: str = "tanh",
                 head: str = "binary", truncate: int | None = None, input_path: str = "auto",
                 diagnostics: bool = True):
        nv, ne, h, k_out, dtype = check_params(params)
        if int(batch_size) < 1 or int(seq_len) < 1:
            raise ValueError(f"batch_size and seq_len must be >= 1, got {batch_size}, {seq_len}")
        self.params = params
        self.batch_size, self.seq_len = int(batch_size), int(seq_len)
        self.activation, self.head, self.truncate = activation, head, truncate
        self._act = activation_code(activation)
        self._head = check_head_output(head, k_out)
        self._t0 = window_start(truncate, self.seq_len)
        self._sizes = (nv, ne, h, k_out)
        self.dtype = dtype
        B, T = self.batch_size, self.seq_len
        if input_path not in ("auto", "rows", "vocab"):
            raise ValueError(f"input_path must be 'auto', 'rows' or 'vocab', got {input_path!r}")
        if input_path == "auto":
            input_path = "vocab" if nv < B * T else "rows"
        self.input_path = input_path
        self.diagnostics = bool(diagnostics)
        self._vocab = input_path == "vocab"
        z = lambda n: np.zeros(n, dtype)  # noqa: E731
        # flat storage; each call takes views of the exact (B', ...) shape it needs
        self._tokens = np.zeros(B * T, np.int64)
        self._labels = z(B)
        self._targets = np.zeros(B * T, np.int64)
        self._X = z(0 if self._vocab else T * B * ne)
        self._EU = z((nv, h) if self._vocab else (0, h))
        self._G = z((nv, h) if self._vocab else (0, h))
        self._A = z(T * B * h)
        self._S = z((T + 1) * B * h)
        self._carry = z(B * h)
        self._dW_t = z((h, h))
        self._logits = z(B)
        self._dz = z(B)
        self._dS_out = z((T if self._head != HEAD_BINARY else 1) * B * h)
        nk = T * B * k_out if self._head != HEAD_BINARY else 0
        self._O, self._P, self._dO = z(nk), z(nk), z(nk)
        self.grads = {k: np.zeros_like(params[k]) for k in PARAM_KEYS}
        self.grad_norm_per_step = z(T)
        self.dW_contrib_norm = z(T)
        self.step_loss = z(T)
        self.logits = self._logits[:0]
        self.outputs = None
        self._none3 = z((0, 0, 0))
        self._none2 = z((0, 0))

    # -- views -------------------------------------------------------------------------------
    def _views(self, nb: int):
        nv, ne, h, k_out = self._sizes
        T = self.seq_len
        X = self._X[:0 if self._vocab else T * nb * ne].reshape(-1, ne)
        A = self._A[:T * nb * h].reshape(T, nb, h)
        S = self._S[:(T + 1) * nb * h].reshape(T + 1, nb, h)
        return X, A, S

    def _load_tokens(self, tokens) -> np.ndarray:
        nv = self._sizes[0]
        tokens = check_tokens(tokens, nv)
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

    def _check_params_unchanged(self):
        p = self.params
        nv, ne, h, k_out = self._sizes
        if (p["E"].shape != (nv, ne) or p["W"].shape != (h, h) or p["V"].shape != (k_out, h)
                or p["E"].dtype != self.dtype):
            raise ValueError("params changed shape or dtype since the workspace was made")

    def _forward_states(self, tok, store=False, Ux=None, Ws=None):
        p = self.params
        nb = tok.shape[0]
        X, A, S = self._views(nb)
        Ws_t = self._carry[:nb * self._sizes[2]].reshape(nb, self._sizes[2])
        K.forward_kernel(p["E"], p["U"], p["W"], p["b"], tok, self._act, self._vocab, self._EU,
                         X, A, S, Ws_t, store,
                         self._none3 if Ux is None else Ux, self._none3 if Ws is None else Ws)
        return X, A, S

    # -- public ------------------------------------------------------------------------------
    def forward(self, tokens) -> np.ndarray:
        """Inference: binary head -> logits (B',) (a view into the workspace; copy to keep);
        softmax head -> outputs o_t as a (B', T, K) view."""
        self._check_params_unchanged()
        tok = self._load_tokens(tokens)
        nb = tok.shape[0]
        X, A, S = self._forward_states(tok)
        p = self.params
        if self._head == HEAD_BINARY:
            self.logits = self._logits[:nb]
            # the kernel fills the logits; its loss against the stale label buffer is ignored
            K.binary_head_kernel(S[self.seq_len], p["V"], p["c"], self._labels[:nb], self.logits)
            return self.logits
        T, k_out = self.seq_len, self._sizes[3]
        O = self._O[:T * nb * k_out].reshape(T, nb, k_out)
        K.outputs_kernel(S[1:], p["V"], p["c"], O)
        self.outputs = O.transpose(1, 0, 2)
        return self.outputs

    def forward_backward(self, tokens, labels, *, _store=None) -> float:
        """One forward pass and BPTT over a batch; fills ``grads`` and the diagnostics.

        tokens (B', T) int with B' <= batch_size; labels (B',) 0/1 (binary) or (B', T) int
        targets (softmax). Returns the loss (mean over the batch).
        ``_store`` (make_trace only): a dict of per-step output arrays for the kernels to fill;
        the intermediates the trace needs are added to it.
        """
        self._check_params_unchanged()
        tok = self._load_tokens(tokens)
        nb, T = tok.shape
        labels = check_labels(labels, self.head, nb, T, self._sizes[3])
        store = _store is not None
        st = _store if store else {}
        X, A, S = self._forward_states(tok, store, st.get("Ux"), st.get("Ws"))
        if store:
            st.update(A=A.copy(), S=S, X=X.copy())
        if self._head == HEAD_BINARY:
            loss, dS_out = self._binary_head(S, labels)
        else:
            loss, dS_out = self._softmax_head(S, labels, st, store)
        self._backward(tok, X, A, S, dS_out, st, store)
        return float(loss)

    def _binary_head(self, S, labels):
        """Logits, loss and the head's gradients; returns (loss, dL/ds_T as (1, B', H))."""
        p, g = self.params, self.grads
        T, nb, h = S.shape[0] - 1, S.shape[1], S.shape[2]
        lab = self._labels[:nb]
        np.copyto(lab, labels, casting="unsafe")
        self.logits = self._logits[:nb]
        dS_out = self._dS_out[:nb * h].reshape(1, nb, h)
        loss = K.binary_head_kernel(S[T], p["V"], p["c"], lab, self.logits)
        K.binary_head_backward(S[T], p["V"], lab, self.logits, self._dz[:nb], g["V"], g["c"],
                               dS_out)
        self.step_loss[:] = 0.0
        self.step_loss[T - 1] = loss
        return loss, dS_out

    def _softmax_head(self, S, targets, st, store):
        """Outputs, loss and the head's gradients; returns (loss, dL/ds_t's output share)."""
        p, g = self.params, self.grads
        T, nb, h = S.shape[0] - 1, S.shape[1], S.shape[2]
        k_out = self._sizes[3]
        tgt = self._targets[:nb * T].reshape(nb, T)
        np.copyto(tgt, targets, casting="unsafe")
        n = T * nb * k_out
        O, P, dO = (buf[:n].reshape(T, nb, k_out) for buf in (self._O, self._P, self._dO))
        dS_out = self._dS_out[:T * nb * h].reshape(T, nb, h)
        loss = K.softmax_head_kernel(S[1:], p["V"], p["c"], tgt, self._t0, O, P, dO,
                                     self.step_loss, g["V"], g["c"], dS_out, store,
                                     st.get("dV_step", self._none3))
        self.outputs = O.transpose(1, 0, 2)
        if store:
            st.update(O=O, P=P, dO=dO)
        return loss, dS_out

    def _backward(self, tok, X, A, S, dS_out, st, store):
        """BPTT through the recurrence, then the E, U, b gradients."""
        p, g = self.params, self.grads
        nb, h = tok.shape[0], self._sizes[2]
        n3 = self._none3
        dA = A  # a_t is not needed after the forward pass (f' comes from s_t): reuse its buffer
        K.backward_kernel(p["W"], S, dS_out, self._act, self._t0, dA,
                          self._carry[:nb * h].reshape(nb, h), self._dW_t, g["W"],
                          self.diagnostics or store, self.grad_norm_per_step,
                          self.dW_contrib_norm, store, st.get("dS", n3), st.get("dS_rec", n3),
                          st.get("fprime", n3), st.get("dW_step", n3))
        K.input_grads_kernel(p["E"], p["U"], X, dA, tok, self._t0, self._vocab, self._G, g["E"],
                             g["U"], g["b"], X, store, st.get("dU_step", n3),
                             st.get("dx_step", self._none2))
        if store:
            st.update(dA=dA, dS_out=dS_out)
