"""At 1280x800 nothing is cut: the Model box shows a trained model's task and its real H; "Show all
entries" wraps a long vector and keeps its norm in view (pytest-qt)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSettings

from rnnviz.core import init_params, make_trace
from rnnviz.explorer import ModelSpec, step_html
from rnnviz.explorer.numbers import format_block, norm
from rnnviz.gui.explore.model_controls import ModelControls
from rnnviz.gui.settings import open_settings


def own_spec(H: int) -> ModelSpec:
    from rnnviz.data import make_negation_task

    vocab = make_negation_task(n_train=2, n_test=2).vocab
    params = init_params(len(vocab), 8, H, seed=0)
    return ModelSpec(params, vocab, name="model trained in this window with a long name")


def test_hidden_units_show_the_real_h_of_a_trained_model(qtbot):
    controls = ModelControls()
    qtbot.addWidget(controls)
    controls.set_model(own_spec(32))
    assert controls.hidden_spin.value() == 32 and not controls.hidden_spin.isEnabled()
    assert controls.task_combo.currentText() == "This model (many-to-one)"


def test_at_1280_the_model_box_text_is_not_cut(qtbot, tmp_path):
    from rnnviz.gui.main_window import MainWindow

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    window = MainWindow(settings=open_settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.traceShown, timeout=180_000):
        window.show()
    window.set_model(own_spec(32))
    qtbot.wait(50)
    combo = window.model_controls.task_combo
    text_px = combo.fontMetrics().horizontalAdvance(combo.currentText())
    assert text_px + 30 <= combo.width()  # the text plus the arrow fit
    assert window.model_controls.hidden_spin.value() == 32
    window.close()


def test_show_all_wraps_long_vectors_and_keeps_the_norm_on_the_first_line():
    params = init_params(6, 3, 32, seed=0, dtype=np.float64)
    trace = make_trace(params, np.array([1, 2, 3]), 0)
    html = step_html(trace, 1, show_all=True)
    first_row = html.split("<tr>")[1]
    assert format_block([norm(trace.Ux[1])], signed=False)[0].strip() in first_row  # the norm in view
    assert first_row.count('class="n"') == 4 + 1  # four entries a line (as the short view), plus the norm
    assert all(t.strip() in html for t in format_block(trace.a[1]))  # and still every entry
