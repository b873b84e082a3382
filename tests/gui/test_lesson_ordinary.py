"""Lesson 1 compares the networks in one place: the Explore page's ordinary network panel, with the
graph that shows why (no edge between steps). A step that compares them opens the panel, its first
Shuffle gives the step's reordering (the one the lesson tests check), every other step closes it."""
from __future__ import annotations

from rnnviz.gui.learn import install_learn_panel

WAIT_MS = 120_000  # the built-in ordinary network trains in a few seconds the first time


def test_lesson_one_shuffles_in_the_explore_panel_and_every_view_agrees(window, qtbot):
    panel = install_learn_panel(window).learn_panel
    follower, page = window.explore.ordinary, window.page
    panel.open_lesson(0, 0)
    step = panel.step
    assert step.state.shuffled is not None
    assert page.ordinary.isVisible() and window.actions_by_name["ordinary"].isChecked()
    assert not page.plots.isVisible()
    qtbot.waitUntil(lambda: follower.side is not None, timeout=WAIT_MS)
    assert follower.side.shuffled is None  # before the learner shuffles: predict first
    page.ordinary.shuffle_button.click()
    # the step's reordering, on every view: the graph's sentence is the shuffled one
    assert window.explorer.controls.text == step.state.shuffled
    assert window.input_bar.text_edit.text() == step.state.shuffled
    side = follower.side
    assert side.written.text == step.state.text and side.shuffled.text == step.state.shuffled
    assert side.written.bag.o == side.shuffled.bag.o  # every digit
    assert side.written.rnn > 0.5 > side.shuffled.rnn  # what step 2's text says: it flips
    page.ordinary.shuffle_button.click()  # then random orders of the same words: still equal
    assert follower.side.shuffled.bag.o == side.written.bag.o
    assert "ordinary network" in panel.look_at.text()


def test_a_step_without_the_comparison_closes_the_panel_and_brings_the_plots_back(window, qtbot):
    panel = install_learn_panel(window).learn_panel
    page = window.page
    panel.open_lesson(0, 1)
    assert page.ordinary.isVisible()
    panel.open_lesson(0, 2)  # "Take the loop away": W scaled to 0, no comparison
    assert not page.ordinary.isVisible() and page.plots.isVisible()
    assert not window.actions_by_name["ordinary"].isChecked()
    panel.open_lesson(0, 0)
    assert page.ordinary.isVisible()


def test_restart_step_after_a_shuffle_gives_the_lessons_reordering_again(window, qtbot):
    panel = install_learn_panel(window).learn_panel
    follower, page = window.explore.ordinary, window.page
    panel.open_lesson(0, 1)
    qtbot.waitUntil(lambda: follower.side is not None, timeout=WAIT_MS)
    page.ordinary.shuffle_button.click()
    page.ordinary.shuffle_button.click()  # a random order now
    panel.restart_button.click()
    assert window.explorer.controls.text == panel.step.state.text
    page.ordinary.shuffle_button.click()
    assert window.explorer.controls.text == panel.step.state.shuffled
