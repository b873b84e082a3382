"""Training with the LSTM and GRU cells: the config's cell field, the trainer, checkpoints and the CLI."""
import json

import numpy as np
import pytest

from rnnviz import core
from rnnviz.train import CheckpointError, ConfigError, TrainConfig, Trainer, load_model, save_model
from rnnviz.train.checkpoint import META_KEY
from rnnviz.train.cli import build_parser, config_from_args, main
from rnnviz.train.config import CELLS
from rnnviz.train.shapes import expected_param_shapes

from train_helpers import make_dataset, small_config


def test_cells_are_the_cores():
    assert CELLS == core.CELLS


@pytest.mark.parametrize("cell", CELLS)
def test_expected_shapes_match_init_params(cell):
    p = core.init_params(50, 6, 5, output_dim=3, cell=cell)
    assert expected_param_shapes(50, 6, 5, 3, cell) == {k: v.shape for k, v in p.items()}


def test_config_cell_is_validated_with_a_clear_message():
    assert TrainConfig().cell == "rnn"
    assert TrainConfig(cell="gru").cell == "gru"
    with pytest.raises(ConfigError, match="cell must be one of rnn, lstm, gru, got 'transformer'"):
        TrainConfig(cell="transformer")
    with pytest.raises(ConfigError, match="activation 'relu' applies to the vanilla RNN only"):
        TrainConfig(cell="lstm", activation="relu")
    assert TrainConfig.from_dict({"hidden_dim": 8}).cell == "rnn"  # an older saved config


@pytest.fixture(scope="module", params=["lstm", "gru"])
def trained(request):
    """A small gated model trained on the cue task (the label sits at step 2 of 12)."""
    reports = []
    config = small_config(cell=request.param, maxlen=12, epochs=6, lr=2e-2)
    result = Trainer(config, make_dataset(T=12), on_batch=reports.append).run()
    return result, reports


def test_gated_cells_train_and_learn_the_cue_task(trained):
    result, reports = trained
    cell = result.model.cell
    assert result.status == "finished"
    assert result.test_accuracy >= 0.9, f"{cell}: test accuracy {result.test_accuracy}"
    assert set(result.model.params) == set(core.init_params(10, 8, 8, cell=cell))
    assert result.model.hidden_dim == 8
    r = reports[-1]
    assert r.grad_norm_per_step.shape == (12,) and np.all(np.isfinite(r.grad_norm_per_step))
    assert np.isfinite(r.spectral_radius) and r.spectral_radius > 0


def test_gated_model_round_trips_through_a_checkpoint(tmp_path, trained):
    model = trained[0].model
    loaded = load_model(save_model(tmp_path / "m.npz", model))
    assert loaded.cell == model.cell and loaded.config == model.config
    assert set(loaded.params) == set(model.params)
    for k, v in model.params.items():
        np.testing.assert_array_equal(loaded.params[k], v)
    # and the loaded weights give the same predictions through the cell's kernels
    x = make_dataset(T=12).x_test[:20]
    np.testing.assert_array_equal(core.predict_logits(loaded.params, x, cell=loaded.cell),
                                  core.predict_logits(model.params, x, cell=model.cell))


def _rewrite(path, out, change=None, drop=()):
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files if k not in drop}
    meta = json.loads(arrays[META_KEY].tobytes())
    if change is not None:
        change(meta)
    arrays[META_KEY] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    np.savez(out, **arrays)
    return out


def test_checkpoint_refuses_weights_of_another_cell(tmp_path, trained):
    model = trained[0].model
    saved = save_model(tmp_path / "m.npz", model)
    # the header claims a vanilla RNN, the weights are gated
    p = _rewrite(saved, tmp_path / "rnn.npz", lambda m: m["config"].update(cell="rnn"))
    with pytest.raises(CheckpointError, match="needs the weights|has shape"):
        load_model(p)
    if model.cell == "gru":
        p = _rewrite(saved, tmp_path / "nobw.npz", drop=("bW",))
        with pytest.raises(CheckpointError, match="GRU model needs the weights E, U, W, b, bW, V, c"):
            load_model(p)


def test_old_file_without_a_cell_loads_as_rnn(tmp_path):
    model = Trainer(small_config(epochs=1), make_dataset()).run().model
    saved = save_model(tmp_path / "m.npz", model)
    p = _rewrite(saved, tmp_path / "old.npz", lambda m: m["config"].pop("cell"))
    assert load_model(p).cell == "rnn"


def test_cli_cell_option():
    args = build_parser().parse_args(["--dataset", "memory", "--cell", "gru"])
    assert config_from_args(args).cell == "gru"
    args = build_parser().parse_args(["--dataset", "memory"])
    assert config_from_args(args).cell == "rnn"


def test_cli_refuses_a_cell_with_an_activation_choice(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--dataset", "memory", "--cell", "lstm", "--activation", "relu", "--no-save"])
    assert exc.value.code == 2
    assert "applies to the vanilla RNN only" in capsys.readouterr().err


def test_cli_trains_an_lstm(capsys, tmp_path):
    out = tmp_path / "lstm.npz"
    code = main(["--dataset", "memory", "--cell", "lstm", "--maxlen", "20", "--epochs", "1", "--out", str(out)])
    assert code == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["config"]["cell"] == "lstm" and result["status"] == "finished"
    assert load_model(out).cell == "lstm"


def test_gated_cells_have_their_own_imdb_defaults():
    lstm = TrainConfig.defaults_for("imdb", "lstm")
    assert (lstm.cell, lstm.epochs, lstm.embed_dim, lstm.hidden_dim, lstm.maxlen) == ("lstm", 3, 32, 32, 500)
    # the RNN keeps IMDb's own defaults (the dataclass plus the recipe's regularisers), no cell changes
    assert TrainConfig.defaults_for("imdb") == TrainConfig().with_changes(word_dropout=0.2, patience=3,
                                                                          validation_split=0.1, epochs=8)
    assert TrainConfig.defaults_for("memory", "gru").with_changes(cell="rnn", gate_init="keras") == \
        TrainConfig.defaults_for("memory")
    args = build_parser().parse_args(["--cell", "lstm"])
    assert config_from_args(args) == lstm
    args = build_parser().parse_args(["--cell", "lstm", "--epochs", "5"])
    assert config_from_args(args).epochs == 5


def test_the_window_opens_a_gated_model_file_with_its_cell(tmp_path, trained):
    """The window draws gated cells: a saved LSTM or GRU opens (or is found at startup) as that cell."""
    from rnnviz.explorer.sources import load_model_file
    model = trained[0].model
    path = save_model(tmp_path / "gated.npz", model)
    spec = load_model_file(path)
    assert spec.cell == model.cell and spec.hidden_dim == model.params["W"].shape[1]


def test_gate_init_is_validated():
    with pytest.raises(ConfigError, match="gate_init 'chrono' initialises the gates of an LSTM or GRU"):
        TrainConfig(gate_init="chrono")
    with pytest.raises(ConfigError, match="gate_init must be one of keras, chrono"):
        TrainConfig(cell="lstm", gate_init="zeros")
    assert TrainConfig(cell="gru", gate_init="chrono", maxlen=50).chrono == 50
    assert TrainConfig(cell="gru").chrono is None


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_chrono_gates_learn_the_memory_task_over_100_steps(cell):
    """The label is the first word of 100; with forget bias 1 a gated cell does not start to learn it
    (its memory and gradient fade like 0.73^t), with chrono biases it does."""
    from rnnviz.train.datasets import load_dataset
    config = TrainConfig.defaults_for("memory", cell)
    assert config.gate_init == "chrono" and config.maxlen == 100
    result = Trainer(config, load_dataset(config)).run()
    assert result.best_val_accuracy >= 0.95 and result.test_accuracy >= 0.95
