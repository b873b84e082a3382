"""python -m rnnviz.bench runs and ends with one JSON object (figures are not asserted: a benchmark,
not a timed test)."""
import json
import math
import os
import subprocess
import sys


def test_bench_prints_json_last_line():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ, PYTHONPATH=root + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "rnnviz.bench", "--T", "6", "--B", "4", "--H", "5", "--E", "3",
           "--V", "50", "--steps", "2", "--reps", "2", "--warmup", "1", "--peer", "none",
           "--no-compile", "--no-peak"]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, timeout=300)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    for key in ("train_seq_per_s", "infer_seq_per_s", "train_seq_per_s_cpu", "infer_seq_per_s_cpu",
                "train_seq_per_s_no_diagnostics", "flops_per_seq"):
        assert math.isfinite(result[key]) and result[key] > 0, key  # a measured rate, not a stand-in
    # the diagnostics' cost is a ratio of two measured times minus 1: finite, of either sign
    assert math.isfinite(result["diagnostics_overhead"]) and result["diagnostics_overhead"] > -1
    assert result["T"] == 6 and result["B"] == 4 and result["input_path"] in ("rows", "vocab")
    assert len(result["train_rep_ms"]) == 2 and all(ms > 0 for ms in result["train_rep_ms"])
