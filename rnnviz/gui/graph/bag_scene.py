"""The ordinary network's graph for one sentence: x_1..x_T -> their embeddings -> x̄ -> s -> o -> ŷ.

Drawn from a ``rnnviz.core.bag.BagTrace`` only (its x, x_bar, s, o, y_hat): nothing is computed here
but colours. Every x_t has its own edge into the one mean node x̄, and there is no edge between two
steps: the picture of "the order cannot matter". Layout in scene units (zoom 1 = pixels): the words
in a row at the bottom (one column of ``BAG_DX`` each), each embedding as a vertical strip above its
word, x̄ above the middle of the row, then s and o to its right. Leading <pad> tokens are left out of
the mean by the core, so they are one block that says so, with no edge.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from rnnviz.explorer.numbers import format_number

from ..i18n import translate
from . import palette
from .context import TEXT, TEXT_SOFT, RenderContext, qcolour
from .display_data import sub, vector_summary
from .geometry import INPUT_H, LABEL_PX, OUTPUT_R
from .nodes import InputNode, strip_image

BAG_DX = 80.0            # distance between two words
STRIP_W = 18.0
STRIP_MAX_H = 48.0       # an embedding or x̄ strip
FAN_GAP = 52.0           # from the embeddings' tops to x̄'s bottom
NEXT_DX = 120.0          # x̄ -> s -> o
PAD_LABEL = "<pad>"


class BagLabel(QGraphicsItem):
    """A line of text whose font follows the zoom like the main graph's labels (readable, never huge)."""

    def __init__(self, ctx: RenderContext, text: str, rect: QRectF, size: float = LABEL_PX, colour=TEXT_SOFT,
                 bold: bool = False, align=Qt.AlignmentFlag.AlignLeft, parent=None):
        super().__init__(parent)
        self.ctx, self.text, self.rect, self.size = ctx, text, QRectF(rect), size
        self.colour, self.bold, self.align = colour, bold, align

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect

    def paint(self, painter, option, widget=None):
        if self.ctx.scale * self.size < 6.0:  # too small to read
            return
        painter.setFont(self.ctx.font(self.ctx.text_size(self.size), self.bold))
        painter.setPen(self.colour)
        painter.drawText(self.rect, int(self.align), self.text)


class VectorStrip(QGraphicsItem):
    """A column vector as a vertical strip of cells coloured by value, its name beside it.

    values: (n,) the vector; vmax: half-width of the colour scale; tooltip: its first line.
    """

    def __init__(self, ctx: RenderContext, values, vmax: float, name: str, height: float, tooltip: str,
                 name_left: bool = False, parent=None):
        super().__init__(parent)
        self.ctx, self.name, self.name_left = ctx, name, name_left
        self.values = np.asarray(values, dtype=np.float64)
        self.image = strip_image(palette.value_colours(self.values, vmax))
        self.rect = QRectF(-STRIP_W / 2, -height / 2, STRIP_W, height)
        self.bounds = self.rect.adjusted(-44, -6, 44, 6)
        self.setToolTip(f"{tooltip}\n{name} = {vector_summary(self.values)}")
        self.setZValue(2)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.bounds

    def paint(self, painter, option, widget=None):
        r = self.rect
        painter.drawImage(r, self.image)
        painter.setPen(QPen(qcolour(palette.NODE_BORDER), self.ctx.line_px(1.0)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(r)
        if self.name and self.ctx.scale * LABEL_PX >= 6.0:
            painter.setFont(self.ctx.font(self.ctx.text_size(LABEL_PX + 1), True))
            painter.setPen(TEXT)
            box = QRectF(r.left() - 42, r.top() - 2, 38, 18) if self.name_left else QRectF(r.right() + 5, r.top() - 2, 38, 18)
            align = Qt.AlignmentFlag.AlignRight if self.name_left else Qt.AlignmentFlag.AlignLeft
            painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), self.name)


class Arrow(QGraphicsItem):
    """A straight edge p1 -> p2 with its head at p2, and an optional letter (U, V) in its colour."""

    def __init__(self, ctx: RenderContext, p1: QPointF, p2: QPointF, colour: int, width: float = 1.3,
                 letter: str = "", parent=None):
        super().__init__(parent)
        self.ctx, self.p1, self.p2, self.letter = ctx, QPointF(p1), QPointF(p2), letter
        self.colour, self.width = qcolour(colour), width
        self.bounds = QRectF(self.p1, self.p2).normalized().adjusted(-14, -22, 14, 14)
        self.setZValue(1)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.bounds

    def paint(self, painter, option, widget=None):
        painter.setPen(QPen(self.colour, self.ctx.line_px(self.width)))
        painter.drawLine(self.p1, self.p2)
        angle = math.atan2(self.p2.y() - self.p1.y(), self.p2.x() - self.p1.x())
        size = max(self.ctx.px(6.0), 3.0)
        tip = self.p2
        left = QPointF(tip.x() - size * math.cos(angle - 0.45), tip.y() - size * math.sin(angle - 0.45))
        right = QPointF(tip.x() - size * math.cos(angle + 0.45), tip.y() - size * math.sin(angle + 0.45))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self.colour))
        painter.drawPolygon(QPolygonF([tip, left, right]))
        if self.letter and self.ctx.scale * LABEL_PX >= 6.0:
            mid = (self.p1 + self.p2) / 2
            painter.setFont(self.ctx.font(self.ctx.text_size(12), True))
            painter.setPen(self.colour)
            painter.drawText(QRectF(mid.x() - 9, mid.y() - 22, 18, 18), int(Qt.AlignmentFlag.AlignCenter), self.letter)


class OutputCircle(QGraphicsItem):
    """o, with o and ŷ = σ(o) written beside it (the numbers of the trace)."""

    def __init__(self, ctx: RenderContext, o: float, y_hat: float, parent=None):
        super().__init__(parent)
        self.ctx, self.o, self.y_hat = ctx, float(o), float(y_hat)
        self.rect = QRectF(-OUTPUT_R, -OUTPUT_R, 2 * OUTPUT_R, 2 * OUTPUT_R)
        self.setToolTip(f"o = V s + c = {self.o!r}\nŷ = σ(o) = {self.y_hat!r}")
        self.setZValue(2)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect.adjusted(-6, -6, 170, 6)

    def paint(self, painter, option, widget=None):
        painter.setPen(QPen(qcolour(palette.NODE_BORDER), self.ctx.line_px(1.0)))
        painter.setBrush(QBrush(qcolour(0xFFE3F1FB)))
        painter.drawEllipse(self.rect)
        if self.ctx.scale * LABEL_PX < 6.0:
            return
        painter.setFont(self.ctx.font(self.ctx.text_size(LABEL_PX), True))
        painter.setPen(TEXT)
        painter.drawText(self.rect, int(Qt.AlignmentFlag.AlignCenter), "o")
        painter.setFont(self.ctx.font(self.ctx.text_size(LABEL_PX)))
        painter.setPen(TEXT_SOFT)
        painter.drawText(QRectF(OUTPUT_R + 6, -18, 160, 18), int(Qt.AlignmentFlag.AlignLeft),
                         f"o = {format_number(self.o)}")
        painter.drawText(QRectF(OUTPUT_R + 6, 0, 160, 18), int(Qt.AlignmentFlag.AlignLeft),
                         f"ŷ = σ(o) = {format_number(self.y_hat)}")


class PadBox(QGraphicsItem):
    """The leading <pad> tokens as one box: the core leaves them out of the mean, so no edge leaves it."""

    def __init__(self, ctx: RenderContext, n_pad: int, parent=None):
        super().__init__(parent)
        self.ctx, self.n_pad = ctx, n_pad
        self.rect = QRectF(-BAG_DX * 0.75, -INPUT_H / 2, BAG_DX * 1.5, INPUT_H)
        self.setToolTip(translate("BagGraph", "{0} × <pad> in front ('pre' padding): the ordinary network leaves "
                                  "padding out of the mean, as Keras' masking does").format(n_pad))

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect.adjusted(-6, -4, 6, 44)

    def paint(self, painter, option, widget=None):
        pen = QPen(qcolour(palette.NODE_BORDER), self.ctx.line_px(1.0), Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(qcolour(palette.BLANK_CELL)))
        painter.drawRoundedRect(self.rect, 5, 5)
        if self.ctx.scale * LABEL_PX < 6.0:
            return
        painter.setFont(self.ctx.font(self.ctx.text_size(LABEL_PX)))
        painter.setPen(TEXT)
        painter.drawText(self.rect, int(Qt.AlignmentFlag.AlignCenter), f"{self.n_pad} × <pad>")
        painter.setPen(TEXT_SOFT)
        painter.drawText(QRectF(-BAG_DX * 0.8, INPUT_H / 2 + 2, BAG_DX * 1.6, 40),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
                         translate("BagGraph", "not in the mean"))


def build_bag_graph(scene: QGraphicsScene, ctx: RenderContext, trace, labels: list[str], originals: list[str]) -> dict:
    """Add the ordinary network's items for `trace` to `scene` (cleared by the caller).

    labels[i] / originals[i]: what the main graph writes under x_{i+1} and the word typed there.
    Returns the items by role ("inputs", "embeddings", "edges", "x_bar", "s", "o", "note", "pad").
    """
    T = len(labels)
    n_pad = 0
    while n_pad < T and not trace.is_word[n_pad]:
        n_pad += 1
    words = [i for i in range(T) if trace.is_word[i]]
    ed, H = trace.x.shape[1], trace.s.shape[0]
    x_vmax = palette.value_range(np.concatenate([trace.x[words].ravel(), trace.x_bar]), "linear")
    s_vmax = palette.value_range(trace.s, trace.activation)
    emb_h = min(STRIP_MAX_H, 6.0 * ed)
    s_h = min(84.0, 12.0 * H)
    y_emb = -INPUT_H / 2 - 8 - emb_h / 2
    y_bar = y_emb - emb_h / 2 - FAN_GAP - emb_h / 2
    first = 1.7 * BAG_DX if n_pad else 0.0  # the <pad> box is wider than a word's column
    xs = {i: first + k * BAG_DX for k, i in enumerate(words)}
    items: dict = {"inputs": [], "embeddings": [], "edges": [], "pad": None}
    if n_pad:
        box = PadBox(ctx, n_pad)
        box.setPos(0.0, 0.0)
        scene.addItem(box)
        items["pad"] = box
    last = xs[words[-1]] if words else 0.0
    centre = (first + last) / 2  # x̄ above the middle of the words that enter it
    x_bar = VectorStrip(ctx, trace.x_bar, x_vmax, "x̄", emb_h,
                        translate("BagGraph", "x̄: the mean of the n = {0} word vectors (padding left out)").format(
                            trace.n_words), name_left=True)
    x_bar.setPos(centre, y_bar)
    scene.addItem(x_bar)
    for i in words:
        t = i + 1
        node = InputNode(ctx, t, labels[i], trace.tokens[i], trace.x[i], original=originals[i] if originals else "")
        node.setPos(xs[i], 0.0)
        scene.addItem(node)
        strip = VectorStrip(ctx, trace.x[i], x_vmax, "", emb_h,
                            translate("BagGraph", "{0} = E[“{1}”], the word's embedding").format(f"x{sub(t)}", labels[i]))
        strip.setPos(xs[i], y_emb)
        scene.addItem(strip)
        edge = Arrow(ctx, QPointF(xs[i], y_emb - emb_h / 2 - 2), QPointF(centre, y_bar + emb_h / 2 + 3),
                     palette.EDGE_DONE, 1.2)
        edge.setToolTip(translate("BagGraph", "{0} → x̄: added with weight 1/n = 1/{1}, whatever its position").format(
            f"x{sub(t)}", trace.n_words))
        scene.addItem(edge)
        items["inputs"].append(node)
        items["embeddings"].append(strip)
        items["edges"].append(edge)
    s = VectorStrip(ctx, trace.s, s_vmax, "s", s_h,
                    translate("BagGraph", "s = f(U x̄ + b): one hidden layer, computed once"))
    s.setPos(centre + NEXT_DX, y_bar)
    scene.addItem(s)
    u = Arrow(ctx, QPointF(centre + STRIP_W / 2 + 3, y_bar), QPointF(centre + NEXT_DX - STRIP_W / 2 - 3, y_bar),
              palette.PARAM_COLOURS["U"], 1.6, "U")
    o = OutputCircle(ctx, trace.o, trace.y_hat)
    o.setPos(centre + 2 * NEXT_DX, y_bar)
    v = Arrow(ctx, QPointF(centre + NEXT_DX + STRIP_W / 2 + 3, y_bar),
              QPointF(centre + 2 * NEXT_DX - OUTPUT_R - 2, y_bar), palette.PARAM_COLOURS["V"], 1.6, "V")
    for item in (u, o, v):
        scene.addItem(item)
    left = max(-BAG_DX, centre - 330.0)  # near x̄, where a long sentence's view opens
    width = min(max(640.0, last + BAG_DX - left), 900.0)  # one line where the words leave room
    note = BagLabel(ctx, translate("BagGraph", "No edge between steps: each xₜ goes straight into the mean, and the "
                                   "mean is the same in any order."),
                    QRectF(left, INPUT_H / 2 + 42, width, 36), colour=TEXT,
                    align=Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    scene.addItem(note)
    title = BagLabel(ctx, translate("BagGraph", "Ordinary network: x̄ = mean of the word vectors, s = f(U x̄ + b), "
                                    "o = V s + c"),
                     QRectF(left, y_bar - s_h / 2 - 28, width, 24), size=12, colour=TEXT, bold=True,
                     align=Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    scene.addItem(title)
    items.update(x_bar=x_bar, s=s, o=o, u=u, v=v, note=note, title=title)
    return items
