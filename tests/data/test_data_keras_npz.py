"""Keras imdb.npz: the real pickled layout decoded without unpickling, pickle-free layouts, errors."""
import json
import pathlib
import pickle

import numpy as np
import pytest

from rnnviz.data import DatasetError, is_cached, load_imdb, pad_sequences
from rnnviz.data.keras_npz import load_keras_npz
from rnnviz.data.pickle_ints import read_object_npy

WORDS = ["the", "and", "a", "of", "to", "is", "br", "in", "it", "i", "this", "that", "was", "movie", "good"]
WORD_INDEX = {w: i + 1 for i, w in enumerate(WORDS)}


def make_split(rng, n):
    x = [list(map(int, rng.integers(1, len(WORDS) + 1, size=rng.integers(0, 25)))) for _ in range(n)]
    return x, np.array([i % 2 for i in range(n)], dtype=np.int64)


@pytest.fixture
def keras_data():
    rng = np.random.default_rng(3)
    return {"train": make_split(rng, 40), "test": make_split(rng, 30)}


def object_array(rows):
    arr = np.empty(len(rows), dtype=object)
    arr[:] = rows
    return arr


def write_keras_npz(folder: pathlib.Path, data, layout="object", with_index=True) -> pathlib.Path:
    """imdb.npz in one of the supported layouts (saving object arrays pickles, loading never does)."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {}
    for split, (x, y) in data.items():
        arrays[f"y_{split}"] = y
        if layout == "object":  # what Keras' own file holds
            arrays[f"x_{split}"] = object_array(x)
        elif layout == "ragged":
            arrays[f"x_{split}_ids"] = np.array([v for r in x for v in r], dtype=np.int32)
            arrays[f"x_{split}_lengths"] = np.array([len(r) for r in x], dtype=np.int32)
        else:
            arrays[f"x_{split}"] = pad_sequences(x, 30)
    path = folder / "imdb.npz"
    np.savez(path, **arrays)
    if with_index:
        (folder / "imdb_word_index.json").write_text(json.dumps(WORD_INDEX))
    return path


def keras_reference(data, num_words, maxlen):
    """Transcription of keras.datasets.imdb.load_data (start_char=1, oov_char=2, index_from=3, seed=113)
    followed by pad_sequences(maxlen)."""
    rng = np.random.RandomState(113)
    out = {}
    for split in ("train", "test"):
        x, y = data[split]
        indices = np.arange(len(x))
        rng.shuffle(indices)
        xs = [[1] + [w + 3 for w in x[i]] for i in indices]
        xs = [[w if w < num_words else 2 for w in s] for s in xs]
        out[split] = (pad_sequences(xs, maxlen), y[indices].astype(np.float32))
    return out


@pytest.mark.parametrize("layout", ["object", "ragged", "padded"])
def test_matches_keras_load_data(keras_data, tmp_path, layout):
    path = write_keras_npz(tmp_path / "k", keras_data, layout)
    ds = load_keras_npz(path, num_words=12, maxlen=20)
    ref = keras_reference(keras_data, 12, 20)
    np.testing.assert_array_equal(ds.x_train, ref["train"][0])
    np.testing.assert_array_equal(ds.y_train, ref["train"][1])
    np.testing.assert_array_equal(ds.x_test, ref["test"][0])
    np.testing.assert_array_equal(ds.y_test, ref["test"][1])
    assert ds.test_texts is None and ds.test_ratings is None
    assert ds.vocab.words == ["<pad>", "<start>", "<oov>", "<unused>"] + WORDS[:8]
    assert ds.vocab.decode([4, 10]) == ["the", "br"]


def test_load_imdb_detects_npz_by_content_and_caches(keras_data, tmp_path):
    path = write_keras_npz(tmp_path / "k", keras_data)
    renamed = path.rename(tmp_path / "k" / "my_copy.bin")
    ds = load_imdb(renamed, num_words=12, maxlen=20, cache_dir=tmp_path / "c")
    again = load_imdb(renamed, num_words=12, maxlen=20, cache_dir=tmp_path / "c")
    np.testing.assert_array_equal(ds.x_test, again.x_test)
    assert again.vocab == ds.vocab and len(list((tmp_path / "c" / "encoded").glob("*.npz"))) == 1
    assert is_cached(renamed, num_words=12, maxlen=20, cache_dir=tmp_path / "c")
    index = tmp_path / "k" / "imdb_word_index.json"
    index.write_text(json.dumps({**WORD_INDEX, "extra": len(WORD_INDEX) + 1}))
    assert not is_cached(renamed, num_words=12, maxlen=20, cache_dir=tmp_path / "c")  # other decoded words


def test_missing_word_index_explains(keras_data, tmp_path):
    path = write_keras_npz(tmp_path / "k", keras_data, with_index=False)
    with pytest.raises(DatasetError, match="needs Keras' imdb_word_index.json next to it"):
        load_keras_npz(path)
    index = tmp_path / "elsewhere.json"
    index.write_text(json.dumps(WORD_INDEX))
    assert len(load_keras_npz(path, num_words=10, word_index_path=index).vocab) == 10
    with pytest.raises(DatasetError, match="does not exist"):
        load_keras_npz(path, word_index_path=tmp_path / "nope.json")


def test_word_index_in_keras_folder_is_found(keras_data, tmp_path):
    path = write_keras_npz(tmp_path / "k", keras_data, with_index=False)
    keras_dir = tmp_path / "home" / ".keras" / "datasets"  # HOME is redirected by conftest
    keras_dir.mkdir(parents=True)
    (keras_dir / "imdb_word_index.json").write_text(json.dumps(WORD_INDEX))
    assert load_keras_npz(path, num_words=10).vocab.id_of("the") == 4


def test_truncated_npz_is_damaged(keras_data, tmp_path):
    path = write_keras_npz(tmp_path / "k", keras_data)
    path.write_bytes(path.read_bytes()[:300])
    with pytest.raises(DatasetError, match="damaged or not a Keras imdb.npz"):
        load_keras_npz(path)


def test_wrong_keys_and_labels(tmp_path):
    folder = tmp_path / "k"
    folder.mkdir()
    (folder / "imdb_word_index.json").write_text(json.dumps(WORD_INDEX))
    np.savez(folder / "imdb.npz", a=np.zeros(3))
    with pytest.raises(DatasetError, match="no 'x_train' array"):
        load_keras_npz(folder / "imdb.npz")
    np.savez(folder / "imdb.npz", x_train=np.ones((2, 3), np.int32), y_train=np.array([0, 5]),
             x_test=np.ones((2, 3), np.int32), y_test=np.array([0, 1]))
    with pytest.raises(DatasetError, match="0/1 label"):
        load_keras_npz(folder / "imdb.npz")
    np.savez(folder / "imdb.npz", x_train_ids=np.ones(5, np.int32), x_train_lengths=np.array([2, 2]),
             y_train=np.array([0, 1]), x_test=np.ones((2, 3), np.int32), y_test=np.array([0, 1]))
    with pytest.raises(DatasetError, match="does not add up"):
        load_keras_npz(folder / "imdb.npz")


def npy_bytes(arr, protocol=None) -> bytes:
    """An object .npy as numpy writes it, optionally with another pickle protocol (e.g. 2, as old files)."""
    import io

    buf = io.BytesIO()
    np.save(buf, arr)
    raw = buf.getvalue()
    if protocol is None:
        return raw
    header = len(raw) - len(pickle.dumps(arr, protocol=4))
    return raw[:header] + pickle.dumps(arr, protocol=protocol)


@pytest.mark.parametrize("protocol", [2, 3, 4, 5])
def test_pickle_protocols_decoded(protocol):
    rows = [[1, 2, 300], [], [70_000, 2**31 - 1, 255, 65_535, 65_536], list(range(1, 2500))]
    flat, lengths = read_object_npy(npy_bytes(object_array(rows), protocol), "t")
    assert lengths.tolist() == [3, 0, 5, 2499]
    assert flat.tolist() == [v for r in rows for v in r]


class Sneaky:
    def __reduce__(self):
        return (pathlib.Path.touch, (pathlib.Path("/tmp/rnnviz-should-not-exist"),))


@pytest.mark.parametrize("payload", [
    [[1, 2], Sneaky()],        # an object that would run code when unpickled
    [[1, 2], ["a", "b"]],      # lists of strings: not word ranks
    [[1, 2], {"x": 1}],        # a dict
    [[1, 2], [1.5]],           # a float
])
def test_anything_but_int_lists_refused_without_running_it(payload):
    with pytest.raises(DatasetError, match="unsupported|only numpy arrays|not a list of integers"):
        read_object_npy(npy_bytes(object_array(payload)), "t")
    assert not pathlib.Path("/tmp/rnnviz-should-not-exist").exists()


def test_truncated_pickle_stream():
    raw = npy_bytes(object_array([[1, 2, 3]] * 50))
    with pytest.raises(DatasetError, match="damaged|truncated"):
        read_object_npy(raw[: len(raw) - 40], "t")


@pytest.mark.imdb
def test_real_keras_word_index(real_archive):
    index = real_archive.parent / "imdb_word_index.json"
    if not index.is_file():
        pytest.skip(f"no imdb_word_index.json beside {real_archive}")
    from rnnviz.data import Vocab
    from rnnviz.data.keras_npz import load_word_index

    vocab = Vocab.from_keras_word_index(load_word_index(index), num_words=10000)
    assert len(vocab) == 10000
    assert vocab.words[4:11] == ["the", "and", "a", "of", "to", "is", "br"]
