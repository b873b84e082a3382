"""One live plot: a title bar with an Export menu, a pyqtgraph plot, a hover read-out that follows the mouse.

Subclasses draw from the shared histories in ``update_view()`` (called by the refresh timer, never per
batch), describe the value under the mouse in ``hover_text()`` and their data in ``csv_table()``.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, Signal
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (QFileDialog, QGraphicsItem, QHBoxLayout, QLabel, QMenu, QMessageBox, QSizePolicy, QToolButton,
                               QVBoxLayout, QWidget)

from rnnviz.explorer.numbers import format_number

from ..i18n import translate
from .export import atomic_save_image, atomic_write_bytes, atomic_write_csv

FOREGROUND = "#303030"
X_STEPS = (1, 2, 3, 5)  # x range ends: 1, 2, 3, 5 x 10^k steps (a denser ladder moves the axes twice as often)
X_ROOM = 1.1  # room ahead of the newest step when the x range moves
Y_ROOM = 0.5  # room (x the data's span) added on the side where the data left the y range
Y_SHRINK = 1 / 3  # the y range shrinks to the data when the data spans less than this part of it
BACKGROUND = "w"


class LivePlot(QWidget):
    """A titled plot that can export itself (PNG, SVG) and its data (CSV), atomically."""

    exported = Signal(str)  # path of a file just written

    def __init__(self, plot_id: str, title: str, x_label: str, y_label: str, parent=None):
        super().__init__(parent)
        self.plot_id = plot_id
        self.title = title
        self.setObjectName(f"plot_{plot_id}")
        self.widget = pg.PlotWidget(background=BACKGROUND)
        self.plot = self.widget.getPlotItem()
        self._style_axes(x_label, y_label)
        # pyqtgraph's own "Export..." dialog writes files in place; our menu writes them atomically.
        self.widget.scene().contextMenu = []
        self._add_export_actions(self.plot.getViewBox().menu)

        # What an empty plot says, until the first batch of a run arrives.
        self.placeholder = pg.TextItem(translate("LivePlot", "Press Start: this fills in as the model trains"),
                                       color="#909090",
                                       anchor=(0.5, 0.5))
        self.plot.getViewBox().addItem(self.placeholder, ignoreBounds=True)
        self.plot.getViewBox().sigRangeChanged.connect(self._center_placeholder)
        self.hover = pg.TextItem(color=FOREGROUND, fill=pg.mkBrush(255, 255, 255, 220),
                                 border=pg.mkPen("#909090"), anchor=(0, 1))
        self.hover.setZValue(100)
        self.hover.hide()
        self.plot.addItem(self.hover, ignoreBounds=True)
        self.widget.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.getViewBox().disableAutoRange()
        self.plot.getViewBox().setRange(xRange=(0, 10), yRange=(0, 1), padding=0)  # until data arrives
        self.plot.getViewBox().sigRangeChangedManually.connect(self._on_manual_range)
        # "user": the user zoomed or panned; "fitted": a run ended and x ends at its last step (see
        # TrainingPlots.fit_to_data); plots with linked x axes share one dict
        self.range_state = {"user": False, "fitted": False}
        #self.widget.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self._title_bar(title))
        layout.addWidget(self.widget, 1)

    # ------------------------------------------------------------------ to override
    def update_view(self) -> None:
        """Redraw from the histories (cheap: called at the refresh rate, not per batch)."""

    def hover_text(self, x: float, y: float) -> str | None:
        """What the mouse points at, in data coordinates; None hides the read-out."""
        return None

    def reset_view(self) -> None:
        """Forget what was drawn for the previous run (before the histories of a new one are drawn)."""

    def set_empty(self, empty: bool) -> None:
        """Show the placeholder text while there is no data."""
        self.placeholder.setVisible(empty)
        if empty:
            self._center_placeholder()

    def _center_placeholder(self, *_) -> None:
        if self.placeholder.isVisible():
            (x0, x1), (y0, y1) = self.plot.getViewBox().viewRange()
            self.placeholder.setPos((x0 + x1) / 2, (y0 + y1) / 2)

    def csv_table(self) -> tuple[list[str], list[list]]:
        """(header, rows) of the data drawn."""
        return [], []

    # ------------------------------------------------------------------ export
    def export_png(self, path: str | os.PathLike) -> Path:
        exporter = ImageExporter(self.plot)
        # twice the on-screen size so the picture is sharp in a document
        exporter.parameters()["width"] = max(800, 2 * int(self.plot.sceneBoundingRect().width()))
        image = exporter.export(toBytes=True)
        return self._written(atomic_save_image(path, image, "PNG"))

    def export_svg(self, path: str | os.PathLike) -> Path:
        return self._written(atomic_write_bytes(path, self._svg_bytes()))

    def _svg_bytes(self) -> bytes:
        """The plot drawn by Qt's SVG generator into memory.

        pyqtgraph 0.14's SVGExporter fails on the closed paths Qt 6 writes ("... Z", pyqtgraph issue
        #3495), so we let Qt render the plot's part of the scene directly.
        """
        rect = self.plot.sceneBoundingRect()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(int(rect.width()), int(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(self.title)
        generator.setDescription("rnnviz live training plot")
        painter = QPainter(generator)
        try:
            self.widget.scene().render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        finally:
            painter.end()
        return bytes(buffer.data())

    def export_csv(self, path: str | os.PathLike) -> Path:
        header, rows = self.csv_table()
        return self._written(atomic_write_csv(path, header, rows))

    def _written(self, path: Path) -> Path:
        self.exported.emit(str(path))
        return path

    def _ask_and_export(self, kind: str) -> None:
        filters = {"png": translate("LivePlot", "PNG image (*.png)"), "svg": translate("LivePlot", "SVG drawing (*.svg)"),
                   "csv": translate("LivePlot", "CSV table (*.csv)")}
        suggested = str(Path.home() / f"rnnviz_{self.plot_id}.{kind}")
        path, _ = QFileDialog.getSaveFileName(self, translate("LivePlot", "Export {0}").format(self.title), suggested,
                                              filters[kind])
        if not path:
            return
        if not path.lower().endswith("." + kind):
            path += "." + kind
        try:
            {"png": self.export_png, "svg": self.export_svg, "csv": self.export_csv}[kind](path)
        except OSError as exc:
            QMessageBox.warning(self, translate("LivePlot", "Export failed"),
                                translate("LivePlot", "Could not write {0}:\n{1}\n\nChoose another folder or free "
                                          "some disk space.").format(path, exc))

    def _add_export_actions(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(translate("LivePlot", "Export image (PNG)…"), lambda: self._ask_and_export("png"))
        menu.addAction(translate("LivePlot", "Export drawing (SVG)…"), lambda: self._ask_and_export("svg"))
        menu.addAction(translate("LivePlot", "Export data (CSV)…"), lambda: self._ask_and_export("csv"))

    # ------------------------------------------------------------------ layout helpers
    def _title_bar(self, title: str) -> QVBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 2, 0)
        label = self.title_label = QLabel(f"<b>{title}</b>")
        # the title (and a legend in it) must never make the window wider: on a narrow screen it is cut
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setMinimumWidth(40)
        button = QToolButton()
        button.setText(translate("LivePlot", "Export"))
        button.setToolTip(translate("LivePlot", "Save this plot as PNG or SVG, or its data as CSV"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        self._add_export_actions(menu)
        button.setMenu(menu)
        button.setAutoRaise(True)
        bar.addWidget(label, 1)
        bar.addWidget(button)
        # a legend, if the plot has one (CurvePlot), on its own line under the title, the full width
        legend = self.legend_label = QLabel()
        legend.setObjectName(f"legend_{self.plot_id}")
        legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        legend.setContentsMargins(6, 0, 2, 0)
        legend.hide()
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(legend)
        return column

    def _style_axes(self, x_label: str, y_label: str) -> None:
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(FOREGROUND))
            axis.setTextPen(pg.mkPen(FOREGROUND))
            axis.enableAutoSIPrefix(False)  # "loss (x0.001)" confuses more than it saves
            # blitted from a cache while the range stays (the range changes rarely: see follow); a
            # redraw then repaints the curves only, not the tick labels
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            # major and minor ticks (both labelled where they fit), without pyqtgraph's third level of
            # unlabelled ticks at a tenth of the major spacing: re-laying out an axis after a range change
            # then costs half the GUI time (2.1 -> 1.1 ms), and the training thread waits for the GIL meanwhile
            axis.setStyle(maxTickLevel=1)
        self.plot.setLabel("bottom", x_label)
        self.plot.setLabel("left", y_label)
        # room above the view box: the top tick label (1.0 on the accuracy axis) is centred on the
        # plot's top edge, and without it the title bar above cut it in half
        self.plot.setContentsMargins(0, 8, 4, 0)
        # no grid: pyqtgraph draws it with alpha blending on every repaint, which tripled the cost of a redraw
        self.plot.setClipToView(True)
        self.plot.setMenuEnabled(True)

    # ------------------------------------------------------------------ view range
    def follow(self, x_hi: float, y_lo: float | None = None, y_hi: float | None = None, x_lo: float = 0.0,
               y_pad: float = 0.1) -> None:
        """Keep the data in view with a range that changes rarely.

        pyqtgraph's auto-range moves the axes at every redraw, and a moved axis re-lays out its tick
        labels, which is most of a redraw's cost (and GUI time is time the training thread may wait
        for the GIL). Here x grows in round steps (1, 2, 3, 5 x 10^k, 10% room ahead: about three moves
        per tenfold of steps); y widens to round values, with room on the side the data left by, when
        the data leaves it, and shrinks to the data when the data spans under a third of it. A user who
        zooms or pans takes over; the plot's "A" button hands the range back. After a run x stays as
        fitted to the data.
        """
        vb = self.plot.getViewBox()
        if any(vb.state["autoRange"]):  # the user pressed "A": follow again
            vb.disableAutoRange()
            self.range_state["user"] = self.range_state["fitted"] = False
        if self.range_state["user"]:
            return
        (cx0, cx1), (cy0, cy1) = vb.viewRange()
        x_range = y_range = None
        if not self.range_state["fitted"] and (x_hi > x_lo + 0.97 * (cx1 - x_lo) or cx0 != x_lo or x_hi < cx1 / 4):
            # at least 10 steps (no 0.5-step ticks)
            x_range = (x_lo, x_lo + nice_ceil(max(x_hi - x_lo, 9.0) * X_ROOM))
        if y_lo is not None and y_hi is not None and np.isfinite(y_lo) and np.isfinite(y_hi):
            span = max(y_hi - y_lo, 1e-9)
            if y_lo < cy0 or y_hi > cy1 or span < Y_SHRINK * (cy1 - cy0):
                pad = y_pad * span if span > 1e-9 else max(abs(y_hi) * 0.1, 0.05)
                lo, hi = y_lo - pad, y_hi + pad
                if y_pad > 0 and span >= Y_SHRINK * (cy1 - cy0):
                    # the data left the range: room on that side, as x has room ahead (a drifting curve
                    # then moves the axis about once per doubling of its span instead of at every redraw)
                    hi += Y_ROOM * span if y_hi > cy1 else 0.0
                    lo -= Y_ROOM * span if y_lo < cy0 else 0.0
                y_range = round_out(lo, hi) if y_pad > 0 else (y_lo, y_hi)
        if x_range or y_range:
            self._setting_range = True
            try:
                vb.setRange(xRange=x_range, yRange=y_range, padding=0)
            finally:
                self._setting_range = False

    def _on_manual_range(self, *_) -> None:
        self.range_state["user"] = True

    # ------------------------------------------------------------------ hover
    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            self.hover.hide()
            return
        p = vb.mapSceneToView(scene_pos)
        text = self.hover_text(p.x(), p.y())
        if not text:
            self.hover.hide()
            return
        self.hover.setText(text)
        # keep the label inside the view: flip it to the left of the cursor on the right half
        (x0, x1), (y0, y1) = vb.viewRange()
        right = p.x() > (x0 + x1) / 2
        top = p.y() > (y0 + y1) / 2
        self.hover.setAnchor((1.0 if right else 0.0, 0.0 if top else 1.0))
        self.hover.setPos(p)
        self.hover.show()

    def eventFilter(self, obj, event):  # noqa: N802 (Qt naming)
        if event.type() == event.Type.Leave:
            self.hover.hide()
        return False


def nearest_index(xs, x: float) -> int | None:
    """Index of the value in the increasing array ``xs`` closest to ``x`` (None when empty)."""
    n = len(xs)
    if n == 0:
        return None
    i = int(np.searchsorted(xs, x))
    if i <= 0:
        return 0
    if i >= n:
        return n - 1
    return i if abs(xs[i] - x) < abs(xs[i - 1] - x) else i - 1


def nice_ceil(v: float) -> float:
    """The smallest of 1, 2, 3, 5 x 10^k that is >= v (v > 0): round axis ends that move rarely."""
    k = math.floor(math.log10(v))
    for m in X_STEPS:
        if m * 10.0 ** k >= v:
            return m * 10.0 ** k
    return 10.0 ** (k + 1)


def round_out(lo: float, hi: float) -> tuple[float, float]:
    """(lo, hi) widened to multiples of a round step (1, 2 or 5 x 10^k, a tenth to a quarter of the span).

    A slowly drifting curve then moves the range once per step crossed instead of at every redraw. The
    result is at most 1.5x as wide, so ``follow`` (which shrinks a range over twice the data's span)
    does not shrink it back at the next redraw.
    """
    span = hi - lo
    if not (math.isfinite(span) and span > 0):
        return lo, hi
    k = math.floor(math.log10(span / 10))
    step = min(m * 10.0 ** k for m in (1, 2, 5, 10) if m * 10.0 ** k >= span / 10)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step


def fmt(v: float) -> str:
    """A read-out in the window's one number format (rnnviz.explorer.numbers), '–' for missing."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return format_number(v)

