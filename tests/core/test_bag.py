"""The ordinary network (bag of embeddings): finite differences, the NumPy reference, order-blindness.

Central 5-point finite differences in float64 of the reference loss, for every entry of every
parameter (rel err <= 1e-6), and the kernels against the readable reference.
"""
import numpy as np
import pytest

from helpers import five_point_gradient
from rnnviz.core import ACTIVATIONS, init_params, make_trace
from rnnviz.core.bag import (BAG_PARAM_KEYS, BagWorkspace, bag_loss_and_grads, bag_predict_logits,
                             check_bag_params, init_bag_params, make_bag_trace)
from rnnviz.core.reference_bag import bag_forward_backward

STEP = 1e-5
VOCAB, ED, H, B, T = 8, 3, 4, 3, 6


def make_problem(seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    p = init_bag_params(VOCAB, ED, H, seed=seed, dtype=np.float64)
    p["E"] = rng.uniform(-1.0, 1.0, p["E"].shape)  # larger than Keras' 0.05: visible gradients
    p["b"] = rng.uniform(-0.3, 0.3, p["b"].shape)
    p["c"] = rng.uniform(-0.3, 0.3, p["c"].shape)
    p = {k: np.ascontiguousarray(v, dtype=dtype) for k, v in p.items()}
    tokens = rng.integers(1, VOCAB, (B, T))
    tokens[0, :2] = 0        # padding in front, as 'pre' padding leaves it
    tokens[1, 2] = tokens[1, 4]  # a repeated word: its embedding gradient accumulates
    labels = np.array([1, 0, 1])
    return p, tokens, labels


def finite_difference(p, tokens, labels, activation):
    return five_point_gradient(p, lambda live: bag_forward_backward(live, tokens, labels, activation)[0], STEP)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_gradients_match_finite_differences(activation):
    p, tokens, labels = make_problem(seed=3)
    _, grads = bag_loss_and_grads(p, tokens, labels, activation)
    fd = finite_difference(p, tokens, labels, activation)
    for k in BAG_PARAM_KEYS:
        err = np.abs(grads[k] - fd[k])
        denom = np.abs(grads[k]) + np.abs(fd[k])
        # unused embedding rows (and padding's row) have a true gradient of exactly zero
        assert (err <= 1e-6 * denom + 1e-10).all(), f"{k}: {grads[k]} vs {fd[k]}"
        assert np.abs(grads[k]).max() > 1e-6, f"{k}: all zero, the check would be empty"
    assert np.all(grads["E"][0] == 0.0), "padding is not a word and gets no gradient"


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_kernels_match_the_reference(activation):
    p, tokens, labels = make_problem(seed=5)
    loss, grads = bag_loss_and_grads(p, tokens, labels, activation)
    ref_loss, ref = bag_forward_backward(p, tokens, labels, activation)
    assert loss == pytest.approx(ref_loss, rel=1e-13)
    for k in BAG_PARAM_KEYS:
        np.testing.assert_allclose(grads[k], ref[k], rtol=1e-12, atol=1e-15)


def test_float32_agrees_with_float64():
    p, tokens, labels = make_problem(seed=1)
    p32 = {k: v.astype(np.float32) for k, v in p.items()}
    l64, g64 = bag_loss_and_grads(p, tokens, labels)
    l32, g32 = bag_loss_and_grads(p32, tokens, labels)
    assert g32["U"].dtype == np.float32
    assert l32 == pytest.approx(l64, rel=1e-5)
    for k in BAG_PARAM_KEYS:
        np.testing.assert_allclose(g32[k], g64[k], rtol=1e-4, atol=1e-6)


def test_shuffled_words_give_exactly_the_same_output_and_the_rnn_does_not():
    """The bag's trace is bit-for-bit the same after any shuffle; the RNN's output changes."""
    rng = np.random.default_rng(0)
    p = init_params(40, 4, 5, seed=2, dtype=np.float64)
    p["E"] = rng.uniform(-1, 1, p["E"].shape)
    bag = {k: p[k] for k in BAG_PARAM_KEYS}
    tokens = rng.integers(1, 40, 12)
    base = make_bag_trace(bag, tokens, 1)
    rnn_base = make_trace(p, tokens, 1)
    for _ in range(5):
        shuffled = rng.permutation(tokens)
        assert not np.array_equal(shuffled, tokens)
        t = make_bag_trace(bag, shuffled, 1)
        assert t.o == base.o and t.loss == base.loss  # exactly, not approximately
        assert np.array_equal(t.x_bar, base.x_bar) and np.array_equal(t.grads["U"], base.grads["U"])
        assert make_trace(p, shuffled, 1).o[-1, 0] != rnn_base.o[-1, 0]


def test_padding_is_left_out_of_the_mean():
    p, _, _ = make_problem()
    words = np.array([3, 5, 5, 2])
    padded = np.concatenate([np.zeros(7, np.int64), words])
    a, b = make_bag_trace(p, words, 0), make_bag_trace(p, padded, 0)
    assert a.o == pytest.approx(b.o, rel=1e-15) and b.n_words == 4
    np.testing.assert_allclose(b.x_bar, p["E"][words].mean(axis=0), rtol=1e-14)
    assert np.all(b.dL_dx[:7] == 0) and np.allclose(b.dL_dx[7:], b.dL_dxbar / 4)


def test_trace_agrees_with_the_workspace_and_predict():
    p, tokens, labels = make_problem(seed=2)
    logits = bag_predict_logits(p, tokens, batch_size=2)
    for i in range(B):
        tr = make_bag_trace(p, tokens[i], int(labels[i]))
        assert tr.o == pytest.approx(logits[i], rel=1e-14)
        loss, g = bag_loss_and_grads(p, tokens[i:i + 1], labels[i:i + 1])
        assert tr.loss == pytest.approx(loss, rel=1e-14)
        np.testing.assert_allclose(tr.grads["U"], g["U"], rtol=1e-14)
        np.testing.assert_allclose(tr.a, p["U"] @ tr.x_bar + p["b"], rtol=1e-13)


def test_grad_norm_per_step_is_the_same_at_every_word():
    p, tokens, labels = make_problem(seed=4)
    ws = BagWorkspace(p, 1, T)
    ws.forward_backward(tokens[:1], labels[:1])
    norms = ws.grad_norm_per_step
    assert np.all(norms[:2] == 0)  # padding
    assert norms[2] > 0 and np.allclose(norms[2:], norms[2])


def test_bad_input_gets_a_clear_message():
    p, tokens, labels = make_problem()
    with pytest.raises(ValueError, match="miss"):
        check_bag_params({k: p[k] for k in ("E", "U")})
    with pytest.raises(ValueError, match="token ids"):
        bag_loss_and_grads(p, tokens + VOCAB, labels)
    with pytest.raises(ValueError, match="labels"):
        bag_loss_and_grads(p, tokens, np.array([0, 2, 1]))
    with pytest.raises(ValueError, match="activation"):
        BagWorkspace(p, 2, T, activation="sigmoid")
