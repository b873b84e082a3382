"""The IMDb benchmark runs whole `main.py train` processes and prints the README's table and a JSON summary."""
import json

from rnnviz.bench import imdb as bench_imdb


def test_each_seed_is_a_whole_run_and_the_summary_says_whether_the_target_was_met(capsys):
    # a built-in task stands in for IMDb (no download); the path is then never read
    code = bench_imdb.main(["--imdb", "unused.tar.gz", "--seeds", "0", "1", "--",
                            "--dataset", "negation", "--epochs", "2", "--word-dropout", "0.1"])
    out = capsys.readouterr().out.strip().splitlines()
    summary = json.loads(out[-1])
    assert code == 0 and summary["seeds"] == [0, 1] and len(summary["test_accuracy"]) == 2
    assert summary["config"]["word_dropout"] == 0.1 and summary["epochs"] == [2, 2]
    assert summary["test_accuracy_min"] <= summary["test_accuracy_median"] <= summary["test_accuracy_max"]
    assert summary["target_met"] == (summary["test_accuracy_min"] >= 0.85 and summary["test_accuracy_median"] >= 0.87
                                     and summary["seconds_max"] <= 30.0)
    assert "| seed | best validation accuracy (epoch) |" in "\n".join(out)
    rows = [line for line in out if line.startswith("| 0 |") or line.startswith("| 1 |")]
    assert len(rows) == 2 and f"{summary['test_accuracy'][0]:.4f}" in rows[0]
