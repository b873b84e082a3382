"""BatchWorkspace: reuse across batches, the partial last batch, diagnostics, inference."""
import numpy as np
import pytest

from helpers import make_problem
from rnnviz.core import BatchWorkspace, init_params, loss_and_grads, predict_logits
from rnnviz.core import reference


@pytest.mark.parametrize("head", ["binary", "softmax"])
def test_partial_last_batch(head):
    p, tok, lab = make_problem(head, "tanh", seed=2, B=5, T=6)
    ws = BatchWorkspace(p, 5, 6, head=head)
    ws.forward_backward(tok, lab)  # a full batch first: its leftovers must not leak
    loss = ws.forward_backward(tok[:3], lab[:3])
    ref_loss, ref = reference.loss_and_grads(p, tok[:3], lab[:3], head=head)
    assert loss == pytest.approx(ref_loss, rel=1e-10)
    for k in ref:
        np.testing.assert_allclose(ws.grads[k], ref[k], rtol=1e-10, atol=1e-12, err_msg=k)
    if head == "binary":
        assert ws.logits.shape == (3,)
        o_T = np.array([reference.forward_sequence(p, r, "tanh")[3][-1][0] for r in tok[:3]])
        np.testing.assert_allclose(ws.logits, o_T, rtol=1e-12)


def test_diagnostics_per_step():
    p, tok, lab = make_problem("binary", "tanh", seed=3, B=4, T=6)
    ws = BatchWorkspace(p, 4, 6, truncate=4)
    ws.forward_backward(tok, lab)
    gn, dwn = np.zeros(6), np.zeros(6)
    from rnnviz.core import make_trace
    traces = [make_trace(p, tok[i], lab[i], truncate=4) for i in range(4)]
    for t in range(6):
        # mean over the batch of ||dL/ds_t||; per-sequence traces carry the batch's 1/B once more
        gn[t] = np.mean([np.linalg.norm(tr.dL_ds[t]) for tr in traces]) / 4
        dwn[t] = np.linalg.norm(sum(tr.dW_step[t] for tr in traces)) / 4
    np.testing.assert_allclose(ws.grad_norm_per_step, gn, rtol=1e-10)
    np.testing.assert_allclose(ws.dW_contrib_norm, dwn, rtol=1e-10)
    assert np.all(ws.grad_norm_per_step[:2] == 0) and np.all(ws.grad_norm_per_step[2:] > 0)


def test_grads_are_reused_buffers_and_params_seen_live():
    p, tok, lab = make_problem("binary", "relu", seed=4, B=3, T=5)
    ws = BatchWorkspace(p, 3, 5, activation="relu")
    g_id = id(ws.grads["W"])
    ws.forward_backward(tok, lab)
    p["W"] *= 0.5  # in-place change, as an optimizer does
    ws.forward_backward(tok, lab)
    assert id(ws.grads["W"]) == g_id
    ref_loss, ref = reference.loss_and_grads(p, tok, lab, "relu")
    np.testing.assert_allclose(ws.grads["W"], ref["W"], rtol=1e-10, atol=1e-12)


def test_predict_logits_batches_and_forward():
    p = init_params(30, 4, 5, seed=0, dtype=np.float32)
    rng = np.random.default_rng(0)
    tok = rng.integers(0, 30, (23, 9)).astype(np.int32)
    out = predict_logits(p, tok, batch_size=5)
    assert out.shape == (23,) and out.dtype == np.float32
    p64 = {k: v.astype(np.float64) for k, v in p.items()}
    ref = np.array([reference.forward_sequence(p64, r, "tanh")[3][-1][0] for r in tok])
    np.testing.assert_allclose(out, ref, rtol=1e-5, atol=1e-6)
    ws = BatchWorkspace(p, 23, 9)
    np.testing.assert_allclose(ws.forward(tok), out, rtol=1e-6, atol=1e-7)
    loss, _ = loss_and_grads(p, tok, np.zeros(23, np.int64))
    assert np.isfinite(loss)


@pytest.mark.parametrize("truncate", [None, 3])
def test_without_diagnostics_same_gradients(truncate):
    p, tok, lab = make_problem("softmax", "tanh", seed=8, B=3, T=6)
    on = BatchWorkspace(p, 3, 6, head="softmax", truncate=truncate)
    off = BatchWorkspace(p, 3, 6, head="softmax", truncate=truncate, diagnostics=False)
    assert on.forward_backward(tok, lab) == off.forward_backward(tok, lab)
    for k in p:
        np.testing.assert_allclose(off.grads[k], on.grads[k], rtol=1e-12, atol=1e-15)
    assert np.all(off.grad_norm_per_step == 0) and np.all(off.dW_contrib_norm == 0)
    first = 1 if truncate is None else 6 - truncate  # s_0 = 0 gives step 1 no dW share
    assert np.all(on.dW_contrib_norm[first:] > 0) and np.all(on.dW_contrib_norm[:1] == 0)


def test_predict_proba_is_the_sigmoid_of_the_logits():
    from scipy.special import expit

    from rnnviz.core import init_params, predict_logits, predict_proba

    p = init_params(30, 4, 5, seed=3, dtype=np.float64)
    tokens = np.random.default_rng(0).integers(0, 30, size=(7, 9))
    proba = predict_proba(p, tokens, "tanh", batch_size=3)
    np.testing.assert_allclose(proba, expit(predict_logits(p, tokens, "tanh", batch_size=3)), rtol=1e-15)
    assert proba.shape == (7,) and np.all((proba > 0) & (proba < 1))
