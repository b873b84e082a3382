"""The gradient magnitude per time step over training: where the gradient vanishes, at a glance.

x: training step, y: time step t (1 at the bottom = the start of the sequence, T at the top = the
end, where the loss enters), colour: log10 ||dL/ds_t|| averaged over the batch. A vanishing gradient
shows as a cold band at low t; as the model learns to use the early steps the band can warm up.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from ..i18n import translate
from .history import HeatmapHistory
from .plot_base import LivePlot, fmt


DEFAULT_LEVELS = (-6.0, 0.0)  # log10 ||dL/ds_t|| before a run's first batch


class GradHeatmapPlot(LivePlot):
    def __init__(self, heat: HeatmapHistory, parent=None):
        super().__init__("grad_heatmap", translate("Heatmap", "Gradient per time step over training: log10 ||dL/ds_t||"),
                         translate("Heatmap", "training step"), translate("Heatmap", "time step t"), parent)
        self.heat = heat
        self.image = pg.ImageItem(axisOrder="col-major")  # image[row, col] -> x = step bucket, y = t bin
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=DEFAULT_LEVELS, colorMap="viridis", label="log10 ||dL/ds_t||",
                                        interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=self.plot)
        self.levels = DEFAULT_LEVELS
        self._drawn = None  # (rows, cols, stride, first step, T) of the image last drawn
        self._first = True  # the next image is a run's first: its levels are taken as they are

    def update_view(self) -> None:
        h = self.heat
        drawn = (h.rows, h.cols, h.stride, h.first_step, h.T)  # what the image shows; rows only grow within a run
        if drawn == self._drawn:
            return  # a batch that only went into a pending (averaged) row: nothing new to draw
        self._drawn = drawn
        img = h.image()
        if img.size == 0:
            self.image.clear()
            self._first = True
            return
        levels = _levels(img) if self._first else settle_levels(self.levels, _levels(img))
        self._first = False
        self.image.setImage(img, autoLevels=False, levels=levels)
        if levels != self.levels:  # the colour bar's axis re-lays out its labels on every setLevels
            self.levels = levels
            self.colorbar.setLevels(levels)
        x0, x1 = h.step_span()
        height = h.cols * h.t_bin
        self.image.setRect(QRectF(x0 - 0.5, 0.5, x1 - x0, height))
        self.follow(x1, 0.5, 0.5 + height, y_pad=0.0)  # x from 0, as the curves above

    def reset_view(self) -> None:
        """A new run: colour levels from its own data, not the last run's."""
        self._drawn = None
        self._first = True

    def hover_text(self, x: float, y: float) -> str | None:
        h = self.heat
        if h.rows == 0:
            return None
        row = int((x - (h.first_step - 0.5)) // h.stride)
        col = int((y - 0.5) // h.t_bin)
        if not (0 <= row < h.rows and 0 <= col < h.cols):
            return None
        value = float(h.image()[row, col])
        s0 = h.first_step + row * h.stride
        steps = (translate("Heatmap", "step {0}").format(f"{s0:.0f}") if h.stride == 1 else
                 translate("Heatmap", "steps {0}–{1}").format(f"{s0:.0f}", f"{s0 + h.stride - 1:.0f}"))
        t0 = col * h.t_bin + 1
        ts = f"t = {t0}" if h.t_bin == 1 else f"t = {t0}–{min(t0 + h.t_bin - 1, h.T)}"
        return f"{steps}, {ts}\nlog10 ||dL/ds_t|| = {fmt(value)}  (||dL/ds_t|| ≈ {fmt(10.0 ** value)})"

    def csv_table(self) -> tuple[list[str], list[list]]:
        """One row per step bucket, one column per time-step bin: log10 ||dL/ds_t||."""
        h = self.heat
        labels = []
        for j in range(h.cols):
            t0 = j * h.t_bin + 1
            t1 = min(t0 + h.t_bin - 1, h.T)
            labels.append(f"t={t0}" if t0 == t1 else f"t={t0}-{t1}")
        header = ["step_first", "step_last"] + labels
        img = h.image()
        rows = []
        for i in range(h.rows):
            s0 = h.first_step + i * h.stride
            rows.append([s0, s0 + h.stride - 1] + [float(v) for v in img[i]])
        return header, rows


def settle_levels(current: tuple[float, float], target: tuple[float, float]) -> tuple[float, float]:
    """The colour range to draw with: ``target`` when it reaches outside ``current`` or either end moved
    in by a decade or more, else ``current``.

    The robust percentiles move by half a decade back and forth from one redraw to the next; following
    each move would re-lay out the colour bar's labels (GUI time the trainer waits for) and make the
    colours flicker, while a real change of the gradients (a decade) still shows.
    """
    (lo, hi), (t_lo, t_hi) = current, target
    if t_lo < lo or t_hi > hi or t_lo >= lo + 1.0 or t_hi <= hi - 1.0:
        return target
    return current


def _levels(img: np.ndarray) -> tuple[float, float]:
    """Colour range: robust percentiles, so one exploding batch does not wash out the rest; at least 1 decade wide."""
    finite = img.ravel()[::7]  # a sample is enough for percentiles, at a seventh of the cost
    finite = finite[np.isfinite(finite)]
    if finite.size == 0:
        return (-6.0, 0.0)
    lo, hi = np.percentile(finite, [1, 99])
    lo, hi = float(np.floor(lo * 2) / 2), float(np.ceil(hi * 2) / 2)
    if hi - lo < 1.0:
        mid = (hi + lo) / 2
        lo, hi = mid - 0.5, mid + 0.5
    return lo, hi
