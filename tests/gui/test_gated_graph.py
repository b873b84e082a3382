"""The unrolled graph and the Explore page with an LSTM or GRU trace (pytest-qt, offscreen): the gate
strips and the LSTM's cell-state lane, their states along forward and backward, the numbers in their
tooltips from the trace, and the vanilla-only controls disabled with the reason."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.core import init_params, make_trace
from rnnviz.explorer.numbers import format_vector
from rnnviz.gui.graph import UnrolledGraphView, palette
from rnnviz.gui.graph.gated import GatedColumn, gated_numbers
from rnnviz.gui.graph.schedule import BLANK, FILLED, FILLED_GRAD

WORDS = "the film was a quiet and moving story about two old friends".split()


def gated_trace(cell: str, T: int = 8, hidden: int = 4, seed: int = 0):
    params = init_params(12, 6, hidden, seed=seed, dtype=np.float64, cell=cell)
    params["E"] *= 20.0  # inputs large enough to move the gates away from their initial values
    tokens = np.random.default_rng(seed).integers(0, 12, size=T)
    return make_trace(params, tokens, 1, cell=cell), [WORDS[k % len(WORDS)] for k in tokens]


def index_of(trace, kind, t):
    return next(i for i, st in enumerate(trace.steps) if st.kind == kind and st.t == t)


@pytest.fixture
def view(qtbot):
    v = UnrolledGraphView()
    qtbot.addWidget(v)
    v.resize(900, 480)
    return v


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_each_step_gets_its_gates_and_the_lstm_its_cell_state(view, cell):
    trace, words = gated_trace(cell)
    view.set_trace(trace, words)
    items = view._gated_items
    assert [it.t for it in items] == list(range(1, trace.T + 1))
    assert all(isinstance(it, GatedColumn) and it.parentItem() is view._items.columns[it.t] for it in items)
    assert items[0].names == trace.gate_names and len(items[0].gate_rects) == len(trace.gate_names)
    np.testing.assert_array_equal(items[2].gate_values[trace.gate_names[1]], trace.gates[trace.gate_names[1]][2])
    assert (items[0].cell_values is not None) == (cell == "lstm")
    if cell == "lstm":
        np.testing.assert_array_equal(items[2].cell_values, trace.C[2])
        # the lane sits above the hidden states and below o_T
        assert items[0].cell_rect.bottom() < -view._items.geom.strip_h / 2
        assert items[0].cell_rect.top() > view._items.geom.y_output + 15


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_gates_follow_the_forward_and_backward_steps(view, cell):
    trace, words = gated_trace(cell, T=6)
    view.set_trace(trace, words)
    item = view._gated_items[3]  # t = 4
    view.set_step(index_of(trace, "forward", 3))
    assert item._node_state() == BLANK and "not computed yet" in item.tooltip_text()
    view.set_step(index_of(trace, "forward", 4))
    assert item._node_state() == FILLED
    tip = item.tooltip_text()
    for name in trace.gate_names:
        assert f"{name}₄ = {format_vector(trace.gates[name][3])}" in tip
    assert "∂L" not in tip
    view.set_step(index_of(trace, "backward", 4))
    assert item._node_state() == FILLED_GRAD and item._current_backward()
    tip = item.tooltip_text()
    assert format_vector(trace.dL_dz[3]) in tip
    if cell == "lstm":
        assert f"∂L/∂C₄ = {format_vector(trace.dL_dC[3])}" in tip
    view.set_step(index_of(trace, "backward", 3))
    assert not item._current_backward() and item._node_state() == FILLED_GRAD
    view.grab()  # paints every state without error


def test_the_cell_state_gradient_is_on_the_graphs_one_log_scale(view):
    trace, words = gated_trace("lstm", T=30)
    numbers = gated_numbers(trace)
    view.set_trace(trace, words)
    levels = [it.level_C for it in view._gated_items]
    np.testing.assert_allclose(levels, numbers.scale(trace.cell_grad_norm_per_step))
    # vanishing along the lane shows as a fading level towards t = 1
    assert levels[0] < levels[-1]
    assert palette.gradient_colours(levels[0]) != palette.gradient_colours(levels[-1])


def test_a_vanilla_trace_gets_no_gated_items(view):
    params = init_params(12, 6, 4, seed=0, dtype=np.float64)
    trace = make_trace(params, np.arange(5), 1)
    view.set_trace(trace, WORDS[:5])
    assert view._gated_items == []


def test_folding_and_unfolding_a_gated_graph(view):
    trace, words = gated_trace("lstm", T=10)
    view.set_trace(trace, words)
    view.set_step(index_of(trace, "backward", 5))
    view.set_folded(True, animate=False)
    view.grab()
    view.set_folded(False, animate=False)
    view.grab()
    assert all(it.parentItem().isVisible() for it in view._gated_items)
