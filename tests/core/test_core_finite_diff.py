"""Central finite differences in float64 for every entry of every parameter: rel err <= 1e-6.

The 5-point central stencil (f(-2h), f(-h), f(h), f(2h)) has O(h^4) truncation error, so with
h = 1e-5 both truncation and round-off stay far below 1e-6 even for small entries.
"""
import numpy as np
import pytest

from helpers import five_point_gradient, make_problem
from rnnviz.core import ACTIVATIONS, HEADS, BatchWorkspace, loss_and_grads
from rnnviz.core import reference

CASES = [(h, a, k) for h in HEADS for a in ACTIVATIONS for k in (None, 3)]
STEP = 1e-5


def finite_difference(p, tok, lab, activation, head, truncate):
    """dL/dtheta by central differences of the reference loss, perturbing the parameters used
    inside the BPTT window (steps before it keep the frozen, unperturbed copy)."""
    frozen = {k: v.copy() for k, v in p.items()}
    return five_point_gradient(p, lambda live: reference.batch_loss(live, tok, lab, activation, head, truncate,
                                                                    frozen), STEP)


def check_against(g, fd):
    """Every entry of every gradient within 1e-6 relative error of the finite differences."""
    for k in fd:
        err = np.abs(g[k] - fd[k])
        denom = np.abs(g[k]) + np.abs(fd[k])
        # relative error per entry; entries whose true gradient is exactly zero (embedding rows
        # of unused tokens) have only the FD round-off (~1e-12), so they get an absolute 1e-10
        ok = err <= 1e-6 * denom + 1e-10
        rel = (err / np.maximum(denom, 1e-300)).max()
        assert ok.all(), f"{k}: max rel err {rel:.2e}\n{g[k]}\n{fd[k]}"
        assert np.abs(g[k]).max() > 1e-6, f"{k}: gradient all zero, the check would be empty"


def relu_margin(p, tok, activation):
    """Smallest |a_t| over the batch: FD is only valid away from relu's kink."""
    m = np.inf
    for row in tok:
        _, as_, _, _ = reference.forward_sequence(p, row, activation)
        m = min(m, min(np.abs(a).min() for a in as_))
    return m


@pytest.mark.parametrize("head,activation,truncate", CASES)
def test_gradients_match_finite_differences(head, activation, truncate):
    p, tok, lab = make_problem(head, activation, seed=7)
    if activation == "relu":
        # the FD step must not cross a kink of max(a, 0); this seed keeps a clear margin
        assert relu_margin(p, tok, activation) > 1e-4
    fd = finite_difference(p, tok, lab, activation, head, truncate)
    for path in ("rows", "vocab"):
        ws = BatchWorkspace(p, *tok.shape, activation, head, truncate, input_path=path)
        ws.forward_backward(tok, lab)
        check_against(ws.grads, fd)
    if truncate is not None:
        _, full = loss_and_grads(p, tok, lab, activation, head, None)
        assert not np.allclose(full["W"], ws.grads["W"]), "truncation changed nothing"
