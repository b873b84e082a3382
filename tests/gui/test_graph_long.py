"""T = 500 is readable in every view: dW shares as a line, a heatmap colour scale that survives an
exploded step, a Fit that keeps a readable zoom (pytest-qt)."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from rnnviz.core import init_params, make_trace
from rnnviz.gui.graph import UnrolledGraphView
from rnnviz.gui.graph.zoom import MIN_FIT_SCALE
from rnnviz.gui.explore.heat_scale import heat_image
from rnnviz.gui.explore.plots_panel import STEMS_MAX_T, PlotsPanel


def exploding(T: int):
    params = init_params(8, 4, 6, seed=0, dtype=np.float64)
    params["W"] *= 1.2 / np.max(np.abs(np.linalg.eigvals(params["W"])))
    with np.errstate(over="ignore", invalid="ignore"):
        return make_trace(params, np.arange(T) % 8, 0, activation="linear")


@pytest.fixture
def panel(qtbot):
    p = PlotsPanel()
    qtbot.addWidget(p)
    p.resize(1000, 300)
    return p


def test_dw_shares_are_stems_for_short_and_a_line_for_long_inputs(panel):
    panel.set_trace(exploding(12))
    assert len(panel.contrib_stems.getData()[0]) > 0 and panel.contrib_curve.opts["symbol"] == "s"
    panel.set_trace(exploding(500))
    x, _ = panel.contrib_stems.getData()
    assert (x is None or len(x) == 0) and 500 > STEMS_MAX_T
    assert panel.contrib_curve.opts["pen"].style() != Qt.PenStyle.NoPen and panel.contrib_curve.opts["symbol"] is None


def test_an_exploded_heatmap_is_not_blank():
    states = exploding(500).s
    assert np.abs(states).max() > 1e30
    image, (low, high), caption = heat_image(states, "linear")
    blank = np.mean(np.abs(image) < 0.01 * high)
    assert blank > 0.9  # what the learner saw: a white rectangle
    for scale in ("auto", "symlog", "column"):
        image, (low, high), caption = heat_image(states, scale)
        assert low == -high and np.mean(np.abs(image) < 0.01 * high) < 0.2, scale
    assert "symmetric log" in heat_image(states, "auto")[2]
    assert "auto: colour ±" in heat_image(np.tanh(states[:5]), "auto")[2]  # tanh states stay linear


def test_the_heatmap_scale_is_a_choice(panel):
    panel.set_trace(exploding(300))
    for i in range(panel.heat_scale_combo.count()):
        panel.heat_scale_combo.setCurrentIndex(i)
        levels = panel.heatmap.getLevels()
        assert -levels[0] == levels[1] > 0
    assert "per step" in panel.heat_plot.titleLabel.text


@pytest.mark.parametrize("T", [6, 500])
def test_fit_keeps_a_readable_zoom_around_the_current_step(qtbot, T):
    view = UnrolledGraphView()
    qtbot.addWidget(view)
    view.resize(700, 420)
    view.show()
    trace = exploding(T)
    view.set_trace(trace, [f"w{t}" for t in range(T)])
    middle = next(i for i, s in enumerate(trace.steps) if s.kind == "backward" and s.t == max(T // 2, 1))
    view.set_step(middle)
    view.fit_all()
    assert view.transform().m11() >= MIN_FIT_SCALE
    node = view.node("s", max(T // 2, 1))
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(node.sceneBoundingRect())
