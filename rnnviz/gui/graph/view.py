"""UnrolledGraphView: the unrolled RNN graph of one trace, stepped through its forward and BPTT steps.

The view only draws numbers it is given (a Trace and the words of its tokens). `set_trace` builds the
items once; `set_step` / `set_progress` then change only the items whose state differs from what is
shown (see schedule.py), so stepping stays cheap at T = 500.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView

if TYPE_CHECKING:  # the core imports numba; the graph only reads a Trace's arrays
    from rnnviz.core.trace_types import Trace

from . import palette
from .builder import GraphItems, build_graph, w_edge_ends
from .context import RenderContext, qcolour
from .display_data import GraphNumbers
from .geometry import COLUMN_DX, MARGIN, column_x
from .padding import PadBlock, leading_pads

#: Below this zoom Fit stops shrinking the graph to its whole length (see fit_all)
MIN_FIT_SCALE = 0.1  # 10 px a step: below it the graph is a strip with no readable node
from .legend import GraphLegend
from .nodes import GraphNode
from .schedule import ACTIVE, FILLED, FILLED_GRAD, GRAD_CURRENT, StepSchedule, StepStates

MAX_SCALE = 8.0
FOLD_MS = 650
FOLD_MAX_COLUMNS = 60   # columns animated by a fold; the others are hidden during it


def _changed(new: np.ndarray, old: np.ndarray | None) -> np.ndarray:
    """Rows whose state differs (all rows when nothing was shown before)."""
    return np.arange(new.shape[0]) if old is None else np.flatnonzero(new != old)


def _nice_step(minimum: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, 100, ... that is >= minimum."""
    k = 1
    while k < minimum:
        k = k * 5 // 2 if str(k)[0] == "2" else k * 2
    return k


def _lerp_rect(a: QRectF, b: QRectF, p: float) -> QRectF:
    return QRectF(a.x() + (b.x() - a.x()) * p, a.y() + (b.y() - a.y()) * p,
                  a.width() + (b.width() - a.width()) * p, a.height() + (b.height() - a.height()) * p)


class UnrolledGraphView(QGraphicsView):
    """The unrolled (or folded) computation graph of a trace.

    Signals: parameterHovered(str) with "U", "W", "V" or "" when the hovered parameter changes;
    nodeClicked(str, int) with ("x" | "s" | "o" | "L", t) when a node is clicked (not dragged).
    """

    parameterHovered = Signal(str)
    nodeClicked = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setBackgroundBrush(QBrush(qcolour(palette.BACKGROUND)))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self._ctx = RenderContext(on_hover=self.highlight_parameter)
        self._legend = GraphLegend(self, self.highlight_parameter)
        self._legend.move(10, 10)
        self._trace: Trace | None = None
        self._words: list[str] = []
        self._items: GraphItems | None = None
        self._schedule: StepSchedule | None = None
        self._numbers: GraphNumbers | None = None
        self._shown: StepStates | None = None
        self._index = -1
        self._tweened: list = []
        self._folded = False
        self._fold = 0.0            # 0 = unrolled, 1 = folded
        self._fold_focus = 1
        self._fold_rects = (QRectF(), QRectF())
        self._fold_cols: list[int] = []
        self._unfolded_view: QRectF | None = None
        self._auto_view = True      # until the user zooms or pans, resizing re-frames the graph
        self._press_pos: QPointF | None = None
        self._anim = QVariantAnimation(self)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._anim.valueChanged.connect(lambda v: self._apply_fold(float(v)))
        self._anim.finished.connect(self._fold_finished)

    # ------------------------------------------------------------------ public API
    def set_trace(self, trace: Trace, words: list[str], class_names=None, originals=None) -> None:
        """(Re)build the graph for `trace`; words[i] labels x_{i+1}. Keeps the zoom if T is unchanged.

        class_names: the softmax head's class k is shown as class_names[k] (the predicted next word);
        None numbers the classes. originals[i]: the word typed at step i + 1, shown under an <oov>.

        The shown step index is kept (clamped to the new trace's steps), so a recomputed trace
        redraws at the same point of the animation.
        """
        words = [str(w) for w in words]
        if len(words) != trace.T:
            raise ValueError(f"set_trace: got {len(words)} words for a trace of T = {trace.T} steps")
        if trace.T < 1:
            raise ValueError("set_trace: the trace has no steps (T = 0)")
        # Same T, H and head: same layout, so the user's zoom stays; otherwise the graph is re-framed.
        keep_view = self._trace is not None and ((self._trace.T, self._trace.hidden_size, self._trace.head)
                                                 == (trace.T, trace.hidden_size, trace.head))
        keep_view = keep_view and leading_pads(words) == leading_pads(self._words)
        old_transform, old_centre = self.transform(), self.mapToScene(self.viewport().rect().center())
        self._anim.stop()
        self.highlight_parameter("")
        self._items = None
        self._tweened = []
        self.scene().clear()
        self._trace, self._words = trace, words
        self._ctx.class_names = tuple(class_names) if class_names is not None else ()
        self._numbers = GraphNumbers.from_trace(trace)
        self._schedule = StepSchedule(trace)
        self._items = build_graph(self.scene(), self._ctx, trace, words, self._numbers,
                                  [str(w) for w in originals] if originals is not None else None)
        self._legend.set_scales(self._numbers.vmax, self._numbers.scale.lo, self._numbers.scale.hi)
        self._shown = None
        self._index = min(self._index, self._schedule.n_steps - 1)
        self.set_step(self._index)
        self._fold = 0.0
        self.scene().setSceneRect(self._items.unrolled_rect)
        if self._folded:
            self._fold_focus = max(self._current_t(), 1)
            self._fold_rects = (QRectF(), QRectF())
            self._prepare_fold()
            self._apply_fold(1.0)
            self._fold_finished()
            self.fitInView(self._folded_rect(), Qt.AspectRatioMode.KeepAspectRatio)
            self._zoom_changed()
        elif keep_view:
            self.setTransform(old_transform)
            self._zoom_changed()
            self.centerOn(old_centre)
        else:
            self._auto_view = True
            self._initial_view()

    def set_step(self, index: int) -> None:
        """Show the state after elementary step trace.steps[index] (-1 = nothing computed yet)."""
        if self._schedule is None:
            return
        index = int(min(max(index, -1), self._schedule.n_steps - 1))
        self._clear_tweens()
        states = self._schedule.states(index)
        self._apply_states(states, self._shown)
        self._shown = states
        self._index = index
        self._place_band(states)
        self._update_folded(states)

    def set_progress(self, index: int, frac: float) -> None:
        """Show step `index` blended a fraction `frac` (0..1) of the way towards step index + 1."""
        self.set_step(index)
        nxt = self._index + 1
        if self._schedule is None or nxt >= self._schedule.n_steps or frac <= 0:
            return
        kind, t = self._schedule.step_of(nxt)
        it, i = self._items, t - 1
        if kind == "forward":
            pairs = [(it.states[i], FILLED), (it.inputs[i], 1), (it.edges_u[i], ACTIVE),
                     (it.edges_w[i], ACTIVE), (it.edges_v[i], ACTIVE), (it.outputs[i], FILLED)]
        elif kind == "loss":
            pairs = [(n, ACTIVE) for n in it.losses + it.edges_loss]
        else:
            pairs = [(it.states[i], FILLED_GRAD), (it.edges_u[i], GRAD_CURRENT),
                     (it.edges_w[i], GRAD_CURRENT), (it.edges_v[i], GRAD_CURRENT)]
        for item, target in pairs:
            if item is not None:
                item.set_tween(target, frac)
                self._tweened.append(item)

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

    def pad_block(self) -> PadBlock | None:
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

    def highlight_parameter(self, name: str) -> None:
        """Highlight every edge of parameter name ("U", "W", "V"), or none for ""."""
        name = name if name in ("U", "W", "V") else ""
        old = self._ctx.highlighted
        if name == old:
            return
        self._ctx.highlighted = name
        if self._items is not None:
            for p in {old, name} - {""}:
                for e in self._items.edges_of(p):
                    e.update()
            self._items.folded.update()
        self._legend.set_highlighted(name)
        self.parameterHovered.emit(name)

    # ---------------------------------------------------------------- introspection (tests, window)
    @property
    def current_index(self) -> int:
        return self._index

    @property
    def highlighted_parameter(self) -> str:
        return self._ctx.highlighted

    def highlighted_edges(self) -> list:
        """The edges currently drawn highlighted."""
        if self._items is None or not self._ctx.highlighted:
            return []
        return [e for e in self._items.edges_of(self._ctx.highlighted) if e.highlighted]

    def node(self, kind: str, t: int):
        """The node item of kind "x" | "s" | "o" | "L" at step t (s at t = 0 is s_0), or None."""
        if self._items is None:
            return None
        if kind == "s" and t == 0:
            return self._items.s0
        table = {"x": self._items.inputs, "s": self._items.states, "o": self._items.outputs,
                 "L": self._items.losses}
        return table[kind][t - 1] if 1 <= t <= len(self._items.inputs) else None

    def edge(self, param: str, t: int):
        """The edge item "U" | "W" | "V" | "L" (o_t -> L) ending at step t, or None."""
        if self._items is None or not 1 <= t <= len(self._items.inputs):
            return None
        table = {"U": self._items.edges_u, "W": self._items.edges_w, "V": self._items.edges_v,
                 "L": self._items.edges_loss}
        return table[param][t - 1]

    def node_count(self, kind: str) -> int:
        if self._items is None:
            return 0
        if kind == "s":
            return len(self._items.states)
        return sum(1 for t in range(1, len(self._items.inputs) + 1) if self.node(kind, t) is not None)

    @property
    def legend(self) -> GraphLegend:
        return self._legend

    @property
    def folded_diagram(self):
        return None if self._items is None else self._items.folded

    # ------------------------------------------------------------------ state application
    def _apply_states(self, new: StepStates, old: StepStates | None) -> None:
        """Show `new`: items read their state from it at paint time, so only the columns whose
        state differs from `old` are invalidated, one scene rectangle per run of columns."""
        it = self._items
        self._ctx.shown = new
        if old is None:
            changed = np.ones(new.states.shape[0], dtype=bool)
        else:
            changed = ((new.states != old.states) | (new.edges != old.edges)
                       | (new.outputs != old.outputs) | (new.loss_edges != old.loss_edges)
                       | (new.inputs != old.inputs))
            if new.loss != old.loss:
                changed |= np.array([n is not None for n in it.losses])
        rows = np.flatnonzero(changed)
        if rows.size:
            breaks = np.flatnonzero(np.diff(rows) > 1)
            starts = np.concatenate(([rows[0]], rows[breaks + 1]))
            ends = np.concatenate((rows[breaks], [rows[-1]]))
            g = it.geom
            for a, b in zip(starts, ends):  # rows a..b are steps t = a+1 .. b+1
                left = column_x(int(a) + 1) - COLUMN_DX - 12
                right = column_x(int(b) + 1) + COLUMN_DX / 2 + 220
                self.scene().update(QRectF(left, g.top - 12, right - left, g.bottom - g.top + 24))
        if it.cut_marker is not None:
            it.cut_marker.wanted_visible = new.index >= self._schedule.loss_index
            it.cut_marker.setVisible(it.cut_marker.wanted_visible and it.layer.visible)

    def _clear_tweens(self) -> None:
        for item in self._tweened:
            item.clear_tween()
        self._tweened = []

    def _current_t(self) -> int:
        return self._shown.current_t if self._shown is not None else 0

    def _place_band(self, states: StepStates) -> None:
        band = self._items.band
        band.wanted_visible = states.current_t > 0
        band.setVisible(band.wanted_visible and self._items.layer.visible)
        if states.current_t > 0:
            band.setPos(column_x(states.current_t), 0.0)

    def _update_folded(self, states: StepStates) -> None:
        t = states.current_t
        T = self._trace.T
        if t == 0:
            self._items.folded.set_current(0, T, "", None, False, False, False)
            return
        node = self._items.states[t - 1]
        image = node.image if node.state != 0 else None
        grad = float(self._numbers.level_ds[t - 1]) if states.states[t - 1] == FILLED_GRAD else None
        self._items.folded.set_current(t, T, self._words[t - 1], image, states.outputs[t - 1] > 0,
                                       states.loss > 0, states.kind == "forward", grad, states.kind)

    # ------------------------------------------------------------------ folding
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

    # ------------------------------------------------------------------ zoom & pan
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

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if self._auto_view and not self._folded and self._anim.state() != QVariantAnimation.State.Running:
            self._initial_view()

    def scrollContentsBy(self, dx, dy):  # noqa: N802
        super().scrollContentsBy(dx, dy)
        if self._press_pos is not None:
            self._auto_view = False

    def mousePressEvent(self, event):  # noqa: N802
        self._press_pos = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802
        press, self._press_pos = self._press_pos, None
        super().mouseReleaseEvent(event)
        if press is None or (event.position() - press).manhattanLength() > 4:
            return
        for item in self.items(event.position().toPoint()):
            if isinstance(item, PadBlock) and item.isVisible():
                self.toggle_padding()
                return
            if isinstance(item, GraphNode) and item.isVisible():
                self.nodeClicked.emit(item.kind, int(item.t))
                return

    def leaveEvent(self, event):  # noqa: N802
        self.highlight_parameter("")
        super().leaveEvent(event)
