"""The small "?" button placed beside a panel; it opens the help at that panel's topic."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QToolButton


class HelpButton(QToolButton):
    """Emits helpRequested(topic) when clicked."""

    helpRequested = Signal(str)

    def __init__(self, topic: str, tip: str, parent=None):
        super().__init__(parent)
        self.topic = topic
        self.setText("?")
        self.setToolTip(tip)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clicked.connect(lambda: self.helpRequested.emit(self.topic))
