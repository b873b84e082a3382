"""Opening the main window in a test and reading what it shows (imported by the window tests)."""
from __future__ import annotations

from rnnviz.gui.main_window import MainWindow

STARTUP_TIMEOUT_MS = 180_000  # a cold numba cache compiles for a while; a warm one takes ~1 s


def open_window(qtbot, settings) -> MainWindow:
    """A shown window whose first trace is drawn."""
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.traceShown, timeout=STARTUP_TIMEOUT_MS):
        window.show()
    window.activateWindow()
    return window


def panel_text(window) -> str:
    return " ".join(window.detail.text().split())


def index_of(trace, kind, t):
    return next(i for i, st in enumerate(trace.steps) if st.kind == kind and st.t == t)


def press(qtbot, window, key) -> None:
    """A key press as the window's shortcuts receive it (focus on the graph, as at startup)."""
    window.graph.setFocus()
    qtbot.keyClick(window.graph, key)
