"""Command-line entry point: the window by default, ``train`` for the headless trainer."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from rnnviz.core.blas import limit_blas_threads_unless_configured

    limit_blas_threads_unless_configured()  # the kernels' small per-step GEMMs want one BLAS thread
    if argv and argv[0] == "train":
        from rnnviz.train.cli import main as train_main

        return train_main(argv[1:])
    from rnnviz.gui.app import run

    return run(argv)
