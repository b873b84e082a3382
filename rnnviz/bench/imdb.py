"""Reproduce the IMDb target: the default config over several seeds, each a full ``main.py train`` run.

    python -m rnnviz.bench.imdb --imdb path/to/aclImdb_v1.tar.gz [--seeds 0 1 2 3 4] [--cold]
        [-- extra train options, e.g. --optimizer rmsprop --clip-norm none]

Each run is a fresh process, exactly what a user types, so its ``seconds`` is the whole run: load and
tokenise (``--cold``: into an empty cache folder, as on a first launch), train, validate, test. Prints one
line per run, then the README's table (markdown) and, last, one JSON object: the per-seed test
accuracies and seconds, their minimum, median, mean and maximum, the machine's load average before and
after, the best validation accuracies with their median and minimum (what configs are compared by) and
whether the target was met (test accuracy >= 0.85 on every seed, median >= 0.87, every whole
run <= 30 s; the time only means something on an otherwise idle machine, hence the load average).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TARGET_ACCURACY = 0.85  # every seed
TARGET_MEDIAN = 0.87
TARGET_SECONDS = 30.0
MAIN = Path(__file__).resolve().parents[2] / "main.py"


def run_once(imdb: str, seed: int, extra: list[str], cache_dir: str | None) -> dict:
    """One ``main.py train`` process; its JSON last line plus the command."""
    cmd = [sys.executable, str(MAIN), "train", "--imdb", imdb, "--seed", str(seed), "--no-save", *extra]
    if cache_dir is not None:
        cmd += ["--cache-dir", cache_dir]
    cpu_before = _children_cpu_seconds()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"run failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["command"] = " ".join(cmd[1:])
    # CPU time of the process (user + system): on a machine shared with other work the wall time
    # grows with the load, the CPU time much less (a run is single-threaded; contention still inflates
    # it a little), so it is the better guide to an idle machine's wall time
    result["cpu_seconds"] = round(_children_cpu_seconds() - cpu_before, 2)
    return result


def _children_cpu_seconds() -> float:
    try:
        import resource
    except ImportError:  # Windows: no CPU figure
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--imdb", default=os.environ.get("RNNVIZ_IMDB"),
                   help="aclImdb_v1.tar.gz (or folder / imdb.npz); default: $RNNVIZ_IMDB")
    p.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    p.add_argument("--cold", action="store_true", help="every run loads into an empty cache folder")
    p.add_argument("extra", nargs=argparse.REMAINDER, help="further options for main.py train, after --")
    args = p.parse_args(argv)
    if not args.imdb:
        p.error("give --imdb PATH or set RNNVIZ_IMDB")
    extra = [a for a in args.extra if a != "--"]
    load_before = _load_average()
    runs = []
    for seed in args.seeds:
        with tempfile.TemporaryDirectory(prefix="rnnviz-cold-cache-") as tmp:
            r = run_once(args.imdb, seed, extra, tmp if args.cold else None)
        runs.append(r)
        print(f"seed {seed}: {r['status']} test accuracy {r['test_accuracy'] or 0:.4f} (best val "
              f"{r['best_val_accuracy']:.4f}, epoch {r['best_epoch']}), {r['seconds']:.1f} s "
              f"(load {r['load_seconds']:.1f} s, CPU {r['cpu_seconds']:.1f} s), {r['seq_per_s']:,.0f} seq/s", flush=True)
    acc = [r["test_accuracy"] if r["test_accuracy"] is not None else 0.0 for r in runs]
    val = [r["best_val_accuracy"] for r in runs]  # what configs are compared by (the test set chooses nothing)
    secs = [r["seconds"] for r in runs]
    print(table(runs))
    summary = {
        "config": runs[0]["config"], "cold_cache": args.cold, "seeds": args.seeds,
        "test_accuracy": acc, "seconds": secs, "load_seconds": [r["load_seconds"] for r in runs],
        "best_epoch": [r["best_epoch"] for r in runs], "epochs": [r["epochs"] for r in runs],
        "best_val_accuracy": val, "best_val_median": round(statistics.median(val), 4), "best_val_min": min(val),
        "test_accuracy_min": min(acc), "test_accuracy_median": round(statistics.median(acc), 4),
        "test_accuracy_mean": round(statistics.fmean(acc), 4), "test_accuracy_max": max(acc),
        "seconds_max": max(secs), "cpu_seconds": [r["cpu_seconds"] for r in runs], "load_average_before": load_before, "load_average_after": _load_average(),
        "target_met": (min(acc) >= TARGET_ACCURACY and statistics.median(acc) >= TARGET_MEDIAN
                       and max(secs) <= TARGET_SECONDS),
        "command": runs[0]["command"],
    }
    print(json.dumps(summary))
    return 0


def table(runs: list[dict]) -> str:
    """The README's table: one row per seed."""
    lines = ["| seed | best validation accuracy (epoch) | test accuracy (25,000 reviews) | whole run | its CPU time |",
             "|---|---:|---:|---:|---:|"]
    for r in runs:
        test = "-" if r["test_accuracy"] is None else f"{r['test_accuracy']:.4f}"
        lines.append(f"| {r['config']['seed']} | {r['best_val_accuracy']:.4f} ({r['best_epoch']}) | {test} | "
                     f"{r['seconds']:.1f} s | {r['cpu_seconds']:.1f} s |")
    return "\n".join(lines)


def _load_average() -> list[float] | None:
    """1-, 5- and 15-minute load averages (None where the system has none): runs here share the CPUs."""
    try:
        return [round(v, 2) for v in os.getloadavg()]
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
