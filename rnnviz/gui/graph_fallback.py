"""A plain stand-in for the unrolled graph, used only when ``rnnviz.gui.graph`` cannot be imported.

It answers the same calls as ``UnrolledGraphView`` and draws one labelled box per step, so the
rest of the window (playback, detail panel, plots) works and stays testable on its own.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

_W, _H, _GAP = 70.0, 40.0, 20.0


class PlaceholderGraphView(QGraphicsView):
    """x_t labels in a row; the box of the current step's t is highlighted."""

    parameterHovered = Signal(str)
    nodeClicked = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._boxes = []
        self._trace = None
        self.folded = False

    def show_message(self, text: str) -> None:
        """An empty scene with one line of text (while the kernels load)."""
        self.scene().clear()
        self._boxes = []
        self.scene().addText(text)

    def set_trace(self, trace, words, class_names=None, originals=None) -> None:
        self._trace = trace
        scene = self.scene()
        scene.clear()
        self._boxes = []
        for i, word in enumerate(words):
            x = i * (_W + _GAP)
            box = scene.addRect(QRectF(x, 0, _W, _H), QPen(QColor("#555")), QBrush(QColor("#eee")))
            text = scene.addText(f"x{i + 1}: {word}")
            text.setPos(x + 2, _H + 2)
            self._boxes.append(box)
        self.fit_all()

    def set_step(self, index: int) -> None:
        t = self._trace.steps[index].t if self._trace is not None and 0 <= index < len(self._trace.steps) else 0
        for i, box in enumerate(self._boxes):
            box.setBrush(QBrush(QColor("#ffd27f" if i + 1 == t else "#eee")))

    def set_progress(self, index: int, frac: float) -> None:
        self.set_step(index)

    def set_folded(self, folded: bool, animate: bool = True) -> None:
        self.folded = bool(folded)

    def fit_all(self) -> None:
        rect = self.scene().itemsBoundingRect()
        if not rect.isEmpty():
            self.fitInView(rect.adjusted(-10, -10, 10, 10), Qt.AspectRatioMode.KeepAspectRatio)

    def zoom_in(self) -> None:
        self.scale(1.25, 1.25)

    def zoom_out(self) -> None:
        self.scale(0.8, 0.8)

    def center_on_step(self, t: int) -> None:
        if 0 < t <= len(self._boxes):
            self.centerOn(self._boxes[t - 1])
