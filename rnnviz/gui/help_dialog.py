"""The help window: short explanations (resources/help/*.html), opened at the topic asked for."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser

from rnnviz.resource_files import MissingResourceError, read_text

HELP_DIR = "help"
#: (topic, title) in the order the Help menu and the dialog list them.
TOPICS = (
    ("forward", "The forward pass"),
    ("bptt", "Backpropagation through time"),
    ("gradients", "Vanishing and exploding gradients"),
    ("input", "Your own input"),
    ("keys", "Keys"),
)


def help_text(topic: str) -> str:
    """The HTML of a topic; raises MissingResourceError when its file is not installed."""
    return read_text(f"{HELP_DIR}/{topic}.html")


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
            try:
                html = help_text(self.current_topic)
            except MissingResourceError as exc:  # a broken install: say so where the text would be
                html = f"<p><b>This help page is missing.</b></p><p>{exc}</p>"
            self.browser.setHtml(html)
