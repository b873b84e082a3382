"""TrainConfig: Keras defaults, validation messages that name the allowed values, dict round trip."""
import json

import numpy as np
import pytest

from rnnviz import core
from rnnviz.data import Vocab
from rnnviz.train import FIELD_HELP, ConfigError, TrainConfig
from rnnviz.train.config import ACTIVATIONS, DATASETS, field_names
from rnnviz.train.shapes import expected_param_shapes


def test_defaults_are_the_keras_example_with_adam_clipping_and_cosine_decay():
    c = TrainConfig()
    assert (c.dataset, c.num_words, c.maxlen, c.embed_dim, c.hidden_dim) == ("imdb", 10000, 500, 32, 32)
    assert (c.activation, c.lr, c.batch_size, c.epochs) == ("tanh", 1e-3, 128, 10)
    assert c.validation_split == 0.2 and c.truncate is None and c.seed == 0
    assert (c.optimizer, c.clip_norm, c.lr_schedule) == ("adam", 1.0, "cosine")  # justified in TrainConfig
    # The synthetic tasks were tuned with a constant rate and keep it.
    assert TrainConfig.defaults_for("memory").lr_schedule == TrainConfig.defaults_for("negation").lr_schedule \
        == "constant"


@pytest.mark.parametrize("field, value, message", [
    ("hidden_dim", 0, "hidden_dim must be an integer from 1 to 1024, got 0"),
    ("hidden_dim", 2.5, "hidden_dim must be an integer from 1 to 1024, got 2.5"),
    ("hidden_dim", True, "hidden_dim must be an integer from 1 to 1024, got True"),
    ("embed_dim", 5000, "embed_dim must be an integer from 1 to 1024, got 5000"),
    ("num_words", 3, "num_words must be an integer from 4 to 200000, got 3"),
    ("maxlen", -1, "maxlen must be an integer from 1 to 5000, got -1"),
    ("batch_size", "128", "batch_size must be an integer from 1 to 4096, got '128'"),
    ("epochs", 0, "epochs must be an integer from 1 to 1000, got 0"),
    ("seed", -3, "seed must be an integer from 0 to 4294967295, got -3"),
    ("activation", "sigmoid", "activation must be one of tanh, relu, linear, got 'sigmoid'"),
    ("optimizer", "adagrad", "optimizer must be one of sgd, momentum, rmsprop, adam, got 'adagrad'"),
    ("dataset", "mnist", "dataset must be one of imdb, memory, negation, got 'mnist'"),
    ("lr", 0.0, "lr must be a number greater than 0 and at most 100, got 0.0"),
    ("lr", float("nan"), "lr must be a number greater than 0 and at most 100, got nan"),
    ("validation_split", 1.0, "validation_split must be a number greater than 0 and at most 0.9, got 1.0"),
    ("clip_norm", -1.0, "clip_norm must be a number greater than 0 and at most 1e+06 or empty (None), got -1.0"),
    ("truncate", 600, "truncate must be an integer from 1 to 500 or empty (None), got 600"),
    ("lr_schedule", "exponential", "lr_schedule must be one of constant, cosine, got 'exponential'"),
    ("lr_schedule", None, "lr_schedule must be one of constant, cosine, got None"),
])
def test_invalid_values_say_what_is_allowed(field, value, message):
    with pytest.raises(ConfigError) as err:
        TrainConfig(**{field: value})
    assert str(err.value) == message


def test_from_dict_round_trip_and_unknown_fields():
    c = TrainConfig(hidden_dim=np.int64(16), lr=1, clip_norm=None, truncate=20, dataset="memory")
    d = c.to_dict()
    assert type(d["hidden_dim"]) is int and type(d["lr"]) is float  # numpy/int inputs stored as plain numbers
    assert TrainConfig.from_dict(json.loads(json.dumps(d))) == c
    assert TrainConfig.from_dict({"hidden_dim": 8}) == TrainConfig(hidden_dim=8)
    with pytest.raises(ConfigError, match="unknown config field 'hidden'; allowed fields: dataset, num_words"):
        TrainConfig.from_dict({"hidden": 8})
    with pytest.raises(ConfigError, match="config must be a mapping"):
        TrainConfig.from_dict([1, 2])


def test_frozen_and_with_changes_validates():
    c = TrainConfig()
    with pytest.raises(AttributeError):
        c.hidden_dim = 3
    assert c.with_changes(hidden_dim=3).hidden_dim == 3
    with pytest.raises(ConfigError, match="hidden_dim"):
        c.with_changes(hidden_dim=0)
    with pytest.raises(ConfigError, match="unknown config field"):
        c.with_changes(hiden_dim=3)


def test_every_field_has_help_and_dataset_defaults_are_valid():
    assert set(FIELD_HELP) == set(field_names())
    for name in DATASETS:
        assert TrainConfig.defaults_for(name).dataset == name


def test_choices_match_the_core():
    assert set(ACTIVATIONS) == set(core.ACTIVATIONS)
    p = core.init_params(37, 5, 7, 1, seed=0)
    assert {k: v.shape for k, v in p.items()} == expected_param_shapes(37, 5, 7)


def test_num_words_help_tells_which_ids_the_vocabulary_reserves():
    """Our vocabulary reserves ids 0-2 (pad, start, OOV); only Keras' imdb.npz leaves id 3 unused as well."""
    vocab = Vocab.from_counts({"good": 5, "bad": 4, "film": 3, "plot": 2}, num_words=5)
    assert vocab.words == ["<pad>", "<start>", "<oov>", "good", "bad"]  # N - 3 words get an id
    keras = Vocab.from_keras_word_index({"good": 1, "bad": 2, "film": 3}, num_words=6)
    assert keras.words == ["<pad>", "<start>", "<oov>", "<unused>", "good", "bad"]  # N - 4 words
    text = FIELD_HELP["num_words"]
    assert "Ids 0-2 are reserved (padding, start, out-of-vocabulary)" in text and "N-3 words" in text
    assert "imdb.npz N-4" in text and "0-3" not in text
