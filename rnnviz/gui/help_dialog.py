"""The help window: short explanations (resources/help/*.html), opened at the topic asked for."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser

from rnnviz.resource_files import MissingResourceError, read_text

from .i18n import QT_TRANSLATE_NOOP, current_language, translate

HELP_DIR = "help"
#: (topic, title) in the order the Help menu and the dialog list them; titles translated where shown.
TOPICS = (
    ("forward", QT_TRANSLATE_NOOP("Help", "The forward pass")),
    ("bptt", QT_TRANSLATE_NOOP("Help", "Backpropagation through time")),
    ("gradients", QT_TRANSLATE_NOOP("Help", "Vanishing and exploding gradients")),
    ("input", QT_TRANSLATE_NOOP("Help", "Your own input")),
    ("keys", QT_TRANSLATE_NOOP("Help", "Keys")),
)


def topic_titles() -> list[tuple[str, str]]:
    """(topic, title in the window's language) in menu order."""
    return [(topic, translate("Help", title)) for topic, title in TOPICS]


def help_path(topic: str, language: str | None = None) -> str:
    """The resource of a topic's page: help/<topic>.html in English, help/<language>/<topic>.html
    in a translation (every page is translated: there is no silent fall back to English)."""
    language = language or current_language()
    return f"{HELP_DIR}/{topic}.html" if language == "en" else f"{HELP_DIR}/{language}/{topic}.html"


def help_text(topic: str, language: str | None = None) -> str:
    """The HTML of a topic; raises MissingResourceError when its file is not installed."""
    return read_text(help_path(topic, language))


class HelpDialog(QDialog):
    """A topic list and the text; non-modal so the user can read while stepping."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "rnnviz help"))
        self.resize(860, 600)
        self.topics = QListWidget()
        for topic, title in topic_titles():
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
                html = "<p><b>{0}</b></p><p>{1}</p>".format(translate("Help", "This help page is missing."), exc)
            self.browser.setHtml(html)
