"""The window's default model: trained deterministically on the negation task, cached, retrained when unreadable."""
import numpy as np

from rnnviz.train import builtin_model, load_model
from rnnviz.train.builtin import BUILTIN_CONFIG, BUILTIN_VERSION, train_builtin


def cache_file(folder):
    return folder / f"builtin-negation-v{BUILTIN_VERSION}.npz"


def test_builtin_is_small_trained_and_cached(tmp_path):
    model = builtin_model(tmp_path)
    assert (model.hidden_dim, model.config.embed_dim, model.activation) == (6, 8, "tanh")
    assert model.config.dataset == "negation" and model.history["test_accuracy"] >= 0.95
    path = cache_file(tmp_path)
    stamp = path.stat().st_mtime_ns
    again = builtin_model(tmp_path)
    assert path.stat().st_mtime_ns == stamp  # loaded, not retrained and rewritten
    for k, v in model.params.items():
        np.testing.assert_array_equal(again.params[k], v)
    assert load_model(path).config == BUILTIN_CONFIG


def test_builtin_training_is_deterministic():
    a, b = train_builtin(), train_builtin()
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])


def test_unreadable_cache_is_retrained(tmp_path):
    reference = builtin_model(tmp_path / "ref")
    path = cache_file(tmp_path)
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
