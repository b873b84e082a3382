"""Threads for the panel: the Qt-free trainer and the slow data jobs run off the GUI thread.

``TrainWorker`` is a thin QObject around ``rnnviz.train.Trainer``: the trainer's callbacks run on the
worker's thread and become signals carrying immutable data (frozen dataclasses with read-only arrays),
which Qt delivers to the GUI thread as queued events. Batch reports can come hundreds per second on a
small task, so they go through a ``ReportMailbox``: one ``batchesReady`` signal is in flight at a time,
at most every DRAIN_INTERVAL_S, and the GUI drains everything that arrived since. The event queue
never floods, and the GUI thread wakes four times a second instead of once per batch (each wake-up is
CPU, and a thread that wakes on the trainer's core pre-empts it).

``BackgroundJob`` (the window's one job mechanism, ``rnnviz.gui.jobs``) runs the slow data jobs.
"""
from __future__ import annotations

import sys
import threading
import time
from collections import deque

from PySide6.QtCore import QObject, Signal, Slot

from rnnviz import core
from rnnviz.data import Dataset
from rnnviz.train import RunResult, TrainConfig, TrainControl, Trainer

from ..jobs import BackgroundJob, JobRunner, ThreadHandle, describe_error

from .saving import save_run

MAILBOX_LIMIT = 5_000  # reports kept if the GUI thread stalls (~20 MB at T=500); older ones are dropped
#: Python's GIL switch interval while a run trains (default 5 ms). The trainer releases the GIL in its
#: kernels and takes it back a few dozen times a batch; while the GUI thread draws in Python it waits
#: up to one interval each time. 1 ms bounds that wait (the GUI thread yields sooner, at no cost to it).
TRAINING_SWITCH_INTERVAL_S = 0.001
#: the GUI is woken for new batch reports at most this often: as often as the progress label changes
#: (4 Hz; the plots redraw at 2 Hz): each wake-up runs cold (the plots alone, fed at a real run's rate ten
#: times a second, took the GUI thread ~10% more CPU than fed four times); at once after an epoch's last
#: batch (validation follows) and when a pause or a stop was asked for (the trainer is about to wait),
#: so no report waits while the trainer does not train
DRAIN_INTERVAL_S = 0.25


class ReportMailbox:
    """Thread-safe hand-over of batch reports from the training thread to the GUI thread."""

    def __init__(self, limit: int = MAILBOX_LIMIT):
        self._lock = threading.Lock()
        self._items: deque = deque(maxlen=limit)
        self._woken = False  # a wake-up was sent and the reader has not drained since

    def put(self, item, wake: bool = True) -> bool:
        """Add one item; True if the reader must be woken up now: `wake` and no wake-up is pending."""
        with self._lock:
            self._items.append(item)
            if wake and not self._woken:
                self._woken = True
                return True
            return False

    def take_all(self) -> tuple:
        """Everything posted since the last call, oldest first."""
        with self._lock:
            items = tuple(self._items)
            self._items.clear()
            self._woken = False
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
        self._last_wake = -float("inf")  # time.monotonic() of the last batchesReady
        self.saved_path = None  # where the run's model was saved (set on this thread before runEnded)
        self.save_error = ""

    @Slot()
    def run(self) -> None:
        switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(switch_interval, TRAINING_SWITCH_INTERVAL_S))
        try:
            # a run started on a first start: the warm-up's child process is compiling the training
            # kernels; wait for them instead of compiling them a second time on this thread (numba's
            # compiler holds the GIL, and the window would stutter for seconds). A stop ends the wait.
            core.warmup.wait_unless("training", lambda: self.control.is_stopped)
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
        now = time.monotonic()
        control = self.control
        due = (now - self._last_wake >= DRAIN_INTERVAL_S or report.batch == report.n_batches
               or control.is_paused or control.is_stopped)
        if self.mailbox.put(report, wake=due):
            self._last_wake = now
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


__all__ = ["BackgroundJob", "JobRunner", "ReportMailbox", "RunResult", "ThreadHandle", "TrainWorker", "describe_error"]
