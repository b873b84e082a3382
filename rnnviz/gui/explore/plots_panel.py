"""Plots beside the graph: ||dL/ds_t|| (log), the hidden states as a heatmap, each step's share of dL/dW.

Items are created once; a new trace only sets their data, and the current step only moves the
cursors, so redrawing costs nothing noticeable even while the animation runs.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from rnnviz.explorer.diagnose import diagnose, plotted_norms
from rnnviz.explorer.numbers import format_number

from ..help_button import HelpButton
from ..i18n import translate
from .heat_scale import SCALES, heat_image

CURSOR_PEN = pg.mkPen("#d62728", width=2)
#: Above this many steps the dW shares are one line: 500 stems side by side are a solid block.
STEMS_MAX_T = 80
NOTE_STYLE = "color:#8a4b00;"
HEATMAP_COLORMAP = "CET-D1"  # diverging blue - white - red: sign and size of s_t[i]


def positive_or_nan(values: np.ndarray) -> np.ndarray:
    """Values for a log axis: zeros, negatives and overflowed entries become NaN (gaps), not errors."""
    v = np.asarray(values, dtype=np.float64).copy()
    v[~np.isfinite(v) | (v <= 0)] = np.nan
    return v


class PlotsPanel(QWidget):
    """set_trace(trace) sets the data; set_cursor(t) moves the three cursors to time step t.

    Signals: helpRequested(str topic); timeClicked(int t) when the user clicks a plot at step t;
    valueHovered(str) the values at the step under the mouse (for the status bar).
    """

    helpRequested = Signal(str)
    timeClicked = Signal(int)
    valueHovered = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        # antialiased per item (antialias=True), not through pg.setConfigOptions: the global option would also
        # antialias every plot built after this panel, the live training curves included, whose redraws
        # then cost the trainer more
        self.layout_widget = pg.GraphicsLayoutWidget()
        self.layout_widget.setBackground("w")
        self.layout_widget.setToolTip(translate("PlotsPanel", "Plots of the current trace; the red line is the current "
                                                "step. Click a plot to jump to that time step"))

        self.grad_plot = self.layout_widget.addPlot(row=0, col=0)
        self._style(self.grad_plot, translate("PlotsPanel", "‖dL/ds<sub>t</sub>‖ (log)"), "t")
        self.grad_plot.setLogMode(x=False, y=True)
        self.grad_curve = self.grad_plot.plot([], [], pen=pg.mkPen("#1f77b4", width=2), symbol="o",
                                              symbolSize=5, symbolBrush="#1f77b4", connect="finite", antialias=True)

        self.heat_plot = self.layout_widget.addPlot(row=0, col=1)
        self._style(self.heat_plot, translate("PlotsPanel", "hidden state s<sub>t</sub> (unit × t)"), "t")
        self.heat_plot.invertY(True)
        self.heatmap = pg.ImageItem(axisOrder="col-major")
        self.heatmap.setColorMap(pg.colormap.get(HEATMAP_COLORMAP))
        self.heat_plot.addItem(self.heatmap)

        self.contrib_plot = self.layout_widget.addPlot(row=0, col=2)
        self._style(self.contrib_plot, translate("PlotsPanel", "step t's share of dL/dW (log)"), "t")
        self.contrib_plot.setLogMode(x=False, y=True)
        self.contrib_curve = self.contrib_plot.plot([], [], pen=None, symbol="s", symbolSize=6,
                                                    symbolBrush="#2ca02c", connect="finite", antialias=True)
        self.contrib_stems = self.contrib_plot.plot([], [], pen=pg.mkPen("#2ca02c", width=1), connect="pairs",
                                                    antialias=True)

        self.empty_texts = {}
        for plot in (self.grad_plot, self.contrib_plot):
            text = pg.TextItem("", color="#8a4b00", anchor=(0.5, 0.5))
            plot.addItem(text, ignoreBounds=True)
            text.hide()
            self.empty_texts[plot] = text

        self.cursors = []
        for plot in (self.grad_plot, self.heat_plot, self.contrib_plot):
            line = pg.InfiniteLine(pos=1, angle=90, movable=False, pen=CURSOR_PEN)
            plot.addItem(line, ignoreBounds=True)
            self.cursors.append(line)
        self.grad_plot.setXRange(0.5, 6.5)
        self.grad_plot.setYRange(-4, 0)
        self.contrib_plot.setYRange(-4, 0)
        self.heat_plot.setYRange(0.5, 6.5)
        self.layout_widget.scene().sigMouseClicked.connect(self._on_click)
        self.layout_widget.scene().sigMouseMoved.connect(self._on_move)
        self.heat_plot.setXLink(self.grad_plot)
        self.contrib_plot.setXLink(self.grad_plot)

        help_button = HelpButton("gradients", translate("PlotsPanel", "What these plots show about vanishing and "
                                                        "exploding gradients"))
        help_button.helpRequested.connect(self.helpRequested)
        header = QHBoxLayout()
        header.addWidget(QLabel("<b>" + translate("PlotsPanel", "Gradients through time") + "</b>"))
        header.addStretch(1)
        self.heat_scale_combo = QComboBox()
        for key, text in SCALES.items():
            self.heat_scale_combo.addItem(translate("PlotsPanel", "s_t colour: {0}").format(translate("HeatScale", text)),
                                          key)
        self.heat_scale_combo.setToolTip(translate("PlotsPanel", "Colour scale of the hidden-state heatmap. linear: "
                                                   "±the largest |s_t[i]|; symmetric log: sign and order of magnitude, "
                                                   "so one exploded step does not blank the rest; per step t: each "
                                                   "column to its own largest entry; auto: symmetric log when the "
                                                   "values span more than two orders of magnitude"))
        self.heat_scale_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.heat_scale_combo.currentIndexChanged.connect(self._draw_heatmap)
        header.addWidget(self.heat_scale_combo)
        header.addWidget(help_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.layout_widget, 1)
        # Why a point is missing (0 or inf cannot sit on a log axis), in one line a learner can read.
        self.note_label = QLabel("")
        self.note_label.setObjectName("plots_note")
        self.note_label.setStyleSheet(NOTE_STYLE)
        self.note_label.setWordWrap(True)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.note_label)
        self._T = 0
        self._trace = None
        self._hovered_t = None

    @staticmethod
    def _style(plot, title: str, xlabel: str) -> None:
        plot.setTitle(title, size="9pt")
        plot.setLabel("bottom", xlabel)
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=True, y=False)
        plot.hideButtons()
        # Label decades only: on a log axis the minor ticks' labels (2·10^-5, 3·10^-5, ...) pile up.
        plot.getAxis("left").setStyle(maxTextLevel=0)
        # The cursors move at every step; cached axes are blitted instead of re-laid out each time.
        for side in ("left", "bottom"):
            plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_trace(self, trace) -> None:
        T, H = trace.T, trace.hidden_size
        self._T = T
        self._trace = trace
        self.diagnosis = diagnose(trace)
        t = np.arange(1, T + 1, dtype=np.float64)
        grad_norms, share_norms = self._norms = plotted_norms(trace)  # the panel's ‖·‖ of each step
        grad = positive_or_nan(grad_norms)
        contrib = positive_or_nan(share_norms)
        self._set_log_data(self.grad_plot, self.grad_curve, t, grad,
                           translate("PlotsPanel", "every ‖dL/ds_t‖ is 0 or inf:\nsee the note below"))
        self._set_log_data(self.contrib_plot, self.contrib_curve, t, contrib,
                           translate("PlotsPanel", "every share is 0 or inf:\nsee the note below"))
        drawn = np.isfinite(contrib)
        self.grad_curve.setSymbol("o" if T <= STEMS_MAX_T else None)
        if T <= STEMS_MAX_T:  # one stem per step while they stay apart; past that, one line
            self.contrib_curve.setPen(None)
            self.contrib_curve.setSymbol("s")
            self.contrib_stems.setData(np.repeat(t[drawn], 2), self._stem_ys(contrib[drawn]), connect="pairs")
        else:
            self.contrib_curve.setPen(pg.mkPen("#2ca02c", width=1.5))
            self.contrib_curve.setSymbol(None)
            self.contrib_stems.setData([], [])
        self._draw_heatmap()
        self.heat_plot.setYRange(0.5, H + 0.5, padding=0)
        self.grad_plot.setXRange(0.5, T + 0.5, padding=0.01)
        self._decade_range(self.grad_plot, grad)
        self._decade_range(self.contrib_plot, contrib)
        for plot, text in self.empty_texts.items():
            text.setPos((T + 1) / 2, 0.0)
        notes = [n for n in (self.diagnosis.grad_note, self.diagnosis.share_note) if n]
        self.note_label.setText("  ".join(notes))
        self.note_label.setToolTip("\n".join(notes))

    def _draw_heatmap(self, *_args) -> None:
        """The states on the chosen colour scale (heat_scale.heat_image), captioned with it."""
        trace = self._trace
        if trace is None:
            return
        image, levels, caption = heat_image(trace.s, self.heat_scale_combo.currentData())
        self.heatmap.setImage(image, levels=levels, autoLevels=False)
        self.heatmap.setRect(QRectF(0.5, 0.5, trace.T, trace.hidden_size))
        self.heat_plot.setTitle(translate("PlotsPanel", "hidden state s<sub>t</sub> (unit × t), {0}").format(caption),
                                size="9pt")

    def _set_log_data(self, plot, curve, t: np.ndarray, values: np.ndarray, empty: str) -> None:
        """Only the drawable points go to pyqtgraph: an all-NaN curve makes numpy warn
        ("All-NaN slice") when the axis asks for its bounds, and says nothing to the learner."""
        drawn = np.isfinite(values)
        text = self.empty_texts[plot]
        if drawn.any():
            curve.setData(t, values, connect="finite")
            text.hide()
        else:
            curve.setData([], [])
            text.setText(empty)
            text.show()

    @staticmethod
    def _decade_range(plot, values: np.ndarray) -> None:
        """y range from a power of ten below the data to one above it: whole decades, so that the
        log axis labels read 10^-6, 10^-4, ... and a vanishing slope is easy to read off."""
        logs = np.log10(positive_or_nan(values))
        logs = logs[np.isfinite(logs)]
        if not logs.size:
            plot.setYRange(-1, 1, padding=0)
            return
        low, high = np.floor(logs.min()), np.ceil(logs.max())
        # pyqtgraph labels the minor ticks (2·10^-5, 3·10^-5, ...) of a log axis spanning fewer than
        # three decades, and they pile up; three or more decades keep the labels to powers of ten.
        missing = max(0.0, 3.0 - (high - low))
        low, high = low - np.ceil(missing / 2), high + np.floor(missing / 2)
        plot.setYRange(float(low), float(high), padding=0.02)

    @staticmethod
    def _stem_ys(values: np.ndarray) -> np.ndarray:
        """Stem from the lowest shown value up to each value (pairs for connect='pairs')."""
        finite = values[np.isfinite(values)]
        floor = float(finite.min()) if finite.size else 1.0
        ys = np.empty(2 * values.size)
        ys[0::2] = floor
        ys[1::2] = np.where(np.isfinite(values), values, floor)
        return ys

    def time_at(self, scene_pos) -> int | None:
        """The time step t under a scene position inside one of the plots, or None."""
        for plot in (self.grad_plot, self.heat_plot, self.contrib_plot):
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                t = int(round(plot.vb.mapSceneToView(scene_pos).x()))
                return t if 1 <= t <= self._T else None
        return None

    def _on_click(self, event) -> None:
        t = self.time_at(event.scenePos())
        if t is not None:
            self.timeClicked.emit(t)

    def _on_move(self, scene_pos) -> None:
        t = self.time_at(scene_pos)
        if t is None or t == self._hovered_t or self._trace is None:
            return
        self._hovered_t = t
        self.valueHovered.emit(self.values_text(t))

    def values_text(self, t: int) -> str:
        """The plotted numbers at step t, as one line."""
        tr = self._trace
        states = ", ".join(format_number(v) for v in tr.s[t - 1][:4])
        more = ", …" if tr.hidden_size > 4 else ""
        grad, share = self._norms
        return translate("PlotsPanel", "t = {0}: ‖dL/ds_t‖ = {1}, step's share of dL/dW = {2}, s_t = [{3}]").format(
            t, format_number(grad[t - 1]), format_number(share[t - 1]), states + more)

    def set_cursor(self, t: int) -> None:
        for line in self.cursors:
            line.setValue(t)
