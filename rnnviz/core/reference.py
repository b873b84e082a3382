"""The RNN in plain NumPy, one sequence at a time: the textbook to read next to the fast kernels.

    a_t = U x_t + W s_{t-1} + b,   s_t = f(a_t),   o_t = V s_t + c,   s_0 = 0,   x_t = E[token_t]

Written for reading, not speed (in the spirit of Karpathy's min-char-rnn): explicit loops over
sequences and time steps, outer products, one comment per line of math. The numba kernels of
``rnnviz.core`` compute exactly this (the tests check them against it and against finite
differences). Float64 throughout. Indices are 0-based here: step t reads s[t - 1], and the state
before the first step is s_0 = 0.

Heads: "binary" (many-to-one) puts the loss on o_T only, L = BCE(sigmoid(o_T), y); "softmax"
(many-to-many) puts one at every step, L = sum_t CE(softmax(o_t), y_t). A batch's loss is the
mean over its sequences.

Truncated BPTT (``truncate=k``): only the last k steps are differentiated; the steps before them
are treated as a constant prefix (see ``rnnviz.core.grads``).
"""
from __future__ import annotations

import numpy as np


def f(a, activation):
    """The hidden nonlinearity s = f(a), elementwise."""
    if activation == "tanh":
        return np.tanh(a)  # squashes to (-1, 1)
    if activation == "relu":
        return np.maximum(a, 0.0)  # keeps the positive part
    return a.copy()  # linear: the identity


def fprime(a, activation):
    """The derivative f'(a), elementwise."""
    if activation == "tanh":
        return 1.0 - np.tanh(a) ** 2  # d tanh(a)/da = 1 - tanh(a)^2
    if activation == "relu":
        return (a > 0).astype(float)  # 1 where the unit is on, 0 where it is off
    return np.ones_like(a)  # linear: 1 everywhere


def sigmoid(z):
    """1 / (1 + e^-z): the probability of the positive class from a logit z."""
    return 1.0 / (1.0 + np.exp(-z))


def window_start(T, truncate):
    """0-based first step that BPTT reaches: 0 for full BPTT, T - k for truncation k."""
    return 0 if truncate is None else max(0, T - truncate)


def forward_sequence(params, tokens, activation, frozen=None, t0=0):
    """Forward pass of one sequence (T,) of token ids; returns lists x, a, s, o, one entry per step.

    Steps t < t0 use the ``frozen`` parameters when given: that is how truncated BPTT is defined
    (the prefix is a constant), which the finite-difference tests rely on.
    """
    H = params["W"].shape[0]
    s_prev = np.zeros(H)  # s_0 = 0
    xs, as_, ss, os_ = [], [], [], []
    for t, token in enumerate(tokens):
        p = frozen if (frozen is not None and t < t0) else params
        x = p["E"][token]  # x_t = E[token_t], the token's embedding row
        a = p["U"] @ x + p["W"] @ s_prev + p["b"]  # a_t = U x_t + W s_{t-1} + b
        s = f(a, activation)  # s_t = f(a_t)
        o = p["V"] @ s + p["c"]  # o_t = V s_t + c
        xs.append(x)
        as_.append(a)
        ss.append(s)
        os_.append(o)
        s_prev = s  # the state carries over to the next step
    return xs, as_, ss, os_


def sequence_loss(os_, label, head):
    """binary: BCE of sigmoid(o_T) against label 0/1; softmax: sum_t CE(softmax(o_t), label[t])."""
    if head == "binary":
        z = os_[-1][0]  # only the last output o_T feeds the loss
        # -y log sigmoid(z) - (1 - y) log(1 - sigmoid(z)), written so that no exp overflows
        return max(z, 0.0) - z * label + np.log1p(np.exp(-abs(z)))
    total = 0.0
    for t, o in enumerate(os_):
        m = o.max()  # shift by the largest logit: exp cannot overflow
        # -log softmax(o_t)[y_t] = log sum_k e^{o_k} - o_{y_t}
        total += m + np.log(np.sum(np.exp(o - m))) - o[label[t]]
    return total


def batch_loss(params, tokens, labels, activation, head, truncate=None, frozen=None):
    """Mean over the batch (B, T) of the sequence losses.

    With ``frozen`` and ``truncate``, steps before the window use the frozen parameters, so a
    finite difference on ``params`` gives the truncated gradient.
    """
    B, T = tokens.shape
    t0 = window_start(T, truncate)
    total = 0.0
    for i in range(B):
        *_, os_ = forward_sequence(params, tokens[i], activation, frozen, t0)
        total += sequence_loss(os_, labels[i], head)
    return total / B


def loss_and_grads(params, tokens, labels, activation="tanh", head="binary", truncate=None):
    """Loss and BPTT gradients of a batch by the textbook recursion, one sequence at a time.

    tokens (B, T) int; labels (B,) 0/1 (binary) or (B, T) int targets (softmax). Returns
    (loss, grads) with grads a dict shaped like params: the gradients of the mean loss.
    """
    params = {k: np.asarray(v, dtype=np.float64) for k, v in params.items()}
    B, T = tokens.shape
    t0 = window_start(T, truncate)
    grads = {k: np.zeros_like(v) for k, v in params.items()}
    U, W, V = params["U"], params["W"], params["V"]
    H = W.shape[0]
    loss = 0.0
    for i in range(B):
        xs, as_, ss, os_ = forward_sequence(params, tokens[i], activation)
        loss += sequence_loss(os_, labels[i], head)
        ds_future = np.zeros(H)  # W^T dL/da_{t+1}: nothing comes back from after the last step
        for t in reversed(range(t0, T)):
            if head == "binary":
                do = np.zeros(1)  # dL/do_t = 0 except at the last step
                if t == T - 1:
                    do[0] = sigmoid(os_[t][0]) - labels[i]  # dBCE/dz = sigmoid(z) - y
            else:
                e = np.exp(os_[t] - os_[t].max())
                do = e / e.sum()  # softmax(o_t)
                do[labels[i][t]] -= 1.0  # dCE/do_t = softmax(o_t) - onehot(y_t)
            grads["V"] += np.outer(do, ss[t])  # dL/dV += dL/do_t s_t^T
            grads["c"] += do  # dL/dc += dL/do_t
            ds = V.T @ do + ds_future  # dL/ds_t = V^T dL/do_t + W^T dL/da_{t+1}
            da = fprime(as_[t], activation) * ds  # dL/da_t = f'(a_t) * dL/ds_t
            s_prev = ss[t - 1] if t > 0 else np.zeros(H)  # s_{t-1}, with s_0 = 0
            grads["U"] += np.outer(da, xs[t])  # dL/dU += dL/da_t x_t^T
            grads["W"] += np.outer(da, s_prev)  # dL/dW += dL/da_t s_{t-1}^T
            grads["b"] += da  # dL/db += dL/da_t
            grads["E"][tokens[i, t]] += U.T @ da  # dL/dx_t = U^T dL/da_t, into token_t's row
            ds_future = W.T @ da  # what step t - 1 receives from step t
    return loss / B, {k: g / B for k, g in grads.items()}  # the mean over the batch
