"""The unrolled graph widget on real traces from rnnviz.core.make_trace (pytest-qt, offscreen)."""
from __future__ import annotations


import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from rnnviz.core import init_params, make_trace
from rnnviz.explorer.numbers import format_number
from rnnviz.gui.graph import UnrolledGraphView
from rnnviz.gui.graph import palette
from rnnviz.gui.graph.schedule import (ACTIVE, BLANK, CUT, DONE, FILLED, FILLED_GRAD, GRAD,
                                       GRAD_CURRENT, IDLE)





WORDS = "the film was a quiet and moving story about two old friends".split()


def make(T: int, hidden: int = 5, head: str = "binary", truncate=None, w_scale: float = 1.0,
         activation: str = "tanh", seed: int = 0):
    """A real trace of T tokens and its words."""
    vocab, K = 12, (1 if head == "binary" else 4)
    params = init_params(vocab, 6, hidden, output_dim=K, seed=seed, dtype=np.float64)
    params["E"] *= 20.0
    params["W"] *= w_scale
    tokens = np.random.default_rng(seed).integers(0, vocab, size=T)
    label = 1 if head == "binary" else tokens % K
    trace = make_trace(params, tokens, label, activation=activation, head=head, truncate=truncate)
    words = [WORDS[k % len(WORDS)] for k in tokens]
    return trace, words


@pytest.fixture
def view(qtbot):
    v = UnrolledGraphView()
    qtbot.addWidget(v)
    v.resize(900, 480)
    return v


def move_mouse(widget, pos) -> None:
    """Deliver a real mouse-move event (QTest's cursor move sends none on the offscreen platform)."""
    local = QPointF(pos)
    event = QMouseEvent(QEvent.Type.MouseMove, local, widget.mapToGlobal(local), Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def index_of(trace, kind, t):
    return next(i for i, st in enumerate(trace.steps) if st.kind == kind and st.t == t)


@pytest.mark.parametrize("T", [3, 500])
def test_builds_one_x_and_s_node_per_step(view, T):
    trace, words = make(T)
    view.set_trace(trace, words)
    assert view.node_count("x") == T
    assert view.node_count("s") == T
    assert view.node_count("o") == 1 and view.node_count("L") == 1  # many-to-one: o_T and L only
    assert view.node("o", T) is not None and view.node("o", 1 if T > 1 else 0) is None or T == 1
    assert len(view.scene().items()) > 4 * T


def test_softmax_head_has_output_and_loss_at_every_step(view):
    trace, words = make(7, head="softmax")
    view.set_trace(trace, words)
    assert view.node_count("o") == 7 and view.node_count("L") == 7
    view.set_step(len(trace.steps) - 1)
    assert view.node("L", 3).state == DONE and view.node("o", 3).state == FILLED_GRAD


def test_tooltips_give_values_and_gradient_norms(view):
    trace, words = make(5)
    view.set_trace(trace, words)
    s3 = view.node("s", 3)
    assert "not computed yet" in s3.tooltip_text()
    view.set_step(index_of(trace, "forward", 3))
    assert format_number(np.linalg.norm(trace.s[2])) in s3.tooltip_text() and "∂L" not in s3.tooltip_text()
    view.set_step(index_of(trace, "backward", 3))
    assert format_number(np.linalg.norm(trace.dL_ds[2])) in s3.tooltip_text()
    w3 = view.edge("W", 3)
    assert format_number(np.linalg.norm(trace.dL_da[2])) in w3.tooltip_text()
    assert format_number(trace.loss) in view.node("L", 5).tooltip_text()


def test_words_label_the_inputs(view):
    trace, words = make(6)
    view.set_trace(trace, words)
    for t in range(1, 7):
        node = view.node("x", t)
        assert node.word == words[t - 1]
        assert words[t - 1] in node.tooltip_text()
    with pytest.raises(ValueError, match="5 words for a trace of T = 6"):
        view.set_trace(trace, words[:5])


def test_state_cells_blank_before_and_value_colours_after_forward_step(view):
    trace, words = make(8, hidden=6)
    view.set_trace(trace, words)
    vmax = 1.0  # tanh: the value scale spans its range
    view.set_step(-1)
    for t in range(1, 9):
        assert view.node("s", t).displayed_colours() == [palette.BLANK_CELL] * 6
    for t in range(1, 9):
        i = index_of(trace, "forward", t)
        view.set_step(i - 1)
        assert view.node("s", t).state == BLANK
        assert view.node("s", t).displayed_colours() == [palette.BLANK_CELL] * 6
        view.set_step(i)
        shown = np.array(view.node("s", t).displayed_colours(), dtype=np.uint32)
        np.testing.assert_array_equal(shown, palette.value_colours(trace.s[t - 1], vmax))
        red, blue = (shown >> 16) & 0xFF, shown & 0xFF
        strong = np.abs(trace.s[t - 1]) > 0.2  # clearly signed units: red if positive, blue if negative
        assert np.all((red[strong] > blue[strong]) == (trace.s[t - 1][strong] > 0))
        assert view.edge("U", t).state == ACTIVE and view.edge("W", t).state == ACTIVE
        if t < 8:
            assert view.node("s", t + 1).state == BLANK
    assert view.node("o", 8).state == FILLED and view.node("L", 8).state == IDLE
    view.set_step(index_of(trace, "loss", 8))
    assert view.node("L", 8).state == ACTIVE


def test_stepping_repaints_what_is_on_screen(view, qtbot):
    """Read the window's backing store (what the user sees), not a fresh render: a cell must turn
    from blank to its value colour and back as the steps go forward and back, and a W edge must
    take the gradient colour in the backward pass."""
    trace, words = make(8, hidden=6)
    view.set_trace(trace, words)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()

    def on_screen(scene_point) -> int:
        QApplication.processEvents()
        img = QApplication.primaryScreen().grabWindow(view.winId()).toImage()
        q = view.viewport().mapTo(view, view.mapFromScene(scene_point))
        return img.pixel(q.x(), q.y()) & 0xFFFFFFFF

    node = view.node("s", 3)
    for k in (0, 3):
        cell = node.mapToScene(QPointF(0, node.rect.top() + (k + 0.5) * node.cell_h))
        view.set_step(-1)
        assert on_screen(cell) == palette.BLANK_CELL
        view.set_step(index_of(trace, "forward", 3))
        assert on_screen(cell) == int(palette.value_colours(trace.s[2][k:k + 1], 1.0)[0])
        view.set_step(index_of(trace, "forward", 2))
        assert on_screen(cell) == palette.BLANK_CELL
    edge = view.edge("W", 6)
    mid = edge.mapToScene(QPointF((edge.p1.x() + edge.p2.x()) / 2 - 12, edge.p1.y()))
    view.set_step(index_of(trace, "forward", 8))
    before = on_screen(mid)
    view.set_step(index_of(trace, "backward", 6))
    after = on_screen(mid)
    assert after != before and (after >> 16) & 0xFF > after & 0xFF  # warm gradient colour


def test_every_step_changes_the_graph_and_backward_reaches_all_steps(view):
    trace, words = make(12)
    view.set_trace(trace, words)
    for i, st in enumerate(trace.steps):
        view.set_step(i)
        assert view.current_index == i
        if st.kind == "forward":
            assert view.node("s", st.t).state == FILLED
            assert view.edge("W", st.t).state == ACTIVE
            if st.t > 1:
                assert view.edge("W", st.t - 1).state == DONE
        elif st.kind == "backward":
            assert view.node("s", st.t).state == FILLED_GRAD
            assert view.edge("W", st.t).state == GRAD_CURRENT
            if st.t > 1:
                assert view.node("s", st.t - 1).state == FILLED  # gradient not there yet
            if st.t < 12:
                assert view.edge("W", st.t + 1).state == GRAD
    assert all(view.edge("U", t).state in (GRAD, GRAD_CURRENT) for t in range(1, 13))
    view.set_step(-1)  # and back to nothing computed
    assert all(view.node("s", t).state == BLANK for t in range(1, 13))
    assert all(view.edge("W", t).state == IDLE for t in range(1, 13))


@pytest.mark.parametrize("w_scale", [0.5, 1.2])
def test_backward_edge_width_and_colour_follow_log_gradient(view, w_scale):
    trace, words = make(30, w_scale=w_scale, activation="linear" if w_scale > 1 else "tanh")
    view.set_trace(trace, words)
    view.set_step(len(trace.steps) - 1)
    da = np.linalg.norm(trace.dL_da, axis=1)
    widths = np.array([view.edge("W", t).width_px() for t in range(1, 31)])
    order = np.argsort(da)
    assert np.all(np.diff(widths[order]) >= -1e-12)  # monotone in ||dL/da_t||
    assert widths.max() - widths.min() > 3.0        # and the range is visible
    ds = np.linalg.norm(trace.dL_ds, axis=1)
    rings = np.array([view.node("s", t).level for t in range(1, 31)])
    assert np.all(np.diff(rings[np.argsort(ds)]) >= -1e-12)
    if w_scale < 1:   # vanishing: the earliest steps are the faintest
        assert widths[0] < widths[-1]
    else:             # exploding: the earliest steps flare
        assert widths[0] > widths[-1]


def test_truncated_steps_are_drawn_cut(view):
    trace, words = make(10, truncate=4)
    view.set_trace(trace, words)
    view.set_step(len(trace.steps) - 1)
    reached = {st.t for st in trace.steps if st.kind == "backward"}
    assert reached == set(range(7, 11))
    for t in range(1, 11):
        want = CUT if t not in reached else (GRAD_CURRENT if t == 7 else GRAD)
        assert view.edge("W", t).state == want and view.edge("U", t).state == want
    view.set_step(3)
    assert all(view.edge("W", t).state != CUT for t in range(1, 11))


def test_hovering_a_parameter_highlights_all_its_edges(view, qtbot):
    T = 9
    trace, words = make(T)
    view.set_trace(trace, words)
    view.show()
    qtbot.waitExposed(view)
    seen = []
    view.parameterHovered.connect(seen.append)
    view.highlight_parameter("W")
    assert len(view.highlighted_edges()) == T and view.highlighted_parameter == "W"
    assert all(e.param == "W" for e in view.highlighted_edges())
    view.highlight_parameter("")
    assert view.highlighted_edges() == []
    # a real mouse move onto the middle of U_3
    view.center_on_step(3)
    edge = view.edge("U", 3)
    mid = edge.mapToScene((edge.p1 + edge.p2) / 2)
    move_mouse(view.viewport(), view.mapFromScene(mid))
    qtbot.waitUntil(lambda: view.highlighted_parameter == "U", timeout=2000)
    assert len(view.highlighted_edges()) == T
    assert seen[:3] == ["W", "", "U"]
    # the legend chip does the same
    chip = view.legend.chip_rect("V").center().toPoint()
    move_mouse(view.legend, chip)
    qtbot.waitUntil(lambda: view.highlighted_parameter == "V", timeout=2000)
    assert len(view.highlighted_edges()) == 1  # many-to-one: V only at t = T


def test_softmax_v_highlight_covers_every_step(view):
    trace, words = make(6, head="softmax")
    view.set_trace(trace, words)
    view.highlight_parameter("V")
    assert len(view.highlighted_edges()) == 6


def test_fold_and_unfold(view, qtbot):
    trace, words = make(20)
    view.set_trace(trace, words)
    view.show()
    qtbot.waitExposed(view)
    view.set_step(5)
    x_before = [view.node("s", t).scenePos().x() for t in range(1, 21)]
    view.set_folded(True)
    assert view.is_folded()
    qtbot.waitUntil(lambda: view.fold_progress == 1.0, timeout=3000)
    assert view.folded_diagram.isVisible() and not view.node("s", 1).isVisible()
    assert view.folded_diagram.t == 6  # the folded s shows the current step
    view.set_step(10)
    assert view.folded_diagram.t == 11 and view.folded_diagram.image is not None
    loop = view.folded_diagram
    apex = loop.mapToScene(loop._paths["W"].pointAtPercent(0.5))
    move_mouse(view.viewport(), view.mapFromScene(apex))
    qtbot.waitUntil(lambda: view.highlighted_parameter == "W", timeout=2000)
    view.highlight_parameter("")
    view.set_step(len(trace.steps) - 1)  # backward at t = 1: the folded strip wears its gradient ring
    assert view.folded_diagram.t == 1
    assert view.folded_diagram.grad_level == pytest.approx(view.node("s", 1).level)
    view.set_folded(False)
    qtbot.waitUntil(lambda: view.fold_progress == 0.0, timeout=3000)
    assert not view.is_folded() and not view.folded_diagram.isVisible()
    assert view.node("s", 1).isVisible()
    assert [view.node("s", t).scenePos().x() for t in range(1, 21)] == x_before
    view.set_folded(True, animate=False)
    assert view.fold_progress == 1.0 and view.is_folded()


def test_set_trace_again_leaves_no_stale_items(view):
    trace_a, words_a = make(40)
    trace_b, words_b = make(7, seed=3)
    view.set_trace(trace_b, words_b)
    n_b = len(view.scene().items())
    view.set_trace(trace_a, words_a)
    old = view.node("s", 3)
    view.set_trace(trace_a, words_a)
    assert not shiboken6.isValid(old)  # the old items are gone, not hidden
    view.set_trace(trace_b, words_b)
    assert len(view.scene().items()) == n_b
    assert view.node_count("x") == 7


def test_rebuild_with_same_T_keeps_zoom_and_step(view):
    trace, words = make(50)
    view.set_trace(trace, words)
    view.zoom_in()
    scale = view.transform().m11()
    view.set_step(20)
    trace2, _ = make(50, w_scale=1.5)
    view.set_trace(trace2, words)
    assert view.transform().m11() == pytest.approx(scale)
    assert view.current_index == 20 and view.node("s", 21).state == FILLED


def test_progress_tweens_the_next_step_and_set_step_clears_it(view):
    trace, words = make(5)
    view.set_trace(trace, words)
    view.set_progress(1, 0.5)  # halfway into forward step t = 3
    assert view.node("s", 3).tween == (FILLED, 0.5) and view.edge("W", 3).tween == (ACTIVE, 0.5)
    view.set_step(2)
    assert view.node("s", 3).tween is None and view.node("s", 3).state == FILLED


def test_click_on_a_node_reports_it(view, qtbot):
    trace, words = make(6)
    view.set_trace(trace, words)
    view.show()
    qtbot.waitExposed(view)
    node = view.node("s", 4)
    pos = view.mapFromScene(node.scenePos())
    with qtbot.waitSignal(view.nodeClicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["s", 4]


def test_zoom_keeps_the_point_under_the_mouse_and_fit_shows_everything(view, qtbot):
    trace, words = make(60)
    view.set_trace(trace, words)
    view.show()
    qtbot.waitExposed(view)
    anchor = QPointF(300, 200)
    before = view.mapToScene(anchor.toPoint())
    view._zoom_by(1.5, anchor)
    after = view.mapToScene(anchor.toPoint())
    assert abs(after.x() - before.x()) < 2 / view.transform().m11() + 1
    s = view.transform().m11()
    view.zoom_out()
    assert view.transform().m11() < s
    view.fit_all()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(view.node("x", 1).sceneBoundingRect().center())
    assert shown.contains(view.node("s", 60).sceneBoundingRect().center())


@pytest.mark.parametrize("zoom", [0.05, 0.3, 1.0, 4.0])
def test_paints_at_every_level_of_detail(view, qtbot, zoom):
    trace, words = make(25, truncate=10)
    view.set_trace(trace, words)
    view.show()
    qtbot.waitExposed(view)
    view.set_step(len(trace.steps) - 1)
    view._set_scale(zoom)
    view.center_on_step(20)
    view.highlight_parameter("W")
    img = view.viewport().grab().toImage()
    assert img.width() > 0
    colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    assert len(colours) > 3  # something besides the background was drawn


def test_fitted_graph_stays_below_the_legend_and_is_reframed_for_another_head(view, qtbot):
    view.show()
    binary, words = make(6, hidden=6)
    view.set_trace(binary, words)
    softmax, _ = make(6, hidden=6, head="softmax")
    view.set_trace(softmax, words, class_names=[f"w{k}" for k in range(4)])  # same T, taller layout
    legend = view._legend.geometry()
    for t in (1, 2):
        for kind in ("L", "o"):
            box = view.mapFromScene(view.node(kind, t).sceneBoundingRect()).boundingRect()
            assert not box.intersects(legend), (kind, t, box, legend)
    view.set_step(index_of(softmax, "forward", 2))
    assert "w" in view.node("o", 2).tooltip_text()  # the predicted class by name
