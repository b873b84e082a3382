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
  ``dW_contrib_norm`` (T,).
- ``predict_logits(params, tokens, activation="tanh", batch_size=512)`` -> (N,) logits o_T of the
  binary head for tokens (N, T); ``predict_proba`` (same arguments) -> (N,) sigmoid(o_T).
- ``make_trace(params, tokens_1d, label, activation="tanh", head="binary", truncate=None)`` ->
  ``Trace``: every intermediate of one sequence (T,) in float64, from the same kernels, and the
  ordered ``TraceStep`` list the animation walks.
- ``make_optimizer(name, params, lr=None, **kw)``: "sgd" (momentum), "rmsprop", "adam" with
  Keras' rules and defaults, updating params in place; ``clip_by_global_norm(grads, max_norm)`` ->
  the norm before clipping (scales in place); ``global_norm(grads)`` -> float.
- ``spectral_radius(W)`` -> max |eigenvalue| of W (H, H).

Cells ``CELLS`` = rnn, lstm, gru: ``init_params``, ``loss_and_grads``, ``predict_logits``,
``predict_proba`` and ``make_trace`` take ``cell=`` (default "rnn"); the LSTM and GRU shapes and gate
orders are in ``rnnviz.core.cells``, their trace is a ``GatedTrace``, and
``make_workspace(params, batch_size, seq_len, activation, head, truncate, cell)`` gives the
``BatchWorkspace`` or ``GatedWorkspace`` of a cell.

Activations ``ACTIVATIONS`` = tanh, relu, linear; heads ``HEADS`` = binary (many-to-one, BCE on
o_T) and softmax (many-to-many, L = sum_t CE_t). Truncated BPTT (``truncate=k``) back-propagates
through the last k steps only; the exact semantics are in ``rnnviz.core.grads``. dtype follows
the params: float32 to train, float64 to trace; the same kernels serve both.
"""
from .blas import limit_blas_threads_unless_configured
from .cells import CELLS, GATES
from .config import ACTIVATIONS, HEADS
from .gated import make_workspace
from .gated_params import recurrent_radius
from .gated_trace import GatedTrace
from .gated_workspace import GatedWorkspace
from .grads import loss_and_grads, predict_logits, predict_proba
from .optim import clip_by_global_norm, global_norm, make_optimizer
from .params import init_params, spectral_radius
from .trace import make_trace
from .trace_types import Trace, TraceStep
from .workspace import BatchWorkspace

# the kernels' small per-step GEMMs are much faster on one BLAS thread (see blas.py)
limit_blas_threads_unless_configured()

__all__ = [
    "ACTIVATIONS", "CELLS", "GATES", "HEADS", "BatchWorkspace", "GatedTrace", "GatedWorkspace", "Trace", "TraceStep", "clip_by_global_norm",
    "global_norm", "init_params", "loss_and_grads", "make_optimizer", "make_trace",
    "make_workspace", "predict_logits", "recurrent_radius", "predict_proba", "spectral_radius",
]
