"""Small LSTM/GRU problems for the gated-cell tests (random params and batches)."""
import numpy as np

from rnnviz.core import init_params
from rnnviz.core import reference_gru, reference_lstm

V_SIZE, E_DIM, H_DIM, K_SOFTMAX, B_SIZE, T_LEN = 7, 3, 4, 3, 2, 5
REFERENCE = {"lstm": reference_lstm, "gru": reference_gru}


def make_gated_problem(cell, head, seed=0, dtype=np.float64, B=B_SIZE, T=T_LEN, H=H_DIM):
    """params (every entry perturbed, so biases and gates are all exercised), tokens (B, T), labels."""
    K = 1 if head == "binary" else K_SOFTMAX
    p = init_params(V_SIZE, E_DIM, H, output_dim=K, seed=seed, dtype=np.float64, cell=cell)
    rng = np.random.default_rng(seed + 100)
    p["E"] = rng.uniform(-1.0, 1.0, p["E"].shape)  # larger than Keras' 0.05: visible gradients
    for k in p:
        if k != "E":
            p[k] = p[k] + rng.uniform(-0.3, 0.3, p[k].shape)
    p = {k: np.ascontiguousarray(v, dtype=dtype) for k, v in p.items()}
    tokens = rng.integers(0, V_SIZE, (B, T))
    if T > 3:
        tokens[0, 1] = tokens[0, 3]  # a repeated token: its embedding gradient accumulates
    labels = rng.integers(0, 2, B) if head == "binary" else rng.integers(0, K, (B, T))
    return p, tokens, labels
