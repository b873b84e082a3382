"""The load benchmark runs end to end and reports its figures as JSON."""
import json

from rnnviz.bench import load as bench_load


def test_bench_prints_json_figures(imdb_archive, capsys):
    result = bench_load.main([str(imdb_archive), "--num-words", "50", "--maxlen", "20"])
    printed = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert printed == result
    assert printed["n_train"] == 6 and printed["n_test"] == 4
    assert printed["cold_load_s"] > 0 and printed["cached_load_s"] > 0
    assert set(printed["cold_stage_end_s"]) >= {"read", "tokenise", "encode"}
