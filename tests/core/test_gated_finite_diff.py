"""LSTM and GRU gradients against central finite differences in float64: every entry of every
parameter, both heads, full and truncated BPTT, relative error <= 1e-6.

The finite differences use only the readable references' forward pass, so this checks the kernels'
backward pass (and the references') independently of any hand-derived gradient.
"""
import numpy as np
import pytest

from gated_problem import REFERENCE, make_gated_problem
from helpers import five_point_gradient
from rnnviz.core import loss_and_grads

CASES = [(c, h, k) for c in ("lstm", "gru") for h in ("binary", "softmax") for k in (None, 3)]
STEP = 1e-5


def finite_difference(cell, p, tok, lab, head, truncate):
    """dL/dtheta by the 5-point central stencil on the reference loss, perturbing the parameters
    used inside the BPTT window (steps before it keep the frozen copy)."""
    frozen = {k: v.copy() for k, v in p.items()}
    return five_point_gradient(p, lambda live: REFERENCE[cell].batch_loss(live, tok, lab, head, truncate, frozen),
                               STEP)


@pytest.mark.parametrize("cell,head,truncate", CASES)
def test_gradients_match_finite_differences(cell, head, truncate):
    p, tok, lab = make_gated_problem(cell, head, seed=1)
    loss, g = loss_and_grads(p, tok, lab, head=head, truncate=truncate, cell=cell)
    fd = finite_difference(cell, p, tok, lab, head, truncate)
    assert set(g) == set(p)
    worst = 0.0
    for k in fd:
        err = np.abs(g[k] - fd[k])
        denom = np.abs(g[k]) + np.abs(fd[k])
        # entries whose true gradient is exactly zero (embedding rows of unused tokens) have only
        # the stencil's round-off (~1e-12), so they get an absolute 1e-10
        ok = err <= 1e-6 * denom + 1e-10
        # reported: the worst relative error over entries large enough for the stencil's round-off
        # (~1e-11 absolute) not to dominate
        rel = (err / np.maximum(denom, 1e-300))[denom > 1e-4].max()
        worst = max(worst, rel)
        assert ok.all(), f"{cell} {k}: max rel err {rel:.2e}\n{g[k]}\n{fd[k]}"
        assert np.abs(g[k]).max() > 1e-6, f"{k}: gradient all zero, the check would be empty"
    print(f"{cell} {head} truncate={truncate}: worst relative error {worst:.1e}")


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_truncation_changes_the_gradient(cell):
    """The truncated gradient is not the full one (so the truncated cases above test something)."""
    p, tok, lab = make_gated_problem(cell, "binary", seed=2)
    _, full = loss_and_grads(p, tok, lab, cell=cell)
    _, cut = loss_and_grads(p, tok, lab, truncate=2, cell=cell)
    assert not np.allclose(full["W"], cut["W"], rtol=1e-3)
    # embedding rows of tokens seen only before the window get nothing
    early = set(tok[:, :3].ravel()) - set(tok[:, 3:].ravel())
    for row in early:
        assert np.all(cut["E"][row] == 0)
