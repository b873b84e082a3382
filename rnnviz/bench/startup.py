"""Startup benchmark: how long `python main.py` takes to show its window and its first trace.

    python -m rnnviz.bench.startup [--runs 5] [--cold]

Starts main.py (offscreen unless $QT_QPA_PLATFORM says otherwise) several times, each closing itself
after the first trace is drawn, and prints one JSON line with the medians in seconds, measured from
just before the process is spawned: `window_shown_s` (window up and painted) and `first_trace_s`
(kernels loaded/compiled in the background, default sentence traced and drawn). The first run may
compile the numba kernels (cold); the others load them from numba's cache (warm).
``--cold``: every run starts with an empty numba cache (a new NUMBA_CACHE_DIR, as on a fresh install),
and the JSON line holds the medians of those cold runs.
``--new-user`` (with or without ``--cold``): every run also starts with empty data and cache folders
(XDG_DATA_HOME, XDG_CACHE_HOME), as for someone who never started rnnviz, so the built-in model is
not trained yet; the run then lasts until the trained model's trace is drawn, and the line adds
`trained_model_s` (the first trace shows the model's untrained starting weights when its kernels
are not compiled yet).
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


def one_run(settings_dir: str, numba_cache: str | None = None, new_user: bool = False) -> dict[str, float]:
    env = dict(os.environ, RNNVIZ_STARTUP_REPORT="1", RNNVIZ_QUIT_AFTER_TRACE="trained" if new_user else "1",
               RNNVIZ_SETTINGS_DIR=settings_dir)
    if numba_cache is not None:
        env["NUMBA_CACHE_DIR"] = numba_cache  # an empty folder: numba finds nothing cached
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="rnnviz-new-user-") as home:
        if new_user:
            env["XDG_DATA_HOME"], env["XDG_CACHE_HOME"] = f"{home}/data", f"{home}/cache"
            env["RNNVIZ_SETTINGS_DIR"] = f"{home}/settings"  # no language, model or window remembered
        start = time.time()
        proc = subprocess.run([sys.executable, str(MAIN), "--quit-after", "120000"], env=env,
                              capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise SystemExit(f"main.py failed with status {proc.returncode}:\n{proc.stderr}")
    marks: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        if line.startswith("RNNVIZ_"):
            name, value = line.split()
            marks.setdefault(name, value)  # the first of each: a first start draws more than one trace
    run = {"window_shown_s": float(marks["RNNVIZ_WINDOW_SHOWN"]) - start,
           "first_trace_s": float(marks["RNNVIZ_TRACE_SHOWN"]) - start}
    if new_user:
        run["trained_model_s"] = float(marks["RNNVIZ_TRAINED_SHOWN"]) - start
    run["exit_s"] = time.time() - start
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="empty numba cache on every run")
    parser.add_argument("--new-user", action="store_true",
                        help="empty data and cache folders on every run (the built-in model not trained yet)")
    args = parser.parse_args(argv)
    if args.cold:
        with tempfile.TemporaryDirectory() as settings_dir:
            runs = []
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory(prefix="rnnviz-numba-cache-") as cache:
                    runs.append(one_run(settings_dir, cache, args.new_user))
        print(json.dumps({"cold": True, "new_user": args.new_user,
                          **{k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]},
                          "runs": args.runs, "all": runs, "platform": os.environ.get("QT_QPA_PLATFORM", "offscreen")}))
        return 0
    with tempfile.TemporaryDirectory() as settings_dir:
        runs = [one_run(settings_dir, new_user=args.new_user) for _ in range(args.runs)]
    first, warm = runs[0], runs[1:] or runs
    result = {"first_run": {k: round(v, 3) for k, v in first.items()},
              "warm_median": {k: round(statistics.median(r[k] for r in warm), 3) for k in first},
              "runs": args.runs, "platform": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
