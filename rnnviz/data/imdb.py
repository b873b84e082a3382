"""load_imdb: the IMDb dataset from any supported copy, encoded and cached."""
from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from rnnviz.text import translate

from . import cache
from .dataset import Dataset
from .encode import count_words, encode_padded, tokenize_all
from .errors import ImdbNotFound
from .keras_npz import find_word_index, is_npz, load_keras_npz
from .locate import find_imdb, where_to_put_it
from .reviews import collect_reviews
from .vocab import Vocab

#: Keras' imdb.load_data shuffles with seed 113; we do too, so any slice (e.g. the last 20 %
#: Keras takes for validation_split) is class-balanced instead of all positive.
SHUFFLE_SEED = 113

Progress = Callable[[str, int, int], None]


def load_imdb(path: str | os.PathLike | None = None, num_words: int = 10000, maxlen: int = 500,
              cache_dir: str | os.PathLike | None = None, progress: Progress | None = None,
              cancel: threading.Event | None = None, *, use_cache: bool = True,
              word_index_path: str | os.PathLike | None = None) -> Dataset:
    """Load IMDb from the Stanford .tar.gz, an unpacked aclImdb/ folder or a Keras imdb.npz.

    path None -> find_imdb() (never downloads; see download_imdb). The vocabulary is the
    num_words-3 most frequent training words; sequences are 'pre' padded/truncated to maxlen.
    Train and test are shuffled with SHUFFLE_SEED. Results are cached in
    `cache_dir`/encoded (default: the user cache folder) keyed by the source contents and the
    settings. progress(stage, done, total) with stages 'hash', 'read', 'tokenise', 'encode',
    'cache'; cancel (threading.Event) raises LoadCancelled within about 2,000 reviews.
    """
    if num_words < 4 or maxlen < 1:
        raise ValueError(f"num_words must be >= 4 and maxlen >= 1, got {num_words} and {maxlen}")
    source = _resolve(path)
    cache_file = None
    if use_cache:
        _report(progress, "hash", 0, 1)
        cache_file = _cache_file(source, num_words, maxlen, cache_dir, word_index_path)
        cached = cache.load(cache_file)
        if cached is not None:
            _report(progress, "cache", 1, 1)
            return cached
    if is_npz(source):
        ds = load_keras_npz(source, num_words, maxlen, word_index_path)
    else:
        ds = _load_reviews(source, num_words, maxlen, progress, cancel)
    if cache_file is not None:
        with contextlib.suppress(OSError):  # a read-only cache folder must not stop training
            cache.save(cache_file, ds)
    _report(progress, "cache", 1, 1)
    return ds


def is_cached(path: str | os.PathLike | None = None, num_words: int = 10000, maxlen: int = 500,
              cache_dir: str | os.PathLike | None = None, *,
              word_index_path: str | os.PathLike | None = None) -> bool:
    """True when load_imdb with these arguments would read its encoded arrays from the cache.

    Quick (it hashes the source, ~0.1-0.3 s for the archive, but reads no reviews), so a caller
    can decide whether a slow, separate tokenising step is needed. False when the cache file is
    missing; a cache file that exists but is damaged still counts (load_imdb then rebuilds it).
    Raises ImdbNotFound like load_imdb when no copy of the dataset is found.
    """
    if num_words < 4 or maxlen < 1:
        raise ValueError(f"num_words must be >= 4 and maxlen >= 1, got {num_words} and {maxlen}")
    return _cache_file(_resolve(path), num_words, maxlen, cache_dir, word_index_path).is_file()


def _cache_file(source: Path, num_words: int, maxlen: int, cache_dir, word_index_path) -> Path:
    """Where the encoded arrays of `source` with these settings are cached (the file may not exist)."""
    key = cache.cache_key(cache.fingerprint(source), num_words=num_words, maxlen=maxlen,
                          word_index=_word_index_fingerprint(source, word_index_path))
    return cache.cache_path(Path(cache_dir) if cache_dir else cache.default_cache_dir(), key)


def _resolve(path: str | os.PathLike | None) -> Path:
    found = find_imdb(path)
    if found is None:
        raise ImdbNotFound(translate("DataErrors", "No copy of the IMDb dataset was found.") + " " + where_to_put_it())
    return found


def _word_index_fingerprint(source: Path, word_index_path) -> str | None:
    """For an npz the word index decides the decoded words, so it is part of the cache key."""
    if not is_npz(source):
        return None
    found = find_word_index(source, word_index_path)
    return cache.fingerprint(found) if found else None


def _report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress:
        progress(stage, done, total)


@contextlib.contextmanager
def _no_gc():
    """Pause the cyclic GC: millions of new word lists would trigger ~1 s of pointless collections."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_reviews(source: Path, num_words: int, maxlen: int, progress: Progress | None,
                  cancel: threading.Event | None) -> Dataset:
    with _no_gc():
        sets = collect_reviews(source, progress, cancel)
        train, test = sets["train"], sets["test"]
        train_words = tokenize_all(train.texts, "tokenise", progress, cancel)
        test_words = tokenize_all(test.texts, "tokenise", progress, cancel)
        vocab = Vocab.from_counts(count_words(train_words), num_words)  # training words only
        _report(progress, "encode", 0, 2)
        x_train = encode_padded(train_words, vocab, maxlen)
        x_test = encode_padded(test_words, vocab, maxlen)
        _report(progress, "encode", 2, 2)
        del train_words, test_words
    p_train = np.random.default_rng(SHUFFLE_SEED).permutation(len(train.texts))
    p_test = np.random.default_rng(2 * SHUFFLE_SEED).permutation(len(test.texts))
    return Dataset(
        name="imdb", vocab=vocab,
        x_train=x_train[p_train], y_train=train.labels[p_train].astype(np.float32),
        x_test=x_test[p_test], y_test=test.labels[p_test].astype(np.float32),
        test_texts=[test.texts[i] for i in p_test],
        test_ratings=test.ratings[p_test].astype(np.int8),
        train_ratings=train.ratings[p_train].astype(np.int8),
    )
