"""The ordinary network in the trainer: config, training, checkpoints, the CLI option, Explore's refusal."""
import numpy as np
import pytest
from train_helpers import small_config

from rnnviz.core.bag import BAG_PARAM_KEYS, bag_predict_logits, init_bag_params
from rnnviz.train import ConfigError, TrainConfig, Trainer, load_model, save_model
from rnnviz.train.checkpoint import CheckpointError
from rnnviz.train.cli import build_parser, config_from_args
from rnnviz.train.shapes import expected_param_shapes


def test_config_accepts_bag_and_says_what_is_allowed():
    assert TrainConfig().model == "rnn"
    assert TrainConfig(model="bag").model == "bag"
    with pytest.raises(ConfigError, match="model must be one of rnn, bag"):
        TrainConfig(model="cnn")
    with pytest.raises(ConfigError, match="truncate"):
        TrainConfig(model="bag", truncate=5)
    assert TrainConfig.from_dict({"dataset": "imdb"}).model == "rnn"  # files saved before the field


def test_cli_model_option():
    args = build_parser().parse_args(["--dataset", "negation", "--model", "bag"])
    assert config_from_args(args).model == "bag"
    assert config_from_args(build_parser().parse_args([])).model == "rnn"


def test_expected_shapes_match_the_bag_params():
    p = init_bag_params(11, 3, 4)
    assert expected_param_shapes(11, 3, 4, 1, model="bag") == {k: p[k].shape for k in BAG_PARAM_KEYS}


def test_bag_trains_saves_and_loads(dataset, tmp_path):
    """The cue task's label is one word's presence: the order-blind network learns it too."""
    config = small_config(model="bag", epochs=8, lr=3e-2, lr_schedule="constant")
    result = Trainer(config, dataset).run()
    assert result.status == "finished"
    assert set(result.model.params) == set(BAG_PARAM_KEYS)
    assert result.test_accuracy > 0.9
    logits = bag_predict_logits(result.model.params, dataset.x_test)
    assert np.mean((logits > 0) == (dataset.y_test > 0.5)) == pytest.approx(result.test_accuracy)
    path = save_model(tmp_path / "bag.npz", result.model)
    loaded = load_model(path)
    assert loaded.config.model == "bag"
    for k in BAG_PARAM_KEYS:
        np.testing.assert_array_equal(loaded.params[k], result.model.params[k])
    from rnnviz.explorer.sources import load_model_file
    with pytest.raises(CheckpointError, match="bag"):
        load_model_file(path)


def test_a_bag_file_with_an_rnn_config_is_refused(dataset, tmp_path):
    result = Trainer(small_config(model="bag", epochs=1), dataset).run()
    wrong = type(result.model)(result.model.params, small_config(), result.model.vocab, {})
    with pytest.raises(CheckpointError, match="W"):
        save_model(tmp_path / "x.npz", wrong)
