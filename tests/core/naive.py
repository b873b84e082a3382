"""A plain NumPy reference of the RNN, one sequence at a time (min-char-rnn style), float64.

    a_t = U x_t + W s_{t-1} + b,   s_t = f(a_t),   o_t = V s_t + c,   s_0 = 0,   x_t = E[token_t]

Written for reading, not speed: explicit loops over sequences and time steps, outer products.
Indices here are 0-based: step t uses s[t - 1] (s[-1] is s_0 = 0).
"""
import numpy as np


def f(a, activation):
    if activation == "tanh":
        return np.tanh(a)
    if activation == "relu":
        return np.maximum(a, 0.0)
    return a.copy()


def fprime(a, activation):
    if activation == "tanh":
        return 1.0 - np.tanh(a) ** 2
    if activation == "relu":
        return (a > 0).astype(float)
    return np.ones_like(a)


def window_start(T, truncate):
    return 0 if truncate is None else max(0, T - truncate)


def forward_sequence(params, tokens, activation, frozen=None, t0=0):
    """Forward pass of one sequence. Steps t < t0 use ``frozen`` params (if given), the rest
    ``params``: this is how truncated BPTT is defined (the prefix is a constant).
    Returns lists x, a, s, o with one entry per step."""
    H = params["W"].shape[0]
    s_prev = np.zeros(H)
    xs, as_, ss, os_ = [], [], [], []
    for t, tok in enumerate(tokens):
        p = frozen if (frozen is not None and t < t0) else params
        x = p["E"][tok]
        a = p["U"] @ x + p["W"] @ s_prev + p["b"]
        s = f(a, activation)
        o = p["V"] @ s + p["c"]
        xs.append(x)
        as_.append(a)
        ss.append(s)
        os_.append(o)
        s_prev = s
    return xs, as_, ss, os_


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sequence_loss(os_, label, head):
    """binary: BCE on o_T with label 0/1; softmax: sum_t CE(softmax(o_t), label[t])."""
    if head == "binary":
        z = os_[-1][0]
        return max(z, 0.0) - z * label + np.log1p(np.exp(-abs(z)))
    total = 0.0
    for t, o in enumerate(os_):
        m = o.max()
        total += m + np.log(np.sum(np.exp(o - m))) - o[label[t]]
    return total


def batch_loss(params, tokens, labels, activation, head, truncate=None, frozen=None):
    """Mean over the batch of the sequence losses. With ``frozen`` and ``truncate``, steps before
    the window use the frozen params (so a finite difference on ``params`` gives the truncated
    gradient)."""
    B, T = tokens.shape
    t0 = window_start(T, truncate)
    total = 0.0
    for i in range(B):
        *_, os_ = forward_sequence(params, tokens[i], activation, frozen, t0)
        # for softmax, the outputs of steps before the window also use the frozen V, c
        total += sequence_loss(os_, labels[i], head)
    return total / B


def loss_and_grads(params, tokens, labels, activation="tanh", head="binary", truncate=None):
    """Loss and BPTT gradients by the textbook recursion, one sequence at a time."""
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
        ds_next = np.zeros(H)  # W^T dL/da_{t+1}
        for t in reversed(range(t0, T)):
            if head == "binary":
                do = np.zeros(1)
                if t == T - 1:
                    do[0] = sigmoid(os_[t][0]) - labels[i]
            else:
                e = np.exp(os_[t] - os_[t].max())
                do = e / e.sum()
                do[labels[i][t]] -= 1.0
            grads["V"] += np.outer(do, ss[t])
            grads["c"] += do
            ds = V.T @ do + ds_next
            da = fprime(as_[t], activation) * ds
            s_prev = ss[t - 1] if t > 0 else np.zeros(H)
            grads["U"] += np.outer(da, xs[t])
            grads["W"] += np.outer(da, s_prev)
            grads["b"] += da
            grads["E"][tokens[i, t]] += U.T @ da
            ds_next = W.T @ da
    return loss / B, {k: g / B for k, g in grads.items()}
