"""Loss and accuracy of the binary head from logits, and chunked evaluation of a whole split."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

EVAL_CHUNK = 1000  # sequences per predict call: bounded memory, and a stop is seen between chunks


def bce_from_logits(logits: np.ndarray, labels: np.ndarray) -> float:
    """Mean binary cross-entropy of sigmoid(logits) against 0/1 labels, computed without overflow.

    logits, labels: (N,). Uses log(1 + e^z) - y z = max(z, 0) - y z + log1p(e^-|z|), in float64.
    """
    z = np.asarray(logits, dtype=np.float64).reshape(-1)
    y = np.asarray(labels, dtype=np.float64).reshape(-1)
    return float(np.mean(np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))))


def binary_accuracy(logits: np.ndarray, labels: np.ndarray) -> float:
    """Fraction of sequences with (logit > 0) == label. logits, labels: (N,)."""
    pred = np.asarray(logits).reshape(-1) > 0
    return float(np.mean(pred == (np.asarray(labels).reshape(-1) > 0.5)))


def evaluate(predict: Callable[[np.ndarray], np.ndarray], x: np.ndarray, y: np.ndarray,
             keep_going: Callable[[], bool] | None = None, chunk: int = EVAL_CHUNK) -> tuple[float, float] | None:
    """(loss, accuracy) of `predict` (tokens (n, T) -> logits (n,)) over x (N, T), y (N,).

    Calls `predict` on `chunk` rows at a time; returns None as soon as ``keep_going()`` is False
    (a stop request), which is asked before every chunk.
    """
    logits = np.empty(len(y), dtype=np.float64)
    for start in range(0, len(y), chunk):
        if keep_going is not None and not keep_going():
            return None
        stop = min(start + chunk, len(y))
        logits[start:stop] = np.asarray(predict(x[start:stop])).reshape(-1)
    return bce_from_logits(logits, y), binary_accuracy(logits, y)
