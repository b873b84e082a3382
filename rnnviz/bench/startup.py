"""Startup benchmark: how long `python main.py` takes to show its window and its first trace.

    python -m rnnviz.bench.startup [--runs 5]

Starts main.py (offscreen unless $QT_QPA_PLATFORM says otherwise) several times, each closing itself
after the first trace is drawn, and prints one JSON line with the medians in seconds, measured from
just before the process is spawned: `window_shown_s` (window up and painted) and `first_trace_s`
(kernels loaded/compiled in the background, default sentence traced and drawn). The first run may
compile the numba kernels (cold); the others load them from numba's cache (warm).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MAIN = Path(__file__).resolve().parents[2] / "main.py"


def one_run(settings_dir: str) -> dict[str, float]:
    env = dict(os.environ, RNNVIZ_STARTUP_REPORT="1", RNNVIZ_QUIT_AFTER_TRACE="1",
               RNNVIZ_SETTINGS_DIR=settings_dir)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.time()
    proc = subprocess.run([sys.executable, str(MAIN), "--quit-after", "120000"], env=env,
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise SystemExit(f"main.py failed with status {proc.returncode}:\n{proc.stderr}")
    marks = dict(line.split() for line in proc.stdout.splitlines() if line.startswith("RNNVIZ_"))
    return {"window_shown_s": float(marks["RNNVIZ_WINDOW_SHOWN"]) - start,
            "first_trace_s": float(marks["RNNVIZ_TRACE_SHOWN"]) - start,
            "exit_s": time.time() - start}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as settings_dir:
        runs = [one_run(settings_dir) for _ in range(args.runs)]
    first, warm = runs[0], runs[1:] or runs
    result = {"first_run": {k: round(v, 3) for k, v in first.items()},
              "warm_median": {k: round(statistics.median(r[k] for r in warm), 3) for k in first},
              "runs": args.runs, "platform": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
