"""The Runs tab: every run saved in the models folder and every run of this session, side by side.

One row per run: the model kind (RNN with its cell, or the ordinary network), the data, the test
accuracy, the best validation accuracy and its epoch, how long it trained and the file. The saved
files are read on a worker thread (``rnnviz.train.checkpoint.load_model``: no pickle; a damaged file
becomes a row that says so). A row's model can be reviewed on the Test reviews tab; "Explore this
model" is offered for RNNs only: the ordinary network has no steps to step through, and the tab says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..jobs import BackgroundJob, JobRunner
from .model_kind import is_bag, kind_name

MAX_FILES = 200  # the newest saved runs listed; older ones stay on disk, untouched
COLUMNS = (QT_TRANSLATE_NOOP("Runs", "Model"), QT_TRANSLATE_NOOP("Runs", "Data"),
           QT_TRANSLATE_NOOP("Runs", "Test accuracy"), QT_TRANSLATE_NOOP("Runs", "Best validation (epoch)"),
           QT_TRANSLATE_NOOP("Runs", "Epochs"), QT_TRANSLATE_NOOP("Runs", "Training time"),
           QT_TRANSLATE_NOOP("Runs", "File"))


@dataclass(frozen=True)
class RunRecord:
    """One run: its TrainedModel (None when its file could not be read), its file, and why not (error)."""

    model: object | None
    path: Path | None
    error: str = ""

    @property
    def history(self) -> dict:
        return getattr(self.model, "history", {}) or {}

    def cells(self) -> list[str]:
        """The row's texts, in COLUMNS order."""
        name = self.path.name if self.path is not None else translate("Runs", "(not saved)")
        if self.model is None:
            return [translate("Runs", "unreadable"), "", "", "", "", "", name]
        h, config = self.history, self.model.config
        test = h.get("test_accuracy")
        best, epoch = h.get("best_val_accuracy"), h.get("best_epoch")
        seconds = h.get("seconds")
        return [kind_name(config), f"{config.dataset} (T = {config.maxlen})",
                "–" if test is None else f"{test:.4f}",
                "–" if best is None else f"{best:.4f} ({epoch})",
                str(len(h.get("epoch", []))), "–" if seconds is None else f"{seconds:.1f} s", name]


def read_saved_runs(folder: Path, limit: int = MAX_FILES, cancel=None) -> list[RunRecord]:
    """The newest `limit` model files of `folder` as records, newest first (worker thread)."""
    from rnnviz.train.checkpoint import CheckpointError, load_model

    try:
        files = sorted(folder.glob("*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)[:limit]
    except OSError:
        return []
    records = []
    for path in files:
        if cancel is not None and cancel.is_set():
            break
        try:
            records.append(RunRecord(load_model(path), path))
        except (CheckpointError, OSError) as exc:
            records.append(RunRecord(None, path, str(exc)))
    return records


class RunList(QWidget):
    """The table of runs and its two actions. ``reviewRequested(model)``: show the model's predictions
    on the Test reviews tab; ``exploreRequested(model)``: an RNN for the Explore page (never the bag)."""

    reviewRequested = Signal(object)
    exploreRequested = Signal(object)
    loaded = Signal()  # after the saved runs were read

    def __init__(self, parent=None, jobs: JobRunner | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.jobs = jobs or JobRunner(self)
        self._folder = folder
        self.records: list[RunRecord] = []
        self._job: BackgroundJob | None = None
        self.loaded_data: tuple[str, int, int] | None = None  # (dataset, maxlen, vocabulary size) loaded to train
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("run_table")
        self.table.setHorizontalHeaderLabels([translate("Runs", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.review_button = QPushButton(translate("Runs", "Review its test predictions"))
        self.review_button.setObjectName("review_run_button")
        self.review_button.setToolTip(translate("Runs", "Show the selected run's prediction for every test review "
                                                "on the Test reviews tab (its data must be the data loaded now)"))
        self.review_button.clicked.connect(self._review)
        self.explore_button = QPushButton(translate("Runs", "Explore this model"))
        self.explore_button.setObjectName("explore_run_button")
        self.explore_button.clicked.connect(self._explore)
        self.refresh_button = QPushButton(translate("Runs", "Refresh"))
        self.refresh_button.setToolTip(translate("Runs", "Read the models folder again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.note = QLabel()
        self.note.setObjectName("run_note")
        self.note.setWordWrap(True)
        intro = QLabel(translate("Runs", "Every saved run, newest first: the window saves each run it trains, and "
                                 "`main.py train` saves its runs here too. Compare the ordinary network's test "
                                 "accuracy with the RNNs' on the same data."))
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.review_button, self.explore_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self._update_actions()

    def folder(self) -> Path:
        if self._folder is not None:
            return self._folder
        from rnnviz.train.paths import models_folder

        return models_folder()

    # ------------------------------------------------------------------ rows
    def refresh(self) -> None:
        """Read the models folder again on a worker thread (a job already reading it is cancelled)."""
        if self._job is not None:
            self._job.cancel()
        folder = self.folder()
        job = BackgroundJob(lambda progress, cancel: read_saved_runs(folder, cancel=cancel),
                            translate("Runs", "Reading the saved runs"))
        job.succeeded.connect(self._on_read)
        job.failed.connect(self._on_failed)
        self._job = job
        self.note.setText(translate("Runs", "Reading the saved runs…"))
        self.jobs.start(job, "rnnviz-runs")

    @Slot(object)
    def _on_read(self, records: list[RunRecord]) -> None:
        if self.sender() is not self._job:
            return
        self._job = None
        saved = {r.path for r in records}
        # this session's runs that are not in the folder (not saved, or saved elsewhere) stay listed
        unsaved = [r for r in self.records if r.path is None or r.path not in saved]
        self.note.setText("")
        self._set_records(unsaved + records)  # says what the selected row is, if it needs saying
        self.loaded.emit()

    @Slot(str, bool)
    def _on_failed(self, message: str, cancelled: bool) -> None:
        if not cancelled and self.sender() is self._job:
            self._job = None
            self.note.setText(message)

    def add_run(self, model, path: Path | None) -> None:
        """A run of this session, on top (its file, when saved, replaces the row read from the folder)."""
        rest = [r for r in self.records if path is None or r.path != path]
        self._set_records([RunRecord(model, path)] + rest)
        self.table.selectRow(0)

    def _set_records(self, records: list[RunRecord]) -> None:
        self.records = records
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            for col, text in enumerate(record.cells()):
                item = QTableWidgetItem(text)
                if col in (2, 3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                tip = record.error or (str(record.path) if record.path is not None else "")
                if tip:
                    item.setToolTip(tip)
                self.table.setItem(row, col, item)
        self._update_actions()

    def selected(self) -> RunRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows and rows[0].row() < len(self.records) else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    # ------------------------------------------------------------------ actions
    def _update_actions(self) -> None:
        record = self.selected()
        model = record.model if record is not None else None
        problem = self.review_problem(model) if model is not None else ""
        self.review_button.setEnabled(model is not None and not problem)
        bag = model is not None and is_bag(model)
        self.explore_button.setEnabled(model is not None and not bag)
        if bag:
            self.explore_button.setToolTip(translate("Runs", "Not for the ordinary network: the Explore page steps "
                                                     "through an RNN's time steps, and it has none (it averages "
                                                     "the words)."))
            self.note.setText(translate("Runs", "The selected run is an ordinary network: it is not opened on the "
                                        "Explore page, which steps through an RNN's time steps, and it has none (it "
                                        "averages the words). Review its test predictions instead.")
                              + (" " + problem if problem else ""))
        else:
            self.explore_button.setToolTip(translate("Runs", "Show the selected RNN on the Explore page"))
            if record is not None and record.model is None:
                self.note.setText(translate("Runs", "This file could not be read: {0}").format(record.error))
            elif problem:
                self.note.setText(problem)
            elif self._job is None:
                # an empty table must say why: nothing trained yet, not a list that failed to load
                self.note.setText("" if self.records else translate(
                    "Runs", "No saved runs yet. Each run you train here (and each `main.py train` run) is saved "
                    "and listed here, newest first."))

    def set_loaded_data(self, dataset: str, maxlen: int, vocab_size: int) -> None:
        """The data the panel loaded for training: the test reviews a run's predictions can be shown on."""
        self.loaded_data = (dataset, int(maxlen), int(vocab_size))
        self._update_actions()

    def review_problem(self, model) -> str:
        """Why `model`'s test predictions cannot be shown with the data loaded now ("" when they can)."""
        config = model.config
        loaded = self.loaded_data
        if loaded is not None and loaded[0] == config.dataset and loaded[1] == model.maxlen \
                and model.vocab_size >= loaded[2]:
            return ""
        return translate("TrainingPanel", "To review it, train once on its data ({0}, T = {1}) in this window: "
                         "the test reviews are those of the data loaded for training.").format(
            config.dataset, config.maxlen)

    def _review(self) -> None:
        record = self.selected()
        if record is not None and record.model is not None:
            self.reviewRequested.emit(record.model)

    def _explore(self) -> None:
        record = self.selected()
        if record is not None and record.model is not None and not is_bag(record.model):
            self.exploreRequested.emit(record.model)
