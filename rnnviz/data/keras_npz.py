"""Keras' imdb.npz (word ranks per review) plus imdb_word_index.json, read without unpickling.

Supported layouts of the npz (each key for split in 'train', 'test'; ids are Keras' raw word
ranks, 1 = most frequent word, exactly what the file Keras downloads holds):

* ``x_<split>``: object array of lists of ints -- the real Keras file. numpy stores such arrays
  as a pickle stream; we never unpickle it but decode it with :mod:`rnnviz.data.pickle_ints`,
  which reads only lists of integers and refuses anything else.
* ``x_<split>``: 2-D integer array (N, L), 0 = padding (e.g. after pad_sequences), or
* ``x_<split>_ids`` (sum of lengths,) + ``x_<split>_lengths`` (N,) integer arrays: ragged, pickle-free.
* ``y_<split>``: (N,) labels 0/1.

Keras' load_data conventions are applied: id = rank + 3 (index_from), a start id 1 in front,
ids >= num_words become 2 (out of vocabulary), shuffled with RandomState(113) as Keras does. A rank
the word index has no word for (Keras' own file uses a few) is out of vocabulary too.

A damaged or hostile file gets a DatasetError, never another exception: members larger than
MAX_MEMBER_BYTES and splits of more than MAX_WORDS_PER_SPLIT words (a few KB of pickle can repeat one
list 25,000 times) are refused before they are expanded.
"""
from __future__ import annotations

import json
import os
import zipfile
import zlib
from pathlib import Path

import numpy as np

from rnnviz.text import translate

from .dataset import Dataset
from .errors import DatasetError
from .pickle_ints import MAX_WORDS_PER_SPLIT, read_object_npy
from .sequences import pad_ragged
from .vocab import OOV_ID, START_ID, Vocab

INDEX_FROM = 3
WORD_INDEX_NAME = "imdb_word_index.json"
KERAS_SEED = 113
#: Largest uncompressed member read (Keras' real imdb.npz members are under 60 MB).
MAX_MEMBER_BYTES = 1 << 30
#: Largest word rank accepted (Keras' file has under 90,000 words; this keeps id arithmetic in range).
MAX_RANK = 1 << 31


def is_npz(path: Path) -> bool:
    """True for a zip file (an .npz), judged by its first bytes, not its name."""
    if not path.is_file():
        return False
    with open(path, "rb") as f:
        return f.read(4) == b"PK\x03\x04"


def find_word_index(npz_path: Path, explicit: str | os.PathLike | None = None) -> Path | None:
    """imdb_word_index.json: `explicit`, beside the npz, or in ~/.keras/datasets/."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise DatasetError(translate("DataErrors", "word index {0} does not exist (expected Keras' {1})")
                               .format(path, WORD_INDEX_NAME))
        return path
    for path in (npz_path.parent / WORD_INDEX_NAME, Path.home() / ".keras" / "datasets" / WORD_INDEX_NAME):
        if path.is_file():
            return path
    return None


def load_word_index(path: Path) -> dict[str, int]:
    """word -> rank from Keras' imdb_word_index.json; DatasetError when it is not such a file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatasetError(translate("DataErrors", "cannot read the word index {0}: {1}").format(path, exc)) from None
    if not isinstance(data, dict) or not all(isinstance(v, int) for v in data.values()):
        raise DatasetError(translate("DataErrors", "{0} is not a Keras word index (a JSON object word -> "
                                     "rank)").format(path))
    return data


def load_keras_npz(path: Path, num_words: int = 10000, maxlen: int = 500,
                   word_index_path: str | os.PathLike | None = None) -> Dataset:
    """Dataset from a Keras-style imdb.npz (see module docstring for the supported layouts)."""
    index_file = find_word_index(path, word_index_path)
    if index_file is None:
        raise DatasetError(
            translate("DataErrors", "{0} holds word numbers only; to show words rnnviz needs Keras' {1} "
                      "next to it (Keras downloads it to ~/.keras/datasets/; URL "
                      "https://storage.googleapis.com/tensorflow/tf-keras-datasets/imdb_word_index.json).")
            .format(path, WORD_INDEX_NAME))
    vocab = Vocab.from_keras_word_index(load_word_index(index_file), num_words, INDEX_FROM)
    try:
        with open(path, "rb") as f, np.load(f, allow_pickle=False) as z:  # own handle: closed on errors too
            _check_member_sizes(z.zip, path)
            splits = {s: _read_split(z, path, s) for s in ("train", "test")}
    except DatasetError:
        raise
    except MemoryError:
        raise DatasetError(translate("DataErrors", "{0} holds more data than fits in memory: not Keras' "
                                     "imdb.npz").format(path)) from None
    except (OSError, ValueError, zipfile.BadZipFile, EOFError, zlib.error, KeyError, OverflowError,
            NotImplementedError, RuntimeError) as exc:
        # zlib.error: a damaged compressed member; NotImplementedError/RuntimeError: an unknown compression
        # method or an "encrypted" member; KeyError, OverflowError: members or values not as numpy wrote them
        raise DatasetError(translate("DataErrors", "{0} is damaged or not a Keras imdb.npz ({1}: {2}). "
                                     "Download it again or use the Stanford aclImdb_v1.tar.gz "
                                     "instead.").format(path, type(exc).__name__, exc)) from None
    rng = np.random.RandomState(KERAS_SEED)  # Keras' own order: one generator, train then test
    arrays = {}
    for split, (ranks, lengths, y) in splits.items():
        x = _keras_encode(ranks, lengths, min(num_words, len(vocab)), maxlen)
        order = np.arange(len(y))
        rng.shuffle(order)
        arrays[split] = (x[order], y[order])
    return Dataset(name="imdb", vocab=vocab, x_train=arrays["train"][0], y_train=arrays["train"][1],
                   x_test=arrays["test"][0], y_test=arrays["test"][1])


def _check_member_sizes(zf: zipfile.ZipFile, path: Path) -> None:
    """Refuse members that would expand beyond MAX_MEMBER_BYTES (a zip bomb) before any is read."""
    for info in zf.infolist():
        if info.file_size > MAX_MEMBER_BYTES:
            raise DatasetError(translate("DataErrors", "{0}: member {1} would expand to {2:,.1f} GB (more "
                                         "than {3:.1f} GB): not Keras' imdb.npz")
                               .format(path, info.filename, info.file_size / 1e9, MAX_MEMBER_BYTES / 1e9))


def _read_split(z, path: Path, split: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ranks flat, lengths (N,), labels (N,) float32) of one split."""
    x_key, y_key = f"x_{split}", f"y_{split}"
    if f"{x_key}_ids" in z.files and f"{x_key}_lengths" in z.files:
        ranks, lengths = _int_array(z, path, f"{x_key}_ids"), _int_array(z, path, f"{x_key}_lengths")
        if lengths.ndim != 1 or (lengths < 0).any() or lengths.sum() != ranks.size:
            raise DatasetError(translate("DataErrors", "{0}: {1}_lengths does not add up to the size of "
                                         "{2}_ids").format(path, x_key, x_key))
    elif x_key in z.files:
        ranks, lengths = _read_x(z, path, x_key)
    else:
        raise DatasetError(translate("DataErrors", "{0} has no '{1}' array: not a Keras imdb.npz (it has "
                                     "{2})").format(path, x_key, z.files))
    if y_key not in z.files:
        raise DatasetError(translate("DataErrors", "{0} has no '{1}' array: not a Keras imdb.npz")
                           .format(path, y_key))
    y = z[y_key]
    if y.shape != lengths.shape or not np.isin(y, (0, 1)).all():
        raise DatasetError(translate("DataErrors", "{0}: '{1}' must hold one 0/1 label per review")
                           .format(path, y_key))
    if ranks.size and ranks.min() < 1:
        raise DatasetError(translate("DataErrors", "{0}: '{1}' holds word numbers below 1; Keras ranks "
                                     "start at 1").format(path, x_key))
    if ranks.size and ranks.max() > MAX_RANK:
        raise DatasetError(translate("DataErrors", "{0}: '{1}' holds word number {2:,}; Keras' ranks are "
                                     "below {3:,}").format(path, x_key, int(ranks.max()), MAX_RANK))
    if ranks.size > MAX_WORDS_PER_SPLIT:
        raise DatasetError(translate("DataErrors", "{0}: '{1}' holds {2:,} words, more than the {3:,} "
                                     "rnnviz reads per split: not Keras' imdb.npz")
                           .format(path, x_key, ranks.size, MAX_WORDS_PER_SPLIT))
    return ranks, lengths, y.astype(np.float32)


def _int_array(z, path: Path, key: str) -> np.ndarray:
    """An integer member as int64; a uint64 above int64's range is refused, not wrapped to a negative."""
    a = z[key]
    if a.dtype.kind not in "iu":
        raise DatasetError(translate("DataErrors", "{0}: '{1}' must hold integers, got {2}")
                           .format(path, key, a.dtype))
    if a.dtype == np.uint64 and a.size and a.max() > np.iinfo(np.int64).max:
        raise DatasetError(translate("DataErrors", "{0}: '{1}' holds a number too large to be a word rank")
                           .format(path, key))
    return a.astype(np.int64)


def _read_x(z, path: Path, key: str) -> tuple[np.ndarray, np.ndarray]:
    try:
        x = z[key]
    except ValueError:  # object array: numpy refuses it without pickle, so decode it ourselves
        return read_object_npy(_member_bytes(z.zip, key), f"{path}:{key}")
    if x.ndim != 2 or x.dtype.kind not in "iu":
        raise DatasetError(translate("DataErrors", "{0}: '{1}' must be a 2-D integer array or Keras' lists; "
                                     "got {2} {3}").format(path, key, x.dtype, x.shape))
    if x.dtype == np.uint64 and x.size and x.max() > np.iinfo(np.int64).max:
        raise DatasetError(translate("DataErrors", "{0}: '{1}' holds a number too large to be a word rank")
                           .format(path, key))
    keep = x != 0  # 0 is padding in a padded matrix
    return x[keep].astype(np.int64), keep.sum(axis=1)


def _member_bytes(zf: zipfile.ZipFile, key: str) -> bytes:
    """The raw .npy bytes of member `key` (numpy finds 'x_train' stored as x_train.npy or plain x_train)."""
    names = set(zf.namelist())
    return zf.read(key + ".npy" if key + ".npy" in names else key)


def _keras_encode(ranks: np.ndarray, lengths: np.ndarray, num_words: int, maxlen: int) -> np.ndarray:
    """(N, maxlen) ids; num_words: ids from here on are out of vocabulary (at most the vocabulary's size)."""
    ids = ranks + INDEX_FROM
    ids[ids >= num_words] = OOV_ID
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(lengths) else lengths
    return pad_ragged(np.insert(ids, starts, START_ID), lengths + 1, maxlen)
