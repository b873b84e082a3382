"""Developer entry: the training panel alone in a window. ``python examples/train_panel_demo.py [--imdb PATH]``.

It prints what the panel emits (modelChanged, reviewChosen) so the hand-over to the main window can be
checked without it.
"""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--imdb", help="IMDb archive, aclImdb folder or Keras imdb.npz to preselect")
    parser.add_argument("--dataset", choices=("imdb", "memory", "negation"), help="dataset to preselect")
    parser.add_argument("--start", action="store_true", help="press Start at once")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication, QMainWindow

    from rnnviz.gui.training import TrainingPanel

    class Window(QMainWindow):
        def closeEvent(self, event):  # noqa: N802 (Qt name)
            panel.shutdown(1.0)  # as the main window does: no training thread outlives the window
            event.accept()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = Window()
    window.setWindowTitle("rnnviz: train")
    panel = TrainingPanel()
    window.setCentralWidget(panel)
    if args.imdb:
        panel.data_box.set_imdb_path(args.imdb)
    if args.dataset:
        panel.data_box.set_dataset(args.dataset)
    panel.modelChanged.connect(_print_model)
    panel.reviewChosen.connect(_print_review)
    window.resize(1500, 950)
    window.show()
    if args.start:
        panel.start()

    code = app.exec()
    panel.shutdown(1.0)
    return code


def _print_model(model) -> None:
    print(f"modelChanged: H={model.hidden_dim}, vocab={model.vocab_size}, maxlen={model.maxlen}, "
          f"status={model.history.get('status', 'running')}", flush=True)


def _print_review(text: str, label: int) -> None:
    print(f"reviewChosen: label={label}: {text[:80]!r}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
