"""Optimizers: one step against a hand computation of Keras' rule; clipping; state round trip."""
import math

import numpy as np
import pytest

from rnnviz.core import clip_by_global_norm, global_norm, init_params, make_optimizer


def setup(dtype=np.float64, seed=0):
    p = init_params(11, 3, 4, seed=seed, dtype=dtype)
    rng = np.random.default_rng(seed + 1)
    g = {k: rng.standard_normal(v.shape).astype(dtype) for k, v in p.items()}
    g2 = {k: rng.standard_normal(v.shape).astype(dtype) for k, v in p.items()}
    return p, g, g2


def test_rmsprop_two_steps_match_keras_rule():
    p, g, g2 = setup()
    p0 = {k: v.copy() for k, v in p.items()}
    opt = make_optimizer("rmsprop", p)
    assert opt.lr == 1e-3
    opt.step(g)
    opt.step(g2)
    for k in p:
        v = 0.1 * g[k] ** 2
        x = p0[k] - 1e-3 * g[k] / np.sqrt(v + 1e-7)
        v = 0.9 * v + 0.1 * g2[k] ** 2
        x = x - 1e-3 * g2[k] / np.sqrt(v + 1e-7)
        np.testing.assert_allclose(p[k], x, rtol=1e-12, atol=1e-15, err_msg=k)


def test_adam_two_steps_match_keras_rule():
    p, g, g2 = setup()
    p0 = {k: v.copy() for k, v in p.items()}
    opt = make_optimizer("adam", p)
    opt.step(g)
    opt.step(g2)
    for k in p:
        x, m, v = p0[k].copy(), np.zeros_like(p0[k]), np.zeros_like(p0[k])
        for n, gr in ((1, g[k]), (2, g2[k])):
            m = m + (gr - m) * 0.1
            v = v + (gr * gr - v) * 0.001
            alpha = 1e-3 * math.sqrt(1 - 0.999 ** n) / (1 - 0.9 ** n)
            x = x - alpha * m / (np.sqrt(v) + 1e-7)
        np.testing.assert_allclose(p[k], x, rtol=1e-12, atol=1e-15, err_msg=k)


@pytest.mark.parametrize("momentum", [0.0, 0.9])
def test_sgd_momentum_two_steps_match_keras_rule(momentum):
    p, g, g2 = setup()
    p0 = {k: v.copy() for k, v in p.items()}
    opt = make_optimizer("sgd", p, momentum=momentum)
    assert opt.lr == 0.01
    opt.step(g)
    opt.step(g2)
    for k in p:
        m = -0.01 * g[k]
        x = p0[k] + m
        m = momentum * m - 0.01 * g2[k]
        x = x + m
        np.testing.assert_allclose(p[k], x, rtol=1e-12, atol=1e-15, err_msg=k)


def test_float32_adam_and_settable_lr():
    p, g, _ = setup(np.float32)
    p0 = {k: v.copy() for k, v in p.items()}
    opt = make_optimizer("adam", p, lr=0.5)
    opt.lr = 0.01
    opt.step(g)
    for k in p:
        assert p[k].dtype == np.float32
        # first Adam step: m/sqrt(v) = sign(g) (up to eps), alpha = lr * sqrt(.001) / .1
        step = 0.01 * math.sqrt(0.001) / 0.1 * (0.1 * g[k]) / (np.sqrt(0.001 * g[k] ** 2) + 1e-7)
        np.testing.assert_allclose(p[k], p0[k] - step, rtol=1e-5, atol=1e-6)


def test_state_round_trip_continues_identically():
    p, g, g2 = setup()
    q = {k: v.copy() for k, v in p.items()}
    a = make_optimizer("adam", p)
    a.step(g)
    b = make_optimizer("adam", q)
    b.load(a.state())
    for k in p:
        q[k][...] = p[k]
    a.step(g2)
    b.step(g2)
    for k in p:
        np.testing.assert_array_equal(p[k], q[k])


def test_optimizer_updates_in_place():
    p, g, _ = setup(np.float32)
    ids = {k: id(v) for k, v in p.items()}
    before = {k: v.copy() for k, v in p.items()}
    make_optimizer("rmsprop", p).step(g)
    assert {k: id(v) for k, v in p.items()} == ids
    assert all(not np.array_equal(before[k], p[k]) for k in p)


def test_clip_by_global_norm():
    _, g, _ = setup()
    norm = math.sqrt(sum(float(np.sum(v.astype(np.float64) ** 2)) for v in g.values()))
    assert global_norm(g) == pytest.approx(norm, rel=1e-12)
    orig = {k: v.copy() for k, v in g.items()}
    assert clip_by_global_norm(g, None) == pytest.approx(norm, rel=1e-12)
    assert all(np.array_equal(g[k], orig[k]) for k in g)
    assert clip_by_global_norm(g, 10 * norm) == pytest.approx(norm, rel=1e-12)
    assert all(np.array_equal(g[k], orig[k]) for k in g)
    before = clip_by_global_norm(g, 1.0)
    assert before == pytest.approx(norm, rel=1e-12)
    assert global_norm(g) == pytest.approx(1.0, rel=1e-12)
    for k in g:
        np.testing.assert_allclose(g[k], orig[k] / norm, rtol=1e-12)


def test_optimizer_errors():
    p, g, _ = setup()
    with pytest.raises(ValueError, match="unknown optimizer"):
        make_optimizer("adagrad", p)
    opt = make_optimizer("adam", p)
    with pytest.raises(ValueError, match="grads\\['W'\\]"):
        opt.step({**g, "W": g["W"].astype(np.float32)})
    with pytest.raises(ValueError, match="max_norm"):
        clip_by_global_norm(g, -1.0)


@pytest.mark.parametrize("lr", [-1.0, 0.0, float("nan"), float("inf"), "fast"])
def test_a_learning_rate_that_cannot_train_is_refused(lr):
    """lr = -1 (ascends the loss) and NaN (destroys every weight) were accepted (issue 10, item 13)."""
    from rnnviz.core import init_params, make_optimizer

    p = init_params(5, 2, 3, seed=0, dtype=np.float64)
    for name in ("sgd", "rmsprop", "adam"):
        with pytest.raises(ValueError, match="lr must be a"):
            make_optimizer(name, p, lr=lr)
    opt = make_optimizer("adam", p, lr=0.01)
    with pytest.raises(ValueError, match="lr must be a"):
        opt.lr = lr
    assert opt.lr == 0.01


@pytest.mark.parametrize("name, kw", [("sgd", {"momentum": float("nan")}), ("sgd", {"momentum": -0.5}),
                                      ("rmsprop", {"rho": 1.0}), ("rmsprop", {"epsilon": 0.0}),
                                      ("adam", {"beta_1": 1.0}), ("adam", {"beta_2": -0.1}),
                                      ("adam", {"epsilon": float("nan")})])
def test_bad_optimizer_settings_are_refused(name, kw):
    from rnnviz.core import init_params, make_optimizer

    p = init_params(5, 2, 3, seed=0, dtype=np.float64)
    with pytest.raises(ValueError, match=f"{next(iter(kw))} must be a finite number"):
        make_optimizer(name, p, **kw)
