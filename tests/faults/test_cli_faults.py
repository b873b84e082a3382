"""``main.py train`` under faults: a save that fails, runs that finish in the same second, a second
Ctrl-C, a dataset that does not load, a run too large for memory. The last stdout line is always JSON."""
import errno
import json
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from rnnviz.train import load_model
from rnnviz.train import paths as train_paths
from rnnviz.train.cli import main

EXIT_NOT_SAVED = 3  # rnnviz.train.cli.EXIT_NOT_SAVED: trained, but the model could not be saved

REPO = Path(__file__).resolve().parents[2]
QUICK = ["--dataset", "negation", "--epochs", "1", "--hidden-dim", "4"]


def last_json(text: str) -> dict:
    return json.loads([line for line in text.splitlines() if line.strip()][-1])


def test_two_runs_in_the_same_second_keep_both_models(tmp_path, monkeypatch, capsys):
    frozen = datetime(2026, 11, 30, 1, 45, 1)

    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return frozen

    monkeypatch.setattr(train_paths, "datetime", FrozenClock)
    monkeypatch.setattr(train_paths, "models_folder", lambda: tmp_path / "models")
    assert main([*QUICK, "--lr", "0.01"]) == 0
    first = last_json(capsys.readouterr().out)["model_path"]
    assert main([*QUICK, "--lr", "0.02"]) == 0
    second = last_json(capsys.readouterr().out)["model_path"]
    assert first != second
    assert load_model(first).config.lr == 0.01 and load_model(second).config.lr == 0.02
    assert Path(second).name.endswith("-20261130-014501-2.npz")


def test_out_naming_a_folder_is_refused_before_training(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([*QUICK, "--out", str(tmp_path)])
    captured = capsys.readouterr()
    assert exit_info.value.code == 2 and "is a folder" in captured.err
    assert last_json(captured.out)["status"] == "error"
    assert "epoch 1/1" not in captured.err  # nothing was trained for nothing


def test_a_full_disk_at_save_time_exits_non_zero_and_says_the_weights_were_not_saved(tmp_path, monkeypatch,
                                                                                      capsys):
    out = tmp_path / "m.npz"

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(np, "savez", disk_full)
    code = main([*QUICK, "--out", str(out)])
    captured = capsys.readouterr()
    result = last_json(captured.out)
    assert code == EXIT_NOT_SAVED != 0
    assert "NOT saved" in captured.err and "No space left on device" in captured.err
    assert result["model_path"] is None and "NOT saved" in result["save_error"]
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


@pytest.mark.parametrize("argv, status", [
    (["--imdb", "{tmp}/missing.tar.gz", "--no-save"], "error"),
    (["--hidden-dim", "0"], "error"),
    (["--lr", "fast"], "error"),
])
def test_load_and_option_errors_still_end_with_a_json_line(tmp_path, capsys, argv, status):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    assert code == 2
    result = last_json(captured.out)
    assert result["status"] == status and result["message"]


def test_a_run_that_would_not_fit_in_memory_is_refused_with_an_estimate(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--dataset", "memory", "--hidden-dim", "1024", "--embed-dim", "1024", "--batch-size", "4096",
              "--maxlen", "5000", "--no-save"])
    captured = capsys.readouterr()
    assert exit_info.value.code == 2
    assert "this run needs about" in captured.err and " GB of memory" in captured.err
    assert "Traceback" not in captured.err and last_json(captured.out)["status"] == "error"


def test_memory_estimate_is_checked_against_the_given_memory():
    from rnnviz.train.config import ConfigError, TrainConfig, check_memory, estimate_memory_bytes

    config = TrainConfig()
    need = estimate_memory_bytes(config)
    assert 50e6 < need < 2e9  # the default IMDb run: a few hundred MB
    assert check_memory(config, available=need) == need
    with pytest.raises(ConfigError, match="more than this computer's"):
        check_memory(config, available=need - 1)
    bigger = config.with_changes(batch_size=1024)
    assert estimate_memory_bytes(bigger) > need  # grows with the batch


def test_a_second_ctrl_c_prints_no_traceback_and_ends_with_json(tmp_path):
    proc = subprocess.Popen([sys.executable, str(REPO / "main.py"), "train", "--dataset", "memory", "--maxlen", "30",
                             "--epochs", "1000", "--out", str(tmp_path / "m.npz")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        for line in proc.stderr:
            if line.startswith("epoch 1/1000:"):
                break
        proc.send_signal(signal.SIGINT)
        for line in proc.stderr:
            if "stopping after this batch" in line:
                break
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert last_json(out)["status"] in ("aborted", "stopped")


def test_two_processes_started_together_keep_both_models(tmp_path):
    """The reported case: two ``main.py train`` runs started together with different --lr, default names."""
    import os

    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    procs = [subprocess.Popen([sys.executable, str(REPO / "main.py"), "train", *QUICK, "--lr", lr],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env)
             for lr in ("0.01", "0.02")]
    results = [last_json(p.communicate(timeout=300)[0]) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    paths = [r["model_path"] for r in results]
    assert paths[0] != paths[1]
    assert sorted(load_model(p).config.lr for p in paths) == [0.01, 0.02]
