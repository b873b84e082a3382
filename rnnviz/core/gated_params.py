"""Parameters of the gated cells: Keras' initialisation, seeded, and the checks of a parameter dict.

LSTM: U (4H, E), W (4H, H), b (4H,) in the gate order i, f, g, o; forget-gate bias 1 (Keras'
``unit_forget_bias``). GRU: U (3H, E), W (3H, H), b (3H,) input bias, bW (3H,) recurrent bias, in the
order r, z, n (Keras' ``reset_after=True`` layout). Both: E (V, E), V (K, H), c (K,) as the RNN.
"""
from __future__ import annotations

import numpy as np

from .cells import GATED_PARAM_KEYS, GATES, check_gated_cell, param_shapes
from .validate import check_arrays


def _glorot_uniform(rng, fan_out: int, fan_in: int) -> np.ndarray:
    """(fan_out, fan_in) uniform in +-sqrt(6 / (fan_in + fan_out)) (Keras' GlorotUniform)."""
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_out, fan_in))


def _orthogonal_columns(rng, rows: int, cols: int) -> np.ndarray:
    """(rows, cols) with orthonormal columns, Haar-distributed: Keras' Orthogonal initialiser of the
    recurrent kernel (H, G * H), transposed to the (G * H, H) layout used here."""
    q, r = np.linalg.qr(rng.standard_normal((rows, cols)))
    d = np.sign(np.diag(r))
    d[d == 0] = 1.0
    return q * d


def init_gated_params(vocab_size: int, embed_dim: int, hidden_dim: int, output_dim: int = 1,
                      seed: int = 0, dtype=np.float32, cell: str = "lstm",
                      chrono: int | None = None) -> dict[str, np.ndarray]:
    """Seeded parameters of an LSTM or GRU model (see the module docstring for the shapes).

    E uniform(-0.05, 0.05); U and V Glorot-uniform; W with orthonormal columns; biases zero except
    the LSTM's forget gate (1). Drawn in float64, then cast, so float32 and float64 of a seed agree.

    ``chrono=T_max`` (Tallec & Ollivier, "Can recurrent neural networks warp time?", 2018) replaces
    the gates' biases by ones that keep memories for up to T_max steps: LSTM b_f = log u,
    b_i = -b_f; GRU b_z = log u, with u ~ uniform(1, T_max - 1) per unit. With forget bias 1 an
    LSTM keeps f ~ 0.73 of its cell per step, 0.73^100 ~ 1e-14 after 100: neither the memory nor
    its gradient reaches back that far, and a task that needs them cannot start to learn.
    """
    check_gated_cell(cell)
    sizes = dict(vocab_size=vocab_size, embed_dim=embed_dim, hidden_dim=hidden_dim,
                 output_dim=output_dim)
    for name, v in sizes.items():
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
            raise ValueError(f"{name} must be an integer >= 1, got {v!r}")
    dtype = np.dtype(dtype)
    if dtype not in (np.float32, np.float64):
        raise ValueError(f"dtype must be float32 or float64, got {dtype}")
    h, gh = hidden_dim, len(GATES[cell]) * hidden_dim
    rng = np.random.default_rng(seed)
    raw = {"E": rng.uniform(-0.05, 0.05, size=(vocab_size, embed_dim)),
           "U": _glorot_uniform(rng, gh, embed_dim),
           "W": _orthogonal_columns(rng, gh, h),
           "b": np.zeros(gh)}
    if cell == "lstm":
        raw["b"][h:2 * h] = 1.0  # forget gate open at the start: the cell state is carried
    else:
        raw["bW"] = np.zeros(gh)
    raw["V"] = _glorot_uniform(rng, output_dim, h)
    raw["c"] = np.zeros(output_dim)
    if chrono is not None:
        if isinstance(chrono, bool) or not isinstance(chrono, (int, np.integer)) or chrono < 3:
            raise ValueError(f"chrono must be the longest dependency in steps, an integer >= 3, got {chrono!r}")
        keep = np.log(rng.uniform(1.0, chrono - 1.0, size=h))  # drawn last: other weights stay as without
        if cell == "lstm":
            raw["b"][h:2 * h], raw["b"][:h] = keep, -keep
        else:
            raw["b"][h:2 * h] = keep  # z near 1: s_t = (1 - z) n + z s_{t-1} keeps the old state
    return {k: np.ascontiguousarray(raw[k], dtype=dtype) for k in GATED_PARAM_KEYS[cell]}


def check_gated_params(params, cell: str) -> tuple[int, int, int, int, np.dtype]:
    """Check an LSTM or GRU parameter dict; return (V, Ed, H, K, dtype).

    Every array C-contiguous (optimizers and kernels update them in place), one float dtype
    (float32 or float64), with the shapes of ``param_shapes(cell, ...)``.
    """
    check_gated_cell(cell)
    keys = GATED_PARAM_KEYS[cell]
    if not isinstance(params, dict):
        raise ValueError(f"params must be a dict with keys {keys}, got {type(params).__name__}")
    missing = [k for k in keys if k not in params]
    if missing:
        raise ValueError(f"params is missing {missing} for the {cell.upper()} cell; expected keys "
                         f"{keys}")
    dtype = check_arrays(params, keys)
    E, W, V = params["E"], params["W"], params["V"]
    if E.ndim != 2 or W.ndim != 2 or V.ndim != 2:
        raise ValueError(f"E, W and V must be matrices, got shapes {E.shape}, {W.shape}, {V.shape}")
    nv, ne = E.shape
    h, k_out = W.shape[1], V.shape[0]
    expected = param_shapes(cell, nv, ne, h, k_out)
    for k in keys:
        if params[k].shape != expected[k]:
            raise ValueError(f"params[{k!r}] has shape {params[k].shape}, but the {cell.upper()} cell "
                             f"with E {E.shape}, hidden size {h} and {k_out} output(s) needs "
                             f"{expected[k]} (gates {', '.join(GATES[cell])} stacked in blocks of {h})")
    if min(nv, ne, h, k_out) < 1:
        raise ValueError(f"parameter sizes must be >= 1: V={nv} E={ne} H={h} K={k_out}")
    return nv, ne, h, k_out, dtype


def checked_param_keys(params) -> tuple[str, ...]:
    """The parameter names of an RNN, LSTM or GRU parameter dict, after checking the dict.

    The cell is told by the shape of W: square for the RNN, (4H, H) for the LSTM, (3H, H) with a
    recurrent bias bW for the GRU. Used where code serves every cell alike (the optimizers).
    """
    from .validate import PARAM_KEYS, check_params
    W = params.get("W") if isinstance(params, dict) else None
    if isinstance(W, np.ndarray) and W.ndim == 2 and W.shape[0] != W.shape[1]:
        cell = "gru" if "bW" in params else "lstm"
        check_gated_params(params, cell)
        return GATED_PARAM_KEYS[cell]
    check_params(params)
    return PARAM_KEYS


def recurrent_radius(W) -> float:
    """The spectral radius of the recurrence: of W (H, H) for the RNN; for a gated cell's stacked
    W (G * H, H), the largest over its gate blocks W_k (H, H)."""
    W = np.asarray(W, dtype=np.float64)
    if W.ndim != 2 or W.shape[0] % W.shape[1] != 0:
        raise ValueError(f"W must be (H, H) or gate blocks stacked as (G * H, H), got shape {W.shape}")
    h = W.shape[1]
    return max(float(np.max(np.abs(np.linalg.eigvals(W[k:k + h])))) for k in range(0, W.shape[0], h))
