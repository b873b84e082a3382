"""Look at the graph widget on its own with a real trace: python examples/graph_demo.py [options].

Builds a small seeded model (rnnviz.core.init_params), runs rnnviz.core.make_trace on a sentence
and shows the graph stepping through the forward pass and BPTT. Options:
  --T N            sequence length (the sentence is repeated / cut to N words; default: the sentence)
  --hidden H       hidden units (default 6)
  --w-scale X      multiply W by X (spectral radius < 1 vanishes, > 1 explodes; default 1.0)
  --activation A   tanh | relu | linear
  --truncate K     truncated BPTT over the last K steps
  --step I         show step I instead of animating (-1 = nothing computed)
  --folded         start folded
  --zoom Z         zoom factor applied after the initial view
  --centre T       centre on step T
  --fit            fit the whole graph in the window
  --fold-at P      freeze the fold animation at P in [0, 1] (to look at a frame)
  --progress F     with --step I: show I blended F of the way to step I + 1
  --label Y        the 0/1 label of the many-to-one loss (default 0)
  --head H         binary (many-to-one) | softmax (many-to-many, next-word targets)
  --hover P        highlight parameter P (U, W or V)
  --screenshot F   save the window to F (PNG) after --delay ms and quit
"""
from __future__ import annotations

import argparse
import sys

import numpy as np

SENTENCE = "this movie was not good at all , the acting felt flat and the story dragged"


def params_for_softmax(params, vocab_size: int, args):
    """The same E, U, W, b with an output layer over the vocabulary (K = vocab_size)."""
    from rnnviz.core import init_params

    out = init_params(vocab_size, 8, args.hidden, output_dim=vocab_size, seed=args.seed, dtype=np.float64)
    return {**params, "V": out["V"], "c": out["c"]}


def _model_and_trace(args):
    from rnnviz.core import init_params, make_trace

    words = SENTENCE.split()
    if args.T:
        words = (words * (args.T // len(words) + 1))[: args.T]
    vocab = {w: k for k, w in enumerate(dict.fromkeys(words))}
    params = init_params(len(vocab), 8, args.hidden, seed=args.seed, dtype=np.float64)
    params["E"] *= 20.0  # the default init embeds words near 0; spread them so s_t is visible
    params["W"] *= args.w_scale
    tokens = np.array([vocab[w] for w in words], dtype=np.int64)
    if args.head == "softmax":  # many-to-many: predict the next word's token at every step
        targets = np.roll(tokens, -1)
        trace = make_trace(params_for_softmax(params, len(vocab), args), tokens, targets,
                           activation=args.activation, head="softmax", truncate=args.truncate)
        return trace, words
    trace = make_trace(params, tokens, args.label, activation=args.activation, truncate=args.truncate)
    return trace, words




def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--T", type=int, default=0)
    parser.add_argument("--hidden", type=int, default=6)
    parser.add_argument("--w-scale", type=float, default=1.0)
    parser.add_argument("--activation", default="tanh")
    parser.add_argument("--truncate", type=int, default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--step", type=int, default=None)
    parser.add_argument("--folded", action="store_true")
    parser.add_argument("--zoom", type=float, default=1.0)
    parser.add_argument("--centre", type=int, default=None)
    parser.add_argument("--hover", default="")
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--fold-at", type=float, default=None)
    parser.add_argument("--progress", type=float, default=None)
    parser.add_argument("--head", default="binary")
    parser.add_argument("--label", type=int, default=0)
    parser.add_argument("--size", default="1300x620")
    parser.add_argument("--screenshot", default="")
    parser.add_argument("--delay", type=int, default=1500)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from rnnviz.gui.graph import UnrolledGraphView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    trace, words = _model_and_trace(args)
    view = UnrolledGraphView()
    w, h = (int(v) for v in args.size.split("x"))
    view.resize(w, h)
    view.setWindowTitle(f"rnnviz graph demo: T = {trace.T}, loss = {trace.loss:.4f}")
    view.set_trace(trace, words)
    view.show()
    app.processEvents()
    if args.fit:
        view.fit_all()
    if args.zoom != 1.0:
        view._zoom_by(args.zoom, None)
    if args.centre is not None:
        view.center_on_step(args.centre)
    view.highlight_parameter(args.hover)
    if args.folded:
        view.set_folded(True, animate=False)
    n = len(trace.steps)
    if args.fold_at is not None:
        view.set_step(args.step if args.step is not None else -1)
        view._fold_focus = max(view._current_t(), 1)
        view._fold_rects = (view.mapToScene(view.viewport().rect()).boundingRect(), view._folded_rect())
        view._prepare_fold()
        view._apply_fold(args.fold_at)
    elif args.step is not None and args.progress is not None:
        view.set_progress(args.step, args.progress)
    elif args.step is not None:
        view.set_step(args.step)
    else:
        state = {"i": -1, "sub": 0}

        def tick():
            state["sub"] = (state["sub"] + 1) % 8
            if state["sub"] == 0:
                state["i"] = state["i"] + 1 if state["i"] < n - 1 else -1
            view.set_progress(state["i"], state["sub"] / 8)

        timer = QTimer(view)
        timer.timeout.connect(tick)
        timer.start(40)
    if args.screenshot:
        def shoot():
            view.grab().save(args.screenshot)
            app.quit()

        QTimer.singleShot(args.delay, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
