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


def tick(plots, n=1):
    """What the refresh timer does, n times (deterministic: no waiting for the clock)."""
    for _ in range(n):
        plots.timer.timeout.emit()


def test_a_frame_redraws_one_plot_per_tick_each_showing_every_report_so_far(plots):
    plots.refresh()
    count = plots.n_refreshes
    plots.add_batches(batch(s) for s in range(1, 8))
    tick(plots)
    assert plots.n_refreshes == count + 1  # one plot per tick: a tick never costs five repaints
    plots.add_batches(batch(s) for s in range(8, 13))
    tick(plots, 4)
    assert plots.n_refreshes == count + 5
    for pid in ("loss", "accuracy", "grad_norm", "spectral_radius"):
        x, _ = plots.plots[pid].items[-1 if pid in ("grad_norm", "spectral_radius") else 1].getData()
        if pid == plots._order[0]:
            assert len(x) == 7  # drawn at the first tick, before the last five reports came
        else:
            assert list(x) == list(range(1, 13))  # coalesced: every report up to the newest
    tick(plots)  # the first plot's turn again: now it shows the newest report too
    x, _ = plots.plots[plots._order[0]].items[1].getData()
    assert x[-1] == 12
    assert plots.plots["grad_heatmap"].image.image.shape == (12, 30)


def test_the_timer_runs_only_while_a_plot_has_something_new(plots):
    plots.add_batches(batch(s) for s in range(1, 4))
    assert plots.timer.isActive()
    tick(plots, 5)
    assert not plots._dirty
    tick(plots)
    assert not plots.timer.isActive()  # an idle window wakes up for nothing
    plots.add_batch(batch(4))
    assert plots.timer.isActive()


def test_plots_off_screen_are_not_redrawn_and_catch_up_when_shown(plots):
    plots.refresh()
    count = plots.n_refreshes
    plots.hide()  # e.g. the window shows another page
    plots.add_batches(batch(s) for s in range(1, 21))
    tick(plots, 10)
    assert plots.n_refreshes == count
    plots.show()
    heat = plots.plots["grad_heatmap"]
    heat.hide()  # one plot out of view (as if scrolled away): the others go on
    tick(plots, 10)
    assert plots.n_refreshes > count and "grad_heatmap" in plots._dirty
    x, _ = plots.plots["spectral_radius"].items[0].getData()
    assert len(x) == 20
    assert heat.image.image is None or heat.image.image.shape[0] < 20
    heat.show()
    tick(plots, 10)  # the rest of the current frame, then a frame with the heatmap
    assert "grad_heatmap" not in plots._dirty and heat.image.image.shape == (20, 30)


def test_colour_levels_hold_through_small_moves_and_follow_a_decade():
    from rnnviz.gui.training.heatmap import settle_levels

    assert settle_levels((-6.0, 0.0), (-5.5, -0.5)) == (-6.0, 0.0)  # half a decade in: no flicker
    assert settle_levels((-6.0, 0.0), (-5.0, 0.0)) == (-5.0, 0.0)  # a decade in: more contrast
    assert settle_levels((-6.0, 0.0), (-6.5, 0.0)) == (-6.5, 0.0)  # data outside the bar: widen at once
    assert settle_levels((-6.0, 0.0), (-6.0, 0.5)) == (-6.0, 0.5)


def test_heatmap_colour_bar_matches_the_image_and_a_new_run_takes_its_own_levels(plots):
    heat = plots.plots["grad_heatmap"]
    plots.add_batches(batch(s) for s in range(1, 21))
    plots.refresh()
    assert tuple(heat.colorbar.levels()) == tuple(heat.image.getLevels().tolist()) == heat.levels
    first = heat.levels
    plots.reset(clip_norm=1.0)
    g = frozen_copy(np.full(30, 1e-9))  # a run whose gradients are all far smaller
    plots.add_batches(BatchReport(1, s, 50, s, 0.5, 0.75, 2.0, True, g, 0.9, 0.0, 1.0, 1e4) for s in range(1, 6))
    plots.refresh()
    assert heat.levels != first and heat.levels[0] <= -9.0 <= heat.levels[1]
    assert tuple(heat.colorbar.levels()) == tuple(heat.image.getLevels().tolist()) == heat.levels


def test_a_drifting_curve_moves_its_axis_rarely_and_keeps_it_in_view(plots):
    vb = plots.plots["spectral_radius"].plot.getViewBox()
    moves, last = 0, None
    for s in range(1, 301):
        r = batch(s)
        plots.add_batch(BatchReport(r.epoch, r.batch, r.n_batches, s, r.loss, r.accuracy, r.grad_norm, r.clipped,
                                    r.grad_norm_per_step, 0.9 + s * 1e-3, r.elapsed_s, r.eta_s, r.seq_per_s))
        plots.refresh()
        y_range = tuple(vb.viewRange()[1])
        moves += y_range != last
        last = y_range
        assert y_range[0] <= 0.9 + 1e-3 and y_range[1] >= 0.9 + s * 1e-3  # all the data in view
    assert moves <= 12  # about once per doubling of the span, not at every one of the 300 redraws


def test_axis_ends_are_round_numbers():
    from rnnviz.gui.training.plot_base import nice_ceil, round_out

    assert [nice_ceil(v) for v in (9.9, 11, 21, 31, 51, 101, 2500)] == [10, 20, 30, 50, 100, 200, 3000]
    lo, hi = round_out(0.913, 1.187)
    assert lo <= 0.913 and hi >= 1.187 and hi - lo <= 1.5 * (1.187 - 0.913)
    assert round(lo / 0.05, 9).is_integer() and round(hi / 0.05, 9).is_integer()


def test_after_a_run_every_plot_shows_the_last_step_in_the_next_frame_its_x_axis_ending_there(plots):
    plots.add_batches(batch(s) for s in range(1, 131))
    plots.refresh()
    assert plots.plots["loss"].plot.getViewBox().viewRange()[0][1] == 200  # a round end ahead of the data
    plots.add_batches(batch(s) for s in range(131, 134))
    tick(plots, 2)  # a frame under way: two plots redrawn, three to go
    plots.add_batches(batch(s) for s in range(134, 141))  # the run's last reports, not drawn yet
    plots.fit_to_data()
    assert plots.timer.isActive() and plots.timer.interval() == 0  # no waiting for the next frame
    count = plots.n_refreshes
    tick(plots, 5)  # a new frame: every plot, each one tick, all with the last report
    assert plots.n_refreshes == count + 5 and not plots._dirty
    for p in plots.plots.values():
        assert np.allclose(p.plot.getViewBox().viewRange()[0], (0, 140 * 1.02))
    x, _ = plots.plots["accuracy"].items[0].getData()
    assert x[-1] == 140
    tick(plots, 6)
    for p in plots.plots.values():
        assert np.allclose(p.plot.getViewBox().viewRange()[0], (0, 140 * 1.02))
    plots.refresh()
    tick(plots, 6)  # following the data does not take the fitted end back
    assert np.allclose(plots.plots["grad_norm"].plot.getViewBox().viewRange()[0], (0, 140 * 1.02))
    plots.reset(clip_norm=1.0)
    plots.add_batches(batch(s) for s in range(1, 31))
    plots.refresh()
    assert plots.plots["loss"].plot.getViewBox().viewRange()[0][1] == 50  # a new run follows its data again


def test_explore_plots_are_antialiased_and_the_training_curves_are_not_whatever_was_built_first(qtbot):
    """The Explore plots smooth their few points; the live training curves (a thousand points redrawn
    twice a second while the trainer needs the cores) are drawn without antialiasing, also when built
    after the Explore plots (pyqtgraph's global option once leaked from them into the training plots)."""
    import pyqtgraph as pg

    from rnnviz.gui.explore.compare import CompareCellsView
    from rnnviz.gui.explore.plots_panel import PlotsPanel
    from rnnviz.gui.jobs import JobRunner

    runner = JobRunner()
    explore, compare = PlotsPanel(), CompareCellsView(runner)
    training = TrainingPlots()
    for w in (explore, compare, training):
        qtbot.addWidget(w)
    try:
        assert pg.getConfigOption("antialias") is False
        explore_items = [explore.grad_curve, explore.contrib_curve, explore.contrib_stems,
                         *compare.curves.values(), compare.cell_state_curve]
        for item in explore_items:
            item.setData([1.0, 2.0, 3.0], [0.1, 0.2, 0.3])  # the option reaches the drawing items with data
        # what each draws (its line if it has a pen, its markers if it has a symbol) is antialiased
        assert all((item.opts["pen"] is None or item.curve.opts["antialias"])
                   and (item.opts["symbol"] is None or item.scatter.opts["antialias"]) for item in explore_items)
        curves = [item for plot in training.plots.values() for item in getattr(plot, "items", [])]
        assert len(curves) == 10
        for item in curves:
            item.setData([1.0, 2.0, 3.0], [0.1, 0.2, 0.3])
        assert not any(item.curve.opts["antialias"] or item.scatter.opts["antialias"] for item in curves)
    finally:
        runner.shutdown(5.0)


def test_the_line_labels_stay_inside_narrow_plots(plots, qtbot):
    """'clip at 1' and 'ρ = 1' whole inside their plots, also at the width the Learn dock leaves."""
    from pyqtgraph import InfiniteLine

    plots.resize(540, 700)  # two plots a row: ~270 px each, as at 1440 px with the Learn dock open
    plots.add_batches(batch(s) for s in range(1, 101))
    plots.fit_to_data()
    qtbot.wait(50)
    for plot_id in ("grad_norm", "spectral_radius"):
        plot = plots.plots[plot_id]
        view = plot.plot.getViewBox()
        lines = [item for item in plot.plot.items if isinstance(item, InfiniteLine) and item.label is not None]
        assert lines, plot_id
        for line in lines:
            inside = view.sceneBoundingRect().contains(line.label.sceneBoundingRect())
            assert inside, (plot_id, line.label.toPlainText())


def test_the_legends_are_whole_in_narrow_plots(plots, qtbot):
    """The legend (batch, smoothed, train, validation) has a line of its own, not cut at the Export button."""
    plots.resize(560, 700)  # ~280 px a plot, as at 1440 px with the Learn dock open
    qtbot.wait(50)
    for plot_id in ("loss", "accuracy"):
        legend = plots.plots[plot_id].legend_label
        assert legend.isVisible() and "validation" in legend.text()
        assert legend.sizeHint().width() <= legend.width(), plot_id
    assert not plots.plots["grad_norm"].legend_label.isVisible()  # one curve: the title names it


def test_a_reset_empties_every_plot_in_the_next_frame(plots, qtbot):
    """Start's reset draws in the frame timer's burst (one plot per tick), not all five at once."""
    plots.add_batches(batch(s) for s in range(1, 51))
    plots.refresh()
    loss_curve = plots.plots["loss"].items[1]
    assert len(loss_curve.getData()[0]) == 50
    plots.reset(clip_norm=1.0)
    qtbot.waitUntil(lambda: all(len(item.getData()[0] if item.getData()[0] is not None else []) == 0
                                for plot_id in ("loss", "accuracy", "grad_norm", "spectral_radius")
                                for item in plots.plots[plot_id].items), timeout=2_000)
    qtbot.waitUntil(lambda: plots.plots["grad_heatmap"].image.image is None, timeout=2_000)
