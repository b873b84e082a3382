"""Bit flips over a saved model: every flipped file loads as a sound model or raises CheckpointError.

A sound model is one the core can trace: finite weights of the shapes its header implies, in C order.
The default run flips one bit in every byte of the zip's headers and directory (where a flip escapes the
members' CRC and reaches zipfile, zlib and numpy's parsers) and in every 8th byte of the members (about
1,500 loads, seconds); the ``slow`` run flips every bit of the file (about 43,000 loads). A damaged cache of the built-in model is rebuilt, not fatal.
"""
from __future__ import annotations

import io
import zipfile

import numpy as np
import pytest

from rnnviz.core import make_trace
from rnnviz.train import CheckpointError, TrainedModel, builtin_model, load_model, save_model
from rnnviz.train.builtin import builtin_cache_path


@pytest.fixture(scope="module")
def model_bytes(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("bitflips")
    model = builtin_model(cache_dir=folder / "cache", hidden_dim=2)
    return save_model(folder / "model.npz", model).read_bytes()


def check_flipped(data: bytes, positions, path) -> dict[str, int]:
    """Flip each (byte, bit) of `positions` in turn, load, and check; counts of the outcomes."""
    outcomes = {"loaded": 0, "refused": 0}
    buffer = bytearray(data)
    for byte, bit in positions:
        buffer[byte] ^= 1 << bit
        path.write_bytes(buffer)
        buffer[byte] ^= 1 << bit
        try:
            loaded = load_model(path)
        except CheckpointError:
            outcomes["refused"] += 1
            continue
        outcomes["loaded"] += 1
        assert_sound(loaded, (byte, bit))
    return outcomes


def assert_sound(model: TrainedModel, where) -> None:
    for name, value in model.params.items():
        assert value.flags.c_contiguous, (where, name)
        assert np.isfinite(value).all(), (where, name)
    tokens = np.array([1, 3, 4, 5][: max(1, min(4, len(model.vocab)))]) % len(model.vocab)
    target = 1 if model.head == "binary" else np.zeros(len(tokens), dtype=np.int64)
    trace = make_trace(model.params, tokens, target, activation=model.activation, head=model.head)
    assert np.isfinite(trace.loss) or model.activation != "tanh", where


def structure_bytes(data: bytes) -> set[int]:
    """Offsets of the zip's local headers (with names and extras), the central directory and its end record."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
    found = set()
    for info in infos:
        at = info.header_offset
        n_name, n_extra = (int.from_bytes(data[at + k:at + k + 2], "little") for k in (26, 28))
        found.update(range(at, at + 30 + n_name + n_extra))
    central = data.index(b"PK\x01\x02")
    found.update(range(central, len(data)))
    return found


def test_one_flipped_bit_in_every_header_byte_and_every_8th_data_byte(model_bytes, tmp_path):
    rng = np.random.default_rng(10)
    chosen = sorted(structure_bytes(model_bytes) | set(range(0, len(model_bytes), 8)))
    positions = [(byte, int(rng.integers(8))) for byte in chosen]
    outcomes = check_flipped(model_bytes, positions, tmp_path / "flipped.npz")
    assert outcomes["refused"] > 0 and sum(outcomes.values()) == len(positions)


@pytest.mark.exhaustive
def test_every_flipped_bit(model_bytes, tmp_path):
    positions = [(byte, bit) for byte in range(len(model_bytes)) for bit in range(8)]
    outcomes = check_flipped(model_bytes, positions, tmp_path / "flipped.npz")
    assert sum(outcomes.values()) == 8 * len(model_bytes)


def test_a_damaged_cache_of_the_built_in_model_is_rebuilt(model_bytes, tmp_path):
    cache = tmp_path / "cache"
    good = builtin_model(cache_dir=cache, hidden_dim=2)
    path = builtin_cache_path(cache, hidden_dim=2)
    data = bytearray(path.read_bytes())
    local = data.index(b"PK\x03\x04")
    data[local + 8:local + 10] = (99).to_bytes(2, "little")  # first member: unknown compression method
    at = data.index(b"PK\x01\x02")
    data[at + 10:at + 12] = (99).to_bytes(2, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(CheckpointError):
        load_model(path)
    rebuilt = builtin_model(cache_dir=cache, hidden_dim=2)
    for k, v in good.params.items():
        np.testing.assert_array_equal(rebuilt.params[k], v)
    assert load_model(path).config == good.config  # and the cache is good again
