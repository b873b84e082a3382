"""BPTT by hand: the current step's equations with the trace's numbers, selectable to copy."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from rnnviz.explorer import step_html

from ..help_button import HelpButton
from ..i18n import translate


class DetailPanel(QWidget):
    """show_step(trace, index, tokens, clip, vocab) renders one step; 'Show all entries' re-renders it.

    Signals: helpRequested(str topic).
    """

    helpRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        title = QLabel("<b>" + translate("DetailPanel", "BPTT by hand") + "</b>")
        title.setToolTip(translate("DetailPanel", "The equation of the current step with the numbers of this trace"))
        self.show_all_check = QCheckBox(translate("DetailPanel", "Show all entries"))
        self.show_all_check.setToolTip(translate("DetailPanel", "Show every entry of each vector and matrix instead of "
                                                 "the first few and the norm"))
        self.show_all_check.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.forward_help = HelpButton("forward", translate("DetailPanel", "The forward equations, explained"))
        self.bptt_help = HelpButton("bptt", translate("DetailPanel", "Backpropagation through time, explained"))
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.show_all_check)
        header.addWidget(QLabel(translate("DetailPanel", "Help:")))
        header.addWidget(self.forward_help)
        header.addWidget(self.bptt_help)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setToolTip(translate("DetailPanel", "Select and copy any number to check the step by hand"))
        font = QFont(self.browser.font())
        self.browser.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.browser, 1)
        self._args = None
        self.show_all_check.toggled.connect(self._rerender)
        self.forward_help.helpRequested.connect(self.helpRequested)
        self.bptt_help.helpRequested.connect(self.helpRequested)

    def show_step(self, trace, index: int, tokens=None, clip=None, vocab=None) -> None:
        """vocab names the softmax head's classes (the next words)."""
        self._args = (trace, index, tokens, clip, vocab)
        self._rerender()

    def show_message(self, text: str) -> None:
        self._args = None
        self.browser.setHtml(f"<p>{text}</p>")

    def text(self) -> str:
        """The panel's plain text (what a user would copy)."""
        return self.browser.toPlainText()

    def _rerender(self, *_args) -> None:
        if self._args is None:
            return
        trace, index, tokens, clip, vocab = self._args
        labels = tokens.labels if tokens is not None else ()
        words = tokens.words if tokens is not None else ()
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(step_html(trace, index, labels, words, self.show_all_check.isChecked(), clip,
                                         vocab))
        self.browser.verticalScrollBar().setValue(scroll)
