"""``pad_sequences`` with the semantics of ``keras.utils.pad_sequences`` (vectorised)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def pad_sequences(seqs: Sequence[Sequence[int]], maxlen: int | None = None, padding: str = "pre",
                  truncating: str = "pre", value: int = 0, dtype=np.int32) -> np.ndarray:
    """Pad/truncate variable-length id lists into one (N, maxlen) array, as Keras does.

    truncating='pre' keeps the *last* maxlen ids, 'post' the first ones; padding='pre' puts the
    `value` fill before the ids, 'post' after. maxlen None -> the longest sequence. Empty
    sequences become rows of `value`.
    """
    _check_modes(padding, truncating)
    lengths = np.fromiter((len(s) for s in seqs), dtype=np.int64, count=len(seqs))
    if maxlen is None:
        maxlen = int(lengths.max()) if lengths.size else 0
    if maxlen < 0:
        raise ValueError(f"maxlen must be >= 0, got {maxlen}")
    flat = np.fromiter((t for s in seqs for t in s), dtype=np.int64, count=int(lengths.sum()))
    return pad_ragged(flat, lengths, maxlen, padding, truncating, value, dtype)


def pad_ragged(flat: np.ndarray, lengths: np.ndarray, maxlen: int, padding: str = "pre",
               truncating: str = "pre", value: int = 0, dtype=np.int32) -> np.ndarray:
    """pad_sequences for sequences given concatenated: flat (sum(lengths),) and lengths (N,).

    Returns (N, maxlen). This is the fast path for 50,000 reviews: no per-review Python loop.
    """
    _check_modes(padding, truncating)
    out = np.full((len(lengths), maxlen), value, dtype=dtype)
    if maxlen == 0 or flat.size == 0:
        return out
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    kept = np.minimum(lengths, maxlen)
    # First source index of each row: 'pre' truncation drops the head, 'post' drops the tail.
    src0 = starts + (lengths - kept if truncating == "pre" else 0)
    col0 = maxlen - kept if padding == "pre" else np.zeros_like(kept)
    # Each kept element moves by a per-row constant: flat index -> position in out.ravel().
    shift = np.arange(len(lengths)) * maxlen + col0 - src0
    src = np.arange(int(kept.sum())) - np.repeat(np.cumsum(kept) - kept, kept) + np.repeat(src0, kept)
    out.reshape(-1)[src + np.repeat(shift, kept)] = flat[src]
    return out


def _check_modes(padding: str, truncating: str) -> None:
    if padding not in ("pre", "post") or truncating not in ("pre", "post"):
        raise ValueError(f"padding and truncating must be 'pre' or 'post', got {padding!r}, {truncating!r}")
