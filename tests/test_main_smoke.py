"""`python main.py` as a user starts it: the window opens, traces the default sentence, and closes
cleanly (exit status 0, no traceback). Settings and user data go to temporary folders."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_main_py_opens_the_window_draws_the_first_trace_and_quits_cleanly(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RNNVIZ_QUIT_AFTER_TRACE="1",
               RNNVIZ_STARTUP_REPORT="1", RNNVIZ_SETTINGS_DIR=str(tmp_path / "settings"),
               XDG_DATA_HOME=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    # --quit-after only stops a window that never draws a trace: the test then fails below.
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--quit-after", "240000"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    marks = dict(line.split() for line in proc.stdout.splitlines() if line.startswith("RNNVIZ_"))
    assert float(marks["RNNVIZ_WINDOW_SHOWN"]) <= float(marks["RNNVIZ_TRACE_SHOWN"]), proc.stdout
    assert (tmp_path / "settings" / "rnnviz" / "rnnviz.ini").is_file()
