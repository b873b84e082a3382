"""Compare cells without Qt: the same memory-task sentence through RNN, LSTM and GRU, the curves read
from the core's traces, and training the three on the task (small and seeded, so it is quick)."""
from __future__ import annotations

import threading

import numpy as np
import pytest

from rnnviz.core import make_trace
from rnnviz.data.synthetic import MEMORY_SIGNAL
from rnnviz.explorer.compare_cells import (RaceSettings, accuracy, compare_cells, initial_models, memory_sentence,
                                           train_cells)


@pytest.fixture(scope="module")
def models():
    return initial_models(RaceSettings(hidden_dim=4, embed_dim=3))


@pytest.mark.parametrize("length, label", [(2, 1), (40, 0), (500, 1)])
def test_the_sentence_is_a_memory_task_sequence_of_that_length(length, label):
    tokens, words = memory_sentence(length, label, seed=3)
    assert tokens.shape == (length,) and len(words) == length
    assert words[0] == "<start>" and MEMORY_SIGNAL[words[1]] == label
    assert memory_sentence(length, label, seed=3)[1] == words  # seeded


@pytest.mark.parametrize("bad", [1, 501, 0])
def test_lengths_outside_the_window_are_refused(bad):
    with pytest.raises(ValueError, match="between 2 and 500"):
        memory_sentence(bad, 1)
    with pytest.raises(ValueError, match="T must be between"):
        RaceSettings(seq_len=bad).check()


def test_every_cell_reads_the_same_sentence_and_the_curves_are_its_traces(models):
    comparison = compare_cells(models, length=30, label=1)
    assert comparison.T == 30 and set(comparison.curves) == {"rnn", "lstm", "gru"}
    for cell, curves in comparison.curves.items():
        trace = make_trace(models.params[cell], comparison.tokens, np.asarray(1), cell=cell)
        np.testing.assert_array_equal(curves.grad_s, trace.grad_norm_per_step)
        assert curves.y_hat == float(trace.y_hat[-1, 0]) and curves.loss == trace.loss
        assert (curves.grad_C is None) == (cell != "lstm")
        assert comparison.ratio(cell) == curves.grad_s[0] / curves.grad_s[-1]
    np.testing.assert_array_equal(comparison.curves["lstm"].grad_C,
                                  make_trace(models.params["lstm"], comparison.tokens, np.asarray(1),
                                             cell="lstm").cell_grad_norm_per_step)
    assert not models.trained


def test_training_reports_each_cell_and_returns_the_trained_models():
    settings = RaceSettings(seq_len=6, hidden_dim=4, embed_dim=3, n_train=200, n_test=60, epochs=3, lr=0.02)
    seen = []
    models = train_cells(settings, progress=lambda *values: seen.append(values))
    assert models.trained and set(models.results) == {"rnn", "lstm", "gru"}
    assert {v[0] for v in seen} == {"rnn", "lstm", "gru"} and all(v[2] == 3 for v in seen)
    from rnnviz.data.synthetic import make_memory_task

    data = make_memory_task(200, 60, 6, seed=0)
    for cell, result in models.results.items():
        assert 1 <= result.epochs <= 3 and len(result.losses) == result.epochs and result.seconds > 0
        # the reported accuracy is the trained parameters' own on the test set
        assert result.test_accuracy == accuracy(models.params[cell], data.x_test, data.y_test, cell)
    # a length-6 memory task is easy: every cell should learn it (the first word is 4 steps back)
    assert max(r.test_accuracy for r in models.results.values()) >= 0.9


def test_a_cancelled_training_stops_before_the_next_cell():
    cancel = threading.Event()
    cancel.set()
    models = train_cells(RaceSettings(seq_len=6, hidden_dim=4, n_train=50, n_test=10, epochs=2), cancel=cancel)
    assert not models.trained


def test_the_lstm_forget_bias_is_the_settings_and_opens_the_cell_state_path():
    H = 4
    keras = initial_models(RaceSettings(hidden_dim=H, embed_dim=3, gate_init="keras"))
    opened = initial_models(RaceSettings(hidden_dim=H, embed_dim=3, gate_init="keras", forget_bias=4.0))
    np.testing.assert_array_equal(keras.params["lstm"]["b"][H:2 * H], 1.0)  # Keras' unit_forget_bias
    np.testing.assert_array_equal(opened.params["lstm"]["b"][H:2 * H], 4.0)
    np.testing.assert_array_equal(opened.params["lstm"]["b"][:H], keras.params["lstm"]["b"][:H])
    np.testing.assert_array_equal(opened.params["rnn"]["W"], keras.params["rnn"]["W"])
    # with f closer to 1 the gradient reaching the first word is larger (the trace says so)
    a, b = compare_cells(keras, 60, 1), compare_cells(opened, 60, 1)
    assert b.curves["lstm"].grad_C[1] > a.curves["lstm"].grad_C[1]
    with pytest.raises(ValueError, match="forget-gate bias"):
        RaceSettings(forget_bias=float("nan")).check()


def test_the_command_line_refuses_a_bad_length_with_a_message(capsys):
    from rnnviz.explorer.compare_cells import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--T", "1"])
    assert exit_info.value.code == 2 and "T must be between 2 and 500" in capsys.readouterr().err


def test_the_default_gates_are_chrono_for_the_task_length():
    from rnnviz.core import init_params

    settings = RaceSettings(hidden_dim=4, embed_dim=3)
    assert settings.gate_init == "chrono" and settings.seq_len >= 100
    models = initial_models(settings)
    size = len(models.vocab)
    for cell in ("lstm", "gru"):
        expected = init_params(size, 3, 4, 1, seed=0, cell=cell, chrono=settings.seq_len)
        np.testing.assert_array_equal(models.params[cell]["b"], expected["b"])
    keras = initial_models(RaceSettings(hidden_dim=4, embed_dim=3, gate_init="keras"))
    np.testing.assert_array_equal(models.params["rnn"]["W"], keras.params["rnn"]["W"])  # the RNN has no gates
    with pytest.raises(ValueError, match="gate_init"):
        RaceSettings(gate_init="orthogonal").check()


def test_the_verdict_reads_the_measured_accuracies():
    from rnnviz.explorer.compare_cells import CellResult, verdict

    models = initial_models(RaceSettings(hidden_dim=4, embed_dim=3))
    models.results = {"rnn": CellResult("rnn", 0.52, 30, 1.0, ()), "lstm": CellResult("lstm", 0.99, 4, 1.0, ()),
                      "gru": CellResult("gru", 0.75, 30, 1.0, ())}
    assert verdict(models) == "RNN at chance (52%), LSTM learned it (99%), GRU 75%"


@pytest.mark.slow
def test_at_the_default_length_the_rnn_fails_and_the_lstm_learns():
    """The claim the window makes, trained as the window trains it (default settings, seeded)."""
    settings = RaceSettings()
    models = train_cells(settings, cells=("rnn", "lstm"))
    rnn, lstm = models.results["rnn"].test_accuracy, models.results["lstm"].test_accuracy
    assert rnn <= 0.6, f"the RNN learned the task at T = {settings.seq_len}: {rnn:.1%}"
    assert lstm > 0.9, f"the LSTM did not learn the task at T = {settings.seq_len}: {lstm:.1%}"
