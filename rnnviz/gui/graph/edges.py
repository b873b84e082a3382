"""Edges: U_t (x_t -> s_t), W_t (s_{t-1} -> s_t), V_t (s_t -> o_t) and the unlabelled o_t -> L.

An edge's state is read at paint time from the view's step states. In the forward pass it is idle, lit (its contribution is being added) or done. In the backward
pass it carries a gradient: width and colour follow that gradient's normalised log magnitude, and a
chevron points the way the gradient flows. Edges outside the truncation window are drawn cut.
Hovering an edge (or its letter) highlights every edge of the same parameter.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from rnnviz.explorer.numbers import format_number

from ..i18n import translate
from . import palette
from .context import RenderContext, qcolour
from .display_data import sub
from .schedule import ACTIVE, CUT, DONE, GRAD, GRAD_CURRENT, IDLE
from .tween import Tweenable

_STATE_STYLE = {  # state -> (colour, base width in screen pixels)
    IDLE: (qcolour(palette.EDGE_IDLE), 1.3),
    ACTIVE: (qcolour(palette.EDGE_FORWARD), 3.6),
    DONE: (qcolour(palette.EDGE_DONE), 1.6),
    CUT: (qcolour(palette.EDGE_CUT), 1.2),
}


class ParamEdge(Tweenable, QGraphicsItem):
    """A straight edge from p1 to p2 (item coordinates) for parameter `param` at step t.

    level: normalised log level (0..1) of the gradient magnitude this edge carries back.
    The label letter sits beside the middle of the edge, on the side given by label_side.
    """

    def __init__(self, ctx: RenderContext, param: str, t: int, p1: QPointF, p2: QPointF, level: float,
                 magnitude: float = 0.0, label_side: QPointF = QPointF(9, 0),
                 parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.param = param
        self.t = t
        self.p1, self.p2 = QPointF(p1), QPointF(p2)
        self.level = float(level)
        self.magnitude = float(magnitude)
        self.label_side = label_side
        self.tween: tuple[int, float] | None = None
        self.setZValue(1)
        self.setAcceptHoverEvents(True)
        self._pad = 0.0
        self._bounds = QRectF()
        self._refresh_pad()

    # --- state -----------------------------------------------------------------------------------
    @property
    def state(self) -> int:
        """This edge's state at the shown step, read from the view's step states (ctx.shown)."""
        shown = self.ctx.shown
        if shown is None:
            return IDLE
        return int(shown.loss_edges[self.t - 1] if not self.param else shown.edges[self.t - 1])

    def set_ends(self, p1: QPointF, p2: QPointF) -> None:
        """Move the end points (the W edges shrink while the graph folds)."""
        self.prepareGeometryChange()
        self.p1, self.p2 = QPointF(p1), QPointF(p2)
        self._bounds = self._compute_bounds()

    def zoom_changed(self) -> None:
        """Line widths are in screen pixels, so the bounding box depends on the zoom."""
        self._refresh_pad()

    def _refresh_pad(self) -> None:
        pad = max(14.0, self.ctx.px(16.0))
        if pad != self._pad:
            self.prepareGeometryChange()
            self._pad = pad
            self._bounds = self._compute_bounds()

    def width_px(self, state: int | None = None) -> float:
        """Base width in screen pixels of the given (default: current) state."""
        state = self.state if state is None else state
        if state in (GRAD, GRAD_CURRENT):
            return 1.0 + 7.0 * self.level
        return _STATE_STYLE[state][1]

    def colour(self, state: int | None = None):
        state = self.state if state is None else state
        if state in (GRAD, GRAD_CURRENT):
            return qcolour(int(palette.gradient_colours(self.level)), int(90 + 165 * self.level))
        return _STATE_STYLE[state][0]

    @property
    def highlighted(self) -> bool:
        return bool(self.param) and self.ctx.highlighted == self.param

    # --- geometry --------------------------------------------------------------------------------
    def _label_pos(self) -> QPointF:
        return (self.p1 + self.p2) / 2 + self.label_side

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds  # cached: Qt asks for it on every move and repaint

    def _compute_bounds(self) -> QRectF:
        r = QRectF(self.p1, self.p2).normalized()
        r = r.united(QRectF(self._label_pos() - QPointF(9, 9), self._label_pos() + QPointF(9, 9)))
        return r.adjusted(-self._pad, -self._pad, self._pad, self._pad)

    def shape(self) -> QPainterPath:
        path = QPainterPath(self.p1)
        path.lineTo(self.p2)
        stroker = QPainterPathStroker()
        stroker.setWidth(max(8.0, self.ctx.px(8.0)))
        hit = stroker.createStroke(path)
        if self.param:
            lp = self._label_pos()
            hit.addRect(QRectF(lp - QPointF(8, 8), lp + QPointF(8, 8)))
        return hit

    # --- painting --------------------------------------------------------------------------------
    def paint(self, painter, option, widget=None):
        if self.highlighted:
            glow = qcolour(palette.PARAM_COLOURS[self.param], 80)
            painter.setPen(QPen(glow, self.ctx.line_px(self.width_px() + 7), Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap))
            painter.drawLine(self.p1, self.p2)
        self._paint_state(painter, self.state)
        if self.tween is not None and self.tween[1] > 0:
            painter.setOpacity(self.tween[1])
            self._paint_state(painter, self.tween[0])
            painter.setOpacity(1.0)
        if self.param and self.ctx.scale >= 0.42:
            self._paint_label(painter)

    def _paint_state(self, painter, state):
        width = self.ctx.line_px(self.width_px(state))
        colour = self.colour(state)
        if state == GRAD_CURRENT:  # a soft halo on the edge the gradient is crossing now
            halo = qcolour(int(palette.gradient_colours(self.level)), 60)
            painter.setPen(QPen(halo, width + self.ctx.line_px(8), Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap))
            painter.drawLine(self.p1, self.p2)
        pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        if state == CUT:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(self.p1, self.p2)
        if state in (GRAD, GRAD_CURRENT):
            self._arrow(painter, self.p2, self.p1, colour, width, at_middle=True)
        elif state != CUT:
            self._arrow(painter, self.p1, self.p2, colour, width, at_middle=False)

    def _arrow(self, painter, start: QPointF, end: QPointF, colour, width, at_middle: bool):
        """An arrowhead pointing from start to end, at the end or at the middle of the edge."""
        line = QLineF(start, end)
        if line.length() < 1e-6:
            return
        tip = line.pointAt(0.5 + 0.5 * min(10.0 / line.length(), 0.4)) if at_middle else end
        size = max(self.ctx.px(6.0 + width * self.ctx.scale * 0.8), 3.0)
        angle = math.atan2(end.y() - start.y(), end.x() - start.x())
        left = QPointF(tip.x() - size * math.cos(angle - 0.45), tip.y() - size * math.sin(angle - 0.45))
        right = QPointF(tip.x() - size * math.cos(angle + 0.45), tip.y() - size * math.sin(angle + 0.45))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(QPolygonF([tip, left, right]))

    def _paint_label(self, painter):
        lp = self._label_pos()
        bold = self.highlighted
        painter.setFont(self.ctx.font(self.ctx.text_size(12 if bold else 11), bold=True))
        colour = qcolour(palette.PARAM_COLOURS[self.param], 255 if bold else 200)
        painter.setPen(colour)
        painter.drawText(QRectF(lp - QPointF(9, 9), lp + QPointF(9, 9)), int(Qt.AlignmentFlag.AlignCenter),
                         self.param)

    # --- hover -----------------------------------------------------------------------------------
    def tooltip_text(self) -> str:
        what = {"U": f"U: x{sub(self.t)} → s{sub(self.t)}", "W": f"W: s{sub(self.t - 1)} → s{sub(self.t)}",
                "V": f"V: s{sub(self.t)} → o{sub(self.t)}", "": f"o{sub(self.t)} → L"}[self.param]
        lines = [what + ("   " + translate("Graph", "(the same matrix at every step)") if self.param else "")]
        if self.state in (GRAD, GRAD_CURRENT):
            carried = {"U": "‖∂L/∂a{t}‖", "W": "‖∂L/∂a{t}‖", "V": "‖Vᵀ ∂L/∂o{t}‖", "": "‖∂L/∂o{t}‖"}
            name = carried[self.param].format(t=sub(self.t))
            lines.append(translate("Graph", "gradient carried back: {0} = {1}").format(name, format_number(self.magnitude)))
        elif self.state == CUT:
            lines.append(translate("Graph", "outside the truncated-BPTT window: no gradient flows here"))
        return "\n".join(lines)

    def hoverEnterEvent(self, event):  # noqa: N802
        self.setToolTip(self.tooltip_text())
        if self.param:
            self.ctx.on_hover(self.param)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event):  # noqa: N802
        if self.param:
            self.ctx.on_hover("")
        super().hoverLeaveEvent(event)

