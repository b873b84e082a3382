"""The nodes of the unrolled graph: x_t (input), s_t (hidden-state strip), o_t (output), L (loss).

A node's `state` (see schedule.py) is read at paint time from the step states the view shows
(ctx.shown), so stepping stores nothing per item: the view just invalidates the columns whose state
changed. A `tween` (target state, fraction) blends towards the next step's look for smooth animation.
Tooltips are built on hover, from the trace rows the node was given, and say only what is
computed at the shown step.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from rnnviz.explorer.numbers import format_number

from ..i18n import translate
from . import palette
from .context import TEXT, TEXT_SOFT, RenderContext, qcolour
from .display_data import sub, vector_summary
from .geometry import INPUT_H, INPUT_W, LABEL_PX, LOSS_H, LOSS_W, OUTPUT_R, STRIP_W
from .schedule import BLANK, FILLED, FILLED_GRAD, IDLE
from .tween import Tweenable

_NODE_FILL = qcolour(palette.NODE_FILL)
_BORDER = qcolour(palette.NODE_BORDER)
_BLANK = qcolour(palette.BLANK_CELL)
_FORWARD = qcolour(palette.EDGE_FORWARD)


def strip_image(colours: np.ndarray) -> QImage:
    """A 1 x H image whose pixels are the ARGB colours of one state vector (drawn scaled up, crisp)."""
    data = np.ascontiguousarray(colours, dtype=np.uint32).reshape(-1, 1)
    img = QImage(data.tobytes(), 1, data.shape[0], 4, QImage.Format.Format_ARGB32)
    return img.copy()  # detach from the temporary bytes


class GraphNode(Tweenable, QGraphicsItem):
    """Base: a node with a kind ("x", "s", "o", "L"), its step t, a state and an optional tween."""

    kind = ""

    def __init__(self, ctx: RenderContext, t: int, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.t = t
        self.tween: tuple[int, float] | None = None
        self.setZValue(2)
        self.setAcceptHoverEvents(True)

    @property
    def state(self) -> int:
        """This node's state at the shown step (0 before any step is shown)."""
        shown = self.ctx.shown
        return 0 if shown is None else int(self.read_state(shown))

    def read_state(self, shown) -> int:
        raise NotImplementedError

    def tooltip_text(self) -> str:
        return ""

    def hoverEnterEvent(self, event):  # noqa: N802 (Qt name)
        self.setToolTip(self.tooltip_text())
        super().hoverEnterEvent(event)

    def paint(self, painter: QPainter, option, widget=None):
        state = self.state
        if self.tween is None or self.tween[1] <= 0:
            self.paint_shape(painter, state)
            self.paint_text(painter, state)
            return
        target, frac = self.tween
        self.paint_shape(painter, state)
        painter.setOpacity(frac)  # the next step's look fades in over this one
        self.paint_shape(painter, target)
        painter.setOpacity(1.0)
        self.paint_text(painter, target if frac >= 0.5 else state)  # text once, never ghosted

    def paint_shape(self, painter: QPainter, state: int) -> None:
        raise NotImplementedError

    def paint_text(self, painter: QPainter, state: int) -> None:
        raise NotImplementedError

    def draw_label(self, painter: QPainter, rect: QRectF, text: str, align, size: float = LABEL_PX,
                   colour=TEXT, bold: bool = False) -> None:
        if self.ctx.scale * size < 6.5:  # too small to read: leave it out
            return
        painter.setFont(self.ctx.font(self.ctx.text_size(size), bold))
        painter.setPen(colour)
        painter.drawText(rect, int(align), text)


class StateNode(GraphNode):
    """s_t as a vertical strip of H cells (the column vector), coloured by value once computed.

    values: (H,) s_t; colours: (H,) its ARGB colours; grad: (H,) dL/ds_t; level: the normalised log
    level of ||dL/ds_t|| (ring width and colour in the backward pass).
    """

    kind = "s"

    def __init__(self, ctx, t, values, colours, grad, level, strip_h, vmax, parent=None):
        super().__init__(ctx, t, parent)
        self.values = np.asarray(values, dtype=np.float64)
        self.grad = np.asarray(grad, dtype=np.float64)
        self.level = float(level)
        self.vmax = vmax
        self.image = strip_image(colours)
        self.rect = QRectF(-STRIP_W / 2, -strip_h / 2, STRIP_W, strip_h)
        self.cell_h = strip_h / max(len(self.values), 1)
        self.bounds = self.rect.adjusted(-12, -12, 44, 12)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.bounds

    @property
    def state(self) -> int:
        return FILLED if self.t == 0 else GraphNode.state.fget(self)  # s_0 = 0 is known from the start

    def read_state(self, shown) -> int:
        return shown.states[self.t - 1]

    def displayed_colours(self) -> list[int]:
        """The ARGB colour each cell shows now: the value colours once computed, blank before."""
        if self.state == BLANK:
            return [palette.BLANK_CELL] * len(self.values)
        img = self.image
        return [img.pixel(0, k) for k in range(img.height())]

    def paint_shape(self, painter, state):
        r = self.rect
        if state == BLANK:
            painter.fillRect(r, _BLANK)
        else:
            painter.drawImage(r, self.image)
            if self.ctx.scale * self.cell_h >= 5 and len(self.values) > 1:
                painter.setPen(QPen(qcolour(0xFFFFFFFF, 150), self.ctx.px(1)))
                for k in range(1, len(self.values)):
                    y = r.top() + k * self.cell_h
                    painter.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
        if state == FILLED_GRAD:
            colour = qcolour(int(palette.gradient_colours(self.level)), 255)
            # in scene units: when zoomed out the ring thins with the strip instead of hiding it
            width = max(1.5 + 4.5 * self.level, self.ctx.px(1.0))
            painter.setPen(QPen(colour, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r.adjusted(-width / 2 - 1, -width / 2 - 1, width / 2 + 1, width / 2 + 1))
        else:
            painter.setPen(QPen(_BORDER, self.ctx.line_px(1.0)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r)

    def paint_text(self, painter, state):
        r = self.rect
        if state != BLANK and self.ctx.scale * min(self.cell_h * 0.6, 6.0) >= 8.5:
            self._draw_values(painter)
        label = QRectF(r.right() + 8, r.top() - 4, 32, 16)
        self.draw_label(painter, label, f"s{sub(self.t)}", Qt.AlignmentFlag.AlignLeft, bold=True)

    def _draw_values(self, painter):
        size = min(self.cell_h * 0.6, 6.0)
        painter.setFont(self.ctx.font(size))
        r = self.rect
        for k, v in enumerate(self.values):
            cell = QRectF(r.left(), r.top() + k * self.cell_h, r.width(), self.cell_h)
            painter.setPen(qcolour(0xFFFFFFFF) if abs(v) > 0.6 * self.vmax else TEXT)
            painter.drawText(cell, int(Qt.AlignmentFlag.AlignCenter), format_number(v, 2))

    def tooltip_text(self):
        if self.t == 0:
            return translate("Graph", "s₀ = 0 (the initial state)")
        if self.state == BLANK:
            return translate("Graph", "{0}: not computed yet").format(f"s{sub(self.t)}")
        lines = [f"s{sub(self.t)} = {vector_summary(self.values)}"]
        if self.state == FILLED_GRAD:
            lines.append(f"∂L/∂s{sub(self.t)} = {vector_summary(self.grad)}")
        return "\n".join(lines)


class InputNode(GraphNode):
    """x_t: a small box labelled x_t, with the word under it; outlined while it is being read."""

    kind = "x"

    def __init__(self, ctx, t, word, token, x_row, parent=None, original: str = ""):
        super().__init__(ctx, t, parent)
        self.word = word
        # the word an <oov> stands for: shown under it, so "<oov>" never hides what was typed
        self.original = original if word == "<oov>" and original else ""
        self.token = int(token)
        self.x_row = np.asarray(x_row, dtype=np.float64)
        self.rect = QRectF(-INPUT_W / 2, -INPUT_H / 2, INPUT_W, INPUT_H)
        self.short_word = word if len(word) <= 12 else word[:11] + "…"
        self.bounds = QRectF(-48, -INPUT_H / 2 - 6, 96, INPUT_H + (50 if self.original else 34))
        self.short_original = self.original if len(self.original) <= 14 else self.original[:13] + "…"

    def boundingRect(self):  # noqa: N802
        return self.bounds

    def read_state(self, shown) -> int:
        return shown.inputs[self.t - 1]

    def paint_shape(self, painter, state):
        active = state > 0
        pen = QPen(_FORWARD if active else _BORDER, self.ctx.line_px(2.2 if active else 1.0))
        painter.setPen(pen)
        painter.setBrush(QBrush(qcolour(0xFFEAF7F4) if active else _NODE_FILL))
        painter.drawRoundedRect(self.rect, 5, 5)

    def paint_text(self, painter, state):
        self.draw_label(painter, self.rect, f"x{sub(self.t)}", Qt.AlignmentFlag.AlignCenter, bold=True)
        word_rect = QRectF(-48, INPUT_H / 2 + 3, 96, 18)
        self.draw_label(painter, word_rect, self.short_word, Qt.AlignmentFlag.AlignHCenter, size=12)
        if self.original:
            self.draw_label(painter, QRectF(-48, INPUT_H / 2 + 19, 96, 16), f"({self.short_original})",
                            Qt.AlignmentFlag.AlignHCenter, size=10, colour=TEXT_SOFT)

    def tooltip_text(self):
        replaced = (translate("Graph", "“{0}” is not in the vocabulary, so {1} is the <oov> row").format(
                        self.original, f"x{sub(self.t)}") + "\n"
                    if self.original else "")
        return (replaced + translate("Graph", "{0} = embedding of “{1}” (token {2})").format(
                    f"x{sub(self.t)}", self.word, self.token) + "\n"
                f"x{sub(self.t)} = {vector_summary(self.x_row)}")


class OutputNode(GraphNode):
    """o_t: a circle; for the many-to-one head it also shows the prediction ŷ = σ(o_T).

    o_row: (K,) o_t; y_row: (K,) ŷ_t; grad_row: (K,) dL/do_t; level: log level of ||dL/do_t||.
    """

    kind = "o"

    def __init__(self, ctx, t, o_row, y_row, grad_row, level, head, parent=None):
        super().__init__(ctx, t, parent)
        self.o_row = np.asarray(o_row, dtype=np.float64)
        self.y_row = np.asarray(y_row, dtype=np.float64)
        self.grad_row = np.asarray(grad_row, dtype=np.float64)
        self.level = float(level)
        self.head = head
        self.rect = QRectF(-OUTPUT_R, -OUTPUT_R, 2 * OUTPUT_R, 2 * OUTPUT_R)
        self.bounds = QRectF(-OUTPUT_R - 10, -OUTPUT_R - 10, 2 * OUTPUT_R + 130, 2 * OUTPUT_R + 20)

    def boundingRect(self):  # noqa: N802
        return self.bounds

    def read_state(self, shown) -> int:
        return shown.outputs[self.t - 1]

    def _prediction(self) -> str:
        if self.head == "binary":
            return f"ŷ = σ(o) = {format_number(self.y_row[0])}"
        k = int(np.argmax(self.y_row))
        names = self.ctx.class_names
        if k < len(names):
            return f"ŷ: {names[k]} ({format_number(self.y_row[k])})"
        return translate("Graph", "ŷ: class {0} ({1})").format(k, format_number(self.y_row[k]))

    def paint_shape(self, painter, state):
        filled = state != BLANK
        if state == FILLED_GRAD:
            colour = qcolour(int(palette.gradient_colours(self.level)))
            pen = QPen(colour, max(1.5 + 4.5 * self.level, self.ctx.px(1.0)))
        else:
            pen = QPen(_BORDER, self.ctx.line_px(1.0))
        painter.setPen(pen)
        painter.setBrush(QBrush(qcolour(0xFFE3F1FB) if filled else _NODE_FILL))
        painter.drawEllipse(self.rect)

    def paint_text(self, painter, state):
        filled = state != BLANK
        self.draw_label(painter, self.rect, f"o{sub(self.t)}", Qt.AlignmentFlag.AlignCenter, bold=True)
        if filled and (self.head == "binary" or self.ctx.scale >= 1.2):
            text_rect = QRectF(OUTPUT_R + 5, -9, 115, 18)
            self.draw_label(painter, text_rect, self._prediction(), Qt.AlignmentFlag.AlignLeft,
                            colour=TEXT_SOFT)

    def tooltip_text(self):
        if self.state == BLANK:
            return translate("Graph", "{0}: not computed yet").format(f"o{sub(self.t)}")
        lines = [f"o{sub(self.t)} = {vector_summary(self.o_row)}", self._prediction()]
        if self.state == FILLED_GRAD:
            lines.append(f"∂L/∂o{sub(self.t)} = {vector_summary(self.grad_row)}")
        return "\n".join(lines)


class LossNode(GraphNode):
    """L (many-to-one) or L_t (many-to-many): dashed until the loss step, then its value."""

    kind = "L"

    def __init__(self, ctx, t, value, label_text, per_step, parent=None):
        super().__init__(ctx, t, parent)
        self.value = float(value)
        self.label_text = label_text
        self.per_step = per_step
        self.rect = QRectF(-LOSS_W / 2, -LOSS_H / 2, LOSS_W, LOSS_H)
        self.bounds = QRectF(-LOSS_W / 2 - 8, -LOSS_H / 2 - 8, LOSS_W + 190, LOSS_H + 16)

    def boundingRect(self):  # noqa: N802
        return self.bounds

    def read_state(self, shown) -> int:
        return shown.loss

    def _name(self) -> str:
        return f"L{sub(self.t)}" if self.per_step else "L"

    def paint_shape(self, painter, state):
        computed = state != IDLE
        pen = QPen(_FORWARD if state == 1 else _BORDER, self.ctx.line_px(2.2 if state == 1 else 1.0))
        if not computed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(qcolour(0xFFFDEBD3) if computed else _NODE_FILL))
        painter.drawRoundedRect(self.rect, 6, 6)

    def paint_text(self, painter, state):
        computed = state != IDLE
        self.draw_label(painter, self.rect, self._name(), Qt.AlignmentFlag.AlignCenter, bold=True)
        if computed and (not self.per_step or self.ctx.scale >= 1.2):
            text = f"= {format_number(self.value)}" + (f"  {self.label_text}" if self.label_text else "")
            # 170 px: "= 0.0036  (label y = 0)" fits at any font the platform picks (within the bounds)
            self.draw_label(painter, QRectF(LOSS_W / 2 + 5, -9, 170, 18), text,
                            Qt.AlignmentFlag.AlignLeft, colour=TEXT_SOFT)

    def tooltip_text(self):
        if self.state == IDLE:
            return translate("Graph", "{0}: not computed yet").format(self._name())
        return f"{self._name()} = {format_number(self.value)}" + (f"\n{self.label_text}" if self.label_text else "")
