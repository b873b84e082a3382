"""Why a gradient is zero, underflowed or overflowed: one line a learner can read (no Qt).

A log axis cannot show 0 or inf, so a plot of ||dL/ds_t|| over a saturated sigmoid is blank. A
blank plot teaches something false ("nothing happens"); these notes say what happened instead.
Everything is read from the core's ``Trace``; nothing is recomputed except comparisons with 0.

Causes, in the order they are checked (the first explains the most):
- the output is saturated: y_hat equals the label to double precision, so dL/do_T = y_hat - y = 0;
- a step lets nothing through: every f'(a_t) is 0 (a dead ReLU), or W^T maps the gradient to 0;
- the gradient underflowed (smaller than ~1e-308) or overflowed (inf) on its way back;
- step 1's share of dL/dW is always 0, because dL/dW's step t adds dL/da_t s_{t-1}^T and s_0 = 0
  (an LSTM's dL/dz_t, a GRU's dL/dh_t: the trace's names for its gates' pre-activation gradients).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .numbers import format_number, row_norms

#: Steps named in a note before it says "and k more".
SHOWN_STEPS = 3


@dataclass(frozen=True)
class Diagnosis:
    """One line per gradient plot ("" when every point can be drawn), and the cause of a zero gradient.

    grad_note: for the ||dL/ds_t|| plot; share_note: for the dW-share plot; cause: why the whole
    backward pass is zero ("" when it is not); zero_steps / overflow_steps: the t (1..T) whose
    ||dL/ds_t|| is exactly 0 / not finite.
    """

    grad_note: str
    share_note: str
    cause: str
    zero_steps: tuple[int, ...]
    overflow_steps: tuple[int, ...]


def plotted_norms(trace) -> tuple[np.ndarray, np.ndarray]:
    """(T,) ||dL/ds_t|| and (T,) ||step t's dL/dW||_F as the plots draw them: the panel's norms of
    the trace's rows (``numbers.row_norms``), finite wherever the entries are, however large."""
    return row_norms(trace.dL_ds), row_norms(trace.dW_step)


def diagnose(trace) -> Diagnosis:
    """The notes for a trace: empty strings when every plotted value is finite and positive."""
    grad, share = plotted_norms(trace)
    zero = tuple(int(t) for t in np.flatnonzero(grad == 0) + 1)
    overflow = tuple(int(t) for t in np.flatnonzero(~np.isfinite(grad)) + 1)
    cause = saturation_cause(trace)
    if cause:
        grad_note = (f"No gradient to draw: {cause}." if "overflowed" in cause[:30]
                     else f"Every gradient is exactly 0: {cause}.")
        share_note = "Nothing to share out: dL/dW = 0 (see the left plot)."
        return Diagnosis(grad_note, share_note, cause, zero, overflow)
    grad_note = _grad_note(trace, zero, overflow)
    share_note = _share_note(trace, share, zero)
    return Diagnosis(grad_note, share_note, "", zero, overflow)


def forward_cause(trace) -> str:
    """Why the loss is not a number ("" when it is): the forward pass overflowed at some step."""
    bad = np.flatnonzero(~np.all(np.isfinite(trace.s), axis=1))
    if bad.size == 0 and np.all(np.isfinite(trace.o)):
        return ""
    t = int(bad[0]) + 1 if bad.size else trace.T
    return (f"the forward pass overflowed: s_{t} is not finite (inf or nan), so o_T, the loss and every "
            "gradient are undefined; scale W down")


def saturation_cause(trace) -> str:
    """Why dL/do is 0 at every step ("" when it is not): the output equals its target exactly,
    or the forward pass overflowed (``forward_cause``)."""
    overflowed = forward_cause(trace)
    if overflowed:
        return overflowed
    if np.any(np.asarray(trace.dL_do) != 0) or not np.all(np.isfinite(trace.dL_do)):
        return ""
    T = trace.T
    if trace.head == "binary":
        y = int(trace.targets[0])
        return (f"ŷ = σ(o_{T}) = σ({format_number(trace.o[T - 1, 0])}) = {format_number(trace.y_hat[T - 1, 0])} "
                f"equals the label y = {y} to double precision (the sigmoid is saturated), "
                f"so dL/do_{T} = ŷ − y = 0 and nothing flows back")
    return "every ŷ_t puts probability 1 on its target, so dL/do_t = ŷ_t − onehot(y_t) = 0 at every t"


def share_name(trace, t) -> str:
    """The vector whose outer product with s_{t-1} is step t's share of dL/dW, as the trace holds it:
    dL/da_t (a plain RNN), dL/dz_t (an LSTM: its gates' pre-activations, ``trace.dL_dz``) or dL/dh_t
    (a GRU: the recurrent side W s_{t-1} + b_W of its gates, ``trace.dL_dh``)."""
    cell = getattr(trace, "cell", "rnn")
    return {"lstm": f"dL/dz_{t}", "gru": f"dL/dh_{t}"}.get(cell, f"dL/da_{t}")


def _gated_blocked_step(trace, t: int) -> str:
    """blocked_step for an LSTM or GRU trace: its gates have no f′(a_t); say what the trace shows."""
    i = t - 1
    if t > 1 and not np.any(trace.dL_ds_rec[i - 1]):
        if not np.any(trace.params["W"]):
            return f"W = 0, so nothing reaches s_{t - 1} from step {t}"
        return (f"nothing reaches s_{t - 1} from step {t}: the gates pass 0 back "
                f"({share_name(trace, t)} = 0, saturated gates, or it underflowed)")
    return ""


def blocked_step(trace, t: int) -> str:
    """Why dL/ds_{t-1} gets nothing from step t although dL/ds_t is not 0 ("" when it does get some)."""
    i = t - 1
    if not np.any(trace.dL_ds[i]) or not np.all(np.isfinite(trace.dL_ds[i])):
        return ""
    if hasattr(trace, "gate_names"):  # an LSTM or GRU trace: no a_t, no f'
        return _gated_blocked_step(trace, t)
    if not np.any(trace.fprime[i]):
        if trace.activation == "relu":
            return f"the ReLU is dead at t = {t}: every a_{t} ≤ 0, so f′(a_{t}) = 0 and dL/da_{t} = 0"
        return f"f′(a_{t}) = 0 for every unit, so dL/da_{t} = 0"
    if np.any(trace.dL_da[i]) and t > 1 and not np.any(trace.dL_ds_rec[i - 1]):
        if not np.any(trace.params["W"]):
            return "W = 0, so W^T dL/da carries nothing back"
        return f"W^T dL/da_{t} = 0 (dL/da_{t} lies in W^T's null space or underflowed)"
    if not np.any(trace.dL_da[i]):
        return f"dL/da_{t} = f′(a_{t}) ⊙ dL/ds_{t} underflowed to 0 (f′ is tiny where dL/ds_{t} is not)"
    return ""


def _grad_note(trace, zero: tuple[int, ...], overflow: tuple[int, ...]) -> str:
    parts = []
    if zero:
        block = next((b for t in range(trace.T, 1, -1) if (b := blocked_step(trace, t))), "")
        if trace.truncate is not None and zero and max(zero) < trace.T - trace.truncate + 1:
            why = f"BPTT is truncated to the last {trace.truncate} steps"
        elif block:
            why = block
        else:
            why = "it underflowed (smaller than about 1e-308, a vanished gradient)"
        parts.append(f"‖dL/ds_t‖ = 0 at {_steps(zero)}: {why}; a log axis cannot show 0.")
    if overflow:
        parts.append(f"‖dL/ds_t‖ overflowed to inf at {_steps(overflow)} (an exploding gradient); "
                     "not drawn.")
    return " ".join(parts)


def _share_note(trace, share: np.ndarray, zero_grad: tuple[int, ...]) -> str:
    zero = [int(t) for t in np.flatnonzero(share == 0) + 1]
    overflow = [int(t) for t in np.flatnonzero(~np.isfinite(share)) + 1]
    parts = []
    if 1 in zero:
        parts.append(f"t = 1 adds 0 to dL/dW: its share is {share_name(trace, 1)} s_0^T and s_0 = 0.")
        zero.remove(1)
    others = [t for t in zero if t not in zero_grad]
    if zero and not others:
        parts.append(f"0 at {_steps(zero)}, where dL/ds_t is 0 (left plot).")
    elif others:
        parts.append(f"0 at {_steps(zero)}: {share_name(trace, 't')} or s_(t−1) is 0 there.")
    if overflow:
        parts.append(f"inf at {_steps(overflow)}; not drawn.")
    return " ".join(parts)


def _steps(ts) -> str:
    """'t = 3', 't = 1..40' (a run), or 't = 2, 5, 9 and 4 more'."""
    ts = sorted(ts)
    if len(ts) == 1:
        return f"t = {ts[0]}"
    if ts == list(range(ts[0], ts[-1] + 1)):
        return f"t = {ts[0]}..{ts[-1]}"
    named = ", ".join(str(t) for t in ts[:SHOWN_STEPS])
    more = f" and {len(ts) - SHOWN_STEPS} more" if len(ts) > SHOWN_STEPS else ""
    return f"t = {named}{more}"


def step_reason(trace, t: int) -> str:
    """Why dL/ds_t is exactly 0 or not finite at backward step t ("" when it is neither)."""
    row = np.asarray(trace.dL_ds[t - 1])
    if not np.all(np.isfinite(row)):
        return f"dL/ds_{t} overflowed to inf: the gradient exploded on its way back from t = {trace.T}"
    if np.any(row):
        return ""
    cause = saturation_cause(trace)
    if cause:
        return cause
    if trace.truncate is not None and t < trace.T - trace.truncate + 1:
        return f"BPTT is truncated to the last {trace.truncate} steps"
    block = next((b for later in range(trace.T, t, -1) if (b := blocked_step(trace, later))), "")
    return block or "it underflowed on its way back (smaller than about 1e-308): a vanished gradient"
