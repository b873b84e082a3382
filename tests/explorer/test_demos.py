"""The vanishing and exploding demos show what they promise from any state a learner can reach:
||dL/ds_t|| finite and non-zero at every t, shrinking (vanishing) or growing (exploding) by at least
10x from t = T back to t = 1."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.core import init_params, spectral_radius
from rnnviz.data import Vocab
from rnnviz.explorer import Explorer, ModelSpec
from rnnviz.explorer.demos import DEMO_LENGTH, DEMO_RADIUS
from rnnviz.explorer.sources import builtin_spec, example_sentences

EXAMPLES = [text for _label, text in example_sentences()]
#: States a learner reaches before pressing a demo button: as opened, after playing with the
#: controls, after the other demo (the label and the sentence vary in the parametrisation).
STATES = {
    "as opened": {},
    "w scale 3, relu, T 500, clipping": dict(w_scale=3.0, activation="relu", seq_len=500, clip=True,
                                             clip_threshold=0.01),
    "after the other demo": "other",
}


@pytest.fixture(scope="module")
def builtin():
    return builtin_spec("sentiment", 6)


@pytest.fixture(scope="module")
def random_model():
    words = sorted({w for text in EXAMPLES for w in text.split()})
    vocab = Vocab(["<pad>", "<start>", "<oov>"] + words)
    return ModelSpec(init_params(len(vocab), 4, 5, seed=7, dtype=np.float64), vocab, "tanh", "binary", "random")


def keeps_its_promise(explorer: Explorer, name: str) -> None:
    trace = explorer.trace()
    g = np.asarray(trace.grad_norm_per_step, dtype=np.float64)  # (T,) ||dL/ds_t||, t = 1..T
    assert trace.T == DEMO_LENGTH and trace.activation == "linear"
    assert explorer.spectral_radius() == pytest.approx(DEMO_RADIUS[name], rel=1e-9)
    assert np.all(np.isfinite(g)), g
    assert np.all(g > 0), g
    ratio = g[0] / g[-1]  # t = 1 over t = T
    if name == "vanishing":
        assert ratio <= 0.1, ratio
    else:
        assert ratio >= 10.0, ratio


@pytest.mark.parametrize("name", sorted(DEMO_RADIUS))
@pytest.mark.parametrize("state", sorted(STATES))
@pytest.mark.parametrize("label", [0, 1])
@pytest.mark.parametrize("model", ["builtin", "random_model"])
def test_demo_keeps_its_promise_from_any_state(request, model, label, state, name):
    spec = request.getfixturevalue(model)
    for text in EXAMPLES:
        explorer = Explorer(spec)
        setup = STATES[state]
        if setup == "other":
            explorer.update(text=text, label=label)
            explorer.apply_demo("exploding" if name == "vanishing" else "vanishing")
        else:
            explorer.update(text=text, label=label, **setup)
        explorer.apply_demo(name)
        keeps_its_promise(explorer, name)
        assert explorer.controls.text == text  # the learner's own sentence, repeated to T steps
        assert not explorer.controls.clip


def test_pressing_a_demo_twice_changes_nothing_and_emits_nothing_more(random_model):
    explorer = Explorer(random_model)
    explorer.apply_demo("exploding")
    seen = []
    explorer.events.changed.connect(seen.append)
    explorer.apply_demo("exploding")
    assert seen == []
    keeps_its_promise(explorer, "exploding")


def test_a_demo_is_one_change_event(random_model):
    explorer = Explorer(random_model)
    seen = []
    explorer.events.changed.connect(seen.append)
    explorer.apply_demo("vanishing")
    assert len(seen) == 1 and {"activation", "seq_len", "w_scale"} <= seen[0]


def test_unknown_demo_and_a_zero_w_are_refused_with_a_reason(random_model):
    explorer = Explorer(random_model)
    with pytest.raises(ValueError, match="vanishing"):
        explorer.apply_demo("imploding")
    params = dict(random_model.params, W=np.zeros_like(random_model.params["W"]))
    zero = Explorer(ModelSpec(params, random_model.vocab))
    before = zero.controls
    with pytest.raises(ValueError, match="spectral radius 0"):
        zero.apply_demo("exploding")
    assert zero.controls == before


def test_demo_on_the_next_word_model_scales_w_and_stays_finite():
    explorer = Explorer(builtin_spec("next_word", 6))
    explorer.apply_demo("exploding")
    g = explorer.trace().grad_norm_per_step
    assert explorer.spectral_radius() == pytest.approx(1.2, rel=1e-9)
    assert np.all(np.isfinite(g)) and np.all(g > 0)
    assert spectral_radius(explorer.params()["W"]) == pytest.approx(1.2, rel=1e-9)
