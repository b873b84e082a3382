"""Build a built-in model off the GUI thread: a first build trains it (a fraction of a second once the
kernels are compiled, longer while they are not), a later one reads the cache."""
from __future__ import annotations

from .i18n import translate
from .jobs import BackgroundJob


def builtin_model_job(task: str, hidden_dim: int) -> BackgroundJob:
    """succeeded(ModelSpec of ``builtin_spec(task, hidden_dim)``) or failed(message)."""

    def build(_progress, _cancel):
        from rnnviz.explorer.sources import builtin_spec

        return builtin_spec(task, int(hidden_dim))

    return BackgroundJob(build, translate("ModelJob", "Building the built-in model"))
