"""Checkpoints: exact round trip of both heads, version-1 files, atomic writes, and a clear CheckpointError
for every kind of bad file."""
import io
import json
import os
import zipfile

import numpy as np
import pytest

from rnnviz.core import init_params, make_trace
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
    assert meta["format"] == "rnnviz-model" and meta["version"] == 2 and meta["config"]["hidden_dim"] == 8
    assert (meta["head"], meta["output_dim"]) == ("binary", 1)


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
    with pytest.raises(CheckpointError, match="model format version 99; this rnnviz reads versions 1, 2"):
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
    with pytest.raises(CheckpointError,
                       match=r"weight W has shape \(9, 9\).*hidden_dim 8\) "
                             r"and the binary head with output size 1 need \(8, 8\)"):
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


# --- version 2: the output head -------------------------------------------------------------------
@pytest.fixture(scope="module")
def next_word(model) -> TrainedModel:
    """A softmax-head model over the binary model's vocabulary: V (K, H), c (K,) with K = vocab size."""
    params = init_params(model.vocab_size, 8, 8, output_dim=model.vocab_size, seed=3, dtype=np.float64)
    params["c"] += np.linspace(-1.0, 1.0, model.vocab_size)  # not all zero, so a mix-up of c would show
    return TrainedModel(params, model.config.with_changes(head="softmax"), model.vocab,
                        {"train_loss": [2.3, 1.1], "task": "next word"})


def test_softmax_head_round_trip_is_exact(tmp_path, next_word):
    path = save_model(tmp_path / "nw.npz", next_word)
    loaded = load_model(path)
    assert loaded.head == "softmax" == loaded.config.head
    assert loaded.config == next_word.config and loaded.vocab == next_word.vocab
    assert loaded.history == next_word.history
    for k, v in next_word.params.items():
        assert loaded.params[k].dtype == np.float64
        np.testing.assert_array_equal(loaded.params[k], v)
    assert loaded.params["V"].shape == (10, 8) and loaded.params["c"].shape == (10,)
    with np.load(path, allow_pickle=False) as z:
        meta = json.loads(z[META_KEY].tobytes().decode("utf-8"))
    assert (meta["version"], meta["head"], meta["output_dim"]) == (2, "softmax", 10)
    # The loaded model is one the core runs with its head: a softmax over K classes at every step.
    trace = make_trace(loaded.params, np.array([1, 4, 6, 7]), np.array([4, 6, 7, 0]), head="softmax")
    assert trace.y_hat.shape == (4, 10)
    np.testing.assert_allclose(trace.y_hat.sum(axis=1), 1.0)


def _as_version_1(meta, arrays):
    """The header as format version 1 wrote it: no head, no output size."""
    meta.update(version=1)
    meta.pop("head")
    meta.pop("output_dim")


def test_version_1_file_loads_as_a_binary_model(tmp_path, model, saved):
    p = _rewrite(saved, tmp_path / "v1.npz", _as_version_1)
    loaded = load_model(p)
    assert type(loaded) is TrainedModel and loaded.head == "binary"
    assert loaded.config == model.config and loaded.history == model.history
    for k, v in model.params.items():
        np.testing.assert_array_equal(loaded.params[k], v)


def test_version_1_file_with_a_many_to_many_output_is_refused(tmp_path, next_word):
    p = _rewrite(save_model(tmp_path / "nw.npz", next_word), tmp_path / "v1-nw.npz", _as_version_1)
    with pytest.raises(CheckpointError, match=r"weight V has shape \(10, 8\).*binary head with output size 1 need \(1, 8\)"):
        load_model(p)


@pytest.mark.parametrize("key, bad, needed", [("V", np.zeros((9, 8)), r"\(10, 8\)"), ("c", np.zeros(11), r"\(10,\)"),
                                              ("V", np.zeros((10, 7)), r"\(10, 8\)")])
def test_softmax_file_with_wrong_output_shapes(tmp_path, next_word, key, bad, needed):
    saved_nw = save_model(tmp_path / "nw.npz", next_word)
    p = _rewrite(saved_nw, tmp_path / "bad.npz", lambda m, a: a.update({key: bad}))
    with pytest.raises(CheckpointError, match=rf"weight {key} has shape .*softmax head with output size 10 need {needed}"):
        load_model(p)


@pytest.mark.parametrize("change, message", [
    (lambda m, a: m.update(head="sigmoid"),
     "unknown output head 'sigmoid'; rnnviz models have a 'binary' or 'softmax' head"),
    (lambda m, a: m.pop("head"), "unknown output head None"),
    (lambda m, a: m.update(output_dim="10"), "output_dim must be a whole number, got '10'"),
    (lambda m, a: m.update(head="binary"), "the binary head has one output .* but the model has 10"),
    (lambda m, a: m.update(output_dim=1), "the softmax head needs at least 2 classes .* but the model has 1"),
])
def test_softmax_header_that_does_not_fit(tmp_path, next_word, change, message):
    p = _rewrite(save_model(tmp_path / "nw.npz", next_word), tmp_path / "bad.npz", change)
    with pytest.raises(CheckpointError, match=message):
        load_model(p)


def test_saving_weights_that_do_not_fit_the_head_writes_nothing(tmp_path, model, next_word):
    as_binary = TrainedModel(next_word.params, model.config, model.vocab, {})  # V (10, 8) under a binary head
    with pytest.raises(CheckpointError,
                       match=r"binary head has one output \(V \(1, H\), c \(1,\)\), but the model has 10"):
        save_model(tmp_path / "a.npz", as_binary)
    one_class = TrainedModel(model.params, next_word.config, model.vocab, {})  # V (1, 8) under a softmax head
    with pytest.raises(CheckpointError, match="softmax head needs at least 2 classes"):
        save_model(tmp_path / "b.npz", one_class)
    short_v = TrainedModel({**next_word.params, "V": next_word.params["V"][:9]}, next_word.config, model.vocab, {})
    with pytest.raises(CheckpointError, match=r"weight V has shape \(9, 8\).*need \(10, 8\)"):
        save_model(tmp_path / "c.npz", short_v)
    assert list(tmp_path.iterdir()) == []


# --- issue 10: nothing but CheckpointError leaves load_model; Fortran order; no silent overwrite ---------------
def _zip_with_flag(saved, out, *, method=None, flag_bits=None):
    """A copy of `saved` whose W.npy member claims another compression `method` or `flag_bits` (both headers)."""
    data = bytearray(saved.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("W.npy")
    central = _central_entry_offset(bytes(data), "W.npy")
    local = info.header_offset
    if method is not None:
        data[local + 8:local + 10] = method.to_bytes(2, "little")
        data[central + 10:central + 12] = method.to_bytes(2, "little")
    if flag_bits is not None:
        data[local + 6:local + 8] = flag_bits.to_bytes(2, "little")
        data[central + 8:central + 10] = flag_bits.to_bytes(2, "little")
    out.write_bytes(bytes(data))
    return out


def _central_entry_offset(data: bytes, name: str) -> int:
    """Offset of the central-directory record of member `name`."""
    at = data.index(b"PK\x01\x02")
    while True:
        n_name = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + n_name].decode() == name:
            return at
        at = data.index(b"PK\x01\x02", at + 4)


def test_unsupported_compression_method_is_a_checkpoint_error(tmp_path, saved):
    p = _zip_with_flag(saved, tmp_path / "method.npz", method=99)  # NotImplementedError inside zipfile
    with pytest.raises(CheckpointError, match="damaged or not an rnnviz model file"):
        load_model(p)


def test_encrypted_member_is_a_checkpoint_error(tmp_path, saved):
    p = _zip_with_flag(saved, tmp_path / "encrypted.npz", flag_bits=0x1)  # RuntimeError "is encrypted"
    with pytest.raises(CheckpointError, match="damaged or not an rnnviz model file"):
        load_model(p)


def test_damaged_compressed_member_is_a_checkpoint_error(tmp_path, saved):
    with np.load(saved, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    p = tmp_path / "deflated.npz"
    np.savez_compressed(p, **arrays)
    data = bytearray(p.read_bytes())
    with zipfile.ZipFile(p) as z:
        info = z.getinfo("W.npy")
    local = info.header_offset  # the local header's own name and extra lengths (its extra differs from the central one)
    start = local + 30 + int.from_bytes(data[local + 26:local + 28], "little") + int.from_bytes(
        data[local + 28:local + 30], "little")
    data[start:start + 4] = b"\xff\xff\xff\xff"  # a broken deflate stream: zlib.error
    p.write_bytes(bytes(data))
    with pytest.raises(CheckpointError, match="damaged or not an rnnviz model file"):
        load_model(p)


def test_deeply_nested_header_is_a_checkpoint_error(tmp_path, saved):
    with np.load(saved, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays[META_KEY] = np.frombuffer(b"[" * 200_000 + b"]" * 200_000, dtype=np.uint8)  # RecursionError in json
    p = tmp_path / "nested.npz"
    np.savez(p, **arrays)
    with pytest.raises(CheckpointError, match="damaged or not an rnnviz model file|not valid JSON"):
        load_model(p)


def test_fortran_ordered_weights_load_in_c_order_and_trace(tmp_path, saved, model):
    p = _rewrite(saved, tmp_path / "fortran.npz", lambda m, a: a.update(W=np.asfortranarray(a["W"]),
                                                                         U=np.asfortranarray(a["U"])))
    with np.load(p) as z:
        assert z["W"].flags.f_contiguous and not z["W"].flags.c_contiguous  # the file really is Fortran order
    loaded = load_model(p)
    assert all(v.flags.c_contiguous for v in loaded.params.values())
    np.testing.assert_array_equal(loaded.params["W"], model.params["W"])
    trace = make_trace(loaded.params, np.array([1, 4, 6, 7]), 1, activation=loaded.activation)
    assert np.isfinite(trace.loss)


def test_save_without_overwrite_refuses_an_existing_file(tmp_path, model, saved):
    before = saved.read_bytes()
    with pytest.raises(FileExistsError):
        save_model(saved, model, overwrite=False)
    assert saved.read_bytes() == before and list(tmp_path.iterdir()) == [saved]
    fresh = save_model(tmp_path / "new.npz", model, overwrite=False)
    assert load_model(fresh).config == model.config


def test_save_sweeps_temporaries_of_killed_writers_at_once(tmp_path, model):
    import subprocess
    import sys

    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(child.stdout)  # a process that has ended
    leftover = tmp_path / f".other.npz.{dead_pid}.abc123xy.tmp"
    leftover.write_bytes(b"half a model")
    live = tmp_path / f".other.npz.{os.getpid()}.zzz999qq.tmp"
    live.write_bytes(b"being written by a live process")
    unrelated = tmp_path / "notes.tmp"
    unrelated.write_bytes(b"not ours")
    save_model(tmp_path / "m.npz", model)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["m.npz", live.name, unrelated.name])
