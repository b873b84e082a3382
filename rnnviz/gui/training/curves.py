"""Line plots over training steps: loss, accuracy, gradient norm with the clipping threshold, spectral radius of W."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg

from ..i18n import translate
from .history import SeriesHistory
from .plot_base import LivePlot, fmt, nearest_index

# Per-batch columns fed by TrainingPlots.add_batches (x first), and per-epoch columns (x = step at the epoch's end).
BATCH_COLUMNS = ("step", "loss", "loss_ema", "accuracy", "accuracy_ema", "grad_norm", "clipped",
                 "spectral_radius")
EPOCH_COLUMNS = ("step", "epoch", "train_loss", "val_loss", "train_accuracy", "val_accuracy")

# Colour-blind-safe pair (Okabe-Ito): training blue, validation vermilion.
TRAIN = "#0072B2"
VAL = "#D55E00"
TRAIN_DARK = "#004a75"  # long per-batch curves are drawn 1 px wide (a wider pen costs Qt twice the time per
# redraw, which the training thread feels through the GIL); a darker blue keeps them prominent
RAW = (0, 114, 178, 70)  # raw per-batch values: faint, so the smoothed line reads as the trend
GREY = "#606060"
LABEL_FILL = (255, 255, 255, 200)  # line labels stay readable on top of dense data
POSITIVE_FLOOR = 1e-12  # log axes need > 0


@dataclass(frozen=True)
class Curve:
    source: str          # "batch" or "epoch"
    column: str
    name: str            # legend and read-out label
    pen: object
    symbol: str | None = None
    symbol_brush: object = None


class CurvePlot(LivePlot):
    """Several curves read from the batch and epoch histories, sharing the training-step x axis."""

    def __init__(self, plot_id: str, title: str, y_label: str, curves: list[Curve],
                 batches: SeriesHistory, epochs: SeriesHistory, log_y: bool = False, parent=None):
        super().__init__(plot_id, title, translate("Curves", "training step"), y_label, parent)
        self.histories = {"batch": batches, "epoch": epochs}
        self.curves = curves
        self.log_y = log_y
        if len(curves) > 1:  # a single curve is named by the title
            # the legend goes on a line of its own under the title: inside the plot it would hide the newest
            # data, and beside the title a narrow plot cut it at the Export button (with the Learn dock open
            # at 1440 px, 'validation' was not shown)
            self.legend_label.setText(legend_html(curves))
            self.legend_label.show()
            self.legend_label.setToolTip(translate("Curves", "Per batch (faint), its moving average (smoothed), and per "
                                                  "epoch: the training average (dots) and the validation score "
                                                  "(squares)"))
        self.items: list[pg.PlotDataItem] = []
        self._drawn_versions: dict[int, int] = {}
        for c in curves:
            kw = {}
            if c.symbol:
                kw = {"symbol": c.symbol, "symbolSize": 7, "symbolBrush": c.symbol_brush, "symbolPen": None}
            # antialias=False whatever pyqtgraph's global option says: smoothing 1-px curves of a thousand points
            # costs raster time at every redraw, and the learner reads a trend, not sub-pixel detail
            item = self.plot.plot([], [], pen=c.pen, name=c.name, antialias=False, **kw)
            item.setSkipFiniteCheck(False)
            self.items.append(item)
        if log_y:
            self.plot.setLogMode(y=True)

    fixed_y: tuple[float, float] | None = None  # e.g. accuracy: always 0..1

    def update_view(self) -> None:
        x_hi, y_lo, y_hi = 0.0, np.inf, -np.inf
        data = []
        for c in self.curves:
            h = self.histories[c.source]
            x, y = h.column("step"), h.column(c.column)
            keep = ~np.isnan(y)
            x, y = x[keep], y[keep]
            if self.log_y:
                y = np.maximum(y, POSITIVE_FLOOR)
            data.append((x, y, h.version))
            if len(x):
                x_hi = max(x_hi, float(x[-1]))
                y_lo, y_hi = min(y_lo, float(y.min())), max(y_hi, float(y.max()))
        self._follow_data(x_hi, y_lo, y_hi)  # the range first: clip-to-view then cuts the data to the new range
        for i, (item, (x, y, version)) in enumerate(zip(self.items, data, strict=True)):
            if self._drawn_versions.get(i) != version:  # epoch markers change once an epoch, not per redraw
                item.setData(x, y)
                self._drawn_versions[i] = version

    def _follow_data(self, x_hi: float, y_lo: float, y_hi: float) -> None:
        if self.log_y and np.isfinite(y_lo):
            y_lo, y_hi = np.log10(y_lo), np.log10(y_hi)  # a log axis ranges over log10 of the values
            if self.clip_norm_log is not None:
                y_lo, y_hi = min(y_lo, self.clip_norm_log), max(y_hi, self.clip_norm_log)
        if self.fixed_y is not None:
            y_lo, y_hi = None, None
        self.follow(x_hi, y_lo, y_hi)

    clip_norm_log: float | None = None  # GradNormPlot keeps its threshold line in view

    def hover_text(self, x: float, y: float) -> str | None:
        lines = []
        for source in ("batch", "epoch"):
            h = self.histories[source]
            i = nearest_index(h.column("step"), x)
            if i is None:
                continue
            mine = [c for c in self.curves if c.source == source]
            if not mine:
                continue
            step = h.column("step")[i]
            head = (translate("Curves", "step {0}").format(f"{step:.0f}") if source == "batch" else
                    translate("Curves", "epoch {0} (step {1})").format(f"{h.column('epoch')[i]:.0f}", f"{step:.0f}"))
            if source == "batch" and h.stride > 1:
                head += " " + translate("Curves", "(mean of {0} batches)").format(h.stride)
            lines.append(head)  # then one value per line: a narrow label stays inside the plot
            lines += [f"  {c.name}: {fmt(h.column(c.column)[i])}" for c in mine]
        return "\n".join(lines) or None

    def csv_table(self) -> tuple[list[str], list[list]]:
        """Rows of batch points then epoch points; a 'kind' column says which, absent values are empty."""
        names = [c.column for c in self.curves]
        header = ["kind", "step", "epoch", "batches_averaged"] + names
        rows: list[list] = []
        for source in ("batch", "epoch"):
            h = self.histories[source]
            own = {c.column for c in self.curves if c.source == source}
            if not own:
                continue
            cols = {name: h.column(name) for name in own}
            steps = h.column("step")
            epochs = h.column("epoch") if source == "epoch" else None
            for i in range(len(h)):
                row = [source, float(steps[i]), "" if epochs is None else int(epochs[i]),
                       h.stride if source == "batch" else ""]
                row += [float(cols[n][i]) if n in cols else None for n in names]
                rows.append(row)
        return header, rows


def line_label(color) -> dict:
    """A horizontal line's label near the right end, its right edge there (above or below the line): a
    label centred at 95 % of the width ran past the plot's edge when the plot was narrow (the Learn dock
    open at 1440 px: "ρ = 1" read "ρ = ")."""
    return {"color": color, "position": 0.98, "anchors": [(1, 0), (1, 1)], "fill": LABEL_FILL}


class GradNormPlot(CurvePlot):
    """Global gradient norm before clipping (log scale) with the clipping threshold as a dashed line."""

    def __init__(self, batches: SeriesHistory, epochs: SeriesHistory, parent=None):
        curves = [Curve("batch", "grad_norm", translate("Curves", "||g|| before clipping"), pg.mkPen(TRAIN, width=1))]
        super().__init__("grad_norm", translate("Curves", "Gradient norm (before clipping)"), "||dL/dθ||", curves,
                         batches, epochs,
                         log_y=True, parent=parent)
        self.clip_line = pg.InfiniteLine(angle=0, pen=pg.mkPen(VAL, width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
                                         label="clip", labelOpts=line_label(VAL))
        self.plot.addItem(self.clip_line, ignoreBounds=True)
        self.set_clip_norm(None)

    def set_clip_norm(self, clip_norm: float | None) -> None:
        """Draw the threshold (the line's position is log10 of it, as the axis is logarithmic); hide it for no clipping."""
        self.clip_norm = clip_norm
        if clip_norm is None:
            self.clip_norm_log = None
            self.clip_line.hide()
        else:
            self.clip_line.show()  # the label only re-renders while visible
            self.clip_norm_log = float(np.log10(clip_norm))
            self.clip_line.setPos(self.clip_norm_log)
            self.clip_line.label.setFormat(translate("Curves", "clip at {0}").format(f"{clip_norm:g}"))

    def hover_text(self, x: float, y: float) -> str | None:
        h = self.histories["batch"]
        i = nearest_index(h.column("step"), x)
        if i is None:
            return None
        text = translate("Curves", "step {0}: ||g|| {1}").format(f"{h.column('step')[i]:.0f}",
                                                                 fmt(h.column('grad_norm')[i]))
        frac = h.column("clipped")[i]
        if self.clip_norm is not None:
            if h.stride == 1:
                text += "\n" + (translate("Curves", "clipped: yes") if frac >= 0.5 else translate("Curves", "clipped: no"))
            else:
                text += "\n" + translate("Curves", "clipped in {0}% of {1} batches").format(f"{100 * frac:.0f}", h.stride)
        return text

    def csv_table(self) -> tuple[list[str], list[list]]:
        h = self.histories["batch"]
        header = ["step", "batches_averaged", "grad_norm", "clipped_fraction", "clip_norm"]
        rows = [[float(s), h.stride, float(g), float(c), self.clip_norm]
                for s, g, c in zip(h.column("step"), h.column("grad_norm"), h.column("clipped"), strict=True)]
        return header, rows


def legend_html(curves: list[Curve]) -> str:
    """Coloured samples and names, e.g. '━ batch (smoothed)  ■ validation (epoch)'."""
    parts = []
    for c in curves:
        pen = pg.mkPen(c.pen)
        colour = pen.color()
        colour.setAlpha(255)
        mark = {"o": "●", "s": "■"}.get(c.symbol, "━")
        parts.append(f'<span style="color:{colour.name()}">{mark}</span>&nbsp;{c.name}')
    return '<span style="font-size:small">' + "&nbsp;&nbsp;".join(parts) + "</span>"


def loss_plot(batches: SeriesHistory, epochs: SeriesHistory) -> CurvePlot:
    return CurvePlot("loss", translate("Curves", "Loss"), translate("Curves", "binary cross-entropy"), [
        Curve("batch", "loss", translate("Curves", "batch"), pg.mkPen(RAW, width=1)),
        Curve("batch", "loss_ema", translate("Curves", "smoothed"), pg.mkPen(TRAIN_DARK, width=1)),
        Curve("epoch", "train_loss", translate("Curves", "train (epochs)"),
              pg.mkPen(TRAIN, width=1, style=pg.QtCore.Qt.PenStyle.DotLine), "o", pg.mkBrush(TRAIN)),
        Curve("epoch", "val_loss", translate("Curves", "validation"), pg.mkPen(VAL, width=2), "s", pg.mkBrush(VAL)),
    ], batches, epochs)


def accuracy_plot(batches: SeriesHistory, epochs: SeriesHistory) -> CurvePlot:
    plot = CurvePlot("accuracy", translate("Curves", "Accuracy"), translate("Curves", "fraction correct"), [
        Curve("batch", "accuracy", translate("Curves", "batch"), pg.mkPen(RAW, width=1)),
        Curve("batch", "accuracy_ema", translate("Curves", "smoothed"), pg.mkPen(TRAIN_DARK, width=1)),
        Curve("epoch", "train_accuracy", translate("Curves", "train (epochs)"),
              pg.mkPen(TRAIN, width=1, style=pg.QtCore.Qt.PenStyle.DotLine), "o", pg.mkBrush(TRAIN)),
        Curve("epoch", "val_accuracy", translate("Curves", "validation"), pg.mkPen(VAL, width=2), "s",
              pg.mkBrush(VAL)),
    ], batches, epochs)
    plot.fixed_y = (0.0, 1.0)
    plot.plot.setYRange(0.0, 1.0, padding=0.02)
    return plot


def spectral_plot(batches: SeriesHistory, epochs: SeriesHistory) -> CurvePlot:
    plot = CurvePlot("spectral_radius", translate("Curves", "Spectral radius of W"), "max |λ(W)|", [
        Curve("batch", "spectral_radius", "ρ(W)", pg.mkPen(TRAIN_DARK, width=1)),
    ], batches, epochs)
    # rho(W) = 1 is the textbook boundary: below it gradients through W shrink over time, above they can grow.
    one = pg.InfiniteLine(pos=1.0, angle=0, pen=pg.mkPen(GREY, style=pg.QtCore.Qt.PenStyle.DashLine),
                          label="ρ = 1", labelOpts=line_label(GREY))
    plot.plot.addItem(one)
    return plot
