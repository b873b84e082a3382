"""Download the Stanford archive into the user cache folder: checksum verified, atomic, cancellable.

Whatever the server does (stalls before or after the headers, drips a byte every few seconds, sends more
than it announced, cuts the connection), the download either completes or ends with a clear error within
about ``watchdog.POLL_S`` of a Cancel, ``timeout`` seconds of silence, or ``rate_window`` seconds below ``min_rate``;
see ``rnnviz.data.watchdog``. The disk filling up is reported as the disk, not as the network.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import http.client
import os
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from rnnviz.text import translate

from .atomic import remove_stale_temporaries
from .cache import default_cache_dir
from .errors import DownloadError, ImdbNotFound, LoadCancelled
from .locate import ARCHIVE_NAME, where_to_put_it
from .watchdog import Watchdog

IMDB_URL = "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"
IMDB_MD5 = "7c2ac02c03563afcf9b574c7e56c153a"
IMDB_SIZE = 84_125_825
_BLOCK = 1 << 16
PART_PATTERN = ARCHIVE_NAME + ".*.part"  # the temporary names of downloads in progress
#: Slower than this over RATE_WINDOW_S and the download is given up: the 84 MB would take over 1.5 hours.
MIN_RATE = 16_000  # bytes per second
RATE_WINDOW_S = 60.0
#: A server that sends more than this is not sending the archive (it would fill the disk).
MAX_BYTES = 2 * IMDB_SIZE

DownloadProgress = Callable[[int, int, float], None]


def download_imdb(dest_dir: str | os.PathLike | None = None, url: str = IMDB_URL, md5: str | None = IMDB_MD5,
                  progress: DownloadProgress | None = None, cancel: threading.Event | None = None,
                  timeout: float = 30.0, min_rate: float = MIN_RATE, rate_window: float = RATE_WINDOW_S,
                  max_bytes: int = MAX_BYTES) -> Path:
    """Fetch `url` to dest_dir/aclImdb_v1.tar.gz (default: the user cache folder) and return that path.

    The bytes go to a temporary file in the same folder, which is renamed only after the size
    (Content-Length) and the MD5 match; on any failure the temporary file is deleted, so no
    valid-looking archive is ever left behind. An existing file with the right MD5 is reused.
    progress(bytes_done, total_bytes, bytes_per_second); total is -1 when the server does not say.
    Raises ImdbNotFound when the server cannot be reached (offline), DownloadError for a broken,
    stalled (no byte for `timeout` s), crawling (below `min_rate` bytes/s over `rate_window` s), oversized
    or wrong download or a full disk, LoadCancelled within about POLL_S s of `cancel` being set.
    """
    dest_dir = Path(dest_dir) if dest_dir is not None else default_cache_dir()
    target = dest_dir / ARCHIVE_NAME
    if target.is_file() and md5 is not None and _md5_of(target) == md5:
        return target
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(dest_dir, PART_PATTERN)  # left by a download whose process was killed
        # The pid in the name lets a later download sweep the leftover of a killed one at once.
        fd, tmp = tempfile.mkstemp(dir=dest_dir, prefix=f"{ARCHIVE_NAME}.{os.getpid()}.", suffix=".part")
    except OSError as exc:
        raise DownloadError(translate("DataErrors", "cannot write the download into {0} ({1}); choose another folder "
                                      "or download the archive yourself and give its path with --imdb PATH.")
                            .format(dest_dir, exc)) from None
    try:
        with os.fdopen(fd, "wb") as out, Watchdog(cancel, timeout, min_rate, rate_window) as watchdog:
            digest = _fetch(url, out, progress, watchdog, timeout, max_bytes, dest_dir)
        if md5 is not None and digest != md5:
            raise DownloadError(translate("DataErrors", "the download from {0} is corrupt: its MD5 is {1}, expected "
                                          "{2}. Nothing was kept; try again later.").format(url, digest, md5)
                                + " " + where_to_put_it())
        os.replace(tmp, target)
        return target
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _fetch(url: str, out, progress: DownloadProgress | None, watchdog: Watchdog, timeout: float,
           max_bytes: int, folder: Path) -> str:
    """Stream `url` into `out` (a file in `folder`); return the MD5 hex digest of the bytes received."""
    try:
        response = _opener(watchdog).open(url, timeout=timeout)
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        _raise_if_watchdog(watchdog, url)
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):  # the socket's own timeout beat the watchdog to it
            raise DownloadError(_stalled(url, timeout, 0)) from None
        raise ImdbNotFound(translate("DataErrors", "cannot download the IMDb dataset from {0} ({1}).")
                           .format(url, reason)
                           + " " + where_to_put_it()) from None
    digest = hashlib.md5(usedforsecurity=False)
    done, started = 0, time.monotonic()
    with response:
        # http.client's own parse: None for a missing or nonsensical Content-Length (a lying server)
        total = response.length if response.length is not None else -1
        while True:
            if watchdog.cancel is not None and watchdog.cancel.is_set():  # between reads: no need to wait for it
                raise LoadCancelled(translate("DataErrors", "the IMDb download was cancelled; nothing was kept"))
            try:
                # read1: whatever has arrived (up to a block), so progress and the watchdog see every byte
                block = response.read1(_BLOCK)
            except (OSError, ValueError, http.client.HTTPException) as exc:
                _raise_if_watchdog(watchdog, url)
                if isinstance(exc, TimeoutError):
                    raise DownloadError(_stalled(url, timeout, done)) from None
                raise DownloadError(translate("DataErrors", "the download from {0} broke off after {1:,} bytes ({2}); "
                                              "nothing was kept, try again.").format(url, done, exc)) from None
            if not block:
                break
            _write(out, block, done, total, folder)
            digest.update(block)
            done += len(block)
            watchdog.received(done)
            if done > max_bytes:
                raise DownloadError(translate("DataErrors", "the server at {0} sent more than {1:,} bytes, far more "
                                              "than the archive; nothing was kept.").format(url, max_bytes)
                                    + " " + where_to_put_it())
            if progress:
                progress(done, total, done / max(time.monotonic() - started, 1e-6))
    _raise_if_watchdog(watchdog, url)  # the watchdog's shutdown looks like an end of data
    if total >= 0 and done != total:
        raise DownloadError(translate("DataErrors", "the download from {0} broke off after {1:,} of {2:,} bytes; "
                                      "nothing was kept, try again.").format(url, done, total))
    return digest.hexdigest()


def _write(out, block: bytes, done: int, total: int, folder: Path) -> None:
    """Write one block; a full disk says it is the disk (the network was fine)."""
    try:
        out.write(block)
    except OSError as exc:
        need = translate("DataErrors", " (the archive needs {0:,.0f} MB)").format(total / 1e6) if total > 0 else ""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DownloadError(translate("DataErrors", "the disk holding {0} is full after {1:,} bytes{2}; nothing "
                                          "was kept. Free some space or choose another folder.")
                                .format(folder, done, need)) from None
        raise DownloadError(translate("DataErrors", "cannot write the download into {0} ({1}); nothing was kept.")
                            .format(folder, exc)) from None


def _raise_if_watchdog(watchdog: Watchdog, url: str) -> None:
    """Turn the watchdog's reason for ending the connection into the error the user reads."""
    if watchdog.reason == "cancelled":
        raise LoadCancelled(translate("DataErrors", "the IMDb download was cancelled; nothing was kept"))
    if watchdog.reason == "stalled":
        raise DownloadError(_stalled(url, watchdog.stall_s, watchdog.done))
    if watchdog.reason == "slow":
        raise DownloadError(translate("DataErrors", "the download from {0} is too slow (under {1:g} kB/s for {2:g} s, "
                                      "{3:,} bytes so far); nothing was kept. Try again later or on another network.")
                            .format(url, watchdog.min_rate / 1000, watchdog.window_s, watchdog.done)
                            + " " + where_to_put_it())


def _stalled(url: str, seconds: float, done: int) -> str:
    return translate("DataErrors", "the server at {0} sent nothing for {1:g} s after {2:,} bytes; nothing was kept, "
                     "try again later.").format(url, seconds, done)


def _opener(watchdog: Watchdog) -> urllib.request.OpenerDirector:
    """urllib's opener (proxies, redirects, TLS as usual) whose connections the watchdog can shut down."""
    def watched(connection_class):
        class Watched(connection_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self._create_connection = lambda *a, **k: watchdog.attach(socket.create_connection(*a, **k))
        return Watched

    http_conn, https_conn = watched(http.client.HTTPConnection), watched(http.client.HTTPSConnection)

    class HttpHandler(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(http_conn, req)

    class HttpsHandler(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(https_conn, req, context=self._context)

    return urllib.request.build_opener(HttpHandler, HttpsHandler)


def _md5_of(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "md5").hexdigest()
