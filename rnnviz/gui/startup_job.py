"""The background start: compile (or load cached) numba kernels and load the first model.

Runs as a ``BackgroundJob`` so the window is up and painting while numba compiles; the GUI thread
imports nothing of numba until this job says it is done.
"""
from __future__ import annotations

import dataclasses
import importlib

from .i18n import translate
from .jobs import BackgroundJob


def startup_job(last_model_path: str | None) -> BackgroundJob:
    """A job that starts the kernels' compile, then picks the model to show: succeeded(StartupModel)
    or failed(message), with progress messages in between that say what really happens: the compile
    runs in the background (``rnnviz.core.warmup``) and, until it is done, traces run the kernels'
    Python source, so the model is loaded without waiting for numba. It also pre-imports
    the graph and trainer panel packages (they pull in numba) so that creating them later on the
    GUI thread costs nothing."""

    def start(progress, cancel):
        from rnnviz.core import warmup
        from rnnviz.explorer.sources import startup_model, warm_up_kernels

        warm_up_kernels()  # returns at once: numba compiles (or loads its cache) in the background
        if cancel.is_set():  # the window closed meanwhile
            return None
        in_cache = warmup.cached("trace")  # reads numba's cache index: once
        progress(kernels_status(warmup.ready("trace"), in_cache) + " " + translate("StartupJob", "Loading the model…"))
        model = startup_model(last_model_path)
        _preimport("rnnviz.gui.graph")
        _preimport("rnnviz.gui.training")
        if not warmup.ready("trace"):  # not loaded yet: the "Ready" message says how the first traces run
            model = dataclasses.replace(model, notes=(*model.notes, kernels_status(False, in_cache)))
        return model

    return BackgroundJob(start, translate("StartupJob", "Starting the RNN core"))


def kernels_status(compiled: bool, in_cache: bool = False) -> str:
    """What runs a trace right now: the compiled kernels, or their Python source while numba compiles
    them (or, `in_cache`, loads them from its cache: the warm-up does so after the first graph)."""
    if compiled:
        return translate("StartupJob", "Kernels compiled.")
    if in_cache:
        return translate("StartupJob", "Traces run the kernels' Python source (the same numbers) until numba has "
                                       "loaded the compiled kernels from its cache.")
    return translate("StartupJob", "Traces run the kernels' Python source (the same numbers) while numba compiles "
                                   "them in the background.")


def _preimport(module: str) -> None:
    """Import a view package here, off the GUI thread, so that creating its widget later is instant."""
    try:
        importlib.import_module(module)
    except Exception:  # noqa: BLE001 - the window reports the failure when it creates the widget
        pass
