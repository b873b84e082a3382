"""Parameter initialisation as Keras does it for Embedding -> SimpleRNN -> Dense; W's spectrum."""
from __future__ import annotations

import numpy as np


def _glorot_uniform(rng: np.random.Generator, fan_out: int, fan_in: int) -> np.ndarray:
    """(fan_out, fan_in) uniform in +-sqrt(6 / (fan_in + fan_out)) (Keras' GlorotUniform)."""
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_out, fan_in))


def _orthogonal(rng: np.random.Generator, n: int) -> np.ndarray:
    """(n, n) orthogonal matrix as Keras' Orthogonal: Q of the QR of a normal matrix, with the
    signs of R's diagonal folded in so that the distribution is uniform (Haar)."""
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    d = np.sign(np.diag(r))
    d[d == 0] = 1.0
    return q * d


def init_params(vocab_size: int, embed_dim: int, hidden_dim: int, output_dim: int = 1,
                seed: int = 0, dtype=np.float32, cell: str = "rnn", chrono: int | None = None
                ) -> dict[str, np.ndarray]:
    """Seeded, reproducible parameters of the RNN (``cell="lstm"`` / ``"gru"``, and their ``chrono``
    gate initialisation: see gated_params).

    Returns a dict of C-contiguous arrays of ``dtype``: "E" (vocab_size, embed_dim) uniform(-0.05,
    0.05); "U" (hidden_dim, embed_dim) and "V" (output_dim, hidden_dim) Glorot-uniform; "W"
    (hidden_dim, hidden_dim) orthogonal; "b" (hidden_dim,) and "c" (output_dim,) zero.
    Values are drawn in float64 and then cast, so float32 and float64 of one seed agree.
    """
    if cell != "rnn":
        from .gated_params import init_gated_params
        return init_gated_params(vocab_size, embed_dim, hidden_dim, output_dim, seed, dtype, cell, chrono)
    if chrono is not None:
        raise ValueError("chrono initialises the gates of an LSTM or GRU; the vanilla RNN has none")
    sizes = dict(vocab_size=vocab_size, embed_dim=embed_dim, hidden_dim=hidden_dim,
                 output_dim=output_dim)
    for name, v in sizes.items():
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
            raise ValueError(f"{name} must be an integer >= 1, got {v!r}")
    dtype = np.dtype(dtype)
    if dtype not in (np.float32, np.float64):
        raise ValueError(f"dtype must be float32 or float64, got {dtype}")
    rng = np.random.default_rng(seed)
    raw = {
        "E": rng.uniform(-0.05, 0.05, size=(vocab_size, embed_dim)),
        "U": _glorot_uniform(rng, hidden_dim, embed_dim),
        "W": _orthogonal(rng, hidden_dim),
        "b": np.zeros(hidden_dim),
        "V": _glorot_uniform(rng, output_dim, hidden_dim),
        "c": np.zeros(output_dim),
    }
    return {k: np.ascontiguousarray(v, dtype=dtype) for k, v in raw.items()}


def spectral_radius(W: np.ndarray) -> float:
    """Largest |eigenvalue| of the square matrix W (> 1 lets gradients explode, < 1 vanish)."""
    W = np.asarray(W)
    if W.ndim != 2 or W.shape[0] != W.shape[1]:
        raise ValueError(f"W must be a square matrix, got shape {W.shape}")
    return float(np.max(np.abs(np.linalg.eigvals(W.astype(np.float64)))))
