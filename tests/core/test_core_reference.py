"""The numba kernels equal the plain NumPy reference (reference.py): 1e-10 float64, 1e-5 float32."""
import numpy as np
import pytest

from helpers import make_problem
from rnnviz.core import ACTIVATIONS, HEADS, BatchWorkspace, loss_and_grads
from rnnviz.core import reference

CASES = [(h, a, k) for h in HEADS for a in ACTIVATIONS for k in (None, 2)]


@pytest.mark.parametrize("head,activation,truncate", CASES)
def test_float64_equals_reference(head, activation, truncate):
    p, tok, lab = make_problem(head, activation, seed=3)
    loss, g = loss_and_grads(p, tok, lab, activation, head, truncate)
    ref_loss, ref = reference.loss_and_grads(p, tok, lab, activation, head, truncate)
    assert loss == pytest.approx(ref_loss, rel=1e-10, abs=1e-12)
    for k in ref:
        assert g[k].dtype == np.float64
        np.testing.assert_allclose(g[k], ref[k], rtol=1e-10, atol=1e-12, err_msg=k)


@pytest.mark.parametrize("head,activation,truncate", CASES)
def test_float32_equals_reference(head, activation, truncate):
    p32, tok, lab = make_problem(head, activation, seed=4, dtype=np.float32)
    loss, g = loss_and_grads(p32, tok, lab, activation, head, truncate)
    p64 = {k: v.astype(np.float64) for k, v in p32.items()}
    ref_loss, ref = reference.loss_and_grads(p64, tok, lab, activation, head, truncate)
    assert loss == pytest.approx(ref_loss, rel=1e-5)
    for k in ref:
        assert g[k].dtype == np.float32
        scale = max(1.0, np.abs(ref[k]).max())
        np.testing.assert_allclose(g[k], ref[k], rtol=1e-5, atol=1e-5 * scale, err_msg=k)


def test_longer_batch_equals_reference():
    """A batch of several sequences of 40 steps (more rows than the tiny FD problems)."""
    p, tok, lab = make_problem("binary", "tanh", seed=5, B=6, T=40)
    loss, g = loss_and_grads(p, tok, lab)
    ref_loss, ref = reference.loss_and_grads(p, tok, lab)
    assert loss == pytest.approx(ref_loss, rel=1e-10)
    for k in ref:
        np.testing.assert_allclose(g[k], ref[k], rtol=1e-10, atol=1e-12, err_msg=k)


@pytest.mark.parametrize("path", ["rows", "vocab"])
@pytest.mark.parametrize("head,truncate", [("binary", None), ("softmax", 3), ("binary", 7)])
def test_input_paths_equal_reference(path, head, truncate):
    """Both ways of forming U x_t and the E, U gradients (T*B rows or V vocabulary rows)."""
    p, tok, lab = make_problem(head, "tanh", seed=6, B=4, T=12)
    ws = BatchWorkspace(p, 4, 12, "tanh", head, truncate, input_path=path)
    assert ws.input_path == path
    loss = ws.forward_backward(tok, lab)
    ref_loss, ref = reference.loss_and_grads(p, tok, lab, "tanh", head, truncate)
    assert loss == pytest.approx(ref_loss, rel=1e-10)
    for k in ref:
        np.testing.assert_allclose(ws.grads[k], ref[k], rtol=1e-10, atol=1e-12, err_msg=k)


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("T", [1, 2])
def test_shortest_sequences_equal_reference(head, T):
    p, tok, lab = make_problem(head, "tanh", seed=9, B=3, T=T)
    loss, g = loss_and_grads(p, tok, lab, "tanh", head, truncate=1)
    ref_loss, ref = reference.loss_and_grads(p, tok, lab, "tanh", head, truncate=1)
    assert loss == pytest.approx(ref_loss, rel=1e-10)
    for k in ref:
        np.testing.assert_allclose(g[k], ref[k], rtol=1e-10, atol=1e-12, err_msg=k)
