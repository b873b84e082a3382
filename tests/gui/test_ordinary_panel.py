"""The Ordinary network panel on the Explore page (pytest-qt, offscreen): its numbers are the core's
traces, Shuffle words / Restore order change the explorer's sentence, its graph has no edge between
steps, every state without a matching ordinary network says so in words, and the toggle."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from rnnviz.core.bag import make_bag_trace
from rnnviz.explorer import Controls, Explorer
from rnnviz.explorer.lessons import lesson_model
from rnnviz.gui.explore.ordinary_follow import OrdinaryFollower
from rnnviz.gui.explore.ordinary_panel import OrdinaryPanel

SENTENCE = "the movie was not good but the acting was great"
REORDERED = "the movie was great but the acting was not good"
WAIT_MS = 120_000  # a first build trains the built-in ordinary network


@pytest.fixture
def follower(qtbot):
    explorer = Explorer(lesson_model("sentiment", 6), Controls(text=SENTENCE, label=1))
    panel = OrdinaryPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 360)
    panel.show()
    f = OrdinaryFollower(panel, explorer)
    qtbot.waitUntil(lambda: f.side is not None, timeout=WAIT_MS)
    yield f
    f.shutdown(5.0)


def cell(panel, key: str) -> str:
    return panel.cells[key].text()


def test_before_shuffle_the_panel_asks_for_a_prediction(follower):
    p = follower.panel
    assert cell(p, "rnn_shuffled") == "?" and "Predict" in p.verdict.text()
    assert p.shuffle_button.isEnabled() and not p.restore_button.isEnabled()
    assert "built-in ordinary network" in p.source.text()
    bag = make_bag_trace(follower.partner.model.params, np.asarray(follower.explorer.tokens.ids), 1)
    assert cell(p, "bag") == f"{bag.y_hat:.6f}" and cell(p, "bag_o") == f"{bag.o:.17g}"
    assert cell(p, "rnn") == f"{follower.explorer.prediction():.6f}"


def test_shuffle_button_changes_the_sentence_and_the_bag_stays_exact(follower, qtbot):
    p, e = follower.panel, follower.explorer
    p.shuffle_button.click()
    assert e.controls.text != SENTENCE and sorted(e.controls.text.split()) == sorted(SENTENCE.split())
    assert cell(p, "bag_o") == cell(p, "bag_o_shuffled") and cell(p, "bag") == cell(p, "bag_shuffled")
    assert "last digit" in p.verdict.text() and p.restore_button.isEnabled()
    assert cell(p, "rnn_shuffled") == f"{e.prediction():.6f}"  # the graph's trace of the shuffled words
    assert SENTENCE in p.sentences.text()  # the sentence as written, which the input box no longer shows
    p.restore_button.click()
    assert e.controls.text == SENTENCE and not p.restore_button.isEnabled()
    assert cell(p, "rnn") == f"{e.prediction():.6f}" and cell(p, "bag_o") == cell(p, "bag_o_shuffled")


def test_the_rnn_changes_where_order_decides(follower):
    follower.experiment.shuffle(REORDERED)
    p = follower.panel
    assert float(cell(p, "rnn")) > 0.9 > 0.1 > float(cell(p, "rnn_shuffled"))
    assert cell(p, "bag_o") == cell(p, "bag_o_shuffled")
    assert "RNN: 0.99" in p.verdict.text()


def test_the_graph_has_no_edge_between_steps(follower):
    view = follower.panel.view
    items, trace = view.items, view.trace
    assert trace.o == follower.side.current.bag.o
    n = len(follower.explorer.tokens.ids)
    assert len(items["inputs"]) == len(items["edges"]) == n == trace.n_words
    x_bar = items["x_bar"].scenePos()
    for edge in items["edges"]:  # every edge leaves one word and ends at x̄, none at another word
        assert edge.p2.x() == pytest.approx(x_bar.x())
        assert edge.p2.y() > x_bar.y()
    assert "No edge between steps" in items["note"].text
    assert [node.word for node in items["inputs"]] == list(follower.explorer.tokens.labels)


def test_padding_is_one_box_outside_the_mean(follower, qtbot):
    follower.explorer.update(pad=True)
    items = follower.panel.view.items
    padded = follower.explorer.tokens.padded
    assert padded > 0 and items["pad"] is not None and items["pad"].n_pad == padded
    assert len(items["edges"]) == len(follower.explorer.tokens.ids) - padded
    assert "<pad>" in follower.panel.source.text()


def test_one_word_disables_shuffle_with_the_reason(follower):
    follower.explorer.update(text="good")
    p = follower.panel
    assert not p.shuffle_button.isEnabled() and "One word" in p.shuffle_button.toolTip()
    assert "One word" in p.verdict.text()


def test_a_shorter_length_is_not_called_the_same_words(follower):
    follower.explorer.update(seq_len=4)
    follower.experiment.shuffle("good not was the movie but the acting was great")
    assert "Not the same words" in follower.panel.verdict.text()


def test_the_next_word_model_says_why_in_words(follower, qtbot):
    follower.explorer.update(model=lesson_model("next_word", 6))
    p = follower.panel
    qtbot.waitUntil(lambda: p.stack.currentWidget() is p.message and "Sentiment" in p.message.text(),
                    timeout=WAIT_MS)
    assert all(c.text() == "–" for c in p.cells.values()) and follower.side is None
    follower.explorer.update(model=lesson_model("sentiment", 6))  # back: the numbers again
    qtbot.waitUntil(lambda: follower.side is not None, timeout=WAIT_MS)


def test_a_model_without_a_partner_says_what_to_do(follower, qtbot):
    follower.explorer.update(model=lesson_model("pencil"), text="good movie")
    p = follower.panel
    qtbot.waitUntil(lambda: "training record" in p.message.text(), timeout=WAIT_MS)
    assert p.stack.currentWidget() is p.message and follower.side is None


def test_hidden_panel_does_no_work(qtbot):
    explorer = Explorer(lesson_model("sentiment", 6), Controls(text=SENTENCE, label=1))
    panel = OrdinaryPanel()
    qtbot.addWidget(panel)
    panel.hide()
    f = OrdinaryFollower(panel, explorer)
    explorer.update(text="this movie was good")
    assert f.side is None and not f.jobs.busy()
    f.shutdown(5.0)


def test_toggle_shortcut_menu_and_button(window, qtbot):
    page, action = window.page, window.actions_by_name["ordinary"]
    assert action.isCheckable() and action.shortcut().toString() == "Ctrl+B"
    assert action in window.menus["view"].actions()
    assert page.ordinary.isHidden() and not page.plots.isHidden()
    window.graph.setFocus()
    qtbot.keyClick(window.graph, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert action.isChecked() and page.ordinary_button.isChecked()
    assert not page.ordinary.isHidden() and page.plots.isHidden()
    follower = window.explore.ordinary
    qtbot.waitUntil(lambda: follower.side is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(window.traceShown, timeout=5000):
        page.ordinary.shuffle_button.click()
    assert window.input_bar.text_edit.text() == window.explorer.controls.text == follower.side.shuffled.text
    assert window.graph.node("x", 2).word == window.explorer.tokens.labels[1]  # the main graph shows it too
    page.ordinary_button.click()  # the page's button closes it again, and the menu entry follows
    assert not action.isChecked() and page.ordinary.isHidden() and not page.plots.isHidden()


def test_an_rnn_only_change_keeps_the_bag_drawing_and_a_new_sentence_redraws_it(follower):
    view = follower.panel.view
    edges = view.items["edges"]
    follower.explorer.update(w_scale=1.5, label=0)
    assert view.items["edges"] is edges  # the ordinary network's numbers did not change
    assert cell(follower.panel, "rnn") == f"{follower.explorer.prediction():.6f}"
    assert "W × 1.5" in follower.panel.source.text()
    follower.explorer.update(text="this movie was good")
    assert view.items["edges"] is not edges and len(view.items["edges"]) == 5
