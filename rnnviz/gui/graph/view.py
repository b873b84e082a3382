"""UnrolledGraphView: the unrolled RNN graph of one trace, stepped through its forward and BPTT steps.

The view only draws numbers it is given (a Trace and the words of its tokens). `set_trace` builds the
items once; `set_step` / `set_progress` then change only the items whose state differs from what is
shown (see schedule.py), so stepping stays cheap at T = 500.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtWidgets import QGraphicsView

if TYPE_CHECKING:  # the core imports numba; the graph only reads a Trace's arrays
    from rnnviz.core.trace_types import Trace

from .builder import GraphItems, build_graph
from .context import RenderContext, prepare_graph_view
from .display_data import GraphNumbers
from .folding import FoldingMixin
from .gated import add_gated_items, gated_numbers, is_gated
from .geometry import COLUMN_DX, column_x
from .legend import GraphLegend
from .nodes import GraphNode
from .padding import PadBlock, leading_pads
from .schedule import ACTIVE, FILLED, FILLED_GRAD, GRAD_CURRENT, StepSchedule, StepStates
from .zoom import ZoomMixin


def _changed(new: np.ndarray, old: np.ndarray | None) -> np.ndarray:
    """Rows whose state differs (all rows when nothing was shown before)."""
    return np.arange(new.shape[0]) if old is None else np.flatnonzero(new != old)


class UnrolledGraphView(FoldingMixin, ZoomMixin, QGraphicsView):
    """The unrolled (or folded) computation graph of a trace.

    Signals: parameterHovered(str) with "U", "W", "V" or "" when the hovered parameter changes;
    nodeClicked(str, int) with ("x" | "s" | "o" | "L", t) when a node is clicked (not dragged).
    """

    parameterHovered = Signal(str)
    nodeClicked = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        prepare_graph_view(self)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
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
        self._numbers = gated_numbers(trace) if is_gated(trace) else GraphNumbers.from_trace(trace)
        self._schedule = StepSchedule(trace)
        self._items = build_graph(self.scene(), self._ctx, trace, words, self._numbers,
                                  [str(w) for w in originals] if originals is not None else None)
        self._gated_items = add_gated_items(self._ctx, trace, self._numbers, self._items.geom, self._items.columns)
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
        # The folded diagram's caption names the step being drawn, as the panel and scrubber do.
        self._update_folded(self._schedule.states(nxt))
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

    # ------------------------------------------------------------------ mouse

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
