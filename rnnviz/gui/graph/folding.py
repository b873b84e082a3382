"""Folding the unrolled graph into its loop diagram and back: the columns slide onto the focus column
while the loop fades in. A mixin of ``UnrolledGraphView`` (it uses the view's items and state)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, QVariantAnimation

from .builder import w_edge_ends
from .geometry import COLUMN_DX, MARGIN, column_x

FOLD_MS = 650
FOLD_MAX_COLUMNS = 60   # columns animated by a fold; the others are hidden during it


def _lerp_rect(a: QRectF, b: QRectF, p: float) -> QRectF:
    return QRectF(a.x() + (b.x() - a.x()) * p, a.y() + (b.y() - a.y()) * p,
                  a.width() + (b.width() - a.width()) * p, a.height() + (b.height() - a.height()) * p)


class FoldingMixin:
    """set_folded(), is_folded(), fold_progress and the fold animation's steps."""

    def set_folded(self, folded: bool, animate: bool = True) -> None:
        """Switch between the folded loop diagram and the unrolled graph, smoothly if `animate`."""
        folded = bool(folded)
        if folded == self._folded and self._anim.state() != QVariantAnimation.State.Running:
            return
        self._folded = folded
        if self._items is None:
            return
        self._anim.stop()
        start = self.mapToScene(self.viewport().rect()).boundingRect()
        if folded:
            if self._fold == 0.0:
                self._fold_focus = max(self._current_t(), 1)
                self._unfolded_view = start
            target = self._folded_rect()
        else:
            target = self._unfolded_view or self._focus_rect()
        self._fold_rects = (start, target)
        self._prepare_fold()
        end = 1.0 if folded else 0.0
        if not animate:
            self._apply_fold(end)
            self._fold_finished()
            return
        self._anim.setDuration(int(FOLD_MS * max(abs(end - self._fold), 0.2)))
        self._anim.setStartValue(self._fold)
        self._anim.setEndValue(end)
        self._anim.start()

    def is_folded(self) -> bool:
        """True when the folded diagram is (or is becoming) the one shown."""
        return self._folded

    @property
    def fold_progress(self) -> float:
        """0 = fully unrolled, 1 = fully folded; in between while animating."""
        return self._fold

    def _folded_rect(self) -> QRectF:
        folded = self._items.folded
        folded.setPos(column_x(self._fold_focus), 0.0)
        return folded.mapRectToScene(folded.boundingRect()).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def _focus_rect(self) -> QRectF:
        r = self._items.unrolled_rect
        x = column_x(self._fold_focus)
        return QRectF(x - 4 * COLUMN_DX, r.top(), 8 * COLUMN_DX, r.height())

    def _prepare_fold(self) -> None:
        """Choose the columns to animate: those in view at the start or the end of the move; the
        others are off screen throughout, so they are hidden instead of moved (cheap at T = 500)."""
        it = self._items
        it.layer.setVisible(True)
        for marker in (it.band, it.cut_marker):  # they do not move with the columns
            if marker is not None:
                marker.setVisible(False)
        it.folded.setVisible(True)
        it.folded.setPos(column_x(self._fold_focus), 0.0)
        self.scene().setSceneRect(it.unrolled_rect.united(self._folded_rect()))
        start, target = self._fold_rects
        seen = start.united(target) if not start.isEmpty() else self._focus_rect()
        lo = int(np.floor((seen.left() - COLUMN_DX) / COLUMN_DX))
        hi = int(np.ceil((seen.right() + 2 * COLUMN_DX) / COLUMN_DX))
        # zoomed far out, moving hundreds of columns would stutter: beyond a window around the
        # focus they are hidden at once (at that zoom they are a few pixels wide anyway)
        lo = max(lo, self._fold_focus - FOLD_MAX_COLUMNS // 2)
        hi = min(hi, self._fold_focus + FOLD_MAX_COLUMNS // 2)
        self._fold_cols = [t for t in range(len(it.columns)) if lo <= t <= hi]
        keep = set(self._fold_cols)
        for t, col in enumerate(it.columns):
            col.setVisible(t in keep)

    def _apply_fold(self, p: float) -> None:
        """Collapse every column towards the focus column by fraction p, crossfading to the loop."""
        it = self._items
        if it is None:
            return
        self._fold = p
        fx = column_x(self._fold_focus)
        span = COLUMN_DX * (1.0 - p)
        ends = w_edge_ends(span)
        for t in self._fold_cols:
            x = column_x(t)
            it.columns[t].setPos(x + (fx - x) * p, 0.0)
            if t > 0:
                it.edges_w[t - 1].set_ends(*ends)
                it.edges_w[t - 1].setVisible(span > 30.0)
        it.layer.setOpacity(max(0.0, 1.0 - 1.4 * p))
        it.folded.setOpacity(min(1.0, max(0.0, 1.6 * p - 0.4)))
        start, target = self._fold_rects
        if not start.isEmpty() and not target.isEmpty():
            self.fitInView(_lerp_rect(start, target, p), Qt.AspectRatioMode.KeepAspectRatio)
            self._zoom_changed()

    def _fold_finished(self) -> None:
        it = self._items
        if it is None:
            return
        folded = self._fold >= 1.0
        if not folded:  # every column back in place, including those hidden during the move
            ends = w_edge_ends(COLUMN_DX)
            for t, col in enumerate(it.columns):
                col.setPos(column_x(t), 0.0)
                if t > 0 and it.edges_w[t - 1].p1 != ends[0]:
                    it.edges_w[t - 1].set_ends(*ends)
                    it.edges_w[t - 1].setVisible(True)
        it.layer.setVisible(not folded)
        it.folded.setVisible(folded)
        self.scene().setSceneRect(self._folded_rect() if folded else it.unrolled_rect)
