"""Placeholder window until the window lands: starts and exits cleanly."""
from __future__ import annotations

import sys


def run(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1] + list(argv))
    label = QLabel("rnnviz")
    label.resize(400, 200)
    label.show()
    return app.exec()
