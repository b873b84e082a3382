"""The explorer with an LSTM or GRU model: the trace is the core's gated trace, the vanilla-only
controls (W scale, f, the demos) are refused with a reason, and the BPTT panel's gated equations
print the trace's own numbers, one gate at a time."""
from __future__ import annotations

import html as html_lib
import re

import numpy as np
import pytest

from rnnviz.core import init_params, make_trace
from rnnviz.data import Vocab
from rnnviz.explorer import Controls, Explorer, ModelSpec, step_html
from rnnviz.explorer.equations import format_block
from rnnviz.explorer.session import gated_controls_reason

WORDS = ["this", "movie", "was", "not", "good", "bad"]
CELL_PARAMS = {"lstm": 4, "gru": 3}


@pytest.fixture(scope="module")
def vocab():
    return Vocab(["<pad>", "<start>", "<oov>"] + WORDS)


def gated_spec(vocab, cell: str, hidden: int = 5) -> ModelSpec:
    params = init_params(len(vocab), 3, hidden, seed=4, dtype=np.float64, cell=cell)
    return ModelSpec(params, vocab, "tanh", "binary", f"test {cell}", cell=cell)


def vanilla_spec(vocab) -> ModelSpec:
    return ModelSpec(init_params(len(vocab), 3, 5, seed=3, dtype=np.float64), vocab, "tanh", "binary", "rnn")


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_gated_model_traces_with_its_cell(vocab, cell):
    spec = gated_spec(vocab, cell, hidden=5)
    assert spec.hidden_dim == 5 and spec.params["W"].shape == (CELL_PARAMS[cell] * 5, 5)
    e = Explorer(spec, Controls(text="this movie was not good", label=1))
    assert e.error is None and e.cell == cell
    trace = e.trace()
    assert trace.cell == cell and trace.T == 6  # the start token and five words
    expected = make_trace(spec.params, np.asarray(e.tokens.ids), np.asarray(1), cell=cell)
    np.testing.assert_array_equal(trace.grad_norm_per_step, expected.grad_norm_per_step)
    assert e.playback.n_steps == len(trace.steps) == 2 * 6 + 1


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_vanilla_only_controls_are_refused_with_a_reason(vocab, cell):
    e = Explorer(gated_spec(vocab, cell), Controls(text="this movie", label=0))
    before = (e.controls, e.trace())
    for change in ({"w_scale": 0.5}, {"activation": "relu"}, {"activation": "linear", "text": "good"}):
        with pytest.raises(ValueError, match=cell.upper()):
            e.update(**change)
        assert (e.controls, e.trace()) == before  # nothing changed, not even the text
    e.update(activation="tanh", w_scale=1.0, text="bad movie")  # what the cell has is fine
    assert e.controls.text == "bad movie"
    assert np.isnan(e.spectral_radius())
    assert "gates" in e.gated_controls_reason and gated_controls_reason("rnn") == ""
    for demo in ("vanishing", "exploding"):
        with pytest.raises(ValueError, match="Compare cells"):
            e.apply_demo(demo)


def test_switching_to_a_gated_model_drops_the_vanilla_settings(vocab):
    e = Explorer(vanilla_spec(vocab), Controls(text="this movie was good", label=1))
    e.update(w_scale=1.7, activation="relu")
    seen = []
    e.events.changed.connect(seen.append)
    e.show_model(gated_spec(vocab, "lstm"))
    assert seen == [frozenset({"model", "w_scale", "activation"})]
    assert e.controls.w_scale == 1.0 and e.controls.activation is None and e.activation == "tanh"
    # and a model from before the gated cells (no cell attribute) is a vanilla RNN
    e.update(model=vanilla_spec(vocab), w_scale=0.5)
    assert e.cell == "rnn" and e.controls.w_scale == 0.5 and np.isfinite(e.spectral_radius())


def test_a_model_spec_refuses_an_unknown_cell(vocab):
    with pytest.raises(ValueError, match="unknown cell"):
        ModelSpec(init_params(len(vocab), 3, 5), vocab, cell="transformer")


NUMBER = re.compile(r"[+-]?\d+\.\d+(?:e[+-]\d+)?")


def _numbers_after(text: str, label: str) -> list[float]:
    """The numbers of the table row that starts with `label` (plain text of the HTML)."""
    for line in text.splitlines():
        if line.strip().startswith(label) and "[" in line:  # a table row, not the equation
            return [float(x) for x in NUMBER.findall(line.split("=", 1)[1])]
    raise AssertionError(f"no row {label!r} in:\n{text}")


def _plain(html: str) -> str:
    text = re.sub(r"</tr>|<br>|</p>|</h3>", "\n", html)
    text = re.sub(r"<sub>(.*?)</sub>", r"_\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"[ \t]+", " ", html_lib.unescape(text))


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_forward_step_shows_each_gate_with_the_traces_numbers(vocab, cell):
    e = Explorer(gated_spec(vocab, cell, hidden=3), Controls(text="this movie was not good", label=1))
    trace, t = e.trace(), 3
    index = [i for i, s in enumerate(trace.steps) if s.kind == "forward" and s.t == t][0]
    text = _plain(step_html(trace, index, e.tokens.labels, e.tokens.words, show_all=True))
    for name in trace.gate_names:
        assert f"Gate {name}" in text
        shown = _numbers_after(text, f"{name}_{t} ")
        expected = [float(x) for x in format_block(trace.gates[name][t - 1])]
        np.testing.assert_allclose(shown[:3], expected, atol=1e-4)
    if cell == "lstm":
        np.testing.assert_allclose(_numbers_after(text, f"C_{t} ")[:3], trace.C[t - 1], atol=1e-4)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_backward_step_shows_the_traces_gradients(vocab, cell):
    e = Explorer(gated_spec(vocab, cell, hidden=3), Controls(text="this movie was not good", label=0))
    trace, t = e.trace(), 2
    index = [i for i, s in enumerate(trace.steps) if s.kind == "backward" and s.t == t][0]
    text = _plain(step_html(trace, index, e.tokens.labels, e.tokens.words, show_all=True))
    np.testing.assert_allclose(_numbers_after(text, f"= dL/ds_{t}")[:3], trace.dL_ds[t - 1],
                               rtol=5e-4, atol=5.1e-5)  # to the 4 shown decimals
    if cell == "lstm":
        np.testing.assert_allclose(_numbers_after(text, f"dL/dC_{t} ")[:3], trace.dL_dC[t - 1],
                                   rtol=5e-4, atol=5.1e-5)  # to the 4 shown decimals
    for k, name in enumerate(trace.gate_names):
        block = trace.dL_dz[t - 1, k * 3:(k + 1) * 3]
        np.testing.assert_allclose(_numbers_after(text, f"dL/d pre({name}_{t})")[:3], block, rtol=5e-4, atol=5.1e-5)  # to the 4 shown decimals


def test_the_vanilla_exercises_refuse_a_gated_trace_with_a_reason(vocab):
    from rnnviz.explorer.exercises import make_exercise

    e = Explorer(gated_spec(vocab, "gru"), Controls(text="this movie", label=1))
    with pytest.raises(ValueError, match="gated GRU"):
        make_exercise(e.trace(), "dL_ds", 1)
