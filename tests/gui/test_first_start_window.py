"""The window on a first start: the built-in model's untrained starting weights are drawn at once,
marked as untrained wherever the model is named, and the trained model replaces them when its
training kernels are compiled; the learner's sentence and any model they opened meanwhile are kept."""
from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from rnnviz.core import warmup
from rnnviz.explorer import sources
from rnnviz.gui.learn import install_learn_panel
from rnnviz.gui.learn.panel import LearnPanel
from rnnviz.gui.main_window import MainWindow
from rnnviz.gui.settings import open_settings

STARTUP_TIMEOUT_MS = 180_000


@pytest.fixture
def compile_held(monkeypatch):
    """A first start: no trained built-in model, and training kernels that are 'compiling' until the
    test sets the returned event (the background warm-up's compile, held)."""
    compiled = threading.Event()
    monkeypatch.setattr(sources, "builtin_ready_now", lambda *args, **kwargs: compiled.is_set())
    monkeypatch.setattr(warmup, "wait", lambda stage="training", timeout=None: compiled.wait(timeout))
    yield compiled
    compiled.set()  # nothing left waiting


def open_first_start(qtbot, tmp_path, learn: bool = True):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    w = MainWindow(settings=open_settings())
    qtbot.addWidget(w)
    dock = install_learn_panel(w) if learn else None
    with qtbot.waitSignal(w.traceShown, timeout=STARTUP_TIMEOUT_MS):
        w.show()
    return w, dock


@pytest.fixture
def first_start(qtbot, tmp_path, compile_held):
    w, dock = open_first_start(qtbot, tmp_path)
    yield w, dock, compile_held
    w.close()


def test_the_untrained_weights_are_drawn_at_once_and_say_so(first_start, qtbot):
    w, dock, _compiled = first_start
    spec = w.explorer.model
    assert spec.untrained and spec.builtin_task == "sentiment"
    assert "UNTRAINED" in w.model_label.text() and "bold" in w.model_label.styleSheet()
    assert "UNTRAINED" in w.windowTitle()
    assert "untrained starting weights" in w.statusBar().currentMessage()
    assert w.input_bar.result_label.full_text().startswith('<b style="color:#b34700">Untrained:</b>')
    assert not w.actions_by_name["save"].isEnabled()  # untrained weights are not a model to keep
    assert not isinstance(dock.widget(), LearnPanel)  # the lessons are about the trained model
    assert "when the model is ready" in dock.widget().text()
    # every view shows the untrained weights' trace: the graph has its numbers
    trace = w.explorer.trace()
    assert w.explorer.error is None and trace.T >= 5 and np.isfinite(trace.loss)
    assert np.isfinite(trace.s).all() and np.abs(trace.s[1:]).max() > 0


def test_the_ordinary_network_waits_for_the_trained_model(first_start, qtbot):
    w, _dock, _compiled = first_start
    w.actions_by_name["ordinary"].setChecked(True)
    follower = w.explore.ordinary
    qtbot.waitUntil(lambda: follower.partner is not None, timeout=30_000)
    assert follower.partner.model is None and "untrained" in follower.partner.reason


def test_the_trained_model_replaces_them_and_keeps_the_sentence(qtbot, tmp_path, compile_held):
    w, _ = open_first_start(qtbot, tmp_path, learn=False)
    w.input_bar.text_edit.setText("the acting was not bad")
    w.input_bar.text_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: w.explorer.controls.text == "the acting was not bad", timeout=10_000)
    assert w.explorer.model.untrained
    length = w.explorer.trace().T
    compile_held.set()
    qtbot.waitUntil(lambda: not w.explorer.model.untrained, timeout=60_000)
    spec = w.explorer.model
    assert spec is sources.builtin_spec() and spec.builtin_task == "sentiment" and spec.trained.history["epoch"]
    assert "UNTRAINED" not in w.model_label.text() and w.model_label.styleSheet() == ""
    assert "Untrained" not in w.input_bar.result_label.full_text()
    assert w.actions_by_name["save"].isEnabled()
    assert w.explorer.controls.text == "the acting was not bad" and w.explorer.trace().T == length
    w.close()


def test_the_lessons_open_on_the_trained_model(first_start, qtbot):
    w, dock, compiled = first_start
    compiled.set()
    qtbot.waitUntil(lambda: isinstance(dock.widget(), LearnPanel), timeout=60_000)
    panel = dock.learn_panel
    assert panel.explorer is w.explorer and not w.explorer.model.untrained
    assert w.explorer.controls.text == panel.step.state.text  # the lesson's step is shown, on the trained model


@pytest.mark.parametrize("learn", [False, True])
def test_a_model_opened_meanwhile_is_not_replaced(qtbot, tmp_path, compile_held, learn):
    from rnnviz.train.builtin import train_builtin
    from rnnviz.train.checkpoint import save_model

    w, dock = open_first_start(qtbot, tmp_path, learn)
    path = tmp_path / "mine.npz"
    save_model(path, train_builtin(4))
    assert w.models.load_path(str(path))
    assert w.explorer.model.hidden_dim == 4 and not w.explorer.model.untrained
    if learn:  # the lessons still wait: their steps show the built-in model, not trained yet
        qtbot.wait(50)
        assert not isinstance(dock.widget(), LearnPanel)
    with qtbot.waitSignal(w.models.untrainedReplaced, timeout=60_000):
        compile_held.set()
    if learn:  # now the lessons open, and a lesson step shows its own model, as on every start
        qtbot.waitUntil(lambda: isinstance(dock.widget(), LearnPanel), timeout=10_000)
    else:
        assert w.explorer.model.hidden_dim == 4 and w.explorer.model.name == "mine.npz"
        assert "the model you opened stays shown" in w.statusBar().currentMessage()
    w.close()


def test_closing_during_the_compile_is_not_held_up(first_start, qtbot):
    w, _dock, _compiled = first_start
    job = w.models.job
    assert job is not None  # waiting for the held compile
    with qtbot.waitSignal(job.failed, timeout=10_000) as cancelled:
        w.close()
    assert cancelled.args[1] is True  # cancelled, not failed


def test_the_ordinary_network_waits_for_its_own_kernels(qtbot, tmp_path, monkeypatch):
    """On a first start the built-in ordinary network trains with kernels the warm-up's child compiles
    after the RNN's: the panel waits for them (no second compile here), then shows its partner."""
    bag_compiled = threading.Event()
    monkeypatch.setattr(warmup, "wait", lambda stage="training", timeout=None:
                        bag_compiled.wait(timeout) if stage == "bag" else True)
    w, _ = open_first_start(qtbot, tmp_path, learn=False)
    assert not w.explorer.model.untrained  # (the RNN's kernels are ready in this test)
    w.actions_by_name["ordinary"].setChecked(True)
    follower = w.explore.ordinary
    qtbot.wait(300)
    assert follower.partner is None  # still waiting for the bag kernels
    bag_compiled.set()
    qtbot.waitUntil(lambda: follower.partner is not None, timeout=60_000)
    assert follower.partner.model is not None and follower.partner.model.config.model == "bag"
    w.close()


def test_the_lessons_opening_late_leave_the_learner_on_their_page(first_start, qtbot):
    """The learner went to the Train page while the built-in model trained: the lessons open beside it,
    on the trained model, without taking the learner back to the Explore page."""
    w, dock, compiled = first_start
    w.pages.setCurrentWidget(w.training_panel)
    compiled.set()
    qtbot.waitUntil(lambda: isinstance(dock.widget(), LearnPanel), timeout=60_000)
    assert w.pages.currentWidget() is w.training_panel
    assert w.explorer.controls.text == dock.learn_panel.step.state.text  # the step is shown all the same
