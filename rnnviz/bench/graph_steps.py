"""Speed of the graph widget at long sequences: python -m rnnviz.bench.graph_steps [--T 500].

Prints (offscreen, real trace from rnnviz.core.make_trace):
  - set_trace build time,
  - ms per set_step for 1000 random step indices (target < 2 ms),
  - ms per set_progress frame when playing forward/backward in order (8 sub-frames per step),
    alone and with the repaint it triggers (processEvents),
  - ms to repaint the whole viewport at fit-all zoom and at the default zoom,
  - ms per frame of the fold animation.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np


def _trace(T: int, hidden: int):
    from rnnviz.core import init_params, make_trace

    params = init_params(50, 8, hidden, seed=1, dtype=np.float64)
    params["E"] *= 20.0
    tokens = np.random.default_rng(1).integers(0, 50, size=T)
    return make_trace(params, tokens, 1), [f"w{k}" for k in tokens]


def _ms(fn, repeat: int) -> float:
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - t0) * 1000.0 / repeat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--T", type=int, default=500)
    parser.add_argument("--hidden", type=int, default=8)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from rnnviz.gui.graph import UnrolledGraphView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    trace, words = _trace(args.T, args.hidden)
    n = len(trace.steps)
    view = UnrolledGraphView()
    view.resize(1280, 560)
    view.show()
    app.processEvents()
    t0 = time.perf_counter()
    view.set_trace(trace, words)
    build = (time.perf_counter() - t0) * 1000
    app.processEvents()
    rng = np.random.default_rng(0)
    targets = iter(rng.integers(-1, n, size=1000))
    random_ms = _ms(lambda: view.set_step(int(next(targets))), 1000)
    frames = iter([(i, k / 8) for i in range(-1, n - 1) for k in range(8)])
    play_ms = _ms(lambda: view.set_progress(*next(frames)), 8 * n)
    vp = view.viewport()
    frames = iter([(i, k / 8) for i in range(n // 2, n - 1) for k in range(8)])

    def frame_with_repaint():  # the view follows the current step, as the window does
        i, frac = next(frames)
        view.set_progress(i, frac)
        if frac == 0:
            view.center_on_step(trace.steps[i].t)
        vp.repaint()

    play_paint_ms = _ms(frame_with_repaint, 400)
    view.set_step(n // 2)
    default_paint = _ms(lambda: vp.grab(), 5)
    view.fit_all()
    app.processEvents()
    fit_paint = _ms(lambda: vp.grab(), 5)
    steps = iter(np.linspace(0, 1, 30))
    view._fold_focus = trace.T // 2  # fold from the fit-all view: every column is on screen
    view._fold_rects = (view.mapToScene(vp.rect()).boundingRect(), view._folded_rect())
    view._prepare_fold()
    fold_ms = _ms(lambda: (view._apply_fold(float(next(steps))), vp.grab()), 30)
    print(f"T = {args.T}, H = {args.hidden}, {n} elementary steps, "
          f"{len(view.scene().items())} scene items")
    print(f"set_trace (build):                  {build:8.1f} ms")
    print(f"set_step, 1000 random indices:      {random_ms:8.3f} ms per call   (target < 2 ms)")
    print(f"set_progress, playing in order:     {play_ms:8.3f} ms per frame")
    print(f"  same + full viewport repaint:     {play_paint_ms:8.3f} ms per frame (default zoom, upper bound)")
    print(f"full viewport repaint, default zoom:{default_paint:8.1f} ms")
    print(f"full viewport repaint, fit all:     {fit_paint:8.1f} ms")
    print(f"fold animation frame from fit-all:  {fold_ms:8.1f} ms (incl. repaint)")
    view.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
