"""``python main.py train``: options, exit codes, the JSON last line, the saved model."""
import io
import json
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rnnviz.train import load_model
from rnnviz.train.cli import main

REPO = Path(__file__).resolve().parents[2]


def last_json(text: str) -> dict:
    lines = [line for line in text.splitlines() if line.strip()]
    return json.loads(lines[-1])


def test_trains_a_synthetic_task_saves_and_prints_json_last(tmp_path, capsys):
    out = tmp_path / "models" / "neg.npz"
    code = main(["--dataset", "negation", "--epochs", "3", "--hidden-dim", "6", "--optimizer", "adam",
                 "--lr", "0.01", "--clip-norm", "none", "--seed", "3", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    result = last_json(captured.out)
    for key in ("test_accuracy", "best_val_accuracy", "epochs", "seconds", "load_seconds", "train_seconds",
                "seq_per_s", "status", "model_path"):
        assert key in result, key
    assert result["status"] == "finished" and result["epochs"] == 3 and 0 <= result["test_accuracy"] <= 1
    assert result["config"]["hidden_dim"] == 6 and result["config"]["clip_norm"] is None
    assert result["config"]["seed"] == 3 and result["model_path"] == str(out)
    model = load_model(out)
    assert model.config.hidden_dim == 6 and model.history["test_accuracy"] == result["test_accuracy"]
    assert "epoch 3/3" in captured.err and "test accuracy" in captured.err  # progress on stderr only


@pytest.mark.parametrize("argv, message", [
    (["--hidden-dim", "0"], "hidden_dim must be an integer from 1 to 1024, got 0"),
    (["--activation", "sigmoid"], "invalid choice: 'sigmoid' (choose from 'tanh', 'relu', 'linear')"),
    (["--optimizer", "adagrad"], "choose from 'sgd', 'momentum', 'rmsprop', 'adam'"),
    (["--dataset", "mnist"], "choose from 'imdb', 'memory', 'negation'"),
    (["--clip-norm", "big"], "expected a number or 'none', got 'big'"),
    (["--lr", "-1"], "lr must be a number greater than 0 and at most 100, got -1.0"),
    (["--truncate", "0"], "truncate must be an integer from 1 to 500 or empty (None), got 0"),
    (["--lr-schedule", "step"], "invalid choice: 'step' (choose from 'constant', 'cosine')"),
])
def test_bad_options_are_usage_errors_with_the_allowed_values(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_without_imdb_it_explains_how_to_get_it(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("RNNVIZ_IMDB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.keras/datasets copy
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # and an empty user cache
    assert main(["--no-save"]) == 2
    err = capsys.readouterr().err
    assert "aclImdb_v1.tar.gz" in err and "--imdb PATH" in err and "--dataset memory" in err


def test_imdb_path_that_does_not_exist(tmp_path, capsys):
    assert main(["--imdb", str(tmp_path / "missing.tar.gz"), "--no-save"]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_diverged_run_exits_1_with_json(capsys):
    code = main(["--dataset", "memory", "--maxlen", "20", "--activation", "relu", "--optimizer", "sgd",
                 "--lr", "100", "--clip-norm", "none", "--epochs", "3", "--no-save"])
    result = last_json(capsys.readouterr().out)
    assert code == 1 and result["status"] == "diverged" and result["model_path"] is None


def test_subprocess_through_main_py(tmp_path):
    """The real entry point, as a user runs it; stdout holds nothing but the JSON line."""
    proc = subprocess.run([sys.executable, str(REPO / "main.py"), "train", "--dataset", "memory", "--maxlen", "10",
                           "--epochs", "2", "--out", str(tmp_path / "m.npz")],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.strip().splitlines()) == 1
    assert last_json(proc.stdout)["epochs"] == 2 and (tmp_path / "m.npz").is_file()


def test_ctrl_c_stops_cleanly_and_keeps_the_best_weights(tmp_path):
    proc = subprocess.Popen([sys.executable, str(REPO / "main.py"), "train", "--dataset", "memory", "--maxlen", "30",
                             "--epochs", "1000", "--out", str(tmp_path / "m.npz")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        for line in proc.stderr:  # wait until an epoch has finished, so there are best weights to keep
            if line.startswith("epoch 2/1000:"):
                break
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    result = last_json(out)
    assert result["status"] == "stopped" and result["epochs"] >= 2 and result["best_epoch"] >= 1
    assert result["test_accuracy"] is not None  # the CLI still scores the kept weights
    assert "stopping after this batch" in err
    assert load_model(tmp_path / "m.npz").history["best_epoch"] == result["best_epoch"]


def test_progress_lines_on_a_terminal_and_in_a_log():
    from rnnviz.train.progress import ProgressPrinter, format_duration
    from rnnviz.train.reports import BatchReport, EpochReport

    batch = BatchReport(1, 3, 10, 3, 0.5, 0.75, 2.0, True, np.zeros(4), 1.0, 65.0, 3725.0, 1000.0, 2.5e-4)
    epoch = EpochReport(1, 0.5, 0.75, 0.6, 0.7, True, 66.0)
    tty = io.StringIO()
    p = ProgressPrinter(tty, epochs=2, tty=True)
    p.on_batch(batch)
    p.on_epoch(epoch)
    assert tty.getvalue().startswith("\repoch 1/2 batch 3/10  loss 0.5000  acc 0.750  |grad| 2 (clipped)")
    assert "elapsed 1:05  ETA 1:02:05" in tty.getvalue() and "(clipped)  lr 0.00025  1,000 seq/s" in tty.getvalue()
    assert "\nepoch 1/2: train loss 0.5000 acc 0.7500 | val loss 0.6000 acc 0.7000  * best | 1:06\n" in tty.getvalue()
    log = io.StringIO()
    p = ProgressPrinter(log, epochs=2, tty=False, log_interval=3600)
    p.on_batch(batch)
    p.on_batch(batch)  # within the interval: not repeated
    assert "\r" not in log.getvalue() and log.getvalue().count("batch 3/10") == 1
    assert format_duration(59.6) == "1:00"


def test_lr_schedule_option_reaches_the_config():
    from rnnviz.train.cli import build_parser, config_from_args

    parser = build_parser()
    assert config_from_args(parser.parse_args([])).lr_schedule == "cosine"  # the IMDb default
    assert config_from_args(parser.parse_args(["--lr-schedule", "constant"])).lr_schedule == "constant"
    assert config_from_args(parser.parse_args(["--dataset", "memory"])).lr_schedule == "constant"
    assert config_from_args(parser.parse_args(["--dataset", "memory", "--lr-schedule", "cosine"])).lr_schedule \
        == "cosine"
    assert "CosineDecay" in parser.format_help()
