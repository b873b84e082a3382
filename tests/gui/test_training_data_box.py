"""The data box: IMDb found or opened by path, downloaded with progress and Cancel (from a local server)."""
import hashlib
import http.server
import threading
import time

import pytest

from rnnviz.data import ARCHIVE_NAME
from rnnviz.gui.training.dataset_box import DatasetChooser

PAYLOAD = bytes(range(256)) * 4096  # 1 MiB


class Slow(http.server.BaseHTTPRequestHandler):
    """Serves PAYLOAD in chunks with pauses, so progress and Cancel can be seen."""

    def do_GET(self):  # noqa: N802 - http.server's naming
        self.send_response(200)
        self.send_header("Content-Length", str(len(PAYLOAD)))
        self.end_headers()
        try:
            for i in range(0, len(PAYLOAD), 1 << 16):
                self.wfile.write(PAYLOAD[i:i + (1 << 16)])
                self.wfile.flush()
                time.sleep(self.server.delay)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    httpd.delay = 0.02
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def box(qtbot, monkeypatch, tmp_path):
    monkeypatch.delenv("RNNVIZ_IMDB", raising=False)
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    w = DatasetChooser()
    qtbot.addWidget(w)
    w.show()
    yield w
    assert w.jobs.shutdown(2.0)


def test_without_a_copy_the_default_is_a_built_in_task_and_imdb_says_what_to_do(box):
    assert box.dataset_name() == "memory" and box.imdb_path() is None
    box.set_dataset("imdb")
    assert "No copy of IMDb" in box.info.text() and box.download_button.isVisible()


def test_a_copy_given_by_path_is_used(box, tmp_path):
    archive = tmp_path / "aclImdb_v1.tar.gz"
    archive.write_bytes(b"x")
    box.set_dataset("imdb")
    box.set_imdb_path(archive)
    assert box.imdb_path() == archive and "aclImdb_v1.tar.gz" in box.info.text()


def test_download_shows_progress_and_keeps_the_verified_file(box, server, qtbot, tmp_path):
    box.set_dataset("imdb")
    url = f"http://127.0.0.1:{server.server_port}/{ARCHIVE_NAME}"
    seen = []
    box.download_bar.valueChanged.connect(seen.append)
    with qtbot.waitSignal(box.imdbPathChanged, timeout=20_000) as done:
        box.start_download(dest_dir=tmp_path / "dl", url=url, md5=hashlib.md5(PAYLOAD).hexdigest())
        assert box.is_downloading() and box.cancel_button.isVisible()
        assert not box.download_button.isEnabled()  # one download at a time
    path = done.args[0]
    assert path.read_bytes() == PAYLOAD and path.name == ARCHIVE_NAME
    assert len(seen) >= 2 and max(seen) >= 900  # the bar moved, and got (nearly) full
    assert not box.cancel_button.isVisible() and box.download_button.isEnabled()


def test_cancel_stops_the_download_and_leaves_nothing(box, server, qtbot, tmp_path):
    server.delay = 0.2
    box.set_dataset("imdb")
    url = f"http://127.0.0.1:{server.server_port}/{ARCHIVE_NAME}"
    dest = tmp_path / "dl"
    box.start_download(dest_dir=dest, url=url, md5=None)
    qtbot.waitUntil(lambda: box.download_bar.maximum() == 1000, timeout=10_000)  # bytes are arriving
    box.cancel_button.click()
    qtbot.waitUntil(lambda: not box.is_downloading(), timeout=10_000)
    assert "cancelled" in box.info.text()
    assert box.imdb_path() is None and list(dest.iterdir()) == []  # no partial file left
