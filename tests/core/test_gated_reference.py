"""The LSTM and GRU kernels equal the readable NumPy references: 1e-10 in float64, 1e-5 in float32
(the float32 kernels use a fast rational tanh and sigmoid)."""
import numpy as np
import pytest

from gated_problem import REFERENCE, make_gated_problem
from rnnviz.core import GatedWorkspace, loss_and_grads, make_workspace, predict_logits

CASES = [(c, h, k) for c in ("lstm", "gru") for h in ("binary", "softmax") for k in (None, 2)]


@pytest.mark.parametrize("cell,head,truncate", CASES)
def test_float64_equals_reference(cell, head, truncate):
    p, tok, lab = make_gated_problem(cell, head, seed=3)
    loss, g = loss_and_grads(p, tok, lab, head=head, truncate=truncate, cell=cell)
    ref_loss, ref = REFERENCE[cell].loss_and_grads(p, tok, lab, head, truncate)
    assert loss == pytest.approx(ref_loss, rel=1e-10, abs=1e-12)
    assert set(g) == set(ref)
    for k in ref:
        assert g[k].dtype == np.float64
        np.testing.assert_allclose(g[k], ref[k], rtol=1e-10, atol=1e-12, err_msg=k)


@pytest.mark.parametrize("cell,head,truncate", CASES)
def test_float32_equals_reference(cell, head, truncate):
    p32, tok, lab = make_gated_problem(cell, head, seed=4, dtype=np.float32)
    loss, g = loss_and_grads(p32, tok, lab, head=head, truncate=truncate, cell=cell)
    p64 = {k: v.astype(np.float64) for k, v in p32.items()}
    ref_loss, ref = REFERENCE[cell].loss_and_grads(p64, tok, lab, head, truncate)
    assert loss == pytest.approx(ref_loss, rel=1e-5)
    for k in ref:
        assert g[k].dtype == np.float32
        scale = max(1.0, np.abs(ref[k]).max())
        np.testing.assert_allclose(g[k], ref[k], rtol=1e-5, atol=1e-5 * scale, err_msg=k)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
@pytest.mark.parametrize("path", ["rows", "vocab"])
@pytest.mark.parametrize("head,truncate", [("binary", None), ("softmax", 3), ("binary", 7)])
def test_longer_batches_and_both_input_paths(cell, path, head, truncate):
    """Several sequences of 12 steps, through both ways of forming U x_t and the E, U gradients."""
    p, tok, lab = make_gated_problem(cell, head, seed=6, B=4, T=12)
    ws = make_workspace(p, 4, 12, "tanh", head, truncate, cell=cell, input_path=path)
    assert isinstance(ws, GatedWorkspace) and ws.input_path == path
    loss = ws.forward_backward(tok, lab)
    ref_loss, ref = REFERENCE[cell].loss_and_grads(p, tok, lab, head, truncate)
    assert loss == pytest.approx(ref_loss, rel=1e-10)
    for k in ref:
        np.testing.assert_allclose(ws.grads[k], ref[k], rtol=1e-10, atol=1e-12, err_msg=k)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_workspace_reuse_and_partial_batches(cell):
    """One workspace, batches of different sizes: each result equals a fresh computation."""
    p, tok, lab = make_gated_problem(cell, "binary", seed=7, B=5, T=8)
    ws = make_workspace(p, 5, 8, cell=cell)
    for nb in (5, 2, 5, 1):
        loss = ws.forward_backward(tok[:nb], lab[:nb])
        ref_loss, ref = REFERENCE[cell].loss_and_grads(p, tok[:nb], lab[:nb])
        assert loss == pytest.approx(ref_loss, rel=1e-10)
        for k in ref:
            np.testing.assert_allclose(ws.grads[k], ref[k], rtol=1e-10, atol=1e-12, err_msg=k)
        logits = ws.forward(tok[:nb]).copy()
        ref_logits = [REFERENCE[cell].forward_sequence(p, row)["o"][-1][0] for row in tok[:nb]]
        np.testing.assert_allclose(logits, ref_logits, rtol=1e-12)
    np.testing.assert_allclose(predict_logits(p, tok, batch_size=2, cell=cell),
                               [REFERENCE[cell].forward_sequence(p, row)["o"][-1][0] for row in tok],
                               rtol=1e-12)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_per_step_gradient_norms(cell):
    """grad_norm_per_step is the batch mean of ||dL/ds_t|| (and ||dL/dC_t|| for the LSTM), zero
    before a truncation window."""
    p, tok, lab = make_gated_problem(cell, "softmax", seed=8, B=3, T=7)
    ws = make_workspace(p, 3, 7, "tanh", "softmax", truncate=4, cell=cell)
    ws.forward_backward(tok, lab)
    v = ws.views(3)
    np.testing.assert_allclose(ws.grad_norm_per_step, np.linalg.norm(v["dS"], axis=2).mean(axis=1),
                               rtol=1e-12)
    assert np.all(ws.grad_norm_per_step[:3] == 0) and np.all(ws.grad_norm_per_step[3:] > 0)
    if cell == "lstm":
        np.testing.assert_allclose(ws.cell_grad_norm_per_step,
                                   np.linalg.norm(v["dC"], axis=2).mean(axis=1), rtol=1e-12)
        assert np.all(ws.cell_grad_norm_per_step[3:] > 0)
    else:
        assert ws.cell_grad_norm_per_step is None


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_float32_vanishing_gradient_over_a_long_sequence(cell):
    """Over 300 steps the carried float32 gradient vanishes below 1e-30 and is flushed to zero
    (subnormals would slow every later step ~100x); the gradients still equal float64's."""
    p64, tok, lab = make_gated_problem(cell, "binary", seed=9, B=3, T=300)
    p64["W"] *= 0.3  # a contracting recurrence: the gradient falls by orders of magnitude
    p32 = {k: v.astype(np.float32) for k, v in p64.items()}
    ws32 = make_workspace(p32, 3, 300, cell=cell)
    ws32.forward_backward(tok, lab)
    ws64 = make_workspace(p64, 3, 300, cell=cell)
    ws64.forward_backward(tok, lab)
    assert ws64.grad_norm_per_step[0] < 1e-30 < ws64.grad_norm_per_step[-1]
    assert ws32.grad_norm_per_step[0] == 0.0  # flushed, not subnormal
    for k in p64:
        scale = max(1e-3, np.abs(ws64.grads[k]).max())
        np.testing.assert_allclose(ws32.grads[k], ws64.grads[k], rtol=1e-4, atol=1e-5 * scale, err_msg=k)
