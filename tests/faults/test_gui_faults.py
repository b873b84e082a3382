"""The window's side of the faults: a download that Cancel and closing must end at once whatever the server
does, a damaged model file opened from the File menu, a model the graph cannot trace, a long pasted text."""
from __future__ import annotations

import io
import zipfile

import numpy as np
import pytest
from faults_server import PAYLOAD_MD5, EvilServer
from PySide6.QtCore import QSettings

from rnnviz.gui import model_files
from rnnviz.gui.training.dataset_box import DatasetChooser

STARTUP_TIMEOUT_MS = 180_000  # a cold numba cache compiles for a while


@pytest.fixture(scope="module")
def server():
    with EvilServer() as s:
        yield s


@pytest.fixture
def box(qtbot, monkeypatch, tmp_path):
    monkeypatch.delenv("RNNVIZ_IMDB", raising=False)
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(tmp_path / "cache"))
    w = DatasetChooser()
    qtbot.addWidget(w)
    w.set_dataset("imdb")
    yield w
    w.jobs.shutdown(5.0)


@pytest.mark.parametrize("path", ["stall", "stall-headers", "drip"])
def test_cancel_ends_a_stalled_or_dripping_download(box, server, qtbot, tmp_path, path):
    dest = tmp_path / "dl"
    box.start_download(dest_dir=dest, url=server.url(path), md5=PAYLOAD_MD5)
    qtbot.wait(300)  # connected; the server is now silent or dripping
    assert box.is_downloading()
    box.cancel_button.click()
    # The bound is far below the download's 30 s timeout: only a Cancel that works at once ends it in time.
    qtbot.waitUntil(lambda: not box.is_downloading(), timeout=10_000)
    assert "cancelled" in box.info.text() and list(dest.iterdir()) == []


def test_closing_during_a_stalled_download_leaves_no_thread_and_no_part_file(box, server, qtbot, tmp_path):
    dest = tmp_path / "dl"
    box.start_download(dest_dir=dest, url=server.url("drip"), md5=PAYLOAD_MD5)
    qtbot.wait(300)
    # What the window's close does (TrainingPanel.shutdown -> JobRunner.shutdown with 1 s): every thread
    # ends within it, so no QThread is destroyed while running (that aborts the process).
    assert box.jobs.shutdown(1.0)
    assert not box.jobs.busy() and list(dest.iterdir()) == []


def test_file_open_of_a_damaged_model_gives_a_message(tmp_path):
    from rnnviz.train import builtin_model, save_model

    path = save_model(tmp_path / "model.npz", builtin_model(cache_dir=tmp_path / "cache", hidden_dim=2))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        local = z.getinfo("W.npy").header_offset
    data[local + 8:local + 10] = (99).to_bytes(2, "little")  # unknown compression method
    at = bytes(data).index(b"PK\x01\x02")
    while bytes(data[at + 46:at + 51]) != b"W.npy":
        at = bytes(data).index(b"PK\x01\x02", at + 4)
    data[at + 10:at + 12] = (99).to_bytes(2, "little")
    path.write_bytes(bytes(data))
    spec, message = model_files.load_spec(str(path))
    assert spec is None and "model.npz is damaged or not an rnnviz model file" in message


def test_the_input_box_says_how_much_it_takes(qtbot):
    from rnnviz.explorer import MAX_SEQ_LEN
    from rnnviz.gui.explore.input_bar import InputBar

    bar = InputBar([(1, "a good film")])
    qtbot.addWidget(bar)
    limit = bar.text_edit.maxLength()
    assert limit != 32767 and limit >= 13_704  # Qt's silent default is gone; the longest IMDb review fits
    assert f"at most {MAX_SEQ_LEN} words" in bar.text_edit.toolTip() and f"{limit:,} characters" in bar.text_edit.toolTip()
    review = " ".join(["wonderful"] * 1_300)  # 12,999 characters: a long review from the Train page
    bar.set_values(review, 1)
    assert bar.text_edit.text() == review


@pytest.fixture
def window(qtbot, tmp_path, training_kernels_compiled):
    from rnnviz.gui.main_window import MainWindow
    from rnnviz.gui.settings import open_settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    w = MainWindow(settings=open_settings())
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.traceShown, timeout=STARTUP_TIMEOUT_MS):
        w.show()
    yield w
    w.close()


def test_a_model_that_cannot_be_traced_leaves_title_and_graph_as_they_were(window, monkeypatch):
    import dataclasses

    shown, title = window.explorer.model, window.windowTitle()
    h = shown.hidden_dim
    bad_params = {**shown.params, "W": np.full((h + 1, h + 1), 0.1)}  # W does not fit U: the core refuses it
    bad = dataclasses.replace(shown, params=bad_params, name="a broken model", trained=None)
    warnings = []
    monkeypatch.setattr(model_files, "warn", lambda parent, t, message: warnings.append(message))
    window.set_model(bad)
    assert window.windowTitle() == title and window.explorer.model is shown
    assert warnings and "a broken model cannot be traced" in warnings[0]


CLOSE_SCRIPT = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from rnnviz.gui.main_window import MainWindow

app = QApplication([])
window = MainWindow()
window.show()

def download():
    box = window.training_panel.data_box
    box.start_download(dest_dir=sys.argv[2], url=sys.argv[1], md5=None)
    QTimer.singleShot(700, window.close)  # the server is dripping now
    QTimer.singleShot(900, app.quit)

started = []

def on_first_trace():  # the window is up: start the download once
    if not started:
        started.append(True)
        QTimer.singleShot(0, download)

window.traceShown.connect(on_first_trace)
sys.exit(app.exec())
"""


def test_closing_the_window_during_a_dripping_download_exits_cleanly(server, tmp_path):
    import os
    import subprocess
    import sys

    script = tmp_path / "close_during_download.py"
    script.write_text(CLOSE_SCRIPT)
    dest = tmp_path / "dl"
    dest.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, str(script), server.url("drip"), str(dest)], capture_output=True,
                          text=True, timeout=STARTUP_TIMEOUT_MS / 1000, env=env)
    assert proc.returncode == 0, proc.stderr  # 134 was "QThread: Destroyed while thread is still running"
    assert "QThread: Destroyed" not in proc.stderr and "Traceback" not in proc.stderr
    assert list(dest.iterdir()) == []  # no .part left
