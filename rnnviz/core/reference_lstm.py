"""A plain NumPy LSTM, one sequence at a time, for reading (min-char-rnn style), float64.

    z_t = U x_t + W s_{t-1} + b              gate blocks i, f, g, o of H rows each
    i = sigma(z_i), f = sigma(z_f), g = tanh(z_g), o = sigma(z_o)
    C_t = f * C_{t-1} + i * g,   s_t = o * tanh(C_t),   o_t = V s_t + c,   C_0 = s_0 = 0

The numba kernels are tested against this file; it is written to be read beside the equations,
not to be fast. Indices are 0-based: step t reads s[t - 1] (s_0 = 0 before the first step).
Truncated BPTT (``truncate=k``): only the last k steps are back-propagated through (see
``rnnviz.core.grads`` for the exact meaning).
"""
import numpy as np

from .reference_heads import output_grad, sequence_loss, sigmoid, window_start


def split_gates(z, H):
    """The four H-blocks of a stacked (4H,) vector, in the order i, f, g, o."""
    return z[:H], z[H:2 * H], z[2 * H:3 * H], z[3 * H:]


def forward_sequence(params, tokens, frozen=None, t0=0):
    """Forward pass of one sequence; steps t < t0 use ``frozen`` params when given (truncation).
    Returns a dict of per-step lists: x, gates (i, f, g, o), C, tanhC, s, o."""
    H = params["W"].shape[1]
    s_prev, C_prev = np.zeros(H), np.zeros(H)
    rec = {k: [] for k in ("x", "i", "f", "g", "o_gate", "C", "tanhC", "s", "o")}
    for t, tok in enumerate(tokens):
        p = frozen if (frozen is not None and t < t0) else params
        x = p["E"][tok]                                  # x_t: the token's embedding row
        z = p["U"] @ x + p["W"] @ s_prev + p["b"]        # all four gates' pre-activations
        zi, zf, zg, zo = split_gates(z, H)
        i, f, g, o_gate = sigmoid(zi), sigmoid(zf), np.tanh(zg), sigmoid(zo)
        C = f * C_prev + i * g                           # keep part of the old cell, add the new
        tanhC = np.tanh(C)
        s = o_gate * tanhC                               # the hidden state shows part of the cell
        o = p["V"] @ s + p["c"]                          # the output layer, as for the RNN
        for k, v in zip(rec, (x, i, f, g, o_gate, C, tanhC, s, o)):
            rec[k].append(v)
        s_prev, C_prev = s, C
    return rec


def batch_loss(params, tokens, labels, head, truncate=None, frozen=None):
    """Mean over the batch of the sequence losses (steps before the window use ``frozen``)."""
    B, T = tokens.shape
    t0 = window_start(T, truncate)
    return sum(sequence_loss(forward_sequence(params, tokens[n], frozen, t0)["o"], labels[n], head)
               for n in range(B)) / B


def loss_and_grads(params, tokens, labels, head="binary", truncate=None):
    """Loss and BPTT gradients by the textbook recursion, one sequence at a time."""
    params = {k: np.asarray(v, dtype=np.float64) for k, v in params.items()}
    B, T = tokens.shape
    t0 = window_start(T, truncate)
    grads = {k: np.zeros_like(v) for k, v in params.items()}
    U, W, V = params["U"], params["W"], params["V"]
    H = W.shape[1]
    loss = 0.0
    for n in range(B):
        r = forward_sequence(params, tokens[n])
        loss += sequence_loss(r["o"], labels[n], head)
        ds_next = np.zeros(H)                            # W^T dL/dz_{t+1}: the future's share
        dC_next = np.zeros(H)                            # dL/dC_{t+1} * f_{t+1}
        for t in reversed(range(t0, T)):
            do = output_grad(r["o"], labels[n], head, t) # dL/do_t
            grads["V"] += np.outer(do, r["s"][t])
            grads["c"] += do
            ds = V.T @ do + ds_next                      # dL/ds_t
            i, f, g, o_gate = r["i"][t], r["f"][t], r["g"][t], r["o_gate"][t]
            dC = dC_next + ds * o_gate * (1 - r["tanhC"][t] ** 2)   # dL/dC_t
            C_prev = r["C"][t - 1] if t > 0 else np.zeros(H)
            s_prev = r["s"][t - 1] if t > 0 else np.zeros(H)
            dzi = dC * g * i * (1 - i)                   # through i * g
            dzf = dC * C_prev * f * (1 - f)              # through f * C_{t-1}
            dzg = dC * i * (1 - g ** 2)                  # through i * g, tanh'
            dzo = ds * r["tanhC"][t] * o_gate * (1 - o_gate)  # through o * tanh(C_t)
            dz = np.concatenate([dzi, dzf, dzg, dzo])    # dL/dz_t, stacked like the gates
            grads["U"] += np.outer(dz, r["x"][t])
            grads["W"] += np.outer(dz, s_prev)
            grads["b"] += dz
            grads["E"][tokens[n, t]] += U.T @ dz         # dL/dx_t goes to the token's row
            ds_next = W.T @ dz
            dC_next = dC * f                             # the cell path: only multiplied by f
    return loss / B, {k: v / B for k, v in grads.items()}
