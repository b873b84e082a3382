"""The gated trace: agrees with loss_and_grads, and its per-step identities hold."""
import numpy as np
import pytest
from scipy.special import expit

from gated_problem import REFERENCE, make_gated_problem
from rnnviz.core import GatedTrace, loss_and_grads, make_trace

CASES = [(c, h, k) for c in ("lstm", "gru") for h in ("binary", "softmax") for k in (None, 2)]


@pytest.mark.parametrize("cell,head,truncate", CASES)
def test_step_contributions_sum_to_the_gradients(cell, head, truncate):
    p, tok, lab = make_gated_problem(cell, head, seed=11, B=1, T=6)
    tr = make_trace(p, tok[0], lab[0], head=head, truncate=truncate, cell=cell)
    loss, g = loss_and_grads(p, tok, lab, head=head, truncate=truncate, cell=cell)
    assert isinstance(tr, GatedTrace) and tr.cell == cell and tr.T == 6
    assert tr.loss == pytest.approx(loss, rel=1e-12)
    assert tr.step_loss.sum() == pytest.approx(loss, rel=1e-12)
    steps = {"U": tr.dU_step, "W": tr.dW_step, "b": tr.db_step, "V": tr.dV_step, "c": tr.dc_step}
    if cell == "gru":
        steps["bW"] = tr.dbW_step
    for k, per_step in steps.items():
        np.testing.assert_allclose(per_step.sum(axis=0), g[k], rtol=1e-12, atol=1e-14, err_msg=k)
        np.testing.assert_allclose(tr.grads[k], g[k], rtol=1e-12, atol=1e-14, err_msg=k)
    dE = np.zeros_like(g["E"])
    for t in range(tr.T):
        dE[tr.tokens[t]] += tr.dx_step[t]
    np.testing.assert_allclose(dE, g["E"], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(tr.dW_contrib_norm, np.linalg.norm(tr.dW_step, axis=(1, 2)), rtol=1e-12)


@pytest.mark.parametrize("cell,head,truncate", CASES)
def test_forward_identities_and_reference(cell, head, truncate):
    p, tok, lab = make_gated_problem(cell, head, seed=12, B=1, T=6)
    tr = make_trace(p, tok[0], lab[0], head=head, truncate=truncate, cell=cell)
    ref = REFERENCE[cell].forward_sequence(p, tok[0])
    H, T = tr.hidden_size, tr.T
    np.testing.assert_allclose(tr.s, np.array(ref["s"]), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(tr.o, np.array(ref["o"]), rtol=1e-12, atol=1e-14)
    assert np.all(tr.s_prev[0] == 0) and np.array_equal(tr.s_prev[1:], tr.s[:-1])
    np.testing.assert_allclose(tr.Ux, tr.x @ p["U"].T, rtol=1e-12)
    np.testing.assert_allclose(tr.Ws, tr.s_prev @ p["W"].T, rtol=1e-12, atol=1e-15)
    for k, name in enumerate(tr.gate_names):
        block = tr.pre[:, k * H:(k + 1) * H]
        f = np.tanh if name in ("g", "n") else expit
        np.testing.assert_allclose(tr.gates[name], f(block), rtol=1e-12, atol=1e-15, err_msg=name)
    if cell == "lstm":
        assert tr.gate_names == ("i", "f", "g", "o")
        np.testing.assert_allclose(tr.C, np.array(ref["C"]), rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(tr.C, tr.gates["f"] * tr.C_prev + tr.gates["i"] * tr.gates["g"],
                                   rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(tr.s, tr.gates["o"] * np.tanh(tr.C), rtol=1e-12, atol=1e-15)
    else:
        assert tr.gate_names == ("r", "z", "n")
        z, n = tr.gates["z"], tr.gates["n"]
        np.testing.assert_allclose(tr.s, (1 - z) * n + z * tr.s_prev, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(tr.h_n, tr.Ws[:, 2 * H:] + p["bW"][2 * H:], rtol=1e-12, atol=1e-15)
    # backward: the two shares of dL/ds_t, zero rows before the window
    np.testing.assert_allclose(tr.dL_ds, tr.dL_ds_out + tr.dL_ds_rec, rtol=1e-12, atol=1e-15)
    assert np.all(tr.dL_ds_rec[T - 1] == 0)
    t0 = 0 if truncate is None else T - truncate
    assert np.all(tr.dL_ds[:t0] == 0) and np.all(tr.grad_norm_per_step[:t0] == 0)
    np.testing.assert_allclose(tr.grad_norm_per_step[t0:], np.linalg.norm(tr.dL_ds[t0:], axis=1), rtol=1e-12)
    if cell == "lstm":
        np.testing.assert_allclose(tr.cell_grad_norm_per_step[t0:], np.linalg.norm(tr.dL_dC[t0:], axis=1),
                                   rtol=1e-12)
    assert [s.kind for s in tr.steps].count("backward") == T - t0


def test_lstm_cell_state_carries_the_gradient_when_the_forget_gate_is_open():
    """The point of the LSTM: with f close to 1 and no input, ||dL/dC_t|| stays put over 60 steps,
    while a vanilla RNN's ||dL/ds_t|| with a contracting W falls by orders of magnitude."""
    rng = np.random.default_rng(0)
    from rnnviz.core import init_params
    T, H = 60, 8
    tokens = rng.integers(0, 20, T)
    p = init_params(20, 4, H, seed=0, dtype=np.float64, cell="lstm")
    p["b"][H:2 * H] = 8.0                        # f = sigmoid(8 + ...) ~ 0.9997
    p["b"][:H] = -8.0                            # i ~ 0: nothing new written
    tr = make_trace(p, tokens, 1, cell="lstm")
    ratio_lstm = tr.cell_grad_norm_per_step[0] / tr.cell_grad_norm_per_step[-1]
    rnn = init_params(20, 4, H, seed=0, dtype=np.float64)
    rnn["W"] *= 0.5
    tr_rnn = make_trace(rnn, tokens, 1)
    ratio_rnn = tr_rnn.grad_norm_per_step[0] / tr_rnn.grad_norm_per_step[-1]
    assert ratio_lstm > 0.9
    assert ratio_rnn < 1e-10
