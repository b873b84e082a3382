"""One sequence, one prediction: the Test reviews table, its accuracy line and Explore agree on every
review (pytest-qt). The model is a real one, trained on the negation task (pre-padded to 16 steps)."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from rnnviz.explorer import Controls, Explorer, ModelSpec
from rnnviz.explorer.numbers import format_number
from rnnviz.gui.settings import open_settings
from rnnviz.gui.training.reviews import ReviewPicker
from rnnviz.train import Trainer
from rnnviz.train.builtin import builtin_config
from rnnviz.train.datasets import synthetic_dataset

STARTUP_TIMEOUT_MS = 180_000


@pytest.fixture(scope="module")
def trained():
    config = builtin_config(8).with_changes(epochs=2, seed=3)
    dataset = synthetic_dataset(config)
    return Trainer(config, dataset).run().model, dataset


@pytest.fixture
def picker(qtbot, trained):
    model, dataset = trained
    p = ReviewPicker()
    qtbot.addWidget(p)
    with qtbot.waitSignal(p.predictionsReady, timeout=60_000):
        p.set_dataset(dataset)
        p.set_model(model)
    return p


def test_table_and_explore_score_the_same_sequence(picker, trained):
    model, dataset = trained
    spec = ModelSpec.from_trained(model, "trained here")
    table = picker.table
    padded = 0
    explore = np.empty(len(table.texts))
    for i, text in enumerate(table.texts):
        e = Explorer(spec, Controls(text=text, label=int(table.labels[i]), pad=True))
        assert e.tokens.ids == tuple(int(v) for v in dataset.x_test[i])  # the very sequence the table scored
        padded += e.tokens.padded > 0
        explore[i] = e.prediction()
        assert format_number(explore[i]) in table._display(i, 3)
    assert padded > len(table.texts) // 2  # most negation sentences are shorter than 16 steps
    np.testing.assert_allclose(explore, table.prob, rtol=0, atol=1e-12)
    accuracy = np.mean((explore >= 0.5) == (table.labels == 1))
    assert f"{100 * accuracy:.1f}%" in picker.count_label.text()


def test_unpadded_trace_can_differ_and_is_the_choice_of_the_user(trained):
    model, _ = trained
    spec = ModelSpec.from_trained(model, "trained here")
    e = Explorer(spec, Controls(text="this movie was not good", pad=True))
    assert e.tokens.T == 16 and e.tokens.labels[:10] == ("<pad>",) * 10
    e.set_padding(False)
    assert e.tokens.T == 6 and e.tokens.padded == 0


def test_show_in_graph_traces_the_table_row(qtbot, tmp_path, trained):
    """The window: a review chosen in the table is traced padded, y_hat = the table's number."""
    from rnnviz.gui.main_window import MainWindow

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    window = MainWindow(settings=open_settings())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.traceShown, timeout=STARTUP_TIMEOUT_MS):
        window.show()
    model, dataset = trained
    panel = window.training_panel
    with qtbot.waitSignal(panel.reviews.predictionsReady, timeout=60_000):
        panel.reviews.set_dataset(dataset)
        panel.set_model(model)
    window.show_trained_model(model)
    assert not window.gradient_controls.pad_check.isChecked()  # typed text: as typed, until a review is chosen
    i = int(np.argmin(dataset.x_test[:, 8] != 0))  # a sentence with <pad> in front
    with qtbot.waitSignal(window.traceShown, timeout=10_000):
        panel.reviews.choose(i)
    assert window.gradient_controls.pad_check.isChecked()  # traced as the table scored it
    padded = window.explorer.tokens.padded
    assert window.playback.index == padded  # the first real word's forward step, not the first <pad>
    assert f"playback starts at the first word, t = {padded + 1}" in window.statusBar().currentMessage()
    shown = window.explorer.prediction()
    assert format_number(shown) == format_number(panel.reviews.table.prob[i])
    assert format_number(shown) in window.input_bar.result_label.full_text()
    block = window.graph.pad_block()
    assert block is not None and block.n_pad == window.explorer.tokens.padded and not block.expanded
    window.graph.toggle_padding()
    assert block.expanded
    window.gradient_controls.pad_check.setChecked(False)  # trace the words alone
    assert window.explorer.tokens.padded == 0 and window.graph.pad_block() is None
    window.close()


@pytest.mark.imdb
@pytest.mark.slow
def test_imdb_reviews_score_the_same_in_the_table_and_in_explore():
    """The real archive: a short real run (reviews cut to 100 tokens), then 300 test reviews traced as the
    table scores them, padded ones and cut ones alike: the same ids, the same y_hat to 1e-9."""
    import dataclasses
    import os

    from rnnviz.core import predict_proba
    from rnnviz.gui.training.reviews import review_texts
    from rnnviz.train import TrainConfig, load_dataset

    path = os.environ.get("RNNVIZ_IMDB")
    if not path:
        pytest.skip("RNNVIZ_IMDB is not set (path of aclImdb_v1.tar.gz)")
    cfg = TrainConfig(maxlen=100, epochs=1, lr_schedule="constant")
    full = load_dataset(cfg, imdb_path=path)
    train = dataclasses.replace(full, x_test=full.x_test[:256], y_test=full.y_test[:256], test_texts=None,
                                test_ratings=None)
    model = Trainer(cfg, train).run().model
    spec = ModelSpec.from_trained(model, "IMDb, one short epoch")
    rows = np.random.default_rng(0).choice(len(full.y_test), 300, replace=False)
    texts = review_texts(full)
    params = {k: np.asarray(v, dtype=np.float64) for k, v in model.params.items()}
    table = predict_proba(params, full.x_test[rows], model.activation, 100)  # as the table scores them
    padded = 0
    for k, i in enumerate(rows):
        e = Explorer(spec, Controls(text=texts[i], label=int(full.y_test[i]), pad=True))
        assert e.tokens.ids == tuple(int(v) for v in full.x_test[i]), i
        padded += e.tokens.padded > 0
        assert abs(e.prediction() - table[k]) < 1e-9 and format_number(e.prediction()) == format_number(table[k])
    assert 0 < padded < len(rows)  # both short (padded) and long (cut) reviews were checked


def test_a_padded_review_plays_from_its_first_word(trained):
    """Padded, the trace opens, restarts and replays at the first real word's forward step, not in
    the <pad> block; traced as typed, at t = 1."""
    model, _ = trained
    spec = ModelSpec.from_trained(model, "trained here")
    e = Explorer(spec, Controls(text="this movie was not good", pad=True))
    pb = e.playback
    first_word = e.tokens.padded  # forward step t = padded + 1
    assert first_word == 10 and e.tokens.labels[first_word] != "<pad>"
    assert pb.index == first_word and e.trace().steps[pb.index].t == first_word + 1
    pb.set_step(30)
    pb.restart()
    assert pb.playing and pb.index == first_word and pb.frac < 1e-6  # the first word about to animate
    assert e.trace().steps[pb.index].kind == "forward"
    pb.last()
    pb.play()  # from the end: starts over at the first word too
    assert pb.index == first_word and pb.frac < 1e-6
    e.set_padding(False)
    assert pb.start == 0 and pb.index == 0
    pb.restart()
    assert pb.position == 0.0
