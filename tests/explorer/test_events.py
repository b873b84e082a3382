"""The explorer and the playback announce every change once; invalid values change nothing."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.core import init_params
from rnnviz.data import Vocab
from rnnviz.explorer import Explorer, ModelSpec, Playback

WORDS = ["this", "movie", "was", "not", "good", "bad"]


@pytest.fixture(scope="module")
def spec() -> ModelSpec:
    vocab = Vocab(["<pad>", "<start>", "<oov>"] + WORDS)
    return ModelSpec(init_params(len(vocab), 3, 5, seed=3, dtype=np.float64), vocab, "tanh", "binary", "test")


def recorder(signal) -> list:
    seen = []
    signal.connect(lambda *args: seen.append(args[0] if len(args) == 1 else args))
    return seen


def test_one_update_is_one_trace_and_one_event(spec):
    ex = Explorer(spec)
    changes = recorder(ex.events.changed)
    resets = recorder(ex.playback.events.reset)
    ex.update(text="this movie was good", label=1, activation="linear", w_scale=0.5, seq_len=7,
              clip=True, clip_threshold=0.2, step=9)
    assert changes == [frozenset({"text", "label", "activation", "w_scale", "seq_len", "clip",
                                  "clip_threshold"})]
    assert resets == [15]  # forward 7, the loss, backward 7
    assert ex.playback.index == 9
    trace = ex.trace()
    assert (trace.T, trace.activation, int(trace.targets[0])) == (7, "linear", 1)
    np.testing.assert_allclose(trace.params["W"], 0.5 * spec.params["W"])


def test_an_unchanged_value_emits_nothing_and_clipping_keeps_the_trace(spec):
    ex = Explorer(spec)
    changes = recorder(ex.events.changed)
    first = ex.trace()
    ex.update(text="", w_scale=1.0)
    assert changes == []
    ex.set_clipping(True, 0.5)
    assert changes == [frozenset({"clip", "clip_threshold"})] and ex.trace() is first


def test_an_invalid_value_changes_nothing(spec):
    ex = Explorer(spec)
    changes = recorder(ex.events.changed)
    before = ex.controls
    with pytest.raises(ValueError, match="label"):
        ex.update(text="not good", label=3)
    assert ex.controls == before and changes == []


def test_the_step_is_kept_for_the_same_step_count_and_reset_otherwise(spec):
    ex = Explorer(spec)
    ex.set_text("this movie was good")
    ex.playback.set_step(6)
    ex.set_w_scale(0.7)             # same T: the learner stays on the step they were reading
    assert ex.playback.index == 6
    ex.set_text("not good")         # another T: back to the first step
    assert ex.playback.index == 0


def test_show_model_resets_the_models_own_f_and_w(spec):
    ex = Explorer(spec)
    ex.update(activation="relu", w_scale=2.0)
    changes = recorder(ex.events.changed)
    other = ModelSpec(init_params(len(spec.vocab), 3, 4, seed=1, dtype=np.float64), spec.vocab, "tanh")
    ex.show_model(other)
    assert changes == [frozenset({"model", "activation", "w_scale"})]
    assert ex.trace().hidden_size == 4 and ex.activation == "tanh"


def test_playback_announces_moves_play_state_and_speed():
    p = Playback(5, speed=10.0)
    steps, playing, speeds = recorder(p.events.step), recorder(p.events.playing), recorder(p.events.speed)
    p.next()
    p.set_speed(20.0)
    p.play()
    p.advance(0.01)                 # 0.2 of step 2
    assert steps[-1] == (2, pytest.approx(0.2))
    assert playing == [True] and speeds == [20.0]


def test_pausing_mid_step_shows_that_step_complete():
    """Every view reads (index, frac): after a pause they must all show one finished step."""
    p = Playback(9, speed=10.0)
    p.play()
    p.advance(0.35)                 # from position 1: 4.5, step index 4 half drawn
    assert (p.index, p.frac) == (4, pytest.approx(0.5))
    steps = recorder(p.events.step)
    p.pause()
    assert (p.index, p.frac) == (4, 1.0) and not p.playing
    assert steps == [(4, 1.0)]


def test_set_step_pauses_and_clamps():
    p = Playback(5)
    p.play()
    p.set_step(99)
    assert p.index == 4 and not p.playing
