"""Nothing a learner trained is lost: runs are saved to the models folder, and closing asks first (pytest-qt)."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from panel_helpers import open_panel, shut_panels_down  # noqa: F401 (an autouse fixture)
from rnnviz.gui.settings import open_settings
from rnnviz.train import TrainConfig
from rnnviz.train.checkpoint import load_model
from rnnviz.train.paths import models_folder

QUICK = TrainConfig(dataset="memory", maxlen=12, embed_dim=4, hidden_dim=8, optimizer="adam", lr=1e-2,
                    batch_size=32, epochs=2, seed=1)


def make_panel(qtbot, config=QUICK):
    return open_panel(qtbot, config)


def saved_models():
    folder = models_folder()
    return sorted(folder.glob("*.npz")) if folder.is_dir() else []


def test_a_finished_run_is_saved_and_the_summary_says_where(qtbot):
    before = saved_models()
    panel = make_panel(qtbot)
    with qtbot.waitSignal(panel.runFinished, timeout=60_000) as finished:
        assert panel.start()
    qtbot.waitUntil(lambda: panel.state == "idle", timeout=20_000)
    new = [p for p in saved_models() if p not in before]
    assert len(new) == 1 and new[0] == panel.saved_path
    assert str(new[0]) in panel.status_label.text()
    loaded = load_model(new[0])
    assert (loaded.params["W"] == finished.args[0].model.params["W"]).all()


def test_a_stopped_run_is_saved_too(qtbot):
    before = saved_models()
    panel = make_panel(qtbot, QUICK.with_changes(epochs=1000))
    panel.start()
    qtbot.waitUntil(lambda: panel.n_batches_received >= 3, timeout=30_000)
    with qtbot.waitSignal(panel.runFinished, timeout=30_000) as finished:
        panel.stop()
    assert finished.args[0].status == "stopped"
    qtbot.waitUntil(lambda: panel.state == "idle", timeout=20_000)
    assert panel.saved_path is not None and panel.saved_path not in before and panel.saved_path.is_file()
    assert "Stopped" in panel.status_label.text() and str(panel.saved_path) in panel.status_label.text()


def test_closing_during_a_run_asks_first_and_saves_when_stopped(qtbot, tmp_path):
    from rnnviz.gui.main_window import MainWindow

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    window = MainWindow(settings=open_settings())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.traceShown, timeout=180_000):
        window.show()
    panel = window.training_panel
    panel.data_box.set_dataset("memory")
    panel.form.set_config(QUICK.with_changes(epochs=1000))
    before = saved_models()
    panel.start()
    qtbot.waitUntil(lambda: panel.n_batches_received >= 3, timeout=30_000)
    window.close()  # returns at once: the question is not modal
    box = window.findChild(QMessageBox, "close_while_training_box")
    assert box is not None and box.isVisible() and window.isVisible() and panel.isTraining()
    box.button(QMessageBox.StandardButton.Cancel).click()  # keep training
    assert window.isVisible() and panel.isTraining()
    window.close()
    box = window.findChild(QMessageBox, "close_while_training_box")
    stop = next(b for b in box.buttons() if b.text() == "Stop and close")
    stop.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert not panel.isTraining() or panel._closing
    assert [p for p in saved_models() if p not in before]  # the run's weights were kept
