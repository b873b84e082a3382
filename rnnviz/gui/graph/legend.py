"""A small legend floating over the graph: the two colour scales and the three shared parameters.

Hovering a parameter chip highlights that parameter's edges, like hovering an edge does.
"""
from __future__ import annotations

from typing import Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ..i18n import translate
from . import palette
from .context import TEXT, TEXT_SOFT, qcolour

_CHIPS = (("U", "x→s"), ("W", "s→s"), ("V", "s→o"))


def _format_decade(d: float) -> str:
    return f"1e{int(round(d))}"


def _short(v: float) -> str:
    """A scale end in at most 6 characters: 1, 0.25, 1.4e3, 2.0e-3."""
    if 10 <= abs(v) < 1000:
        return f"{v:.0f}"
    if v == 0 or 0.01 <= abs(v) < 10:
        return f"{v:.2g}"
    return f"{v:.1e}".replace("e+0", "e").replace("e+", "e").replace("e-0", "e-")


class GraphLegend(QWidget):
    """Value scale (-vmax..vmax), gradient scale (10^lo..10^hi, log) and U/W/V chips."""

    WIDTH, HEIGHT = 262, 92

    def __init__(self, parent: QWidget, on_hover: Callable[[str], None]):
        super().__init__(parent)
        self.on_hover = on_hover
        self.vmax = 1.0
        self.lo, self.hi = -8.0, 0.0
        self.highlighted = ""
        self._chip_rects = {name: QRectF(8.0 + 80 * k, 58.0, 74, 24) for k, (name, _) in enumerate(_CHIPS)}
        self.setMouseTracking(True)
        self.setFixedSize(QSize(self.WIDTH, self.HEIGHT))
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)

    def set_scales(self, vmax: float, lo: float, hi: float) -> None:
        self.vmax, self.lo, self.hi = vmax, lo, hi
        self.update()

    def set_highlighted(self, name: str) -> None:
        if name != self.highlighted:
            self.highlighted = name
            self.update()

    def chip_rect(self, name: str) -> QRectF:
        """Where the chip of parameter `name` is, in legend coordinates."""
        return self._chip_rects[name]

    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(200, 205, 215), 1))
        p.setBrush(QBrush(QColor(255, 255, 255, 230)))
        p.drawRoundedRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1), 7, 7)
        font = QFont()
        font.setPixelSize(11)
        p.setFont(font)
        self._bar(p, 8, translate("Graph", "sₜ value"), palette.value_colours(np.linspace(-1, 1, 9), 1.0),
                  _short(-self.vmax), "+" + _short(self.vmax))
        self._bar(p, 32, translate("Graph", "‖gradient‖"), palette.gradient_colours(np.linspace(0, 1, 9)),
                  _format_decade(self.lo), _format_decade(self.hi))
        self._chips(p)
        p.end()

    def _bar(self, p: QPainter, y: float, title: str, colours, left: str, right: str) -> None:
        p.setPen(TEXT)
        p.drawText(QRectF(8, y, 74, 16), int(Qt.AlignmentFlag.AlignVCenter), title)
        bar = QRectF(126, y + 3, 84, 10)
        grad = QLinearGradient(bar.topLeft(), bar.topRight())
        for k, c in enumerate(colours):
            grad.setColorAt(k / (len(colours) - 1), qcolour(int(c)))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(grad))
        p.drawRoundedRect(bar, 3, 3)
        p.setPen(TEXT_SOFT)
        p.drawText(QRectF(72, y, 50, 16), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), left)
        p.drawText(QRectF(214, y, 46, 16), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), right)

    def _chips(self, p: QPainter) -> None:
        for name, what in _CHIPS:
            rect = self._chip_rects[name]
            x, y = rect.x(), rect.y()
            colour = qcolour(palette.PARAM_COLOURS[name])
            on = self.highlighted == name
            p.setPen(QPen(colour, 1.6 if on else 1))
            p.setBrush(QBrush(qcolour(palette.PARAM_COLOURS[name], 50 if on else 18)))
            p.drawRoundedRect(rect, 5, 5)
            bold = QFont(p.font())
            bold.setBold(True)
            p.setFont(bold)
            p.setPen(colour)
            p.drawText(QRectF(x + 6, y, 16, 24), int(Qt.AlignmentFlag.AlignVCenter), name)
            p.setFont(self._plain())
            p.setPen(TEXT_SOFT)
            p.drawText(QRectF(x + 22, y, 50, 24), int(Qt.AlignmentFlag.AlignVCenter), what)

    def _plain(self) -> QFont:
        f = QFont()
        f.setPixelSize(11)
        return f

    def param_at(self, pos: QPointF) -> str:
        for name, rect in self._chip_rects.items():
            if rect.contains(pos):
                return name
        return ""

    def mouseMoveEvent(self, event):  # noqa: N802
        self.on_hover(self.param_at(event.position()))

    def leaveEvent(self, event):  # noqa: N802
        self.on_hover("")
