"""One number format everywhere: the graph, the header line and the BPTT panel print the same digits."""
from __future__ import annotations

import numpy as np

from rnnviz.core import init_params, make_trace
from rnnviz.explorer import summary_html, step_html
from rnnviz.explorer.numbers import format_number, format_vector
from rnnviz.gui.graph import UnrolledGraphView


def saturated_trace():
    """A real trace whose y_hat is small enough that 3 decimals and 4 decimals differ (~0.0035)."""
    params = init_params(6, 3, 4, seed=1, dtype=np.float64)
    params["c"][:] = 0.0
    trace = make_trace(params, np.array([1, 2, 3]), 0)
    shift = np.log(0.0035 / (1 - 0.0035)) - trace.o[-1, 0]
    params["c"][0] = shift
    return make_trace(params, np.array([1, 2, 3]), 0)


def test_rule():
    assert format_number(0.0035) == "0.0035"
    assert format_number(0.00035) == "3.500e-04"
    assert format_number(12345.0) == "1.234e+04"  # one switch point for every view
    assert format_number(0.5, 2) == "0.50"
    assert format_vector([0.5, -0.25]) == "[0.5000, -0.2500]   ‖·‖ = 0.5590"


def test_graph_prints_the_header_numbers(qtbot):
    trace = saturated_trace()
    y_hat = float(trace.y_hat[-1, 0])
    assert 0.003 < y_hat < 0.004
    view = UnrolledGraphView()
    qtbot.addWidget(view)
    view.set_trace(trace, ["<start>", "a", "b"])
    view.set_step(len(trace.steps) - 1)
    shown = format_number(y_hat)
    assert shown in view.node("o", trace.T)._prediction()
    assert shown in summary_html(trace, None)
    loss_index = next(i for i, s in enumerate(trace.steps) if s.kind == "loss")
    assert shown in step_html(trace, loss_index)
    loss_node = view.node("L", trace.T)
    assert format_number(trace.loss) in loss_node.tooltip_text()


def test_an_oov_node_shows_the_word_it_replaced(qtbot):
    params = init_params(6, 3, 4, seed=1, dtype=np.float64)
    trace = make_trace(params, np.array([1, 2, 4]), 0)
    view = UnrolledGraphView()
    qtbot.addWidget(view)
    view.set_trace(trace, ["<start>", "<oov>", "film"], originals=["", "zorblax", "film"])
    oov = view.node("x", 2)
    assert oov.original == "zorblax" and "zorblax" in oov.tooltip_text()
    assert view.node("x", 3).original == ""  # a known word is only itself
