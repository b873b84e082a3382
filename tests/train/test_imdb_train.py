"""A short real run on the IMDb archive given by RNNVIZ_IMDB: the whole path from archive to test score."""
import dataclasses
import os
import time

import numpy as np
import pytest

from rnnviz.train import TrainConfig, Trainer, load_dataset

pytestmark = [pytest.mark.imdb, pytest.mark.slow]


@pytest.fixture(scope="module")
def imdb_path():
    path = os.environ.get("RNNVIZ_IMDB")
    if not path:
        pytest.skip("RNNVIZ_IMDB is not set (path of aclImdb_v1.tar.gz)")
    return path


def test_one_short_epoch_learns_the_sentiment(imdb_path):
    """One epoch of the default recipe on reviews cut to their last 100 tokens: a few seconds, clearly learnt.

    With a constant rate: the default cosine decay spreads over the whole run, and squeezed into one epoch
    it halves the mean step (test accuracy 0.72 instead of 0.75, too close to this test's 0.7 bar).
    """
    cfg = TrainConfig(maxlen=100, epochs=1, lr_schedule="constant")
    t0 = time.perf_counter()
    full = load_dataset(cfg, imdb_path=imdb_path)  # encoded arrays are cached: a later load is under a second
    load_s = time.perf_counter() - t0
    assert full.x_train.shape == (25_000, 100) and full.x_test.shape == (25_000, 100)
    assert full.y_train.mean() == 0.5 and full.y_test.mean() == 0.5 and len(full.vocab) == 10_000
    subset = dataclasses.replace(full, x_test=full.x_test[:5000], y_test=full.y_test[:5000], test_texts=None,
                                 test_ratings=None)
    losses = []
    result = Trainer(cfg, subset, on_batch=lambda b: losses.append(b.loss)).run()
    assert result.status == "finished" and len(losses) == -(-20_000 // 128)  # validation_split keeps 5,000 out
    assert np.mean(losses[-10:]) < np.mean(losses[:10]) - 0.1
    assert result.test_accuracy > 0.7, result.message  # chance is 0.5; the full run reaches 0.85
    print(f"load {load_s:.1f} s, train+test {result.seconds:.1f} s, test accuracy {result.test_accuracy:.3f}")
