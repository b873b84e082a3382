"""Reproduce the IMDb target: the default config over several seeds, each a full ``main.py train`` run.

    python -m rnnviz.bench.imdb --imdb ../shared/data/imdb/aclImdb_v1.tar.gz --seeds 0 1 2 [--cold]
        [-- extra train options, e.g. --optimizer rmsprop --clip-norm none]

Each run is a fresh process, exactly what a user types, so its ``seconds`` is the whole run: load and
tokenise (``--cold``: into an empty cache folder, as on a first launch), train, validate, test. Prints one
line per run and, last, one JSON object: the per-seed test accuracies and seconds, their minimum, mean
and maximum, and whether every run met the target (test accuracy >= 0.85 in under 180 s).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TARGET_ACCURACY = 0.85
TARGET_SECONDS = 180.0
MAIN = Path(__file__).resolve().parents[2] / "main.py"


def run_once(imdb: str, seed: int, extra: list[str], cache_dir: str | None) -> dict:
    """One ``main.py train`` process; its JSON last line plus the command."""
    cmd = [sys.executable, str(MAIN), "train", "--imdb", imdb, "--seed", str(seed), "--no-save", *extra]
    if cache_dir is not None:
        cmd += ["--cache-dir", cache_dir]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"run failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["command"] = " ".join(cmd[1:])
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--imdb", required=True, help="aclImdb_v1.tar.gz (or folder / imdb.npz)")
    p.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    p.add_argument("--cold", action="store_true", help="every run loads into an empty cache folder")
    p.add_argument("extra", nargs=argparse.REMAINDER, help="further options for main.py train, after --")
    args = p.parse_args(argv)
    extra = [a for a in args.extra if a != "--"]
    runs = []
    for seed in args.seeds:
        with tempfile.TemporaryDirectory(prefix="rnnviz-cold-cache-") as tmp:
            r = run_once(args.imdb, seed, extra, tmp if args.cold else None)
        runs.append(r)
        print(f"seed {seed}: {r['status']} test accuracy {r['test_accuracy']:.4f} (best val "
              f"{r['best_val_accuracy']:.4f}, epoch {r['best_epoch']}), {r['seconds']:.1f} s "
              f"(load {r['load_seconds']:.1f} s), {r['seq_per_s']:,.0f} seq/s", flush=True)
    acc = [r["test_accuracy"] for r in runs]
    secs = [r["seconds"] for r in runs]
    summary = {
        "config": runs[0]["config"], "cold_cache": args.cold, "seeds": args.seeds,
        "test_accuracy": acc, "seconds": secs, "load_seconds": [r["load_seconds"] for r in runs],
        "best_epoch": [r["best_epoch"] for r in runs],
        "test_accuracy_min": min(acc), "test_accuracy_mean": round(statistics.fmean(acc), 4),
        "test_accuracy_max": max(acc), "seconds_max": max(secs),
        "target_met": all(a >= TARGET_ACCURACY for a in acc) and max(secs) < TARGET_SECONDS,
        "command": runs[0]["command"],
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
