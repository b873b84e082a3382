"""A first start: no model file, the built-in model not trained yet and its training kernels not
compiled. The window's first graph then shows the built-in model's untrained starting weights,
marked as such, instead of waiting 10 s or more for a compile; every other start shows the trained model."""
import numpy as np
import pytest

from rnnviz.core import warmup
from rnnviz.explorer import Controls, Explorer
from rnnviz.explorer import sources
from rnnviz.explorer.ordinary import find_bag_partner
from rnnviz.train.builtin import builtin_cache_path, builtin_config, builtin_model
from rnnviz.train.datasets import synthetic_dataset
from rnnviz.train.heads import make_params


@pytest.fixture
def new_user(tmp_path, monkeypatch):
    """An empty data folder, and training kernels that would need a compile (a warm-up still running)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(warmup, "ready", lambda stage="trace": stage != "training")
    monkeypatch.setattr(warmup, "cached", lambda stage: False)
    preferred = []
    monkeypatch.setattr(warmup, "prefer_training", lambda: preferred.append("training"))
    return preferred


def test_a_first_start_shows_the_untrained_starting_weights_and_asks_for_the_training_kernels_first(new_user):
    startup = sources.startup_model(None)
    spec = startup.spec
    assert spec.untrained and spec.builtin_task == "sentiment" and startup.path is None
    assert "UNTRAINED" in spec.name
    assert new_user == ["training"]
    config = builtin_config()
    expected = make_params(config, len(synthetic_dataset(config).vocab))  # what train_builtin starts from
    assert sorted(spec.params) == sorted(expected)
    for name, value in expected.items():
        np.testing.assert_array_equal(spec.params[name], value)
    assert spec.trained.history["epoch"] == []  # nothing learnt, and no history that says otherwise
    assert not builtin_cache_path().exists()  # nothing trained or written on the way


def test_the_untrained_weights_trace_like_any_model_and_have_no_ordinary_partner(new_user):
    spec = sources.startup_model(None).spec
    explorer = Explorer(spec, Controls(text="the movie was not good"))
    trace = explorer.trace()  # s: (T + 1, H), s_0 first
    assert explorer.error is None and trace.s.shape[0] == 6 and np.isfinite(trace.loss)
    partner = find_bag_partner(spec, builtin=lambda hidden: pytest.fail("the built-in bag model was asked for"))
    assert partner.model is None and "untrained" in partner.reason


def test_a_cached_built_in_model_is_shown_trained_even_while_the_kernels_compile(new_user):
    builtin_model()  # trains (compiled kernels: no warm-up runs in this test process) and caches
    new_user.clear()
    spec = sources.startup_model(None).spec
    assert not spec.untrained and spec.builtin_task == "sentiment" and spec.trained.history["epoch"]
    assert new_user == []


def test_training_kernels_in_numbas_cache_mean_the_model_is_trained_at_once(new_user, monkeypatch):
    monkeypatch.setattr(warmup, "cached", lambda stage: stage == "training")
    spec = sources.startup_model(None).spec
    assert not spec.untrained and spec.trained.history["epoch"]
    assert builtin_cache_path().exists()
