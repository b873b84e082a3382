"""Zero, underflowed and overflowed gradients explain themselves (rnnviz.explorer.diagnose, no Qt)."""
from __future__ import annotations

import numpy as np

from rnnviz.core import init_params, make_trace
from rnnviz.explorer.diagnose import diagnose
from rnnviz.explorer.equations import step_html


def params(seed=0, H=4):
    return init_params(8, 3, H, seed=seed, dtype=np.float64)


def backward_index(trace, t):
    return next(i for i, s in enumerate(trace.steps) if s.kind == "backward" and s.t == t)


def test_saturated_output_says_why_everything_is_zero():
    p = params()
    p["c"][0] = 60.0  # sigma(o_T) = 1.0 exactly in float64
    trace = make_trace(p, np.array([1, 2, 3, 4]), 1)
    assert not np.any(trace.grad_norm_per_step)
    d = diagnose(trace)
    assert "saturated" in d.cause and "y = 1" in d.cause
    assert "exactly 0" in d.grad_note and d.share_note
    assert d.zero_steps == (1, 2, 3, 4)
    # the BPTT panel says the same at a backward step and at the loss
    assert "saturated" in step_html(trace, backward_index(trace, 2))
    assert "saturated" in step_html(trace, trace.T)


def test_the_same_model_with_the_other_label_has_no_note():
    p = params()
    p["c"][0] = 60.0
    trace = make_trace(p, np.array([1, 2, 3, 4]), 0)
    d = diagnose(trace)
    assert d.cause == "" and d.grad_note == ""
    assert "s_0 = 0" in d.share_note  # step 1's share of dL/dW is 0 in every trace


def test_dead_relu_names_the_step():
    p = params()
    p["b"][:] = -50.0  # every a_t < 0: the ReLU passes nothing
    trace = make_trace(p, np.array([1, 2, 3, 4, 5]), 1, activation="relu")
    d = diagnose(trace)
    assert d.cause == ""
    assert "ReLU is dead at t = 5" in d.grad_note and "t = 1..4" in d.grad_note
    assert "dead" in step_html(trace, backward_index(trace, 3))


def test_underflow_and_overflow():
    p = params(H=3)
    p["W"] = np.eye(3) * 1e-120  # each step back multiplies by 1e-120: underflow after three
    trace = make_trace(p, np.array([1, 2, 3, 4, 5, 6]), 1, activation="linear")
    d = diagnose(trace)
    assert d.zero_steps and "underflowed" in d.grad_note
    # A tiny U keeps the forward pass finite (s_8 ~ 1e-200 * 1e420); the gradient going back grows
    # by 1e60 a step from V ~ 1 and overflows to inf after about five steps.
    p["W"] = np.eye(3) * 1e60
    p["U"] *= 1e-200
    with np.errstate(over="ignore", invalid="ignore"):
        trace = make_trace(p, np.arange(0, 8), 1, activation="linear")  # o_8 < 0
    d = diagnose(trace)
    assert np.all(np.isfinite(trace.s)) and d.overflow_steps and 1 in d.overflow_steps
    assert "overflowed to inf at t = 1.." in d.grad_note
    assert "overflowed" in step_html(trace, backward_index(trace, 2))


def test_forward_overflow_is_named_not_called_underflow():
    p = params(H=3)
    p["W"] = np.eye(3) * 1e120
    with np.errstate(over="ignore", invalid="ignore"):
        trace = make_trace(p, np.array([1, 2, 3, 4, 5, 6]), 1, activation="linear")
    d = diagnose(trace)
    assert "forward pass overflowed" in d.grad_note and "underflow" not in d.grad_note


def test_empty_input_has_a_reason_for_its_lone_share():
    trace = make_trace(params(), np.array([1]), 1)
    d = diagnose(trace)
    assert d.grad_note == "" and "s_0 = 0" in d.share_note


def test_gated_traces_name_their_own_gradients_not_dL_da():
    for cell, name in (("lstm", "dL/dz_1"), ("gru", "dL/dh_1")):
        p = init_params(8, 3, 4, seed=0, dtype=np.float64, cell=cell)
        trace = make_trace(p, np.array([1, 2, 3, 4]), 0, cell=cell)
        d = diagnose(trace)
        assert f"its share is {name} s_0^T" in d.share_note, cell
        assert "dL/da" not in d.share_note + d.grad_note
        p["W"][:] = 0.0  # s_{t-1} reaches the loss only through W: nothing flows back past step T
        d = diagnose(make_trace(p, np.array([1, 2, 3, 4]), 0, cell=cell))
        if cell == "lstm":
            assert d.zero_steps == (1, 2, 3) and "W = 0" in d.grad_note, d.grad_note
        assert "dL/da" not in d.share_note + d.grad_note
    # a plain RNN's note still names dL/da_1
    assert "its share is dL/da_1 s_0^T" in diagnose(make_trace(params(), np.array([1, 2, 3]), 0)).share_note
