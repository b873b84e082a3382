"""The graph's numbers and step states, without Qt widgets: palette, log scale, step schedule."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.core import init_params, make_trace
from rnnviz.gui.graph import palette
from rnnviz.gui.graph.display_data import GraphNumbers, sub, vector_summary
from rnnviz.gui.graph.legend import _short
from rnnviz.gui.graph.schedule import (ACTIVE, BLANK, CUT, DONE, FILLED, FILLED_GRAD, GRAD,
                                       GRAD_CURRENT, IDLE, StepSchedule)
from rnnviz.gui.graph.zoom import _nice_step


def real_trace(T=6, truncate=None, head="binary"):
    K = 1 if head == "binary" else 3
    params = init_params(9, 4, 3, output_dim=K, seed=2, dtype=np.float64)
    tokens = np.arange(T) % 9
    label = 0 if head == "binary" else tokens % K
    return make_trace(params, tokens, label, head=head, truncate=truncate)


def test_log_scale_spans_the_trace_and_clamps():
    scale = palette.LogScale(np.array([1e-6, 1e-3, 1.0, 0.0]))  # zero is ignored for the range
    assert (scale.lo, scale.hi) == pytest.approx((-6.0, 0.0))
    np.testing.assert_allclose(scale(np.array([1e-6, 1e-3, 1.0, 0.0, 1e-30, 10.0])),
                               [0.0, 0.5, 1.0, 0.0, 0.0, 1.0])
    flat = palette.LogScale(np.array([0.5, 0.6]))  # barely varying: not stretched to a false fade
    assert flat.hi - flat.lo == pytest.approx(palette.MIN_DECADES)
    assert np.all(flat(np.array([0.5, 0.6])) > 0.8)


def test_value_colours_diverge_around_zero():
    c = palette.value_colours(np.array([-1.0, 0.0, 1.0]), 1.0)
    red, blue = (c >> 16) & 0xFF, c & 0xFF
    assert blue[0] > red[0] and red[2] > blue[2] and abs(int(red[1]) - int(blue[1])) < 10
    assert np.all(c >> 24 == 0xFF)
    assert palette.value_range(np.array([[0.1, -3.0]]), "relu") == 3.0
    assert palette.value_range(np.array([[0.1, -3.0]]), "tanh") == 1.0


def test_overflowed_values_still_get_colours():
    c = palette.value_colours(np.array([np.nan, np.inf, -np.inf, 5.0]), 1.0)
    assert c[0] == palette.NOT_A_NUMBER
    assert c[1] == c[3] == palette.value_colours(np.array([1.0]), 1.0)[0]
    assert c[2] == palette.value_colours(np.array([-1.0]), 1.0)[0]
    assert palette.value_range(np.array([[np.inf, -2.0, np.nan]]), "linear") == 2.0
    scale = palette.LogScale(np.array([np.inf, 1e-3, 1.0]))
    assert scale.hi == 0.0 and scale(np.array([np.inf]))[0] == 1.0
    assert palette.gradient_colours(np.array([np.nan]))[0] == palette.gradient_colours(np.array([0.0]))[0]


def test_gradient_numbers_are_norms_of_the_trace_rows():
    tr = real_trace(7)
    nums = GraphNumbers.from_trace(tr)
    np.testing.assert_allclose(nums.grad_da, np.linalg.norm(tr.dL_da, axis=1))
    np.testing.assert_allclose(nums.grad_ds, np.linalg.norm(tr.dL_ds, axis=1))
    np.testing.assert_allclose(nums.grad_out, np.linalg.norm(tr.dL_ds_out, axis=1))
    assert nums.state_colours.shape == (7, 3)
    assert np.argmax(nums.level_ds) == np.argmax(nums.grad_ds)


def test_schedule_states_follow_the_step_list():
    tr = real_trace(5, truncate=2)
    sch = StepSchedule(tr)
    assert sch.n_steps == len(tr.steps) == 5 + 1 + 2
    none = sch.states(-1)
    assert np.all(none.states == BLANK) and np.all(none.edges == IDLE) and none.current_t == 0
    fwd3 = sch.states(2)
    assert list(fwd3.states) == [FILLED, FILLED, FILLED, BLANK, BLANK]
    assert list(fwd3.edges) == [DONE, DONE, ACTIVE, IDLE, IDLE] and list(fwd3.inputs) == [0, 0, 1, 0, 0]
    loss = sch.states(5)
    assert loss.kind == "loss" and loss.loss == ACTIVE
    assert list(loss.edges) == [CUT, CUT, CUT, DONE, DONE]
    last = sch.states(7)
    assert last.kind == "backward" and last.current_t == 4
    assert list(last.states) == [FILLED, FILLED, FILLED, FILLED_GRAD, FILLED_GRAD]
    assert list(last.edges) == [CUT, CUT, CUT, GRAD_CURRENT, GRAD]


def test_subscripts_summaries_and_tick_steps():
    assert sub(105) == "₁₀₅"
    text = vector_summary(np.array([3.0, -4.0, 0.0, 0.0, 0.0]))
    # the window's one number format (rnnviz.explorer.numbers), as the BPTT panel prints the same vector
    assert text.startswith("[3.0000, -4.0000, 0.0000, 0.0000, …]") and "= 5.0000" in text
    assert "-2.500e-07" in vector_summary(np.array([1e-7, -2.5e-7]))  # vanished gradients stay readable
    assert [_short(v) for v in (1.0, 0.25, 160.4, -1432.0, 0.002, 1e12)] == \
        ["1", "0.25", "160", "-1.4e3", "2.0e-3", "1.0e12"]  # legend ends fit their 6 characters
    assert [_nice_step(x) for x in (0.5, 1.5, 3, 7, 30, 120)] == [1, 2, 5, 10, 50, 200]


def test_softmax_outputs_get_gradients_only_inside_the_window():
    tr = real_trace(6, truncate=3, head="softmax")
    after = StepSchedule(tr).states(len(tr.steps) - 1)
    assert list(after.outputs) == [FILLED, FILLED, FILLED, FILLED_GRAD, FILLED_GRAD, FILLED_GRAD]
    assert list(after.loss_edges) == [CUT, CUT, CUT, GRAD, GRAD, GRAD]
