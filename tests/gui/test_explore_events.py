"""The Explore page follows the explorer: one call on the explorer's public API (as a lesson, a demo
or a review makes it) and every view shows it; one current step that every view agrees on; the
page's keys; File > Save model as."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from rnnviz.explorer.equations import format_number

from window_helpers import panel_text


def assert_every_view_shows_step(window, index: int) -> None:
    """Graph, BPTT panel, scrubber, step label and plot cursors on the playback's step `index`."""
    trace = window.explorer.trace()
    step = trace.steps[index]
    assert window.playback.index == index
    assert window.graph.current_index == index
    assert window.playback_bar.scrubber.value() == index
    assert window.playback_bar.step_label.text().startswith(f"{index + 1}/{len(trace.steps)}")
    assert f"Step {index + 1} of {len(trace.steps)}" in panel_text(window)
    assert all(cursor.value() == step.t for cursor in window.plots.cursors)


def test_one_explorer_call_updates_graph_panel_plots_and_controls(window, qtbot):
    text, label, scale = "this movie was good", 1, 0.5
    with qtbot.waitSignal(window.traceShown, timeout=5000):
        window.explorer.update(text=text, label=label, w_scale=scale, activation="linear", step=7)
    trace = window.explorer.trace()
    assert (trace.T, trace.activation, int(trace.targets[0])) == (5, "linear", 1)
    assert_every_view_shows_step(window, 7)
    assert "Backward, step t = " in panel_text(window)
    assert window.graph.node_count("x") == 5
    np.testing.assert_allclose(window.plots.grad_curve.yData, trace.grad_norm_per_step)
    c = window.gradient_controls
    assert c.scale_spin.value() == pytest.approx(scale) and c.scale_slider.value() == 50
    assert c.activation_combo.currentText() == "linear"
    assert f"{window.explorer.spectral_radius():.3f}" in c.radius_label.text()
    assert window.input_bar.text_edit.text() == text and window.input_bar.label == label
    assert format_number(trace.loss) in window.input_bar.result_label.full_text()


def test_after_pausing_mid_animation_every_view_is_on_the_same_step(window, qtbot):
    window.actions_by_name["fold"].setChecked(True)   # the folded view's caption must agree too
    window.playback_bar.speed.setValue(1.0)
    window.toggle_play()
    window.playback.advance(2.5)      # from step 1 complete: 3.5, step index 3 half drawn
    assert window.playback.frac == pytest.approx(0.5)
    t_drawn = window.explorer.trace().steps[3].t
    assert window.graph.folded_diagram.t == t_drawn  # while drawing step 3, not step 2
    window.toggle_play()              # pause
    assert not window.playback.playing
    assert_every_view_shows_step(window, 3)
    assert window.graph.folded_diagram.t == t_drawn


def test_right_and_left_step_even_when_the_tab_bar_has_the_focus(window, qtbot):
    """As when the window was inactive while the first compile finished: the focus is on the tabs."""
    if window.training_panel is None:
        pytest.skip("no Train tab: the tab bar has nothing to switch to")
    tabs = window.pages.tabBar()
    tabs.setFocus()
    qtbot.waitUntil(tabs.hasFocus, timeout=2000)
    start = window.playback.index
    qtbot.keyClick(tabs, Qt.Key.Key_Right)
    assert window.pages.currentWidget() is window.page
    assert window.playback.index == start + 1
    qtbot.keyClick(tabs, Qt.Key.Key_Left)
    assert window.playback.index == start
    window.pages.setCurrentWidget(window.training_panel)  # the Train page keeps its own keys
    assert not window.actions_by_name["next"].isEnabled()
    window.pages.setCurrentWidget(window.page)
    assert window.actions_by_name["next"].isEnabled()


def test_a_text_field_keeps_its_arrow_keys(window, qtbot):
    edit = window.input_bar.text_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    edit.setCursorPosition(0)
    start = window.playback.index
    qtbot.keyClick(edit, Qt.Key.Key_Right)
    assert edit.cursorPosition() == 1 and window.playback.index == start


def test_the_exploding_demo_with_a_positive_label_shows_gradients(window, qtbot):
    window.input_bar.choose("this movie was good", 1)
    qtbot.mouseClick(window.gradient_controls.explode_button, Qt.MouseButton.LeftButton)
    ys = np.asarray(window.plots.grad_curve.yData)
    assert ys.size == 40 and np.all(np.isfinite(ys)) and np.all(ys > 0)
    assert ys[0] / ys[-1] >= 10
    assert window.input_bar.label == window.explorer.controls.label  # the demo's label is shown


def test_save_model_as_starts_in_the_models_folder_with_the_models_name(window, monkeypatch):
    from rnnviz.gui import model_files
    from rnnviz.train.paths import models_folder

    asked = []
    monkeypatch.setattr(model_files, "ask_save_path", lambda parent, start: asked.append(start))
    window.actions_by_name["save"].trigger()
    assert len(asked) == 1
    start = Path(asked[0])
    assert start.parent == models_folder() and start.parent.is_dir()
    assert start.suffix == ".npz" and start.stem.startswith(window.explorer.model.trained.config.dataset)


def test_the_w_scale_box_shows_a_demos_scale_beyond_its_usual_range(window):
    """A model whose W has a small spectral radius needs a W scale above 3 for rho(W) = 1.2."""
    import dataclasses

    spec = window.explorer.model
    small = dict(spec.params, W=np.asarray(spec.params["W"]) * (0.2 / window.explorer.spectral_radius()))
    window.set_model(dataclasses.replace(spec, params=small, builtin_task=None, name="small W"))
    window.apply_preset("exploding")
    scale = window.explorer.controls.w_scale
    assert scale == pytest.approx(6.0)
    assert window.gradient_controls.scale_spin.value() == pytest.approx(scale, abs=1e-3)
