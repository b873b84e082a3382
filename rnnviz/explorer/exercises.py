"""Exercises: hide one number of the core's trace, let the learner compute it, check it, and hint.

    ex = make_exercise(trace, "dL_ds", t=3, i=0)   # dL/ds_3, entry 1 (i is 0-based)
    ex.prompt, ex.inputs                            # what to compute, and the numbers needed
    fb = ex.check("-0.0052")                        # Feedback(correct, message)

Quantities (``QUANTITIES``): "a", "s" (entry i of a_t, s_t), "o" (o_t), "dL_do" (dL/do_t), "dL_ds",
"dL_da" (entry i at step t), "dW", "dU" (entry (i, j) of step t's contribution dL/da_t s_{t-1}^T
or dL/da_t x_t^T). Binary (many-to-one) head only: the exercises follow the BPTT-by-hand panel.

An answer is right within one unit of its 4th significant digit. A wrong answer is compared with
the values that typical mistakes give (the W^T dL/da_{t+1} term left out, the sign flipped, f'(a_t)
forgotten, s_t used for s_{t-1}, ...), each computed from the same trace, and gets that mistake's
hint; a mistake whose value equals the right one (at t = 1, W s_0 = 0) is not offered.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .text import translate

QUANTITIES = ("a", "s", "o", "dL_do", "dL_ds", "dL_da", "dW", "dU")
SIGNIFICANT = 4


@dataclass(frozen=True)
class Feedback:
    correct: bool
    message: str
    mistake: str | None = None  # the key of the recognised mistake, when there is one


@dataclass(frozen=True)
class Exercise:
    """One hidden number: what to compute, the inputs (name, value) and the checks."""

    quantity: str
    t: int
    index: tuple[int, ...]
    prompt: str
    formula: str
    inputs: tuple[tuple[str, float], ...]
    answer: float
    mistakes: tuple[tuple[str, float, str], ...] = field(default=())  # (key, value, hint)

    def check(self, text: str) -> Feedback:
        """Check a typed answer (a decimal number; ',' accepted as the decimal mark)."""
        try:
            value = float(str(text).strip().replace(",", ".").replace("\u2212", "-"))
        except ValueError:
            return Feedback(False, translate("Exercises", "Type a number such as {0}, not {1}.").format(
                f"{self.answer:.4g}", repr(str(text).strip())))
        if not math.isfinite(value):
            return Feedback(False, translate("Exercises", "Type a finite number."))
        if close(value, self.answer):
            return Feedback(True, translate("Exercises", "Right: {0}.").format(f"{self.answer:.{SIGNIFICANT}g}"))
        for key, wrong, hint in self.mistakes:
            if close(value, wrong):
                return Feedback(False, hint, key)
        return Feedback(False, translate("Exercises", "Not quite. Recompute with the inputs shown, keeping 4 "
                                         "significant digits: {0}.").format(self.formula))


def close(value: float, target: float) -> bool:
    """Equal within one unit of the 4th significant digit of `target` (5e-5 around 0)."""
    if target == 0.0:
        return abs(value) <= 5e-5
    unit = 10.0 ** (math.floor(math.log10(abs(target))) - (SIGNIFICANT - 1))
    return abs(value - target) <= unit * 1.0000001


def sub(name: str, t: int) -> str:
    return f"{name}_{t}"


def make_exercise(trace, quantity: str, t: int, i: int = 0, j: int = 0) -> Exercise:
    """The exercise of `quantity` at step t (1..T), entry i (and j for dW, dU), 0-based indices."""
    if quantity not in QUANTITIES:
        raise ValueError(f"quantity must be one of {QUANTITIES}, got {quantity!r}")
    if trace.head != "binary":
        raise ValueError(translate("Exercises", "exercises follow the many-to-one (sentiment) model"))
    if hasattr(trace, "gate_names"):  # a GatedTrace has no a_t or f'(a_t) to ask about
        raise ValueError(translate("Exercises", "exercises follow the vanilla RNN's equations; this model is a gated {0} "
                                   "cell").format(trace.cell.upper()))
    T = trace.T
    if not 1 <= t <= T:
        raise ValueError(translate("Exercises", "t must be between 1 and {0}, got {1}").format(T, t))
    H = trace.hidden_size
    if not 0 <= i < H:
        raise ValueError(translate("Exercises", "entry i must be between 0 and {0}, got {1}").format(H - 1, i))
    build = _BUILDERS[quantity]
    ex = build(trace, t, i, j)
    # a mistake that gives the right value cannot be told apart from it: not offered
    mistakes = tuple(m for m in ex.mistakes if not close(m[1], ex.answer) and math.isfinite(m[1]))
    return Exercise(ex.quantity, ex.t, ex.index, ex.prompt, ex.formula, ex.inputs, ex.answer, mistakes)


# --- one builder per quantity ------------------------------------------------------------------
def _vec(name: str, v) -> list[tuple[str, float]]:
    return [(f"{name}[{k + 1}]", float(x)) for k, x in enumerate(np.ravel(v))]


def _row(name: str, M, i: int) -> list[tuple[str, float]]:
    """Row i of matrix M as named entries M[i,k] (1-based, as the panel shows them)."""
    return [(f"{name}[{i + 1},{k + 1}]", float(x)) for k, x in enumerate(M[i])]


def _col(name: str, M, i: int) -> list[tuple[str, float]]:
    """Column i of matrix M as named entries M[k,i]."""
    return [(f"{name}[{k + 1},{i + 1}]", float(x)) for k, x in enumerate(M[:, i])]


def _f_name(trace) -> str:
    return translate("Exercises", "the identity") if trace.activation == "linear" else trace.activation


def _ex_a(tr, t, i, j):
    r = t - 1
    p = tr.params
    ux, ws, b = float(tr.Ux[r, i]), float(tr.Ws[r, i]), float(p["b"][i])
    inputs = (_row("U", p["U"], i) + _vec(sub("x", t), tr.x[r])
              + _row("W", p["W"], i) + _vec(sub("s", t - 1), tr.s_prev[r]) + [(f"b[{i + 1}]", b)])
    w_col = float(p["W"][:, i] @ tr.s_prev[r])
    mistakes = [("no_memory", ux + b, translate("Exercises", "You left out {0}, the memory term: {1}.").format(
                    f"W s_{t - 1}", "a_t = U x_t + W s_{t-1} + b")),
                ("no_bias", ux + ws, translate("Exercises", "Add the bias {0}.").format(f"b[{i + 1}]")),
                ("w_column", ux + w_col + b, translate("Exercises", "Use row {0} of W ({1}), not its column ({2}).").format(
                    i + 1, f"W s_{t - 1}", f"W^T s_{t - 1}"))]
    return Exercise("a", t, (i,), translate("Exercises", "Compute {0}.").format(f"a_{t}[{i + 1}]"),
                    f"a_{t}[{i + 1}] = (U x_{t})[{i + 1}] + (W s_{t - 1})[{i + 1}] + b[{i + 1}]",
                    tuple(inputs), float(tr.a[r, i]), tuple(mistakes))


def _ex_s(tr, t, i, j):
    r = t - 1
    a = float(tr.a[r, i])
    mistakes = [("no_f", a, translate("Exercises", "That is {0}; apply f = {1} to it.").format(f"a_{t}[{i + 1}]",
                                                                                             _f_name(tr))),
                ("sigmoid", 1.0 / (1.0 + math.exp(-a)),
                 translate("Exercises", "That is the sigmoid; the hidden layer's f is {0}.").format(_f_name(tr))),
                ("sign", -float(tr.s[r, i]), translate("Exercises", "Check the sign: tanh keeps the sign of a_t."))]
    return Exercise("s", t, (i,), translate("Exercises", "Compute {0}.").format(f"s_{t}[{i + 1}]"),
                    f"s_{t}[{i + 1}] = f(a_{t}[{i + 1}]), f = {_f_name(tr)}",
                    ((f"a_{t}[{i + 1}]", a),), float(tr.s[r, i]), tuple(mistakes))


def _ex_o(tr, t, i, j):
    r = t - 1
    p = tr.params
    vs = float(p["V"][0] @ tr.s[r])
    o = float(tr.o[r, 0])
    mistakes = [("no_bias", vs, translate("Exercises", "Add the output bias c.")),
                ("sigmoid", float(tr.y_hat[r, 0]), translate("Exercises", "That is {0} = y_hat; {1} is the value "
                                                             "before it.").format(f"sigmoid(o_{t})", f"o_{t}")),
                ("s_prev", float(p["V"][0] @ tr.s_prev[r]) + float(p["c"][0]),
                 translate("Exercises", "{0} reads {1}, this step's state, not {2}.").format(f"o_{t}", f"s_{t}",
                                                                                             f"s_{t - 1}"))]
    return Exercise("o", t, (0,), translate("Exercises", "Compute {0}.").format(f"o_{t}"), f"o_{t} = V s_{t} + c",
                    tuple(_row("V", p["V"], 0) + _vec(sub("s", t), tr.s[r]) + [("c", float(p["c"][0]))]),
                    o, tuple(mistakes))


def _ex_dL_do(tr, t, i, j):
    r = t - 1
    y_hat, y = float(tr.y_hat[r, 0]), float(tr.targets[0])
    d = float(tr.dL_do[r, 0])
    if t != tr.T:
        return Exercise("dL_do", t, (0,), translate("Exercises", "Compute {0}.").format(f"dL/do_{t}"),
                        translate("Exercises", "only o_T feeds the loss"), (), d,
                        (("nonzero", y_hat - y, translate("Exercises", "Only o_T feeds the loss of a many-to-one "
                                                          "model: {0} = 0.").format(f"dL/do_{t}")),))
    mistakes = [("sign", y - y_hat, translate("Exercises", "Check the sign: dL/do_T = y_hat - y.")),
                ("no_label", y_hat, translate("Exercises", "Subtract the label y.")),
                ("sigmoid_prime", (y_hat - y) * y_hat * (1 - y_hat),
                 translate("Exercises", "No extra sigmoid'(o_T): with the cross-entropy it cancels, "
                           "dL/do_T = y_hat - y."))]
    return Exercise("dL_do", t, (0,), translate("Exercises", "Compute {0}.").format(f"dL/do_{t}"),
                    f"dL/do_{t} = y_hat_{t} - y",
                    ((f"y_hat_{t}", y_hat), ("y", y)), d, tuple(mistakes))


def _ex_dL_ds(tr, t, i, j):
    r = t - 1
    p = tr.params
    out = float(tr.dL_ds_out[r, i])
    rec = float(tr.dL_ds_rec[r, i])
    inputs = _col("V", p["V"], i) + [(sub("dL/do", t), float(tr.dL_do[r, 0]))]
    mistakes = []
    if t < tr.T:
        da_next = tr.dL_da[r + 1]
        inputs += _col("W", p["W"], i) + _vec(sub("dL/da", t + 1), da_next)
        mistakes += [("no_recurrent", out, translate("Exercises", "You missed the term {0}: {1} also feeds {2}.").format(
                         f"W^T dL/da_{t + 1}", f"s_{t}", f"a_{t + 1}")),
                     ("w_row", out + float(p["W"][i] @ da_next),
                      translate("Exercises", "Use column {0} of W (that is W^T), not its row.").format(i + 1)),
                     ("ds_next", out + float(p["W"][:, i] @ tr.dL_ds[r + 1]),
                      translate("Exercises", "Multiply W^T by {0}, not {1}: {2} comes first.").format(
                          f"dL/da_{t + 1}", f"dL/ds_{t + 1}", f"f'(a_{t + 1})"))]
    else:
        mistakes.append(("no_output", rec, translate("Exercises", "At t = T the output {0} reads {1}: add {2}.").format(
            f"o_{t}", f"s_{t}", f"V^T dL/do_{t}")))
    mistakes.append(("sign", -float(tr.dL_ds[r, i]), translate("Exercises", "Check the sign of each term.")))
    formula = f"dL/ds_{t} = V^T dL/do_{t}" + (f" + W^T dL/da_{t + 1}" if t < tr.T else "")
    return Exercise("dL_ds", t, (i,), translate("Exercises", "Compute {0}.").format(f"dL/ds_{t}[{i + 1}]"),
                    translate("Exercises", "{0} (entry {1})").format(formula, i + 1),
                    tuple(inputs), float(tr.dL_ds[r, i]), tuple(mistakes))


def _ex_dL_da(tr, t, i, j):
    r = t - 1
    ds, s, a = float(tr.dL_ds[r, i]), float(tr.s[r, i]), float(tr.a[r, i])
    mistakes = [("no_fprime", ds, translate("Exercises", "You forgot {0}: {1}.").format(
                    f"f'(a_{t})", f"dL/da_{t} = f'(a_{t}) * dL/ds_{t}")),
                ("sign", -float(tr.dL_da[r, i]), translate("Exercises", "Check the sign: f'(a) = 1 - s^2 is never "
                                                           "negative."))]
    if tr.activation == "tanh":
        mistakes += [("a_squared", (1 - a * a) * ds, translate("Exercises", "{0} (the state squared), not {1}.").format(
                         f"tanh'(a) = 1 - s_{t}^2", f"1 - a_{t}^2")),
                     ("s_prime", (1 - s) * ds, translate("Exercises", "{0}: square {1}.").format(
                         f"tanh'(a) = 1 - s_{t}^2", f"s_{t}"))]
    return Exercise("dL_da", t, (i,), translate("Exercises", "Compute {0}.").format(f"dL/da_{t}[{i + 1}]"),
                    translate("Exercises", "{0}, with {1}").format(
                        f"dL/da_{t}[{i + 1}] = f'(a_{t}[{i + 1}]) * dL/ds_{t}[{i + 1}]", "tanh' = 1 - s^2"),
                    ((sub("dL/ds", t) + f"[{i + 1}]", ds), (sub("s", t) + f"[{i + 1}]", s)),
                    float(tr.dL_da[r, i]), tuple(mistakes))


def _ex_dW(tr, t, i, j):
    r = t - 1
    H = tr.hidden_size
    j = min(max(j, 0), H - 1)
    da = tr.dL_da[r]
    mistakes = [("s_t", float(da[i] * tr.s[r, j]), translate("Exercises", "Use {0} (the state W multiplied), not "
                                                                "{1}.").format(f"s_{t - 1}", f"s_{t}")),
                ("swapped", float(da[j] * tr.s_prev[r, i]), translate("Exercises", "Row i is {0}, column j is {1}: you "
                                                                      "swapped them.").format("dL/da_t[i]", "s_{t-1}[j]")),
                ("no_fprime", float(tr.dL_ds[r, i] * tr.s_prev[r, j]),
                 translate("Exercises", "Use {0}, not {1}.").format(f"dL/da_{t}", f"dL/ds_{t}")),
                ("running_sum", float(tr.dW_sum[r, i, j]), translate("Exercises", "That is the running sum over t' >= "
                                                                     "{0}; give step {0}'s share only.").format(t))]
    return Exercise("dW", t, (i, j), translate("Exercises", "Compute step {0}'s contribution to {1}.").format(
                        t, f"dL/dW[{i + 1},{j + 1}]"),
                    f"(dL/dW)_{t}[{i + 1},{j + 1}] = dL/da_{t}[{i + 1}] * s_{t - 1}[{j + 1}]",
                    ((sub("dL/da", t) + f"[{i + 1}]", float(da[i])), (sub("s", t - 1) + f"[{j + 1}]",
                                                                    float(tr.s_prev[r, j])),
                     (sub("s", t) + f"[{j + 1}]", float(tr.s[r, j]))),
                    float(tr.dW_step[r, i, j]), tuple(mistakes))


def _ex_dU(tr, t, i, j):
    r = t - 1
    E = tr.x.shape[1]
    j = min(max(j, 0), E - 1)
    da = tr.dL_da[r]
    mistakes = [("no_fprime", float(tr.dL_ds[r, i] * tr.x[r, j]),
                 translate("Exercises", "Use {0}, not {1}.").format(f"dL/da_{t}", f"dL/ds_{t}")),
                ("running_sum", float(tr.dU_sum[r, i, j]), translate("Exercises", "That is the running sum over t' >= "
                                                                     "{0}; give step {0}'s share only.").format(t)),
                ("sign", -float(tr.dU_step[r, i, j]), translate("Exercises", "Check the sign."))]
    if j < tr.hidden_size and i < E:
        mistakes.append(("swapped", float(da[j] * tr.x[r, i]), translate("Exercises", "Row i is {0}, column j is {1}: "
                                                                         "you swapped them.").format("dL/da_t[i]",
                                                                                                     "x_t[j]")))
    return Exercise("dU", t, (i, j), translate("Exercises", "Compute step {0}'s contribution to {1}.").format(
                        t, f"dL/dU[{i + 1},{j + 1}]"),
                    f"(dL/dU)_{t}[{i + 1},{j + 1}] = dL/da_{t}[{i + 1}] * x_{t}[{j + 1}]",
                    ((sub("dL/da", t) + f"[{i + 1}]", float(da[i])), (sub("x", t) + f"[{j + 1}]", float(tr.x[r, j]))),
                    float(tr.dU_step[r, i, j]), tuple(mistakes))


_BUILDERS = {"a": _ex_a, "s": _ex_s, "o": _ex_o, "dL_do": _ex_dL_do, "dL_ds": _ex_dL_ds, "dL_da": _ex_dL_da,
             "dW": _ex_dW, "dU": _ex_dU}


#: What each kind of trace step computes, so an exercise can hide one of its numbers.
STEP_QUANTITIES = {"forward": ("a", "s"), "loss": ("o", "dL_do"), "backward": ("dL_ds", "dL_da", "dW", "dU")}


def exercise_for_step(trace, index: int, rng: np.random.Generator) -> Exercise:
    """A random exercise on what trace step `index` (of trace.steps) computes: a random quantity of it
    and a random entry, preferring one that has mistakes to recognise (not a 0 that any slip gives)."""
    step = trace.steps[index]
    candidates = []
    for quantity in STEP_QUANTITIES[step.kind]:
        for i in range(trace.hidden_size):
            for j in range(trace.hidden_size if quantity == "dW" else trace.x.shape[1] if quantity == "dU" else 1):
                candidates.append(make_exercise(trace, quantity, step.t, i, j))
    useful = [ex for ex in candidates if ex.mistakes and ex.answer != 0.0]
    pool = useful or candidates
    return pool[int(rng.integers(len(pool)))]


@dataclass
class Score:
    """Exercises tried and solved, per lesson: {lesson_id: {exercise_key: solved}}."""

    results: dict[str, dict[str, bool]] = field(default_factory=dict)

    def record(self, lesson_id: str, exercise_key: str, correct: bool) -> None:
        done = self.results.setdefault(lesson_id, {})
        done[exercise_key] = done.get(exercise_key, False) or correct

    def of(self, lesson_id: str) -> tuple[int, int]:
        """(solved, tried) in the lesson."""
        done = self.results.get(lesson_id, {})
        return sum(done.values()), len(done)


def exercise_key(ex: Exercise) -> str:
    return f"{ex.quantity}@{ex.t}:{','.join(map(str, ex.index))}"
