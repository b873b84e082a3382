"""A plain NumPy GRU, one sequence at a time, for reading (min-char-rnn style), float64.

The form PyTorch and Keras use by default, with the reset gate applied after the recurrent product:

    h_t = W s_{t-1} + bW                         blocks r, z, n of H rows each
    r = sigma(U_r x_t + b_r + h_r),  z = sigma(U_z x_t + b_z + h_z)
    n = tanh(U_n x_t + b_n + r * h_n),  s_t = (1 - z) * n + z * s_{t-1},  o_t = V s_t + c,  s_0 = 0

The numba kernels are tested against this file. Indices are 0-based.
"""
import numpy as np

from .reference_heads import output_grad, sequence_loss, sigmoid, window_start


def forward_sequence(params, tokens, frozen=None, t0=0):
    """Forward pass of one sequence; steps t < t0 use ``frozen`` params when given (truncation).
    Returns a dict of per-step lists: x, r, z, n, h_n, s, o."""
    H = params["W"].shape[1]
    s_prev = np.zeros(H)
    rec = {k: [] for k in ("x", "r", "z", "n", "h_n", "s", "o")}
    for t, tok in enumerate(tokens):
        p = frozen if (frozen is not None and t < t0) else params
        x = p["E"][tok]                                  # x_t: the token's embedding row
        u = p["U"] @ x + p["b"]                          # the input side of all three blocks
        h = p["W"] @ s_prev + p["bW"]                    # the recurrent side of all three blocks
        r = sigmoid(u[:H] + h[:H])                       # reset: how much of h_n reaches n
        z = sigmoid(u[H:2 * H] + h[H:2 * H])             # update: how much of s_{t-1} is kept
        n = np.tanh(u[2 * H:] + r * h[2 * H:])           # the candidate state
        s = (1 - z) * n + z * s_prev                     # blend of the candidate and the old state
        o = p["V"] @ s + p["c"]                          # the output layer, as for the RNN
        for k, v in zip(rec, (x, r, z, n, h[2 * H:], s, o)):
            rec[k].append(v)
        s_prev = s
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
    for n_seq in range(B):
        rec = forward_sequence(params, tokens[n_seq])
        loss += sequence_loss(rec["o"], labels[n_seq], head)
        ds_next = np.zeros(H)                            # the future's share of dL/ds_t
        for t in reversed(range(t0, T)):
            do = output_grad(rec["o"], labels[n_seq], head, t)   # dL/do_t
            grads["V"] += np.outer(do, rec["s"][t])
            grads["c"] += do
            ds = V.T @ do + ds_next                      # dL/ds_t
            r, z, n = rec["r"][t], rec["z"][t], rec["n"][t]
            s_prev = rec["s"][t - 1] if t > 0 else np.zeros(H)
            dn = ds * (1 - z) * (1 - n ** 2)             # dL/d(n's pre-activation)
            dz = ds * (s_prev - n) * z * (1 - z)         # dL/d(z's pre-activation)
            dr = dn * rec["h_n"][t] * r * (1 - r)        # dL/d(r's pre-activation)
            du = np.concatenate([dr, dz, dn])            # gradient of the input side U x_t + b
            dh = np.concatenate([dr, dz, dn * r])        # of the recurrent side W s_{t-1} + bW
            grads["U"] += np.outer(du, rec["x"][t])
            grads["b"] += du
            grads["W"] += np.outer(dh, s_prev)
            grads["bW"] += dh
            grads["E"][tokens[n_seq, t]] += U.T @ du     # dL/dx_t goes to the token's row
            ds_next = W.T @ dh + ds * z                  # through the gates and the direct path
    return loss / B, {k: v / B for k, v in grads.items()}
