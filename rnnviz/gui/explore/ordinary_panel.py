"""The Ordinary network panel: the bag network's graph of the Explore sentence and both networks' outputs.

Only widgets: ``show_side(...)`` fills the graph and the table from a ``rnnviz.explorer.ordinary.SideBySide``
(numbers of the core's traces), ``show_message(text)`` says in words why there is nothing to compare.
The buttons emit ``shuffleRequested`` / ``restoreRequested``; ``ordinary_follow.OrdinaryFollower``
turns them into explorer calls.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStackedWidget,
                               QVBoxLayout, QWidget)

from rnnviz.gui.graph.bag_view import BagGraphView


def _p(value: float) -> str:
    return f"{value:.6f}"


def _o(value: float) -> str:
    return f"{value:.17g}"  # every digit: equal here means bit for bit


class OrdinaryPanel(QWidget):
    """The ordinary network beside the RNN. Signals: shuffleRequested(), restoreRequested(), shown()."""

    shuffleRequested = Signal()
    restoreRequested = Signal()
    shown = Signal()  # the panel was opened: time to show the explorer's current state

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("ordinary_panel")
        self.view = BagGraphView()
        self.view.setToolTip(self.tr("The ordinary network (a bag of embeddings) on the Explore sentence: every "
                                     "word goes straight into the mean x̄; wheel to zoom, drag to pan"))
        self.message = QLabel()
        self.message.setObjectName("ordinary_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(12)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)
        self.cells: dict[str, QLabel] = {}
        table = QWidget()
        grid = QGridLayout(table)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(1)
        self.title = QLabel("<b>" + self.tr("P(positive)") + "</b>")
        self.title.setToolTip(self.tr("The ordinary network is a bag of embeddings: the mean of the word vectors → "
                                      "one dense layer → P(positive). It sees which words occur, never their order"))
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(QLabel("<b>" + self.tr("as written") + "</b>"), 0, 1)
        grid.addWidget(QLabel("<b>" + self.tr("shuffled") + "</b>"), 0, 2)
        self.row_names = {}
        rows = (("rnn", self.tr("RNN")), ("bag", self.tr("Ordinary network")), ("bag_o", self.tr("its logit o")))
        for row, (key, name) in enumerate(rows, start=1):
            label = QLabel(name)
            self.row_names[key] = label
            grid.addWidget(label, row, 0)
            for col, suffix in ((1, ""), (2, "_shuffled")):
                cell = QLabel("–")
                cell.setObjectName(f"ordinary_{key}{suffix}")
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(cell, row, col)
                self.cells[key + suffix] = cell
        self.shuffle_button = QPushButton(self.tr("Shuffle words"))
        self.shuffle_button.setObjectName("ordinary_shuffle")
        self.shuffle_button.setToolTip(self.tr("Put the Explore sentence's words in another order: the graph, the "
                                               "BPTT panel, the plots and this panel all show the shuffled sentence"))
        self.restore_button = QPushButton(self.tr("Restore order"))
        self.restore_button.setObjectName("ordinary_restore")
        self.restore_button.setToolTip(self.tr("Back to the sentence as written"))
        self.shuffle_button.clicked.connect(self.shuffleRequested)
        self.restore_button.clicked.connect(self.restoreRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.shuffle_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 4, 0, 1, 3)
        table.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.sentences = QLabel()
        self.verdict = QLabel()
        self.verdict.setObjectName("ordinary_verdict")
        words = QWidget()
        words_layout = QVBoxLayout(words)
        words_layout.setContentsMargins(0, 0, 0, 0)
        words_layout.setSpacing(2)
        for label in (self.sentences, self.verdict):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            words_layout.addWidget(label)
        words_layout.addStretch(1)
        self.source = QLabel()
        self.source.setObjectName("ordinary_source")
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #555;")
        numbers = QHBoxLayout()
        numbers.setSpacing(14)
        numbers.addWidget(table, 0, Qt.AlignmentFlag.AlignTop)
        numbers.addWidget(words, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(3)
        layout.addLayout(numbers)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.source)
        self.show_message(self.tr("The ordinary network appears when the model is ready…"))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.shown.emit()

    # --- what the follower calls ---------------------------------------------------------------
    def show_message(self, text: str) -> None:
        """Nothing to compare: `text` says why (and what to do) where the graph would be."""
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.view.clear()
        for cell in self.cells.values():
            cell.setText("–")
        self.sentences.clear()
        self.verdict.clear()

    def set_buttons(self, shuffle_reason: str | None, can_restore: bool) -> None:
        """shuffle_reason: why Shuffle cannot work ("" when it can; None: not now, no reason shown)."""
        self.shuffle_button.setEnabled(shuffle_reason == "")
        if shuffle_reason:
            self.shuffle_button.setToolTip(shuffle_reason)
        self.restore_button.setEnabled(can_restore)

    def set_source(self, text: str) -> None:
        self.source.setText(text)

    def show_side(self, side, rnn_name: str, no_order: str = "") -> None:
        """Both networks on the sentence as written and as shuffled (``SideBySide``); the graph shows
        the ordinary network on the sentence the explorer shows. no_order: why the sentence has no
        other order ("" when it has one)."""
        current = side.current
        self.view.set_trace(current.bag, list(current.labels), list(current.words))
        self.stack.setCurrentWidget(self.view)
        self.row_names["rnn"].setText(rnn_name)
        w, s = side.written, side.shuffled
        self.cells["rnn"].setText(_p(w.rnn))
        self.cells["bag"].setText(_p(w.bag.y_hat))
        self.cells["bag_o"].setText(_o(w.bag.o))
        if s is None:
            for key in ("rnn_shuffled", "bag_shuffled", "bag_o_shuffled"):
                self.cells[key].setText("?")
            self.sentences.clear()
            self.sentences.hide()
            self.verdict.setText(no_order or self.tr("Predict first, then press Shuffle words: which output will "
                                                     "change, the {0}'s or the ordinary network's?").format(rnn_name))
            return
        self.cells["rnn_shuffled"].setText(_p(s.rnn))
        self.cells["bag_shuffled"].setText(_p(s.bag.y_hat))
        self.cells["bag_o_shuffled"].setText(_o(s.bag.o))
        # the input box shows one of the two sentences; the other is named here
        self.sentences.show()
        if side.showing_shuffled:
            self.sentences.setText(self.tr("As written: {0}").format(f"<i>{escape(w.text)}</i>"))
        else:
            self.sentences.setText(self.tr("Shuffled: {0}").format(f"<i>{escape(s.text)}</i>"))
        self.verdict.setText(self._verdict(side, rnn_name))

    def _verdict(self, side, rnn_name: str) -> str:
        w, s = side.written, side.shuffled
        if not side.same_tokens:
            return self.tr("Not the same words: the sequence length or the cut to the training length keeps other "
                           "words after the shuffle, so the mean changes too. Set Sequence length to 'as typed' to "
                           "compare orders.")
        if w.bag.o == s.bag.o:
            bag = self.tr("Ordinary network: o equal to the last digit (same words, same mean).")
        else:  # cannot happen with the core's order-free sum; said plainly if it ever does
            bag = self.tr("Ordinary network: o changed by {0}.").format(f"{s.bag.o - w.bag.o:.3g}")
        if w.rnn == s.rnn:
            rnn = self.tr("{0}: unchanged for this order.").format(rnn_name)
        else:
            rnn = self.tr("{0}: {1} → {2}; its W edges from step to step carry the order.").format(
                rnn_name, f"{w.rnn:.4f}", f"{s.rnn:.4f}")
        return f"{bag}<br><b>{rnn}</b>"
