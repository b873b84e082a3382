"""The user's own input: a sentence, the label used for the loss, examples, and the result."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton,
                               QSizePolicy, QToolButton, QWidget)

from rnnviz.explorer import MAX_SEQ_LEN

from ..help_button import HelpButton
from ..i18n import QT_TRANSLATE_NOOP, translate

#: Characters the text box takes: room for MAX_SEQ_LEN long words (and for the longest IMDb review, 13,704),
#: stated in the tooltip; Qt's silent default cut at 32,767 characters said nothing.
MAX_INPUT_CHARS = 40 * MAX_SEQ_LEN
RESULT_TOOLTIP = QT_TRANSLATE_NOOP("InputBar", "The model's prediction y-hat = sigmoid(o_T), the label y, and the loss L")
#: A space between words of rich text, not one inside a tag such as <span style='...'>.
_WORD_GAP = re.compile(r" (?![^<]*>)")
#: What may not end a cut line: a dangling separator or comma before the ellipsis.
_DANGLING = ("&middot;", "·", ",", ";", "&hellip;", "…")


class ResultLabel(QLabel):
    """A one-line rich-text label that, when too narrow, cuts its text after the last whole word
    that fits and ends it with an ellipsis; the full text then heads the tooltip.

    The summary puts the unknown words last, so they are what goes first when space is short.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._full = ""
        self._tooltip = ""

    def set_full_text(self, html_text: str, tooltip: str) -> None:
        """Show `html_text` (cut to fit), with `tooltip` (after the full text when cut)."""
        self._full, self._tooltip = html_text, tooltip
        self._fit()

    def setText(self, html_text: str) -> None:  # noqa: N802 (Qt's name)
        self.set_full_text(html_text, self._tooltip)

    def full_text(self) -> str:
        """The whole result, whether or not it fits (the label's text() is what is shown)."""
        return self._full

    def is_elided(self) -> bool:
        return self.text() != self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def text_width(self, html_text: str) -> float:
        """Width of rich text in this label's font, on one line."""
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(self.font())
        doc.setHtml(html_text)
        return doc.idealWidth()

    def _fit(self) -> None:
        room = self.contentsRect().width() - 2 * max(self.margin(), 0) - 2
        text = self._full if self.text_width(self._full) <= room else self._cut(room)
        super().setText(text)
        tip = self._tooltip
        if text != self._full:
            doc = QTextDocument()
            doc.setHtml(self._full)
            tip = doc.toPlainText() + ("\n\n" + tip if tip else "")
        self.setToolTip(tip)

    def _cut(self, room: float) -> str:
        """The longest run of whole leading words, plus an ellipsis, that fits in `room` pixels."""
        words = _WORD_GAP.split(self._full)
        low, high = 0, len(words) - 1  # words[:low] fits (nothing always "fits")
        while low < high:
            middle = (low + high + 1) // 2
            if self.text_width(_with_ellipsis(words[:middle])) <= room:
                low = middle
            else:
                high = middle - 1
        return _with_ellipsis(words[:low])


def _with_ellipsis(words: list[str]) -> str:
    words = list(words)
    while words and words[-1] in _DANGLING:
        words.pop()
    if words and words[-1].endswith((",", ";")):
        words[-1] = words[-1].rstrip(",;")
    return " ".join(words + ["&hellip;"])


class InputBar(QWidget):
    """Signals: textApplied(str) on Enter or Apply, labelChanged(int 0/1), helpRequested(str)."""

    textApplied = Signal(str)
    labelChanged = Signal(int)
    helpRequested = Signal(str)

    def __init__(self, examples: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(translate("InputBar", "Type or paste a sentence, then press Enter"))
        self.text_edit.setToolTip(translate("InputBar", "Any sentence: it is split into words with the model's "
                                            "tokeniser; words the vocabulary does not know become <oov>. Enter "
                                            "applies it.\nThe model reads at most {0} words (a longer text keeps its "
                                            "last {0}, as in training); the box holds up to {1} characters.").format(
            MAX_SEQ_LEN, f"{MAX_INPUT_CHARS:,}"))
        self.text_edit.setMaxLength(MAX_INPUT_CHARS)
        self.text_edit.setClearButtonEnabled(True)
        self.examples_button = QToolButton()
        self.examples_button.setText(translate("InputBar", "Examples"))
        self.examples_button.setToolTip(translate("InputBar", "Pick an example sentence (with its label)"))
        self.examples_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.examples_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.examples_button.setMenu(QMenu(self.examples_button))
        self.set_examples(examples)
        self.label_combo = QComboBox()
        self.label_combo.addItems([translate("InputBar", "negative (y = 0)"), translate("InputBar", "positive (y = 1)")])
        self.label_combo.setToolTip(translate("InputBar", "The true label y used for the loss L and so for every "
                                              "gradient"))
        self.apply_button = QPushButton(translate("InputBar", "Apply"))
        self.apply_button.setToolTip(translate("InputBar", "Trace the sentence: rebuild the graph, the plots and the "
                                               "numbers (Enter)"))
        self.result_label = ResultLabel()
        self.result_label.set_full_text("", translate("InputBar", RESULT_TOOLTIP))
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The summary never widens the bar: a long one is cut after its last whole word that fits
        # (the full text is in the tooltip) instead of pushing the text box and the panels aside.
        self.result_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.result_label.setMinimumWidth(160)
        self.help_button = HelpButton("input", translate("InputBar", "How a sentence becomes the inputs x_t"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(QLabel(translate("InputBar", "Input")))
        layout.addWidget(self.text_edit, 2)
        layout.addWidget(self.examples_button)
        layout.addWidget(QLabel(translate("InputBar", "Label")))
        layout.addWidget(self.label_combo)
        layout.addWidget(self.apply_button)
        layout.addWidget(self.result_label, 2)
        layout.addWidget(self.help_button)

        self.text_edit.returnPressed.connect(self.apply)
        self.apply_button.clicked.connect(self.apply)
        self.label_combo.currentIndexChanged.connect(self.labelChanged)
        self.help_button.helpRequested.connect(self.helpRequested)

    def set_examples(self, examples: list[tuple[int, str]]) -> None:
        """The Examples menu: (label, sentence) pairs the shown model can read (all words in its vocabulary)."""
        menu = self.examples_button.menu()
        menu.clear()
        for label, text in examples:
            sentiment = translate("InputBar", "positive") if label else translate("InputBar", "negative")
            action = QAction(f"{text}   ({sentiment})", menu)
            action.triggered.connect(lambda _=False, l=label, t=text: self.choose(t, l))
            menu.addAction(action)
        self.examples_button.setEnabled(bool(examples))
        self.examples_button.setToolTip(translate("InputBar", "Pick an example sentence (with its label)") if examples
                                        else translate("InputBar", "No example sentence uses only this model's words"))

    def show_result(self, html_text: str, tooltip: str) -> None:
        """The one-line result (prediction, label, loss, unknown words) and its full-length tooltip."""
        self.result_label.set_full_text(html_text, tooltip or translate("InputBar", RESULT_TOOLTIP))

    def apply(self) -> None:
        self.textApplied.emit(self.text_edit.text())

    def choose(self, text: str, label: int) -> None:
        """Put `text` and `label` in the fields and apply them (examples, reviews from the trainer)."""
        self.set_values(text, label)
        self.labelChanged.emit(label)
        self.apply()

    def set_values(self, text: str, label: int) -> None:
        """Show values without emitting anything (restoring settings)."""
        self.text_edit.setText(text)
        self.label_combo.blockSignals(True)
        self.label_combo.setCurrentIndex(1 if label else 0)
        self.label_combo.blockSignals(False)

    @property
    def label(self) -> int:
        return self.label_combo.currentIndex()
