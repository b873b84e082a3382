"""The Compare cells view (pytest-qt, offscreen): the three cells' gradient curves are the core's
traces, training runs as a background job with progress and its results are shown, and the window
opens the view from the View menu, its shortcut and the Explore page's button."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.core import make_trace
from rnnviz.explorer.compare_cells import RaceSettings
from rnnviz.gui.explore.compare import CompareCellsDialog, CompareCellsView
from rnnviz.gui.jobs import JobRunner

JOB_TIMEOUT_MS = 240_000  # the first job compiles the gated kernels when the numba cache is cold


@pytest.fixture
def view(qtbot):
    runner = JobRunner()
    v = CompareCellsView(runner)
    qtbot.addWidget(v)
    v.resize(900, 600)
    yield v
    runner.shutdown(5.0)


def wait_idle(qtbot, view):
    qtbot.waitUntil(lambda: not view.busy(), timeout=JOB_TIMEOUT_MS)


def test_the_plot_draws_each_cells_trace(qtbot, view):
    view.length_spin.setValue(60)
    view.refresh()
    assert view.busy() and not view.train_button.isEnabled()
    wait_idle(qtbot, view)
    comparison = view.comparison
    assert comparison is not None and comparison.T == 60 and comparison.label == 1
    for cell, curve in view.curves.items():
        trace = make_trace(view.models.params[cell], comparison.tokens, np.asarray(1), cell=cell)
        np.testing.assert_array_equal(curve.yData, trace.grad_norm_per_step)
        np.testing.assert_array_equal(curve.xData, np.arange(1, 61))
    np.testing.assert_array_equal(view.cell_state_curve.yData,
                                  comparison.curves["lstm"].grad_C)
    assert "untrained" in view.results.text() and "LSTM" in view.results.text()
    assert view.train_button.isEnabled()


def test_training_shows_progress_and_each_cells_accuracy(qtbot, view):
    view.race_settings = RaceSettings(hidden_dim=4, embed_dim=3, n_train=120, n_test=40, epochs=2, lr=0.02)
    view.length_spin.setValue(8)
    view.label_combo.setCurrentIndex(1)
    wait_idle(qtbot, view)  # the label change traced the untrained models first
    progress = []
    view.train()
    view._job.progressed.connect(progress.append)
    assert view.cancel_button.isEnabled()
    wait_idle(qtbot, view)
    assert view.models.trained and view.comparison.T == 8 and view.comparison.label == 0
    assert progress and view.progress.value() == 100
    text = view.results.text()
    for cell, result in view.models.results.items():
        epochs = f"{result.epochs} epoch" + ("s" if result.epochs != 1 else "")
        assert f"test accuracy {result.test_accuracy:.1%} after {epochs}" in text
    assert "after training" in text and not view.cancel_button.isEnabled()
    from rnnviz.explorer.compare_cells import verdict
    assert f"Measured on 40 test sequences at T = 8: {verdict(view.models)}" in text


def test_cancel_keeps_the_view_usable(qtbot, view):
    view.race_settings = RaceSettings(hidden_dim=4, embed_dim=3, n_train=400, n_test=40, epochs=50)
    view.length_spin.setValue(20)
    view.train()
    view.cancel()
    wait_idle(qtbot, view)
    assert "cancelled" in view.status.text() and view.train_button.isEnabled()


def test_the_window_opens_compare_cells_from_the_menu_the_shortcut_and_the_page(qtbot, window):
    action = window.actions_by_name["compare_cells"]
    assert action.shortcut().toString() == "Ctrl+K"
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions()
    window.page.compare_button.click()
    dialog = window._compare_dialog
    assert isinstance(dialog, CompareCellsDialog) and dialog.isVisible()
    wait_idle(qtbot, dialog.view)
    assert dialog.view.comparison is not None
    dialog.close()
    action.trigger()
    assert window._compare_dialog is dialog and dialog.isVisible()


def test_explore_shows_the_cell_with_the_compared_sentence_in_the_window(qtbot, window):
    window.open_compare_cells()
    view = window._compare_dialog.view
    wait_idle(qtbot, view)
    view.explore_buttons["lstm"].click()
    e = window.explorer
    assert e.cell == "lstm" and e.model.params is view.models.params["lstm"]
    np.testing.assert_array_equal(e.tokens.ids, view.comparison.tokens)  # the very same sentence
    assert e.controls.label == view.comparison.label and e.error is None
    assert window.pages.currentWidget() is window.page
    assert len(window.graph._gated_items) == view.comparison.T
    assert not window.gradient_controls.scale_spin.isEnabled()
    assert "gates" in window.gradient_controls.scale_spin.toolTip()
    # back to a vanilla model: the controls come back
    window.request_builtin("sentiment", 4)
    qtbot.waitUntil(lambda: window.explorer.cell == "rnn", timeout=JOB_TIMEOUT_MS)
    assert window.gradient_controls.scale_spin.isEnabled() and window.graph._gated_items == []


def test_a_length_asked_for_while_a_job_runs_is_traced_after_it(qtbot, view):
    view.refresh()
    view.length_spin.setValue(33)  # (the box is disabled for a user; a script or a lesson may still set it)
    view.refresh()
    wait_idle(qtbot, view)
    qtbot.waitUntil(lambda: not view.busy() and view.comparison.T == 33, timeout=JOB_TIMEOUT_MS)
    assert view.curves["rnn"].xData[-1] == 33


def test_chrono_gates_are_the_default_and_keras_makes_new_untrained_models(qtbot, view):
    assert view.gates_combo.currentData() == "chrono" and "Tallec" in view.gates_combo.toolTip()
    view.length_spin.setValue(30)
    view.refresh()
    wait_idle(qtbot, view)
    before = view.models
    assert before.settings.gate_init == "chrono" and "chrono gates" in view.results.text()
    view.gates_combo.setCurrentIndex(view.gates_combo.findData("keras"))
    wait_idle(qtbot, view)
    assert view.models is not before and view.models.settings.gate_init == "keras"
    np.testing.assert_array_equal(view.models.params["lstm"]["b"][16:32], 1.0)
    assert "forget bias 1" in view.results.text()
