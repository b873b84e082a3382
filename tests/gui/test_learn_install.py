"""install_learn_panel on the real main window: a lesson step changes what every view shows."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from rnnviz.gui.learn import install_learn_panel
from rnnviz.gui.main_window import MainWindow
from rnnviz.gui.settings import open_settings

STARTUP_TIMEOUT_MS = 180_000


def test_a_step_sets_the_window(window, qtbot):
    dock = install_learn_panel(window)
    panel = dock.learn_panel
    panel.open_lesson(5, 0)  # exploding: linear f, rho 1.5, T = 20, backward step t = 1
    trace = window.explorer.trace()
    assert trace.T == 20 and window.explorer.activation == "linear"
    assert window.playback.index == len(trace.steps) - 1  # backward t = 1, the last step
    assert "1.500" in window.gradient_controls.radius_label.text()
    assert window.input_bar.text_edit.text() == panel.step.state.text
    assert window.gradient_controls.activation_combo.currentText() == "linear"
    shown = " ".join(window.detail.text().split())
    assert "t = 1" in shown or "_1" in shown
    panel.open_lesson(2, 0)  # the pencil model
    assert window.explorer.model.hidden_dim == 2
    assert "pencil" in window.model_label.text()
    assert window.explorer.trace().T == 4


def test_installed_before_the_model_is_ready(qtbot, tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    w = MainWindow(settings=open_settings())
    qtbot.addWidget(w)
    dock = install_learn_panel(w)
    with qtbot.waitSignal(w.traceShown, timeout=STARTUP_TIMEOUT_MS):
        w.show()
    qtbot.waitUntil(lambda: hasattr(dock, "learn_panel"), timeout=10_000)
    assert dock.learn_panel.explorer is w.explorer
    w.close()


def test_the_bptt_panel_is_covered_while_an_exercise_is_open(window, qtbot):
    dock = install_learn_panel(window)
    panel = dock.learn_panel
    cover = dock.cover.label
    panel.open_lesson(3, 1)
    assert cover.isVisible() and cover.geometry() == window.detail.rect()
    panel.exercise_box.answer.setText("12345")
    panel.exercise_box.check()
    assert cover.isVisible(), "a wrong answer keeps it covered"
    panel.exercise_box.answer.setText(f"{panel.exercise_box.exercise.answer:.4g}")
    panel.exercise_box.check()
    assert not cover.isVisible()
    panel.open_lesson(3, 2)
    assert cover.isVisible()
    panel.exercise_box.reveal_button.click()
    assert not cover.isVisible() and "answer" in panel.exercise_box.feedback.text()
    panel.open_lesson(0, 0)
    assert not cover.isVisible()


def test_one_highlight_at_a_time(window, qtbot):
    dock = install_learn_panel(window)
    panel = dock.learn_panel
    panel.open_lesson(1, 0)  # the graph
    panel.open_lesson(2, 0)  # the BPTT panel
    qtbot.wait(10)
    frames = window.findChildren(type(window._learn_highlight), "learn_highlight")
    assert len(frames) == 1 and frames[0].parent() is window.detail
    panel.open_lesson(7, 0)  # the Train page comes to the front
    assert window.pages.currentWidget() is window.training_panel
    panel.open_lesson(0, 0)
    assert window.pages.currentWidget() is window.page


def test_the_view_menu_shows_and_hides_the_panel(window):
    dock = install_learn_panel(window)
    actions = [a for a in window.menuBar().actions() if a.text().replace("&", "") == "View"][0].menu().actions()
    toggle = [a for a in actions if a.text().replace("&", "") == "Learn panel"][0]
    assert dock.isVisible() and toggle.isChecked()
    toggle.trigger()
    assert not dock.isVisible()
