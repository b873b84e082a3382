"""The kernels' source run as plain Python (jit=False) gives the compiled kernels' numbers, and the
per-step norms are accumulated in float64."""
import numpy as np
import pytest

from helpers import make_problem
from rnnviz.core import ACTIVATIONS, HEADS, BatchWorkspace, make_trace
from rnnviz.core import reference

CASES = [(h, a, k) for h in HEADS for a in ACTIVATIONS for k in (None, 2)]
ARRAYS = ("x", "Ux", "Ws", "a", "s", "o", "y_hat", "step_loss", "dL_do", "dL_ds_out", "dL_ds_rec",
          "dL_ds", "fprime", "dL_da", "dW_step", "dU_step", "dx_step", "dV_step", "dW_sum",
          "grad_norm_per_step", "dW_contrib_norm")


@pytest.mark.parametrize("head,activation,truncate", CASES)
def test_python_run_trace_equals_compiled_trace(head, activation, truncate):
    p, tok, lab = make_problem(head, activation, seed=21, B=1, T=6)
    compiled = make_trace(p, tok[0], lab[0], activation, head, truncate)
    python = make_trace(p, tok[0], lab[0], activation, head, truncate, jit=False)
    assert python.loss == pytest.approx(compiled.loss, rel=1e-12)
    for name in ARRAYS:
        np.testing.assert_allclose(getattr(python, name), getattr(compiled, name), rtol=1e-12,
                                   atol=1e-15, err_msg=name)
    for k in compiled.grads:
        np.testing.assert_allclose(python.grads[k], compiled.grads[k], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("path", ["rows", "vocab"])
@pytest.mark.parametrize("head", HEADS)
def test_python_run_workspace_equals_reference(path, head):
    p, tok, lab = make_problem(head, "tanh", seed=22, B=3, T=5)
    ws = BatchWorkspace(p, 3, 5, "tanh", head, 3, input_path=path, jit=False)
    loss = ws.forward_backward(tok, lab)
    ref_loss, ref = reference.loss_and_grads(p, tok, lab, "tanh", head, 3)
    assert loss == pytest.approx(ref_loss, rel=1e-12)
    for k in ref:
        np.testing.assert_allclose(ws.grads[k], ref[k], rtol=1e-10, atol=1e-13, err_msg=k)


def test_workspace_keeps_states_and_their_gradients():
    p, tok, lab = make_problem("softmax", "relu", seed=23, B=2, T=5)
    ws = BatchWorkspace(p, 2, 5, "relu", "softmax", truncate=3)
    ws.forward_backward(tok, lab)
    assert ws.window_start == 2
    for i in range(2):
        _, _, ss, _ = reference.forward_sequence(p, tok[i], "relu")
        np.testing.assert_allclose(ws.states[1:, i], np.array(ss), rtol=1e-12, atol=1e-15)
        tr = make_trace(p, tok[i], lab[i], "relu", "softmax", truncate=3)
        # the trace is of one sequence: the batch's mean carries 1/B more
        np.testing.assert_allclose(ws.state_grads[:, i] * 2, tr.dL_ds, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(ws.preactivation_grads[:, i] * 2, tr.dL_da, rtol=1e-12,
                                   atol=1e-15)
    assert np.all(ws.states[0] == 0)


def test_float32_step_norms_do_not_overflow():
    """||dL/ds_t|| of a float32 run near 1e25: the squares (1e50) overflow a float32 sum, so the
    norms are accumulated in float64 (they were inf before)."""
    p, tok, lab = make_problem("binary", "linear", seed=24, B=2, T=12, dtype=np.float64)
    p["W"] = np.eye(4) * 30.0  # the gradient grows 30x per step back
    p["V"] *= 1e9
    p32 = {k: np.ascontiguousarray(v, np.float32) for k, v in p.items()}
    ws = BatchWorkspace(p32, 2, 12, "linear")
    ws.forward_backward(tok, lab)
    dS = ws.state_grads.astype(np.float64)
    assert np.all(np.isfinite(dS)) and np.abs(dS).max() > 1e20  # the case this test is about
    expected = np.linalg.norm(dS, axis=2).mean(axis=1)
    assert np.all(np.isfinite(ws.grad_norm_per_step))
    np.testing.assert_allclose(ws.grad_norm_per_step, expected, rtol=1e-5)
