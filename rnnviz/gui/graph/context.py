"""State shared by every item of one graph: the view's zoom, the hovered parameter, fonts."""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView

from . import palette


def qcolour(argb: int, alpha: int | None = None) -> QColor:
    """QColor from a 0xAARRGGBB integer, optionally with a new alpha (0-255)."""
    c = QColor.fromRgba(int(argb))
    if alpha is not None:
        c.setAlpha(int(alpha))
    return c


def prepare_graph_view(view: QGraphicsView) -> None:
    """What every graph view of the window shares: its own scene, antialiased drawing, drag to pan,
    zoom handled by the view itself (no anchor), the graph's background and no frame."""
    view.setScene(QGraphicsScene(view))
    view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
    view.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
    view.setBackgroundBrush(QBrush(qcolour(palette.BACKGROUND)))
    view.setFrameShape(QFrame.Shape.NoFrame)


class RenderContext:
    """What items need to know at paint time but do not own.

    scale: the view's current zoom (1 = one scene unit per pixel); items choose their level of detail
    and convert screen-pixel line widths with it. highlighted: the parameter ("U", "W", "V" or "")
    whose edges are drawn highlighted. shown: the step states on display. on_hover: called by items when a parameter is hovered.
    class_names: the softmax head's class names (the next words), () to number them.
    """

    def __init__(self, on_hover: Callable[[str], None] | None = None):
        self.scale = 1.0
        self.highlighted = ""
        self.shown = None  # the StepStates the view shows; items read their state from it
        self.on_hover = on_hover or (lambda name: None)
        self.class_names: tuple[str, ...] = ()  # names of the softmax head's classes (next words), if known
        self._fonts: dict[tuple[float, bool], QFont] = {}

    def font(self, pixel_size: float, bold: bool = False) -> QFont:
        """A cached font of the given size in scene units (scaled with the zoom like the shapes)."""
        key = (round(pixel_size, 2), bold)
        f = self._fonts.get(key)
        if f is None:
            f = QFont()
            f.setPixelSize(max(1, round(pixel_size)))
            f.setBold(bold)
            self._fonts[key] = f
        return f

    def text_size(self, size: float, max_px: float = 20.0, min_px: float = 10.0) -> float:
        """Font size in scene units: `size` at zoom 1, kept between min_px and max_px on screen
        (a graph fitted into a small pane keeps readable labels; a close zoom does not shout)."""
        s = max(self.scale, 1e-4)
        return max(min(size, max_px / s), min(min_px / s, 1.6 * size))

    def px(self, pixels: float) -> float:
        """A length of `pixels` on screen, in scene units, at the current zoom."""
        return pixels / max(self.scale, 1e-4)

    def line_px(self, base: float) -> float:
        """Line width in scene units: grows gently with zoom but never thinner than a hairline."""
        zoomed = base * min(max(self.scale, 0.75), 1.6)
        return max(zoomed, 0.9) / max(self.scale, 1e-4)


TEXT = qcolour(palette.TEXT)
TEXT_SOFT = qcolour(palette.TEXT_SOFT)
