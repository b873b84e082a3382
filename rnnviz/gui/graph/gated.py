"""The gated cell in the unrolled graph: each step's gates as small strips, the LSTM's cell-state lane.

Added to the vanilla graph's columns when the trace is a ``GatedTrace`` (``add_gated_items``): in
column t, left of s_t where W s_{t-1} and U x_t arrive, one thin strip of H cells per gate (LSTM
i, f, g, o; GRU r, z, n), coloured by the gate's values; for the LSTM a lane above the hidden states
with C_t as a row of H cells and the arrow C_{t-1} -> C_t, the path along which the cell state (and
in the backward pass its gradient dL/dC_t) travels with no W in the way.

The items read the shown step's states (``ctx.shown``) at paint time like every node, so the view's
stepping repaints them with their column; all numbers come from the trace.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from ..i18n import translate
from . import palette
from .context import TEXT, TEXT_SOFT, RenderContext, qcolour
from .display_data import GraphNumbers, sub, vector_summary
from .geometry import COLUMN_DX, STRIP_W, ColumnGeometry
from .schedule import BLANK, FILLED_GRAD, GRAD_CURRENT

GATE_W, GATE_GAP = 5.0, 2.0       # one gate strip's width and the gap between strips
GATE_RIGHT = -STRIP_W / 2 - 5.0   # right edge of the last gate strip (just left of s_t)
CELL_W, CELL_H = 40.0, 10.0       # the C_t row of H cells
CELL_RIGHT = -6.0                 # right edge of C_t (left of the V edge at x = 0)
LANE_GAP = 26.0                   # from the top of s_t to the middle of the cell-state lane
# sigmoid gates are in (0, 1): white (closed, 0) to deep teal (open, 1)
_GATE_STOPS = np.array([[0.0, 0xF7, 0xF7, 0xF4], [1.0, 0x0F, 0x6E, 0x6E]])


class _AsVanillaNumbers:
    """A GatedTrace seen through the names ``GraphNumbers.from_trace`` reads: the gates' summed
    pre-activation gradient dL/dz_t stands for the RNN's dL/da_t (what U_t and W_t carry back)."""

    def __init__(self, trace):
        self._trace = trace
        self.dL_da = trace.dL_dz

    def __getattr__(self, name):
        return getattr(self._trace, name)


def is_gated(trace) -> bool:
    return hasattr(trace, "gate_names")


def gated_numbers(trace) -> GraphNumbers:
    """The graph's colours and gradient levels of a GatedTrace, on one log scale that also holds
    the LSTM's ||dL/dC_t|| so the two lanes are comparable."""
    numbers = GraphNumbers.from_trace(_AsVanillaNumbers(trace))
    grad_C = getattr(trace, "cell_grad_norm_per_step", None)
    if grad_C is not None:
        numbers.scale = palette.LogScale(np.concatenate([numbers.grad_ds, numbers.grad_da, numbers.grad_out,
                                                         numbers.grad_do, grad_C]))
        for name in ("ds", "da", "out", "do"):
            setattr(numbers, f"level_{name}", numbers.scale(getattr(numbers, f"grad_{name}")))
    return numbers


def gate_colours(values: np.ndarray, name: str) -> np.ndarray:
    """ARGB colours of gate values: tanh gates (g, n) on the value scale, sigmoid gates on 0..1."""
    if name in ("g", "n"):
        return palette.value_colours(values, 1.0)
    return palette._interpolate(_GATE_STOPS, values)


def _image(colours: np.ndarray, rows: int, cols: int) -> QImage:
    data = np.ascontiguousarray(np.asarray(colours, dtype=np.uint32).reshape(rows, cols))
    return QImage(data.tobytes(), cols, rows, 4 * cols, QImage.Format.Format_ARGB32).copy()


class GatedColumn(QGraphicsItem):
    """Step t's gates (and the LSTM's C_t with the arrow from C_{t-1}), in column t's coordinates."""

    def __init__(self, ctx: RenderContext, t: int, trace, numbers: GraphNumbers, geom: ColumnGeometry,
                 grad_C_level: float | None, parent: QGraphicsItem):
        super().__init__(parent)
        self.ctx, self.t, self.geom = ctx, t, geom
        i, H = t - 1, trace.hidden_size
        self.names = tuple(trace.gate_names)
        self.gate_values = {n: np.asarray(trace.gates[n][i], dtype=np.float64) for n in self.names}
        self.gate_images = {n: _image(gate_colours(v, n), H, 1) for n, v in self.gate_values.items()}
        self.gate_grad = np.asarray(trace.dL_dz[i], dtype=np.float64)  # (G*H,)
        self.level_z = float(numbers.level_da[i])
        self.lstm = trace.cell == "lstm"
        self.cell_values = np.asarray(trace.C[i], dtype=np.float64) if self.lstm else None
        self.cell_grad = np.asarray(trace.dL_dC[i], dtype=np.float64) if self.lstm else None
        self.cell_image = _image(palette.value_colours(self.cell_values, max(1.0, float(np.max(np.abs(
            trace.C[np.isfinite(trace.C)]), initial=1.0)))), 1, H) if self.lstm else None
        self.level_C = grad_C_level
        half = geom.strip_h / 2
        n = len(self.names)
        left = GATE_RIGHT - n * GATE_W - (n - 1) * GATE_GAP
        self.gate_rects = [QRectF(left + k * (GATE_W + GATE_GAP), -half, GATE_W, geom.strip_h) for k in range(n)]
        self.lane_y = -half - LANE_GAP
        self.cell_rect = QRectF(CELL_RIGHT - CELL_W, self.lane_y - CELL_H / 2, CELL_W, CELL_H)
        top = self.lane_y - CELL_H / 2 - 16 if self.lstm else -half - 14
        self.bounds = QRectF(-COLUMN_DX + CELL_RIGHT - 4, top, COLUMN_DX, half - top + 4)
        self.setZValue(3)  # over the W edge: W s_{t-1} arrives into the gates
        self.setAcceptHoverEvents(True)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.bounds

    # --- state -------------------------------------------------------------------------------
    def _node_state(self) -> int:
        shown = self.ctx.shown
        return BLANK if shown is None else int(shown.states[self.t - 1])

    def _current_backward(self) -> bool:
        shown = self.ctx.shown
        return shown is not None and int(shown.edges[self.t - 1]) == GRAD_CURRENT

    # --- painting -----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option, widget=None):
        state = self._node_state()
        border = QPen(qcolour(palette.NODE_BORDER), self.ctx.line_px(0.8))
        for name, rect in zip(self.names, self.gate_rects):
            if state == BLANK:
                painter.fillRect(rect, qcolour(palette.BLANK_CELL))
            else:
                painter.drawImage(rect, self.gate_images[name])
            painter.setPen(border)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            if self.ctx.scale * 7.0 >= 6.5:
                painter.setFont(self.ctx.font(7.0))
                painter.setPen(TEXT_SOFT)
                painter.drawText(QRectF(rect.left() - 2, rect.top() - 11, GATE_W + 4, 10),
                                 int(Qt.AlignmentFlag.AlignCenter), name)
        if state == FILLED_GRAD:
            colour = qcolour(int(palette.gradient_colours(self.level_z)), 255)
            painter.setPen(QPen(colour, max(1.0 + 2.5 * self.level_z, self.ctx.px(1.0))))
            first, last = self.gate_rects[0], self.gate_rects[-1]
            painter.drawRect(QRectF(first.topLeft(), last.bottomRight()).adjusted(-2, -2, 2, 2))
        if self.lstm:
            self._paint_cell_lane(painter, state)

    def _paint_cell_lane(self, painter: QPainter, state: int) -> None:
        r = self.cell_rect
        grad = state == FILLED_GRAD and self.level_C is not None
        # the lane's arrow C_{t-1} -> C_t: forward it carries C, backward (once here) dL/dC
        start, end = QPointF(r.left() - COLUMN_DX + CELL_W, self.lane_y), QPointF(r.left() - 2, self.lane_y)
        if grad:
            colour = qcolour(int(palette.gradient_colours(self.level_C)), 255)
            width = max(1.2 + (4.5 if self._current_backward() else 3.0) * self.level_C, self.ctx.px(1.0))
        else:
            colour = qcolour(palette.EDGE_DONE if state != BLANK else palette.EDGE_IDLE)
            width = self.ctx.line_px(1.2)
        painter.setPen(QPen(colour, width))
        painter.drawLine(start, end)
        head = QPolygonF([end, end + QPointF(-6, -3.5), end + QPointF(-6, 3.5)])
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(head)
        # C_t feeds s_t = o_t * tanh(C_t)
        link = QPainterPath(QPointF(r.center().x(), r.bottom()))
        link.lineTo(QPointF(-STRIP_W / 2 + 3, -self.geom.strip_h / 2 - 2))
        painter.setPen(QPen(qcolour(palette.EDGE_DONE if state != BLANK else palette.EDGE_IDLE),
                            self.ctx.line_px(0.8), Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(link)
        if state == BLANK:
            painter.fillRect(r, qcolour(palette.BLANK_CELL))
        else:
            painter.drawImage(r, self.cell_image)
        if grad:
            painter.setPen(QPen(colour, max(1.0 + 2.5 * self.level_C, self.ctx.px(1.0))))
            painter.drawRect(r.adjusted(-2, -2, 2, 2))
        else:
            painter.setPen(QPen(qcolour(palette.NODE_BORDER), self.ctx.line_px(0.8)))
            painter.drawRect(r)
        if self.ctx.scale * 9.0 >= 6.5:
            painter.setFont(self.ctx.font(self.ctx.text_size(9.0), True))
            painter.setPen(TEXT)
            painter.drawText(QRectF(r.left(), r.top() - 14, CELL_W, 12), int(Qt.AlignmentFlag.AlignLeft),
                             f"C{sub(self.t)}")

    # --- hover --------------------------------------------------------------------------------
    def tooltip_text(self) -> str:
        t = sub(self.t)
        if self._node_state() == BLANK:
            return translate("Graph", "The gates of step {0}: not computed yet").format(self.t)
        lines = [f"{n}{t} = {vector_summary(self.gate_values[n])}" for n in self.names]
        if self.lstm:
            lines.append(f"C{t} = {vector_summary(self.cell_values)}")
        if self._node_state() == FILLED_GRAD:
            if self.lstm:
                lines.append(f"∂L/∂C{t} = {vector_summary(self.cell_grad)}")
            lines.append(translate("Graph", "{0} (all gates' pre-activations) = {1}").format(
                f"∂L/∂z{t}", vector_summary(self.gate_grad)))
        return "\n".join(lines)

    def hoverEnterEvent(self, event):  # noqa: N802
        self.setToolTip(self.tooltip_text())
        super().hoverEnterEvent(event)


def add_gated_items(ctx: RenderContext, trace, numbers: GraphNumbers, geom: ColumnGeometry,
                    columns: list) -> list[GatedColumn]:
    """One GatedColumn in each column t = 1..T (columns[t]); [] for a vanilla trace."""
    if not is_gated(trace):
        return []
    grad_C = getattr(trace, "cell_grad_norm_per_step", None)
    levels = numbers.scale(grad_C) if grad_C is not None else [None] * trace.T
    return [GatedColumn(ctx, t, trace, numbers, geom, None if levels[t - 1] is None else float(levels[t - 1]),
                        columns[t]) for t in range(1, trace.T + 1)]
