"""What the window remembers between launches (geometry, splitters, input, view options) and keeping
it on screen. Functions of the window, so that MainWindow only says when."""
from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from .settings import read_bool, read_int, read_str


def restore(window, examples: list[tuple[int, str]]) -> tuple[str, int]:
    """Apply the saved layout and view options; returns the (text, label) to trace first."""
    s, page = window.settings, window.page
    geometry = s.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    fit_to_screen(window)
    for key, splitter in page.splitters().items():
        state = s.value(f"window/splitter_{key}")
        if state is not None:
            splitter.restoreState(state)
    default_label, default_text = examples[0]
    text = read_str(s, "input/text", default_text) or default_text
    label = read_int(s, "input/label", default_label)
    page.input_bar.set_values(text, label)
    page.detail.show_all_check.setChecked(read_bool(s, "view/show_all", False))
    page.playback_bar.speed.setValue(float(s.value("view/speed", 3.0)))
    return text, (1 if label else 0)


def save(window, text: str, label: int, model_path: str | None) -> None:
    s, page = window.settings, window.page
    s.setValue("window/geometry", window.saveGeometry())
    for key, splitter in page.splitters().items():
        s.setValue(f"window/splitter_{key}", splitter.saveState())
    s.setValue("input/text", text)
    s.setValue("input/label", int(label))
    s.setValue("view/show_all", page.detail.show_all_check.isChecked())
    s.setValue("view/speed", page.playback_bar.speed.value())
    if model_path:
        s.setValue("model/last_path", model_path)
    s.sync()


def fit_to_screen(window, area: QRect | None = None) -> None:
    """Shrink and move the window into `area` (default: its screen's available geometry):
    settings saved on a bigger display would otherwise cut off the right-hand panels."""
    if area is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
    frame = window.frameGeometry()
    # The frame (title bar, borders) adds to the client size; keep it inside the area too.
    extra_w = max(0, frame.width() - window.width())
    extra_h = max(0, frame.height() - window.height())
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, 1), max(height, 1))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, area.left()), max(y, area.top()))
