"""Atomic file replacement: write to a temporary file in the target folder, then ``os.replace`` it.

Every file rnnviz writes (encoded-data cache, model checkpoints, plot exports) goes through
``replace_atomically``, so a crash, a full disk or a killed process leaves either the old file or
none, never a half-written one that looks valid. The temporary file lives in the target's folder
because ``os.replace`` is atomic only within one file system.

A process killed outright (SIGKILL: the window cancelling its loader child, a crash, a power cut)
cannot remove its temporary file; ``remove_stale_temporaries`` sweeps such leftovers later. The
temporary name carries the writer's process id (``.NAME.<pid>.XXXXXXXX.tmp``), so a leftover of a
process that no longer exists is swept at once, not only after STALE_SECONDS.
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def replace_atomically(path: str | os.PathLike, *, durable: bool = True,
                       file_mode: int | None = None, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `path`; write the new contents there, by name.

    When the block ends normally the temporary file is (if `durable`) flushed to disk, given
    `file_mode` (mkstemp makes it 0600) and renamed to `path`; when it raises, the temporary file is
    removed and the exception passes on. durable=False skips the fsync, for files that are only
    a cache (a damaged one is rebuilt). overwrite=False never replaces an existing `path`: the new
    file is hard-linked into place, which fails with FileExistsError when another writer got there
    first (a check before an ``os.replace`` could not see a file that appears in between).
    The folder must exist; OSError when it cannot be written.
    """
    path = Path(path)
    tmp = None
    # mkstemp inside the try: a KeyboardInterrupt right after it made the file must still remove it
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=temporary_prefix(path.name), suffix=".tmp")
        tmp = Path(name)
        os.close(fd)
        yield tmp
        if durable:
            _fsync(tmp)
        if file_mode is not None:
            os.chmod(tmp, file_mode)
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise


def _link_new(tmp: Path, path: Path) -> None:
    """Give the finished `tmp` the name `path` only if no file has it; FileExistsError otherwise."""
    try:
        os.link(tmp, path)
    except OSError as exc:
        if exc.errno in (errno.EEXIST,) or path.exists():
            raise FileExistsError(errno.EEXIST, "a file of that name exists already", str(path)) from None
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links (FAT, some network shares): exclusive create, then rename.
        # The name is claimed atomically; only its contents appear an instant later.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(tmp, path)
    else:
        tmp.unlink()


#: A temporary file untouched for this long belongs to a writer that died (a live one writes on).
STALE_SECONDS = 3600.0


def temporary_prefix(name: str) -> str:
    """Start of the temporary names for a target called `name`: ``.NAME.<pid>.`` (mkstemp adds the rest)."""
    return f".{name}.{os.getpid()}."


def temporary_pattern(name: str) -> str:
    """Glob pattern of the temporary files ``replace_atomically`` makes for a target called `name`."""
    return f".{name}.*.tmp"


# The writer's pid sits between the target's name and mkstemp's random part (which has no dots).
_WRITER_PID = re.compile(r"\.(\d+)\.[^.]+\.[^.]+$")


def writer_is_gone(name: str) -> bool:
    """True when the temporary file `name` records the pid of a process that no longer exists.

    False when it records none (an older rnnviz), the process lives, or this system cannot tell.
    """
    match = _WRITER_PID.search(name)
    if match is None or os.name != "posix":  # os.kill(pid, 0) would kill the process on Windows
        return False
    pid = int(match.group(1))
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError):  # alive but not ours (EPERM), or not a pid at all
        return False
    return False


def remove_stale_temporaries(folder: str | os.PathLike, pattern: str, older_than: float = STALE_SECONDS) -> int:
    """Delete the files in `folder` matching `pattern` whose writer is gone or that are over `older_than` s old.

    Returns how many. A young file of a live process is left alone: it is being written right now.
    """
    cutoff = time.time() - older_than
    removed = 0
    for leftover in Path(folder).glob(pattern):
        with contextlib.suppress(OSError):  # gone already, or not ours to delete
            if writer_is_gone(leftover.name) or leftover.stat().st_mtime < cutoff:
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
