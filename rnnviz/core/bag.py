"""The ordinary network beside the RNN: a bag of embeddings, order-blind by construction.

    x_bar = (1/n) sum over the n words t of x_t,   x_t = E[token_t]   (padding left out)
    a = U x_bar + b,   s = f(a),   o = V s + c,   y_hat = sigmoid(o),   L = BCE(y_hat, y)

It is the RNN's step without W s_{t-1}, applied once to the mean of the inputs: it sees which words
occur and how often, never in which order. Parameters (``BAG_PARAM_KEYS``): E (Vocab, Ed),
U (H, Ed), b (H,), V (1, H), c (1,); the same shapes and, for one seed, the same initial values as
the RNN's (``init_bag_params`` is ``init_params`` without W).

Padding (``pad_id``, 0 as in ``rnnviz.data``) is left out of the mean, as Keras does with
``Embedding(mask_zero=True)`` + ``GlobalAveragePooling1D``: a review padded to 500 tokens has the
same mean as the review alone.

- ``BagWorkspace(params, batch_size, seq_len, activation)``: the trainer's interface of
  ``BatchWorkspace`` (``forward``, ``forward_backward``, ``grads``, ``logits``, ``grad_norm_per_step``).
- ``bag_loss_and_grads(params, tokens, labels, activation)`` -> (loss, grads).
- ``make_bag_trace(params, tokens_1d, label, activation)`` -> ``BagTrace`` (float64, every value).

Numba, not NumPy: the gather-and-mean and the scatter of dE into repeated rows are loops over
B x T tokens; in NumPy they need a (B, T, Ed) temporary and ``np.add.at``. ``python -m
rnnviz.bench.bag_numba_vs_numpy`` prints the two side by side on the IMDb sizes.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit

from . import bag_kernels as K
from .params import init_params
from .validate import activation_code, check_tokens

BAG_PARAM_KEYS = ("E", "U", "b", "V", "c")
PAD_ID = 0


def init_bag_params(vocab_size: int, embed_dim: int, hidden_dim: int, seed: int = 0,
                    dtype=np.float32) -> dict[str, np.ndarray]:
    """The RNN's initial E, U, b, V, c of this seed (Keras' initialisers), without W."""
    p = init_params(vocab_size, embed_dim, hidden_dim, 1, seed=seed, dtype=dtype)
    return {k: p[k] for k in BAG_PARAM_KEYS}


def check_bag_params(params) -> tuple[int, int, int, np.dtype]:
    """Check the bag's parameter dict; return (Vocab, Ed, H, dtype). ValueError says what is wrong."""
    if not isinstance(params, dict):
        raise ValueError(f"params must be a dict with keys {BAG_PARAM_KEYS}")
    missing = [k for k in BAG_PARAM_KEYS if k not in params]
    if missing:
        raise ValueError(f"the ordinary network's params miss {missing}; expected {BAG_PARAM_KEYS}")
    arrays = [params[k] for k in BAG_PARAM_KEYS]
    if not all(isinstance(a, np.ndarray) and a.flags.c_contiguous for a in arrays):
        raise ValueError("every parameter must be a C-contiguous numpy array (updated in place)")
    dtype = params["E"].dtype
    if dtype not in (np.float32, np.float64) or any(a.dtype != dtype for a in arrays):
        raise ValueError("parameters must all be float32 or all float64")
    E, U = params["E"], params["U"]
    if E.ndim != 2 or U.ndim != 2 or U.shape[1] != E.shape[1]:
        raise ValueError(f"E must be (vocab, Ed) and U (H, Ed), got {E.shape} and {U.shape}")
    h = U.shape[0]
    want = {"b": (h,), "V": (1, h), "c": (1,)}
    for k, shape in want.items():
        if params[k].shape != shape:
            raise ValueError(f"params[{k!r}] has shape {params[k].shape}, expected {shape}")
    return E.shape[0], E.shape[1], h, dtype


class BagWorkspace:
    """Buffers of the ordinary network for batches of up to ``batch_size`` rows of ``seq_len`` ids.

    Keeps a reference to ``params`` (in-place optimizer updates are seen). After
    ``forward_backward``: ``grads`` (dict like params), ``logits`` (B',) view, the intermediates
    ``x_bar`` (B', Ed), ``a``, ``s``, ``dL_ds``, ``dL_da`` (B', H), ``dL_dxbar`` (B', Ed), ``counts``
    (B',), and ``grad_norm_per_step`` (T,): the mean over the batch of ||dL/dx_t|| = ||dL/dx_bar|| / n
    at every word (0 at padding): no step is farther from the output than another, nothing vanishes.
    ``dW_contrib_norm`` (T,) stays zero (there is no W), kept for the trainer's reports.
    """

    head = "binary"  # the ordinary network has the sentiment head only (sigmoid of one output)

    def __init__(self, params, batch_size: int, seq_len: int, activation: str = "tanh",
                 pad_id: int = PAD_ID):
        nv, ne, h, dtype = check_bag_params(params)
        if int(batch_size) < 1 or int(seq_len) < 1:
            raise ValueError(f"batch_size and seq_len must be >= 1, got {batch_size}, {seq_len}")
        self.params, self.activation, self.pad_id = params, activation, int(pad_id)
        self._act = activation_code(activation)
        self.batch_size, self.seq_len, self.dtype = int(batch_size), int(seq_len), dtype
        self._sizes = (nv, ne, h)
        B, T = self.batch_size, self.seq_len
        z = lambda *shape: np.zeros(shape, dtype)  # noqa: E731
        self._tokens = np.zeros((B, T), np.int64)
        self._order = np.zeros((B, T), np.int64)
        self._counts = np.zeros(B, np.int64)
        self._labels = z(B)
        self._Xbar, self._dXbar = z(B, ne), z(B, ne)
        self._A, self._S, self._dS, self._dA = z(B, h), z(B, h), z(B, h), z(B, h)
        self._logits, self._dz = z(B), z(B)
        self.grads = {k: np.zeros_like(params[k]) for k in BAG_PARAM_KEYS}
        self.grad_norm_per_step = z(T)
        self.dW_contrib_norm = z(T)
        self.logits = self._logits[:0]
        self._nb = 0

    def _load(self, tokens) -> np.ndarray:
        tokens = check_tokens(tokens, self._sizes[0])
        nb, T = tokens.shape
        if T != self.seq_len or nb > self.batch_size:
            raise ValueError(f"tokens {tokens.shape} do not fit the workspace "
                             f"(batch_size {self.batch_size}, seq_len {self.seq_len})")
        tok = self._tokens[:nb]
        np.copyto(tok, tokens, casting="unsafe")
        self._nb = nb
        return tok

    def forward(self, tokens) -> np.ndarray:
        """Logits o (B',) of tokens (B', T), a view into the workspace (copy to keep)."""
        tok = self._load(tokens)
        nb = tok.shape[0]
        p = self.params
        self.logits = self._logits[:nb]
        K.bag_forward_kernel(p["E"], p["U"], p["b"], p["V"], p["c"], tok, self.pad_id, self._act,
                             self._order[:nb], self._counts[:nb], self._Xbar[:nb], self._A[:nb],
                             self._S[:nb], self.logits)
        return self.logits

    def forward_backward(self, tokens, labels) -> float:
        """Forward, loss and gradients of tokens (B', T) with 0/1 labels (B',). Returns the mean loss."""
        self.forward(tokens)
        nb, p, g = self._nb, self.params, self.grads
        labels = np.asarray(labels)
        if labels.shape != (nb,) or not np.all((labels == 0) | (labels == 1)):
            raise ValueError(f"labels must be ({nb},) values 0 or 1, got shape {labels.shape}")
        lab = self._labels[:nb]
        np.copyto(lab, labels, casting="unsafe")
        loss = K.bag_loss_kernel(self.logits, lab)
        K.bag_backward_kernel(p["E"], p["U"], p["V"], self._tokens[:nb], self.pad_id, self._act,
                              self._counts[:nb], self._Xbar[:nb], self._S[:nb], self.logits, lab,
                              self._dz[:nb], self._dS[:nb], self._dA[:nb], self._dXbar[:nb],
                              g["E"], g["U"], g["b"], g["V"], g["c"])
        self._step_norms(nb)
        return float(loss)

    def _step_norms(self, nb: int) -> None:
        """||dL/dx_t|| per step, averaged over the batch (NumPy: (B', T) at most, once per batch)."""
        counts = self._counts[:nb].astype(np.float64)
        per_word = np.linalg.norm(self._dXbar[:nb].astype(np.float64), axis=1) / np.maximum(counts, 1)
        is_word = self._tokens[:nb] != self.pad_id
        self.grad_norm_per_step[:] = (is_word * per_word[:, None]).mean(axis=0)

    # the intermediates of the last call, as views of the used rows
    x_bar = property(lambda self: self._Xbar[:self._nb])
    a = property(lambda self: self._A[:self._nb])
    s = property(lambda self: self._S[:self._nb])
    dL_ds = property(lambda self: self._dS[:self._nb])
    dL_da = property(lambda self: self._dA[:self._nb])
    dL_dxbar = property(lambda self: self._dXbar[:self._nb])
    dL_do = property(lambda self: self._dz[:self._nb])
    counts = property(lambda self: self._counts[:self._nb])


def bag_loss_and_grads(params, tokens, labels, activation: str = "tanh", pad_id: int = PAD_ID):
    """(mean BCE loss, grads dict like params) of tokens (B, T) with 0/1 labels (B,)."""
    tokens = np.asarray(tokens)
    if tokens.ndim != 2:
        raise ValueError(f"tokens must have shape (B, T), got {tokens.shape}")
    ws = BagWorkspace(params, tokens.shape[0], tokens.shape[1], activation, pad_id)
    loss = ws.forward_backward(tokens, labels)
    return loss, {k: v.copy() for k, v in ws.grads.items()}


@dataclass(frozen=True)
class BagTrace:
    """Every value of the ordinary network on one sequence (float64). Shapes: T steps, Ed, H."""

    tokens: np.ndarray      # (T,) int64
    is_word: np.ndarray     # (T,) bool: counted in the mean (not padding)
    activation: str
    label: int
    params: dict
    x: np.ndarray           # (T, Ed) x_t = E[token_t]
    x_bar: np.ndarray       # (Ed,) the mean of the words' x_t
    a: np.ndarray           # (H,) U x_bar + b
    s: np.ndarray           # (H,) f(a)
    o: float                # V s + c
    y_hat: float            # sigmoid(o)
    loss: float
    dL_do: float
    dL_ds: np.ndarray       # (H,) V^T dL/do
    dL_da: np.ndarray       # (H,) f'(a) * dL/ds
    dL_dxbar: np.ndarray    # (Ed,) U^T dL/da
    dL_dx: np.ndarray       # (T, Ed) dL/dx_bar / n at every word, 0 at padding
    grads: dict

    @property
    def n_words(self) -> int:
        return int(self.is_word.sum())


def make_bag_trace(params, tokens_1d, label: int, activation: str = "tanh",
                   pad_id: int = PAD_ID) -> BagTrace:
    """The float64 record of one sequence (T,), filled by the same kernels that train."""
    p64 = {k: np.ascontiguousarray(params[k], dtype=np.float64).copy() for k in BAG_PARAM_KEYS}
    check_bag_params(p64)
    tokens = check_tokens(tokens_1d, p64["E"].shape[0], ndim=1).astype(np.int64)
    if label not in (0, 1):
        raise ValueError(f"label must be 0 or 1, got {label!r}")
    ws = BagWorkspace(p64, 1, tokens.shape[0], activation, pad_id)
    loss = ws.forward_backward(tokens.reshape(1, -1), np.array([label]))
    is_word = tokens != pad_id
    n = max(int(is_word.sum()), 1)
    o = float(ws.logits[0])
    return BagTrace(
        tokens=tokens, is_word=is_word, activation=activation, label=int(label), params=p64,
        x=p64["E"][tokens].copy(), x_bar=ws.x_bar[0].copy(), a=ws.a[0].copy(), s=ws.s[0].copy(),
        o=o, y_hat=float(expit(o)), loss=loss, dL_do=float(ws.dL_do[0]),
        dL_ds=ws.dL_ds[0].copy(), dL_da=ws.dL_da[0].copy(), dL_dxbar=ws.dL_dxbar[0].copy(),
        dL_dx=np.where(is_word[:, None], ws.dL_dxbar[0] / n, 0.0),
        grads={k: v.copy() for k, v in ws.grads.items()},
    )


def bag_predict_logits(params, tokens, activation: str = "tanh", batch_size: int = 512,
                       pad_id: int = PAD_ID) -> np.ndarray:
    """Logits o (N,) of tokens (N, T), in batches of ``batch_size``."""
    tokens = np.asarray(tokens)
    if tokens.ndim != 2:
        raise ValueError(f"tokens must have shape (N, T), got {tokens.shape}")
    n, T = tokens.shape
    bs = max(1, min(int(batch_size), n))
    ws = BagWorkspace(params, bs, T, activation, pad_id)
    out = np.empty(n, dtype=np.float64)
    for start in range(0, n, bs):
        out[start:start + bs] = ws.forward(tokens[start:start + bs])
    return out
