"""init_params for the gated cells: shapes, gate order, Keras' initialisation; clear errors."""
import numpy as np
import pytest

from rnnviz.core import CELLS, GATES, init_params, loss_and_grads, make_trace, make_workspace
from rnnviz.core.cells import param_shapes


@pytest.mark.parametrize("cell", CELLS)
def test_shapes_and_dtype(cell):
    p = init_params(50, 6, 5, output_dim=3, seed=1, dtype=np.float64, cell=cell)
    assert {k: v.shape for k, v in p.items()} == param_shapes(cell, 50, 6, 5, 3)
    assert list(p) == list(param_shapes(cell, 50, 6, 5, 3))
    assert all(v.dtype == np.float64 and v.flags.c_contiguous for v in p.values())


def test_lstm_forget_bias_is_one_and_other_biases_zero():
    p = init_params(10, 4, 3, cell="lstm")
    assert GATES["lstm"] == ("i", "f", "g", "o")
    np.testing.assert_array_equal(p["b"], [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0])


def test_gru_biases_zero_and_recurrent_kernel_orthonormal():
    p = init_params(10, 4, 3, cell="gru")
    assert np.all(p["b"] == 0) and np.all(p["bW"] == 0)
    W = p["W"].astype(np.float64)  # (3H, H): Keras' (H, 3H) orthogonal recurrent kernel, transposed
    np.testing.assert_allclose(W.T @ W, np.eye(3), atol=1e-6)


def test_seeded_and_float32_float64_agree():
    a = init_params(20, 4, 3, seed=5, cell="lstm")
    b = init_params(20, 4, 3, seed=5, cell="lstm", dtype=np.float64)
    c = init_params(20, 4, 3, seed=6, cell="lstm")
    for k in a:
        np.testing.assert_array_equal(a[k], b[k].astype(np.float32))
    assert not np.array_equal(a["U"], c["U"])


def test_clear_errors():
    with pytest.raises(ValueError, match="unknown gated cell 'lstmx'"):
        init_params(10, 4, 3, cell="lstmx")
    p = init_params(10, 4, 3, cell="lstm")
    tok, lab = np.zeros((2, 5), int), np.zeros(2)
    with pytest.raises(ValueError, match="missing \\['bW'\\]"):
        loss_and_grads(p, tok, lab, cell="gru")
    with pytest.raises(ValueError, match="needs \\(12, 3\\)"):
        loss_and_grads({**p, "W": np.zeros((3, 3), np.float32)}, tok, lab, cell="lstm")
    with pytest.raises(ValueError, match="no activation choice"):
        make_workspace(p, 2, 5, activation="relu", cell="lstm")
    with pytest.raises(ValueError, match="unknown cell"):
        make_workspace(p, 2, 5, cell="transformer")
    with pytest.raises(ValueError, match="token ids must be in"):
        make_trace(p, np.array([0, 10]), 1, cell="lstm")


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_chrono_initialisation(cell):
    """Tallec & Ollivier's gate biases: log u, u ~ uniform(1, T_max - 1); every other weight as without."""
    H, T_max = 50, 200
    plain = init_params(10, 4, H, seed=3, cell=cell, dtype=np.float64)
    p = init_params(10, 4, H, seed=3, cell=cell, dtype=np.float64, chrono=T_max)
    keep = p["b"][H:2 * H]  # LSTM f, GRU z
    assert np.all(keep >= 0) and np.all(keep <= np.log(T_max - 1)) and keep.std() > 0.5
    if cell == "lstm":
        np.testing.assert_array_equal(p["b"][:H], -keep)
        np.testing.assert_array_equal(p["b"][2 * H:], 0)
    for k in p:
        if k != "b":
            np.testing.assert_array_equal(p[k], plain[k])
    with pytest.raises(ValueError, match="the vanilla RNN has none"):
        init_params(10, 4, H, chrono=T_max)
    with pytest.raises(ValueError, match="integer >= 3"):
        init_params(10, 4, H, cell=cell, chrono=2)
