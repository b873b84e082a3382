"""download_imdb against a real HTTP server on 127.0.0.1 started by the test."""
import hashlib
import http.server
import os
import socket
import threading

import numpy as np
import pytest

from rnnviz.data import DownloadError, ImdbNotFound, LoadCancelled, download_imdb

PAYLOAD = np.random.default_rng(1).bytes(300_000)  # several 64 KiB blocks
PAYLOAD_MD5 = hashlib.md5(PAYLOAD).hexdigest()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/missing":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(PAYLOAD)))  # always the full size
        self.end_headers()
        if self.path == "/cut":
            self.wfile.write(PAYLOAD[: len(PAYLOAD) // 2])  # then the connection closes
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(PAYLOAD)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_good_download_with_progress(server, tmp_path):
    calls = []
    path = download_imdb(tmp_path, url=server + "/good", md5=PAYLOAD_MD5, progress=lambda *a: calls.append(a))
    assert path == tmp_path / "aclImdb_v1.tar.gz" and path.read_bytes() == PAYLOAD
    assert [p.name for p in tmp_path.iterdir()] == ["aclImdb_v1.tar.gz"]  # no .part left
    assert len(calls) >= 4
    done = [c[0] for c in calls]
    assert done == sorted(done) and calls[-1][:2] == (len(PAYLOAD), len(PAYLOAD))
    assert all(c[2] > 0 for c in calls)  # bytes per second


def test_part_file_of_a_killed_download_is_swept_on_the_next_one(server, tmp_path):
    dead = tmp_path / "aclImdb_v1.tar.gz.x1y2z3.part"
    dead.write_bytes(PAYLOAD[:1000])
    os.utime(dead, (dead.stat().st_mtime - 7200,) * 2)
    download_imdb(tmp_path, url=server + "/good", md5=PAYLOAD_MD5)
    assert [p.name for p in tmp_path.iterdir()] == ["aclImdb_v1.tar.gz"]


def test_checksum_mismatch_rejected_and_nothing_cached(server, tmp_path):
    with pytest.raises(DownloadError, match="corrupt: its MD5 is .* expected 0{32}"):
        download_imdb(tmp_path, url=server + "/good", md5="0" * 32)
    assert list(tmp_path.iterdir()) == []


def test_connection_cut_half_way_leaves_nothing(server, tmp_path):
    with pytest.raises(DownloadError, match="broke off after"):
        download_imdb(tmp_path, url=server + "/cut", md5=PAYLOAD_MD5)
    assert list(tmp_path.iterdir()) == []


def test_cut_download_does_not_replace_a_previous_good_file(server, tmp_path):
    download_imdb(tmp_path, url=server + "/good", md5=PAYLOAD_MD5)
    with pytest.raises(DownloadError):
        download_imdb(tmp_path, url=server + "/cut", md5="f" * 32)  # md5 differs, so it downloads
    assert (tmp_path / "aclImdb_v1.tar.gz").read_bytes() == PAYLOAD
    assert len(list(tmp_path.iterdir())) == 1


def test_cancel_during_download(server, tmp_path):
    cancel = threading.Event()
    with pytest.raises(LoadCancelled, match="cancelled"):
        download_imdb(tmp_path, url=server + "/good", md5=PAYLOAD_MD5, progress=lambda *a: cancel.set(),
                      cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_offline_says_where_to_put_the_archive(tmp_path):
    with pytest.raises(ImdbNotFound, match=r"cannot download.*aclImdb_v1.tar.gz.*--imdb PATH.*RNNVIZ_IMDB"):
        download_imdb(tmp_path / "dest", url=f"http://127.0.0.1:{closed_port()}/x.tar.gz", md5=PAYLOAD_MD5)
    assert not any((tmp_path / "dest").glob("*"))


def test_http_error_is_not_found(server, tmp_path):
    with pytest.raises(ImdbNotFound, match="Not Found"):
        download_imdb(tmp_path, url=server + "/missing", md5=PAYLOAD_MD5)


def test_existing_good_file_is_reused_without_network(tmp_path):
    (tmp_path / "aclImdb_v1.tar.gz").write_bytes(PAYLOAD)
    path = download_imdb(tmp_path, url=f"http://127.0.0.1:{closed_port()}/x", md5=PAYLOAD_MD5)
    assert path.read_bytes() == PAYLOAD


def test_default_destination_is_user_cache(server):
    from rnnviz.data import default_cache_dir

    path = download_imdb(url=server + "/good", md5=PAYLOAD_MD5)
    assert path == default_cache_dir() / "aclImdb_v1.tar.gz"


def test_published_constants():
    from rnnviz.data import IMDB_MD5, IMDB_SIZE, IMDB_URL

    assert IMDB_URL == "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"
    assert IMDB_MD5 == "7c2ac02c03563afcf9b574c7e56c153a" and IMDB_SIZE == 84_125_825


def test_unwritable_destination_is_a_clear_error(server, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DownloadError, match="cannot write the download into"):
        download_imdb(blocker / "sub", url=server + "/good", md5=PAYLOAD_MD5)
