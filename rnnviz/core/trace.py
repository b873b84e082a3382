"""make_trace: the float64 step trace of one sequence.

The training kernels (a BatchWorkspace of one sequence) compute the forward pass, the loss, BPTT and
the gradients, and keep s_t, dL/ds_t and dL/da_t. Everything else the window shows is read off
those with a line of NumPy each (B = 1 and T <= 500: microseconds): U x_t, W s_{t-1} and a_t, the
outputs, the two shares of dL/ds_t, f'(a_t), and each step's contribution to every gradient.
"""
from __future__ import annotations

import numpy as np
from scipy.special import expit, softmax

from . import engine, warmup
from .spec import PARAM_KEYS
from .trace_types import Trace, TraceStep
from .validate import check_params, check_tokens, head_code
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


def _fprime(s: np.ndarray, activation: str) -> np.ndarray:
    """f'(a_t) read from s_t = f(a_t), as the kernels do: tanh 1 - s^2, relu 1 where s > 0."""
    if activation == "tanh":
        return 1.0 - s * s
    if activation == "relu":
        return (s > 0).astype(np.float64)
    return np.ones_like(s)


def _labels(label, head: str, T: int):
    """(labels for the workspace, the trace's targets)."""
    lab = np.asarray(label)
    if head == "binary":
        if lab.size != 1:
            raise ValueError(f"binary label must be a single 0/1 value, got shape {lab.shape}")
        return lab.reshape(1), lab.reshape(1).astype(np.int64)
    if lab.shape != (T,):
        raise ValueError(f"softmax targets must have shape ({T},), got {lab.shape}")
    return lab.reshape(1, T), lab.astype(np.int64)


def make_trace(params, tokens_1d, label, activation: str = "tanh", head: str = "binary",
               truncate: int | None = None, cell: str = "rnn", *, jit: bool | None = None) -> Trace:
    """Float64 forward + BPTT record of one sequence (``cell="lstm"`` / ``"gru"``: a GatedTrace).

    tokens_1d (T,) int; label: the 0/1 label (binary head) or (T,) int targets (softmax head).
    Parameters are copied to float64. See ``rnnviz.core.trace_types.Trace`` for every field, and
    ``rnnviz.core.grads`` for the truncation semantics. ``jit=False`` runs the kernels' source as
    plain Python (same numbers, no compile); the default, None, does so only while a warm-up
    (``rnnviz.core.warm_up``) is still compiling the float64 kernels.
    """
    if cell != "rnn":
        from .gated_trace import make_gated_trace
        return make_gated_trace(params, tokens_1d, label, head, truncate, cell, activation)
    if jit is None:
        jit = warmup.ready("trace")
    check_params(params)
    head_code(head)
    p = {k: np.ascontiguousarray(params[k], dtype=np.float64).copy() for k in PARAM_KEYS}
    tokens = check_tokens(tokens_1d, p["E"].shape[0], ndim=1).astype(np.int64)
    T = tokens.shape[0]
    labels, targets = _labels(label, head, T)
    # the rows path is the one whose input share comes straight from x_t = E[token_t]; the per-step
    # norms are taken below from the trace's own rows (fast also when the kernels run as Python)
    ws = BatchWorkspace(p, 1, T, activation, head, truncate, input_path="rows", diagnostics=False,
                        jit=jit)
    loss = ws.forward_backward(tokens.reshape(1, T), labels)
    t0 = ws.window_start
    window = np.arange(T) >= t0  # (T,) the steps BPTT reaches
    S = ws.states[:, 0].copy()  # (T + 1, H)
    dS, dA = ws.state_grads[:, 0].copy(), ws.preactivation_grads[:, 0].copy()  # (T, H)
    s, s_prev = S[1:], S[:-1]
    E, U, W, V, c = p["E"], p["U"], p["W"], p["V"], p["c"]

    x = E[tokens]  # (T, Ed) x_t
    Ux, Ws = x @ U.T, s_prev @ W.T  # (T, H) the two shares of a_t
    a = Ux + Ws + p["b"]  # a_t, as the recurrence formed it (its buffer now holds dL/da_t)
    o = s @ V.T + c  # (T, K) o_t = V s_t + c
    if head == "binary":
        y_hat = expit(o)  # sigmoid without overflow for a large |o_t| (exploding runs)
        dL_do = np.zeros_like(o)
        dL_do[T - 1] = y_hat[T - 1] - labels  # only o_T feeds the loss
    else:
        y_hat = softmax(o, axis=1)
        dL_do = np.where(window[:, None], y_hat - np.eye(V.shape[0])[targets], 0.0)
    dL_ds_rec = np.zeros_like(dS)  # W^T dL/da_{t+1}: none after the last step, none before t0
    dL_ds_rec[t0:T - 1] = dA[t0 + 1:] @ W
    fprime = np.where(window[:, None], _fprime(s, activation), 0.0)
    dU_step = np.einsum("ti,te->tie", dA, x)  # (T, H, Ed) dL/da_t x_t^T
    dW_step = np.einsum("ti,tj->tij", dA, s_prev)  # (T, H, H) dL/da_t s_{t-1}^T
    dV_step = np.einsum("tk,ti->tki", dL_do, s)  # (T, K, H) dL/do_t s_t^T
    norm = (engine.COMPILED if jit else engine.PYTHON).norm  # the kernels' one norm helper
    if not jit:
        warmup.note_python_trace()
    return Trace(
        tokens=tokens, targets=targets, head=head, activation=activation, truncate=truncate,
        params=p, x=x, Ux=Ux, Ws=Ws, a=a, s=s.copy(), s_prev=s_prev.copy(), o=o,
        y_hat=y_hat, step_loss=ws.step_loss.copy(), loss=loss,
        dL_do=dL_do, dL_ds_out=dL_do @ V, dL_ds_rec=dL_ds_rec, dL_ds=dS, fprime=fprime,
        dL_da=dA, dU_step=dU_step, dW_step=dW_step, db_step=dA.copy(), dV_step=dV_step,
        dc_step=dL_do.copy(), dx_step=dA @ U,
        dU_sum=_reverse_cumsum(dU_step), dW_sum=_reverse_cumsum(dW_step),
        db_sum=_reverse_cumsum(dA), dV_sum=_reverse_cumsum(dV_step),
        dc_sum=_reverse_cumsum(dL_do),
        grads={k: v.copy() for k, v in ws.grads.items()},
        grad_norm_per_step=np.array([norm(row) for row in dS]),
        dW_contrib_norm=np.array([norm(m.reshape(-1)) for m in dW_step]), steps=_step_list(T, t0),
    )
