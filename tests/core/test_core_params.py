"""Initialisation as Keras does it, seeded and reproducible; spectral radius."""
import numpy as np
import pytest

from rnnviz.core import init_params, spectral_radius


def test_same_seed_same_arrays_and_shapes():
    a = init_params(100, 8, 16, output_dim=3, seed=5)
    b = init_params(100, 8, 16, output_dim=3, seed=5)
    c = init_params(100, 8, 16, output_dim=3, seed=6)
    shapes = {"E": (100, 8), "U": (16, 8), "W": (16, 16), "b": (16,), "V": (3, 16), "c": (3,)}
    for k, shape in shapes.items():
        assert a[k].shape == shape and a[k].dtype == np.float32 and a[k].flags.c_contiguous
        np.testing.assert_array_equal(a[k], b[k])
    assert not np.array_equal(a["W"], c["W"])


def test_keras_distributions():
    p = init_params(2000, 32, 64, output_dim=1, seed=0, dtype=np.float64)
    assert np.abs(p["E"]).max() <= 0.05 and np.abs(p["E"]).max() > 0.049
    lim_u = np.sqrt(6 / (32 + 64))
    assert np.abs(p["U"]).max() <= lim_u and np.abs(p["U"]).max() > 0.9 * lim_u
    lim_v = np.sqrt(6 / (64 + 1))
    assert np.abs(p["V"]).max() <= lim_v
    np.testing.assert_allclose(p["W"] @ p["W"].T, np.eye(64), atol=1e-12)
    assert np.all(p["b"] == 0) and np.all(p["c"] == 0)
    assert spectral_radius(p["W"]) == pytest.approx(1.0, rel=1e-10)


def test_float32_and_float64_agree():
    a = init_params(50, 4, 6, seed=1, dtype=np.float32)
    b = init_params(50, 4, 6, seed=1, dtype=np.float64)
    for k in a:
        np.testing.assert_array_equal(a[k], b[k].astype(np.float32))


def test_spectral_radius():
    assert spectral_radius(np.diag([0.5, -2.0, 1.0])) == pytest.approx(2.0)
    assert spectral_radius(np.array([[0.0, -1.5], [1.5, 0.0]])) == pytest.approx(1.5)
    with pytest.raises(ValueError, match="square"):
        spectral_radius(np.zeros((2, 3)))


def test_bad_sizes():
    with pytest.raises(ValueError, match="hidden_dim"):
        init_params(10, 4, 0)
    with pytest.raises(ValueError, match="dtype"):
        init_params(10, 4, 4, dtype=np.int32)
