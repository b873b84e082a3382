"""Playback smoothness benchmark: the animation over a long sequence, frame by frame.

    python -m rnnviz.bench.playback [--length 100] [--speed 20] [--seconds 6]

Opens the window (offscreen unless $QT_QPA_PLATFORM says otherwise) with temporary settings, sets
the sequence length, plays, and records for every animation frame the gap since the previous frame
and the time spent updating the views. Prints one JSON line (milliseconds): p50/p99/max of both,
the number of frames and of elementary steps shown. A 60 fps animation has 16.7 ms gaps; a stutter
shows as a gap far above that.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

import numpy as np


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=100)
    parser.add_argument("--speed", type=float, default=20.0, help="elementary steps per second")
    parser.add_argument("--seconds", type=float, default=6.0)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        from rnnviz.gui.main_window import MainWindow

        window = MainWindow()
        window.resize(1440, 900)
        window.show()
        while window.explorer is None:
            app.processEvents()
            time.sleep(0.01)
        window.gradient_controls.length_spin.setValue(args.length)
        window.playback_bar.speed.setValue(args.speed)
        gaps, costs, steps = [], [], set()
        original = window._on_frame
        last = [time.perf_counter()]

        def timed_frame():
            start = time.perf_counter()
            gaps.append((start - last[0]) * 1000)
            original()
            end = time.perf_counter()
            costs.append((end - start) * 1000)
            steps.add(window.playback.index)
            last[0] = end - (end - start)  # gap measured start to start

        window._frame_timer.timeout.disconnect()
        window._frame_timer.timeout.connect(timed_frame)
        window.toggle_play()
        last[0] = time.perf_counter()
        QTimer.singleShot(int(args.seconds * 1000), app.quit)
        app.exec()
        window.close()
    gaps, costs = np.array(gaps[1:]), np.array(costs)
    print(json.dumps({
        "T": args.length, "speed_steps_per_s": args.speed, "frames": int(costs.size),
        "steps_shown": len(steps),
        "frame_gap_ms": {"p50": round(float(np.median(gaps)), 2), "p99": round(float(np.percentile(gaps, 99)), 2),
                         "max": round(float(gaps.max()), 2)},
        "frame_cost_ms": {"p50": round(float(np.median(costs)), 2), "p99": round(float(np.percentile(costs, 99)), 2),
                          "max": round(float(costs.max()), 2)},
        "platform": os.environ["QT_QPA_PLATFORM"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
