"""download_imdb against a server that cuts, stalls, drips and lies, and onto a full disk.

Every case ends with the archive or a clear DatasetError, and never leaves a .part file behind. The
stall cases give the download a long timeout: only a Cancel that takes effect at once (not at the
timeout) makes them end with LoadCancelled.
"""
import errno
import os
import threading

import pytest
from faults_server import PAYLOAD, PAYLOAD_MD5, EvilServer

from rnnviz.data import DownloadError, LoadCancelled, download_imdb
from rnnviz.data import download as download_module


@pytest.fixture(scope="module")
def server():
    with EvilServer() as s:
        yield s


def cancel_soon(delay: float = 0.3) -> threading.Event:
    cancel = threading.Event()
    timer = threading.Timer(delay, cancel.set)
    timer.daemon = True
    timer.start()
    return cancel


@pytest.mark.parametrize("path", ["stall", "stall-headers", "drip"])
def test_cancel_ends_the_download_whatever_the_server_does(server, tmp_path, path):
    with pytest.raises(LoadCancelled, match="cancelled; nothing was kept"):
        download_imdb(tmp_path, url=server.url(path), md5=PAYLOAD_MD5, cancel=cancel_soon(), timeout=45)
    assert list(tmp_path.iterdir()) == []


def test_a_silent_server_times_out_with_a_message(server, tmp_path):
    with pytest.raises(DownloadError, match=r"sent nothing for 1 s after 1,000 bytes"):
        download_imdb(tmp_path, url=server.url("stall"), md5=PAYLOAD_MD5, timeout=1)
    assert list(tmp_path.iterdir()) == []


def test_a_drip_slower_than_the_minimum_rate_fails_with_a_message(server, tmp_path):
    # one byte per 50 ms is 20 B/s: the socket timeout never fires, the rate check does
    with pytest.raises(DownloadError, match=r"too slow \(under 1 kB/s for 1 s"):
        download_imdb(tmp_path, url=server.url("drip"), md5=PAYLOAD_MD5, timeout=30, min_rate=1000, rate_window=1)
    assert list(tmp_path.iterdir()) == []


def test_the_default_minimum_rate_is_sane():
    # below it, the 84 MB archive would take more than two hours; above it, a slow but real line works
    assert download_module.IMDB_SIZE / download_module.MIN_RATE < 2 * 3600
    assert download_module.MIN_RATE <= 50_000


def test_a_nonsense_content_length_is_ignored_and_the_checksum_decides(server, tmp_path):
    path = download_imdb(tmp_path, url=server.url("bad-length"), md5=PAYLOAD_MD5)
    assert path.read_bytes() == PAYLOAD


def test_a_content_length_that_lies_short_fails_the_checksum(server, tmp_path):
    with pytest.raises(DownloadError, match="corrupt"):
        download_imdb(tmp_path, url=server.url("short-length"), md5=PAYLOAD_MD5)
    assert list(tmp_path.iterdir()) == []


def test_an_endless_response_is_cut_off_before_it_fills_the_disk(server, tmp_path):
    with pytest.raises(DownloadError, match="sent more than 1,000,000 bytes"):
        download_imdb(tmp_path, url=server.url("endless"), md5=PAYLOAD_MD5, max_bytes=1_000_000)
    assert list(tmp_path.iterdir()) == []


def test_a_cut_connection_leaves_nothing(server, tmp_path):
    with pytest.raises(DownloadError, match="broke off after"):
        download_imdb(tmp_path, url=server.url("cut"), md5=PAYLOAD_MD5)
    assert list(tmp_path.iterdir()) == []


class _FullDisk:
    """A file object that takes `room` bytes, then fails as a full disk does."""

    def __init__(self, f, room: int):
        self.f, self.room = f, room

    def write(self, data):
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return self.f.write(data)

    def __getattr__(self, name):
        return getattr(self.f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.f.close()


def test_a_full_disk_is_reported_as_the_disk_not_the_network(server, tmp_path, monkeypatch):
    real_fdopen = os.fdopen
    monkeypatch.setattr(download_module.os, "fdopen", lambda fd, mode: _FullDisk(real_fdopen(fd, mode), 100_000))
    with pytest.raises(DownloadError) as info:
        download_imdb(tmp_path, url=server.url("good"), md5=PAYLOAD_MD5)
    message = str(info.value)
    assert "disk holding" in message and "is full" in message and "Free some space" in message
    assert "broke off" not in message and "try again" not in message
    assert list(tmp_path.iterdir()) == []


def test_the_part_file_of_a_killed_download_is_swept_at_once(server, tmp_path):
    import subprocess
    import sys

    dead_pid = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                                  text=True).stdout)
    leftover = tmp_path / f"aclImdb_v1.tar.gz.{dead_pid}.x1y2z3ab.part"  # young, but its process is gone
    leftover.write_bytes(PAYLOAD[:1000])
    download_imdb(tmp_path, url=server.url("good"), md5=PAYLOAD_MD5)
    assert [p.name for p in tmp_path.iterdir()] == ["aclImdb_v1.tar.gz"]
