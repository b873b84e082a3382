"""Machine-checked claims of lesson steps: each ``[[step.check]]`` is evaluated on the state it sets.

A check is a dict with a ``kind`` and its parameters; ``says`` (optional) is a piece of the step's
text that states the claim (e.g. the factor "1000"), so a test can see that the words and the check
name the same number. ``evaluate(check, explorer)`` -> ``CheckResult(ok, detail)``; the detail shows
the measured numbers. Every number comes from the core's traces of the explorer's current state.

Kinds: grad_ratio, prediction, spectral_radius, bag_shuffle_equal, rnn_shuffle_differs,
last_word_only, state_depends, equation, dW_is_sum, clipped, oov, first_token, bag_padding_equal,
rnn_padding_changes, truncation_zero, config_default, trained_accuracy.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .session import Explorer


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    detail: str


def evaluate(check: dict, explorer: Explorer, shuffled: str | None = None) -> CheckResult:
    """Evaluate one check on the explorer's current state (`shuffled`: the step's reordering)."""
    kind = check.get("kind")
    fn = _CHECKS.get(kind)
    if fn is None:
        return CheckResult(False, f"unknown check kind {kind!r}; known: {', '.join(sorted(_CHECKS))}")
    return fn(check, explorer, shuffled)


def _t(trace, t: int) -> int:
    """Row of textbook step t (0 or 'T' = the last)."""
    return trace.T - 1 if t in (0, "T") else int(t) - 1


def _grad_ratio(c, e, _):
    tr = e.trace()
    num = float(tr.grad_norm_per_step[_t(tr, c["t"])])
    den = float(tr.grad_norm_per_step[_t(tr, c["over"])])
    ratio = num / den if den > 0 else math.inf
    ok = math.isfinite(ratio) or "at_least" in c
    if "at_most" in c:
        ok = ok and ratio <= c["at_most"]
    if "at_least" in c:
        ok = ok and ratio >= c["at_least"]
    return CheckResult(ok, f"||dL/ds_{c['t']}|| / ||dL/ds_{c['over']}|| = {ratio:.4g}")


def _prediction(c, e, _):
    p = e.prediction()
    ok = c.get("above", -math.inf) < p < c.get("below", math.inf)
    return CheckResult(ok, f"prediction {p:.4f}")


def _spectral_radius(c, e, _):
    rho = e.spectral_radius()
    return CheckResult(abs(rho - c["equals"]) <= c.get("tolerance", 1e-9), f"rho(W) = {rho:.6g}")


def _comparison(e, shuffled):
    """The step's shuffle as the Explore page's panel does it (``ordinary.OrderExperiment`` and
    ``side_by_side``), on a copy of the explorer: the check tests the code the learner sees."""
    from .lessons import lesson_bag_model
    from .ordinary import OrderExperiment, side_by_side
    from .session import Explorer
    if shuffled is None:
        raise ValueError("this check needs the step's 'shuffled' sentence")
    experiment = OrderExperiment(Explorer(e.model, e.controls))
    experiment.shuffle(shuffled)
    return side_by_side(experiment, lesson_bag_model(e.model.hidden_dim))


def _bag_shuffle_equal(c, e, shuffled):
    side = _comparison(e, shuffled)
    o, o_shuffled = side.written.bag.o, side.shuffled.bag.o
    ok = side.same_tokens and side.written.labels != side.shuffled.labels and o == o_shuffled
    return CheckResult(ok, f"bag o = {o!r} and {o_shuffled!r} (same words: {side.same_tokens})")


def _rnn_shuffle_differs(c, e, shuffled):
    side = _comparison(e, shuffled)
    rnn, rnn_shuffled = side.written.rnn, side.shuffled.rnn
    change = abs(rnn - rnn_shuffled)
    ok = change >= c.get("min_change", 0.0) and rnn != rnn_shuffled
    if c.get("flips"):
        ok = ok and (rnn > 0.5) != (rnn_shuffled > 0.5)
    return CheckResult(ok, f"RNN {rnn:.4f} -> {rnn_shuffled:.4f}")


def _other_trace(e, text):
    from rnnviz.core import make_trace

    from .tokens import tokenize
    ids = tokenize(text, e.model.vocab, int(e.model.params["E"].shape[0]), e.controls.seq_len).ids
    return make_trace(e.params(), np.asarray(ids), int(e.controls.label), activation=e.activation)


def _last_word_only(c, e, _):
    other = _other_trace(e, c["other"])
    mine = e.trace()
    same_last = mine.tokens[-1] == other.tokens[-1]
    ok = same_last and np.array_equal(mine.s[-1], other.s[-1]) and not np.array_equal(mine.tokens, other.tokens)
    return CheckResult(ok, f"s_T equal: {np.array_equal(mine.s[-1], other.s[-1])}, same last word: {same_last}")


def _state_depends(c, e, _):
    """Changing an earlier word changes s_t (the memory), and leaves the states before it alone."""
    other, mine = _other_trace(e, c["other"]), e.trace()
    first = int(np.argmax(mine.tokens != other.tokens))  # row of the first differing token
    r = _t(mine, c["t"])
    ok = first <= r and not np.allclose(mine.s[r], other.s[r]) and np.array_equal(mine.s[:first], other.s[:first])
    moved = np.linalg.norm(mine.s[r] - other.s[r])
    return CheckResult(ok, f"first change at t = {first + 1}, ||s_t - s'_t|| = {moved:.3g}")


def _equation(c, e, _):
    tr = e.trace()
    r = _t(tr, c["t"])
    ok = np.allclose(tr.a[r], tr.Ux[r] + tr.Ws[r] + tr.params["b"], rtol=1e-12, atol=1e-15)
    return CheckResult(ok, f"a_t = U x_t + W s_(t-1) + b at t = {r + 1}: {ok}")


def _dW_is_sum(c, e, _):
    tr = e.trace()
    total = tr.dW_step.sum(axis=0)
    nonzero = int(np.sum(np.abs(tr.dW_step).reshape(tr.T, -1).max(axis=1) > 0))
    ok = np.allclose(total, tr.grads["W"], rtol=1e-12, atol=1e-15) and nonzero >= c.get("min_steps", 2)
    return CheckResult(ok, f"dL/dW = sum of {nonzero} nonzero step contributions: {ok}")


def _clipped(c, e, _):
    rep = e.clip_report()
    if rep is None:
        return CheckResult(False, "clipping is off")
    after = math.sqrt(sum(float(np.sum(np.square(g))) for g in rep.clipped.values()))
    ok = (rep.active and rep.norm_before >= c.get("norm_at_least", 0.0)
          and abs(after - rep.threshold) < 1e-9 * rep.threshold)
    return CheckResult(ok, f"||g|| {rep.norm_before:.4g} -> {after:.6g}")


def _oov(c, e, _):
    unknown = list(e.tokens.unknown)
    return CheckResult(unknown == list(c["words"]) and "<oov>" in e.tokens.labels, f"unknown words {unknown}")


def _first_token(c, e, _):
    labels = e.tokens.labels
    return CheckResult(labels[0] == c["label"] and len(labels) == c.get("T", len(labels)), f"tokens {labels}")


def _padded(e, pad: int):
    ids = np.asarray(e.tokens.ids)
    return ids, np.concatenate([np.zeros(pad, dtype=ids.dtype), ids])


def _bag_padding_equal(c, e, _):
    from rnnviz.core import make_bag_trace

    from .lessons import lesson_bag_model
    bag = lesson_bag_model(e.model.hidden_dim)
    ids, padded = _padded(e, c["pad"])
    a, b = make_bag_trace(bag.params, ids, 0), make_bag_trace(bag.params, padded, 0)
    return CheckResult(a.o == b.o, f"bag o {a.o!r} vs padded {b.o!r}")


def _rnn_padding_changes(c, e, _):
    from rnnviz.core import make_trace
    ids, padded = _padded(e, c["pad"])
    p = make_trace(e.params(), padded, int(e.controls.label), activation=e.activation).y_hat[-1, 0]
    return CheckResult(bool(p != e.prediction()), f"RNN {e.prediction():.6f} vs padded {p:.6f}")


def _truncation_zero(c, e, _):
    from rnnviz.core import make_trace
    tr = e.trace()
    k = int(c["k"])
    cut = make_trace(e.params(), tr.tokens, tr.targets[0], activation=e.activation, truncate=k)
    outside = cut.grad_norm_per_step[:tr.T - k]
    inside = cut.grad_norm_per_step[tr.T - k:]
    ok = np.all(outside == 0) and np.all(inside > 0) and not np.allclose(cut.grads["W"], tr.grads["W"])
    return CheckResult(ok, f"zero before t = {tr.T - k + 1}: {bool(np.all(outside == 0))}")


def _config_default(c, e, _):
    """The Train page's IMDb setting of a field (``TrainConfig.defaults_for("imdb")``, what lesson 8 trains)."""
    from rnnviz.train.config import TrainConfig
    value = getattr(TrainConfig.defaults_for("imdb"), c["field"])
    return CheckResult(value == c["value"], f"TrainConfig.defaults_for('imdb').{c['field']} = {value!r}")


def _trained_accuracy(c, e, _):
    """Test accuracy of a fresh run of the Train page's defaults for a built-in task and model (seconds;
    evaluated by the tests, never on the GUI thread)."""
    from rnnviz.train import TrainConfig, Trainer
    from rnnviz.train.datasets import synthetic_dataset
    config = TrainConfig.defaults_for(c["dataset"]).with_changes(model=c["model"])
    acc = Trainer(config, synthetic_dataset(config)).run().test_accuracy
    ok = acc is not None and c.get("at_least", 0.0) <= acc <= c.get("at_most", 1.0)
    return CheckResult(ok, f"{c['model']} on {c['dataset']}: test accuracy {acc}")


def _compare_cells(c, e, _):
    """The Compare cells view's default race (RNN against LSTM on the memory task, seeded): the RNN's
    test accuracy at most `rnn_at_most`, the LSTM's at least `lstm_at_least` (evaluated by the tests)."""
    from .compare_cells import RaceSettings, train_cells
    results = train_cells(RaceSettings(), cells=("rnn", "lstm")).results
    rnn, lstm = results["rnn"].test_accuracy, results["lstm"].test_accuracy
    ok = rnn <= c.get("rnn_at_most", 1.0) and lstm >= c.get("lstm_at_least", 0.0)
    return CheckResult(ok, f"memory task at T = {RaceSettings().seq_len}: RNN {rnn:.1%}, LSTM {lstm:.1%}")


_CHECKS = {
    "grad_ratio": _grad_ratio, "prediction": _prediction, "spectral_radius": _spectral_radius,
    "bag_shuffle_equal": _bag_shuffle_equal, "rnn_shuffle_differs": _rnn_shuffle_differs,
    "last_word_only": _last_word_only, "state_depends": _state_depends, "equation": _equation,
    "dW_is_sum": _dW_is_sum, "clipped": _clipped, "oov": _oov, "first_token": _first_token,
    "bag_padding_equal": _bag_padding_equal, "rnn_padding_changes": _rnn_padding_changes,
    "truncation_zero": _truncation_zero, "config_default": _config_default, "trained_accuracy": _trained_accuracy,
    "compare_cells": _compare_cells,
}
CHECK_KINDS = tuple(sorted(_CHECKS))
