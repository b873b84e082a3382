"""The Train page's Model choice (issue 11 §2): RNN or the ordinary network (bag of embeddings).

The fields the ordinary network has no use for (cell, gate init, truncated BPTT) go blank and off with
a tooltip saying why, and come back with their values for the RNN; the config the form builds is the
one ``python main.py train`` builds for the same choices."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox

from rnnviz.train import TrainConfig
from rnnviz.train.cli import build_parser, config_from_args

RNN_ONLY = ("cell", "gate_init", "truncate")


@pytest.fixture
def form(qtbot):
    from rnnviz.gui.training.hyperparams import HyperparamForm

    f = HyperparamForm()
    qtbot.addWidget(f)
    return f


def cli_config(*argv: str) -> TrainConfig:
    return config_from_args(build_parser().parse_args(list(argv)))


def choose_model(form, model: str) -> None:
    combo = form.editors["model"]
    combo.setCurrentIndex(combo.findData(model))  # what picking it in the drop-down does


def test_the_model_is_the_first_choice_with_both_kinds_explained(form):
    from rnnviz.gui.training.hyperparams import FORM_FIELDS

    combo = form.editors["model"]
    assert isinstance(combo, QComboBox) and FORM_FIELDS[:2] == ("model", "cell")
    assert [combo.itemData(k) for k in range(combo.count())] == ["rnn", "bag"]
    assert combo.itemText(0) == "RNN (recurrent)" and combo.itemText(1) == "Ordinary network (bag of embeddings)"
    tip = combo.toolTip()
    assert "W s_{t-1}" in tip and "averages the word embeddings" in tip and "never their order" in tip
    assert form.model() == "rnn" and form.config().model == "rnn"


def test_the_ordinary_network_turns_the_recurrent_fields_off_and_says_why(form):
    choose_model(form, "bag")
    assert form.is_valid(), form.problems()
    for name in RNN_ONLY:
        editor = form.editors[name]
        assert not editor.isEnabled(), name
        assert "Off for the ordinary network" in editor.toolTip() and editor.toolTip() == form.labels[name].toolTip()
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
        assert text == "", name  # blank: the ordinary network has no cell, gates or steps
    assert "no steps to backpropagate" in form.editors["truncate"].toolTip()
    assert "x̄" in form.editors["hidden_dim"].toolTip()  # its hidden layer is computed once, from the mean
    for name in ("activation", "lr", "clip_norm", "word_dropout", "weight_decay", "maxlen", "hidden_dim"):
        assert form.editors[name].isEnabled(), name  # these the ordinary network uses
    config = form.config()
    assert (config.model, config.cell, config.gate_init, config.truncate) == ("bag", "rnn", "keras", None)
    form.set_editable(False)
    form.set_editable(True)
    assert not form.editors["cell"].isEnabled()  # unlocking after a run keeps them off


def test_bag_then_rnn_then_bag_brings_the_rnn_settings_back(form):
    form.editors["cell"].setCurrentText("lstm")
    form.editors["gate_init"].setCurrentText("chrono")
    form.editors["truncate"].setText("20")
    form.editors["hidden_dim"].setText("24")
    form._revalidate()
    assert form.config().cell == "lstm" and form.config().truncate == 20
    choose_model(form, "bag")
    assert form.config() == TrainConfig.defaults_for("imdb").with_changes(model="bag", hidden_dim=24)
    choose_model(form, "rnn")
    config = form.config()
    assert (config.model, config.cell, config.gate_init, config.truncate, config.hidden_dim) == \
        ("rnn", "lstm", "chrono", 20, 24)
    assert all(form.editors[name].isEnabled() for name in RNN_ONLY)
    assert "recurrent cell" in form.editors["cell"].toolTip()  # the field's own help again
    choose_model(form, "bag")
    assert form.config().model == "bag" and form.config().cell == "rnn" and form.is_valid()


def test_an_invalid_field_stays_invalid_across_a_model_switch(form):
    form.editors["lr"].setText("-1")
    form._revalidate()
    choose_model(form, "bag")
    assert not form.is_valid() and set(form.problems()) == {"lr"}
    form.editors["lr"].setText("0.01")
    form._revalidate()
    assert form.is_valid() and form.config().lr == 0.01 and form.config().model == "bag"


@pytest.mark.parametrize("dataset", ["imdb", "memory", "negation"])
def test_the_form_builds_what_the_command_line_builds(form, dataset):
    form.set_dataset(dataset)
    choose_model(form, "bag")
    assert form.config() == cli_config("--dataset", dataset, "--model", "bag")
    form.editors["hidden_dim"].setText("8")
    form.editors["clip_norm"].setText("")
    form.editors["activation"].setCurrentText("relu")
    form._revalidate()
    assert form.config() == cli_config("--dataset", dataset, "--model", "bag", "--hidden-dim", "8",
                                       "--clip-norm", "none", "--activation", "relu")
    form.keras_button.click()  # the recipe keeps the model chosen, as --recipe keras beside --model bag
    assert form.config() == cli_config("--dataset", dataset, "--model", "bag", "--recipe", "keras")
    form.set_dataset(dataset, reset=True)  # "Recommended settings for this data" keeps it too
    assert form.config() == cli_config("--dataset", dataset, "--model", "bag")
    choose_model(form, "rnn")
    assert form.config() == cli_config("--dataset", dataset)


def test_a_new_dataset_keeps_the_ordinary_network(form):
    choose_model(form, "bag")
    form.set_dataset("negation")
    assert form.model() == "bag" and not form.editors["cell"].isEnabled()
    assert form.config() == cli_config("--dataset", "negation", "--model", "bag")


def test_a_config_of_either_model_shows_as_it_is(form):
    bag = TrainConfig.defaults_for("memory").with_changes(model="bag", hidden_dim=5)
    form.set_config(bag)
    assert form.model() == "bag" and form.config() == bag and not form.editors["truncate"].isEnabled()
    rnn = TrainConfig.defaults_for("memory", cell="gru")
    form.set_config(rnn)
    assert form.model() == "rnn" and form.config() == rnn and form.editors["truncate"].isEnabled()


def test_weight_decay_trains_the_ordinary_network_which_has_no_w():
    from rnnviz.core import init_bag_params
    from rnnviz.train.regularize import decay_weights

    params = init_bag_params(20, 4, 3, seed=0)
    before = {k: v.copy() for k, v in params.items()}
    decay_weights(params, lr=0.1, weight_decay=0.5)
    for key in ("E", "U", "V"):
        np.testing.assert_allclose(params[key], before[key] * np.float32(0.95), rtol=1e-6)
    for key in ("b", "c"):  # biases are not decayed
        assert (params[key] == before[key]).all()
