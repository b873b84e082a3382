"""Checkpoints: exact round trip, atomic writes, and a clear CheckpointError for every kind of bad file."""
import io
import json
import os
import zipfile

import numpy as np
import pytest

from rnnviz.train import CheckpointError, TrainedModel, Trainer, load_model, save_model
from rnnviz.train.checkpoint import META_KEY

from train_helpers import make_dataset, small_config


@pytest.fixture(scope="module")
def model() -> TrainedModel:
    return Trainer(small_config(epochs=2), make_dataset()).run().model


def test_round_trip_is_exact(tmp_path, model):
    path = save_model(tmp_path / "m.npz", model)
    loaded = load_model(path)
    assert loaded.config == model.config and loaded.vocab == model.vocab
    assert loaded.history == model.history and loaded.history["best_epoch"] >= 1
    assert set(loaded.params) == set(model.params)
    for k, v in model.params.items():
        assert loaded.params[k].dtype == v.dtype
        np.testing.assert_array_equal(loaded.params[k], v)
    assert (loaded.activation, loaded.maxlen, loaded.head) == ("tanh", 6, "binary")
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left beside it


def test_header_is_plain_json_without_pickle(tmp_path, model):
    path = save_model(tmp_path / "m.npz", model)
    with np.load(path, allow_pickle=False) as z:
        meta = json.loads(z[META_KEY].tobytes().decode("utf-8"))
    assert meta["format"] == "rnnviz-model" and meta["version"] == 1 and meta["config"]["hidden_dim"] == 8


def test_failed_save_leaves_the_old_file_and_no_temporary(tmp_path, model, monkeypatch):
    path = save_model(tmp_path / "m.npz", model)
    before = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", disk_full)
    with pytest.raises(OSError, match="No space left"):
        save_model(path, model)
    assert path.read_bytes() == before and list(tmp_path.iterdir()) == [path]


def _rewrite(path, out, change=None, drop=(), extra=None):
    """Copy a saved model's arrays to `out`, editing the header (change(meta)) or arrays on the way."""
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files if k not in drop}
    meta = json.loads(arrays[META_KEY].tobytes())
    if change is not None:
        change(meta, arrays)
    arrays[META_KEY] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    arrays.update(extra or {})
    np.savez(out, **arrays)
    return out


@pytest.fixture
def saved(tmp_path, model):
    return save_model(tmp_path / "good.npz", model)


def test_missing_file(tmp_path):
    with pytest.raises(CheckpointError, match="no model file at"):
        load_model(tmp_path / "nope.npz")


def test_random_bytes(tmp_path):
    p = tmp_path / "junk.npz"
    p.write_bytes(os.urandom(4096))
    with pytest.raises(CheckpointError, match="damaged or not an rnnviz model file"):
        load_model(p)


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
def test_truncated_file(tmp_path, saved, keep):
    data = saved.read_bytes()
    p = tmp_path / "cut.npz"
    p.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(CheckpointError, match="damaged or not an rnnviz model file"):
        load_model(p)


def test_flipped_byte_inside_an_array(tmp_path, saved):
    data = bytearray(saved.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("W.npy")
    data[info.header_offset + 30 + len(info.filename) + info.file_size - 3] ^= 0xFF  # inside W's data
    p = tmp_path / "flipped.npz"
    p.write_bytes(bytes(data))
    with pytest.raises(CheckpointError, match="damaged"):  # the zip CRC catches it
        load_model(p)


def test_wrong_version(tmp_path, saved):
    p = _rewrite(saved, tmp_path / "v99.npz", lambda m, a: m.update(version=99))
    with pytest.raises(CheckpointError, match="model format version 99; this rnnviz reads version 1"):
        load_model(p)


def test_other_format(tmp_path, saved):
    p = _rewrite(saved, tmp_path / "other.npz", lambda m, a: m.update(format="keras"))
    with pytest.raises(CheckpointError, match="not an rnnviz model file"):
        load_model(p)


def test_npy_instead_of_npz(tmp_path):
    p = tmp_path / "w.npy"
    np.save(p, np.zeros(3))
    with pytest.raises(CheckpointError, match="is a single array, not an rnnviz model file"):
        load_model(p)


def test_plain_npz_without_header(tmp_path):
    p = tmp_path / "plain.npz"
    np.savez(p, W=np.zeros((2, 2)))
    with pytest.raises(CheckpointError, match="has no E, U, b, V, c, meta.json"):
        load_model(p)


def test_wrong_shape(tmp_path, saved):
    p = _rewrite(saved, tmp_path / "shape.npz", lambda m, a: a.update(W=np.zeros((9, 9), np.float32)))
    with pytest.raises(CheckpointError, match=r"weight W has shape \(9, 9\).*hidden_dim 8\) needs \(8, 8\)"):
        load_model(p)


def test_config_that_does_not_match_the_weights(tmp_path, saved):
    p = _rewrite(saved, tmp_path / "cfg.npz", lambda m, a: m["config"].update(hidden_dim=16))
    with pytest.raises(CheckpointError, match="weight U has shape"):
        load_model(p)


def test_model_saved_before_lr_schedule_existed_loads_as_constant_rate(tmp_path, saved):
    """Such files were all trained with a constant rate; the new default (cosine) must not be claimed."""
    assert load_model(saved).config.lr_schedule == "cosine"
    p = _rewrite(saved, tmp_path / "old.npz", lambda m, a: m["config"].pop("lr_schedule"))
    assert load_model(p).config.lr_schedule == "constant"


def test_invalid_config_and_vocab(tmp_path, saved):
    p = _rewrite(saved, tmp_path / "badcfg.npz", lambda m, a: m["config"].update(activation="sigmoid"))
    with pytest.raises(CheckpointError, match="saved config is invalid: activation must be one of"):
        load_model(p)
    p = _rewrite(saved, tmp_path / "badvocab.npz", lambda m, a: m.update(vocab="{]"))
    with pytest.raises(CheckpointError, match="saved vocabulary is invalid"):
        load_model(p)


def test_non_finite_or_mixed_weights(tmp_path, saved):
    def nan_w(m, a):
        a["W"] = a["W"].copy()
        a["W"][0, 0] = np.nan

    with pytest.raises(CheckpointError, match="weight W contains NaN"):
        load_model(_rewrite(saved, tmp_path / "nan.npz", nan_w))
    p = _rewrite(saved, tmp_path / "mixed.npz", lambda m, a: a.update(b=a["b"].astype(np.float64)))
    with pytest.raises(CheckpointError, match="weights must all be float32 or all float64"):
        load_model(p)


def test_pickled_object_array_is_refused(tmp_path, saved):
    p = _rewrite(saved, tmp_path / "pickle.npz", lambda m, a: a.update(W=np.array([{"x": 1}], dtype=object)))
    with pytest.raises(CheckpointError, match="damaged or not an rnnviz model file"):
        load_model(p)


def test_header_not_json(tmp_path, saved):
    p = tmp_path / "nojson.npz"
    with np.load(saved, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays[META_KEY] = np.frombuffer(b"\xff\xfe not json", dtype=np.uint8)
    np.savez(p, **arrays)
    with pytest.raises(CheckpointError, match="header is not valid JSON"):
        load_model(p)
