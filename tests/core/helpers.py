"""Small shared fixtures-as-functions of the core tests (random params and batches)."""
import numpy as np

from rnnviz.core import init_params

# small sizes keep the finite differences and the reference quick
V_SIZE, E_DIM, H_DIM, K_SOFTMAX, B_SIZE, T_LEN = 7, 3, 4, 3, 2, 5


def make_problem(head, activation="tanh", seed=0, dtype=np.float64, B=B_SIZE, T=T_LEN,
                 scale=1.0):
    """params (with nonzero b, c so every term is exercised), tokens (B, T), labels."""
    K = 1 if head == "binary" else K_SOFTMAX
    p = init_params(V_SIZE, E_DIM, H_DIM, output_dim=K, seed=seed, dtype=np.float64)
    rng = np.random.default_rng(seed + 100)
    p["E"] = rng.uniform(-1.0, 1.0, p["E"].shape)  # larger than Keras' 0.05: visible gradients
    p["W"] = p["W"] * scale
    p["b"] = rng.uniform(-0.3, 0.3, p["b"].shape)
    p["c"] = rng.uniform(-0.3, 0.3, p["c"].shape)
    p = {k: np.ascontiguousarray(v, dtype=dtype) for k, v in p.items()}
    tokens = rng.integers(0, V_SIZE, (B, T))
    if T > 3:
        tokens[0, 1] = tokens[0, 3]  # a repeated token: its embedding gradient accumulates
    labels = rng.integers(0, 2, B) if head == "binary" else rng.integers(0, K, (B, T))
    return p, tokens, labels


def five_point_gradient(params: dict, loss, step: float = 1e-5) -> dict:
    """dL/dtheta of every entry of every array in `params` by the 5-point central stencil
    (f(-2h) - 8 f(-h) + 8 f(h) - f(2h)) / 12h, error O(h^4). loss(live_params) -> float is called
    with a copy of `params` in which one entry is moved at a time; `params` itself is not changed."""
    fd = {}
    for k, v in params.items():
        live = {kk: vv.copy() for kk, vv in params.items()}
        g = np.zeros_like(v)
        for idx in np.ndindex(v.shape):
            orig = live[k][idx]
            vals = []
            for m in (-2, -1, 1, 2):
                live[k][idx] = orig + m * step
                vals.append(loss(live))
            live[k][idx] = orig
            g[idx] = (vals[0] - 8 * vals[1] + 8 * vals[2] - vals[3]) / (12 * step)
        fd[k] = g
    return fd
