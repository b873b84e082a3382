"""The main window (pytest-qt, offscreen), driven as a user drives it: keys, buttons, the text box,
the vanishing/exploding controls, files, closing. Settings and the user data folder are temporary."""
from __future__ import annotations

import dataclasses
import html
import os
import re
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox

from rnnviz.explorer import format_number
from rnnviz.gui.main_window import MainWindow
from window_helpers import index_of, open_window, panel_text, press

# --- opening -------------------------------------------------------------------------------------
def test_opens_on_the_default_sentence_with_numbers(window):
    tokens = window.explorer.tokens
    assert tokens.labels == ("<start>", "this", "movie", "was", "not", "good")
    trace = window.explorer.trace()
    assert trace.T == 6 and 4 <= trace.hidden_size <= 8
    if hasattr(window.graph, "node_count"):
        assert window.graph.node_count("x") == 6 and window.graph.node_count("s") == 6
    text = panel_text(window)
    assert "Forward, step t = 1" in text
    for value in trace.a[0][:4]:
        assert format_number(value) in text
    assert window.playback_bar.scrubber.maximum() == len(trace.steps) - 1
    result = html.unescape(re.sub("<[^>]+>", "", window.input_bar.result_label.text()))
    assert format_number(trace.loss) in result and format_number(trace.y_hat[-1, 0]) in result
    assert "ρ(W) = " in window.gradient_controls.radius_label.text()


# --- stepping ------------------------------------------------------------------------------------
def test_keys_step_forward_and_back_through_the_traces_numbers(window, qtbot):
    trace = window.explorer.trace()
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.playback.index == 2
    text = panel_text(window)
    assert "Forward, step t = 3" in text
    assert all(format_number(v) in text for v in trace.a[2][:4])
    press(qtbot, window, Qt.Key.Key_End)
    press(qtbot, window, Qt.Key.Key_Left)
    assert window.playback.index == index_of(trace, "backward", 2)
    text = panel_text(window)
    assert "Backward, step t = 2" in text
    assert all(format_number(v) in text for v in trace.dL_ds[1][:4])
    assert all(format_number(v) in text for v in trace.dL_da[1][:4])
    press(qtbot, window, Qt.Key.Key_Home)
    assert window.playback.index == 0
    assert window.playback_bar.scrubber.value() == 0


def test_buttons_step_and_show_all_entries(window, qtbot):
    trace = window.explorer.trace()
    bar = window.playback_bar
    for _ in range(3):
        qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert window.playback.index == 2 and bar.scrubber.value() == 2
    last_entry = format_number(trace.s[2][-1])
    window.detail.show_all_check.setChecked(True)
    assert all(format_number(v) in panel_text(window) for v in trace.s[2])
    assert last_entry in panel_text(window)


def test_scrubber_and_clicked_node_jump_to_their_step(window, qtbot):
    trace = window.explorer.trace()
    window.playback_bar.scrubber.setValue(index_of(trace, "backward", 4))
    assert "Backward, step t = 4" in panel_text(window)
    window.graph.nodeClicked.emit("s", 3)  # while in the backward pass: s_3's backward step
    assert window.playback.index == index_of(trace, "backward", 3)
    window.playback.first()
    window.graph.nodeClicked.emit("x", 5)
    assert window.playback.index == index_of(trace, "forward", 5)
    window.graph.nodeClicked.emit("L", trace.T)
    assert trace.steps[window.playback.index].kind == "loss"


def test_animation_plays_to_the_end_and_the_scrubber_follows(window, qtbot):
    trace = window.explorer.trace()
    window.playback_bar.speed.setValue(40.0)
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.playback.playing
    qtbot.waitUntil(lambda: 2 <= window.playback_bar.scrubber.value() < len(trace.steps) - 1, timeout=5000)
    qtbot.waitUntil(lambda: not window.playback.playing, timeout=5000)
    assert window.playback.at_end
    assert window.playback_bar.scrubber.value() == len(trace.steps) - 1
    assert f"Backward, step t = {trace.steps[-1].t}" in panel_text(window)
    assert window.plots.cursors[0].value() == trace.steps[-1].t


def test_space_pauses_and_restart_begins_again(window, qtbot):
    window.playback_bar.speed.setValue(1.0)
    press(qtbot, window, Qt.Key.Key_Space)
    qtbot.wait(100)
    press(qtbot, window, Qt.Key.Key_Space)
    assert not window.playback.playing
    position = window.playback.position
    qtbot.wait(100)
    assert window.playback.position == position
    qtbot.mouseClick(window.playback_bar.restart_button, Qt.MouseButton.LeftButton)
    assert window.playback.playing and window.playback.position < 0.5
    window.playback.pause()


# --- input ---------------------------------------------------------------------------------------
def test_typing_a_sentence_rebuilds_the_graph_and_marks_unknown_words(window, qtbot):
    edit = window.input_bar.text_edit
    edit.clear()
    qtbot.keyClicks(edit, "this movie was not zorblax good at all")
    with qtbot.waitSignal(window.traceShown, timeout=5000):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    tokens = window.explorer.tokens
    trace = window.explorer.trace()
    assert trace.T == 9 == tokens.T
    assert "<oov>" in tokens.labels and "zorblax" in tokens.unknown
    if hasattr(window.graph, "node_count"):
        assert window.graph.node_count("x") == 9
    assert "zorblax" in window.input_bar.result_label.full_text()
    assert_cut_after_whole_words(window.input_bar.result_label)
    assert window.playback_bar.scrubber.maximum() == len(trace.steps) - 1
    assert window.settings.value("input/text") == "this movie was not zorblax good at all"


def test_a_long_review_with_many_unknown_words_does_not_push_the_layout(window, qtbot):
    width_before = window.width()
    hint_before = window.input_bar.sizeHint().width()
    unknown = [f"zq{i}word" for i in range(60)]
    with qtbot.waitSignal(window.traceShown, timeout=5000):
        window.input_bar.choose("this movie was " + " ".join(unknown) + " not good", 0)
    label = window.input_bar.result_label
    full = plain_text(label.full_text())
    assert "60 unknown" in full and "zq0word" in full and "zq59word" not in full
    assert all(w in label.toolTip() for w in unknown)  # the full list is one hover away
    assert_cut_after_whole_words(label)
    assert window.input_bar.sizeHint().width() <= hint_before + 20
    assert window.width() == width_before


def test_label_choice_changes_the_loss(window, qtbot):
    before = window.explorer.trace()
    window.input_bar.label_combo.setCurrentIndex(1)
    after = window.explorer.trace()
    assert int(after.targets[0]) == 1
    assert after.loss != pytest.approx(before.loss)
    assert format_number(after.loss) in window.input_bar.result_label.text()


def plain_text(rich: str) -> str:
    """What a rich-text label reads as (entities decoded, no-break spaces as spaces)."""
    return " ".join(html.unescape(re.sub("<[^>]+>", "", rich)).split())


def assert_cut_after_whole_words(label) -> None:
    """The result line shows its full text, or leading whole words of it and an ellipsis, within
    the label; a number never loses its name ("L = 0.0036", "2 unknown") and the tooltip has all."""
    shown, full = plain_text(label.text()).split(), plain_text(label.full_text()).split()
    assert label.text_width(label.text()) <= label.contentsRect().width()
    if shown == full:
        return
    assert shown[-1] == "…" and len(shown) <= len(full), shown
    body = shown[:-1]
    assert body[:-1] == full[:len(body) - 1], (shown, full)
    if body:
        assert full[len(body) - 1].rstrip(",;") == body[-1], (shown, full)  # the last word whole
        assert body[-1] != "=" and full[len(body)] != "=", (shown, full)  # not "L = …", not "L …"
        assert full[len(body)] not in ("unknown:", "more)"), (shown, full)  # not "2 …", "(+5 …"
    assert plain_text(label.full_text()) in " ".join(label.toolTip().split())


def test_result_line_is_cut_after_whole_words_at_any_width(qtbot):
    from rnnviz.explorer import Explorer, summary_html
    from rnnviz.explorer.sources import builtin_spec
    from rnnviz.gui.explore.input_bar import InputBar

    explorer = Explorer(builtin_spec("sentiment", 4))
    explorer.set_text("the zorblax movie was not flumoxing good")
    bar = InputBar([(0, "not good")])
    qtbot.addWidget(bar)
    bar.show()
    summary = summary_html(explorer.trace(), explorer.tokens)
    bar.show_result(summary, "every unknown word")
    label = bar.result_label
    cut_seen = False
    for width in range(200, 1100, 30):
        label.resize(width, label.height())
        assert label.width() == width
        assert_cut_after_whole_words(label)
        cut_seen |= label.is_elided()
        if not label.is_elided():
            assert label.toolTip() == "every unknown word"
    assert cut_seen and not label.is_elided()  # cut when narrow, whole when wide
    label.resize(380, label.height())
    shown = plain_text(label.text())
    assert "L = " in shown and "flumoxing" not in shown and shown.endswith("…")  # unknown words go first


def test_result_line_at_1280_px_with_unknown_words(qtbot, settings):
    window = open_window(qtbot, settings)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.traceShown, timeout=5000):
        window.input_bar.choose("the zorblax movie was not flumoxing good", 0)
    qtbot.wait(10)
    label = window.input_bar.result_label
    assert "2 unknown: zorblax, flumoxing" in plain_text(label.full_text())
    assert_cut_after_whole_words(label)
    window.close()


# --- vanishing and exploding ---------------------------------------------------------------------
def first_over_last(window) -> float:
    """First over last point the log plot shows (a step whose gradient is exactly 0 is not drawn)."""
    ys = window.plots.grad_curve.yData
    ys = ys[np.isfinite(ys)]
    return float(ys[0] / ys[-1])


def test_larger_w_scale_lifts_the_early_gradients_in_the_plot(window, qtbot):
    controls = window.gradient_controls
    controls.activation_combo.setCurrentText("linear")
    controls.length_spin.setValue(30)
    assert window.explorer.trace().T == 30
    ratios, radii = [], []
    for slider_value in (40, 200):  # W scale 0.4 and 2.0, dragged on the slider
        controls.scale_slider.setValue(slider_value)
        qtbot.waitUntil(lambda: window.explorer.controls.w_scale == slider_value / 100
                        and not window.explore._w_timer.isActive(), timeout=3000)
        ys = window.plots.grad_curve.yData
        np.testing.assert_allclose(ys, window.explorer.trace().grad_norm_per_step)
        ratios.append(first_over_last(window))
        radii.append(controls.radius_label.text())
    assert ratios[0] < 1.0 < ratios[1]
    assert ratios[1] / ratios[0] > 1e3
    assert radii[0] != radii[1]


def test_demos_and_reset(window, qtbot):
    controls = window.gradient_controls
    qtbot.mouseClick(controls.vanish_button, Qt.MouseButton.LeftButton)
    assert window.explorer.spectral_radius() == pytest.approx(0.8)
    assert window.explorer.trace().T == 40 and window.explorer.activation == "linear"
    assert first_over_last(window) < 1e-2
    assert controls.activation_combo.currentText() == "linear" and controls.length_spin.value() == 40
    qtbot.mouseClick(controls.explode_button, Qt.MouseButton.LeftButton)
    assert window.explorer.spectral_radius() == pytest.approx(1.2)
    assert first_over_last(window) > 10
    qtbot.mouseClick(controls.reset_button, Qt.MouseButton.LeftButton)
    assert window.explorer.controls.w_scale == 1.0 and window.explorer.trace().T == 6


def test_clipping_reports_the_norm_and_scale(window, qtbot):
    controls = window.gradient_controls
    controls.clip_spin.setValue(0.001)
    controls.clip_check.setChecked(True)
    report = window.explorer.clip_report()
    assert report is not None and report.active
    assert format_number(report.norm_before) in controls.clip_label.text()
    window.playback.last()
    assert "clipping" in panel_text(window).lower()
    assert format_number(report.scale) in panel_text(window)


# --- help, files, settings -----------------------------------------------------------------------
def test_help_opens_next_to_what_it_explains(window, qtbot):
    qtbot.mouseClick(window.detail.bptt_help, Qt.MouseButton.LeftButton)
    dialog = window._help_dialog
    assert dialog.isVisible() and dialog.current_topic == "bptt"
    assert "Backpropagation through time" in dialog.browser.toPlainText()
    topics = dialog.topics
    widest = max(topics.fontMetrics().horizontalAdvance(topics.item(i).text()) for i in range(topics.count()))
    assert topics.viewport().width() >= widest  # no topic title is cut off
    qtbot.mouseClick(window.gradient_controls.help_button, Qt.MouseButton.LeftButton)
    assert dialog.current_topic == "gradients"
    press(qtbot, window, Qt.Key.Key_F1)
    assert dialog.current_topic == "forward"  # F1 on a forward step


def open_message_boxes(window) -> list:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_a_damaged_model_file_gives_a_message_not_a_crash(window, tmp_path):
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"this is not a zip file")
    trace_before = window.explorer.trace()
    assert window.load_model_path(str(bad)) is False  # returns at once: the message box is not modal
    boxes = open_message_boxes(window)
    assert len(boxes) == 1 and "broken.npz" in boxes[0].text()
    assert window.explorer.trace() is trace_before
    boxes[0].close()


def test_a_failed_start_shows_its_message_without_blocking(qtbot, settings):
    window = MainWindow(settings=settings, start_background_job=False)
    qtbot.addWidget(window)
    window.show()
    window._on_startup_failed("ImportError: no module named numba")
    boxes = open_message_boxes(window)
    assert len(boxes) == 1 and "numba" in boxes[0].text()
    assert boxes[0].windowModality() != Qt.WindowModality.ApplicationModal
    assert "could not start" in window.detail.text()
    window.actions_by_name["about"].trigger()  # About does not block either
    assert len(open_message_boxes(window)) == 2
    window.close()


def test_saved_model_opens_again(window, tmp_path, monkeypatch):
    from rnnviz.gui import model_files

    path = tmp_path / "copy.npz"
    monkeypatch.setattr(model_files, "ask_save_path", lambda parent, start: str(path))
    window.actions_by_name["save"].trigger()
    assert path.is_file()
    expected = window.explorer.trace()
    assert window.load_model_path(str(path)) is True
    reloaded = window.explorer.trace()
    np.testing.assert_allclose(reloaded.s, expected.s)
    assert window.settings.value("model/last_path") == str(path)


def test_input_and_layout_are_remembered(qtbot, settings):
    first = open_window(qtbot, settings)
    first.input_bar.choose("not good at all", 1)
    first.detail.show_all_check.setChecked(True)
    first.close()
    second = open_window(qtbot, settings)
    try:
        assert second.explorer.controls.text == "not good at all"
        assert second.explorer.controls.label == 1
        assert second.detail.show_all_check.isChecked()
    finally:
        second.close()


# --- closing -------------------------------------------------------------------------------------
def test_closing_leaves_no_running_thread(qtbot, settings):
    threads_before = set(threading.enumerate())
    window = open_window(qtbot, settings)
    window.playback_bar.speed.setValue(5.0)
    window.toggle_play()
    window.close()
    assert not window.runner.busy()
    assert not window.clock.timer.isActive()
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    assert set(threading.enumerate()) <= threads_before


def test_closing_while_the_kernels_load_waits_for_the_job(qtbot, settings):
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.close()  # at once: the background job may still be running
    assert window.runner.n_started == 1 and not window.runner.busy()
    assert QThreadPool.globalInstance().activeThreadCount() == 0


# --- the trainer panel ---------------------------------------------------------------------------
def training_panel_or_skip(window):
    if window.training_panel is None:
        pytest.skip(f"rnnviz.gui.training has no TrainingPanel: {window.model_label.toolTip()}")
    return window.training_panel


def test_trainer_panel_is_a_page_whose_models_and_reviews_reach_the_explorer(window, qtbot):
    from rnnviz.core import init_params
    from rnnviz.train import TrainedModel

    panel = training_panel_or_skip(window)
    assert window.pages.indexOf(panel) == 1
    current = window.explorer.model.trained
    params = init_params(current.vocab_size, 5, 7, seed=11)
    trained = TrainedModel(params, current.config, current.vocab, {})
    panel.modelChanged.emit(trained)
    assert window.explorer.model.trained is trained
    assert window.explorer.trace().hidden_size == 7
    window.pages.setCurrentIndex(1)
    panel.reviewChosen.emit("a truly great film", 1)
    assert window.pages.currentIndex() == 0
    assert window.explorer.controls.text == "a truly great film" and window.explorer.controls.label == 1
    # a review from the table is traced as the table scored it: 'pre' padded to the training length
    assert window.explorer.trace().T == trained.maxlen and window.explorer.tokens.padded == trained.maxlen - 5


def test_playback_keys_do_nothing_on_the_train_page(window, qtbot):
    panel = training_panel_or_skip(window)
    window.pages.setCurrentWidget(panel)
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    qtbot.keyClick(panel, Qt.Key.Key_Right)
    assert not window.playback.playing and window.playback.index == 0


def test_closing_stops_the_trainer_panel(qtbot, settings, monkeypatch):
    window = open_window(qtbot, settings)
    panel = training_panel_or_skip(window)
    calls = []
    original = panel.shutdown
    monkeypatch.setattr(panel, "shutdown", lambda timeout_s=1.0: (calls.append(timeout_s), original(timeout_s))[1])
    window.close()
    assert calls == [1.0]
    assert QThreadPool.globalInstance().activeThreadCount() == 0


def test_a_model_saved_in_the_data_folder_is_shown_at_the_next_start(qtbot, settings, private_user_folders):
    from rnnviz.core import init_params
    from rnnviz.train import save_model
    from rnnviz.train.paths import models_folder

    first = open_window(qtbot, settings)
    builtin = first.explorer.model.trained
    first.close()
    params = init_params(builtin.vocab_size, 4, 5, seed=2)
    config = dataclasses.replace(builtin.config, embed_dim=4, hidden_dim=5)
    path = models_folder() / "trained-h5.npz"
    assert str(path).startswith(str(private_user_folders))
    save_model(path, type(builtin)(params, config, builtin.vocab, {}))
    broken = models_folder() / "newer-but-broken.npz"
    broken.write_bytes(b"PK\x03\x04 cut short")
    os.utime(broken, (path.stat().st_mtime + 10,) * 2)  # the newest file is tried first
    try:
        second = open_window(qtbot, settings)
        assert second.explorer.model.name == "trained-h5.npz"
        assert second.explorer.trace().hidden_size == 5
        assert "newer-but-broken.npz" in second.statusBar().currentMessage()
        second.close()
        assert not second.settings.value("model/last_path")  # picked, not chosen: not pinned
    finally:
        path.unlink()
        broken.unlink()


def test_clicking_a_plot_jumps_to_that_time_step(window, qtbot):
    from PySide6.QtCore import QPointF

    trace = window.explorer.trace()
    plot = window.plots.grad_plot
    y_low, y_high = plot.vb.viewRange()[1]
    scene_pos = plot.vb.mapViewToScene(QPointF(4.2, (y_low + y_high) / 2))
    assert window.plots.time_at(scene_pos) == 4
    window.plots.timeClicked.emit(window.plots.time_at(scene_pos))
    assert window.playback.index == index_of(trace, "forward", 4)
    assert window.plots.cursors[0].value() == 4
    window.plots._on_move(plot.vb.mapViewToScene(QPointF(2.0, (y_low + y_high) / 2)))
    assert window.statusBar().currentMessage().startswith("t = 2: ‖dL/ds_t‖ = ")
    assert format_number(trace.grad_norm_per_step[1]) in window.statusBar().currentMessage()


# --- window size -----------------------------------------------------------------------------------
def test_geometry_saved_on_a_bigger_screen_is_clamped_to_this_one(qtbot, settings):
    from PySide6.QtCore import QRect

    window = MainWindow(settings=settings, start_background_job=False)
    qtbot.addWidget(window)
    window.setGeometry(3000, 200, 2560, 1400)  # as saved on a big external display
    settings.setValue("window/geometry", window.saveGeometry())
    restored = MainWindow(settings=settings, start_background_job=False)
    qtbot.addWidget(restored)
    area = restored.screen().availableGeometry()  # offscreen: 800x600, smaller than the minimum size
    assert restored.width() <= max(area.width(), restored.minimumWidth())
    assert restored.height() <= max(area.height(), restored.minimumHeight())
    restored.setGeometry(3000, 200, 2560, 1400)
    laptop = QRect(0, 0, 1280, 800)
    restored.fit_to_screen(laptop)  # fitted to a 1280x800 screen every panel is in view
    assert laptop.contains(restored.frameGeometry())
    assert restored.width() <= 1280 and restored.height() <= 800


def test_minimum_size_fits_a_1280x800_screen(qtbot, settings):
    window = MainWindow(settings=settings, start_background_job=False)
    qtbot.addWidget(window)
    window.show()
    smallest = window.minimumSize().expandedTo(window.minimumSizeHint())
    assert smallest.width() <= 1280 and smallest.height() <= 760  # room for a title bar and a panel
    window.resize(1280, 760)
    assert (window.width(), window.height()) == (1280, 760)


# --- the model: built-in task and hidden size ------------------------------------------------------
def choose_task(window, qtbot, text: str) -> None:
    combo = window.model_controls.task_combo
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    with qtbot.waitSignal(window.traceShown, timeout=30_000):
        combo.setCurrentIndex(index)
        combo.activated.emit(index)


def test_hidden_units_rebuild_the_builtin_model_off_the_gui_thread(window, qtbot):
    spin = window.model_controls.hidden_spin
    assert spin.isEnabled() and spin.value() == window.explorer.trace().hidden_size == 6
    with qtbot.waitSignal(window.traceShown, timeout=30_000):
        spin.setValue(4)
        # built by a background job: the GUI thread returned at once, still showing H = 6
        assert window.models.job is not None and window.explorer.model.hidden_dim == 6
        assert "Building the built-in model" in window.statusBar().currentMessage()
    trace = window.explorer.trace()
    assert trace.hidden_size == 4 and window.explorer.model.builtin_task == "sentiment"
    assert "H = 4 hidden units" in panel_text(window)
    assert window.settings.value("model/hidden") in (4, "4")
    # a trained model's H is fixed: shown, but not editable
    trained = window.explorer.model.trained
    window.show_trained_model(trained)
    assert not spin.isEnabled() and spin.value() == 4 and "fixed by training" in spin.toolTip()
    assert window.model_controls.task_combo.currentText().startswith("This model")


def test_next_word_head_traces_every_step_with_its_own_loss(window, qtbot):
    choose_task(window, qtbot, "Next word (many-to-many)")
    trace = window.explorer.trace()
    tokens = window.explorer.tokens
    assert trace.head == "softmax" and trace.o.shape[1] == len(window.explorer.model.vocab)
    np.testing.assert_array_equal(trace.targets[:-1], tokens.ids[1:])
    assert trace.targets[-1] == 0 and np.count_nonzero(trace.step_loss) == trace.T
    assert not window.input_bar.label_combo.isEnabled()
    assert "predicted" in window.input_bar.result_label.text()
    window.go_to_step(index_of(trace, "backward", 2))
    text = panel_text(window)
    assert "onehot" in text and "VT dL/do2" in text and "dL/dV" in text and "dL/dc" in text
    assert format_number(trace.dL_do[1, trace.targets[1]]) in text
    # the running sums of dV reach the gradient the core reports
    np.testing.assert_allclose(trace.dV_sum[0], trace.grads["V"])
    window.go_to_step(index_of(trace, "forward", 3))
    assert "Predicted next word" in panel_text(window)
    # vanishing and exploding still work with this head: every step adds its own V^T dL/do_t, so
    # ||dL/ds_t|| does not fade for rho < 1, but for rho > 1 what flows back through W still explodes
    window.apply_preset("vanishing")
    assert window.explorer.spectral_radius() == pytest.approx(0.8)
    vanishing = first_over_last(window)
    window.apply_preset("exploding")
    assert window.explorer.spectral_radius() == pytest.approx(1.2)
    exploding = first_over_last(window)
    assert window.explorer.trace().head == "softmax" and window.explorer.tokens.T == 40
    assert exploding > 10 and exploding / vanishing > 100
    choose_task(window, qtbot, "Sentiment (many-to-one)")
    assert window.explorer.trace().head == "binary" and window.input_bar.label_combo.isEnabled()
