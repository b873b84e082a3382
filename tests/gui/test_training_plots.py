"""The live plots fed directly with reports: bounded memory, redraws, hover read-outs, atomic exports."""
import csv

import numpy as np
import pytest

from rnnviz.gui.training import TrainingPlots
from rnnviz.train import BatchReport, EpochReport
from rnnviz.train.reports import frozen_copy


def batch(step, T=30, n_batches=50, loss=0.5, grad_norm=2.0):
    g = frozen_copy(np.geomspace(1e-4, 1.0, T))  # vanishing towards t = 1, as in a real run
    return BatchReport(epoch=1 + (step - 1) // n_batches, batch=1 + (step - 1) % n_batches, n_batches=n_batches,
                       step=step, loss=loss, accuracy=0.75, grad_norm=grad_norm, clipped=grad_norm > 1.0,
                       grad_norm_per_step=g, spectral_radius=0.9, elapsed_s=step * 0.01, eta_s=1.0, seq_per_s=1e4)


@pytest.fixture
def plots(qtbot):
    w = TrainingPlots(batch_capacity=256, heatmap_rows=32)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    w.reset(clip_norm=1.0)
    return w


def test_memory_stays_bounded_over_a_long_run(plots):
    plots.add_batches(batch(s) for s in range(1, 201))
    plots.refresh()
    before = plots.memory_bytes()
    plots.add_batches(batch(s, grad_norm=0.5) for s in range(201, 20_001))
    for e in range(1, 400):
        plots.add_epoch(EpochReport(e, 0.5, 0.7, 0.6, 0.65, False, 1.0))
    plots.refresh()
    assert plots.memory_bytes() == before
    assert len(plots.batches) <= 256 and plots.heat.rows <= 32
    x, _ = plots.plots["loss"].items[0].getData()
    assert len(x) <= 256 and x[-1] > 19_000


def test_plots_redraw_on_their_timer_from_buffered_reports(plots, qtbot):
    count = plots.n_refreshes
    plots.add_batches(batch(s) for s in range(1, 11))
    # all five plots redraw within a second, without an explicit refresh()
    qtbot.waitUntil(lambda: plots.n_refreshes >= count + 5, timeout=2000)
    x, y = plots.plots["loss"].items[1].getData()  # the smoothed curve
    assert len(x) == 10 and np.allclose(y, 0.5)
    assert plots.plots["grad_heatmap"].image.image.shape == (10, 30)


def test_smoothed_curve_is_an_exponential_moving_average(plots):
    plots.add_batch(batch(1, loss=1.0))
    plots.add_batch(batch(2, loss=0.0))
    ema = plots.batches.column("loss_ema")
    assert ema[0] == 1.0 and ema[1] == pytest.approx(0.95)


def test_clip_threshold_is_drawn_at_the_configured_norm(plots):
    line = plots.plots["grad_norm"].clip_line
    assert line.isVisible() and line.value() == pytest.approx(0.0)  # log10(1.0) on the log axis
    plots.reset(clip_norm=None)
    assert not line.isVisible()


def test_hover_text_names_the_values_under_the_mouse(plots):
    plots.add_batches(batch(s) for s in range(1, 21))
    plots.add_epoch(EpochReport(1, 0.5, 0.7, 0.6, 0.65, True, 1.0))
    text = plots.plots["loss"].hover_text(10.2, 0.5)
    assert "step 10" in text and "0.5" in text and "epoch 1" in text
    heat = plots.plots["grad_heatmap"].hover_text(5, 30)
    assert "step 5" in heat and "t = 30" in heat and "log10" in heat
    assert plots.plots["grad_heatmap"].hover_text(5, 1000) is None  # outside the image


def test_csv_export_writes_the_plotted_data(plots, tmp_path):
    plots.add_batches(batch(s) for s in range(1, 11))
    plots.add_epoch(EpochReport(1, 0.5, 0.7, 0.6, 0.65, True, 1.0))
    path = plots.plots["loss"].export_csv(tmp_path / "loss.csv")
    rows = list(csv.reader(path.read_text().splitlines()))
    assert rows[0][:2] == ["kind", "step"] and "val_loss" in rows[0]
    assert len(rows) == 1 + 10 + 1
    assert rows[-1][0] == "epoch" and float(rows[-1][rows[0].index("val_loss")]) == 0.6
    heat = list(csv.reader(plots.plots["grad_heatmap"].export_csv(tmp_path / "heat.csv").read_text().splitlines()))
    assert heat[0][:3] == ["step_first", "step_last", "t=1"] and len(heat) == 11 and len(heat[1]) == 2 + 30
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_image_exports_write_png_and_svg(plots, tmp_path):
    plots.add_batches(batch(s) for s in range(1, 11))
    plots.refresh()
    png = plots.plots["grad_norm"].export_png(tmp_path / "g.png")
    svg = plots.plots["grad_heatmap"].export_svg(tmp_path / "h.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in svg.read_bytes()[:400]


def test_failed_export_leaves_no_file(plots, tmp_path):
    target = tmp_path / "missing_folder" / "loss.csv"
    with pytest.raises(OSError):
        plots.plots["loss"].export_csv(target)
    assert not target.exists()


def test_plots_share_the_step_axis_and_a_users_zoom_is_kept(plots):
    plots.add_batches(batch(s) for s in range(1, 301))
    plots.refresh()
    ranges = {pid: p.plot.getViewBox().viewRange()[0] for pid, p in plots.plots.items()}
    assert len({tuple(np.round(r, 6)) for r in ranges.values()}) == 1  # one x range for all
    assert ranges["loss"][1] >= 300
    vb = plots.plots["grad_norm"].plot.getViewBox()
    vb.setXRange(50, 80, padding=0)
    vb.sigRangeChangedManually.emit([True, False])  # what a mouse zoom emits
    plots.add_batches(batch(s) for s in range(301, 601))
    plots.refresh()
    for p in plots.plots.values():
        assert np.allclose(p.plot.getViewBox().viewRange()[0], (50, 80))  # zoom kept, on every plot
    plots.reset(clip_norm=1.0)
    plots.add_batches(batch(s) for s in range(1, 11))
    plots.refresh()
    assert plots.plots["loss"].plot.getViewBox().viewRange()[0][1] < 50  # a new run follows its data again
