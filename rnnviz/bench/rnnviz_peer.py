"""rnnviz's own training and inference steps for the benchmark (the code path the trainer uses)."""
from __future__ import annotations

import numpy as np


def make_rnnviz_steps(B: int, T: int, E: int, H: int, V: int, seed: int,
                      pool: list[np.ndarray], labels: list[np.ndarray], clip: float | None = None,
                      diagnostics: bool = True, input_path: str = "auto", cell: str = "rnn"):
    """Return (train_step, infer_step, workspace). One training step = forward + BPTT with the
    per-step diagnostics (BatchWorkspace.forward_backward) + the global gradient norm (and
    clipping if ``clip``) + an Adam update of every parameter, the embedding table included.
    ``diagnostics=False`` drops the per-step norms, only to measure what they cost;
    ``input_path`` is BatchWorkspace's (how U x_t and the E, U gradients are formed);
    ``cell`` "rnn", "lstm" or "gru" (make_workspace picks the workspace the trainer would)."""
    from rnnviz.core import clip_by_global_norm, init_params, make_optimizer, make_workspace

    params = init_params(V, E, H, output_dim=1, seed=seed, dtype=np.float32, cell=cell)
    ws = make_workspace(params, B, T, "tanh", "binary", cell=cell, diagnostics=diagnostics,
                        input_path=input_path)
    infer_ws = make_workspace(params, B, T, "tanh", "binary", cell=cell, input_path=input_path)
    opt = make_optimizer("adam", params)
    state = {"i": 0}

    def train_step():
        i = state["i"] % len(pool)
        state["i"] += 1
        loss = ws.forward_backward(pool[i], labels[i])
        clip_by_global_norm(ws.grads, clip)
        opt.step(ws.grads)
        return loss

    def infer_step():
        i = state["i"] % len(pool)
        state["i"] += 1
        return float(infer_ws.forward(pool[i])[0])

    return train_step, infer_step, ws
