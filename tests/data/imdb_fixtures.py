"""Generated IMDb copies in the real layouts (archive, folder) for the data tests."""
from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

# (split, label folder, id, rating, text): includes the tokeniser's edge cases.
LONG_REVIEW = " ".join(f"word{i % 37}" for i in range(3000)) + " The END."
REVIEWS = [
    ("train", "pos", 0, 9, "Bromwell High is a cartoon comedy. Great fun!<br /><br />Loved it."),
    ("train", "pos", 1, 10, "A wonderful, wonderful film: café scenes, naïve heroes — 10/10!"),
    ("train", "pos", 12, 7, LONG_REVIEW),
    ("train", "neg", 0, 3, "Terrible. Boring plot; awful acting. Not good at all."),
    ("train", "neg", 5, 1, ""),  # empty review
    ("train", "neg", 7, 4, "<br /><br /><br/>"),  # only markup
    ("test", "pos", 3, 8, "Great movie, great cast. Onlyintest appears in test only."),
    ("test", "pos", 4, 10, "Ünïcödé title ÉPIQUE, wonderful"),
    ("test", "neg", 0, 2, "Once again Mr. Costner has dragged out a movie for far longer than necessary."),
    ("test", "neg", 9, 1, "awful awful boring"),
]
UNSUP = [("train", "unsup", 0, 0, "unlabelled text must be ignored")]
META = {"aclImdb/README": "readme", "aclImdb/imdb.vocab": "the\nand\n", "aclImdb/train/urls_pos.txt": "http://x\n"}


def review_path(split: str, label: str, rid: int, rating: int) -> str:
    return f"aclImdb/{split}/{label}/{rid}_{rating}.txt"


def write_folder(root: Path, reviews=REVIEWS) -> Path:
    """An unpacked copy: root/aclImdb/<split>/<label>/<id>_<rating>.txt; returns root/aclImdb."""
    for split, label, rid, rating, text in list(reviews) + UNSUP:
        path = root / review_path(split, label, rid, rating)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, text in META.items():
        (root / name).write_text(text, encoding="utf-8")
    return root / "aclImdb"


def write_archive(path: Path, reviews=REVIEWS, mode: str = "w:gz") -> Path:
    """A Stanford-style archive at `path` (directories, metadata, unsup and reviews)."""
    entries = [(n, t) for n, t in META.items()]
    entries += [(review_path(s, lab, i, r), t) for s, lab, i, r, t in list(reviews) + UNSUP]
    with tarfile.open(path, mode) as tar:
        for folder in sorted({os.path.dirname(n) for n, _ in entries}):
            info = tarfile.TarInfo(folder)
            info.type = tarfile.DIRTYPE
            tar.addfile(info)
        for name, text in sorted(entries):
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


