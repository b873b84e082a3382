"""An ordinary network (bag of embeddings) trained from the Train page (issue 11 §2), offscreen.

During the run only the views that mean something for it are shown (the recurrence plots give way to a
sentence saying why); after it a summary of its own, a row on the Runs tab beside the RNN runs, its
predictions on Test reviews, and nothing handed to the Explore page, which steps through an RNN."""
from __future__ import annotations

import numpy as np
import pytest
from scipy.special import expit

from panel_helpers import open_panel, shut_panels_down  # noqa: F401 (an autouse fixture)
from rnnviz.core import bag_predict_logits
from rnnviz.train import TrainConfig
from rnnviz.train.checkpoint import CheckpointError, save_model
from rnnviz.train.paths import models_folder

BAG = TrainConfig(dataset="negation", maxlen=16, embed_dim=4, hidden_dim=8, optimizer="adam", lr=1e-2,
                  batch_size=32, epochs=3, seed=1, model="bag")
RNN = BAG.with_changes(model="rnn", epochs=2)


def make_panel(qtbot, config=BAG):
    return open_panel(qtbot, config, shown=True)


def run(qtbot, panel):
    with qtbot.waitSignal(panel.runFinished, timeout=120_000) as finished:
        assert panel.start()
    qtbot.waitUntil(lambda: panel.state == "idle", timeout=30_000)
    return finished.args[0]


def visible(panel, plot_id):
    return panel.plots.plots[plot_id].isVisibleTo(panel)


def test_before_any_run_every_plot_of_an_rnn_waits_for_start(qtbot):
    panel = make_panel(qtbot, RNN)
    assert "No run yet" in panel.plot_page.heading.text()
    assert all(visible(panel, p) for p in panel.plots.plots) and not panel.plot_page.no_steps_note.isVisibleTo(panel)
    assert not panel.summary.isVisibleTo(panel)


def test_a_bag_run_shows_its_curves_says_why_the_step_views_are_gone_and_stays_out_of_explore(qtbot):
    panel = make_panel(qtbot)
    explored = []
    panel.modelChanged.connect(explored.append)
    progress = []
    panel.progressed.connect(progress.append)
    result = run(qtbot, panel)
    assert result.status == "finished" and result.model.config.model == "bag" and "W" not in result.model.params
    # the live views that apply filled in; the two about the recurrence are hidden, with the reason in words
    assert progress and len(panel.plots.batches) == panel.n_batches_received > 0 and len(panel.plots.epochs) == 3
    panel.plots.refresh()
    x, _ = panel.plots.plots["loss"].items[1].getData()
    assert len(x) == panel.n_batches_received
    assert visible(panel, "loss") and visible(panel, "accuracy") and visible(panel, "grad_norm")
    assert not visible(panel, "spectral_radius") and not visible(panel, "grad_heatmap")
    note = panel.plot_page.no_steps_note
    assert note.isVisibleTo(panel) and "no steps: it averages the words" in note.text()
    assert "Run 1: ordinary network (bag of embeddings) on negation" == panel.plot_page.heading.text()
    # nothing went to the Explore page, at the end or at any pause
    assert explored == [] and panel.last_model is result.model
    # the summary of its own
    text = panel.summary.text()
    assert panel.summary.isVisibleTo(panel)
    assert "Ordinary network (bag of embeddings) on negation" in text
    assert f"Test accuracy: {result.test_accuracy:.4f}" in text
    assert f"at epoch {result.best_epoch} of 3" in text
    assert panel.saved_path is not None and panel.saved_path.is_file() and str(panel.saved_path) in text
    assert "Not shown on the Explore page" in text and "averages the words" in text
    # the Runs tab lists it with its kind beside its test accuracy; Explore is not offered for it
    record = panel.runs.records[0]
    assert record.path == panel.saved_path and record.cells()[0] == "ordinary network"
    assert panel.runs.table.item(0, 2).text() == f"{result.test_accuracy:.4f}"
    assert not panel.runs.explore_button.isEnabled() and panel.runs.review_button.isEnabled()
    assert "it averages the words" in panel.runs.explore_button.toolTip()
    assert "ordinary network" in panel.runs.note.text()
    # its test predictions are the ordinary network's own; no trace in the graph is offered
    qtbot.waitUntil(lambda: panel.reviews.table.prob is not None, timeout=60_000)
    params = {k: np.asarray(v, dtype=np.float64) for k, v in result.model.params.items()}
    want = expit(bag_predict_logits(params, panel.dataset.x_test, "tanh"))
    np.testing.assert_allclose(panel.reviews.table.prob, want, rtol=1e-12)
    accuracy = np.mean((want >= 0.5) == panel.dataset.y_test)
    assert accuracy == pytest.approx(result.test_accuracy, abs=1e-6)  # the table agrees with the summary
    assert not panel.reviews.load_button.isEnabled() and "no steps" in panel.reviews.load_button.toolTip()
    chosen = []
    panel.reviewChosen.connect(lambda *a: chosen.append(a))
    panel.reviews.choose(0)
    assert chosen == [] and "no steps to trace" in panel.reviews.count_label.text()


def test_a_paused_bag_run_says_where_its_weights_are_shown(qtbot):
    panel = make_panel(qtbot, BAG.with_changes(epochs=1000))
    explored = []
    panel.modelChanged.connect(explored.append)
    panel.start()
    qtbot.waitUntil(lambda: panel.n_batches_received >= 3, timeout=60_000)
    panel.pause()
    qtbot.waitUntil(lambda: panel.state == "paused", timeout=30_000)
    assert "Test reviews shows the ordinary network's predictions" in panel.status_label.text()
    assert explored == [] and panel.last_model is not None and panel.last_model.config.model == "bag"
    with qtbot.waitSignal(panel.runFinished, timeout=30_000):
        panel.stop()
    qtbot.waitUntil(lambda: panel.state == "idle", timeout=30_000)
    assert explored == [] and "Not shown on the Explore page" in panel.summary.text()


def test_a_bag_run_then_an_rnn_run_sit_side_by_side_and_the_rnn_views_come_back(qtbot):
    panel = make_panel(qtbot)
    explored = []
    panel.modelChanged.connect(explored.append)
    bag = run(qtbot, panel)
    bag_path = panel.saved_path
    panel.form.set_model("rnn")
    assert panel.form.config() == RNN.with_changes(epochs=3)
    panel.form.editors["epochs"].setText("2")
    panel.form._revalidate()
    rnn = run(qtbot, panel)
    assert rnn.model.config.model == "rnn" and "W" in rnn.model.params
    assert all(visible(panel, p) for p in panel.plots.plots) and not panel.plot_page.no_steps_note.isVisibleTo(panel)
    assert panel.plot_page.heading.text() == "Run 2: RNN, cell rnn on negation"
    assert np.isfinite(panel.plots.batches.column("spectral_radius")).all()  # rho(W) of this run, not NaN
    assert panel.plots.heat.rows > 0
    assert explored and explored[-1] is rnn.model  # the RNN goes to the Explore page, the bag never did
    assert all(m.config.model == "rnn" for m in explored)
    assert "The Explore page shows this model." in panel.summary.text()
    assert "Not shown on the Explore page" not in panel.summary.text()
    rows = {r.path: r for r in panel.runs.records}
    assert rows[bag_path].cells()[0] == "ordinary network" and rows[panel.saved_path].cells()[0] == "RNN (rnn)"
    assert [panel.runs.table.item(k, 0).text() for k in range(2)] == ["RNN (rnn)", "ordinary network"]
    assert panel.runs.table.item(1, 2).text() == f"{bag.test_accuracy:.4f}"
    assert panel.runs.table.item(0, 2).text() == f"{rnn.test_accuracy:.4f}"
    panel.runs.select(0)
    assert panel.runs.explore_button.isEnabled()
    panel.runs.explore_button.click()
    assert explored[-1] is rnn.model
    panel.runs.select(1)
    assert not panel.runs.explore_button.isEnabled()
    n = len(explored)
    panel.runs.explore_button.click()
    assert len(explored) == n


def test_a_saved_bag_file_is_reviewed_never_explored(qtbot):
    from rnnviz.explorer.sources import load_model_file
    from rnnviz.gui.model_files import load_spec

    panel = make_panel(qtbot)
    bag = run(qtbot, panel)
    folder = models_folder()
    other = save_model(folder / "saved-bag.npz", bag.model)
    (folder / "damaged.npz").write_bytes(b"not a model")
    explored = []
    panel.modelChanged.connect(explored.append)
    with qtbot.waitSignal(panel.runs.loaded, timeout=30_000):
        panel.tabs.setCurrentWidget(panel.runs)  # the first look at the tab reads the models folder
    paths = [r.path for r in panel.runs.records]
    assert other in paths and panel.saved_path in paths and len(paths) == len(set(paths))
    damaged = next(k for k, r in enumerate(panel.runs.records) if r.path.name == "damaged.npz")
    panel.runs.select(damaged)
    assert not panel.runs.review_button.isEnabled() and "could not be read" in panel.runs.note.text()
    row = paths.index(other)
    assert panel.runs.table.item(row, 0).text() == "ordinary network"
    panel.runs.select(row)
    assert not panel.runs.explore_button.isEnabled()
    with qtbot.waitSignal(panel.reviews.predictionsReady, timeout=60_000):
        panel.runs.review_button.click()
        assert panel.reviews.table.prob is None  # not the last model's predictions meanwhile
    assert panel.tabs.currentWidget() is panel.reviews
    assert panel.reviews.model.config.model == "bag" and explored == []
    assert "ordinary network" in panel.reviews.count_label.text()
    # the Explore page's loader refuses it with a message, and File > Open says so instead of crashing
    with pytest.raises(CheckpointError, match="ordinary"):
        load_model_file(other)
    spec, error = load_spec(str(other))
    assert spec is None and "ordinary" in error


def test_before_the_first_run_the_plots_follow_the_model_chosen_and_a_run_keeps_its_own(qtbot):
    panel = make_panel(qtbot)  # the form holds the ordinary network
    assert not visible(panel, "spectral_radius") and not visible(panel, "grad_heatmap")
    assert panel.plot_page.no_steps_note.isVisibleTo(panel) and "No run yet" in panel.plot_page.heading.text()
    panel.form.set_model("rnn")
    assert all(visible(panel, p) for p in panel.plots.plots) and not panel.plot_page.no_steps_note.isVisibleTo(panel)
    panel.form.set_model("bag")
    assert not visible(panel, "grad_heatmap")
    run(qtbot, panel)
    panel.form.set_model("rnn")  # the plots still show run 1, the ordinary network's, and say so
    assert not visible(panel, "grad_heatmap") and panel.plot_page.heading.text().startswith("Run 1: ordinary")


def test_the_saved_bag_is_not_promised_to_file_open_nor_shown_at_the_next_start(qtbot):
    from rnnviz.explorer.sources import startup_model

    panel = make_panel(qtbot)
    run(qtbot, panel)
    status = panel.status_label.text()
    assert str(panel.saved_path) in status and "listed on the Runs tab" in status and "File > Open" not in status
    # the newest saved model is this bag: the next start passes over it, quietly, to the built-in RNN
    startup = startup_model(None)
    assert startup.path != panel.saved_path and startup.spec.trained.config.model == "rnn"
    assert not any("ordinary" in note for note in startup.notes)


def test_a_gated_run_lists_its_cell_and_its_test_reviews_are_scored_with_it(qtbot):
    panel = make_panel(qtbot, RNN.with_changes(cell="lstm"))
    with qtbot.waitSignal(panel.reviews.predictionsReady, timeout=120_000):
        result = run(qtbot, panel)
    assert panel.runs.table.item(0, 0).text() == "RNN (lstm)" and panel.runs.explore_button.isEnabled()
    prob = panel.reviews.table.prob
    assert np.mean((prob >= 0.5) == panel.dataset.y_test) == pytest.approx(result.test_accuracy, abs=1e-6)


def test_a_saved_run_of_other_data_says_how_to_review_it(qtbot):
    folder = models_folder()
    panel = make_panel(qtbot)
    bag = run(qtbot, panel)
    other = bag.model.copy()
    from dataclasses import replace

    other = replace(other, config=other.config.with_changes(dataset="memory"))
    path = save_model(folder / "memory-bag.npz", other)
    fresh = make_panel(qtbot)  # nothing loaded yet
    with qtbot.waitSignal(fresh.runs.loaded, timeout=30_000):
        fresh.tabs.setCurrentWidget(fresh.runs)
    fresh.runs.select([r.path for r in fresh.runs.records].index(path))
    assert not fresh.runs.review_button.isEnabled()
    assert "train once on its data (memory, T = 16)" in fresh.runs.note.text()
    assert "ordinary network" in fresh.runs.note.text()


def test_in_the_window_a_bag_run_leaves_the_explore_page_as_it_was_and_an_rnn_run_reaches_it(qtbot, window):
    from PySide6.QtWidgets import QMessageBox

    panel = window.training_panel
    before = window.explorer.model
    panel.data_box.set_dataset("negation")
    panel.form.set_config(BAG)
    run(qtbot, panel)
    qtbot.wait(200)
    assert window.explorer.model is before and window.explorer.error is None
    assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()]  # no "cannot be traced"
    panel.form.set_model("rnn")
    rnn = run(qtbot, panel)
    qtbot.waitUntil(lambda: window.explorer.model is not before, timeout=10_000)
    assert window.explorer.model.trained is rnn.model


def test_an_empty_runs_tab_says_there_is_no_run_yet(qtbot, tmp_path):
    """A first look with nothing saved: the table is empty and the tab says why, not a blank."""
    from rnnviz.gui.training.runs import RunList

    runs = RunList(folder=tmp_path)
    qtbot.addWidget(runs)
    with qtbot.waitSignal(runs.loaded, timeout=30_000):
        runs.refresh()
    assert runs.table.rowCount() == 0
    assert "No saved runs yet" in runs.note.text()
    runs.jobs.shutdown(5.0)
