"""Zoom and pan of the unrolled graph: fit, wheel zoom about the cursor, the first framing, and step
labels drawn over the graph when zoomed out too far for the words. A mixin of ``UnrolledGraphView``."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt

from . import palette
from .context import qcolour
from .geometry import COLUMN_DX, column_x

MAX_SCALE = 8.0


#: Below this zoom Fit stops shrinking the graph to its whole length (see fit_all)
MIN_FIT_SCALE = 0.1  # 10 px a step: below it the graph is a strip with no readable node


def _nice_step(minimum: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, 100, ... that is >= minimum."""
    k = 1
    while k < minimum:
        k = k * 5 // 2 if str(k)[0] == "2" else k * 2
    return k


class ZoomMixin:
    """fit_all(), zoom_in(), zoom_out(), center_on_step() and the zoom state kept in the render context."""

    def fit_all(self) -> None:
        """Zoom to show the whole graph (or the whole folded diagram)."""
        if self._items is None:
            return
        rect = self._folded_rect() if self._folded else self._view_rect()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        # The legend floats over the view's top-left corner: room above the graph keeps it from
        # covering the top row (L_t and o_t of the many-to-many head). Two passes: its height in
        # scene units depends on the zoom the first fit chose.
        for _ in range(2):
            scale = min(self.transform().m11(), 1.3)
            room = (self._legend.geometry().bottom() + 6) / max(scale, 1e-6)
            fitted = rect.adjusted(0, -room, 0, 0)
            if not self._folded:  # the view centres the scene rect, so the room must be part of it
                # (all of the graph stays scrollable: a collapsed <pad> block only frames the words)
                self.scene().setSceneRect(fitted.united(self._items.unrolled_rect.adjusted(0, -room, 0, 0)))
            self.fitInView(fitted, Qt.AspectRatioMode.KeepAspectRatio)
        rect = fitted
        if self.transform().m11() > 1.3:
            self._set_scale(1.3)
            self.centerOn(rect.center())
        elif not self._folded and self.transform().m11() < MIN_FIT_SCALE:
            # A long sequence fitted whole is a thin strip nobody can read (T = 500: 1.4 px a step).
            # Fit the height instead, at a readable zoom, around the current step; the step labels
            # under the graph and the scroll bar say where in the sequence the view is.
            base, vp = self._view_rect(), self.viewport().rect()
            legend_px = self._legend.geometry().bottom() + 6
            scale = max(min(1.0, (vp.height() - legend_px) / base.height()), MIN_FIT_SCALE)
            room = legend_px / scale
            self.scene().setSceneRect(self._items.unrolled_rect.adjusted(0, -room, 0, 0))
            self._set_scale(scale)
            t = min(max(self._current_t(), 1), len(self._items.inputs))
            half = vp.width() / (2 * scale)
            x = min(max(column_x(t), base.left() + half), base.right() - half)
            self.centerOn(QPointF(x, base.center().y() - room / 2))
        self._zoom_changed()
        self._auto_view = False

    def _view_rect(self) -> QRectF:
        """What Fit shows of the unrolled graph: all of it, or from the last <pad> on while the pad
        block is collapsed."""
        block = self._items.pad_block
        if block is None or block.expanded:
            return self._items.unrolled_rect
        return block.focus_rect(self._items.unrolled_rect)

    def toggle_padding(self) -> None:
        """Expand or collapse the <pad> block in front of the words, and frame what is now shown."""
        block = self._items.pad_block if self._items is not None else None
        if block is None:
            return
        block.toggle()
        self._initial_view()

    def pad_block(self):
        """The collapsed/expanded <pad> block (rnnviz.gui.graph.padding.PadBlock) or None."""
        return self._items.pad_block if self._items is not None else None

    def zoom_in(self) -> None:
        self._zoom_by(1.25, None)
        self._auto_view = False

    def zoom_out(self) -> None:
        self._zoom_by(1 / 1.25, None)

    def center_on_step(self, t: int) -> None:
        """Scroll so that step t's column is in the middle of the view."""
        if self._items is not None:
            self.centerOn(QPointF(column_x(int(t)), self._items.geom.y_state))
            self._auto_view = False

    def _initial_view(self) -> None:
        """Whole graph if it fits at a readable size, else full height from the start of the sequence."""
        if self._items is None:
            return
        rect = self._view_rect()
        vp = self.viewport().rect()
        fit = min(vp.width() / rect.width(), vp.height() / rect.height())
        if fit >= 0.6:
            self.fit_all()
        else:
            self._set_scale(max(min(1.3, vp.height() / rect.height()), 0.6))
            left = rect.left() + vp.width() / (2 * self.transform().m11())
            self.centerOn(QPointF(left, rect.center().y()))
        self._auto_view = True

    def _set_scale(self, s: float) -> None:
        self.setTransform(self.transform().fromScale(s, s))
        self._zoom_changed()

    def _min_scale(self) -> float:
        if self._items is None:
            return 0.05
        r = self._items.unrolled_rect
        vp = self.viewport().rect()
        return 0.5 * min(vp.width() / r.width(), vp.height() / r.height())

    def _zoom_by(self, factor: float, anchor) -> None:
        """Zoom by factor keeping the scene point under `anchor` (viewport pos; None = centre) fixed."""
        s = self.transform().m11()
        new = min(max(s * factor, self._min_scale()), MAX_SCALE)
        if abs(new - s) < 1e-9:
            return
        vp_centre = self.viewport().rect().center()
        pos = vp_centre if anchor is None else anchor.toPoint()
        before = self.mapToScene(pos)
        centre = self.mapToScene(vp_centre)
        self._set_scale(new)
        self.centerOn(before + (centre - before) * (s / new))
        self._auto_view = False

    def _zoom_changed(self) -> None:
        s = self.transform().m11()
        if abs(s - self._ctx.scale) < 1e-9 or self._items is None:
            self._ctx.scale = s
            return
        self._ctx.scale = s
        for edges in (self._items.edges_u, self._items.edges_w, self._items.edges_v, self._items.edges_loss):
            for e in edges:
                if e is not None:
                    e.zoom_changed()

    def drawForeground(self, painter, rect):  # noqa: N802
        """When zoomed out too far for the words, label every k-th step under the graph instead."""
        if self._items is None or self._fold > 0 or self._ctx.scale * 12 >= 6.5:
            return
        spacing = COLUMN_DX * self._ctx.scale           # pixels between two steps
        k = _nice_step(70.0 / max(spacing, 1e-6))
        start = max(k, int(rect.left() // COLUMN_DX) // k * k)
        hi = min(len(self._items.inputs), int(rect.right() // COLUMN_DX) + 1)
        y = self.mapFromScene(QPointF(0, self._items.geom.bottom)).y() + 4
        painter.save()
        painter.resetTransform()
        painter.setFont(self._ctx.font(11))
        painter.setPen(qcolour(palette.TEXT_SOFT))
        width = self.viewport().width()
        for t in range(start, hi + 1, k):
            x = self.mapFromScene(QPointF(column_x(t), 0)).x()
            # kept inside the view: the last label is moved in rather than cut at the edge
            left = min(max(x - 40, 0.0), width - 80.0)
            painter.drawText(QRectF(left, y, 80, 16), int(Qt.AlignmentFlag.AlignHCenter), f"t = {t}")
        painter.restore()

    def wheelEvent(self, event):  # noqa: N802
        steps = event.angleDelta().y() / 120.0
        if steps:
            self._zoom_by(1.2 ** steps, event.position())
        event.accept()
