"""The live training plots: bounded histories fed with reports, redrawn by a timer at a fixed rate.

Reports arrive as often as the trainer makes them (hundreds per second on a small task); appending one
is a few numpy writes. Drawing happens only on the refresh timer, one plot per tick, only when something
changed and only for a plot on screen, so the GUI thread's cost does not grow with the batch rate. The
timer runs only while some plot has data it has not drawn.
"""
from __future__ import annotations

import math
import time
from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from .curves import BATCH_COLUMNS, EPOCH_COLUMNS, GradNormPlot, accuracy_plot, loss_plot, spectral_plot
from .heatmap import GradHeatmapPlot
from .history import HeatmapHistory, SeriesHistory
from .plot_base import LivePlot

# The plots are redrawn in frames, FRAME_MS apart: in a frame each plot with new data is redrawn once,
# one plot per timer tick GAP_MS apart. Why 2 Hz: every redraw is CPU taken from the trainer on a 2-core
# machine (a core, the GIL, the caches); at 5.3 Hz per plot the window cost training 13-14% of its
# speed on an idle machine and the GUI thread took 16% of a core while training; at 2 Hz, with cheaper
# redraws (plot_base.follow, heatmap.settle_levels), it takes 7-8% and the curves still move twice a
# second: a learner sees the loss fall as it happens. Why one plot per tick: a tick then blocks the
# window for one plot's repaint (~2-4 ms) instead of five (~15 ms, a visible stall). Why a burst: the
# five plots end at (nearly) the same training step, where plots drawn in turn 100 ms apart ended up
# to half a second apart. Why 15 ms and not 1: ticks 1 ms apart ran warmer (13% less GUI CPU with the
# plots fed alone), but in the UI benchmark, run alternately 6 times each at load 1.7-3.2, they took the
# same GUI CPU while training (7.4%) and a higher p99 stall (median 13.8 ms against 10.2 ms).
FRAME_MS = 500
GAP_MS = 15
EMA_ALPHA = 0.05   # smoothing of the per-batch curves: about the last 20 batches


class TrainingPlots(QWidget):
    """Loss, accuracy, gradient norm, spectral radius and the per-time-step gradient heatmap.

    Feed with ``add_batches(reports)`` / ``add_epoch(report)`` (rnnviz.train BatchReport/EpochReport);
    ``reset(clip_norm)`` before a new run. Memory is bounded by ``batch_capacity`` curve points (1024:
    two or more per pixel of a plot's width, half the drawing work of 2048) and
    ``heatmap_rows`` x 500 heatmap cells however long the run.
    """

    refreshed = Signal()  # after each redraw (tests and the UI benchmark count these)

    def __init__(self, parent=None, batch_capacity: int = 1024, heatmap_rows: int = 256,
                 frame_ms: int = FRAME_MS, gap_ms: int = GAP_MS):
        super().__init__(parent)
        self.batches = SeriesHistory(BATCH_COLUMNS, batch_capacity)
        self.epochs = SeriesHistory(EPOCH_COLUMNS, 1024)
        self.heat = HeatmapHistory(max_rows=heatmap_rows, max_cols=500)
        self.plots: dict[str, LivePlot] = {}
        for plot in (loss_plot(self.batches, self.epochs), accuracy_plot(self.batches, self.epochs),
                     GradNormPlot(self.batches, self.epochs), spectral_plot(self.batches, self.epochs),
                     GradHeatmapPlot(self.heat)):
            self.plots[plot.plot_id] = plot
        # One training-step axis for all: zoom or pan one plot and the others show the same steps.
        # (pyqtgraph's setXLink aligns pixels instead, which differ here: the heatmap is wider.)
        shared = {"user": False, "fitted": False}
        self._range_state = shared
        self._syncing = False
        self._pending_x: tuple[float, float] | None = None
        for plot in self.plots.values():
            plot.range_state = shared
            plot.plot.getViewBox().sigXRangeChanged.connect(self._sync_x)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.plots["loss"], 0, 0)
        grid.addWidget(self.plots["accuracy"], 0, 1)
        grid.addWidget(self.plots["grad_norm"], 1, 0)
        grid.addWidget(self.plots["spectral_radius"], 1, 1)
        grid.addWidget(self.plots["grad_heatmap"], 2, 0, 1, 2)
        for row in range(3):
            grid.setRowStretch(row, 1)
        self._ema: dict[str, float] = {}
        self._last_step = 0.0
        self._dirty: set[str] = set()
        self._order = list(self.plots)
        self._frame: list[str] = []  # plots still to redraw in the current frame, in order
        self._frame_started = 0.0
        self.frame_ms, self.gap_ms = frame_ms, gap_ms
        self.n_refreshes = 0
        self.timer = QTimer(self)  # runs while a plot is dirty: an idle window has no ticks
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may run 5% slow
        self.timer.setInterval(gap_ms)
        self.timer.timeout.connect(self._tick)

    # ------------------------------------------------------------------ feeding
    def reset(self, clip_norm: float | None = None) -> None:
        """Forget the previous run's curves."""
        self.batches.clear()
        self.epochs.clear()
        self.heat.clear()
        self._ema.clear()
        self._last_step = 0.0
        self._range_state.update(user=False, fitted=False)  # a new run: follow the data again
        self._pending_x = None
        for plot in self.plots.values():
            plot.reset_view()
        self.plots["grad_norm"].set_clip_norm(clip_norm)
        self._mark_dirty()  # emptied in a frame that starts at once, one plot per tick (see fit_to_data)

    def add_batches(self, reports: Iterable) -> None:
        """Append drained batch reports: one numpy block per history, not a row at a time (this runs on
        the GUI thread for every batch the trainer makes)."""
        reports = list(reports)
        if not reports:
            return
        rows = [(float(r.step), r.loss, self._smooth("loss", r.loss), r.accuracy,
                 self._smooth("accuracy", r.accuracy), r.grad_norm, 1.0 if r.clipped else 0.0, r.spectral_radius)
                for r in reports]
        self.batches.extend(rows)
        self._add_heat(reports)
        self._last_step = float(reports[-1].step)
        self._mark_dirty()

    def add_batch(self, r) -> None:
        self.add_batches([r])

    def _add_heat(self, reports: list) -> None:
        """The reports' ||dL/ds_t|| rows into the heatmap, in runs of one length T (a run's reports share it)."""
        start = 0
        for i in range(1, len(reports) + 1):
            if i == len(reports) or len(reports[i].grad_norm_per_step) != len(reports[start].grad_norm_per_step):
                run = reports[start:i]
                self.heat.extend([r.step for r in run], np.stack([np.ravel(r.grad_norm_per_step) for r in run]))
                start = i

    def add_epoch(self, r) -> None:
        self.epochs.append((self._last_step, r.epoch, r.train_loss, r.val_loss, r.train_accuracy, r.val_accuracy))
        self._mark_dirty()

    def _smooth(self, key: str, value: float) -> float:
        """Exponential moving average; starts at the first value (no bias towards 0); skips non-finite values."""
        if not math.isfinite(value):
            return self._ema.get(key, math.nan)
        prev = self._ema.get(key)
        self._ema[key] = value if prev is None or not math.isfinite(prev) else prev + EMA_ALPHA * (value - prev)
        return self._ema[key]

    # ------------------------------------------------------------------ drawing
    def _sync_x(self, source_vb, x_range) -> None:
        """Give every plot the x range one of them just got.

        A zoom or pan by the user reaches all plots at once. A range that follows the data reaches
        each plot at its next turn to redraw: re-laying out five axes in one tick would stall the
        window for ~30 ms, one per tick costs what a redraw costs anyway.
        """
        if self._syncing:
            return
        source = next((p for p in self.plots.values() if p.plot.getViewBox() is source_vb), None)
        if source is not None and getattr(source, "_setting_range", False):
            self._pending_x = tuple(x_range)
            self._dirty.update(self._order)
            return
        self._pending_x = None
        self._apply_x_everywhere(source_vb, tuple(x_range))

    def _apply_x_everywhere(self, source_vb, x_range) -> None:
        self._syncing = True
        try:
            for plot in self.plots.values():
                vb = plot.plot.getViewBox()
                if vb is not source_vb and tuple(vb.viewRange()[0]) != x_range:
                    vb.setXRange(*x_range, padding=0)
        finally:
            self._syncing = False

    def _apply_pending_x(self, plot_id: str) -> None:
        """Before a plot redraws: take the x range another plot moved to (see _sync_x)."""
        if self._pending_x is None:
            return
        vb = self.plots[plot_id].plot.getViewBox()
        if tuple(vb.viewRange()[0]) != self._pending_x:
            self._syncing = True
            try:
                vb.setXRange(*self._pending_x, padding=0)
            finally:
                self._syncing = False

    def _mark_dirty(self) -> None:
        self._dirty.update(self._order)
        if not self.timer.isActive():
            self.timer.start(self.gap_ms)  # the first frame after a pause in the data comes at once

    def _on_screen(self, plot_id: str | None = None) -> bool:
        """Whether the plots (or one of them) can be seen: shown, the window not minimised, not scrolled away."""
        if not self.isVisible() or self.window().isMinimized():
            return False
        if plot_id is None:
            return True
        plot = self.plots[plot_id]
        return plot.isVisible() and not plot.visibleRegion().isEmpty()

    def _tick(self) -> None:
        """Redraw the next plot of the current frame; start a new frame when the last one is done.

        A plot off screen (another page, a minimised window, scrolled out of view) keeps its data marked
        dirty at no cost and is redrawn in the first frame it is back on screen.
        """
        if not self._frame:
            if not self._dirty:
                self.timer.stop()  # nothing to draw until the next report (_mark_dirty starts it again)
                return
            if not self._on_screen():
                self.timer.setInterval(self.frame_ms)
                return
            self._frame = [plot_id for plot_id in self._order if plot_id in self._dirty]
            self._frame_started = time.monotonic()
        while self._frame:
            plot_id = self._frame.pop(0)
            if plot_id in self._dirty and self._on_screen(plot_id):
                self._redraw(plot_id)
                break
        if self._frame:
            self.timer.setInterval(self.gap_ms)
        else:  # the next frame FRAME_MS after this one began
            elapsed_ms = 1e3 * (time.monotonic() - self._frame_started)
            self.timer.setInterval(max(self.gap_ms, round(self.frame_ms - elapsed_ms)))

    def _redraw(self, plot_id: str) -> None:
        self._dirty.discard(plot_id)
        self._apply_pending_x(plot_id)
        plot = self.plots[plot_id]
        plot.set_empty(len(self.batches) == 0)
        plot.update_view()
        self.n_refreshes += 1
        self.refreshed.emit()

    def refresh(self) -> None:
        """Redraw every plot that has new data now (tests, exports; the timer spreads a frame over ticks)."""
        for plot_id in self._order:
            if plot_id in self._dirty:
                self._redraw(plot_id)

    def fit_to_data(self) -> None:
        """After a run: every plot shows the last step, its x axis ending there instead of at the next
        round number; following the data then leaves x alone until the next run.

        In a new frame that starts at once, not at the next FRAME_MS: drawn in the frame under way, the
        plots would show different steps for up to a frame (a short run's accuracy plot still at step 58
        beside a loss plot at step 1000, seen under Xvfb). Still one plot per tick, GAP_MS apart: the five
        redrawn and repainted in one go took 45-70 ms of a 90-136 ms freeze at the end of a run, the
        longest stall of the UI benchmark; no report comes after the last, so the five still show the same
        step.
        """
        if self._last_step > 0 and not self._range_state["user"]:
            self._range_state["fitted"] = True
            self._pending_x = (0.0, self._last_step * 1.02)
        self._mark_dirty()
        self._frame = []
        self.timer.start(0)

    def memory_bytes(self) -> int:
        """Bytes held by the histories (bounded by construction)."""
        return self.batches.nbytes() + self.epochs.nbytes() + self.heat.nbytes()
