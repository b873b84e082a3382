"""The trainer panel: choose data and hyperparameters, start/pause/resume/stop, watch the live plots, pick a review.

Threads: the dataset is loaded by a BackgroundJob, the run by a TrainWorker, each on its own QThread;
this widget only moves small immutable reports around and redraws. One run at a time: Start is
disabled from the moment a run is requested until its thread has ended.
"""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from rnnviz import core
from rnnviz.data import Dataset
from rnnviz.train import ConfigError, RunResult, TrainConfig, load_dataset

from .. import heap
from ..i18n import QT_TRANSLATE_NOOP, plural, translate
from ..jobs import BackgroundJob, JobRunner, ThreadHandle
from .dataset_box import DatasetChooser
from .hyperparams import HyperparamForm
from .panel_view import ACTIVE, IDLE, LOADING, PAUSED, PAUSING, STOPPING, TRAINING, PanelView, _clock  # noqa: F401
from .plots import TrainingPlots
from .model_kind import is_bag
from .reviews import ReviewPicker, prepare_texts
from .run_actions import RunActions
from .saving import saved_text
from .worker import TrainWorker

PAUSE_POLL_MS = 40
#: After a run, the wait before the heap is settled (rnnviz.gui.heap): the end-of-run plot refit and the
#: review predictions have started, the window is still; the ~0.1 s collection is not felt there.
SETTLE_AFTER_RUN_MS = 1000
LABEL_INTERVAL_S = 0.25  # progress bar and label at 4 Hz: QProgressBar.setValue repaints at once (~1-4 ms)
GRACE_S = 30.0  # the longest wait for a thread that missed the shutdown timeout
LOAD_STAGES = {"hash": QT_TRANSLATE_NOOP("TrainingPanel", "checking the file"),
               "read": QT_TRANSLATE_NOOP("TrainingPanel", "reading reviews"),
               "tokenise": QT_TRANSLATE_NOOP("TrainingPanel", "tokenising"),
               "encode": QT_TRANSLATE_NOOP("TrainingPanel", "encoding"),
               "cache": QT_TRANSLATE_NOOP("TrainingPanel", "loading the cached arrays")}
#: the panel's states as the status bar says them ("Trainer: training")
STATE_NAMES = {IDLE: QT_TRANSLATE_NOOP("TrainingPanel", "idle"), LOADING: QT_TRANSLATE_NOOP("TrainingPanel", "loading"),
               TRAINING: QT_TRANSLATE_NOOP("TrainingPanel", "training"),
               PAUSING: QT_TRANSLATE_NOOP("TrainingPanel", "pausing"),
               PAUSED: QT_TRANSLATE_NOOP("TrainingPanel", "paused"),
               STOPPING: QT_TRANSLATE_NOOP("TrainingPanel", "stopping")}


def state_name(state: str) -> str:
    """A state of the panel in the window's language."""
    return translate("TrainingPanel", STATE_NAMES[state]) if state in STATE_NAMES else state


def _stage(stage) -> str:
    return translate("TrainingPanel", LOAD_STAGES[stage]) if stage in LOAD_STAGES else str(stage)


class TrainingPanel(RunActions, PanelView, QWidget):
    """Train from the window. See the package docstring for the signals the main window uses.

    dataset_loader(config, imdb_path, progress, cancel) -> Dataset can be replaced (tests inject
    failing loaders); the default, ``load_dataset(..., tokenise_in_child=True)``, tokenises IMDb in a child process.
    """

    modelChanged = Signal(object)    # TrainedModel (an RNN, never the ordinary network): after a pause, a
                                     # stop or the end of a run, or "Explore this model" on the Runs tab
    reviewChosen = Signal(str, int)  # review text, true label (0/1)
    progressed = Signal(object)      # the newest BatchReport, at most once per drain of the mailbox
    epochEnded = Signal(object)      # EpochReport
    runFinished = Signal(object)     # RunResult
    errorShown = Signal(str)         # a message shown to the user
    stateChanged = Signal(str)       # idle, loading, training, pausing, paused, stopping

    def __init__(self, parent=None, dataset_loader=None):
        super().__init__(parent)
        self.setObjectName("training_panel")
        self.dataset_loader = dataset_loader or _default_loader
        self.state = IDLE
        self.jobs = JobRunner(self)
        self.dataset: Dataset | None = None
        self._dataset_key = None
        self._config: TrainConfig | None = None
        self._load_job: BackgroundJob | None = None
        self._train: ThreadHandle | None = None
        self.worker: TrainWorker | None = None
        self.last_model = None
        self.last_result: RunResult | None = None
        self.saved_path: Path | None = None  # where the last run's model was saved
        self.save_runs = True  # the UI benchmark turns it off: its random-token runs are not a user's models
        self.last_error: str | None = None
        self.error_box: QMessageBox | None = None
        self.n_batches_received = 0
        self._last_label_update = 0.0
        self._last_report = None
        self._closing = False

        self.data_box = DatasetChooser(jobs=self.jobs)
        self.form = HyperparamForm()
        self.plots = TrainingPlots()
        self.reviews = ReviewPicker(jobs=self.jobs)
        self._build_run_views()
        self._build_run_box()
        self._layout()
        self._connect_run_views()

        self.form.set_dataset(self.data_box.dataset_name())
        self.data_box.datasetChanged.connect(self._on_dataset_changed)
        self.form.validityChanged.connect(self._update_buttons)
        self.form.modelChosen.connect(self._on_model_chosen)
        self._on_model_chosen(self.form.model())
        self.reviews.reviewChosen.connect(self.reviewChosen)
        self._pause_poll = QTimer(self)
        self._pause_poll.setInterval(PAUSE_POLL_MS)
        self._pause_poll.timeout.connect(self._check_paused)
        # a second after a run, in a still window: collect what the run left and freeze the rest
        # (rnnviz.gui.heap), so that a full collection during the next run walks only what it makes
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_AFTER_RUN_MS)
        self._settle.timeout.connect(self._settle_heap)
        self._set_state(IDLE)
        self.set_status(translate("TrainingPanel", "Choose the data and the settings, then press Start."))

    # ------------------------------------------------------------------ public API
    def isTraining(self) -> bool:  # noqa: N802 (Qt-style name used by the window)
        """True from Start until the run's thread has ended (loading, training, paused or stopping)."""
        return self.state in ACTIVE

    def shutdown(self, timeout_s: float = 1.0) -> bool:
        """Stop the run and every job, wait for their threads (up to timeout_s). True if none is left running."""
        self._closing = True  # results that arrive from now on start nothing new (no thread outlives us)
        self._pause_poll.stop()
        self.plots.timer.stop()
        self.jobs.closed = True
        if self.worker is not None:
            self.worker.control.stop()
        if self._load_job is not None:
            self._load_job.cancel()
        ok = True
        if self._train is not None:
            ok &= self._train.wait(timeout_s)
            if not ok:
                # Not interruptible: one batch or one inference batch of the trainer (the final test
                # scoring sees the stop between batches) and, above all, a first-ever compile of the
                # numba kernels. Destroying a running QThread aborts the process, so wait for it
                # rather than crash on exit.
                self._train.wait(GRACE_S)
            if not self._train.is_running():
                self._train = None
        ok &= self.jobs.shutdown(timeout_s)
        return ok

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # Shown on its own (tests, the benchmark): no thread may outlive the panel (destroying a running
        # QThread aborts the process), e.g. the review predictions that start when a run ends.
        if self.isWindow():
            self.shutdown(timeout_s=1.0)
        super().closeEvent(event)

    def set_model(self, model) -> None:
        """Show `model`'s predictions in the review picker (e.g. a model the window loaded from a file)."""
        self.last_model = model
        self.reviews.set_model(model)

    def start(self) -> bool:
        """Start a run with the form's settings (what the Start button does). False if refused."""
        if self.isTraining() or self._closing:
            return False  # one run at a time; the button is disabled anyway
        try:
            config = self.form.config().with_changes(dataset=self.data_box.dataset_name())
        except ConfigError as exc:
            self.set_status(translate("TrainingPanel", "Fix the settings first: {0}").format(exc))
            return False
        path = self.data_box.imdb_path()
        if config.dataset == "imdb" and path is None:
            self.show_error(translate("TrainingPanel", "No copy of IMDb yet. Open a copy you have (Open…), download it "
                                      "(Download), or choose a built-in task."))
            return False
        self._config = config
        key = _dataset_key(config, path)
        if self.dataset is not None and key == self._dataset_key:
            self._start_training()
        else:
            self._start_loading(config, path, key)
        return True

    def pause(self) -> None:
        if self.state == TRAINING and self.worker is not None:
            self.worker.control.pause()
            self._set_state(PAUSING)
            self._pause_poll.start()

    def resume(self) -> None:
        if self.state in (PAUSING, PAUSED) and self.worker is not None:
            self._pause_poll.stop()
            self.worker.control.resume()
            self._set_state(TRAINING)
            self.set_status(translate("TrainingPanel", "Training…"))

    def stop(self) -> None:
        if self.state == LOADING and self._load_job is not None:
            self._load_job.cancel()
            self._set_state(STOPPING)
        elif self.state in (TRAINING, PAUSING, PAUSED) and self.worker is not None:
            self._pause_poll.stop()
            self.worker.control.stop()
            self._set_state(STOPPING)
            self.set_status(translate("TrainingPanel", "Stopping after the current batch…"))

    # ------------------------------------------------------------------ state
    def _set_state(self, state: str) -> None:
        self.state = state
        self._update_buttons()
        locked = state in ACTIVE
        if locked:  # a run started from the keyboard in a field: the focus stays in the Run box
            self._keep_focus_in_run_box([self.form, self.data_box])
        self.form.set_editable(not locked)
        self.data_box.set_locked(locked)
        self.stateChanged.emit(state)

    def _on_dataset_changed(self, name: str) -> None:
        self.form.set_dataset(name, reset=True)

    def _reset_form(self) -> None:
        self.form.set_dataset(self.data_box.dataset_name(), reset=True)

    # ------------------------------------------------------------------ loading
    def _start_loading(self, config: TrainConfig, path: Path | None, key) -> None:
        loader = self.dataset_loader

        def work(progress, cancel):
            dataset = loader(config, path, progress, cancel)
            return dataset, prepare_texts(dataset)  # the picker's texts, decoded here rather than on the GUI thread

        job = BackgroundJob(work, translate("TrainingPanel", "Loading the data"))
        job.progressed.connect(self._on_load_progress)
        job.succeeded.connect(self._on_loaded)
        job.failed.connect(self._on_load_failed)
        self._load_job, self._loading_key = job, key
        self._set_state(LOADING)
        self.progress_bar.setRange(0, 0)  # busy until the loader says how far it is
        self.progress_bar.setFormat("")
        self.progress_label.setText("")
        self.set_status(translate("TrainingPanel", "Loading {0}…").format(config.dataset))
        self.jobs.start(job, "rnnviz-load")

    @Slot(object)
    def _on_load_progress(self, values: tuple) -> None:
        stage, done, total = (values + (0, 0, 0))[:3]
        if total and total > 1:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(1000 * done / total))
            self.progress_bar.setFormat(translate("TrainingPanel", "{0}: {1} of {2}").format(
                _stage(stage), f"{done:,}", f"{total:,}"))
        else:
            self.progress_bar.setRange(0, 0)
        self.set_status(translate("TrainingPanel", "Loading the data: {0}…").format(_stage(stage)))

    @Slot(object)
    def _on_loaded(self, loaded) -> None:
        self._load_job = None
        if self.state == STOPPING:
            self._end_run(translate("TrainingPanel", "Stopped before training started."))
            return
        dataset, texts = loaded
        self.dataset, self._dataset_key = dataset, self._loading_key
        self.reviews.set_dataset(dataset, texts)
        self.runs.set_loaded_data(self._config.dataset, dataset.maxlen, len(dataset.vocab))
        self._start_training()

    @Slot(str, bool)
    def _on_load_failed(self, message: str, cancelled: bool) -> None:
        self._load_job = None
        if cancelled:
            self._end_run(translate("TrainingPanel", "Loading cancelled."))
        else:
            self._end_run("")
            self.show_error(message)

    # ------------------------------------------------------------------ training
    def _start_training(self) -> None:
        if self._closing:
            return
        config, dataset = self._config, self.dataset
        worker = TrainWorker(config, dataset, save=self.save_runs)
        worker.batchesReady.connect(self._drain_batches)
        worker.epochDone.connect(self._on_epoch)
        worker.runEnded.connect(self._on_run_ended)
        worker.runFailed.connect(self._on_run_failed)
        handle = ThreadHandle(worker, "rnnviz-train")
        handle.thread.finished.connect(self._on_thread_finished)
        self.worker, self._train = worker, handle
        self.plots.reset(config.clip_norm)
        self.run_number += 1
        self.plot_page.show_run(config, self.run_number)
        self.summary.hide()
        self.n_batches_received = 0
        self._last_label_update = 0.0
        self._last_report = None
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(translate("TrainingPanel", "starting…"))
        self.progress_label.setText("")
        if not core.warmup.ready("training"):  # replaced by the first batch's progress
            # short: the label does not wrap, and a longer line widened the whole form past its scroll area
            self.progress_label.setText(translate("TrainingPanel", "Kernels compiling in the background (once)…"))
        self._set_state(TRAINING)
        self.set_status(translate("TrainingPanel", "Training on {0}: {1} training sequences of {2} steps ({3}% held "
                                  "out for validation)…").format(dataset.name, f"{len(dataset.y_train):,}",
                                                                 dataset.maxlen, round(config.validation_split * 100)))
        handle.start()

    @Slot()
    def _drain_batches(self) -> None:
        worker = self.sender()
        if worker is not self.worker or worker is None:
            return
        self._take_reports(worker)

    def _receive(self, worker):
        """Every batch report the worker's mailbox holds onto the plots; the last one, or None."""
        reports = worker.mailbox.take_all()
        if not reports:
            return None
        self.plots.add_batches(reports)
        self.n_batches_received += len(reports)
        self._last_report = reports[-1]
        return self._last_report

    def _take_reports(self, worker) -> None:
        """Show every batch report the worker's mailbox holds (the wake-up may still be on its way)."""
        last = self._receive(worker)
        if last is None:
            return
        now = time.monotonic()
        # labels at 4 Hz: re-laying out text (and repainting the bar) per batch would cost the GUI thread
        if now - self._last_label_update >= LABEL_INTERVAL_S:
            self._last_label_update = now
            self._show_progress(last)
        self.progressed.emit(last)

    def _show_progress(self, r) -> None:
        epochs = self._config.epochs if self._config else 1
        total = epochs * r.n_batches
        self.progress_bar.setValue(int(1000 * r.step / max(total, 1)))
        self.progress_bar.setFormat(translate("TrainingPanel", "epoch {0}/{1} · batch {2}/{3}").format(
            r.epoch, epochs, r.batch, r.n_batches))
        self.progress_label.setText(translate("TrainingPanel", "{0} elapsed · ETA {1} · {2} sequences/s · loss {3}").format(
            _clock(r.elapsed_s), _clock(r.eta_s), f"{r.seq_per_s:,.0f}", f"{r.loss:.4f}"))

    @Slot(object)
    def _on_epoch(self, report) -> None:
        if self.sender() is not self.worker:
            return
        self.plots.add_epoch(report)
        text = (translate("TrainingPanel", "Epoch {0}: validation accuracy {1}, loss {2} (best so far: kept)")
                if report.is_best else translate("TrainingPanel", "Epoch {0}: validation accuracy {1}, loss {2}"))
        self.set_status(text.format(report.epoch, f"{report.val_accuracy:.4f}", f"{report.val_loss:.4f}"))
        self.epochEnded.emit(report)

    def _check_paused(self) -> None:
        """Poll (no blocking) until the trainer sits in its pause; then show its weights."""
        if self.worker is None or self.state != PAUSING:
            self._pause_poll.stop()
            return
        if self.worker.control.wait_until_paused(0):
            self._pause_poll.stop()
            # the last reports before the pause may be waiting for their (rate-limited) wake-up
            self._take_reports(self.worker)
            self._set_state(PAUSED)
            if self._last_report is not None:
                self._show_progress(self._last_report)
            model = self.worker.snapshot(current=True)
            if is_bag(self._config):
                self.set_status(translate("TrainingPanel", "Paused. Test reviews shows the ordinary network's "
                                          "predictions with the weights as they are now; Resume to go on, Stop to end."))
            else:
                self.set_status(translate("TrainingPanel", "Paused. The graph shows the weights as they are now; "
                                          "Resume to go on, Stop to end."))
            if model is not None:
                self._publish_model(model)

    @Slot(object)
    def _on_run_ended(self, result: RunResult) -> None:
        if self.sender() is not self.worker:
            return
        self.last_result = result
        self._drain_now()
        self._publish_model(result.model)
        test = ("" if result.test_accuracy is None else
                " " + translate("TrainingPanel", "Test accuracy {0}.").format(f"{result.test_accuracy:.4f}"))
        saved = self._note_saved()
        if result.status == "diverged":
            self.set_status(result.message + "." + saved)
            self.show_error(translate("TrainingPanel", "{0}.\n\nThe graph uses the weights from before the failed "
                                      "step.").format(result.message) + saved)
        else:
            epochs = result.epochs_completed  # a plain name for the plural form (lupdate)
            text = plural(self.tr("Finished after %n epoch(s) in {0}: {1}.", "", epochs) if result.status == "finished"
                          else self.tr("Stopped after %n epoch(s) in {0}: {1}.", "", epochs), epochs)
            self.set_status(text.format(_clock(result.seconds), self._outcome(result)) + test + saved)
        worker = self.worker
        self.summary.show_result(result, self._config, self.saved_path, worker.save_error if worker else "")
        self.runs.add_run(result.model, self.saved_path)
        self.runFinished.emit(result)

    def _outcome(self, result: RunResult) -> str:
        """What the run kept, in the window's language, from the result's numbers (the trainer's own
        message is English: the Qt-free trainer does not translate)."""
        if result.best_epoch == 0:
            return translate("TrainingPanel", "no epoch finished, so the model holds the last good weights (not "
                                              "validated)")
        best = f"{result.best_val_accuracy:.4f}" if result.best_val_accuracy is not None else "–"
        patience = self._config.patience if self._config is not None else None
        if result.status == "finished" and patience is not None and self._config is not None \
                and result.epochs_completed < self._config.epochs:
            return translate("TrainingPanel", "stopped early: no better validation accuracy for {0} epochs; best {1} "
                                              "at epoch {2}").format(patience, best, result.best_epoch)
        if result.status == "finished":
            return translate("TrainingPanel", "best validation accuracy {0} at epoch {1}").format(best, result.best_epoch)
        return translate("TrainingPanel", "the model keeps the weights of epoch {0}, the best on validation ({1})").format(
            result.best_epoch, best)

    @Slot(str, object)
    def _on_run_failed(self, message: str, model) -> None:
        if self.sender() is not self.worker:
            return
        self._drain_now()
        self.show_error(message + self._note_saved())
        if model is not None:
            self.runs.add_run(model, self.saved_path)

    def _note_saved(self) -> str:
        """Where the worker saved this run's model (and remember it), as one sentence for the summary."""
        worker = self.worker
        self.saved_path = worker.saved_path if worker is not None else None
        return saved_text(self.saved_path, worker.save_error if worker is not None else "",
                          bag=self._config is not None and is_bag(self._config))

    def _drain_now(self) -> None:
        if self.worker is not None:
            self._receive(self.worker)
        if self._last_report is not None:
            self._show_progress(self._last_report)  # the labels are throttled: show the very last batch
        self.plots.fit_to_data()

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._train is not None and not self._train.is_running():
            self._train.wait(0)
            self._train = None
        self.worker = None
        self._end_run(None)

    def _settle_heap(self) -> None:
        if self.state == IDLE and not self._closing:  # not if a new run began meanwhile
            heap.settle()

    def _end_run(self, status: str | None) -> None:
        self._pause_poll.stop()
        self._settle.start()
        if self.progress_bar.maximum() == 0:
            self.progress_bar.setRange(0, 1000)
        if status:
            self.set_status(status)
        self._set_state(IDLE)

    def _publish_model(self, model) -> None:
        if self._closing:
            return
        self.last_model = model
        self.reviews.set_model(model)
        if not is_bag(model):  # the Explore page steps through an RNN; the summary says why not the bag
            self.modelChanged.emit(model)


def _default_loader(config: TrainConfig, imdb_path, progress, cancel) -> Dataset:
    return load_dataset(config, imdb_path, progress=progress, cancel=cancel, tokenise_in_child=True)


def _dataset_key(config: TrainConfig, path: Path | None) -> tuple:
    """What the loaded dataset depends on: reuse it when none of this changed."""
    if config.dataset == "imdb":
        return ("imdb", str(path), config.num_words, config.maxlen)
    return (config.dataset, config.maxlen, config.seed)
