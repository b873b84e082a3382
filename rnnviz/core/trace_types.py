"""The step trace: every forward and backward intermediate of one sequence, in float64.

The window's animation and the BPTT-by-hand panel read numbers only from a ``Trace``; they never
recompute the math. ``rnnviz.core.make_trace`` fills it from the same numba kernels that train.

Indexing: every per-step array has a leading axis of length T, and row ``i`` holds time step
``t = i + 1`` of the textbook (t = 1..T). ``s_prev[i]`` is s_{t-1}, so ``s_prev[0]`` is s_0 = 0.
Shapes use E = embedding size, H = hidden size, K = output size (1 for the binary head).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

StepKind = Literal["forward", "loss", "backward"]


@dataclass(frozen=True)
class TraceStep:
    """One elementary step that the animation and the hand-stepping walk.

    kind: "forward" (a_t, s_t, o_t formed at step t), "loss" (the loss from the outputs, t = T),
    or "backward" (dL/ds_t, dL/da_t and step t's contributions to the gradients).
    t: the textbook time step, 1..T.
    """

    kind: StepKind
    t: int


@dataclass
class Trace:
    """Forward and BPTT record of one sequence (all float arrays float64).

    Model:  a_t = U x_t + W s_{t-1} + b,   s_t = f(a_t),   o_t = V s_t + c,   s_0 = 0
    Heads:  "binary"  (many-to-one): L = BCE(sigmoid(o_T), label); only o_T feeds the loss.
            "softmax" (many-to-many): L = sum_t CE(softmax(o_t), target_t).
    """

    tokens: np.ndarray          # (T,) int64 token ids; x_t = E[tokens[t-1]]
    targets: np.ndarray         # binary: (1,) the 0/1 label; softmax: (T,) int targets
    head: str                   # "binary" | "softmax"
    activation: str             # "tanh" | "relu" | "linear"
    truncate: int | None        # BPTT over the last k steps only, or None for full BPTT
    params: dict[str, np.ndarray]  # float64 copies of E, U, W, b, V, c used for this trace

    # forward
    x: np.ndarray               # (T, E) input vectors x_t = E[token_t]
    Ux: np.ndarray              # (T, H) U x_t
    Ws: np.ndarray              # (T, H) W s_{t-1}
    a: np.ndarray               # (T, H) pre-activation a_t = U x_t + W s_{t-1} + b
    s: np.ndarray               # (T, H) hidden state s_t = f(a_t)
    s_prev: np.ndarray          # (T, H) s_{t-1}; s_prev[0] = 0
    o: np.ndarray               # (T, K) output o_t = V s_t + c at every step
    y_hat: np.ndarray           # (T, K) sigmoid(o_t) (binary) or softmax(o_t) (softmax)
    step_loss: np.ndarray       # (T,) L_t (binary: zero except the last step)
    loss: float                 # L = sum of step_loss

    # backward (rows outside the truncation window are zero)
    dL_do: np.ndarray           # (T, K) dL/do_t (binary: nonzero only at t = T)
    dL_ds_out: np.ndarray       # (T, H) V^T dL/do_t, the output's share of dL/ds_t
    dL_ds_rec: np.ndarray       # (T, H) W^T dL/da_{t+1}, the future's share (0 at t = T)
    dL_ds: np.ndarray           # (T, H) dL/ds_t = dL_ds_out + dL_ds_rec
    fprime: np.ndarray          # (T, H) f'(a_t), e.g. 1 - s_t^2 for tanh
    dL_da: np.ndarray           # (T, H) dL/da_t = f'(a_t) * dL/ds_t

    # each step's contribution to the shared parameters' gradients
    dU_step: np.ndarray         # (T, H, E) dL/da_t x_t^T
    dW_step: np.ndarray         # (T, H, H) dL/da_t s_{t-1}^T
    db_step: np.ndarray         # (T, H)    dL/da_t
    dV_step: np.ndarray         # (T, K, H) dL/do_t s_t^T
    dc_step: np.ndarray         # (T, K)    dL/do_t
    dx_step: np.ndarray         # (T, E)    U^T dL/da_t, added to row tokens[t-1] of dL/dE

    # running sums in backward order: row i = sum of the step rows for t' >= t (t = i + 1)
    dU_sum: np.ndarray          # (T, H, E)
    dW_sum: np.ndarray          # (T, H, H)
    db_sum: np.ndarray          # (T, H)
    dV_sum: np.ndarray          # (T, K, H)
    dc_sum: np.ndarray          # (T, K)

    grads: dict[str, np.ndarray]  # final gradients, equal to loss_and_grads on this sequence
    grad_norm_per_step: np.ndarray  # (T,) ||dL/ds_t||
    dW_contrib_norm: np.ndarray     # (T,) ||dW_step[t]||_F
    steps: list[TraceStep] = field(default_factory=list)  # forward 1..T, loss, backward T..t0

    @property
    def T(self) -> int:
        return int(self.tokens.shape[0])

    @property
    def hidden_size(self) -> int:
        return int(self.s.shape[1])
