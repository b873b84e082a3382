"""python -m rnnviz.bench.ui_interleaved: what the live window costs training, measured inside one run.

``python -m rnnviz.bench.ui`` compares whole runs (headless, then live): on a shared machine the load
changes between runs, and single repetitions of the same code spread by +-20 %, more than the effect
sought. Here one IMDb-shaped run (the same shape as ``rnnviz.bench.ui``) is started from the Train
page, and the GUI thread alternates, every ``--period`` seconds, between

- live: Qt's event loop runs, the plots redraw, the labels follow, as in the window; and
- asleep: the GUI thread sleeps (``time.sleep``: no event is processed, the GIL is free), so the
  trainer runs as it would headless (its reports wait in the mailbox for the next live phase).

The trainer's batch times are recorded on its own thread. The cost is the median over the live phases
of (median batch time in the phase) / (the mean of the two neighbouring asleep phases' medians) - 1:
load that changes slower than a few seconds hits both sides alike. The reports that waited during an
asleep phase are drawn at the start of the next live phase, which charges the live side with them (the
estimate errs on the side of a higher cost). Batches that end an epoch (validation inside) and batches
that span a phase switch are left out. The last line of output is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

import numpy as np

from .ui import add_model_args, compile_kernels, feed_panel, imdb_shaped_dataset, make_app, make_config, open_panel


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m rnnviz.bench.ui_interleaved", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    add_model_args(p)
    p.add_argument("--seconds", type=float, default=90.0, help="how long the run is measured")
    p.add_argument("--period", type=float, default=3.0, help="seconds of each live or asleep phase")
    p.add_argument("--placebo", action="store_true",
                   help="the 'live' phases sleep too: the method's own noise (the cost should come out near 0)")
    p.add_argument("--burn", type=float, default=0.0, metavar="PCT",
                   help="a known extra cost for checking the method: in live phases the GUI thread also spins in "
                        "Python for PCT %% of every 100 ms (holding the GIL)")
    p.add_argument("--window", action="store_true",
                   help="train from the Train page of the whole main window instead of the panel alone")
    p.add_argument("--width", type=int, default=1500, help="panel width")
    p.add_argument("--height", type=int, default=950, help="panel height")
    return p.parse_args(argv)


def phase_costs(batch_ends: list[tuple[float, int]], phases: list[tuple[float, float, bool]]) -> list[float]:
    """Per live phase: its median batch time over the mean of its neighbouring asleep phases' medians, - 1.

    batch_ends: (perf_counter time a batch ended, its number within the epoch); phases: (start, end,
    live?) in order. A batch's time is the gap since the previous batch ended; batch 1 of an epoch
    (validation of the previous epoch before it) and gaps that span two phases are left out."""
    medians = []
    for start, end, live in phases:
        times = [t1 - t0 for (t0, _), (t1, batch) in zip(batch_ends, batch_ends[1:])
                 if batch != 1 and start <= t0 and t1 <= end]
        medians.append((live, statistics.median(times) if len(times) >= 3 else None))
    costs = []
    for k, (live, median) in enumerate(medians):
        if not live or median is None or k == 0 or k == len(medians) - 1:
            continue
        before, after = medians[k - 1][1], medians[k + 1][1]
        if before is not None and after is not None:
            costs.append(median / ((before + after) / 2) - 1)
    return costs


def main(argv=None) -> int:
    args = parse_args(argv)
    app = make_app()
    from PySide6.QtCore import QEventLoop, QTimer

    from rnnviz.gui.training.worker import TrainWorker

    dataset = imdb_shaped_dataset(args.V, args.T, args.B, args.batches)
    args.epochs = 1000  # stopped after --seconds
    config = make_config(args)
    print(f"# IMDb-shaped: V={args.V} E={args.E} H={args.H} B={args.B} T={args.T}, {args.batches} batches per "
          f"epoch; {args.seconds:.0f} s in phases of {args.period:.1f} s; Qt platform {app.platformName()}",
          flush=True)
    compile_kernels(args)

    batch_ends: list[tuple[float, int]] = []
    original = TrainWorker._on_batch

    def on_batch(worker, report):  # on the training thread, right after each batch
        batch_ends.append((time.perf_counter(), report.batch))
        original(worker, report)

    TrainWorker._on_batch = on_batch
    window, panel = open_panel(app, args)
    feed_panel(panel, config, dataset)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)
    if not panel.start():
        raise SystemExit(f"the panel refused to start: {panel.status_label.text()}")
    while not batch_ends:  # the data is handed over and the first batch is done
        app.processEvents()
        time.sleep(0.005)

    phases: list[tuple[float, float, bool]] = []
    loop = QEventLoop()
    burner = QTimer()
    burner.setInterval(100)

    def burn():
        until = time.perf_counter() + args.burn / 1000  # PCT % of 100 ms
        while time.perf_counter() < until:
            pass

    burner.timeout.connect(burn)
    if args.burn > 0:
        burner.start()  # it fires only while the event loop runs: in live phases
    started, live = time.perf_counter(), True
    while time.perf_counter() - started < args.seconds:
        t0 = time.perf_counter()
        if live and not args.placebo:
            QTimer.singleShot(int(args.period * 1000), loop.quit)
            loop.exec()
        else:
            time.sleep(args.period)
        phases.append((t0, time.perf_counter(), live))
        live = not live
    burner.stop()
    panel.stop()
    while panel.state != "idle":
        app.processEvents()
        time.sleep(0.01)
    TrainWorker._on_batch = original
    panel.shutdown(2.0)
    window.close()

    costs = phase_costs(batch_ends, phases)
    out = {
        "live_cost_pct": round(100 * statistics.median(costs), 2) if costs else None,
        "quartiles_pct": ([round(100 * float(q), 2) for q in np.percentile(costs, [25, 75])] if costs else None),
        "live_phases": len(costs),
        "batches": len(batch_ends),
        "period_s": args.period,
        "placebo": args.placebo,
        "burn_pct": args.burn,
        "in_main_window": bool(args.window),
        "load_avg_1min": round(os.getloadavg()[0], 2),
        "config": {"V": args.V, "E": args.E, "H": args.H, "B": args.B, "T": args.T, "batches": args.batches,
                   "seconds": args.seconds, "platform": app.platformName()},
    }
    out["pass"] = {"live_cost_le_5pct": out["live_cost_pct"] is not None and out["live_cost_pct"] <= 5}
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
