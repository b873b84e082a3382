"""Thread-safe pause, resume and stop for a training run, checked by the trainer before every batch."""
from __future__ import annotations

import threading


class TrainControl:
    """Pause/resume/stop a ``Trainer`` from another thread (the window's buttons, Ctrl-C in the CLI).

    The trainer calls ``checkpoint()`` before each batch: it returns at once when running, blocks on an
    ``Event`` (no busy loop, no CPU used) while paused, and returns False once ``stop()`` was called,
    so a request is honoured within one batch. ``stop()`` also wakes a paused trainer.
    """

    def __init__(self) -> None:
        self._running = threading.Event()  # set = not paused
        self._running.set()
        self._stopped = threading.Event()
        self._paused_ack = threading.Event()  # set while the trainer sits in checkpoint(), paused

    # ------------------------------------------------------------------ requests (any thread)
    def pause(self) -> None:
        """Ask the trainer to wait before its next batch."""
        if not self._stopped.is_set():
            self._running.clear()

    def resume(self) -> None:
        """Let a paused trainer continue."""
        self._running.set()

    def stop(self) -> None:
        """Ask the trainer to finish after the current batch (it keeps the best weights). Irreversible."""
        self._stopped.set()
        self._running.set()  # wake a paused trainer so it can see the stop

    @property
    def is_paused(self) -> bool:
        """True between ``pause()`` and ``resume()``/``stop()``."""
        return not self._running.is_set() and not self._stopped.is_set()

    @property
    def is_stopped(self) -> bool:
        """True once ``stop()`` was called."""
        return self._stopped.is_set()

    def wait_until_paused(self, timeout: float | None = None) -> bool:
        """Block until the trainer actually sits paused (its weights no longer change). True if it does."""
        return self._paused_ack.wait(timeout)

    # ------------------------------------------------------------------ trainer side
    def checkpoint(self) -> bool:
        """Called by the trainer between batches. Blocks while paused; returns False when it must stop."""
        if not self._running.is_set():
            self._paused_ack.set()
            try:
                self._running.wait()
            finally:
                self._paused_ack.clear()
        return not self._stopped.is_set()
