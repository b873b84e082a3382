"""Shared test setup, done before anything imports Qt or reads a user folder.

- Qt draws offscreen, so the suite runs without a display.
- The user's folders (settings, saved models, the encoded-data cache) are redirected to a fresh
  temporary folder for the whole session, so tests never read or change a real user's files and
  see what a new user sees. Subprocesses (main.py smoke tests) inherit the same folders.
"""
import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_HOME = tempfile.mkdtemp(prefix="rnnviz-tests-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
for _var, _sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                   ("XDG_CACHE_HOME", "cache")):
    os.environ[_var] = os.path.join(_HOME, _sub)
os.environ.pop("RNNVIZ_CACHE_DIR", None)


# --- no test may leave a QThread running (as napari's suite checks) ------------------------------
import sys  # noqa: E402
import traceback  # noqa: E402
import weakref  # noqa: E402

import pytest  # noqa: E402

#: A thread whose job has ended may still be returning from run() when the test ends; a thread
#: still running after this grace was left running by the test.
THREAD_END_GRACE_MS = 2000


@pytest.fixture(autouse=True)
def no_qthread_left_running(monkeypatch):
    """Fail the test if a QThread it started is still running once the test and its fixtures
    (qtbot closing the windows) are done. Records where each thread was started."""
    if "PySide6.QtCore" not in sys.modules:  # core, data and training tests never load Qt
        yield
        return
    from PySide6.QtCore import QThread

    started = weakref.WeakKeyDictionary()
    original_start = QThread.start

    def start_and_remember(thread, *args):
        started[thread] = "".join(traceback.format_stack(limit=6)[:-1])
        return original_start(thread, *args)

    monkeypatch.setattr(QThread, "start", start_and_remember)
    yield
    left = []
    for thread, where in list(started.items()):
        try:
            if thread.isRunning() and not thread.wait(THREAD_END_GRACE_MS):
                left.append(f"{thread.objectName() or thread!r}, started at:\n{where}")
        except RuntimeError:  # the C++ thread object is already deleted: it is not running
            continue
    if left:
        pytest.fail("the test left QThreads running:\n" + "\n".join(left), pytrace=False)


@pytest.fixture(scope="session")
def training_kernels_compiled():
    """The training kernels compiled (or loaded from numba's cache) before a test opens a window.

    A window whose training kernels would still need a compile, on a first start, shows the built-in
    model's untrained starting weights until they are ready (tests/gui/test_first_start_window.py);
    every other window test is about the trained model, whatever ran before it in the session."""
    from rnnviz.core import warmup

    warmup.compile_stage("training")
