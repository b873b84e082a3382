"""Raw IMDb reviews from the Stanford archive (streamed, never unpacked) or an unpacked aclImdb/ folder.

File names carry the facts we keep: ``aclImdb/<split>/<pos|neg>/<id>_<rating>.txt``.
``train/unsup`` (unlabelled) and the metadata files are skipped.
"""
from __future__ import annotations

import os
import re
import tarfile
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnnviz.text import translate

from .errors import DatasetError, LoadCancelled

_NAME = re.compile(r"(?:^|/)(train|test)/(pos|neg)/(\d+)_(\d+)\.txt$")
SPLITS = ("train", "test")
RATINGS = (1, 10)      # the star ratings IMDb reviews carry (stored as int8)
MAX_ID = 2**31 - 1     # review ids are stored as int32; the archive's run from 0 to 12,499

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Review:
    """One labelled review: split 'train'/'test', label 1 = pos, rating 1-10 from the file name."""

    split: str
    label: int
    rating: int
    id: int
    text: str


@dataclass
class ReviewSet:
    """All labelled reviews of one split in canonical order (neg then pos, by id).

    texts: N strings; labels (N,) int8 0/1; ratings (N,) int8 1-10; ids (N,) int32.
    """

    texts: list[str]
    labels: np.ndarray
    ratings: np.ndarray
    ids: np.ndarray


def parse_review_name(name: str) -> tuple[str, int, int, int] | None:
    """(split, label, id, rating) for a labelled review path, None for anything else.

    DatasetError for a review name whose rating is outside 1-10 or whose id is beyond MAX_ID: such a
    copy is not the IMDb dataset (and the numbers would not fit the arrays they are kept in).
    """
    m = _NAME.search(name.replace(os.sep, "/"))
    if m is None:
        return None
    rid, rating = int(m.group(3)), int(m.group(4))
    if not RATINGS[0] <= rating <= RATINGS[1]:
        raise DatasetError(translate("DataErrors", "review file {0} has rating {1}; IMDb review files are named "
                                     "<id>_<rating>.txt with a rating from {2} to {3}. Give the path of the original "
                                     "aclImdb_v1.tar.gz or aclImdb folder.")
                           .format(m.group(0).lstrip('/'), rating, RATINGS[0], RATINGS[1]))
    if rid > MAX_ID:
        raise DatasetError(translate("DataErrors", "review file {0} has id {1:,}, beyond the {2:,} rnnviz can keep: "
                                     "not an IMDb review file. Give the path of the original aclImdb_v1.tar.gz or "
                                     "aclImdb folder.").format(m.group(0).lstrip('/'), rid, MAX_ID))
    return m.group(1), int(m.group(2) == "pos"), rid, rating


def read_reviews(path: str | os.PathLike, progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> Iterator[Review]:
    """Yield every labelled review of an IMDb .tar(.gz) archive or unpacked aclImdb/ folder, in file order.

    progress("read", done, total) is called now and then: bytes of the archive, or files of the folder.
    Raises DatasetError (clear message) for a missing, damaged or unrecognised path.
    """
    path = Path(path)
    if path.is_dir():
        yield from _read_folder(path, progress, cancel)
    elif path.is_file():
        yield from _read_archive(path, progress, cancel)
    else:
        raise DatasetError(translate("DataErrors", "IMDb data not found at {0}: no such file or folder. Give the path "
                                     "of aclImdb_v1.tar.gz or of the unpacked aclImdb folder.").format(path))


def _decode(data: bytes) -> str:
    # The reviews are UTF-8; a stray bad byte must not stop 50,000 reviews from loading.
    return data.decode("utf-8", errors="replace")


def _read_archive(path: Path, progress: Progress | None, cancel: threading.Event | None) -> Iterator[Review]:
    total = path.stat().st_size
    try:
        with open(path, "rb") as raw, tarfile.open(fileobj=raw, mode="r|*") as tar:
            # Stream mode ('r|'): one pass through the gzip data, no member index, no seeking.
            for i, member in enumerate(tar):
                if i % 512 == 0:
                    _check_cancel(cancel)
                    if progress:
                        progress("read", raw.tell(), total)
                fact = parse_review_name(member.name) if member.isfile() else None
                if fact is None:
                    continue
                split, label, rid, rating = fact
                yield Review(split, label, rating, rid, _decode(tar.extractfile(member).read()))
            if progress:
                progress("read", total, total)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise DatasetError(translate(
            "DataErrors", "{0} is damaged or not an IMDb archive ({1}: {2}). The file may be truncated by an "
            "interrupted download: delete it and download it again, or give the path of a good aclImdb_v1.tar.gz "
            "or unpacked aclImdb folder.").format(path, type(exc).__name__, exc)) from None


def _read_folder(path: Path, progress: Progress | None, cancel: threading.Event | None) -> Iterator[Review]:
    files = [(d, e.name) for d in label_dirs(path) for e in os.scandir(d) if e.name.endswith(".txt")]
    for i, (folder, name) in enumerate(files):
        if i % 512 == 0:
            _check_cancel(cancel)
            if progress:
                progress("read", i, len(files))
        fact = parse_review_name(f"{folder.parent.name}/{folder.name}/{name}")
        if fact is None:
            continue
        split, label, rid, rating = fact
        try:
            text = _decode((folder / name).read_bytes())
        except OSError as exc:
            raise DatasetError(translate("DataErrors", "cannot read review {0}: {1}")
                               .format(folder / name, exc)) from None
        yield Review(split, label, rating, rid, text)
    if progress:
        progress("read", len(files), len(files))


def label_dirs(path: Path) -> list[Path]:
    """The existing <split>/<neg|pos> folders of an unpacked copy (`path` is aclImdb/ or holds it)."""
    root = path / "aclImdb" if (path / "aclImdb").is_dir() else path
    dirs = [root / s / lab for s in SPLITS for lab in ("neg", "pos")]
    return [d for d in dirs if d.is_dir()]


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise LoadCancelled(translate("DataErrors", "loading the IMDb reviews was cancelled"))


def collect_reviews(path: str | os.PathLike, progress: Progress | None = None,
                    cancel: threading.Event | None = None) -> dict[str, ReviewSet]:
    """Read all labelled reviews into {'train': ReviewSet, 'test': ReviewSet} in canonical order.

    Checks the contents (both splits, both labels present) instead of a checksum, because repacks
    of the archive exist. Raises DatasetError when the path does not hold the IMDb layout.
    """
    by_split: dict[str, list[Review]] = {s: [] for s in SPLITS}
    for review in read_reviews(path, progress, cancel):
        by_split[review.split].append(review)
    _check_layout(Path(path), by_split)
    return {s: _to_set(rs) for s, rs in by_split.items()}


def _check_layout(path: Path, by_split: dict[str, list[Review]]) -> None:
    for split, reviews in by_split.items():
        for label, name in ((0, "neg"), (1, "pos")):
            if not any(r.label == label for r in reviews):
                raise DatasetError(translate(
                    "DataErrors", "{0} does not look like the IMDb dataset: no reviews found under aclImdb/{1}/{2}/ "
                    "(expected files named <id>_<rating>.txt). Give the path of aclImdb_v1.tar.gz or of the unpacked "
                    "aclImdb folder.").format(path, split, name))


def _to_set(reviews: list[Review]) -> ReviewSet:
    # Canonical order makes archive and folder (whose listing order is OS-dependent) give equal data.
    reviews.sort(key=lambda r: (r.label, r.id))
    return ReviewSet(
        texts=[r.text for r in reviews],
        labels=np.fromiter((r.label for r in reviews), np.int8, len(reviews)),
        ratings=np.fromiter((r.rating for r in reviews), np.int8, len(reviews)),
        ids=np.fromiter((r.id for r in reviews), np.int32, len(reviews)),
    )
