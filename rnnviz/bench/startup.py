"""Startup benchmark: how long `python main.py` takes to show its window and its first trace.

    python -m rnnviz.bench.startup [--runs 5] [--cold]

Starts main.py (offscreen unless $QT_QPA_PLATFORM says otherwise) several times, each closing itself
after the first trace is drawn, and prints one JSON line with the medians in seconds, measured from
just before the process is spawned: `window_shown_s` (window up and painted) and `first_trace_s`
(kernels loaded/compiled in the background, default sentence traced and drawn). The first run may
compile the numba kernels (cold); the others load them from numba's cache (warm).
``--cold``: every run starts with an empty numba cache (a new NUMBA_CACHE_DIR, as on a fresh install),
and the JSON line holds the medians of those cold runs.
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


def one_run(settings_dir: str, numba_cache: str | None = None) -> dict[str, float]:
    env = dict(os.environ, RNNVIZ_STARTUP_REPORT="1", RNNVIZ_QUIT_AFTER_TRACE="1",
               RNNVIZ_SETTINGS_DIR=settings_dir)
    if numba_cache is not None:
        env["NUMBA_CACHE_DIR"] = numba_cache  # an empty folder: numba finds nothing cached
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
    parser.add_argument("--cold", action="store_true", help="empty numba cache on every run")
    args = parser.parse_args(argv)
    if args.cold:
        with tempfile.TemporaryDirectory() as settings_dir:
            runs = []
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory(prefix="rnnviz-numba-cache-") as cache:
                    runs.append(one_run(settings_dir, cache))
        print(json.dumps({"cold": True, **{k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]},
                          "runs": args.runs, "all": runs, "platform": os.environ.get("QT_QPA_PLATFORM", "offscreen")}))
        return 0
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
