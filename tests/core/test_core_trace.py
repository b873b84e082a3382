"""The step trace: agrees with loss_and_grads and the reference, and its identities hold."""
import numpy as np
import pytest

from helpers import make_problem
from rnnviz.core import ACTIVATIONS, HEADS, Trace, TraceStep, loss_and_grads, make_trace
from rnnviz.core import reference

CASES = [(h, a, k) for h in HEADS for a in ACTIVATIONS for k in (None, 2)]


def one_sequence(head, activation, seed=11, dtype=np.float64):
    p, tok, lab = make_problem(head, activation, seed=seed, B=1, T=6, dtype=dtype)
    return p, tok, lab


@pytest.mark.parametrize("head,activation,truncate", CASES)
def test_running_sums_equal_loss_and_grads(head, activation, truncate):
    p, tok, lab = one_sequence(head, activation)
    tr = make_trace(p, tok[0], lab[0], activation, head, truncate)
    loss, g = loss_and_grads(p, tok, lab, activation, head, truncate)
    assert isinstance(tr, Trace)
    assert tr.loss == pytest.approx(loss, rel=1e-12)
    assert tr.step_loss.sum() == pytest.approx(loss, rel=1e-12)
    sums = {"U": tr.dU_sum, "W": tr.dW_sum, "b": tr.db_sum, "V": tr.dV_sum, "c": tr.dc_sum}
    for k, running in sums.items():
        np.testing.assert_allclose(running[0], g[k], rtol=1e-12, atol=1e-14, err_msg=k)
        np.testing.assert_allclose(tr.grads[k], g[k], rtol=1e-12, atol=1e-14, err_msg=k)
    # dL/dE: each step's dx_t lands on its token's row
    dE = np.zeros_like(g["E"])
    for t in range(tr.T):
        dE[tr.tokens[t]] += tr.dx_step[t]
    np.testing.assert_allclose(dE, g["E"], rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("head,activation,truncate", CASES)
def test_trace_identities(head, activation, truncate):
    p, tok, lab = one_sequence(head, activation)
    tr = make_trace(p, tok[0], lab[0], activation, head, truncate)
    T = tr.T
    t0 = 0 if truncate is None else T - truncate
    for arr in (tr.x, tr.Ux, tr.Ws, tr.a, tr.s, tr.s_prev, tr.o, tr.dL_ds, tr.dL_da):
        assert arr.dtype == np.float64 and arr.shape[0] == T
    np.testing.assert_allclose(tr.x, p["E"][tok[0]], rtol=0, atol=0)
    np.testing.assert_allclose(tr.a, tr.Ux + tr.Ws + p["b"], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(tr.Ux, tr.x @ p["U"].T, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(tr.Ws, tr.s_prev @ p["W"].T, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(tr.s, reference.f(tr.a, activation), rtol=1e-12, atol=1e-14)
    assert np.all(tr.s_prev[0] == 0) and np.array_equal(tr.s_prev[1:], tr.s[:-1])
    np.testing.assert_allclose(tr.o, tr.s @ p["V"].T + p["c"], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(tr.dL_ds, tr.dL_ds_out + tr.dL_ds_rec, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(tr.dL_da, tr.fprime * tr.dL_ds, rtol=1e-12, atol=1e-14)
    win = slice(t0, T)
    np.testing.assert_allclose(tr.fprime[win], reference.fprime(tr.a[win], activation),
                               rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(tr.dL_ds_out[win], tr.dL_do[win] @ p["V"], rtol=1e-12, atol=1e-14)
    # the future's share at step t is W^T dL/da_{t+1}; zero at t = T
    np.testing.assert_allclose(tr.dL_ds_rec[t0:T - 1], tr.dL_da[t0 + 1:] @ p["W"],
                               rtol=1e-12, atol=1e-14)
    assert np.all(tr.dL_ds_rec[T - 1] == 0)
    for t in range(t0, T):
        np.testing.assert_allclose(tr.dW_step[t], np.outer(tr.dL_da[t], tr.s_prev[t]), atol=1e-14)
        np.testing.assert_allclose(tr.dU_step[t], np.outer(tr.dL_da[t], tr.x[t]), atol=1e-14)
        np.testing.assert_allclose(tr.dx_step[t], p["U"].T @ tr.dL_da[t], atol=1e-14)
        np.testing.assert_allclose(tr.dV_step[t], np.outer(tr.dL_do[t], tr.s[t]), atol=1e-14)
    for arr in (tr.dL_ds, tr.dL_da, tr.dL_do, tr.dW_step, tr.dU_step, tr.dx_step):
        assert np.all(arr[:t0] == 0), "rows before the truncation window must be zero"
    np.testing.assert_allclose(tr.grad_norm_per_step, np.linalg.norm(tr.dL_ds, axis=1), atol=1e-14)
    np.testing.assert_allclose(tr.dW_contrib_norm,
                               np.linalg.norm(tr.dW_step.reshape(T, -1), axis=1), atol=1e-14)
    if head == "binary":
        assert np.all(tr.dL_do[:T - 1] == 0) and np.all(tr.step_loss[:T - 1] == 0)
        np.testing.assert_allclose(tr.y_hat, 1 / (1 + np.exp(-tr.o)), rtol=1e-12)
    else:
        np.testing.assert_allclose(tr.y_hat.sum(axis=1), 1.0, rtol=1e-12)


@pytest.mark.parametrize("truncate", [None, 2])
def test_steps_order(truncate):
    p, tok, lab = one_sequence("binary", "tanh")
    tr = make_trace(p, tok[0], lab[0], truncate=truncate)
    T = tr.T
    t_first = 1 if truncate is None else T - truncate + 1
    expected = ([TraceStep("forward", t) for t in range(1, T + 1)] + [TraceStep("loss", T)]
                + [TraceStep("backward", t) for t in range(T, t_first - 1, -1)])
    assert tr.steps == expected


def test_trace_matches_reference_forward():
    p, tok, lab = one_sequence("softmax", "tanh")
    tr = make_trace(p, tok[0], lab[0], "tanh", "softmax")
    xs, as_, ss, os_ = reference.forward_sequence(p, tok[0], "tanh")
    np.testing.assert_allclose(tr.a, np.array(as_), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(tr.s, np.array(ss), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(tr.o, np.array(os_), rtol=1e-12, atol=1e-14)


def test_trace_from_float32_params_is_float64():
    p, tok, lab = one_sequence("binary", "tanh", dtype=np.float32)
    tr = make_trace(p, tok[0], int(lab[0]))
    assert tr.s.dtype == np.float64 and tr.params["W"].dtype == np.float64
    assert tr.grads["E"].dtype == np.float64
    assert p["W"].dtype == np.float32  # the caller's params are untouched


def test_diagnostic_norms_survive_a_vanished_gradient():
    """||dL/ds_t|| of 1e-250 must not square to zero: the plots draw it on a log scale."""
    from rnnviz.core import init_params

    p = init_params(50, 4, 6, seed=0, dtype=np.float64)
    p["W"] *= 0.05  # spectral radius far below 1: the gradient shrinks ~20x per step
    tr = make_trace(p, np.arange(1, 201) % 50, 1, activation="tanh")

    def scaled_norm(m):
        top = np.abs(m).max()
        return 0.0 if top == 0 else top * np.linalg.norm(m / top)

    expected = np.array([scaled_norm(row) for row in tr.dL_ds])
    assert 0 < expected[0] < 1e-200  # the case this test is about
    np.testing.assert_allclose(tr.grad_norm_per_step, expected, rtol=1e-12)
    dW_expected = np.array([scaled_norm(m) for m in tr.dW_step])
    assert dW_expected[1] < 1e-200
    np.testing.assert_allclose(tr.dW_contrib_norm, dW_expected, rtol=1e-12)


def test_trace_of_an_exploding_run_has_no_overflow_warning():
    """A linear RNN with a large W gives |o_t| far beyond exp's range; the sigmoid must stay quiet
    (pytest turns warnings into errors) and exact: 0 or 1 at the extremes."""
    from rnnviz.core import init_params

    p = init_params(50, 4, 6, seed=0, dtype=np.float64)
    p["W"] *= 3.0
    p["V"] *= 1000.0
    tr = make_trace(p, np.arange(1, 31) % 50, 1, activation="linear")
    assert np.abs(tr.o).max() > 1e3
    assert np.all((tr.y_hat >= 0.0) & (tr.y_hat <= 1.0))
    np.testing.assert_array_equal(tr.y_hat[np.abs(tr.o) > 800], (tr.o[np.abs(tr.o) > 800] > 0) * 1.0)
