"""Bulk text -> padded id matrix, the fast path used for the 50,000 IMDb reviews."""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain

import numpy as np

from rnnviz.text import translate

from .errors import LoadCancelled
from .sequences import pad_ragged
from .tokenize import text_to_words
from .vocab import OOV_ID, START_ID, Vocab

_CHUNK = 2000  # reviews between cancel checks / progress reports


class _Lookup(dict):
    """word -> id dict whose [] gives OOV_ID for unknown words (map() over it runs in C for known words)."""

    def __missing__(self, word: str) -> int:
        return OOV_ID


def tokenize_all(texts: Sequence[str], stage: str, progress: Callable[[str, int, int], None] | None = None,
                 cancel: threading.Event | None = None) -> list[list[str]]:
    """text_to_words for every text, reporting progress(stage, done, total) and honouring cancel."""
    out: list[list[str]] = []
    for i in range(0, len(texts), _CHUNK):
        if cancel is not None and cancel.is_set():
            raise LoadCancelled(translate("DataErrors", "loading the IMDb reviews was cancelled"))
        out.extend(map(text_to_words, texts[i:i + _CHUNK]))
        if progress:
            progress(stage, len(out), len(texts))
    return out


def count_words(word_lists: Sequence[list[str]]) -> Counter:
    """Total occurrences of every word (what Keras' Tokenizer ranks by)."""
    counts: Counter = Counter()
    counts.update(chain.from_iterable(word_lists))  # one C-level counting pass
    return counts


def encode_padded(word_lists: Sequence[list[str]], vocab: Vocab, maxlen: int) -> np.ndarray:
    """(N, maxlen) int32: [START] + word ids per review, 'pre' padded and truncated (Keras semantics)."""
    lookup = _Lookup((w, i) for i, w in enumerate(vocab.words))
    lengths = np.fromiter(map(len, word_lists), np.int64, len(word_lists))
    ids = np.fromiter(map(lookup.__getitem__, chain.from_iterable(word_lists)), np.int32, int(lengths.sum()))
    # Insert the start id in front of each review: positions are the review starts in `ids`.
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(lengths) else lengths
    flat = np.insert(ids, starts, START_ID)
    return pad_ragged(flat, lengths + 1, maxlen)
