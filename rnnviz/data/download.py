"""Download the Stanford archive into the user cache folder: checksum verified, atomic, cancellable."""
from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from .atomic import remove_stale_temporaries
from .cache import default_cache_dir
from .errors import DownloadError, ImdbNotFound, LoadCancelled
from .locate import ARCHIVE_NAME, where_to_put_it

IMDB_URL = "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"
IMDB_MD5 = "7c2ac02c03563afcf9b574c7e56c153a"
IMDB_SIZE = 84_125_825
_BLOCK = 1 << 16
PART_PATTERN = ARCHIVE_NAME + ".*.part"  # the temporary names of downloads in progress

DownloadProgress = Callable[[int, int, float], None]


def download_imdb(dest_dir: str | os.PathLike | None = None, url: str = IMDB_URL, md5: str | None = IMDB_MD5,
                  progress: DownloadProgress | None = None, cancel: threading.Event | None = None,
                  timeout: float = 30.0) -> Path:
    """Fetch `url` to dest_dir/aclImdb_v1.tar.gz (default: the user cache folder) and return that path.

    The bytes go to a temporary file in the same folder, which is renamed only after the size
    (Content-Length) and the MD5 match; on any failure the temporary file is deleted, so no
    valid-looking archive is ever left behind. An existing file with the right MD5 is reused.
    progress(bytes_done, total_bytes, bytes_per_second); total is -1 when the server does not say.
    Raises ImdbNotFound when the server cannot be reached (offline), DownloadError for a broken
    or wrong download, LoadCancelled when `cancel` is set.
    """
    dest_dir = Path(dest_dir) if dest_dir is not None else default_cache_dir()
    target = dest_dir / ARCHIVE_NAME
    if target.is_file() and md5 is not None and _md5_of(target) == md5:
        return target
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(dest_dir, PART_PATTERN)  # left by a download whose process was killed
        fd, tmp = tempfile.mkstemp(dir=dest_dir, prefix=ARCHIVE_NAME + ".", suffix=".part")
    except OSError as exc:
        raise DownloadError(f"cannot write the download into {dest_dir} ({exc}); choose another folder "
                            "or download the archive yourself and give its path with --imdb PATH.") from None
    try:
        with os.fdopen(fd, "wb") as out:
            digest = _fetch(url, out, progress, cancel, timeout)
        if md5 is not None and digest != md5:
            raise DownloadError(f"the download from {url} is corrupt: its MD5 is {digest}, expected {md5}. "
                                "Nothing was kept; try again later. " + where_to_put_it())
        os.replace(tmp, target)
        return target
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _fetch(url: str, out, progress: DownloadProgress | None, cancel: threading.Event | None,
           timeout: float) -> str:
    """Stream `url` into `out`; return the MD5 hex digest of the bytes received."""
    try:
        response = urllib.request.urlopen(url, timeout=timeout)  # noqa: S310 - fixed https/http URL
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ImdbNotFound(f"cannot download the IMDb dataset from {url} ({reason}). " + where_to_put_it()) from None
    digest = hashlib.md5(usedforsecurity=False)
    done, started = 0, time.monotonic()
    with response:
        total = int(response.headers.get("Content-Length") or -1)
        try:
            while True:
                if cancel is not None and cancel.is_set():
                    raise LoadCancelled("the IMDb download was cancelled; nothing was kept")
                block = response.read(_BLOCK)
                if not block:
                    break
                out.write(block)
                digest.update(block)
                done += len(block)
                if progress:
                    progress(done, total, done / max(time.monotonic() - started, 1e-6))
        except (OSError, http.client.HTTPException) as exc:
            raise DownloadError(f"the download from {url} broke off after {done:,} bytes ({exc}); "
                                "nothing was kept, try again.") from None
    if total >= 0 and done != total:
        raise DownloadError(f"the download from {url} broke off after {done:,} of {total:,} bytes; "
                            "nothing was kept, try again.")
    return digest.hexdigest()


def _md5_of(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "md5").hexdigest()
