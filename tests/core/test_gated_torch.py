"""The LSTM and GRU kernels against PyTorch's nn.LSTM / nn.GRU in float64 (skipped without torch,
which is only a test and benchmark peer, never a dependency)."""
import numpy as np
import pytest

from gated_problem import make_gated_problem
from rnnviz.core import loss_and_grads

torch = pytest.importorskip("torch")


def torch_loss_and_grads(cell, p, tok, lab, head):
    """The same model in PyTorch: Embedding -> nn.LSTM / nn.GRU -> Linear, BCE or per-step CE."""
    t = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in p.items()}
    H = p["W"].shape[1]
    rnn_cls = torch.nn.LSTM if cell == "lstm" else torch.nn.GRU
    rnn = rnn_cls(p["U"].shape[1], H, batch_first=True).double()
    # PyTorch's gate orders are the same (LSTM i, f, g, o; GRU r, z, n) and it has two biases;
    # for the LSTM the second is held at zero, for the GRU it is bW.
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(t["U"])
        rnn.weight_hh_l0.copy_(t["W"])
        rnn.bias_ih_l0.copy_(t["b"])
        rnn.bias_hh_l0.copy_(t["bW"] if cell == "gru" else torch.zeros_like(t["b"]))
    x = t["E"][torch.as_tensor(tok)]
    out, _ = rnn(x)
    if head == "binary":
        logits = out[:, -1] @ t["V"].T + t["c"]
        loss = torch.nn.functional.binary_cross_entropy_with_logits(
            logits[:, 0], torch.as_tensor(lab, dtype=torch.float64))
    else:
        o = out @ t["V"].T + t["c"]
        loss = torch.nn.functional.cross_entropy(o.reshape(-1, o.shape[-1]), torch.as_tensor(lab).reshape(-1),
                                                 reduction="sum") / tok.shape[0]
    loss.backward()
    grads = {"U": rnn.weight_ih_l0.grad, "W": rnn.weight_hh_l0.grad, "b": rnn.bias_ih_l0.grad}
    if cell == "gru":
        grads["bW"] = rnn.bias_hh_l0.grad
    grads.update({k: t[k].grad for k in ("E", "V", "c")})
    return float(loss.detach()), {k: v.numpy() for k, v in grads.items()}


@pytest.mark.parametrize("cell", ["lstm", "gru"])
@pytest.mark.parametrize("head", ["binary", "softmax"])
def test_matches_pytorch(cell, head):
    p, tok, lab = make_gated_problem(cell, head, seed=21, B=3, T=9)
    loss, g = loss_and_grads(p, tok, lab, head=head, cell=cell)
    ref_loss, ref = torch_loss_and_grads(cell, p, tok, lab, head)
    assert loss == pytest.approx(ref_loss, rel=1e-12)
    for k in ref:
        np.testing.assert_allclose(g[k], ref[k], rtol=1e-10, atol=1e-13, err_msg=k)
