"""Build a built-in model off the GUI thread: a first build trains it (a fraction of a second once the
kernels are compiled, longer while they are not), a later one reads the cache."""
from __future__ import annotations

from .i18n import translate
from .jobs import BackgroundJob


def builtin_model_job(task: str, hidden_dim: int) -> BackgroundJob:
    """succeeded(ModelSpec of ``builtin_spec(task, hidden_dim)``) or failed(message).

    A model still to train waits for the training kernels the warm-up compiles in the background
    (``rnnviz.core.warmup``), in slices, so that closing the window meanwhile is not held up by a
    compile it no longer needs."""

    def build(_progress, cancel):
        from rnnviz import core
        from rnnviz.explorer.sources import builtin_ready_now, builtin_spec

        if not builtin_ready_now(int(hidden_dim), task):
            if not core.warmup.wait_unless("training", cancel.is_set):
                return None
        return builtin_spec(task, int(hidden_dim))

    return BackgroundJob(build, translate("ModelJob", "Building the built-in model"))

