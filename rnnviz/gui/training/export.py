"""Atomic file writes for the plot exports: a temporary file in the target folder, then ``os.replace``.

An interrupted export (disk full, crash, closed window) leaves either the old file or none, never a
half-written one that looks valid.
"""
from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from rnnviz.data.atomic import replace_atomically

# mkstemp creates 0600 files; an exported plot is an ordinary document, readable like any other file.
FILE_MODE = 0o644


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    with replace_atomically(path, file_mode=FILE_MODE) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def atomic_save_image(path: str | os.PathLike, image, fmt: str = "PNG") -> Path:
    """Save a ``QImage`` atomically (Qt writes the temporary file, we rename it)."""
    path = Path(path)
    with replace_atomically(path, file_mode=FILE_MODE) as tmp:
        # Qt picks the encoder from ``fmt``, so the temporary name may end in ".tmp".
        if not image.save(str(tmp), fmt):
            raise OSError(f"could not write the {fmt} image to {path.parent} (is the disk full or read-only?)")
    return path


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """CSV text of a table; NaN and None become empty cells, floats keep full precision."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buf.getvalue().encode("utf-8")


def atomic_write_csv(path: str | os.PathLike, header: Sequence[str], rows: Iterable[Sequence]) -> Path:
    return atomic_write_bytes(path, csv_bytes(header, rows))


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return "" if math.isnan(v) else repr(v)
    if hasattr(v, "item"):  # numpy scalar
        return _cell(v.item())
    return str(v)

