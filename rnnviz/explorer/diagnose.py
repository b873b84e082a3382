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
from .text import translate

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
        # decided on the trace, not on the words (they are translated)
        grad_note = (translate("Diagnose", "No gradient to draw: {0}.") if forward_cause(trace)
                     else translate("Diagnose", "Every gradient is exactly 0: {0}.")).format(cause)
        share_note = translate("Diagnose", "Nothing to share out: dL/dW = 0 (see the left plot).")
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
    return translate("Diagnose", "the forward pass overflowed: {0} is not finite (inf or nan), so o_T, the loss and "
                     "every gradient are undefined; scale W down").format(f"s_{t}")


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
        return translate("Diagnose", "{0} equals the label y = {1} to double precision (the sigmoid is saturated), so "
                         "{2} and nothing flows back").format(
            f"ŷ = σ(o_{T}) = σ({format_number(trace.o[T - 1, 0])}) = {format_number(trace.y_hat[T - 1, 0])}", y,
            f"dL/do_{T} = ŷ − y = 0")
    return translate("Diagnose", "every ŷ_t puts probability 1 on its target, so {0} at every t").format(
        "dL/do_t = ŷ_t − onehot(y_t) = 0")


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
            return translate("Diagnose", "W = 0, so nothing reaches {0} from step {1}").format(f"s_{t - 1}", t)
        return translate("Diagnose", "nothing reaches {0} from step {1}: the gates pass 0 back ({2} = 0, saturated "
                         "gates, or it underflowed)").format(f"s_{t - 1}", t, share_name(trace, t))
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
            return translate("Diagnose", "the ReLU is dead at t = {0}: every {1} ≤ 0, so {2} = 0 and {3} = 0").format(
                t, f"a_{t}", f"f′(a_{t})", f"dL/da_{t}")
        return translate("Diagnose", "{0} = 0 for every unit, so {1} = 0").format(f"f′(a_{t})", f"dL/da_{t}")
    if np.any(trace.dL_da[i]) and t > 1 and not np.any(trace.dL_ds_rec[i - 1]):
        if not np.any(trace.params["W"]):
            return translate("Diagnose", "W = 0, so W^T dL/da carries nothing back")
        return translate("Diagnose", "{0} = 0 ({1} lies in W^T's null space or underflowed)").format(
            f"W^T dL/da_{t}", f"dL/da_{t}")
    if not np.any(trace.dL_da[i]):
        return translate("Diagnose", "{0} underflowed to 0 (f′ is tiny where {1} is not)").format(
            f"dL/da_{t} = f′(a_{t}) ⊙ dL/ds_{t}", f"dL/ds_{t}")
    return ""


def _grad_note(trace, zero: tuple[int, ...], overflow: tuple[int, ...]) -> str:
    parts = []
    if zero:
        block = next((b for t in range(trace.T, 1, -1) if (b := blocked_step(trace, t))), "")
        if trace.truncate is not None and zero and max(zero) < trace.T - trace.truncate + 1:
            why = translate("Diagnose", "BPTT is truncated to the last {0} steps").format(trace.truncate)
        elif block:
            why = block
        else:
            why = translate("Diagnose", "it underflowed (smaller than about 1e-308, a vanished gradient)")
        parts.append(translate("Diagnose", "‖dL/ds_t‖ = 0 at {0}: {1}; a log axis cannot show 0.").format(
            _steps(zero), why))
    if overflow:
        parts.append(translate("Diagnose", "‖dL/ds_t‖ overflowed to inf at {0} (an exploding gradient); not "
                               "drawn.").format(_steps(overflow)))
    return " ".join(parts)


def _share_note(trace, share: np.ndarray, zero_grad: tuple[int, ...]) -> str:
    zero = [int(t) for t in np.flatnonzero(share == 0) + 1]
    overflow = [int(t) for t in np.flatnonzero(~np.isfinite(share)) + 1]
    parts = []
    if 1 in zero:
        parts.append(translate("Diagnose", "t = 1 adds 0 to dL/dW: its share is {0} s_0^T and s_0 = 0.").format(
            share_name(trace, 1)))
        zero.remove(1)
    others = [t for t in zero if t not in zero_grad]
    if zero and not others:
        parts.append(translate("Diagnose", "0 at {0}, where dL/ds_t is 0 (left plot).").format(_steps(zero)))
    elif others:
        parts.append(translate("Diagnose", "0 at {0}: {1} or s_(t−1) is 0 there.").format(_steps(zero),
                                                                                           share_name(trace, "t")))
    if overflow:
        parts.append(translate("Diagnose", "inf at {0}; not drawn.").format(_steps(overflow)))
    return " ".join(parts)


def _steps(ts) -> str:
    """'t = 3', 't = 1..40' (a run), or 't = 2, 5, 9 and 4 more'."""
    ts = sorted(ts)
    if len(ts) == 1:
        return f"t = {ts[0]}"
    if ts == list(range(ts[0], ts[-1] + 1)):
        return f"t = {ts[0]}..{ts[-1]}"
    named = ", ".join(str(t) for t in ts[:SHOWN_STEPS])
    more = " " + translate("Diagnose", "and {0} more").format(len(ts) - SHOWN_STEPS) if len(ts) > SHOWN_STEPS else ""
    return f"t = {named}{more}"


def step_reason(trace, t: int) -> str:
    """Why dL/ds_t is exactly 0 or not finite at backward step t ("" when it is neither)."""
    row = np.asarray(trace.dL_ds[t - 1])
    if not np.all(np.isfinite(row)):
        return translate("Diagnose", "{0} overflowed to inf: the gradient exploded on its way back from t = {1}").format(
            f"dL/ds_{t}", trace.T)
    if np.any(row):
        return ""
    cause = saturation_cause(trace)
    if cause:
        return cause
    if trace.truncate is not None and t < trace.T - trace.truncate + 1:
        return translate("Diagnose", "BPTT is truncated to the last {0} steps").format(trace.truncate)
    block = next((b for later in range(trace.T, t, -1) if (b := blocked_step(trace, later))), "")
    return block or translate("Diagnose", "it underflowed on its way back (smaller than about 1e-308): a vanished "
                              "gradient")
