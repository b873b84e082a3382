"""On-disk cache of encoded datasets: one uncompressed .npz per (source content, settings).

Key: a fingerprint of the source plus the settings and the tokeniser version, so a changed
archive, a different num_words/maxlen or a tokeniser change never returns stale arrays.

Fingerprint of an archive or npz file: SHA-256 of its bytes. Hashing 28-84 MB takes ~0.1-0.3 s,
well inside the 1 s budget of a cached load, and unlike size+mtime it cannot be fooled by a
repack or a copy that kept the timestamp. An unpacked folder of 50,000 files is fingerprinted by
the sorted (name, size, mtime) of its review files instead: reading all their bytes would cost as
much as loading them, and editing a review in place changes its mtime.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

import numpy as np
import platformdirs

from .atomic import remove_stale_temporaries, replace_atomically, temporary_pattern
from .dataset import Dataset
from .reviews import label_dirs
from .vocab import Vocab

#: Encoded copies kept (about 85 MB each for the full IMDb); the least recently used go first.
KEEP_FILES = 4
#: Bump when tokenisation, vocabulary or encoding rules change: old cache files are then ignored.
CACHE_VERSION = 1


def default_cache_dir() -> Path:
    """The user cache folder of rnnviz (RNNVIZ_CACHE_DIR overrides platformdirs' user_cache_dir)."""
    return Path(os.environ.get("RNNVIZ_CACHE_DIR") or platformdirs.user_cache_dir("rnnviz"))


def fingerprint(path: Path) -> str:
    """Hex digest identifying the contents of a data file or folder (see module docstring)."""
    digest = hashlib.sha256()
    if path.is_dir():
        for entry in sorted(_review_files(path)):
            digest.update(f"{entry[0]}\0{entry[1]}\0{entry[2]}\n".encode())
        return "dir-" + digest.hexdigest()
    with open(path, "rb") as f:
        return "sha256-" + hashlib.file_digest(f, "sha256").hexdigest()


def _review_files(path: Path) -> list[tuple[str, int, int]]:
    """(split/label/name, size, mtime_ns) of every file in the labelled review folders (not unsup)."""
    out = []
    for folder in label_dirs(path):
        for entry in os.scandir(folder):
            st = entry.stat()
            out.append((f"{folder.parent.name}/{folder.name}/{entry.name}", st.st_size, st.st_mtime_ns))
    return out


def cache_key(source_fingerprint: str, **settings) -> str:
    """Short hex key from the source fingerprint, the settings and CACHE_VERSION."""
    blob = json.dumps({"src": source_fingerprint, "v": CACHE_VERSION, **settings}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / "encoded" / f"imdb-{key}.npz"


def save(path: Path, ds: Dataset) -> None:
    """Write `ds` to `path` atomically (temp file in the same folder, then os.replace)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    small = len(ds.vocab) <= np.iinfo(np.uint16).max + 1
    id_type = np.uint16 if small else np.int32  # halves the file for the usual 10,000-word vocabulary
    arrays = {
        "name": np.array(ds.name), "vocab": np.array(ds.vocab.to_json()),
        "x_train": ds.x_train.astype(id_type), "y_train": ds.y_train,
        "x_test": ds.x_test.astype(id_type), "y_test": ds.y_test,
    }
    if ds.train_ratings is not None:
        arrays["train_ratings"] = ds.train_ratings
    if ds.test_ratings is not None:
        arrays["test_ratings"] = ds.test_ratings
    if ds.test_texts is not None:
        arrays["test_text_bytes"], arrays["test_text_ends"] = _pack_texts(ds.test_texts)
    with replace_atomically(path, durable=False) as tmp, open(tmp, "wb") as f:  # a lost cache file is rebuilt
        np.savez(f, **arrays)
    _prune(path.parent)


def _prune(folder: Path, keep: int = KEEP_FILES) -> None:
    """Delete all but the `keep` most recently used cache files (load() touches the one it reads), and the
    temporary files of writers that were killed (the panel kills its loader child on cancel)."""
    sweep_temporaries(folder)
    files = sorted(folder.glob("imdb-*.npz"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in files[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()


def sweep_temporaries(folder: Path) -> None:
    """Remove the temporary cache files of killed writers (at once when the writer's process is gone:
    the window kills its loader child on Cancel, leaving tens of MB)."""
    with contextlib.suppress(OSError):
        remove_stale_temporaries(folder, temporary_pattern("imdb-*.npz"))


def load(path: Path) -> Dataset | None:
    """The cached Dataset at `path`, or None when it is missing or unreadable (then it is rebuilt)."""
    sweep_temporaries(path.parent)
    try:
        # Open the file ourselves: np.load leaks its handle when the zip is damaged.
        with open(path, "rb") as f, np.load(f, allow_pickle=False) as z:
            os.utime(path)  # mark as recently used for _prune
            texts = None
            if "test_text_bytes" in z:
                texts = _unpack_texts(z["test_text_bytes"], z["test_text_ends"])
            return Dataset(
                name=str(z["name"]), vocab=Vocab.from_json(str(z["vocab"])),
                x_train=z["x_train"].astype(np.int32), y_train=z["y_train"],
                x_test=z["x_test"].astype(np.int32), y_test=z["y_test"],
                test_texts=texts,
                test_ratings=z["test_ratings"] if "test_ratings" in z else None,
                train_ratings=z["train_ratings"] if "train_ratings" in z else None,
            )
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged cache file is not an error, just a miss
        return None


def _pack_texts(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """All texts as one UTF-8 byte array (B,) plus the end offset of each text (N,)."""
    encoded = [t.encode("utf-8") for t in texts]
    ends = np.cumsum([len(b) for b in encoded], dtype=np.int64)
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), ends


def _unpack_texts(data: np.ndarray, ends: np.ndarray) -> list[str]:
    raw = data.tobytes()
    starts = np.concatenate(([0], ends[:-1])).tolist()
    return [raw[s:e].decode("utf-8") for s, e in zip(starts, ends.tolist(), strict=True)]
