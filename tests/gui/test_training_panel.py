"""The trainer panel on a small built-in task: the run's life cycle, the worker thread, faults, the review picker."""
import time

import numpy as np
import pytest
from PySide6.QtCore import QThread, Qt

from rnnviz.data import DatasetError, make_memory_task
from rnnviz.gui.training import TrainingPanel
from rnnviz.train import TrainConfig

QUICK = TrainConfig(dataset="memory", maxlen=12, embed_dim=4, hidden_dim=8, optimizer="adam", lr=1e-2,
                    batch_size=32, epochs=3, seed=1)


def make_panel(qtbot, config=QUICK, loader=None):
    panel = TrainingPanel(dataset_loader=loader)
    qtbot.addWidget(panel)
    panel.resize(1300, 850)
    panel.show()
    panel.data_box.set_dataset(config.dataset)
    panel.form.set_config(config)
    assert panel.form.is_valid(), panel.form.problems()
    return panel


def long_run(**changes):
    """Enough batches that a test can act while the run is going (it stops it itself)."""
    return QUICK.with_changes(epochs=1000, **changes)


def wait_idle(qtbot, panel, timeout=20_000):
    qtbot.waitUntil(lambda: panel.state == "idle", timeout=timeout)


def running_threads(panel):
    handles = ([panel._train] if panel._train else []) + panel.jobs.handles
    return [h for h in handles if h.thread.isRunning()]


def test_a_run_reports_progress_updates_the_plots_and_publishes_the_model(qtbot):
    panel = make_panel(qtbot)
    progress, models = [], []
    panel.progressed.connect(progress.append)
    panel.modelChanged.connect(models.append)
    with qtbot.waitSignal(panel.runFinished, timeout=30_000) as finished:
        assert panel.start()
        assert panel.isTraining() and not panel.start_button.isEnabled()
    result = finished.args[0]
    wait_idle(qtbot, panel)
    assert result.status == "finished" and result.epochs_completed == 3
    assert progress and progress[-1].step == panel.n_batches_received == 3 * progress[-1].n_batches
    assert len(panel.plots.epochs) == 3 and len(panel.plots.batches) == panel.n_batches_received
    # drawn, not only stored: the plots are refitted to the run in a frame that starts when it ends
    loss_curve = panel.plots.plots["loss"].items[1]
    qtbot.waitUntil(lambda: len(loss_curve.getData()[0]) == panel.n_batches_received, timeout=2_000)
    assert models and models[-1] is result.model and panel.last_model is result.model
    assert "Finished" in panel.status_label.text() and "Test accuracy" in panel.status_label.text()
    assert panel.progress_bar.value() == 1000 and "epoch 3/3" in panel.progress_bar.format()
    assert panel.start_button.isEnabled() and not panel.isTraining()


def test_pause_shows_the_current_weights_resume_goes_on_stop_ends(qtbot):
    panel = make_panel(qtbot, long_run())
    panel.start()
    qtbot.waitUntil(lambda: panel.n_batches_received >= 5, timeout=20_000)
    with qtbot.waitSignal(panel.modelChanged, timeout=5_000) as paused_model:
        panel.pause()
    assert panel.state == "paused"
    assert not panel.pause_button.isEnabled() and panel.resume_button.isEnabled()
    model = paused_model.args[0]
    assert model.params["W"].shape == (8, 8)
    steps_at_pause = panel.worker.trainer._loop.step
    # every batch trained before the pause is on the plots (reports wake the GUI at most 10 times a
    # second: the ones still waiting for their wake-up are taken when the pause is seen)
    assert panel.n_batches_received == steps_at_pause
    qtbot.wait(300)
    assert panel.worker.trainer._loop.step == steps_at_pause  # really paused: no batch while paused
    panel.resume()
    qtbot.waitUntil(lambda: panel.n_batches_received > steps_at_pause + 3, timeout=10_000)
    with qtbot.waitSignal(panel.runFinished, timeout=5_000) as finished:
        panel.stop()
    assert finished.args[0].status == "stopped"
    wait_idle(qtbot, panel)
    qtbot.waitUntil(lambda: running_threads(panel) == [], timeout=5_000)  # the picker's predictions end too


def test_a_second_start_while_running_is_impossible(qtbot):
    panel = make_panel(qtbot, long_run())
    assert panel.start()
    qtbot.waitUntil(lambda: panel.state == "training", timeout=20_000)
    assert not panel.start_button.isEnabled()
    worker = panel.worker
    assert panel.start() is False and panel.worker is worker
    panel.stop()
    wait_idle(qtbot, panel)


def test_shutdown_while_training_stops_the_thread_within_a_second(qtbot):
    panel = make_panel(qtbot, long_run())
    panel.start()
    qtbot.waitUntil(lambda: panel.n_batches_received >= 3, timeout=20_000)
    thread: QThread = panel._train.thread
    assert thread.isRunning()
    started = time.monotonic()
    assert panel.shutdown(timeout_s=1.0)
    assert time.monotonic() - started < 1.0
    assert not thread.isRunning() and running_threads(panel) == []
    # the run's last signals are still queued: delivering them must not start anything new
    # (a prediction job started here would outlive the window: "QThread destroyed while running")
    jobs_started = panel.jobs.n_started
    qtbot.wait(300)
    assert panel.jobs.n_started == jobs_started and running_threads(panel) == [] and not panel.start()


def test_shutdown_while_paused_also_ends_the_thread(qtbot):
    panel = make_panel(qtbot, long_run())
    panel.start()
    qtbot.waitUntil(lambda: panel.n_batches_received >= 3, timeout=20_000)
    panel.pause()
    qtbot.waitUntil(lambda: panel.state == "paused", timeout=5_000)
    thread = panel._train.thread
    assert panel.shutdown(timeout_s=1.0) and not thread.isRunning()


def test_a_failing_data_loader_is_shown_and_the_panel_stays_usable(qtbot):
    calls = []

    def broken(config, path, progress, cancel):
        calls.append(config)
        if len(calls) == 1:
            raise DatasetError("the archive is damaged (truncated gzip stream)")
        return make_memory_task(seq_len=config.maxlen, seed=config.seed)

    panel = make_panel(qtbot, loader=broken)
    with qtbot.waitSignal(panel.errorShown, timeout=10_000) as shown:
        panel.start()
    assert "damaged" in shown.args[0] and "damaged" in panel.status_label.text()
    assert panel.error_box.isVisible() and "damaged" in panel.error_box.text()
    wait_idle(qtbot, panel)
    panel.error_box.accept()
    assert panel.start_button.isEnabled() and panel.last_model is None
    with qtbot.waitSignal(panel.runFinished, timeout=30_000):
        panel.start()  # the same panel trains once the data is there
    wait_idle(qtbot, panel)


def test_an_error_inside_the_worker_is_shown_and_the_previous_model_is_kept(qtbot):
    def wrong_length(config, path, progress, cancel):
        return make_memory_task(seq_len=config.maxlen + 5, seed=0)  # the trainer refuses it on its thread

    panel = make_panel(qtbot, loader=wrong_length)
    previous = object()
    panel.last_model = previous
    models = []
    panel.modelChanged.connect(models.append)
    with qtbot.waitSignal(panel.errorShown, timeout=20_000) as shown:
        panel.start()
    assert "maxlen" in shown.args[0]
    wait_idle(qtbot, panel)
    assert models == [] and panel.last_model is previous
    assert not panel._train and panel.start_button.isEnabled()


def test_a_diverging_run_says_what_to_do_and_keeps_the_last_good_weights(qtbot):
    config = QUICK.with_changes(activation="linear", optimizer="sgd", lr=100.0, clip_norm=None, hidden_dim=16,
                                maxlen=40, epochs=5)
    panel = make_panel(qtbot, config)
    with qtbot.waitSignal(panel.runFinished, timeout=30_000) as finished:
        panel.start()
    result = finished.args[0]
    assert result.status == "diverged"
    wait_idle(qtbot, panel)
    assert "learning rate" in panel.last_error and panel.error_box.isVisible()
    assert panel.last_model is result.model
    assert all(np.isfinite(v).all() for v in result.model.params.values())


def test_invalid_settings_are_refused_at_the_field_with_the_trainers_message(qtbot):
    panel = make_panel(qtbot)
    form = panel.form
    form.editors["lr"].setText("-1")
    form.editors["lr"].textEdited.emit("-1")
    form.editors["hidden_dim"].setText("many")
    form.editors["hidden_dim"].textEdited.emit("many")
    assert not form.is_valid() and set(form.problems()) == {"lr", "hidden_dim"}
    assert "greater than 0" in form.errors["lr"].text() and not form.errors["lr"].isHidden()
    assert "integer" in form.errors["hidden_dim"].text()
    assert not panel.start_button.isEnabled() and panel.start() is False
    form.editors["lr"].setText("0.01")
    form.editors["lr"].textEdited.emit("0.01")
    form.editors["hidden_dim"].setText("8")
    form.editors["hidden_dim"].textEdited.emit("8")
    assert form.is_valid() and panel.start_button.isEnabled() and form.errors["lr"].isHidden()


def test_every_field_has_its_help_as_tooltip(qtbot):
    panel = make_panel(qtbot)
    for name, editor in panel.form.editors.items():
        assert len(editor.toolTip()) > 20, name


def test_review_picker_shows_predictions_and_loads_a_review(qtbot):
    panel = make_panel(qtbot)
    with qtbot.waitSignal(panel.reviews.predictionsReady, timeout=30_000):
        panel.start()
    wait_idle(qtbot, panel)
    table = panel.reviews.table
    n = len(panel.dataset.y_test)
    assert table.rowCount() == n and table.prob is not None and table.prob.shape == (n,)
    assert table.data(table.index(0, 3)).split(" (ŷ = ")[0] in ("positive", "negative")
    panel.reviews.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # most confident first
    confidence = np.maximum(table.prob, 1 - table.prob)[table.rows]
    assert np.all(np.diff(confidence) <= 0)
    panel.reviews.show_combo.setCurrentIndex(1)  # positive only
    assert 0 < table.rowCount() < n and all(table.labels[table.rows] == 1)
    confidence = np.maximum(table.prob, 1 - table.prob)[table.rows]
    assert np.all(np.diff(confidence) <= 0)  # filtering keeps the sort order
    word = table.texts[int(table.rows[0])].split()[0]
    panel.reviews.show_combo.setCurrentIndex(0)  # all reviews again
    assert table.rowCount() == n
    panel.reviews.search.setText(word.upper())  # case-insensitive, applied after a short pause in typing
    qtbot.waitUntil(lambda: 0 < table.rowCount() < n, timeout=2_000)
    assert all(word in table.texts[i] for i in table.rows)
    panel.tabs.setCurrentWidget(panel.reviews)
    panel.reviews.view.selectRow(0)
    first = int(table.rows[0])
    with qtbot.waitSignal(panel.reviewChosen, timeout=1_000) as chosen:
        panel.reviews.load_button.click()
    assert chosen.args == [panel.dataset.test_texts[first], int(panel.dataset.y_test[first])]


def test_the_trained_model_is_reused_with_the_loaded_dataset_for_a_second_run(qtbot):
    loads = []

    def counting(config, path, progress, cancel):
        loads.append(1)
        return make_memory_task(seq_len=config.maxlen, seed=config.seed)

    panel = make_panel(qtbot, loader=counting)
    for _ in range(2):
        with qtbot.waitSignal(panel.runFinished, timeout=30_000):
            panel.start()
        wait_idle(qtbot, panel)
    assert len(loads) == 1  # same data settings: loaded once


@pytest.mark.imdb
@pytest.mark.slow
def test_train_imdb_from_the_panel_with_the_archive_given_by_path(qtbot, tmp_path, monkeypatch):
    import os

    archive = os.environ.get("RNNVIZ_IMDB")
    if not archive:
        pytest.skip("set RNNVIZ_IMDB to the IMDb archive to run this test")
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(tmp_path / "cache"))  # a cold load: tokenised in the child
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.data_box.set_dataset("imdb")
    panel.data_box.set_imdb_path(archive)
    panel.form.set_config(TrainConfig(num_words=5000, maxlen=80, epochs=1, batch_size=128))
    stages = []
    panel.progress_bar.valueChanged.connect(lambda v: stages.append(panel.progress_bar.format()))
    with qtbot.waitSignal(panel.runFinished, timeout=240_000) as finished:
        assert panel.start()
    result = finished.args[0]
    assert result.status == "finished" and result.test_accuracy > 0.6
    assert any("tokenising" in s for s in stages)  # the load reported its progress
    assert len(panel.dataset.y_test) == 25_000 and panel.reviews.table.rowCount() == 25_000
    qtbot.waitUntil(lambda: panel.reviews.table.prob is not None, timeout=60_000)
    with qtbot.waitSignal(panel.reviewChosen, timeout=1_000) as chosen:
        panel.reviews.choose(0)
    assert chosen.args[0] == panel.dataset.test_texts[0] and len(chosen.args[0]) > 20
    wait_idle(qtbot, panel)
