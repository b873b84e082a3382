"""The numba RNN core: forward pass, BPTT, optimizers and the step trace. No Qt here.

    a_t = U x_t + W s_{t-1} + b,   s_t = f(a_t),   o_t = V s_t + c,   s_0 = 0,   x_t = E[token_t]

- ``init_params`` (Keras initialisation), ``spectral_radius``.
- ``loss_and_grads`` (one batch, exact BPTT), ``BatchWorkspace`` (the same, with buffers kept
  between training steps, plus the per-step diagnostics), ``predict_logits`` (batched inference).
- ``make_trace``: every intermediate of one sequence in float64, from the same kernels.
- ``make_optimizer`` (SGD with momentum, RMSprop, Adam: Keras' rules and defaults),
  ``clip_by_global_norm``, ``global_norm``.
Activations ``ACTIVATIONS`` = tanh, relu, linear; heads ``HEADS`` = binary (many-to-one, BCE on
o_T) and softmax (many-to-many, L = sum_t CE_t). Truncated BPTT (``truncate=k``) back-propagates
through the last k steps only; the exact semantics are in ``rnnviz.core.grads``. dtype follows
the params: float32 to train, float64 to trace; the same kernels serve both.
"""
from .blas import limit_blas_threads_unless_configured
from .config import ACTIVATIONS, HEADS
from .grads import loss_and_grads, predict_logits
from .optim import clip_by_global_norm, global_norm, make_optimizer
from .params import init_params, spectral_radius
from .trace import make_trace
from .trace_types import Trace, TraceStep
from .workspace import BatchWorkspace

# the kernels' small per-step GEMMs are much faster on one BLAS thread (see blas.py)
limit_blas_threads_unless_configured()

__all__ = [
    "ACTIVATIONS", "HEADS", "BatchWorkspace", "Trace", "TraceStep", "clip_by_global_norm",
    "global_norm", "init_params", "loss_and_grads", "make_optimizer", "make_trace",
    "predict_logits", "spectral_radius",
]
