"""Saved models' file names say what the model is: dataset, kind (rnn, lstm, gru, bag), H, f, seed, time."""
from datetime import datetime

import pytest

from rnnviz.train.config import TrainConfig
from rnnviz.train.paths import default_model_path

WHEN = datetime(2026, 11, 30, 14, 45, 1)


@pytest.mark.parametrize("changes, kind", [({}, "rnn"), ({"cell": "lstm"}, "lstm"), ({"cell": "gru"}, "gru"),
                                           ({"model": "bag"}, "bag")])
def test_the_name_says_which_kind_of_model(tmp_path, changes, kind):
    config = TrainConfig.defaults_for("negation").with_changes(seed=3, **changes)
    path = default_model_path(config, WHEN, folder=tmp_path)
    assert path == tmp_path / f"negation-{kind}-h{config.hidden_dim}-{config.activation}-seed3-20261130-144501.npz"
    assert default_model_path(config, WHEN, attempt=1, folder=tmp_path).name.endswith("-144501-2.npz")
