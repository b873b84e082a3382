"""Build a built-in model off the GUI thread: a first build trains it (a fraction of a second once the
kernels are compiled, longer while they are not), a later one reads the cache."""
from __future__ import annotations

from PySide6.QtCore import QThread, Signal


class BuiltinModelJob(QThread):
    """run(): ``builtin_spec(task, hidden_dim)``. Emits ready(ModelSpec) or failed(str), exactly one."""

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, task: str, hidden_dim: int, parent=None):
        super().__init__(parent)
        self.task, self.hidden_dim = task, int(hidden_dim)

    def run(self) -> None:
        try:
            from rnnviz.explorer.sources import builtin_spec

            spec = builtin_spec(self.task, self.hidden_dim)
        except Exception as exc:  # noqa: BLE001 - reported in the window; the thread must end normally
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.ready.emit(spec)
