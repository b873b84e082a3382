"""The window's default models: trained deterministically on the negation task, cached per hidden size,
retrained when unreadable; the next-word (many-to-many) model learns the task's word order."""
import math

import numpy as np
import pytest

from rnnviz.core import make_trace
from rnnviz.train import builtin_model, load_model, save_model
from rnnviz.train.builtin import (BUILTIN_CONFIG, END_ID, NEXT_WORD_VERSION, builtin_cache_path, builtin_config,
                                  builtin_next_word_model, next_word_cache_path, next_word_config,
                                  next_word_loss, next_word_targets, train_builtin, train_next_word)


def test_builtin_is_small_trained_and_cached(tmp_path):
    model = builtin_model(tmp_path)
    assert (model.hidden_dim, model.config.embed_dim, model.activation) == (6, 8, "tanh")
    assert model.config.dataset == "negation" and model.history["test_accuracy"] >= 0.95
    path = builtin_cache_path(tmp_path)
    stamp = path.stat().st_mtime_ns
    again = builtin_model(tmp_path)
    assert path.stat().st_mtime_ns == stamp  # loaded, not retrained and rewritten
    for k, v in model.params.items():
        np.testing.assert_array_equal(again.params[k], v)
    assert load_model(path).config == BUILTIN_CONFIG


def test_each_hidden_size_has_its_own_trained_and_cached_model(tmp_path):
    small, large = builtin_model(tmp_path, hidden_dim=4), builtin_model(tmp_path, hidden_dim=12)
    assert (small.hidden_dim, large.hidden_dim) == (4, 12)
    assert small.history["test_accuracy"] >= 0.9 and large.history["test_accuracy"] >= 0.9
    assert load_model(builtin_cache_path(tmp_path, 4)).config == builtin_config(4)
    assert load_model(builtin_cache_path(tmp_path, 12)).config == builtin_config(12)
    with pytest.raises(ValueError, match="between 2 and 16"):
        builtin_model(tmp_path, hidden_dim=17)


def test_builtin_training_is_deterministic():
    a, b = train_builtin(), train_builtin()
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])


def test_unreadable_cache_is_retrained(tmp_path):
    reference = builtin_model(tmp_path / "ref")
    path = builtin_cache_path(tmp_path)
    path.write_bytes(b"not a model")
    model = builtin_model(tmp_path)
    for k, v in reference.params.items():
        np.testing.assert_array_equal(model.params[k], v)
    assert load_model(path).config == BUILTIN_CONFIG  # the damaged cache was replaced


def test_read_only_cache_folder_still_gives_a_model(tmp_path):
    folder = tmp_path / "ro"
    folder.write_text("a file where the folder should be")  # cannot create the cache in it
    model = builtin_model(folder)
    assert model.history["test_accuracy"] >= 0.95
    assert builtin_next_word_model(folder).head == "softmax"


# --- many-to-many: next word ----------------------------------------------------------------------
def test_next_word_targets_are_the_following_tokens_then_the_end_token():
    np.testing.assert_array_equal(next_word_targets([1, 7, 9, 4]), [7, 9, 4, END_ID])
    np.testing.assert_array_equal(next_word_targets([[1, 7], [1, 9]]), [[7, END_ID], [9, END_ID]])


def test_next_word_model_learns_the_word_order(tmp_path):
    model = builtin_next_word_model(tmp_path)
    n_vocab = len(model.vocab)
    assert model.head == "softmax" and model.hidden_dim == 6
    assert model.params["V"].shape == (n_vocab, 6) and model.params["c"].shape == (n_vocab,)
    # Uniform guessing costs log V per token; the trained model must do far better on unseen sentences.
    assert model.history["test_loss_per_token"] < 0.5 * math.log(n_vocab)
    # trained by the one Trainer: its per-epoch validation record and best-epoch choice come along
    assert len(model.history["val_accuracy"]) == model.config.epochs and model.history["best_epoch"] >= 1
    from rnnviz.data import make_negation_task
    x_test = make_negation_task(seed=model.config.seed).x_test
    assert next_word_loss(model.params, x_test, model.config) == pytest.approx(model.history["test_loss_per_token"])
    assert model.history["train_loss"][-1] < 0.5 * model.history["train_loss"][0]
    # After "<start> the movie was not" the next word is an adjective or intensifier, never "<end>".
    ids = np.array(model.vocab.encode_text("the movie was not"), dtype=np.int64)
    trace = make_trace(model.params, ids, next_word_targets(ids), head="softmax")
    assert int(np.argmax(trace.y_hat[-1])) != END_ID
    assert trace.loss / len(ids) < math.log(n_vocab)


def test_next_word_model_is_deterministic_and_cached(tmp_path):
    first = builtin_next_word_model(tmp_path, hidden_dim=4)
    path = next_word_cache_path(tmp_path, 4)
    stamp = path.stat().st_mtime_ns
    again = builtin_next_word_model(tmp_path, hidden_dim=4)
    assert path.stat().st_mtime_ns == stamp and again.head == "softmax"
    fresh = train_next_word(4)
    for k in first.params:
        np.testing.assert_array_equal(again.params[k], first.params[k])
        np.testing.assert_array_equal(fresh.params[k], first.params[k])
    path.write_bytes(b"damaged")
    np.testing.assert_array_equal(builtin_next_word_model(tmp_path, hidden_dim=4).params["V"], first.params["V"])


def test_next_word_cache_is_a_common_model_file(tmp_path):
    model = builtin_next_word_model(tmp_path, hidden_dim=3)
    loaded = load_model(next_word_cache_path(tmp_path, 3))  # the trainer's checkpoint format, softmax head
    assert loaded.head == "softmax" == loaded.config.head
    assert loaded.config == next_word_config(3) and loaded.vocab == model.vocab and loaded.history == model.history
    # the same model type and config as the sentiment model: only the head and the epochs differ
    assert loaded.config == builtin_config(3).with_changes(head="softmax", epochs=loaded.config.epochs)
    for k, v in model.params.items():
        np.testing.assert_array_equal(loaded.params[k], v)
    assert NEXT_WORD_VERSION >= 2 and "-v1-" not in next_word_cache_path(tmp_path, 3).name


def test_next_word_cache_of_another_head_or_size_is_retrained(tmp_path):
    reference = builtin_next_word_model(tmp_path / "ref", hidden_dim=3)
    path = next_word_cache_path(tmp_path, 3)
    save_model(path, builtin_model(tmp_path, hidden_dim=3))  # a binary model where the next-word one belongs
    model = builtin_next_word_model(tmp_path, hidden_dim=3)
    assert model.head == "softmax"
    np.testing.assert_array_equal(model.params["V"], reference.params["V"])
    save_model(path, builtin_next_word_model(tmp_path, hidden_dim=4))  # the next-word model of another H
    assert builtin_next_word_model(tmp_path, hidden_dim=3).hidden_dim == 3
    assert load_model(path).hidden_dim == 3  # replaced by the right one
