"""Save and load a ``TrainedModel`` as one ``.npz`` file: the weights as arrays plus a JSON header.

One file rather than an .npz + .json pair: a single ``os.replace`` makes the whole save atomic (a pair
can be left half-updated by a crash between the two renames), and a user moves or mails one file.
The JSON (format, version, head, output size, config, vocabulary, history) is stored as a uint8 array named
``meta.json``, so the file loads with ``allow_pickle=False``; ``unzip -p model.npz meta.json.npy`` shows it.

Version 2 records the output head: "binary" (many-to-one, V (1, H), c (1,)) or "softmax" (many-to-many,
V (K, H), c (K,), K = ``output_dim`` in the header). Version 1 files have no head: they are all binary.

Nothing but ``CheckpointError`` leaves ``load_model``: a damaged file can make zipfile, zlib, numpy and json
raise almost anything (NotImplementedError for an unknown compression method, RuntimeError for an
"encrypted" member, zlib.error, RecursionError for a deeply nested header), and every caller (the
built-in model's cache, File > Open, the startup) must be able to say "this file is damaged" and go on.

The cell ("rnn", "lstm", "gru") is the config's ``cell`` field; files saved before it existed are "rnn".
The GRU's recurrent bias is one more array, ``bW``.
"""
from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from rnnviz.data import DatasetError, Vocab
from rnnviz.data.atomic import remove_stale_temporaries, replace_atomically, temporary_pattern

from rnnviz.text import translate

from .config import ConfigError, TrainConfig
from .model import HEADS, PARAM_NAMES, TrainedModel, model_for_head
from .shapes import expected_param_shapes

FORMAT = "rnnviz-model"
FORMAT_VERSION = 2
#: Versions this code reads: 1 (binary models only, before the head was recorded) and 2.
READABLE_VERSIONS = (1, 2)
META_KEY = "meta.json"
GATED_EXTRA = ("bW",)  # the GRU's recurrent bias, beside PARAM_NAMES


def _param_names(cell: str) -> tuple[str, ...]:
    return (*PARAM_NAMES, *GATED_EXTRA) if cell == "gru" else PARAM_NAMES


class CheckpointError(Exception):
    """A model file is missing, damaged, of another version, or holds weights that do not fit its config."""


def save_model(path: str | os.PathLike, model: TrainedModel, *, overwrite: bool = True) -> Path:
    """Write `model` to `path` atomically (temporary file in the same folder, fsync, rename). Returns the path.

    Raises OSError (disk full, no permission) with nothing left behind at `path` or beside it, and
    CheckpointError (nothing written) for weights that do not fit the model's head, config and vocabulary:
    such a file could not be opened again. overwrite=False raises FileExistsError instead of replacing a
    file that is already at `path` (also one another process wrote a moment ago).
    Temporary files of writers that were killed in that folder are swept first.
    """
    path = Path(path)
    c_shape = np.shape(model.params["c"])
    head, output_dim = model.head, int(c_shape[0]) if c_shape else 0  # K: the length of c
    _check_head(head, output_dim, path.name)
    _check_params(dict(model.params), model.config, model.vocab, head, output_dim, path.name)
    meta = {"format": FORMAT, "version": FORMAT_VERSION, "head": head, "output_dim": output_dim,
            "config": model.config.to_dict(), "vocab": model.vocab.to_json(), "history": model.history}
    meta_bytes = json.dumps(meta, ensure_ascii=False, allow_nan=True).encode("utf-8")
    arrays = {name: np.ascontiguousarray(model.params[name]) for name in _param_names(model.config.cell)
              if name in model.params}  # the bag model has no W
    arrays[META_KEY] = np.frombuffer(meta_bytes, dtype=np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_temporaries(path.parent)
    with replace_atomically(path, file_mode=0o644, overwrite=overwrite) as tmp, open(tmp, "wb") as f:
        np.savez(f, **arrays)
    return path


def sweep_temporaries(folder: str | os.PathLike) -> int:
    """Remove the temporary model files (``.NAME.npz.<pid>.XXXX.tmp``) that killed writers left in `folder`."""
    try:
        return remove_stale_temporaries(folder, temporary_pattern("*.npz"))
    except OSError:  # an unreadable folder: the save itself will say what is wrong
        return 0


def load_model(path: str | os.PathLike) -> TrainedModel:
    """Read a file written by ``save_model``. Never unpickles. Raises ``CheckpointError`` saying what is wrong,
    and nothing else. The weights come back C-contiguous, whatever order the file stores them in."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(translate("ModelFiles", "no model file at {0}").format(path))
    try:
        return _load(path)
    except CheckpointError:
        raise
    except MemoryError:
        raise CheckpointError(translate("ModelFiles", "{0} is damaged or not an rnnviz model file: it "
                                        "claims arrays larger than this computer's memory").format(path.name)) from None
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, KeyError) as exc:
        # np.load raises these for a file that is truncated, not a zip, or has damaged members.
        raise CheckpointError(translate("ModelFiles", "{0} is damaged or not an rnnviz model file ({1})")
                              .format(path.name, exc)) from None
    except Exception as exc:  # noqa: BLE001 - see the module docstring: a damaged file can raise anything
        raise CheckpointError(translate("ModelFiles", "{0} is damaged or not an rnnviz model file ({1}: "
                                        "{2})").format(path.name, type(exc).__name__, exc)) from None


def _load(path: Path) -> TrainedModel:
    # Open the file ourselves: np.load leaks its handle when the zip directory is unreadable.
    with open(path, "rb") as f:
        arrays = _read_arrays(np.load(f, allow_pickle=False), path.name)
    meta = _parse_meta(arrays.pop(META_KEY), path.name)
    head, output_dim = _parse_head(meta, path.name)
    config, vocab = _parse_config_vocab(meta, path.name)
    _check_params(arrays, config, vocab, head, output_dim, path.name)
    history = meta.get("history", {})
    if not isinstance(history, dict):
        raise CheckpointError(translate("ModelFiles", "{0}: the training history is not a JSON object")
                              .format(path.name))
    return model_for_head(head, arrays, config, vocab, history)


def _read_arrays(npz, name: str) -> dict[str, np.ndarray]:
    """The weight and header arrays of an opened .npz (closed afterwards)."""
    if not isinstance(npz, np.lib.npyio.NpzFile):  # np.load gave a bare .npy array
        raise CheckpointError(translate("ModelFiles", "{0} is a single array, not an rnnviz model file "
                                        "(.npz)").format(name))
    with npz:
        # W may be absent (the bag model has none); _check_params asks for what the config needs
        missing = [n for n in (*PARAM_NAMES, META_KEY) if n not in npz.files and n != "W"]
        if missing:
            raise CheckpointError(translate("ModelFiles", "{0} is not an rnnviz model: it has no {1}")
                                  .format(name, ', '.join(missing)))
        # The kernels need C order; a file may store Fortran-ordered arrays (np.save keeps the order).
        return {key: _c_order(npz[key]) for key in (*PARAM_NAMES, *GATED_EXTRA, META_KEY) if key in npz.files}


def _c_order(a: np.ndarray) -> np.ndarray:
    """`a` in C order (a copy only when needed; unlike np.ascontiguousarray, a 0-d array stays 0-d)."""
    return a if a.flags.c_contiguous else a.copy(order="C")


def _parse_meta(raw: np.ndarray, name: str) -> dict[str, Any]:
    if raw.dtype != np.uint8 or raw.ndim != 1:
        raise CheckpointError(translate("ModelFiles", "{0}: the header is not JSON text").format(name))
    try:
        meta = json.loads(raw.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CheckpointError(translate("ModelFiles", "{0}: the header is not valid JSON ({1})")
                              .format(name, exc)) from None
    found = meta.get("format") if isinstance(meta, dict) else None
    if found != FORMAT:
        raise CheckpointError(translate("ModelFiles", "{0} is not an rnnviz model file (header format "
                                        "{1!r})").format(name, found))
    version = meta.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise CheckpointError(translate("ModelFiles", "{0} has model format version {1!r}; this rnnviz "
                                        "reads versions {2}. Retrain the model or open it "
                                        "with the rnnviz that saved it.")
                              .format(name, version, ', '.join(map(str, READABLE_VERSIONS))))
    return meta


def _parse_head(meta: dict[str, Any], name: str) -> tuple[str, int]:
    """(head, output_dim K) of the header; a version-1 file is binary (K = 1), as every model then was."""
    if meta["version"] == 1:
        return "binary", 1
    head, output_dim = meta.get("head"), meta.get("output_dim")
    if not isinstance(output_dim, int) or isinstance(output_dim, bool):
        raise CheckpointError(translate("ModelFiles", "{0}: the header's output_dim must be a whole number, "
                                        "got {1!r}").format(name, output_dim))
    _check_head(head, output_dim, name)
    return head, output_dim


def _check_head(head: Any, output_dim: int, name: str) -> None:
    """A known head with an output size it can have: binary K = 1, softmax K >= 2 classes."""
    if head not in HEADS:
        raise CheckpointError(translate("ModelFiles", "{0}: unknown output head {1!r}; rnnviz models have a "
                                        "{2} head").format(name, head, ' or '.join(map(repr, HEADS))))
    if head == "binary" and output_dim != 1:
        raise CheckpointError(translate("ModelFiles", "{0}: the binary head has one output (V (1, H), c "
                                        "(1,)), but the model has {1}").format(name, output_dim))
    if head == "softmax" and output_dim < 2:
        raise CheckpointError(translate("ModelFiles", "{0}: the softmax head needs at least 2 classes (V "
                                        "(K, H), c (K,)), but the model has {1}").format(name, output_dim))


def _parse_config_vocab(meta: dict[str, Any], name: str) -> tuple[TrainConfig, Vocab]:
    saved = meta.get("config")
    if isinstance(saved, dict) and "lr_schedule" not in saved:
        # Saved before the field existed, when every run used a constant rate: not today's default.
        saved = {**saved, "lr_schedule": "constant"}
    try:
        config = TrainConfig.from_dict(saved)
    except (ConfigError, TypeError) as exc:
        raise CheckpointError(translate("ModelFiles", "{0}: the saved config is invalid: {1}")
                              .format(name, exc)) from None
    try:
        vocab = Vocab.from_json(meta.get("vocab"))
    except DatasetError as exc:
        raise CheckpointError(translate("ModelFiles", "{0}: the saved vocabulary is invalid: {1}")
                              .format(name, exc)) from None
    return config, vocab


def _check_params(params: dict[str, np.ndarray], config: TrainConfig, vocab: Vocab, head: str, output_dim: int,
                  name: str) -> None:
    """Weights must have the shapes the config, vocabulary and head imply, one float dtype, finite values."""
    expected = expected_param_shapes(len(vocab), config.embed_dim, config.hidden_dim, output_dim, config.cell,
                                     config.model)
    if set(params) != set(expected):
        kind = "ordinary (bag)" if config.model == "bag" else config.cell.upper()
        raise CheckpointError(translate("ModelFiles", "{0}: the {1} model needs the weights {2}, the file "
                                        "has {3}").format(name, kind, ', '.join(expected), ', '.join(params)))
    dtypes = {a.dtype for a in params.values()}
    if len(dtypes) != 1 or next(iter(dtypes)) not in (np.float32, np.float64):
        raise CheckpointError(translate("ModelFiles", "{0}: weights must all be float32 or all float64, got "
                                        "{1}").format(name, sorted(map(str, dtypes))))
    for key, shape in expected.items():
        if params[key].shape != shape:
            raise CheckpointError(translate("ModelFiles", "{0}: weight {1} has shape {2}, but the saved config "
                                            "(vocabulary {3}, embed_dim {4}, hidden_dim {5}) and the {6} head "
                                            "with output size {7} need {8}")
                                  .format(name, key, params[key].shape, len(vocab), config.embed_dim,
                                          config.hidden_dim, head, output_dim, shape))
        if not np.isfinite(params[key]).all():
            raise CheckpointError(translate("ModelFiles", "{0}: weight {1} contains NaN or infinite values")
                                  .format(name, key))
