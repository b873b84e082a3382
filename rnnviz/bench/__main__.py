"""python -m rnnviz.bench: training and inference throughput of the rnnviz core, side by side
with PyTorch's nn.RNN, plus kernel compile and cache-load times.

Model (the Keras IMDb example): Embedding(V, E) -> SimpleRNN(H, tanh, last state) -> Dense(1),
binary cross-entropy with logits, Adam(lr=1e-3), float32, random tokens from a fixed seed.
One rnnviz training step = forward + BPTT with the per-step diagnostics (||dL/ds_t|| and the
dW contribution norms) + the global gradient norm + the Adam update of every parameter.
``--cell lstm`` / ``--cell gru``: the same with rnnviz's LSTM / GRU (per-step diagnostics
||dL/ds_t||, and ||dL/dC_t|| for the LSTM) against nn.LSTM / nn.GRU; the FLOP-limit figures
count the vanilla cell only, so they are left out for the gated cells.

Timing: --warmup untimed steps, then --reps repetitions of --steps timed steps per peer; the
repetitions of the peers are interleaved (rnnviz, torch, rnnviz, torch, ...) so that load from
other processes hits both alike. Figures are medians over repetitions of wall time; ``*_cpu``
figures use the process CPU time instead (steadier on a shared machine; with one thread it equals
the wall time on an idle one). ``*_ratio_vs_torch`` is the median of the per-repetition ratios.
Compile time is measured in a fresh subprocess with an empty
NUMBA_CACHE_DIR, the cache load in a second fresh subprocess using that cache.

The last line of output is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m rnnviz.bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--T", type=int, default=200, help="sequence length")
    p.add_argument("--B", type=int, default=128, help="batch size")
    p.add_argument("--H", type=int, default=32, help="hidden units")
    p.add_argument("--E", type=int, default=32, help="embedding dim")
    p.add_argument("--V", type=int, default=10000, help="vocabulary size")
    p.add_argument("--steps", type=int, default=20, help="timed steps per repetition")
    p.add_argument("--reps", type=int, default=5, help="timed repetitions")
    p.add_argument("--warmup", type=int, default=5, help="untimed warm-up steps")
    p.add_argument("--threads", type=int, default=1, help="BLAS / torch threads")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--pool", type=int, default=8, help="pre-generated batches")
    p.add_argument("--peer", choices=("torch", "none"), default=None,
                   help="side-by-side peer (default: torch when it imports)")
    p.add_argument("--no-compile", action="store_true",
                   help="skip the compile / cache-load subprocess measurements")
    p.add_argument("--no-peak", action="store_true", help="skip the GEMM peak measurement")
    p.add_argument("--cell", choices=("rnn", "lstm", "gru"), default="rnn",
                   help="recurrent cell: the vanilla RNN (nn.RNN in the peer), LSTM (nn.LSTM) or "
                        "GRU (nn.GRU)")
    p.add_argument("--input-path", choices=("auto", "rows", "vocab"), default="auto",
                   help="how rnnviz forms U x_t and the E, U gradients: one GEMM over the T*B "
                        "input rows, or over the V vocabulary rows (auto: the smaller)")
    return p.parse_args(argv)


def measure_compile(threads: int) -> dict:
    """compile_s: first calls in a fresh interpreter with an empty numba cache;
    cache_load_s: the same in another fresh interpreter that finds the cache."""
    out = {}
    with tempfile.TemporaryDirectory(prefix="rnnviz-numba-cache-") as cache:
        env = dict(os.environ, NUMBA_CACHE_DIR=cache, OPENBLAS_NUM_THREADS=str(threads),
                   OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
        for key in ("compile", "cache_load"):
            res = subprocess.run([sys.executable, "-m", "rnnviz.bench.compile_probe"], env=env,
                                 capture_output=True, text=True, check=True)
            probe = json.loads(res.stdout.strip().splitlines()[-1])
            out[f"{key}_s"] = probe["first_call_s"]
            out[f"{key}_import_s"] = probe["import_s"]
    return out


def main(argv=None) -> None:
    args = parse_args(argv)
    # thread pools read these when the libraries load, so set them before importing numpy
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    import numpy as np

    from .flops import peak_gemm_gflops, train_step_flops
    from .rnnviz_peer import make_rnnviz_steps
    from .timing import interleaved, summarize

    B, T, E, H, V = args.B, args.T, args.E, args.H, args.V
    compile_info = {} if args.no_compile else measure_compile(args.threads)

    rng = np.random.default_rng(args.seed)
    pool = [rng.integers(1, V, (B, T)) for _ in range(args.pool)]
    labels = [rng.integers(0, 2, B) for _ in range(args.pool)]
    train_fns, infer_fns = {}, {}
    train_fns["rnnviz"], infer_fns["rnnviz"], ws = make_rnnviz_steps(
        B, T, E, H, V, args.seed, pool, labels, input_path=args.input_path, cell=args.cell)
    # the same step without the per-step diagnostics, to state what they cost
    train_fns["rnnviz_no_diag"] = make_rnnviz_steps(B, T, E, H, V, args.seed, pool, labels,
                                                    diagnostics=False,
                                                    input_path=args.input_path,
                                                    cell=args.cell)[0]
    torch_version = None
    if args.peer != "none":
        try:
            from .torch_peer import make_torch_steps
            train_fns["torch"], infer_fns["torch"], torch_version = make_torch_steps(
                B, T, E, H, V, args.threads, args.seed, pool, labels, cell=args.cell)
        except ImportError:
            if args.peer == "torch":
                raise SystemExit("--peer torch: torch does not import (pip install torch)") from None

    train_wall, train_cpu = interleaved(train_fns, args.steps, args.reps, args.warmup)
    infer_wall, infer_cpu = interleaved(infer_fns, args.steps, args.reps, args.warmup)
    train = {k: summarize(v, B, T) for k, v in train_wall.items()}
    train_c = {k: summarize(v, B, T) for k, v in train_cpu.items()}
    infer = {k: summarize(v, B, T) for k, v in infer_wall.items()}
    infer_c = {k: summarize(v, B, T) for k, v in infer_cpu.items()}

    def median_ratio(num: list[float], den: list[float]) -> float:
        """Median over repetitions of den/num: how many times faster ``num``'s peer is."""
        return statistics.median(d / n for n, d in zip(num, den, strict=True))

    diag_cost = [a / b - 1.0 for a, b in zip(train_cpu["rnnviz"], train_cpu["rnnviz_no_diag"], strict=True)]
    fl = train_step_flops(B, T, E, H, V)
    peak, peak_cpu = (None, None) if args.no_peak or args.cell != "rnn" else peak_gemm_gflops()
    result = {
        "tool": "rnnviz.bench", "cell": args.cell, "T": T, "B": B, "H": H, "E": E, "V": V,
        "steps": args.steps, "reps": args.reps, "warmup": args.warmup, "threads": args.threads,
        "python": platform.python_version(), "numpy_version": np.__version__,
        "torch_version": torch_version, "input_path": ws.input_path,
        "train_seq_per_s": train["rnnviz"]["seq_per_s"],
        "train_seq_per_s_best": train["rnnviz"]["seq_per_s_best"],
        "train_ms_per_step": train["rnnviz"]["ms_per_step"],
        "train_rep_ms": train["rnnviz"]["rep_ms"],
        "train_seq_per_s_cpu": train_c["rnnviz"]["seq_per_s"],
        "train_seq_per_s_no_diagnostics": train["rnnviz_no_diag"]["seq_per_s"],
        "diagnostics_overhead": statistics.median(diag_cost),
        "infer_seq_per_s": infer["rnnviz"]["seq_per_s"],
        "infer_ms_per_step": infer["rnnviz"]["ms_per_step"],
        "infer_seq_per_s_cpu": infer_c["rnnviz"]["seq_per_s"],
        **compile_info,
    }
    if args.cell == "rnn":  # the FLOP count is the vanilla cell's
        result["flops_per_seq"] = fl["per_sequence"]
    if peak is not None:
        limit = peak * 1e9 / fl["per_sequence"]
        limit_cpu = peak_cpu * 1e9 / fl["per_sequence"]
        result.update({"peak_gemm_gflops": peak, "train_flop_limit_seq_per_s": limit,
                       "train_fraction_of_flop_limit": result["train_seq_per_s"] / limit,
                       "peak_gemm_gflops_cpu": peak_cpu,
                       "train_flop_limit_seq_per_s_cpu": limit_cpu,
                       "train_fraction_of_flop_limit_cpu":
                           result["train_seq_per_s_cpu"] / limit_cpu})
    if "torch" in train:
        result.update({
            "torch_train_seq_per_s": train["torch"]["seq_per_s"],
            "torch_train_seq_per_s_cpu": train_c["torch"]["seq_per_s"],
            "torch_train_rep_ms": train["torch"]["rep_ms"],
            "torch_infer_seq_per_s": infer["torch"]["seq_per_s"],
            "torch_infer_seq_per_s_cpu": infer_c["torch"]["seq_per_s"],
            "train_ratio_vs_torch": median_ratio(train_wall["rnnviz"], train_wall["torch"]),
            "train_ratio_vs_torch_cpu": median_ratio(train_cpu["rnnviz"], train_cpu["torch"]),
            "infer_ratio_vs_torch": median_ratio(infer_wall["rnnviz"], infer_wall["torch"]),
            "infer_ratio_vs_torch_cpu": median_ratio(infer_cpu["rnnviz"], infer_cpu["torch"]),
        })
    print(f"rnnviz {args.cell} T={T} B={B} H={H} E={E} V={V} threads={args.threads} "
          f"input path {ws.input_path}")
    for name in train:
        line = (f"  {name:14s} train {train[name]['ms_per_step']:7.2f} ms/step "
                f"{train[name]['seq_per_s']:8.0f} seq/s")
        if name in infer:
            line += (f"   infer {infer[name]['ms_per_step']:7.2f} ms/batch "
                     f"{infer[name]['seq_per_s']:8.0f} seq/s")
        print(line + f"   (CPU time: train {train_c[name]['seq_per_s']:.0f} seq/s)")
    print(f"  per-step diagnostics cost {100 * result['diagnostics_overhead']:.1f}% of a step "
          "(CPU time)")
    if "train_ratio_vs_torch" in result:
        print(f"  ratio rnnviz/torch: train {result['train_ratio_vs_torch']:.2f}x "
              f"(CPU time {result['train_ratio_vs_torch_cpu']:.2f}x), "
              f"infer {result['infer_ratio_vs_torch']:.2f}x")
    if peak is not None:
        print(f"  FLOP limit {result['train_flop_limit_seq_per_s']:.0f} seq/s at {peak:.0f} "
              f"GFLOP/s: {100 * result['train_fraction_of_flop_limit']:.0f}% of it; by CPU time "
              f"{result['train_flop_limit_seq_per_s_cpu']:.0f} seq/s at {peak_cpu:.0f} GFLOP/s: "
              f"{100 * result['train_fraction_of_flop_limit_cpu']:.0f}%")
    if compile_info:
        print(f"  compile {compile_info['compile_s']:.1f} s, cache load "
              f"{compile_info['cache_load_s']:.2f} s")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
