"""Bad input raises ValueError with a message that says what is wrong."""
import numpy as np
import pytest

from rnnviz.core import BatchWorkspace, init_params, loss_and_grads, make_trace, predict_logits


@pytest.fixture
def p():
    return init_params(10, 3, 4, seed=0, dtype=np.float64)


def test_token_out_of_range(p):
    with pytest.raises(ValueError, match=r"token ids must be in \[0, 10\)"):
        loss_and_grads(p, np.array([[1, 2, 10]]), np.array([1]))
    with pytest.raises(ValueError, match="min -1"):
        make_trace(p, np.array([1, -1]), 0)


def test_wrong_shapes_and_types(p):
    with pytest.raises(ValueError, match=r"shape \(B, T\)"):
        loss_and_grads(p, np.array([1, 2, 3]), np.array([1]))
    with pytest.raises(ValueError, match=r"labels must have shape \(2,\)"):
        loss_and_grads(p, np.ones((2, 3), int), np.array([1]))
    with pytest.raises(ValueError, match="0 or 1"):
        loss_and_grads(p, np.ones((1, 3), int), np.array([2]))
    with pytest.raises(ValueError, match="integer"):
        loss_and_grads(p, np.ones((1, 3)), np.array([1]))
    with pytest.raises(ValueError, match="softmax head needs output_dim"):
        loss_and_grads(p, np.ones((1, 3), int), np.ones((1, 3), int), head="softmax")
    q = init_params(10, 3, 4, output_dim=5, seed=0, dtype=np.float64)
    with pytest.raises(ValueError, match="binary head needs output_dim 1"):
        loss_and_grads(q, np.ones((1, 3), int), np.array([1]))
    with pytest.raises(ValueError, match=r"targets must be in \[0, 5\)"):
        loss_and_grads(q, np.ones((1, 3), int), np.full((1, 3), 5), head="softmax")


def test_bad_params(p):
    bad = dict(p, U=np.zeros((4, 5)))
    with pytest.raises(ValueError, match=r"params\['U'\] has shape \(4, 5\), expected \(4, 3\)"):
        loss_and_grads(bad, np.ones((1, 3), int), np.array([1]))
    mixed = dict(p, W=p["W"].astype(np.float32))
    with pytest.raises(ValueError, match="share one dtype"):
        loss_and_grads(mixed, np.ones((1, 3), int), np.array([1]))
    with pytest.raises(ValueError, match="missing"):
        loss_and_grads({"E": p["E"]}, np.ones((1, 3), int), np.array([1]))


def test_unknown_names(p):
    tok, lab = np.ones((1, 3), int), np.array([1])
    with pytest.raises(ValueError, match="unknown activation 'sigmoid'"):
        loss_and_grads(p, tok, lab, activation="sigmoid")
    with pytest.raises(ValueError, match="unknown head"):
        loss_and_grads(p, tok, lab, head="mse")
    with pytest.raises(ValueError, match="truncate must be None or an integer >= 1"):
        loss_and_grads(p, tok, lab, truncate=0)


def test_workspace_limits(p):
    ws = BatchWorkspace(p, 2, 3)
    with pytest.raises(ValueError, match="exceeds the workspace's batch_size 2"):
        ws.forward_backward(np.ones((3, 3), int), np.array([1, 0, 1]))
    with pytest.raises(ValueError, match="seq_len 3"):
        ws.forward(np.ones((2, 4), int))
    with pytest.raises(ValueError, match="batch_size"):
        predict_logits(p, np.ones((2, 3), int), batch_size=0)


def test_a_bad_W_is_named_not_V(p):
    """A W of shape (H+1, H+1) is the array at fault; U, b and V agree on H (issue 10, item 13)."""
    bad = dict(p, W=np.zeros((5, 5)))
    with pytest.raises(ValueError, match=r"params\['W'\] has shape \(5, 5\), expected \(4, 4\)") as err:
        loss_and_grads(bad, np.ones((1, 3), int), np.array([1]))
    assert "params['V']" not in str(err.value)


@pytest.mark.parametrize("key, shape", [("c", (0,)), ("b", (1,)), ("U", (4, 2)), ("W", (3, 3))])
def test_workspace_rechecks_every_parameter_on_later_calls(p, key, shape):
    """Swapping an array after the workspace was made is caught before a kernel reads it: an empty
    c was read out of bounds, a b of shape (1,) was broadcast silently (issue 10, item 11)."""
    ws = BatchWorkspace(p, 1, 3)
    tok, lab = np.ones((1, 3), int), np.array([1])
    ws.forward_backward(tok, lab)
    ws.params[key] = np.zeros(shape)
    with pytest.raises(ValueError, match=rf"params\['{key}'\]"):
        ws.forward_backward(tok, lab)
    with pytest.raises(ValueError, match=rf"params\['{key}'\]"):
        ws.forward(tok)
