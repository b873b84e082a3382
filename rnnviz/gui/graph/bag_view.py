"""BagGraphView: the ordinary network's graph of one sentence (``bag_scene``).

    view = BagGraphView()
    view.set_trace(bag_trace, labels, originals)   # a rnnviz.core.bag.BagTrace and the graph's words

The whole graph is fitted into the view (at most zoom 1.3, so that a short sentence is not drawn
huge); a long one starts at a readable zoom around x̄ -> s -> o. Wheel to zoom, drag to pan.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QGraphicsView

from .bag_scene import build_bag_graph
from .context import RenderContext, prepare_graph_view

MAX_FIT = 1.3
MIN_READABLE = 0.62   # below this the words overlap and x_t loses its label: open at this zoom instead
MARGIN = 12.0


class BagGraphView(QGraphicsView):
    """The ordinary network on one sentence; ``items`` holds the drawn items by role (tests)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        prepare_graph_view(self)
        self.ctx = RenderContext()
        self.items: dict = {}
        self.trace = None
        self._words = None
        self._auto_view = True

    def set_trace(self, trace, labels: list[str], originals: list[str] | None = None) -> None:
        """Draw `trace` (a BagTrace); labels[i]: the word under x_{i+1}, originals[i]: the word typed."""
        if len(labels) != trace.tokens.shape[0]:
            raise ValueError(f"set_trace: {len(labels)} labels for {trace.tokens.shape[0]} tokens")
        words = ([str(w) for w in labels], [str(w) for w in originals] if originals is not None else [])
        if self._same_drawing(trace, words):
            # a W scale, f, label or clipping change of the RNN: the ordinary network's numbers are the
            # same, and rebuilding 3 T items per slider step would stall the window at T = 500
            self.trace = trace
            return
        self._words = words
        self.scene().clear()
        self.trace = trace
        self.items = build_bag_graph(self.scene(), self.ctx, trace, *words)
        rect = self.scene().itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.scene().setSceneRect(rect)
        self._auto_view = True
        self._fit()

    def clear(self) -> None:
        """Nothing drawn (the panel shows why in words instead)."""
        self.scene().clear()
        self.trace, self.items, self._words = None, {}, None

    def _same_drawing(self, trace, words) -> bool:
        """True when `trace` would draw exactly what is drawn (same tokens, words and values)."""
        old = self.trace
        return (old is not None and words == self._words and np.array_equal(old.tokens, trace.tokens)
                and old.o == trace.o and np.array_equal(old.x, trace.x) and np.array_equal(old.s, trace.s))

    def _fit(self) -> None:
        if self.trace is None:
            return
        rect = self.sceneRect()
        vp = self.viewport().rect()
        if rect.width() <= 0 or vp.width() <= 0:
            return
        fit = min(vp.width() / rect.width(), vp.height() / rect.height(), MAX_FIT)
        scale = fit if fit >= MIN_READABLE else min(MIN_READABLE, vp.height() / rect.height())
        self.resetTransform()
        self.scale(scale, scale)
        self.ctx.scale = scale
        if fit >= MIN_READABLE:
            self.centerOn(rect.center())
        else:  # a long sentence: x̄ -> s -> o and the words under them; drag for the others
            self.centerOn(self.items["s"].scenePos().x(), rect.center().y())

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if self._auto_view:
            self._fit()

    def wheelEvent(self, event):  # noqa: N802
        steps = event.angleDelta().y() / 120.0
        if steps and self.trace is not None:
            factor = 1.2 ** steps
            new = min(max(self.ctx.scale * factor, 0.05), 4.0)
            self.scale(new / self.ctx.scale, new / self.ctx.scale)
            self.ctx.scale = new
            self._auto_view = False
            self.viewport().update()
        event.accept()
