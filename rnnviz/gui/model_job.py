"""Build a built-in model off the GUI thread: a first build trains it (a fraction of a second once the
kernels are compiled, longer while they are not), a later one reads the cache."""
from __future__ import annotations

from .i18n import translate
from .jobs import BackgroundJob

#: How often a build waiting for the background compile looks whether the window is closing (s).
CANCEL_POLL_S = 0.1


def builtin_model_job(task: str, hidden_dim: int) -> BackgroundJob:
    """succeeded(ModelSpec of ``builtin_spec(task, hidden_dim)``) or failed(message).

    A model still to train waits for the training kernels the warm-up compiles in the background
    (``rnnviz.core.warmup``), in slices, so that closing the window meanwhile is not held up by a
    compile it no longer needs."""

    def build(_progress, cancel):
        from rnnviz.explorer.sources import builtin_ready_now, builtin_spec

        if not builtin_ready_now(int(hidden_dim), task) and not wait_for_kernels("training", cancel):
            return None
        return builtin_spec(task, int(hidden_dim))

    return BackgroundJob(build, translate("ModelJob", "Building the built-in model"))


def wait_for_kernels(stage: str, cancel) -> bool:
    """In a job: wait until the warm-up has the kernels of `stage` ready (at once when no warm-up
    runs); False when `cancel` (a threading.Event) is set first, e.g. by the window closing."""
    from rnnviz import core

    while not core.warmup.wait(stage, CANCEL_POLL_S):
        if cancel.is_set():
            return False
    return True
