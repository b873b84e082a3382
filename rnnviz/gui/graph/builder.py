"""Builds the unrolled graph's items for one trace and keeps a reference to each, per step t.

Layout: one top-level column item per t (0..T); each column holds its nodes and the edges that end
in it (U_t, W_t, V_t, o_t -> L). Moving a column moves its nodes and edges together, which is what the
fold animation does. Columns are top-level on purpose: the scene's index then finds the few columns in
view, and only their children are visited when painting (one parent over all of them would make
every repaint visit every item, a Python call each).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

if TYPE_CHECKING:  # the core imports numba; the graph only reads a Trace's arrays
    from rnnviz.core.trace_types import Trace

from ..i18n import translate
from . import palette
from .context import RenderContext, qcolour
from .display_data import GraphNumbers
from .edges import ParamEdge
from .folded import FoldedDiagram
from .geometry import COLUMN_DX, INPUT_H, LOSS_H, MARGIN, OUTPUT_R, STRIP_W, ColumnGeometry, column_x
from .nodes import InputNode, LossNode, OutputNode, StateNode
from .padding import PadBlock, leading_pads


class Group(QGraphicsItem):
    """An invisible parent: moving or fading it moves or fades everything under it.

    rect: the area its children occupy, so the scene index can find it.
    """

    def __init__(self, rect: QRectF | None = None, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self._rect = QRectF() if rect is None else QRectF(rect)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter, option, widget=None):
        pass


class Layer:
    """The unrolled graph's top-level items, shown, hidden and faded together."""

    def __init__(self):
        self.items: list[QGraphicsItem] = []
        self.visible = True

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (reads like the Qt call it stands for)
        self.visible = bool(visible)
        for item in self.items:
            item.setVisible(visible and getattr(item, "wanted_visible", True))

    def setOpacity(self, opacity: float) -> None:  # noqa: N802
        for item in self.items:
            item.setOpacity(opacity)


@dataclass
class GraphItems:
    """Every item of one built graph. Lists are indexed by row i = t - 1 (None where a head has no
    such node: the many-to-one head has o and L only at t = T)."""

    geom: ColumnGeometry
    layer: Layer
    columns: list[Group]               # (T + 1) columns, index = t
    s0: StateNode
    inputs: list[InputNode]
    states: list[StateNode]
    outputs: list[OutputNode | None]
    losses: list[LossNode | None]
    edges_u: list[ParamEdge]
    edges_w: list[ParamEdge]
    edges_v: list[ParamEdge | None]
    edges_loss: list[ParamEdge | None]
    band: QGraphicsRectItem
    cut_marker: QGraphicsItem | None
    folded: FoldedDiagram
    unrolled_rect: QRectF = field(default_factory=QRectF)
    pad_block: PadBlock | None = None  # the 'pre' padding in front of the words, as one block

    def edges_of(self, param: str) -> list[ParamEdge]:
        table = {"U": self.edges_u, "W": self.edges_w, "V": self.edges_v, "L": self.edges_loss}
        return [e for e in table.get(param, []) if e is not None]


def w_edge_ends(span: float) -> tuple[QPointF, QPointF]:
    """End points of W_t in column t's coordinates when the previous column is `span` to the left."""
    return QPointF(-span + STRIP_W / 2 + 3, 0.0), QPointF(-STRIP_W / 2 - 3, 0.0)


def _label_text(trace: Trace) -> str:
    if trace.head == "binary":
        return translate("Graph", "(label y = {0})").format(int(trace.targets[0]))
    return ""


def build_graph(scene: QGraphicsScene, ctx: RenderContext, trace: Trace, words: list[str],
                numbers: GraphNumbers, originals: list[str] | None = None) -> GraphItems:
    """Create all items of the unrolled graph (and the hidden folded diagram) in `scene`."""
    T, H = trace.T, trace.hidden_size
    geom = ColumnGeometry.for_hidden(H)
    layer = Layer()
    columns = []
    column_rect = QRectF(-COLUMN_DX - 10, geom.top - 10, 1.5 * COLUMN_DX + 190, geom.bottom - geom.top + 20)
    for t in range(T + 1):
        col = Group(column_rect)
        col.setPos(column_x(t), 0.0)
        scene.addItem(col)
        columns.append(col)
    layer.items += columns
    zero = np.zeros(H)
    s0 = StateNode(ctx, 0, zero, palette.value_colours(zero, numbers.vmax), zero, 0.0, geom.strip_h,
                   numbers.vmax, columns[0])
    binary = trace.head == "binary"
    inputs, states, outputs, losses = [], [], [], []
    edges_u, edges_w, edges_v, edges_loss = [], [], [], []
    for t in range(1, T + 1):
        i, col = t - 1, columns[t]
        x = InputNode(ctx, t, words[i], trace.tokens[i], trace.x[i], col,
                      original=originals[i] if originals else "")
        x.setPos(0, geom.y_input)
        inputs.append(x)
        states.append(StateNode(ctx, t, trace.s[i], numbers.state_colours[i], trace.dL_ds[i],
                                numbers.level_ds[i], geom.strip_h, numbers.vmax, col))
        edges_u.append(ParamEdge(ctx, "U", t, QPointF(0, geom.y_input - INPUT_H / 2),
                                 QPointF(0, geom.strip_h / 2 + 3), numbers.level_da[i],
                                 numbers.grad_da[i], QPointF(10, 0), col))
        p1, p2 = w_edge_ends(COLUMN_DX)
        edges_w.append(ParamEdge(ctx, "W", t, p1, p2, numbers.level_da[i], numbers.grad_da[i],
                                 QPointF(0, -11), col))
        has_output = not binary or t == T
        if has_output:
            o = OutputNode(ctx, t, trace.o[i], trace.y_hat[i], trace.dL_do[i], numbers.level_do[i],
                           trace.head, col)
            o.setPos(0, geom.y_output)
            loss_value = trace.loss if binary else trace.step_loss[i]
            L = LossNode(ctx, t, loss_value, _label_text(trace), not binary, col)
            L.setPos(0, geom.y_loss)
            v = ParamEdge(ctx, "V", t, QPointF(0, -geom.strip_h / 2 - 3),
                          QPointF(0, geom.y_output + OUTPUT_R + 1), numbers.level_out[i],
                          numbers.grad_out[i], QPointF(10, 0), col)
            le = ParamEdge(ctx, "", t, QPointF(0, geom.y_output - OUTPUT_R - 1),
                           QPointF(0, geom.y_loss + LOSS_H / 2 + 1), numbers.level_do[i],
                           numbers.grad_do[i], QPointF(10, 0), col)
        else:
            o = L = v = le = None
        outputs.append(o)
        losses.append(L)
        edges_v.append(v)
        edges_loss.append(le)
    band = QGraphicsRectItem(QRectF(-COLUMN_DX * 0.46, geom.top, COLUMN_DX * 0.92, geom.bottom - geom.top))
    scene.addItem(band)
    band.setPen(QPen(Qt.PenStyle.NoPen))
    band.setBrush(QBrush(qcolour(palette.CURRENT_BAND)))
    band.setZValue(-5)
    band.wanted_visible = False
    band.setVisible(False)
    layer.items.append(band)
    cut = _cut_marker(trace, geom)
    if cut is not None:
        scene.addItem(cut)
        layer.items.append(cut)
    folded = FoldedDiagram(ctx, geom)
    scene.addItem(folded)
    folded.setVisible(False)
    rect = QRectF(column_x(0) - COLUMN_DX / 2 - MARGIN, geom.top - MARGIN,
                  column_x(T) + COLUMN_DX + 170 + 2 * MARGIN, geom.bottom - geom.top + 2 * MARGIN)
    n_pad = leading_pads(words)
    pad_block = PadBlock(ctx, geom, n_pad, columns[1:n_pad + 1]) if n_pad else None
    if pad_block is not None:
        scene.addItem(pad_block)
        layer.items.append(pad_block)
    return GraphItems(geom, layer, columns, s0, inputs, states, outputs, losses, edges_u, edges_w,
                      edges_v, edges_loss, band, cut, folded, rect, pad_block)


def _cut_marker(trace: Trace, geom: ColumnGeometry) -> QGraphicsItem | None:
    """A dashed line where truncated BPTT stops, between s_{t0-1} and s_{t0} (None without a cut)."""
    reached = sorted(st.t for st in trace.steps if st.kind == "backward")
    if not reached or reached[0] <= 1:
        return None
    t0 = reached[0]
    x = (column_x(t0 - 1) + column_x(t0)) / 2
    group = Group(QRectF(x - 130, geom.top, 260, geom.bottom - geom.top + 30))
    line = QGraphicsRectItem(QRectF(x - 0.5, geom.top + 20, 1.0, geom.bottom - geom.top - 20), group)
    pen = QPen(qcolour(palette.EDGE_CUT), 1.5, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    line.setPen(pen)
    # under the words, where no node or edge label can collide with it
    text = QGraphicsSimpleTextItem(translate("Graph", "✂ truncated BPTT (k = {0}): no gradient before t = {1}").format(
        trace.truncate, t0), group)
    text.setBrush(QBrush(qcolour(palette.TEXT_SOFT)))
    text.setPos(x - text.boundingRect().width() / 2, geom.bottom + 2)
    group.wanted_visible = False
    group.setVisible(False)
    group.setZValue(-4)
    return group
