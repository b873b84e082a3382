"""The background start: compile (or load cached) numba kernels and load the first model.

Runs as a ``BackgroundJob`` so the window is up and painting while numba compiles; the GUI thread
imports nothing of numba until this job says it is done.
"""
from __future__ import annotations

import importlib

from .i18n import translate
from .jobs import BackgroundJob


def startup_job(last_model_path: str | None) -> BackgroundJob:
    """A job that warms up the kernels, then picks the model to show: succeeded(StartupModel) or
    failed(message). progress("Kernels ready. Loading the model…") in between. It also pre-imports
    the graph and trainer panel packages (they pull in numba) so that creating them later on the
    GUI thread costs nothing."""

    loading = translate("StartupJob", "Kernels ready. Loading the model…")  # here, on the GUI thread

    def start(progress, cancel):
        from rnnviz.explorer.sources import startup_model, warm_up_kernels

        warm_up_kernels()
        if cancel.is_set():  # the window closed while numba compiled
            return None
        progress(loading)
        model = startup_model(last_model_path)
        _preimport("rnnviz.gui.graph")
        _preimport("rnnviz.gui.training")
        return model

    return BackgroundJob(start, translate("StartupJob", "Starting the RNN core"))


def _preimport(module: str) -> None:
    """Import a view package here, off the GUI thread, so that creating its widget later is instant."""
    try:
        importlib.import_module(module)
    except Exception:  # noqa: BLE001 - the window reports the failure when it creates the widget
        pass
