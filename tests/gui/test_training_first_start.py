"""A run started on a first start, while the warm-up's child still compiles the training kernels: the
panel says so, the run waits for them (no second compile on the training thread), and Stop still works."""
import threading

import pytest

from rnnviz.core import warmup
from test_training_panel import QUICK, make_panel, wait_idle


@pytest.fixture
def compile_held(monkeypatch):
    compiled = threading.Event()
    monkeypatch.setattr(warmup, "ready", lambda stage="trace": stage != "training" or compiled.is_set())
    monkeypatch.setattr(warmup, "wait", lambda stage="training", timeout=None: compiled.wait(timeout))
    yield compiled
    compiled.set()


def test_the_run_waits_for_the_kernels_and_says_why(qtbot, compile_held):
    panel = make_panel(qtbot)
    assert panel.start()  # loads the data first (a job), then starts the run
    qtbot.waitUntil(lambda: "compiling in the background" in panel.progress_label.text(), timeout=20_000)
    qtbot.wait(300)
    assert panel.n_batches_received == 0 and panel.isTraining()  # no batch before the kernels
    with qtbot.waitSignal(panel.runFinished, timeout=30_000) as finished:
        compile_held.set()
    assert finished.args[0].status == "finished" and finished.args[0].epochs_completed == QUICK.epochs
    wait_idle(qtbot, panel)
    assert "compiling" not in panel.progress_label.text()


def test_stop_ends_the_wait(qtbot, compile_held):
    panel = make_panel(qtbot)
    assert panel.start()
    qtbot.waitUntil(lambda: "compiling in the background" in panel.progress_label.text(), timeout=20_000)
    with qtbot.waitSignal(panel.runFinished, timeout=30_000) as finished:
        panel.stop()
    assert finished.args[0].status == "stopped"
    wait_idle(qtbot, panel)
