"""The background start: compile (or load cached) numba kernels and load the first model.

Runs on a QThread so the window is up and painting while numba compiles; the GUI thread imports
nothing of numba until this job says it is done.
"""
from __future__ import annotations

import importlib
import traceback

from PySide6.QtCore import QThread, Signal


class StartupJob(QThread):
    """run(): warm up the kernels, then pick the model to show. Emits exactly one of ready/failed.

    ready(StartupModel); failed(str message). Also pre-imports the graph and trainer panel packages
    (they pull in numba) so that creating them later on the GUI thread costs nothing.
    """

    ready = Signal(object)
    failed = Signal(str)
    progress = Signal(str)

    def __init__(self, last_model_path: str | None, parent=None):
        super().__init__(parent)
        self._last_model_path = last_model_path

    def run(self) -> None:
        try:
            from rnnviz.explorer.sources import startup_model, warm_up_kernels

            warm_up_kernels()
            self.progress.emit("Kernels ready. Loading the model…")
            model = startup_model(self._last_model_path)
            _preimport("rnnviz.gui.graph")
            _preimport("rnnviz.gui.training")
        except Exception as exc:  # reported in the window; the thread must end normally
            self.failed.emit(f"{type(exc).__name__}: {exc}\n\n{traceback.format_exc(limit=3)}")
            return
        self.ready.emit(model)


def _preimport(module: str) -> None:
    """Import a view package here, off the GUI thread, so that creating its widget later is instant."""
    try:
        importlib.import_module(module)
    except Exception:  # noqa: BLE001 - the window reports the failure when it creates the widget
        pass
