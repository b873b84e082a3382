"""Atomic file replacement: write to a temporary file in the target folder, then ``os.replace`` it.

Every file rnnviz writes (encoded-data cache, model checkpoints, plot exports) goes through
``replace_atomically``, so a crash, a full disk or a killed process leaves either the old file or
none, never a half-written one that looks valid. The temporary file lives in the target's folder
because ``os.replace`` is atomic only within one file system.

A process killed outright (SIGKILL: the window cancelling its loader child, a crash, a power cut)
cannot remove its temporary file; ``remove_stale_temporaries`` sweeps such leftovers later.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def replace_atomically(path: str | os.PathLike, *, durable: bool = True,
                       file_mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `path`; write the new contents there, by name.

    When the block ends normally the temporary file is (if `durable`) flushed to disk, given
    `file_mode` (mkstemp makes it 0600) and renamed to `path`; when it raises, the temporary file is
    removed and the exception passes on. durable=False skips the fsync, for files that are only
    a cache (a damaged one is rebuilt). The folder must exist; OSError when it cannot be written.
    """
    path = Path(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if durable:
            _fsync(tmp)
        if file_mode is not None:
            os.chmod(tmp, file_mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


#: A temporary file untouched for this long belongs to a writer that died (a live one writes on).
STALE_SECONDS = 3600.0


def temporary_pattern(name: str) -> str:
    """Glob pattern of the temporary files ``replace_atomically`` makes for a target called `name`."""
    return f".{name}.*.tmp"


def remove_stale_temporaries(folder: str | os.PathLike, pattern: str, older_than: float = STALE_SECONDS) -> int:
    """Delete the files in `folder` matching `pattern` last modified over `older_than` s ago. Returns how many.

    Young files are left alone: another process may be writing one right now.
    """
    cutoff = time.time() - older_than
    removed = 0
    for leftover in Path(folder).glob(pattern):
        with contextlib.suppress(OSError):  # gone already, or not ours to delete
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
                removed += 1
    return removed


def _fsync(path: Path) -> None:
    """Flush `path`'s data to the disk, so that the rename cannot outlive the contents after a power cut."""
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
