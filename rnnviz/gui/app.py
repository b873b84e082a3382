"""``python main.py``: the QApplication and the main window.

Options (also for screenshots and the smoke test): ``--size WxH`` sets the window size,
``--quit-after MS`` (or $RNNVIZ_QUIT_AFTER_MS) closes the window after MS milliseconds, and
$RNNVIZ_STARTUP_REPORT=1 prints when the window was first shown and when the first trace was drawn
(epoch seconds, for ``python -m rnnviz.bench.startup``), and when a trained model's trace was first
drawn (a first start draws the built-in model's untrained weights before it), and
$RNNVIZ_QUIT_AFTER_TRACE=1 closes the window once the first trace is drawn (=trained: once a trained
model's trace is drawn). $RNNVIZ_SETTINGS_DIR redirects the settings file.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from rnnviz import __version__
from rnnviz.resource_files import MissingResourceError

from .app_icon import app_icon
from .settings import APPLICATION, ORGANIZATION, open_settings, redirect_from_env

#: The desktop entry's file name (resources/rnnviz.desktop). The name the window, the task bar and
#: the About box show is APPLICATION; it is not also set as the display name, which Qt would append
#: to every window title ("rnnviz — model.npz — rnnviz").
DESKTOP_FILE = "rnnviz"
EPILOG = """other commands:
  rnnviz train ...                        train headless (rnnviz train --help)
  rnnviz desktop-entry [--install]        add rnnviz to the desktop menu"""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="rnnviz",
                                     description="See how a recurrent neural network computes and learns.",
                                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"rnnviz {__version__}")
    parser.add_argument("--size", help="window size WIDTHxHEIGHT, e.g. 1280x800")
    parser.add_argument("--quit-after", type=int, metavar="MS", default=_env_int("RNNVIZ_QUIT_AFTER_MS"),
                        help="close the window after MS milliseconds (for tests and scripted screenshots)")
    args, _qt_args = parser.parse_known_args(argv)
    if args.size:
        try:
            w, h = (int(v) for v in args.size.lower().split("x"))
        except ValueError:
            parser.error(f"--size must look like 1280x800, got {args.size!r}")
        args.size = (w, h)
    return args


def _env_int(name: str) -> int | None:
    value = os.environ.get(name)
    return int(value) if value and value.isdigit() else None


def run(argv: list[str]) -> int:
    """Open the window and run the event loop; returns the exit status."""
    args = parse_args(list(argv))
    redirect_from_env()
    app = QApplication.instance() or QApplication(sys.argv[:1] + list(argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)  # also the X11 WM_CLASS the desktop entry matches
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE)  # Wayland: the task bar finds the entry and its icon
    from . import i18n

    # before any widget is made: every widget reads its words once, when it is built
    language = i18n.install_from_settings(app, open_settings())
    try:
        app.setWindowIcon(app_icon())
        from .main_window import MainWindow

        window = MainWindow()
        i18n.show_notes(window, language)
        from .learn import install_learn_panel

        # the lessons beside the Explore page (View > Learn panel), in the window's language
        install_learn_panel(window, language.language)
    except MissingResourceError as exc:
        return _broken_install(app, exc)
    if args.size:
        window.resize(*args.size)
    window.show()
    def trained_shown() -> bool:
        return window.explorer is not None and not window.explorer.model.untrained

    if os.environ.get("RNNVIZ_STARTUP_REPORT"):
        QTimer.singleShot(0, lambda: print(f"RNNVIZ_WINDOW_SHOWN {time.time():.4f}", flush=True))
        window.traceShown.connect(lambda: print(f"RNNVIZ_TRACE_SHOWN {time.time():.4f}", flush=True))
        window.traceShown.connect(lambda: trained_shown() and print(f"RNNVIZ_TRAINED_SHOWN {time.time():.4f}",
                                                                    flush=True))
    quit_after_trace = os.environ.get("RNNVIZ_QUIT_AFTER_TRACE")
    if quit_after_trace == "trained":
        window.traceShown.connect(lambda: trained_shown() and window.close())
    elif quit_after_trace:
        window.traceShown.connect(window.close)
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, window.close)
    return app.exec()


def _broken_install(app: QApplication, exc: MissingResourceError) -> int:
    """A file rnnviz ships is missing: say which and how to fix it, instead of a traceback."""
    print(f"rnnviz: {exc}", file=sys.stderr)
    if app.platformName() not in ("offscreen", "minimal"):  # nobody could close a box there
        from .i18n import translate

        QMessageBox.critical(None, translate("App", "rnnviz is not installed completely"), str(exc))
    return 1
