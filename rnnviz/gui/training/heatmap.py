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


class GradHeatmapPlot(LivePlot):
    def __init__(self, heat: HeatmapHistory, parent=None):
        super().__init__("grad_heatmap", translate("Heatmap", "Gradient per time step over training: log10 ||dL/ds_t||"),
                         translate("Heatmap", "training step"), translate("Heatmap", "time step t"), parent)
        self.heat = heat
        self.image = pg.ImageItem(axisOrder="col-major")  # image[row, col] -> x = step bucket, y = t bin
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(-6.0, 0.0), colorMap="viridis", label="log10 ||dL/ds_t||",
                                        interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=self.plot)
        self.levels = (-6.0, 0.0)

    def update_view(self) -> None:
        img = self.heat.image()
        if img.size == 0:
            self.image.clear()
            return
        self.levels = _levels(img)
        self.image.setImage(img, autoLevels=False)
        self.colorbar.setLevels(self.levels)
        x0, x1 = self.heat.step_span()
        height = self.heat.cols * self.heat.t_bin
        self.image.setRect(QRectF(x0 - 0.5, 0.5, x1 - x0, height))
        self.follow(x1, 0.5, 0.5 + height, y_pad=0.0)  # x from 0, as the curves above

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
