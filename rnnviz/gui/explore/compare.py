"""Compare cells: one sentence through an RNN, an LSTM and a GRU, their ||dL/ds_t|| on one log plot.

A window of its own (View > Compare cells, Ctrl+K, or the button on the Explore page). Every number
comes from ``rnnviz.explorer.compare_cells`` (the core's traces); training the three cells on the
long-range memory task runs as one ``BackgroundJob`` with progress, and the GUI thread only draws.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from rnnviz.explorer import MAX_SEQ_LEN
from rnnviz.explorer.compare_cells import DEFAULT_LENGTH, RaceSettings, gates_text, verdict
from rnnviz.explorer.numbers import format_number

from ..i18n import QT_TRANSLATE_NOOP, plural, translate
from ..jobs import BackgroundJob, JobRunner

CELL_PENS = {"rnn": ("#1f77b4", "RNN ‖dL/ds_t‖"), "lstm": ("#d62728", "LSTM ‖dL/ds_t‖"),
             "gru": ("#2ca02c", "GRU ‖dL/ds_t‖")}
#: The memory task's first words as the model reads them: its tokens, the same in every language.
FIRST_WORDS = ("yes (y = 1)", "no (y = 0)")
CELL_STATE_PEN = ("#ff7f0e", QT_TRANSLATE_NOOP("CompareCells", "LSTM ‖dL/dC_t‖ (cell state)"))
INTRO = QT_TRANSLATE_NOOP("CompareCells", "<b>Why gates?</b> The memory task: the label is the first word "
                          "(<i>yes</i> = 1, <i>no</i> = 0), every later word is noise, so the loss at t = T must send "
                          "its gradient back T &minus; 1 steps. The plot shows, on the same sentence of the same "
                          "length, how much of the gradient each cell carries back to each step. Train the three on "
                          "the task and compare again. The gated cells start with chrono gates (Tallec &amp; Ollivier "
                          "2018); switch <i>Gates</i> to Keras' forget bias 1 to see the LSTM fail too.")


GATE_CHOICES = ((QT_TRANSLATE_NOOP("CompareCells", "Chrono (Tallec & Ollivier 2018)"), "chrono"),
                (QT_TRANSLATE_NOOP("CompareCells", "Keras (forget bias 1)"), "keras"))


def _positive(values: np.ndarray) -> np.ndarray:
    """A log plot cannot draw 0 or inf: those points become gaps (NaN), not a false value."""
    v = np.asarray(values, dtype=np.float64)
    return np.where(np.isfinite(v) & (v > 0), v, np.nan)


class CompareCellsView(QWidget):
    """The plot, the sentence's controls, the training button with its progress, and the results.

    Signals: exploreRequested(ModelSpec, text, label): step through one of the three on the Explore page.
    """

    exploreRequested = Signal(object, str, int)

    def __init__(self, runner: JobRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.models = None          # CellModels: untrained until the training job hands trained ones
        self.comparison = None      # the CellComparison drawn
        self._refresh_pending = False
        self.race_settings = RaceSettings()  # how the three are trained (the length comes from the box)
        self._job: BackgroundJob | None = None
        intro = QLabel(translate("CompareCells", INTRO))
        intro.setWordWrap(True)
        self.length_spin = QSpinBox()
        self.length_spin.setRange(2, MAX_SEQ_LEN)
        self.length_spin.setValue(DEFAULT_LENGTH)
        self.length_spin.setToolTip(translate("CompareCells", "T: the length of the sentence (and of the training "
                                              "sequences), 2 to {0}").format(MAX_SEQ_LEN))
        self.label_combo = QComboBox()
        self.label_combo.addItems(list(FIRST_WORDS))
        self.label_combo.setToolTip(translate("CompareCells", "The sentence's first word, which is its label"))
        self.gates_combo = QComboBox()
        for text, gate_init in GATE_CHOICES:
            self.gates_combo.addItem(translate("CompareCells", text), gate_init)
        self.gates_combo.setToolTip(translate(
            "CompareCells", "How the LSTM's and GRU's gate biases start (the RNN has no gates).\nChrono: Tallec & "
            "Ollivier (2018), \"Can recurrent neural networks warp time?\": forget-gate biases b_f = log(u), u drawn "
            "from 1 .. T − 1, so some units keep their memory for up to T steps.\nKeras (forget bias 1): f ≈ σ(1) = "
            "0.73, so the cell state keeps 73% per step and its gradient shrinks like 0.73^(T−t): the LSTM does not "
            "learn this task at T ≥ 100."))
        self.train_button = QPushButton(translate("CompareCells", "Train the three on the memory task"))
        self.train_button.setToolTip(translate("CompareCells", "Train an RNN, an LSTM and a GRU (H = 16, Adam) on "
                                               "sequences of length T; takes seconds once the kernels are compiled"))
        self.cancel_button = QPushButton(translate("CompareCells", "Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.status = QLabel(translate("CompareCells", "Computing the three traces…"))
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        for w in (QLabel(translate("CompareCells", "Length T")), self.length_spin,
                  QLabel(translate("CompareCells", "First word")), self.label_combo,
                  QLabel(translate("CompareCells", "Gates")), self.gates_combo, self.train_button,
                  self.cancel_button):
            row.addWidget(w)
        row.addWidget(self.progress, 1)
        # antialiased per curve: pg.setConfigOptions(antialias=True) would also antialias the live
        # training plots built later, whose redraws then cost the trainer more
        self.plot = pg.PlotWidget(background="w")
        self.plot.setLogMode(x=False, y=True)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("bottom", translate("CompareCells", "time step t"))
        self.plot.setLabel("left", translate("CompareCells", "gradient norm (log scale)"))
        self.plot.addLegend(offset=(-10, -10), labelTextColor="#2e3440", brush=pg.mkBrush(255, 255, 255, 150))
        self.curves = {cell: self.plot.plot([], [], pen=pg.mkPen(colour, width=2), name=name, antialias=True)
                       for cell, (colour, name) in CELL_PENS.items()}
        self.cell_state_curve = self.plot.plot([], [], pen=pg.mkPen(CELL_STATE_PEN[0], width=2,
                                                                    style=Qt.PenStyle.DashLine),
                                               name=translate("CompareCells", CELL_STATE_PEN[1]), antialias=True)
        self.results = QLabel("")
        self.results.setWordWrap(True)
        self.results.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence = QLabel("")
        self.sentence.setWordWrap(True)
        explore_row = QHBoxLayout()
        explore_row.addWidget(QLabel(translate("CompareCells", "Step through it on the Explore page:")))
        self.explore_buttons = {}
        for cell in CELL_PENS:
            button = QPushButton(translate("CompareCells", "Explore the {0}").format(cell.upper()))
            button.setToolTip(translate("CompareCells", "Show this {0} and this sentence in the unrolled graph and the "
                                        "BPTT panel").format(cell.upper()))
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, c=cell: self.explore(c))
            explore_row.addWidget(button)
            self.explore_buttons[cell] = button
        explore_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.sentence)
        layout.addWidget(self.results)
        layout.addLayout(explore_row)
        self.length_spin.editingFinished.connect(self.refresh)
        self.label_combo.currentIndexChanged.connect(self.refresh)
        self.gates_combo.currentIndexChanged.connect(self._on_gates)
        self.train_button.clicked.connect(self.train)
        self.cancel_button.clicked.connect(self.cancel)

    # --- the comparison (a short job: the first one compiles the gated kernels) -----------------
    @property
    def length(self) -> int:
        return int(self.length_spin.value())

    @property
    def label(self) -> int:
        return 1 if self.label_combo.currentIndex() == 0 else 0

    def refresh(self) -> None:
        """Trace the sentence of the chosen length through the current three models (off the GUI thread).

        Asked while a job runs, it runs when that job ends, so the plot always ends up showing the
        length and label the boxes show."""
        if self.busy():
            self._refresh_pending = True
            return
        self._refresh_pending = False
        models, length, label, settings = self.models, self.length, self.label, self.settings

        def compare(_progress, _cancel):
            from rnnviz.explorer.compare_cells import compare_cells, initial_models

            # Untrained models are rebuilt: their chrono gates depend on T (trained ones are kept).
            chosen = models if models is not None and models.trained else initial_models(settings)
            return chosen, compare_cells(chosen, length, label)

        self.status.setText(translate("CompareCells", "Tracing the sentence through the three cells…"))
        self._start(BackgroundJob(compare, translate("CompareCells", "Comparing the cells")), self._on_compared)

    @Slot(object)
    def _on_compared(self, result) -> None:
        self._job = None
        self.models, self.comparison = result
        if self.models.trained:  # training stops early at the target: the bar must not stay at 71 %
            self.progress.setValue(100)
        self._set_running(False)
        self.show_comparison(self.comparison)
        if self._refresh_pending or (self.comparison.T, self.comparison.label) != (self.length, self.label):
            self.refresh()

    def show_comparison(self, comparison) -> None:
        """Draw each cell's ||dL/ds_t|| (and the LSTM's ||dL/dC_t||) against t, with the numbers."""
        t = np.arange(1, comparison.T + 1)
        for cell, curve in self.curves.items():
            curve.setData(t, _positive(comparison.curves[cell].grad_s), connect="finite")
        self.cell_state_curve.setData(t, _positive(comparison.curves["lstm"].grad_C), connect="finite")
        self.plot.enableAutoRange()
        words = comparison.words
        shown = " ".join(words[:12]) + (" … " + translate("CompareCells", "({0} tokens)").format(comparison.T)
                                        if comparison.T > 12 else "")
        self.sentence.setText(translate("CompareCells", "Sentence: {0} &middot; label y = {1}").format(
            f"<i>{shown}</i>", comparison.label))
        trained = self.models is not None and self.models.trained
        gates = gates_text(self.models.settings if self.models is not None else self.settings)
        state = (translate("CompareCells", "The three cells after training on the memory task at T = {0}").format(
                     self.models.settings.seq_len) if trained
                 else translate("CompareCells", "The three cells untrained (as initialised)")) + f", {gates}"
        lines = [translate("CompareCells", "{0}, on this sentence:").format(f"<b>{state}</b>")]
        for cell in CELL_PENS:
            c = comparison.curves[cell]
            line = (f"{cell.upper()}: ŷ = {format_number(c.y_hat)}, L = {format_number(c.loss)}, "
                    f"‖dL/ds_1‖ / ‖dL/ds_T‖ = {format_number(comparison.ratio(cell))}")
            result = self.models.results.get(cell) if trained else None
            if result is not None:
                epochs = result.epochs  # a plain name for the plural form (lupdate)
                line += " &middot; " + plural(self.tr("test accuracy {0} after %n epoch(s) ({1} s)", "", epochs),
                                              epochs).format(
                    f"{result.test_accuracy:.1%}", f"{result.seconds:.1f}")
            lines.append(line)
        if trained:
            lines.append("<b>" + translate("CompareCells", "Measured on {0} test sequences at T = {1}: {2}.").format(
                self.models.settings.n_test, self.models.settings.seq_len, verdict(self.models)) + "</b>")
        self.results.setText("<br>".join(lines))
        self.status.setText(translate("CompareCells", "The ratio says how much of the gradient at the last step is "
                                      "left at the first word: the one the label depends on."))

    @property
    def settings(self) -> RaceSettings:
        """The race settings with the boxes' length and gate initialisation."""
        return replace(self.race_settings, seq_len=self.length, gate_init=self.gates_combo.currentData())

    def _on_gates(self) -> None:
        """Other gates make new (untrained) models: the old ones were trained from another start."""
        if self.models is not None and self.models.settings.gate_init != self.settings.gate_init:
            self.models = None
            self.refresh()

    def explore(self, cell: str) -> None:
        """Ask for `cell`'s model on the Explore page with the compared sentence and label."""
        from rnnviz.explorer.compare_cells import explore_spec, explore_text

        if self.comparison is not None and self.models is not None:
            self.exploreRequested.emit(explore_spec(self.models, cell), explore_text(self.comparison),
                                       self.comparison.label)

    # --- training (one job, with progress) -----------------------------------------------------
    def train(self) -> None:
        if self.busy():
            return
        settings = self.settings
        length, label = self.length, self.label

        def train(progress, cancel):
            from rnnviz.explorer.compare_cells import compare_cells, train_cells

            models = train_cells(settings, progress, cancel)
            return models, compare_cells(models, length, label)

        self.progress.setValue(0)
        self.status.setText(translate("CompareCells", "Training on the memory task at T = {0} (the first run compiles "
                                      "the kernels)…").format(length))
        self._start(BackgroundJob(train, translate("CompareCells", "Training on the memory task")), self._on_compared)
        if self._job is not None:
            self._job.progressed.connect(self._on_progress)

    @Slot(object)
    def _on_progress(self, values: tuple) -> None:
        cell, epoch, epochs, held_out = values
        from rnnviz.core.cells import CELLS

        done = CELLS.index(cell) * epochs + epoch
        self.progress.setValue(int(100 * done / (len(CELLS) * epochs)))
        self.status.setText(translate("CompareCells", "Training the {0}: epoch {1}, held-out accuracy {2}").format(
            cell.upper(), epoch, f"{held_out:.1%}"))

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    # --- job plumbing --------------------------------------------------------------------------
    def busy(self) -> bool:
        return self._job is not None

    def _start(self, job: BackgroundJob, on_done) -> None:
        self._job = job
        job.succeeded.connect(on_done)
        job.failed.connect(self._on_failed)
        self._set_running(True)
        if self.runner.start(job, "rnnviz-compare-cells") is None:  # the window is closing
            self._job = None
            self._set_running(False)

    @Slot(str, bool)
    def _on_failed(self, message: str, _cancelled: bool) -> None:
        self._job = None
        self._set_running(False)
        self.status.setText(message)
        if self._refresh_pending:
            self.refresh()

    def _set_running(self, running: bool) -> None:
        for w in (self.train_button, self.length_spin, self.label_combo, self.gates_combo):
            w.setEnabled(not running)
        for button in self.explore_buttons.values():
            button.setEnabled(not running and self.comparison is not None)
        self.cancel_button.setEnabled(running)


class CompareCellsDialog(QDialog):
    """The Compare cells view in a window of its own beside the main one (not modal)."""

    def __init__(self, runner: JobRunner, parent=None):
        super().__init__(parent)
        self.setWindowTitle("rnnviz — " + translate("CompareCells", "Compare cells: RNN, LSTM, GRU"))
        self.view = CompareCellsView(runner, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        self.resize(1000, 640)

    def showEvent(self, event):  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self.view.comparison is None and not self.view.busy():
            self.view.refresh()
