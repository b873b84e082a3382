"""The window's actions: menus, keyboard shortcuts and their tooltips, in one table."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

# name: (menu text, shortcuts, tooltip)
ACTION_SPECS = {
    "open": ("&Open model…", ["Ctrl+O"], "Open a model saved by rnnviz (.npz)"),
    "save": ("&Save model as…", ["Ctrl+S"], "Save the model shown (its own weights; the W scale is not applied)"),
    "quit": ("&Quit", ["Ctrl+Q"], "Close rnnviz"),
    "play": ("&Play / pause", ["Space"], "Play or pause the forward and backward animation"),
    "next": ("&Next step", ["Right"], "Next elementary step"),
    "previous": ("P&revious step", ["Left"], "Previous elementary step"),
    "first": ("&First step", ["Home"], "Jump to the first step"),
    "last": ("&Last step", ["End"], "Jump to the last step"),
    "restart": ("R&estart", ["R"], "Play again from the first step"),
    "fold": ("&Folded view", ["U"], "Switch between the unrolled graph and the folded loop"),
    "fit": ("Fi&t to window", ["F"], "Fit the whole graph into the view"),
    "zoom_in": ("Zoom &in", ["Ctrl+=", "Ctrl++"], "Zoom into the graph"),
    "zoom_out": ("Zoom &out", ["Ctrl+-"], "Zoom out of the graph"),
    "edit_input": ("&Edit input", ["Ctrl+L"], "Put the cursor in the input sentence"),
    "compare_cells": ("&Compare cells (RNN, LSTM, GRU)…", ["Ctrl+K"],
                      "One sentence through an RNN, an LSTM and a GRU: their gradients through time on one plot"),
    "help": ("&Help", ["F1"], "Open the help"),
    "about": ("&About rnnviz", [], "What rnnviz is"),
}


#: Keys that only make sense on the Explore page (Space must still work in the Train page's widgets).
PAGE_ACTIONS = ("play", "next", "previous", "first", "last", "restart", "fold", "fit", "zoom_in",
                "zoom_out", "edit_input")


def make_actions(window) -> dict[str, QAction]:
    """One QAction per spec, owned by `window`, each a window shortcut. The window enables the page
    actions (PAGE_ACTIONS) only while the Explore page is shown, so that they work wherever the focus
    is on that page (the tab bar included) and never on the Train page.

    A focused text field still receives its own keys (Space, arrows) because Qt lets the focus
    widget claim a shortcut first; so typing a sentence never steps the animation.
    """
    actions = {}
    for name, (text, keys, tip) in ACTION_SPECS.items():
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
        actions[name] = action
    actions["fold"].setCheckable(True)
    return actions


def build_menus(window, actions: dict[str, QAction], help_topics, open_help) -> None:
    """File, Playback, View and Help menus."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for name in ("open", "save"):
        file_menu.addAction(actions[name])
    file_menu.addSeparator()
    file_menu.addAction(actions["quit"])
    play_menu = bar.addMenu("&Playback")
    for name in ("play", "restart", "next", "previous", "first", "last"):
        play_menu.addAction(actions[name])
    view_menu = bar.addMenu("&View")
    for name in ("fold", "fit", "zoom_in", "zoom_out", "edit_input"):
        view_menu.addAction(actions[name])
    view_menu.addSeparator()
    view_menu.addAction(actions["compare_cells"])
    help_menu = bar.addMenu("&Help")
    help_menu.setToolTipsVisible(True)
    for topic, title in help_topics:
        action = help_menu.addAction(title)
        action.triggered.connect(lambda _=False, t=topic: open_help(t))
    help_menu.addSeparator()
    help_menu.addAction(actions["about"])
