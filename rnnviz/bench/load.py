"""Benchmark: cold and cached load of the IMDb dataset; prints one JSON object.

    python -m rnnviz.bench.load [PATH] [--num-words 10000] [--maxlen 500]

PATH defaults to $RNNVIZ_IMDB / find_imdb(). The cold load uses a fresh temporary cache folder
(so it really reads, tokenises and encodes everything); the cached load reads the npz it wrote.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict

from rnnviz.data.imdb import load_imdb
from rnnviz.data.locate import find_imdb


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=None)
    parser.add_argument("--num-words", type=int, default=10000)
    parser.add_argument("--maxlen", type=int, default=500)
    args = parser.parse_args(argv)
    path = find_imdb(args.path)
    stage_end: dict[str, float] = defaultdict(float)
    t0 = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        stage_end[stage] = time.perf_counter() - t0

    with tempfile.TemporaryDirectory(prefix="rnnviz-bench-") as cache_dir:
        ds = load_imdb(path, args.num_words, args.maxlen, cache_dir=cache_dir, progress=progress)
        cold = time.perf_counter() - t0
        t1 = time.perf_counter()
        load_imdb(path, args.num_words, args.maxlen, cache_dir=cache_dir)
        cached = time.perf_counter() - t1
        t2 = time.perf_counter()
        load_imdb(path, args.num_words, args.maxlen, use_cache=False)
        uncached = time.perf_counter() - t2
    result = {
        "source": str(path), "num_words": args.num_words, "maxlen": args.maxlen,
        "n_train": int(ds.x_train.shape[0]), "n_test": int(ds.x_test.shape[0]),
        "cold_load_s": round(cold, 3), "cold_stage_end_s": {k: round(v, 3) for k, v in stage_end.items()},
        "load_without_cache_s": round(uncached, 3), "cached_load_s": round(cached, 3),
        "cached_speedup": round(cold / cached, 1),
    }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
