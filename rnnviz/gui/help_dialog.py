"""The help window: short explanations (resources/help/*.html), opened at the topic asked for."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser

from rnnviz import RESOURCES

HELP_DIR = RESOURCES / "help"
#: (topic, title) in the order the Help menu and the dialog list them.
TOPICS = (
    ("forward", "The forward pass"),
    ("bptt", "Backpropagation through time"),
    ("gradients", "Vanishing and exploding gradients"),
    ("input", "Your own input"),
    ("keys", "Keys"),
)


def help_text(topic: str) -> str:
    """The HTML of a topic, or a message saying which file is missing."""
    path = HELP_DIR / f"{topic}.html"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return f"<p>The help file {path} is missing; reinstall rnnviz to restore it.</p>"


class HelpDialog(QDialog):
    """A topic list and the text; non-modal so the user can read while stepping."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("rnnviz help")
        self.resize(860, 600)
        self.topics = QListWidget()
        for topic, title in TOPICS:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, topic)
            self.topics.addItem(item)
        # As wide as the longest title, so that no title is cut or needs a scroll bar.
        self.topics.setFixedWidth(self.topics.sizeHintForColumn(0) + 2 * self.topics.frameWidth() + 12)
        self.topics.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.topics)
        layout.addWidget(self.browser, 1)
        self.topics.currentItemChanged.connect(self._show_item)
        self.current_topic = ""

    def open_topic(self, topic: str) -> None:
        for row in range(self.topics.count()):
            if self.topics.item(row).data(Qt.ItemDataRole.UserRole) == topic:
                self.topics.setCurrentRow(row)
                break
        self.show()
        self.raise_()
        self.activateWindow()

    def _show_item(self, item, _previous=None) -> None:
        if item is not None:
            self.current_topic = item.data(Qt.ItemDataRole.UserRole)
            self.browser.setHtml(help_text(self.current_topic))
