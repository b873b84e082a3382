"""The numba RNN core: forward pass, BPTT, optimizers and the step trace. No Qt here.

    a_t = U x_t + W s_{t-1} + b,   s_t = f(a_t),   o_t = V s_t + c,   s_0 = 0,   x_t = E[token_t]

Sizes: V vocabulary, E embedding, H hidden, K outputs (1 for the binary head), B batch, T steps.

- ``init_params(vocab_size, embed_dim, hidden_dim, output_dim=1, seed=0, dtype=np.float32)`` -> dict
  "E" (V, E) uniform(-0.05, 0.05), "U" (H, E) and "V" (K, H) Glorot-uniform, "W" (H, H) orthogonal,
  "b" (H,), "c" (K,) zero: Keras' initialisation, seeded.
- ``loss_and_grads(params, tokens, labels, activation="tanh", head="binary", truncate=None)`` ->
  (loss: float, grads: dict like params). tokens (B, T) int; labels (B,) 0/1 (binary) or (B, T) int
  targets (softmax). Exact BPTT.
- ``BatchWorkspace(params, batch_size, seq_len, activation, head, truncate)``: the same with buffers
  kept between training steps, plus the per-step diagnostics ``grad_norm_per_step`` (T,) and
  ``dW_contrib_norm`` (T,), and views of s_t, dL/ds_t, dL/da_t (``states``, ``state_grads``,
  ``preactivation_grads``).
- ``predict_logits(params, tokens, activation="tanh", batch_size=512)`` -> (N,) logits o_T of the
  binary head for tokens (N, T); ``predict_proba`` (same arguments) -> (N,) sigmoid(o_T).
- ``make_trace(params, tokens_1d, label, activation="tanh", head="binary", truncate=None)`` ->
  ``Trace``: every intermediate of one sequence (T,) in float64, from the same kernels, and the
  ordered ``TraceStep`` list the animation walks.
- ``reference``: the same model in plain NumPy, one sequence at a time, to read (and test against).
- ``make_optimizer(name, params, lr=None, **kw)``: "sgd" (momentum), "rmsprop", "adam" with
  Keras' rules and defaults, updating params in place; ``clip_by_global_norm(grads, max_norm)`` ->
  the norm before clipping (scales in place); ``global_norm(grads)`` -> float.
- ``spectral_radius(W)`` -> max |eigenvalue| of W (H, H).
- ``warm_up()``: compile every kernel on a background thread, the trace's first; meanwhile
  ``make_trace`` runs the same kernels as plain Python (see ``rnnviz.core.warmup``).

Cells ``CELLS`` = rnn, lstm, gru: ``init_params``, ``loss_and_grads``, ``predict_logits``,
``predict_proba`` and ``make_trace`` take ``cell=`` (default "rnn"); the LSTM and GRU shapes and gate
orders are in ``rnnviz.core.cells``, their trace is a ``GatedTrace``, and
``make_workspace(params, batch_size, seq_len, activation, head, truncate, cell)`` gives the
``BatchWorkspace`` or ``GatedWorkspace`` of a cell.

Activations ``ACTIVATIONS`` = tanh, relu, linear; heads ``HEADS`` = binary (many-to-one, BCE on
o_T) and softmax (many-to-many, L = sum_t CE_t). Truncated BPTT (``truncate=k``) back-propagates
through the last k steps only; the exact semantics are in ``rnnviz.core.grads``. dtype follows
the params: float32 to train, float64 to trace; the same kernels serve both.

Importing this package loads no numba: the kernel-backed names (loss_and_grads, predict_*,
BatchWorkspace, make_trace and the optimizer functions) are imported on first use, so any layer
can import the core for free and compile the kernels where it chooses (the window: on a worker
thread). One BLAS thread suits the kernels' small GEMMs; the entry points call
``rnnviz.core.blas.limit_blas_threads_unless_configured()`` (importing the core does not).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .cells import CELLS, GATES
from .gated_params import recurrent_radius
from .params import init_params, spectral_radius
from .spec import ACTIVATIONS, HEADS
from .trace_types import Trace, TraceStep

if TYPE_CHECKING:  # what the lazy names below resolve to, for readers and type checkers
    from .grads import loss_and_grads, predict_logits, predict_proba
    from .optim import clip_by_global_norm, global_norm, make_optimizer
    from .trace import make_trace
    from .bag import BagWorkspace, bag_loss_and_grads, bag_predict_logits, init_bag_params, make_bag_trace
    from .gated import make_workspace
    from .gated_trace import GatedTrace
    from .gated_workspace import GatedWorkspace
    from .warmup import warm_up
    from .workspace import BatchWorkspace

# public name -> the submodule defining it; those submodules import numba (compiled kernels)
_KERNEL_BACKED = {
    "loss_and_grads": "grads", "predict_logits": "grads", "predict_proba": "grads",
    "clip_by_global_norm": "optim", "global_norm": "optim", "make_optimizer": "optim",
    "make_trace": "trace", "BatchWorkspace": "workspace",
    "make_workspace": "gated", "GatedTrace": "gated_trace", "GatedWorkspace": "gated_workspace",
    "make_bag_trace": "bag", "BagWorkspace": "bag", "init_bag_params": "bag", "bag_loss_and_grads": "bag", "bag_predict_logits": "bag",
    "warm_up": "warmup",
}

__all__ = [
    "ACTIVATIONS", "CELLS", "GATES", "HEADS", "BatchWorkspace", "GatedTrace", "GatedWorkspace", "Trace",
    "TraceStep", "clip_by_global_norm",
    "global_norm", "init_params", "loss_and_grads", "make_optimizer", "make_trace",
    "make_workspace", "predict_logits", "recurrent_radius", "predict_proba", "spectral_radius",
    "BagWorkspace", "bag_loss_and_grads", "bag_predict_logits", "init_bag_params", "make_bag_trace",
    "warm_up",
]


#: submodules reached as ``core.NAME`` from layers that must not import numba when imported: the
#: background compile's state (``core.warmup.ready("training")``) is read by the explorer and the
#: built-in models, and its module imports the kernels inside its functions
_LAZY_SUBMODULES = {"warmup"}


def __getattr__(name: str):
    """Import a kernel-backed name on first use (PEP 562) and keep it as a module attribute."""
    if name in _LAZY_SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    module = _KERNEL_BACKED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
