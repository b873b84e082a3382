"""The gradient plots explain an exactly-zero gradient in one line instead of going blank (pytest-qt)."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

from rnnviz.core import init_params, make_trace
from rnnviz.explorer.diagnose import diagnose
from rnnviz.gui.explore.plots_panel import PlotsPanel


def exploding_demo_with_positive_label():
    """What the exploding demo did with y = 1: linear f, rho(W) = 1.2, T = 40, sigma saturated at 1."""
    params = init_params(8, 4, 6, seed=0, dtype=np.float64)
    params["W"] *= 1.2 / np.max(np.abs(np.linalg.eigvals(params["W"])))
    params["E"] *= 5.0
    tokens = np.arange(40) % 8
    with np.errstate(over="ignore", invalid="ignore"):
        trace = make_trace(params, tokens, 1, activation="linear")
    if trace.y_hat[-1, 0] != 1.0:  # make the output positive enough to saturate whatever the init
        params["V"] *= np.sign(trace.o[-1, 0]) * 1e3
        trace = make_trace(params, tokens, 1, activation="linear")
    return trace


@pytest.fixture
def panel(qtbot):
    p = PlotsPanel()
    qtbot.addWidget(p)
    p.resize(1000, 300)
    p.show()
    return p


def test_saturated_output_is_explained_and_numpy_stays_quiet(panel, qtbot):
    trace = exploding_demo_with_positive_label()
    assert trace.y_hat[-1, 0] == 1.0 and not np.any(trace.dL_ds)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "All-NaN slice" and friends fail the test
        panel.set_trace(trace)
        panel.grab()  # paint: the axes ask the curves for their bounds here
        qtbot.wait(10)
    note = panel.note_label.text()
    assert "exactly 0" in note and "saturated" in note
    assert panel.note_label.isVisible()
    assert all(text.isVisible() for text in panel.empty_texts.values())


def test_a_normal_trace_keeps_its_curves_and_only_the_step_one_note(panel):
    params = init_params(8, 4, 6, seed=0, dtype=np.float64)
    trace = make_trace(params, np.arange(6), 0)
    panel.set_trace(trace)
    assert not any(text.isVisible() for text in panel.empty_texts.values())
    assert diagnose(trace).grad_note == ""
    assert "s_0 = 0" in panel.note_label.text() and "exactly 0" not in panel.note_label.text()
    x, y = panel.grad_curve.getData()
    assert len(x) == 6 and np.all(np.isfinite(y))
