"""The window's actions: menus, keyboard shortcuts and their tooltips, in one table."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from .i18n import QT_TRANSLATE_NOOP, translate

# name: (menu text, shortcuts, tooltip); the words are translated when the actions are made
ACTION_SPECS = {
    "open": (QT_TRANSLATE_NOOP("Actions", "&Open model…"), ["Ctrl+O"],
             QT_TRANSLATE_NOOP("Actions", "Open a model saved by rnnviz (.npz)")),
    "save": (QT_TRANSLATE_NOOP("Actions", "&Save model as…"), ["Ctrl+S"],
             QT_TRANSLATE_NOOP("Actions", "Save the model shown (its own weights; the W scale is not applied)")),
    "quit": (QT_TRANSLATE_NOOP("Actions", "&Quit"), ["Ctrl+Q"],
             QT_TRANSLATE_NOOP("Actions", "Close rnnviz")),
    "play": (QT_TRANSLATE_NOOP("Actions", "&Play / pause"), ["Space"],
             QT_TRANSLATE_NOOP("Actions", "Play or pause the forward and backward animation")),
    "next": (QT_TRANSLATE_NOOP("Actions", "&Next step"), ["Right"],
             QT_TRANSLATE_NOOP("Actions", "Next elementary step")),
    "previous": (QT_TRANSLATE_NOOP("Actions", "P&revious step"), ["Left"],
                 QT_TRANSLATE_NOOP("Actions", "Previous elementary step")),
    "first": (QT_TRANSLATE_NOOP("Actions", "&First step"), ["Home"],
              QT_TRANSLATE_NOOP("Actions", "Jump to the first step")),
    "last": (QT_TRANSLATE_NOOP("Actions", "&Last step"), ["End"],
             QT_TRANSLATE_NOOP("Actions", "Jump to the last step")),
    "restart": (QT_TRANSLATE_NOOP("Actions", "R&estart"), ["R"],
                QT_TRANSLATE_NOOP("Actions", "Play again from the first step")),
    "fold": (QT_TRANSLATE_NOOP("Actions", "&Folded view"), ["U"],
             QT_TRANSLATE_NOOP("Actions", "Switch between the unrolled graph and the folded loop")),
    "fit": (QT_TRANSLATE_NOOP("Actions", "Fi&t to window"), ["F"],
            QT_TRANSLATE_NOOP("Actions", "Fit the whole graph into the view")),
    "zoom_in": (QT_TRANSLATE_NOOP("Actions", "Zoom &in"), ["Ctrl+=", "Ctrl++"],
                QT_TRANSLATE_NOOP("Actions", "Zoom into the graph")),
    "zoom_out": (QT_TRANSLATE_NOOP("Actions", "Zoom &out"), ["Ctrl+-"],
                 QT_TRANSLATE_NOOP("Actions", "Zoom out of the graph")),
    "edit_input": (QT_TRANSLATE_NOOP("Actions", "&Edit input"), ["Ctrl+L"],
                   QT_TRANSLATE_NOOP("Actions", "Put the cursor in the input sentence")),
    "compare_cells": (QT_TRANSLATE_NOOP("Actions", "&Compare cells (RNN, LSTM, GRU)…"), ["Ctrl+K"],
                      QT_TRANSLATE_NOOP("Actions", "One sentence through an RNN, an LSTM and a GRU: their gradients "
                                                   "through time on one plot")),
    "ordinary": (QT_TRANSLATE_NOOP("Actions", "O&rdinary network beside the RNN"), ["Ctrl+B"],
                 QT_TRANSLATE_NOOP("Actions", "Show the ordinary network (a bag of embeddings) on the same sentence "
                                              "under the graph, with Shuffle words")),
    "help": (QT_TRANSLATE_NOOP("Actions", "&Help"), ["F1"],
             QT_TRANSLATE_NOOP("Actions", "Open the help")),
    "about": (QT_TRANSLATE_NOOP("Actions", "&About rnnviz"), [],
              QT_TRANSLATE_NOOP("Actions", "What rnnviz is")),
}


#: Keys that only make sense on the Explore page (Space must still work in the Train page's widgets).
PAGE_ACTIONS = ("play", "next", "previous", "first", "last", "restart", "fold", "fit", "zoom_in",
                "zoom_out", "edit_input", "ordinary")


def make_actions(window) -> dict[str, QAction]:
    """One QAction per spec, owned by `window`, each a window shortcut. The window enables the page
    actions (PAGE_ACTIONS) only while the Explore page is shown, so that they work wherever the focus
    is on that page (the tab bar included) and never on the Train page.

    A focused text field still receives its own keys (Space, arrows) because Qt lets the focus
    widget claim a shortcut first; so typing a sentence never steps the animation.
    """
    actions = {}
    for name, (text, keys, tip) in ACTION_SPECS.items():
        action = QAction(translate("Actions", text), window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setToolTip(translate("Actions", tip))
        action.setStatusTip(translate("Actions", tip))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
        actions[name] = action
    actions["fold"].setCheckable(True)
    actions["ordinary"].setCheckable(True)
    return actions


def build_menus(window, actions: dict[str, QAction], help_topics, open_help) -> dict:
    """File, Playback, View and Help menus; returns them by name (each has the object name NAME_menu,
    which finds it whatever language its title is in)."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("Actions", "&File"))
    for name in ("open", "save"):
        file_menu.addAction(actions[name])
    file_menu.addSeparator()
    file_menu.addAction(actions["quit"])
    play_menu = bar.addMenu(translate("Actions", "&Playback"))
    for name in ("play", "restart", "next", "previous", "first", "last"):
        play_menu.addAction(actions[name])
    view_menu = bar.addMenu(translate("Actions", "&View"))
    for name in ("fold", "fit", "zoom_in", "zoom_out", "edit_input"):
        view_menu.addAction(actions[name])
    view_menu.addSeparator()
    view_menu.addAction(actions["ordinary"])
    view_menu.addAction(actions["compare_cells"])
    help_menu = bar.addMenu(translate("Actions", "&Help"))
    help_menu.setToolTipsVisible(True)
    for topic, title in help_topics:
        action = help_menu.addAction(title)  # already translated (help_dialog.topic_titles)
        action.triggered.connect(lambda _=False, t=topic: open_help(t))
    help_menu.addSeparator()
    help_menu.addAction(actions["about"])
    menus = {"file": file_menu, "playback": play_menu, "view": view_menu, "help": help_menu}
    for name, menu in menus.items():
        menu.setObjectName(f"{name}_menu")
    return menus
