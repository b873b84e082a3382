"""make_trace: the float64 step trace of one sequence, filled by the training kernels themselves.

The kernels run with ``store=True`` on a batch of one, which makes them also write every per-step
intermediate (U x_t, W s_{t-1}, dL/ds_t and its two shares, f'(a_t), each step's dW, dU, dx). Only
bookkeeping happens here: squeezing the batch axis, the running sums, the ordered step list.
"""
from __future__ import annotations

import numpy as np
from scipy.special import expit

from . import kernels
from .config import HEAD_BINARY
from .trace_types import Trace, TraceStep
from .validate import PARAM_KEYS, check_params, check_tokens, head_code
from .workspace import BatchWorkspace


def _reverse_cumsum(a: np.ndarray) -> np.ndarray:
    """Row i = sum of rows i.. (the running sum of backward order, which starts at t = T).

    A loop over rows adds whole contiguous rows; np.cumsum along axis 0 walks the array with a
    row-sized stride and is ~50x slower for (T, H, H)."""
    out = np.empty_like(a)
    acc = np.zeros_like(a[0])
    for i in range(a.shape[0] - 1, -1, -1):
        acc += a[i]
        out[i] = acc
    return out


def _step_list(T: int, t0: int) -> list[TraceStep]:
    steps = [TraceStep("forward", t) for t in range(1, T + 1)]
    steps.append(TraceStep("loss", T))
    steps += [TraceStep("backward", t) for t in range(T, t0, -1)]
    return steps


def make_trace(params, tokens_1d, label, activation: str = "tanh", head: str = "binary",
               truncate: int | None = None, cell: str = "rnn") -> Trace:
    """Float64 forward + BPTT record of one sequence (``cell="lstm"`` / ``"gru"``: a GatedTrace).

    tokens_1d (T,) int; label: the 0/1 label (binary head) or (T,) int targets (softmax head).
    Parameters are copied to float64. See ``rnnviz.core.trace_types.Trace`` for every field, and
    ``rnnviz.core.grads`` for the truncation semantics.
    """
    if cell != "rnn":
        from .gated_trace import make_gated_trace
        return make_gated_trace(params, tokens_1d, label, head, truncate, cell, activation)
    check_params(params)
    head_code(head)
    p64 = {k: np.ascontiguousarray(params[k], dtype=np.float64).copy() for k in PARAM_KEYS}
    tokens = check_tokens(tokens_1d, p64["E"].shape[0], ndim=1).astype(np.int64)
    T = tokens.shape[0]
    if head == "binary":
        lab = np.asarray(label)
        if lab.size != 1:
            raise ValueError(f"binary label must be a single 0/1 value, got shape {lab.shape}")
        targets = lab.reshape(1).astype(np.int64)
        labels = lab.reshape(1)
    else:
        labels = np.asarray(label)
        if labels.shape != (T,):
            raise ValueError(f"softmax targets must have shape ({T},), got {labels.shape}")
        targets = labels.astype(np.int64)
        labels = labels.reshape(1, T)
    # the rows path keeps every x_t in the workspace for the trace
    ws = BatchWorkspace(p64, 1, T, activation, head, truncate, input_path="rows")
    t0 = ws._t0
    H, Ed, K = p64["W"].shape[0], p64["E"].shape[1], p64["V"].shape[0]
    z = lambda *shape: np.zeros(shape)  # noqa: E731
    st = {"Ux": z(T, 1, H), "Ws": z(T, 1, H), "dS": z(T, 1, H), "dS_rec": z(T, 1, H),
          "fprime": z(T, 1, H), "dW_step": z(T, H, H), "dU_step": z(T, H, Ed),
          "dx_step": z(T, Ed), "dV_step": z(T, K, H)}
    loss = ws.forward_backward(tokens.reshape(1, T), labels, _store=st)
    g = {k: v.copy() for k, v in ws.grads.items()}
    S = st["S"][:, 0, :].copy()  # (T + 1, H)
    dA = st["dA"][:, 0, :].copy()
    sq = lambda a: a[:, 0, :].copy()  # noqa: E731  (T, 1, n) -> (T, n)

    dL_do = z(T, K)
    dV_step = st["dV_step"]
    dc_step = z(T, K)
    step_loss = ws.step_loss.copy()
    if ws._head == HEAD_BINARY:
        # o_t at every step for display, from the same output kernel the softmax head uses
        O = z(T, 1, K)
        kernels.outputs_kernel(st["S"][1:], p64["V"], p64["c"], O)
        o = sq(O)
        y_hat = expit(o)  # sigmoid without overflow for a large |o_t| (exploding runs)
        dL_do[T - 1, 0] = ws._dz[0]
        dV_step[T - 1] = g["V"]
        dc_step[T - 1] = g["c"]
        dS_out = z(T, H)
        dS_out[T - 1] = st["dS_out"][0, 0]
    else:
        o, y_hat, dL_do = sq(st["O"]), sq(st["P"]), sq(st["dO"])
        dc_step = dL_do.copy()  # dL/dc_t = dL/do_t
        dS_out = sq(st["dS_out"])
        dS_out[:t0] = 0.0
    dU_step, dW_step = st["dU_step"], st["dW_step"]
    db_step = dA.copy()
    return Trace(
        tokens=tokens, targets=targets, head=head, activation=activation, truncate=truncate,
        params=p64,
        x=st["X"].copy(), Ux=sq(st["Ux"]), Ws=sq(st["Ws"]), a=sq(st["A"]), s=S[1:].copy(),
        s_prev=S[:-1].copy(), o=o, y_hat=y_hat, step_loss=step_loss, loss=loss,
        dL_do=dL_do, dL_ds_out=dS_out, dL_ds_rec=sq(st["dS_rec"]), dL_ds=sq(st["dS"]),
        fprime=sq(st["fprime"]), dL_da=dA,
        dU_step=dU_step, dW_step=dW_step, db_step=db_step, dV_step=dV_step, dc_step=dc_step,
        dx_step=st["dx_step"],
        dU_sum=_reverse_cumsum(dU_step), dW_sum=_reverse_cumsum(dW_step),
        db_sum=_reverse_cumsum(db_step), dV_sum=_reverse_cumsum(dV_step),
        dc_sum=_reverse_cumsum(dc_step),
        grads=g, grad_norm_per_step=ws.grad_norm_per_step.copy(),
        dW_contrib_norm=ws.dW_contrib_norm.copy(), steps=_step_list(T, t0),
    )
