"""The review picker: test reviews with their true label and the trained model's prediction and confidence.

Predictions for the whole test set (25,000 x 500 steps for IMDb) are computed on a worker thread with
``rnnviz.core.predict_logits``; the table fills in when they arrive. Filtering and sorting work on
index arrays (numpy), so they stay quick with 25,000 rows. Double-click or "Show in graph" emits
``reviewChosen(text, true_label)``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QStyle, QStyleOptionViewItem, QTableView, QVBoxLayout,
                               QWidget)

from rnnviz.core import bag_predict_logits, predict_proba
from rnnviz.data import PAD_ID, START_ID, Dataset

from rnnviz.explorer.numbers import format_number

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..jobs import BackgroundJob, JobRunner
from .model_kind import NO_GRAPH_REVIEW, is_bag

PREDICT_CHUNK = 1000  # sequences per call, so a cancel or a newer model is noticed quickly
EXCERPT_CHARS = 160
SHOW_FILTERS = (QT_TRANSLATE_NOOP("Reviews", "All reviews"), QT_TRANSLATE_NOOP("Reviews", "Positive"),
                QT_TRANSLATE_NOOP("Reviews", "Negative"), QT_TRANSLATE_NOOP("Reviews", "Predicted right"),
                QT_TRANSLATE_NOOP("Reviews", "Predicted wrong"))
WRONG_BRUSH = QBrush(QColor(255, 228, 228))


class ReviewTable(QAbstractTableModel):
    """Rows = a filtered, sorted selection of test reviews (``self.rows`` holds their dataset indices)."""

    COLUMNS = ("#", QT_TRANSLATE_NOOP("Reviews", "True label"), QT_TRANSLATE_NOOP("Reviews", "Stars"),
               QT_TRANSLATE_NOOP("Reviews", "Prediction"), QT_TRANSLATE_NOOP("Reviews", "Confidence"),
               QT_TRANSLATE_NOOP("Reviews", "Review"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.texts: list[str] = []
        self.lowered: list[str] = []
        self.labels = np.zeros(0, dtype=np.int64)
        self.ratings: np.ndarray | None = None
        self.prob: np.ndarray | None = None   # P(positive) per review, None until predicted
        self.rows = np.zeros(0, dtype=np.int64)

    def set_reviews(self, texts: list[str], labels: np.ndarray, ratings: np.ndarray | None,
                    lowered: list[str] | None = None) -> None:
        self.beginResetModel()
        self.texts = texts
        self.lowered = lowered if lowered is not None else [t.lower() for t in texts]
        self.labels = np.asarray(labels).astype(np.int64)
        self.ratings = None if ratings is None else np.asarray(ratings)
        self.prob = None
        self.rows = np.arange(len(texts))
        self.endResetModel()

    def set_probabilities(self, prob: np.ndarray | None) -> None:
        self.prob = prob
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 3), self.index(self.rowCount() - 1, len(self.COLUMNS) - 1))

    def set_rows(self, rows: np.ndarray) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("Reviews", self.COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        i = int(self.rows[index.row()])
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(i, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == 5:
            return self.texts[i][:800]
        if role == Qt.ItemDataRole.BackgroundRole and self.prob is not None and not self.is_correct(i):
            return WRONG_BRUSH
        return None

    def _display(self, i: int, col: int):
        if col == 0:
            return str(i)
        if col == 1:
            return _label_name(self.labels[i])
        if col == 2:
            return "" if self.ratings is None else str(int(self.ratings[i]))
        if col in (3, 4) and self.prob is None:
            return "…"
        if col == 3:
            return f"{_label_name(int(self.prob[i] >= 0.5))} (ŷ = {format_number(self.prob[i])})"
        if col == 4:
            return f"{100 * max(self.prob[i], 1 - self.prob[i]):.1f}%"
        text = self.texts[i]
        return text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else "")

    def widest_texts(self, column: int) -> list[str]:
        """Candidate texts of `column` (not the review): the widest it can show for these reviews is one."""
        if column == 0:
            return [str(max(len(self.texts) - 1, 0))]
        if column == 1:
            return [_label_name(0), _label_name(1)]
        if column == 2:
            return ["" if self.ratings is None else "10"]
        if column == 3:
            if self.prob is None or len(self.prob) == 0:
                return ["…"]
            # a probability prints as 0.dddd, or in scientific notation, the longer the smaller it is (e-05,
            # e-300): the smallest, the largest (nan if there is one) and a plain one cover every width
            extremes = (0.5, float(np.min(self.prob)), float(np.max(self.prob)))
            return [f"{_label_name(label)} (ŷ = {format_number(p)})" for label in (0, 1) for p in extremes]
        return ["…", "100.0%"]

    def is_correct(self, i: int) -> bool:
        return self.prob is not None and int(self.prob[i] >= 0.5) == int(self.labels[i])

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        keys = self.sort_keys(column)
        if keys is None:
            return
        idx = np.argsort(keys[self.rows], kind="stable")
        if order == Qt.SortOrder.DescendingOrder:
            idx = idx[::-1]
        self.set_rows(self.rows[idx])

    def sort_keys(self, column: int) -> np.ndarray | None:
        n = len(self.texts)
        if column == 0:
            return np.arange(n)
        if column == 1:
            return self.labels
        if column == 2:
            return self.ratings
        if column in (3, 4):
            if self.prob is None:
                return None
            return self.prob if column == 3 else np.maximum(self.prob, 1 - self.prob)
        return np.array([len(t) for t in self.texts])  # the review column sorts by length


class ReviewPicker(QWidget):
    """Filterable table of test reviews; ``reviewChosen(text, label)`` loads one into the graph."""

    reviewChosen = Signal(str, int)
    predictionsReady = Signal()

    def __init__(self, parent=None, jobs: JobRunner | None = None):
        super().__init__(parent)
        self.jobs = jobs or JobRunner(self)
        self.dataset: Dataset | None = None
        self.model = None
        self._generation = 0
        self._job: BackgroundJob | None = None

        self.table = ReviewTable(self)
        self.view = QTableView()
        self.view.setObjectName("review_table")
        self.view.setModel(self.table)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        # Widths from the widest text each column can hold (``_fit_columns``), not ResizeToContents: that
        # asked the model for up to 1,000 rows' texts every time the predictions, the filter or the order
        # changed, 17-29 ms of the GUI thread at the end of each run (bench.ui), more with IMDb's 25,000
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._on_double_click)

        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Reviews", "Filter: words in the review…"))
        self.search.setClearButtonEnabled(True)
        self.show_combo = QComboBox()
        self.show_combo.addItems([translate("Reviews", text) for text in SHOW_FILTERS])
        self.count_label = QLabel()
        self.load_button = QPushButton(translate("Reviews", "Show in graph"))
        self.load_button.setToolTip(translate("Reviews", "Trace the selected review in the graph, 'pre' padded to the "
                                              "training length as this table scores it (double-click works too)"))
        self.load_button.clicked.connect(self.load_selected)
        self._load_tip = self.load_button.toolTip()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.show_combo.currentIndexChanged.connect(self.apply_filter)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_combo)
        bar.addWidget(self.load_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self._update_count()
        self._fit_columns()

    # ------------------------------------------------------------------ data
    def set_dataset(self, dataset: Dataset | None, texts: "ReviewTexts | None" = None) -> None:
        """Show this dataset's test reviews (predictions are cleared until a model is set).

        texts: ``prepare_texts(dataset)``, computed off the GUI thread for a large dataset (decoding
        25,000 Keras reviews takes seconds); computed here when not given.
        """
        self.dataset = dataset
        self._generation += 1
        if dataset is None:
            self.table.set_reviews([], np.zeros(0), None)
        else:
            texts = texts or prepare_texts(dataset)
            self.table.set_reviews(texts.texts, dataset.y_test, dataset.test_ratings, texts.lowered)
        self.table.prob = None
        self._fit_columns()
        self.apply_filter()
        if self.model is not None:
            self._predict()

    def set_model(self, model) -> None:
        """Predict every test review with `model` on a worker thread; the table updates when done.

        The ordinary network's predictions are shown too, but not traced in the graph: it has no steps."""
        self.model = model
        bag = model is not None and is_bag(model)
        self.load_button.setEnabled(not bag)
        self.load_button.setToolTip(translate("ModelKind", NO_GRAPH_REVIEW) if bag else self._load_tip)
        self._show_probabilities(None)  # the previous model's predictions are not this one's
        self._predict()

    def _predict(self) -> None:
        self._generation += 1
        if self._job is not None:
            self._job.cancel()
        ds, model = self.dataset, self.model
        if ds is None or model is None or not _fits(model, ds):
            self._show_probabilities(None)
            self._update_count()
            return
        generation = self._generation
        x = ds.x_test
        # float64, as the Explore page traces: one scoring path, so the table's P(positive) for a
        # review and Explore's y_hat for it (traced 'pre' padded, like x_test) print the same digits.
        params = {k: np.asarray(v, dtype=np.float64) for k, v in model.params.items()}
        activation, cell, bag = model.activation, model.cell, is_bag(model)

        def work(progress, cancel):
            proba = np.empty(len(x), dtype=np.float64)
            for start in range(0, len(x), PREDICT_CHUNK):
                if cancel.is_set():
                    return None
                chunk = x[start:start + PREDICT_CHUNK]
                proba[start:start + PREDICT_CHUNK] = (
                    expit(bag_predict_logits(params, chunk, activation, 250)) if bag
                    else predict_proba(params, chunk, activation, 250, cell))
                progress(min(start + PREDICT_CHUNK, len(x)), len(x))
            return generation, proba

        job = BackgroundJob(work, translate("Reviews", "Predicting the test reviews"))
        job.succeeded.connect(self._on_predicted)
        job.progressed.connect(self._on_progress)
        job.failed.connect(self._on_failed)
        self._job = job
        self.count_label.setText(translate("Reviews", "Predicting the test reviews…"))
        self.jobs.start(job, "rnnviz-predict")

    @Slot(object)
    def _on_progress(self, values: tuple) -> None:
        done, total = values
        self.count_label.setText(translate("Reviews", "Predicting the test reviews… {0} of {1}").format(
            f"{done:,}", f"{total:,}"))

    @Slot(object)
    def _on_predicted(self, result) -> None:
        if result is None or result[0] != self._generation:
            return  # a newer model or dataset arrived meanwhile
        self._job = None
        self._show_probabilities(result[1])
        self.apply_filter()
        self.predictionsReady.emit()

    @Slot(str, bool)
    def _on_failed(self, message: str, cancelled: bool) -> None:
        if not cancelled:
            self._job = None
            self.count_label.setText(message)

    def _show_probabilities(self, prob: np.ndarray | None) -> None:
        self.table.set_probabilities(prob)
        self._fit_columns()  # the prediction column as wide as these predictions need

    def _fit_columns(self) -> None:
        """Each column but the review as wide as its title or the widest text it can show for this dataset."""
        header = self.view.horizontalHeader()
        for column in range(len(ReviewTable.COLUMNS) - 1):
            widest = max((self._cell_width(text) for text in self.table.widest_texts(column)), default=0)
            header.resizeSection(column, max(header.sectionSizeHint(column), widest))

    def _cell_width(self, text: str) -> int:
        """The width a cell showing `text` needs: the item delegate's own size hint (what ResizeToContents
        reads), plus the grid line (as QTableView adds)."""
        view = self.view
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.font, option.fontMetrics = view.font(), view.fontMetrics()
        option.text = text
        option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
        size = view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), view)
        return size.width() + (1 if view.showGrid() else 0)

    # ------------------------------------------------------------------ filter and pick
    def apply_filter(self) -> None:
        t = self.table
        n = len(t.texts)
        keep = np.ones(n, dtype=bool)
        choice = self.show_combo.currentIndex()
        if choice == 1:
            keep &= t.labels == 1
        elif choice == 2:
            keep &= t.labels == 0
        elif choice in (3, 4) and t.prob is not None:
            right = (t.prob >= 0.5).astype(np.int64) == t.labels
            keep &= right if choice == 3 else ~right
        needle = self.search.text().strip().lower()
        if needle:
            keep &= np.fromiter((needle in s for s in t.lowered), dtype=bool, count=n)
        t.set_rows(np.flatnonzero(keep))
        header = self.view.horizontalHeader()
        t.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())  # keep the user's sort order
        self._update_count()

    def _update_count(self) -> None:
        shown, total = len(self.table.rows), len(self.table.texts)
        text = translate("Reviews", "{0} of {1} test reviews").format(f"{shown:,}", f"{total:,}")
        if self.table.prob is not None and total:
            acc = np.mean((self.table.prob >= 0.5).astype(np.int64) == self.table.labels)
            text += " · " + translate("Reviews", "model accuracy on all {0}: {1}%").format(f"{total:,}", f"{100 * acc:.1f}")
        elif total and self.model is None:
            text += " · " + translate("Reviews", "train or load a model to see its predictions")
        elif total and self.dataset is not None and not _fits(self.model, self.dataset):
            text += " · " + translate("Reviews", "the chosen model was trained on other data ({0}, T = {1}): train "
                                      "once on its data to review it here").format(
                self.model.config.dataset, self.model.maxlen)
        if self.model is not None and is_bag(self.model):
            text += " · " + translate("Reviews", "ordinary network: predictions only, no trace in the graph")
        self.count_label.setText(text)

    def selected_index(self) -> int | None:
        """Dataset index of the selected review, or None."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.table.rows[rows[0].row()])

    def choose(self, dataset_index: int) -> None:
        """Emit reviewChosen for the review at `dataset_index` of the test set (not for the ordinary
        network: the graph would trace another model's steps beside its prediction)."""
        if self.model is not None and is_bag(self.model):
            self.count_label.setText(translate("ModelKind", NO_GRAPH_REVIEW))
            return
        t = self.table
        self.reviewChosen.emit(t.texts[dataset_index], int(t.labels[dataset_index]))

    def load_selected(self) -> None:
        i = self.selected_index()
        if i is not None:
            self.choose(i)

    def _on_double_click(self, index) -> None:
        self.choose(int(self.table.rows[index.row()]))


@dataclass(frozen=True)
class ReviewTexts:
    texts: list[str]     # what the table shows and reviewChosen sends
    lowered: list[str]   # for the case-insensitive filter


def prepare_texts(dataset: Dataset) -> ReviewTexts:
    """The picker's texts for `dataset` (slow for big datasets: call it on a worker thread)."""
    texts = review_texts(dataset)
    return ReviewTexts(texts, [t.lower() for t in texts])


def review_texts(dataset: Dataset) -> list[str]:
    """The raw test texts, or the decoded token ids when the source has none (Keras npz)."""
    if dataset.test_texts is not None:
        return list(dataset.test_texts)
    vocab = dataset.vocab
    return [" ".join(vocab.decode([int(i) for i in row if i not in (PAD_ID, START_ID)])) for row in dataset.x_test]


def _fits(model, dataset: Dataset) -> bool:
    """A model can score a dataset if its embedding covers the ids and its maxlen matches."""
    return model.vocab_size >= len(dataset.vocab) and model.maxlen == dataset.maxlen


def _label_name(label) -> str:
    return translate("Reviews", "positive") if int(label) == 1 else translate("Reviews", "negative")


