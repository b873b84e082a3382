"""Word dropout, decoupled weight decay and early stopping: config fields, what they do, and the Keras recipe."""
import numpy as np
import pytest

from rnnviz.data import Dataset, OOV_ID
from rnnviz.train import FIELD_HELP, ConfigError, TrainConfig, Trainer
from rnnviz.train.cli import build_parser, config_from_args
from rnnviz.train.config import KERAS_IMDB_RUN, KERAS_RECIPE
from rnnviz.train.regularize import DECAYED, decay_weights, drop_word_types, drop_words

from train_helpers import make_dataset, small_config


def test_word_dropout_replaces_about_its_rate_of_words_and_never_padding_or_start():
    rng = np.random.default_rng(0)
    tokens = rng.integers(3, 50, size=(200, 100))
    tokens[:, :10] = 0  # padding
    tokens[:, 10] = 1  # start
    before = tokens.copy()
    drop_words(tokens, 0.25, np.random.default_rng(1))
    changed = tokens != before
    assert (tokens[changed] == OOV_ID).all()
    assert not changed[:, :11].any()
    assert changed[:, 11:].mean() == pytest.approx(0.25, abs=0.01)
    again = before.copy()
    drop_words(again, 0.0, np.random.default_rng(1))
    np.testing.assert_array_equal(again, before)


def test_embedding_dropout_drops_every_occurrence_of_the_chosen_word_types():
    rng = np.random.default_rng(0)
    tokens = rng.integers(0, 1000, size=(64, 200))
    before = tokens.copy()
    drop_word_types(tokens, 0.3, np.random.default_rng(2), vocab_size=1000)
    changed = tokens != before
    assert (tokens[changed] == OOV_ID).all() and not changed[before < 3].any()
    gone = set(before[changed].tolist())
    assert not np.isin(tokens, list(gone)).any()  # a dropped type is gone from every sequence of the batch
    assert len(gone) / 997 == pytest.approx(0.3, abs=0.05)


def test_decoupled_weight_decay_shrinks_the_weights_but_not_the_biases():
    params = {k: np.ones((3, 2), np.float32) for k in ("E", "U", "W", "V")}
    params.update(b=np.ones(2, np.float32), c=np.ones(1, np.float32))
    decay_weights(params, lr=0.01, weight_decay=2.0)
    for k in DECAYED:
        np.testing.assert_allclose(params[k], 0.98)
    assert params["b"][0] == params["c"][0] == 1.0


def test_regularisers_change_the_run_and_stay_deterministic(dataset):
    plain = Trainer(small_config(epochs=2), dataset).run().model
    cfg = small_config(epochs=2, word_dropout=0.3, embedding_dropout=0.1, weight_decay=0.5)
    a, b = (Trainer(cfg, dataset).run().model for _ in range(2))
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])
    assert not np.array_equal(a.params["W"], plain.params["W"])
    assert np.linalg.norm(a.params["E"]) < np.linalg.norm(plain.params["E"])


def test_early_stopping_ends_the_run_after_patience_epochs_without_a_better_validation():
    ds = make_dataset()
    noise = Dataset(ds.name, ds.x_train, np.random.default_rng(5).permutation(ds.y_train), ds.x_test, ds.y_test,
                    ds.vocab)  # labels that cannot be learnt: validation stops improving at once
    cfg = small_config(epochs=30, patience=2)
    epochs = []
    result = Trainer(cfg, noise, on_epoch=epochs.append).run()
    assert result.status == "finished" and "stopped early" in result.message
    assert result.epochs_completed < 30 and result.epochs_completed == result.best_epoch + 2
    assert not any(e.is_best for e in epochs[-2:])
    assert result.test_accuracy is not None  # the best weights are still scored once


@pytest.mark.parametrize("field, value, message", [
    ("word_dropout", 0.95, "word_dropout must be a number from 0 (off) to 0.9, got 0.95"),
    ("word_dropout", -0.1, "word_dropout must be a number from 0 (off) to 0.9, got -0.1"),
    ("embedding_dropout", 1.0, "embedding_dropout must be a number from 0 (off) to 0.9, got 1.0"),
    ("weight_decay", float("inf"), "weight_decay must be a number from 0 (off) to 100, got inf"),
    ("patience", 0, "patience must be an integer from 1 to 1000 or empty (None), got 0"),
])
def test_invalid_regulariser_settings_say_what_is_allowed(field, value, message):
    with pytest.raises(ConfigError) as err:
        TrainConfig(**{field: value})
    assert str(err.value) == message
    assert FIELD_HELP[field]


def test_the_plain_keras_recipe_is_one_flag_away():
    parser = build_parser()
    default = config_from_args(parser.parse_args([]))
    keras = config_from_args(parser.parse_args(["--recipe", "keras"]))
    assert keras == default.with_changes(**KERAS_RECIPE, **KERAS_IMDB_RUN)
    assert (keras.optimizer, keras.clip_norm, keras.lr_schedule) == ("rmsprop", None, "constant")
    assert (keras.epochs, keras.validation_split) == (10, 0.2)  # the Keras example's run, not the recipe's 8 and 0.1
    assert TrainConfig.defaults_for("negation", recipe="keras").epochs == TrainConfig.defaults_for("negation").epochs
    assert (keras.word_dropout, keras.embedding_dropout, keras.weight_decay, keras.patience) == (0.0, 0.0, 0.0, None)
    assert keras == TrainConfig.defaults_for("imdb", recipe="keras")
    mixed = config_from_args(parser.parse_args(["--recipe", "keras", "--word-dropout", "0.1", "--patience", "3"]))
    assert (mixed.optimizer, mixed.word_dropout, mixed.patience) == ("rmsprop", 0.1, 3)
    assert config_from_args(parser.parse_args(["--patience", "none"])).patience is None


def test_imdb_recommends_the_regularisers_and_older_model_files_read_as_trained_without_them():
    imdb = TrainConfig.defaults_for("imdb")
    assert (imdb.word_dropout, imdb.patience, imdb.validation_split, imdb.epochs) == (0.2, 3, 0.1, 8)
    # otherwise the same recipe
    assert imdb.with_changes(word_dropout=0.0, patience=None, validation_split=0.2, epochs=10) == TrainConfig()
    old_file_config = TrainConfig().to_dict()
    for name in ("word_dropout", "embedding_dropout", "weight_decay", "patience", "head"):
        del old_file_config[name]
    old = TrainConfig.from_dict(old_file_config)
    assert (old.word_dropout, old.embedding_dropout, old.weight_decay, old.patience) == (0.0, 0.0, 0.0, None)
    for task in ("memory", "negation"):  # the built-in tasks learn late: no dropout, no early stop
        cfg = TrainConfig.defaults_for(task)
        assert (cfg.word_dropout, cfg.patience) == (0.0, None)
