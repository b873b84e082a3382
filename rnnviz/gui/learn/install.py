"""install_learn_panel(window): the Learn panel as a dock beside the Explore page's views.

The window keeps its own code; this function only adds a dock and connects the panel's signals. A
step is one explorer call, which every view follows by its events; ``show_state`` adds what lies
outside the explorer (whether the ordinary network is shown beside the RNN).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QMenu, QWidget

from ..i18n import QT_TRANSLATE_NOOP
from .panel import LearnPanel

HIGHLIGHT_MS = 2500
#: region -> the window attribute of the widget that shows it
REGION_WIDGETS = {"graph": "graph", "bptt": "detail", "plots": "plots", "controls": "controls_box",
                  "input": "input_bar", "model": "model_box", "ordinary": "ordinary", "train": "training_panel"}


def install_learn_panel(window, language: str = "en") -> QDockWidget:
    """Add the Learn dock to `window` (a rnnviz MainWindow) once its explorer exists; returns the dock.

    If the explorer is still starting (the startup job), the panel is built on the window's first
    traceShown signal; the dock says so meanwhile.
    """
    dock = QDockWidget(QCoreApplication.translate("LearnDock", "Learn"), window)
    dock.setObjectName("learn_dock")
    dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.show()  # added to a window already on screen, a dock stays hidden until shown
    # by object name: the menu's title is in the window's language
    view_menu = window.menuBar().findChild(QMenu, "view_menu")
    if view_menu is not None:  # a window without the View menu: the dock's own close button still works
        toggle = dock.toggleViewAction()
        toggle.setText(QCoreApplication.translate("LearnDock", "&Learn panel"))
        view_menu.addSeparator()
        view_menu.addAction(toggle)

    def build() -> None:
        if dock.widget() is not None and isinstance(dock.widget(), LearnPanel):
            return
        if not _model_ready(window):
            return
        panel = LearnPanel(window.explorer, window.playback, language=language, parent=dock)
        panel.stepApplied.connect(lambda applied: show_state(window, applied))
        panel.highlightRequested.connect(lambda region: highlight(window, region))
        cover = _Cover(_region_widget(window, "bptt"))
        panel.coverRequested.connect(cover.set_covered)
        dock.cover = cover
        if hasattr(window, "traceShown"):
            window.traceShown.connect(panel.follow_explorer)
        dock.setWidget(panel)
        dock.learn_panel = panel
        pages = getattr(window, "pages", None)
        shown_page = pages.currentWidget() if pages is not None else None
        panel.show_step(panel.step_index)  # again, now that the window follows: the views show the step
        if shown_page is not None:
            # built late (a first start trains the built-in model meanwhile), the panel must not take the
            # learner away from the page they went to, e.g. a run on the Train page
            pages.setCurrentWidget(shown_page)

    models = getattr(window, "models", None)
    if hasattr(models, "untrainedReplaced"):
        models.untrainedReplaced.connect(lambda: QTimer.singleShot(0, build))
    if getattr(window, "explorer", None) is not None and _model_ready(window):
        build()
    else:
        waiting = QLabel(QCoreApplication.translate("LearnDock", "The lessons open when the model is ready…"))
        # wrapped: unwrapped, its one line widened the dock and squeezed the pages for as long as a first
        # start trains the built-in model
        waiting.setWordWrap(True)
        dock.setWidget(waiting)
        # after the first trace is on screen (a queued call): the graph's first numbers come first, then
        # the lesson (building the panel and applying its step took 0.3 s of a 2.7 s start)
        window.traceShown.connect(lambda: QTimer.singleShot(0, build))
    return dock


def _model_ready(window) -> bool:
    """False while a first start trains the built-in model (its untrained weights shown, or another model
    the user opened meanwhile): a lesson step would train it a second time, here on the GUI thread,
    and every lesson is written about the trained model."""
    models = getattr(window, "models", None)
    return not window.explorer.model.untrained and not getattr(models, "replacing_untrained", False)


def show_state(window, applied) -> None:
    """What a lesson step sets beyond the explorer (which every view follows by its events): the
    ordinary network beside the RNN is shown exactly on the steps that compare them, and its first
    Shuffle gives the step's reordering, the one whose claims the lesson tests check."""
    explore = getattr(window, "explore", None)
    follower = getattr(explore, "ordinary", None)
    action = getattr(window, "actions_by_name", {}).get("ordinary")
    if follower is None or action is None:
        return
    action.setChecked(applied.shuffled is not None)
    follower.experiment.suggest(applied.shuffled)


def highlight(window, region: str) -> None:
    """Bring the region's page to the front and outline its widget for a moment."""
    target = _region_widget(window, region)
    pages = getattr(window, "pages", None)
    if pages is not None:
        page = target if region == "train" else getattr(window, "page", None)
        if page is not None and pages.indexOf(page) >= 0:
            pages.setCurrentWidget(page)
    old = getattr(window, "_learn_highlight", None)
    if old is not None:
        old.deleteLater()  # one outline at a time: the previous step's goes when the next comes
        window._learn_highlight = None
    if isinstance(target, QWidget) and region not in ("train", "learn"):
        window._learn_highlight = _flash(target)


def _region_widget(window, region: str):
    """The widget that shows `region`: on the Explore page (window.page) or the window itself."""
    name = REGION_WIDGETS.get(region, "")
    page = getattr(window, "page", None)
    return getattr(page, name, None) or getattr(window, name, None)


def _flash(widget: QWidget) -> QFrame:
    frame = QFrame(widget)
    frame.setObjectName("learn_highlight")
    frame.setStyleSheet("#learn_highlight { border: 3px solid #ff8f00; border-radius: 4px; background: transparent; }")
    frame.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    frame.setGeometry(widget.rect())
    frame.show()
    frame.raise_()
    QTimer.singleShot(HIGHLIGHT_MS, frame, frame.hide)  # frame as context: nothing fires once it is gone
    return frame


class _Cover(QObject):
    """An opaque sheet over the BPTT panel while the learner computes one of its numbers."""

    TEXT = QT_TRANSLATE_NOOP("LearnDock", "The BPTT panel is covered while you compute the number in the Learn "
                             "panel.\nCheck your answer, or press Show answer, to uncover it.")

    def __init__(self, target: QWidget | None):
        super().__init__(target)
        self.target = target
        self.label = None
        if target is not None:
            self.label = QLabel(QCoreApplication.translate("LearnDock", self.TEXT), target)
            self.label.setObjectName("learn_cover")
            self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.label.setWordWrap(True)
            self.label.setAutoFillBackground(True)
            self.label.setStyleSheet("#learn_cover { background: #f3efe6; color: #444; border: 1px solid #c8bfa8; }")
            self.label.hide()
            target.installEventFilter(self)

    def set_covered(self, covered: bool) -> None:
        if self.label is None:
            return
        self.label.setGeometry(self.target.rect())
        self.label.setVisible(covered)
        self.label.raise_()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if self.label is not None and event.type() == QEvent.Type.Resize:
            self.label.setGeometry(self.target.rect())
        return False
