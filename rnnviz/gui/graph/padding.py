"""The <pad> run in front of a 'pre' padded input, drawn as one block ("480 × <pad>") that expands on click.

A model trained on reviews padded to maxlen really runs through those steps (their x_t is the
embedding row of <pad>, and s_t moves), so the columns stay in the graph: the block covers their
inputs and dims them while collapsed, and the view opens on the words. Clicking the block expands
it (every pad column at full strength, the whole graph in view); clicking again collapses it.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPen
from PySide6.QtWidgets import QGraphicsItem

from ..i18n import translate
from .context import TEXT, TEXT_SOFT, RenderContext, qcolour
from .geometry import COLUMN_DX, INPUT_H, ColumnGeometry, column_x

PAD_LABEL = "<pad>"
#: Fewer leading pads than this are drawn as ordinary columns (a block for two steps hides nothing).
MIN_BLOCK = 3
#: Opacity of the pad columns while the block is collapsed.
DIMMED = 0.25


def leading_pads(words: list[str]) -> int:
    """How many of the first x_t are <pad> (the 'pre' padding), 0 when too few to fold into a block."""
    n = 0
    for word in words:
        if word != PAD_LABEL:
            break
        n += 1
    return n if n >= MIN_BLOCK else 0


class PadBlock(QGraphicsItem):
    """Covers the x_t row of steps 1..n_pad. ``expanded`` False: the block with its count, the pad
    columns dimmed; True: a thin bracket under them with the same count, the columns as usual."""

    def __init__(self, ctx: RenderContext, geom: ColumnGeometry, n_pad: int, columns, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.n_pad = int(n_pad)
        self.columns = columns  # the pad steps' column items, t = 1..n_pad
        left, right = column_x(1) - COLUMN_DX * 0.45, column_x(n_pad) + COLUMN_DX * 0.45
        top = geom.y_input - INPUT_H / 2 - 8
        self.block = QRectF(left, top, right - left, geom.bottom - top)
        self.bracket = QRectF(left, geom.bottom - 22, right - left, 22)
        self.expanded = False
        self.setZValue(3)  # over the pad columns' x_t nodes
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(translate("Graph", "{0} <pad> tokens in front of the words: the input is 'pre' padded to the "
                                  "length the model was trained on, as the trainer and the Test reviews table score "
                                  "it. Click to show or hide them; untick Padding to trace the words alone").format(
            self.n_pad))
        self.set_expanded(False)

    def boundingRect(self):  # noqa: N802
        return self.block

    def set_expanded(self, expanded: bool) -> None:
        self.prepareGeometryChange()
        self.expanded = bool(expanded)
        for column in self.columns:
            column.setOpacity(1.0 if expanded else DIMMED)
        self.update()

    def toggle(self) -> None:
        self.set_expanded(not self.expanded)

    def focus_rect(self, unrolled: QRectF) -> QRectF:
        """The part of the graph to open on while collapsed: the last pad step and everything after."""
        left = column_x(self.n_pad) - COLUMN_DX * 0.9
        return QRectF(left, unrolled.top(), unrolled.right() - left, unrolled.height())

    def text(self) -> str:
        action = translate("Graph", "click to hide") if self.expanded else translate("Graph", "click to show")
        return translate("Graph", "{0} × <pad>  (steps 1–{0}, 'pre' padding as in training; {1})").format(
            self.n_pad, action)

    def paint(self, painter, option, widget=None):
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        if self.expanded:
            r = self.bracket
            pen = QPen(qcolour(0xFF9A9A9A), self.ctx.line_px(1.2))
            painter.setPen(pen)
            painter.drawLine(r.topLeft(), r.bottomLeft())
            painter.drawLine(r.bottomLeft(), r.bottomRight())
            painter.drawLine(r.bottomRight(), r.topRight())
            colour, rect = TEXT_SOFT, r
        else:
            painter.setPen(QPen(qcolour(0xFFB0B0B0), self.ctx.line_px(1.0), Qt.PenStyle.DashLine))
            painter.setBrush(QBrush(qcolour(0xF0F2F2F2)))
            painter.drawRoundedRect(self.block, 8, 8)
            colour, rect = TEXT, self.block
        painter.setFont(self.ctx.font(self.ctx.text_size(12, max_px=16, min_px=11), bold=not self.expanded))
        painter.setPen(colour)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.text())
