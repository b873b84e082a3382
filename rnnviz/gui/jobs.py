"""The one way the window runs work off the GUI thread: a plain function on a QThread of its own.

``BackgroundJob`` runs any ``fn(progress, cancel)`` (compile the kernels, build a built-in model, load,
download, predict): ``fn`` gets a ``progress`` callable (any positional values, forwarded as one tuple,
throttled) and a ``threading.Event`` set when the user cancels; it returns a result or raises. Its
signals carry the result or a message for the user, and Qt delivers them queued to the GUI thread.
``JobRunner`` starts jobs, keeps them alive until they end, and shuts them all down with a bounded wait.
This is Orange3's ``state`` idea with a thin Qt layer; the trainer's ``TrainWorker`` uses the same
``ThreadHandle``.
"""
from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .i18n import translate

PROGRESS_INTERVAL_S = 0.05  # job progress signals at most 20 per second
GRACE_S = 30.0  # longest extra wait for a job that missed its shutdown timeout (a compile, a stalled read)


class BackgroundJob(QObject):
    """Run ``fn(progress, cancel)`` on its own thread; progress(*values) is throttled into ``progressed``."""

    progressed = Signal(object)   # tuple of the values fn passed to progress()
    succeeded = Signal(object)    # fn's return value
    failed = Signal(str, bool)    # message, cancelled?

    def __init__(self, fn: Callable[[Callable[..., None], threading.Event], Any], what: str):
        super().__init__()
        self.fn = fn
        self.what = what
        self.cancel_event = threading.Event()
        self._last_progress = 0.0
        self._last_stage = None

    @Slot()
    def run(self) -> None:
        from rnnviz.data import LoadCancelled

        try:
            result = self.fn(self._progress, self.cancel_event)
        except LoadCancelled:
            self.failed.emit(translate("Jobs", "{0} cancelled.").format(self.what), True)
        except Exception as exc:
            self.failed.emit(describe_error(exc, self.what), self.cancel_event.is_set())
        else:
            if self.cancel_event.is_set():
                self.failed.emit(translate("Jobs", "{0} cancelled.").format(self.what), True)
            else:
                self.succeeded.emit(result)
        finally:
            self.thread().quit()

    def _progress(self, *values) -> None:
        now = time.monotonic()
        # a new stage ("read" -> "tokenise") always gets through, so the label never lags behind
        stage = values[0] if values and isinstance(values[0], str) else None
        if now - self._last_progress >= PROGRESS_INTERVAL_S or stage != self._last_stage:
            self._last_progress, self._last_stage = now, stage
            self.progressed.emit(tuple(values))

    def cancel(self) -> None:
        self.cancel_event.set()


_RUNNING: set = set()  # ThreadHandles started on the GUI thread whose thread may still run


class ThreadHandle:
    """A worker QObject living on its own QThread, started, and stopped with a bounded wait."""

    def __init__(self, worker: QObject, name: str):
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName(name)
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)

    def start(self) -> None:
        # Kept alive here until its thread has ended, whatever happens to its owner: destroying a
        # running QThread aborts the process (a panel dropped while it predicts the test reviews).
        # Finished ones are dropped here, on the GUI thread (never from the ending thread itself).
        _RUNNING.difference_update([h for h in _RUNNING if h.thread.isFinished()])
        _RUNNING.add(self)
        self.thread.start()

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def wait(self, timeout_s: float) -> bool:
        """Ask the thread's event loop to end and wait up to timeout_s; True if it is no longer running."""
        self.thread.quit()
        return self.thread.wait(max(0, int(timeout_s * 1000)))


class JobRunner(QObject):
    """Starts BackgroundJobs on their own threads and keeps them alive until they end.

    Connect the job's signals only to bound methods of QObjects living on the GUI thread: PySide6
    then delivers them there (queued). A lambda would run on the job's thread.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.handles: list[ThreadHandle] = []
        self.closed = False  # after shutdown(): no new thread may start (the window is going away)
        self.n_started = 0

    def start(self, job: BackgroundJob, name: str) -> ThreadHandle | None:
        """Run `job` on a new thread; None (job not run) once shutdown() was called."""
        if self.closed:
            return None
        self.n_started += 1
        handle = ThreadHandle(job, name)
        handle.thread.finished.connect(self._reap)
        self.handles.append(handle)
        handle.start()
        return handle

    @Slot()
    def _reap(self) -> None:
        self.handles = [h for h in self.handles if h.is_running()]

    def busy(self) -> bool:
        return any(h.is_running() for h in self.handles)

    def shutdown(self, timeout_s: float) -> bool:
        """Cancel every job and wait for its thread (up to timeout_s in total); True if none is left running."""
        self.closed = True
        deadline = time.monotonic() + timeout_s
        for h in self.handles:
            h.worker.cancel()
        ok = True
        for h in self.handles:
            ok &= h.wait(max(0.0, deadline - time.monotonic()))
        for h in self.handles:
            if h.is_running():  # destroying a running QThread aborts the process: wait rather than crash
                h.wait(GRACE_S)
        self._reap()
        return ok


def describe_error(exc: BaseException, what: str) -> str:
    """A message for the user: what failed, why, and what to do about it."""
    if _is_user_error(exc):
        return translate("Jobs", "{0} failed: {1}").format(what, exc)
    if isinstance(exc, MemoryError):
        return translate("Jobs", "{0} failed: not enough memory. Use a smaller batch size, maxlen, vocabulary or "
                         "hidden size, or close other programs.").format(what)
    if isinstance(exc, OSError):
        return translate("Jobs", "{0} failed: {1}. Check that the file exists, the disk is not full, and you may "
                         "write there.").format(what, exc)
    detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return translate("Jobs", "{0} failed with an unexpected error: {1}. The previous model is kept; please report "
                     "this.").format(what, detail)


def _is_user_error(exc: BaseException) -> bool:
    """Errors whose own text tells the user what to do (bad data, config or file). Imported here, on
    the job's thread, because rnnviz.train loads numba: the GUI thread must not import it at start."""
    from rnnviz.data import DatasetError
    from rnnviz.train import CheckpointError, ConfigError

    return isinstance(exc, (DatasetError, ConfigError, CheckpointError))
