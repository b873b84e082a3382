"""Threads for the panel: the Qt-free trainer and the slow data jobs run off the GUI thread.

``TrainWorker`` is a thin QObject around ``rnnviz.train.Trainer``: the trainer's callbacks run on the
worker's thread and become signals carrying immutable data (frozen dataclasses with read-only arrays),
which Qt delivers to the GUI thread as queued events. Batch reports can come hundreds per second on a
small task, so they go through a ``ReportMailbox`` and one ``batchesReady`` signal is in flight at a
time: the GUI drains everything that arrived since, and the event queue never floods.

``BackgroundJob`` runs any ``fn(progress, cancel)`` (load, download, predict) the same way.
"""
from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from rnnviz.data import Dataset, DatasetError, LoadCancelled
from rnnviz.train import CheckpointError, ConfigError, RunResult, TrainConfig, TrainControl, Trainer

from .saving import save_run

MAILBOX_LIMIT = 5_000  # reports kept if the GUI thread stalls (~20 MB at T=500); older ones are dropped
PROGRESS_INTERVAL_S = 0.05  # job progress signals at most 20 per second
GRACE_S = 30.0  # longest wait for a job that missed its shutdown timeout (a stalled download read)
#: Python's GIL switch interval while a run trains (default 5 ms). The trainer releases the GIL in its
#: kernels and takes it back a few dozen times a batch; while the GUI thread draws in Python it waits
#: up to one interval each time. 1 ms bounds that wait (the GUI thread yields sooner, at no cost to it).
TRAINING_SWITCH_INTERVAL_S = 0.001


class ReportMailbox:
    """Thread-safe hand-over of batch reports from the training thread to the GUI thread."""

    def __init__(self, limit: int = MAILBOX_LIMIT):
        self._lock = threading.Lock()
        self._items: deque = deque(maxlen=limit)

    def put(self, item) -> bool:
        """Add one item; True if the mailbox was empty (the reader must be woken up)."""
        with self._lock:
            was_empty = not self._items
            self._items.append(item)
        return was_empty

    def take_all(self) -> tuple:
        """Everything posted since the last call, oldest first."""
        with self._lock:
            items = tuple(self._items)
            self._items.clear()
        return items


class TrainWorker(QObject):
    """Runs one training run on the QThread it is moved to. Create a new one for every run."""

    batchesReady = Signal()       # the mailbox went from empty to non-empty
    epochDone = Signal(object)    # EpochReport
    runEnded = Signal(object)     # RunResult (finished, stopped or diverged)
    runFailed = Signal(str, object)  # message for the user, last good TrainedModel or None

    def __init__(self, config: TrainConfig, dataset: Dataset, control: TrainControl | None = None,
                 save: bool = True):
        super().__init__()
        self.save = save  # save the run's model to the models folder when it ends
        self.config = config
        self.dataset = dataset
        self.control = control or TrainControl()
        self.mailbox = ReportMailbox()
        self.trainer: Trainer | None = None
        self._trainer_ready = threading.Event()
        self.saved_path = None  # where the run's model was saved (set on this thread before runEnded)
        self.save_error = ""

    @Slot()
    def run(self) -> None:
        switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(switch_interval, TRAINING_SWITCH_INTERVAL_S))
        try:
            self.trainer = Trainer(self.config, self.dataset, self.control, on_batch=self._on_batch,
                                   on_epoch=self.epochDone.emit)
            self._trainer_ready.set()
            result = self.trainer.run()
        except Exception as exc:  # anything the run raises must reach the user, not kill the thread silently
            model = self._last_good_model()
            if self.save:
                self.saved_path, self.save_error = save_run(model, self.config)
            self.runFailed.emit(describe_error(exc, "Training"), model)
        else:
            # every finished, stopped or diverged run is kept, as `python main.py train` keeps it
            if self.save:
                self.saved_path, self.save_error = save_run(result.model, self.config)
            self.runEnded.emit(result)
        finally:
            sys.setswitchinterval(switch_interval)
            self._trainer_ready.set()
            self.thread().quit()

    def _on_batch(self, report) -> None:
        if self.mailbox.put(report):
            self.batchesReady.emit()

    def _last_good_model(self):
        if self.trainer is None:
            return None
        try:
            return self.trainer.snapshot()
        except Exception:  # a broken trainer must not hide the original error
            return None

    # ------------------------------------------------------------------ GUI-thread side
    def snapshot(self, current: bool = True):
        """The trainer's weights now (thread-safe copy), or None before the trainer exists."""
        return None if self.trainer is None else self.trainer.snapshot(current=current)


class BackgroundJob(QObject):
    """Run ``fn(progress, cancel)`` on its own thread; progress(*values) is throttled into ``progressed``.

    ``fn`` gets a ``progress`` callable (any positional values, forwarded as one tuple) and a
    ``threading.Event`` that is set when the user cancels; it returns a result or raises.
    """

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
        switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(switch_interval, TRAINING_SWITCH_INTERVAL_S))
        try:
            result = self.fn(self._progress, self.cancel_event)
        except LoadCancelled:
            self.failed.emit(f"{self.what} cancelled.", True)
        except Exception as exc:
            self.failed.emit(describe_error(exc, self.what), self.cancel_event.is_set())
        else:
            if self.cancel_event.is_set():
                self.failed.emit(f"{self.what} cancelled.", True)
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
    if isinstance(exc, (DatasetError, ConfigError, CheckpointError)):
        return f"{what} failed: {exc}"
    if isinstance(exc, MemoryError):
        return (f"{what} failed: not enough memory. Use a smaller batch size, maxlen, vocabulary or hidden "
                f"size, or close other programs.")
    if isinstance(exc, OSError):
        return f"{what} failed: {exc}. Check that the file exists, the disk is not full, and you may write there."
    detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return f"{what} failed with an unexpected error: {detail}. The previous model is kept; please report this."


__all__ = ["BackgroundJob", "JobRunner", "ReportMailbox", "RunResult", "ThreadHandle", "TrainWorker", "describe_error"]
