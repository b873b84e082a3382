"""Signals while a model is being saved: a child process saves two models by turns to one path, and is
interrupted (SIGINT) or killed (SIGKILL) at moments spread over a save. The file at the path is always
one of the two models, whole; SIGINT leaves no temporary file, and SIGKILL's is swept by the next save."""
from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from rnnviz.train import load_model, save_model

WRITER = r"""
import sys
import numpy as np
from rnnviz.core import init_params
from rnnviz.data import Vocab
from rnnviz.train import TrainConfig, TrainedModel, save_model

config = TrainConfig(dataset="imdb", num_words=20_000, embed_dim=32, hidden_dim=8)
vocab = Vocab(["<pad>", "<start>", "<oov>"] + [f"w{i}" for i in range(20_000 - 3)])
models = [TrainedModel(init_params(20_000, 32, 8, seed=s, dtype=np.float32), config, vocab, {}) for s in (1, 2)]
path = sys.argv[1]
save_model(path, models[0])
print("ready", flush=True)
k = 0
while True:
    k += 1
    save_model(path, models[k % 2])
"""


def start_writer(path):
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    return proc


def digest(params) -> str:
    h = hashlib.sha256()
    for k in sorted(params):
        h.update(np.ascontiguousarray(params[k]).tobytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def expected_digests():
    from rnnviz.core import init_params

    return {digest(init_params(20_000, 32, 8, seed=s, dtype=np.float32)) for s in (1, 2)}


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGKILL])
@pytest.mark.parametrize("delay", [0.0, 0.02, 0.045])
def test_the_old_file_stays_whole(tmp_path, expected_digests, signum, delay):
    path = tmp_path / "model.npz"
    proc = start_writer(path)
    try:
        time.sleep(delay)  # moments spread over one save (a save of this 2.6 MB model takes tens of ms)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode != 0
    assert digest(load_model(path).params) in expected_digests
    leftovers = [p.name for p in tmp_path.iterdir() if p != path]
    if signum == signal.SIGINT:
        assert leftovers == [], leftovers  # the writer removed its own temporary file
        assert "KeyboardInterrupt" in err
    else:
        save_model(path, load_model(path))  # the next save in that folder sweeps the killed writer's file
        assert [p.name for p in tmp_path.iterdir()] == [path.name]
