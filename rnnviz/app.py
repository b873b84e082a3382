"""Command-line entry point (`rnnviz`, `python -m rnnviz`, `python main.py`): the window by
default, ``train`` for the headless trainer, ``desktop-entry`` for the desktop menu entry,
``--version`` for the version."""
from __future__ import annotations

import sys

from rnnviz import __version__


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in ("--version", "-V"):
        print(f"rnnviz {__version__}")
        return 0
    if argv and argv[0] == "desktop-entry":
        from rnnviz.desktop import main as desktop_main

        return desktop_main(argv[1:])
    # Before anything imports numba: a read-only install caches its kernels in the user's cache.
    from rnnviz import numba_cache

    numba_cache.configure()
    from rnnviz.core.blas import limit_blas_threads_unless_configured

    limit_blas_threads_unless_configured()  # the kernels' small per-step GEMMs want one BLAS thread
    if argv and argv[0] == "train":
        from rnnviz.train.cli import main as train_main

        return train_main(argv[1:])
    from rnnviz.gui.app import run

    return run(argv)
