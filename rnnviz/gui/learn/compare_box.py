"""The ordinary network beside the RNN: both outputs on the sentence and on its shuffled words."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton

from rnnviz.explorer.compare import OrderComparison


class CompareBox(QGroupBox):
    """show_comparison(OrderComparison) fills the table; shuffleRequested() asks for another order."""

    shuffleRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Ordinary network vs RNN: P(positive)"))
        grid = QGridLayout(self)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.shuffled = QLabel()
        self.shuffled.setWordWrap(True)
        for label in (self.sentence, self.shuffled):
            label.setTextFormat(Qt.TextFormat.RichText)
        self.cells = {}
        grid.addWidget(QLabel("<b>" + self.tr("as written") + "</b>"), 0, 1)
        grid.addWidget(QLabel("<b>" + self.tr("shuffled") + "</b>"), 0, 2)
        grid.addWidget(QLabel(self.tr("words")), 1, 0)
        grid.addWidget(self.sentence, 1, 1)
        grid.addWidget(self.shuffled, 1, 2)
        for row, (key, name) in enumerate((("rnn", self.tr("RNN")), ("bag", self.tr("ordinary network"))), start=2):
            grid.addWidget(QLabel(name), row, 0)
            for col, suffix in ((1, ""), (2, "_shuffled")):
                cell = QLabel()
                cell.setObjectName(f"compare_{key}{suffix}")
                grid.addWidget(cell, row, col)
                self.cells[key + suffix] = cell
        self.note = QLabel()
        self.note.setWordWrap(True)
        grid.addWidget(self.note, 4, 0, 1, 3)
        self.button = QPushButton(self.tr("Shuffle words"))
        self.button.setObjectName("shuffle_words")
        grid.addWidget(self.button, 5, 0, 1, 3)
        self.button.clicked.connect(self.shuffleRequested)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

    def show_waiting(self, text: str) -> None:
        for cell in self.cells.values():
            cell.setText("…")
        self.note.setText(text)

    def show_comparison(self, cmp: OrderComparison, shuffled: bool = True) -> None:
        """Both networks on the sentence; on the shuffled words too once the learner has shuffled."""
        self.sentence.setText(escape(" ".join(cmp.labels[1:])))
        self.cells["rnn"].setText(f"{cmp.rnn:.6f}")
        self.cells["bag"].setText(f"{cmp.bag:.6f}")
        if not shuffled:
            self.shuffled.setText("<i>" + self.tr("press Shuffle words") + "</i>")
            for key in ("rnn_shuffled", "bag_shuffled"):
                self.cells[key].setText("?")
            self.note.setText(self.tr("Predict first: which of the two will change?"))
            return
        self.shuffled.setText(escape(" ".join(cmp.shuffled_labels[1:])))
        self.cells["rnn_shuffled"].setText(f"{cmp.rnn_shuffled:.6f}")
        self.cells["bag_shuffled"].setText(f"{cmp.bag_shuffled:.6f}")
        same = cmp.bag_o == cmp.bag_o_shuffled
        verdict = (self.tr("exactly equal, every digit") if same
                   else self.tr("{0} shuffled").format(f"{cmp.bag_o_shuffled:.17g}"))
        self.note.setText(self.tr("Ordinary network: o = {0}, {1}. RNN: {2} → {3}.").format(
            f"{cmp.bag_o:.17g}", verdict, f"{cmp.rnn:.4f}", f"{cmp.rnn_shuffled:.4f}"))
