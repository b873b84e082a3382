"""The folded diagram: x_t -> [s_t] -> o_t -> L with W as a loop from s back into itself.

It shows the step the unrolled graph is at (its word, s_t's cells, whether o and L exist yet), so
playback keeps working while folded. One item paints it all; hovering U, V or the W loop reports
the parameter like the unrolled edges do.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from ..i18n import translate
from . import palette
from .context import TEXT, TEXT_SOFT, RenderContext, qcolour
from .geometry import INPUT_H, INPUT_W, LOSS_H, LOSS_W, OUTPUT_R, STRIP_W, ColumnGeometry

_BORDER = qcolour(palette.NODE_BORDER)
_BLANK = qcolour(palette.BLANK_CELL)
_DONE = qcolour(palette.EDGE_DONE)
_FORWARD = qcolour(palette.EDGE_FORWARD)


class FoldedDiagram(QGraphicsItem):
    """The loop diagram, centred on (0, 0) = the centre of the s strip."""

    def __init__(self, ctx: RenderContext, geom: ColumnGeometry, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.g = geom
        self.t = 0
        self.T = 0
        self.word = ""
        self.image: QImage | None = None  # s_t's cell colours once computed
        self.output_done = False
        self.loss_done = False
        self.active = False
        self.kind = ""
        self.grad_level: float | None = None  # log level of ||dL/ds_t|| once the backward pass reached t
        self.setAcceptHoverEvents(True)
        self.setZValue(3)
        self._paths = self._build_paths()

    def set_current(self, t: int, T: int, word: str, image: QImage | None, output_done: bool,
                    loss_done: bool, active: bool, grad_level: float | None = None,
                    kind: str = "") -> None:
        self.t, self.T, self.word, self.image, self.kind = t, T, word, image, kind
        self.output_done, self.loss_done, self.active = output_done, loss_done, active
        self.grad_level = grad_level
        self.update()

    # --- geometry --------------------------------------------------------------------------------
    def _strip(self) -> QRectF:
        return QRectF(-STRIP_W / 2, -self.g.strip_h / 2, STRIP_W, self.g.strip_h)

    def _build_paths(self) -> dict[str, QPainterPath]:
        g = self.g
        u = QPainterPath(QPointF(0, g.y_input - INPUT_H / 2))
        u.lineTo(QPointF(0, g.strip_h / 2 + 2))
        v = QPainterPath(QPointF(0, -g.strip_h / 2 - 2))
        v.lineTo(QPointF(0, g.y_output + OUTPUT_R))
        h = max(g.strip_h / 4, 8.0)
        w = QPainterPath(QPointF(STRIP_W / 2 + 2, -h))
        w.cubicTo(QPointF(95, -h - 55), QPointF(95, h + 55), QPointF(STRIP_W / 2 + 3, h))
        return {"U": u, "V": v, "W": w}

    def boundingRect(self) -> QRectF:  # noqa: N802
        g = self.g
        return QRectF(-125, g.top - 10, 295, g.bottom - g.top + 50)

    def param_at(self, pos: QPointF) -> str:
        """The parameter whose edge passes near pos (item coordinates), or ''."""
        stroker = QPainterPathStroker()
        stroker.setWidth(max(10.0, self.ctx.px(10.0)))
        for name, path in self._paths.items():
            if stroker.createStroke(path).contains(pos):
                return name
        return ""

    # --- painting --------------------------------------------------------------------------------
    def paint(self, painter, option, widget=None):
        g = self.g
        self._paint_edges(painter)
        x_rect = QRectF(-INPUT_W / 2, g.y_input - INPUT_H / 2, INPUT_W, INPUT_H)
        painter.setPen(QPen(_FORWARD if self.active else _BORDER, self.ctx.line_px(1.6)))
        painter.setBrush(QBrush(qcolour(palette.NODE_FILL)))
        painter.drawRoundedRect(x_rect, 5, 5)
        strip = self._strip()
        if self.image is None:
            painter.fillRect(strip, _BLANK)
        else:
            painter.drawImage(strip, self.image)
        if self.grad_level is None:
            painter.setPen(QPen(_BORDER, self.ctx.line_px(1.0)))
        else:  # in the backward pass the strip carries its gradient ring, as in the unrolled graph
            width = 1.5 + 4.5 * self.grad_level
            painter.setPen(QPen(qcolour(int(palette.gradient_colours(self.grad_level))), width))
            strip = strip.adjusted(-width / 2 - 1, -width / 2 - 1, width / 2 + 1, width / 2 + 1)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(strip)
        strip = self._strip()
        o_rect = QRectF(-OUTPUT_R, g.y_output - OUTPUT_R, 2 * OUTPUT_R, 2 * OUTPUT_R)
        painter.setPen(QPen(_BORDER, self.ctx.line_px(1.0)))
        painter.setBrush(QBrush(qcolour(0xFFE3F1FB if self.output_done else palette.NODE_FILL)))
        painter.drawEllipse(o_rect)
        l_rect = QRectF(-LOSS_W / 2, g.y_loss - LOSS_H / 2, LOSS_W, LOSS_H)
        pen = QPen(_BORDER, self.ctx.line_px(1.0))
        if not self.loss_done:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(qcolour(0xFFFDEBD3 if self.loss_done else palette.NODE_FILL)))
        painter.drawRoundedRect(l_rect, 6, 6)
        self._paint_labels(painter, x_rect, strip, o_rect, l_rect)

    def _paint_edges(self, painter):
        for name, path in self._paths.items():
            if self.ctx.highlighted == name:
                glow = qcolour(palette.PARAM_COLOURS[name], 80)
                painter.setPen(QPen(glow, self.ctx.line_px(9), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
            painter.setPen(QPen(_DONE, self.ctx.line_px(1.8)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            end = path.pointAtPercent(1.0)
            before = path.pointAtPercent(0.93)
            self._arrow(painter, before, end)
        g = self.g
        painter.setPen(QPen(_DONE, self.ctx.line_px(1.4)))
        painter.drawLine(QPointF(0, g.y_output - OUTPUT_R), QPointF(0, g.y_loss + LOSS_H / 2))
        apex = self._paths["W"].pointAtPercent(0.5)  # the one-step delay, drawn as a small square
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(qcolour(palette.TEXT)))
        painter.drawRect(QRectF(apex.x() - 4, apex.y() - 4, 8, 8))

    def _arrow(self, painter, before: QPointF, tip: QPointF):
        d = tip - before
        n = max((d.x() ** 2 + d.y() ** 2) ** 0.5, 1e-6)
        ux, uy = d.x() / n, d.y() / n
        size = 7.0
        left = QPointF(tip.x() - size * ux + size * 0.5 * uy, tip.y() - size * uy - size * 0.5 * ux)
        right = QPointF(tip.x() - size * ux - size * 0.5 * uy, tip.y() - size * uy + size * 0.5 * ux)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(_DONE))
        painter.drawPolygon(QPolygonF([tip, left, right]))

    def _paint_labels(self, painter, x_rect, strip, o_rect, l_rect):
        painter.setFont(self.ctx.font(12, bold=True))
        painter.setPen(TEXT)
        centre = int(Qt.AlignmentFlag.AlignCenter)
        painter.drawText(x_rect, centre, "xₜ")
        painter.drawText(o_rect, centre, "oₜ")
        painter.drawText(l_rect, centre, "L")
        painter.drawText(QRectF(strip.left() - 34, strip.top() - 2, 30, 16),
                         int(Qt.AlignmentFlag.AlignRight), "sₜ")
        g = self.g
        for name, pos in (("U", QPointF(14, (g.y_input + g.strip_h / 2) / 2)),
                          ("V", QPointF(14, (g.y_output - g.strip_h / 2) / 2)),
                          ("W", self._paths["W"].pointAtPercent(0.5) + QPointF(16, 0))):
            painter.setPen(qcolour(palette.PARAM_COLOURS[name]))
            painter.drawText(QRectF(pos - QPointF(9, 9), pos + QPointF(9, 9)), centre, name)
        painter.setFont(self.ctx.font(11))
        painter.setPen(TEXT_SOFT)
        phase = {"forward": translate("Graph", "forward"), "backward": translate("Graph", "backward"),
                 "loss": translate("Graph", "loss")}.get(self.kind, self.kind)
        if self.t > 0:
            caption = (translate("Graph", "t = {0} of {1} ({2}): “{3}”").format(self.t, self.T, phase, self.word) if phase
                       else translate("Graph", "t = {0} of {1}: “{2}”").format(self.t, self.T, self.word))
        else:
            caption = translate("Graph", "T = {0} steps").format(self.T)
        painter.drawText(QRectF(-120, g.y_input + INPUT_H / 2 + 6, 240, 18),
                         int(Qt.AlignmentFlag.AlignHCenter), caption)
        painter.drawText(QRectF(-120, g.y_input + INPUT_H / 2 + 22, 240, 18),
                         int(Qt.AlignmentFlag.AlignHCenter), translate("Graph", "the same U, W, V at every step"))

    # --- hover -----------------------------------------------------------------------------------
    def hoverMoveEvent(self, event):  # noqa: N802
        self.ctx.on_hover(self.param_at(event.pos()))
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event):  # noqa: N802
        self.ctx.on_hover("")
        super().hoverLeaveEvent(event)
