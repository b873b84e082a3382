"""Bad IMDb copies: damaged or hostile Keras imdb.npz contents, review files named outside the expected
ranges, and the encoded-cache temporaries of a killed loader. Each gets a DatasetError that says what is
wrong (or, where the file is fine, loads), never another exception."""
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from rnnviz.data import DatasetError, collect_reviews, load_imdb
from rnnviz.data import cache as data_cache
from rnnviz.data import keras_npz
from rnnviz.train.cli import main

WORDS = ["the", "and", "a", "of", "to", "is", "br", "in", "it", "i", "this", "that", "was", "movie", "good"]


def object_array(rows) -> np.ndarray:
    arr = np.empty(len(rows), dtype=object)
    arr[:] = rows
    return arr


def write_npz(folder: Path, x_train, x_test=None, *, compressed=False, rename=None) -> Path:
    """imdb.npz with object arrays of rank lists (as Keras' file) and a word index beside it.

    rename: {member: new name} applied to the zip members afterwards."""
    x_test = x_test if x_test is not None else [[1, 2, 3], [4, 5]]
    arrays = {"x_train": object_array(x_train), "y_train": np.arange(len(x_train)) % 2,
              "x_test": object_array(x_test), "y_test": np.arange(len(x_test)) % 2}
    path = folder / "imdb.npz"
    (np.savez_compressed if compressed else np.savez)(path, **arrays)
    if rename:
        with zipfile.ZipFile(path) as src:
            members = [(rename.get(i.filename, i.filename), src.read(i)) for i in src.infolist()]
        with zipfile.ZipFile(path, "w") as dst:
            for name, data in members:
                dst.writestr(name, data)
    (folder / "imdb_word_index.json").write_text(json.dumps({w: i + 1 for i, w in enumerate(WORDS)}))
    return path


def rows(n=6):
    return [[1 + (i + j) % 15 for j in range(3 + i)] for i in range(n)]


def test_a_damaged_compressed_member_is_a_clear_error(tmp_path):
    path = write_npz(tmp_path, rows(), compressed=True)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("y_train.npy")
    local = info.header_offset
    start = local + 30 + int.from_bytes(data[local + 26:local + 28], "little") + int.from_bytes(
        data[local + 28:local + 30], "little")
    data[start:start + 4] = b"\xff\xff\xff\xff"  # zlib.error: invalid block type
    path.write_bytes(bytes(data))
    with pytest.raises(DatasetError, match="damaged or not a Keras imdb.npz"):
        keras_npz.load_keras_npz(path)


def test_a_token_id_of_two_to_the_seventy_is_a_clear_error(tmp_path):
    path = write_npz(tmp_path, [[1, 2, 2**70], [3, 4]])
    with pytest.raises(DatasetError, match="too large to be a word rank"):
        keras_npz.load_keras_npz(path)


def test_a_member_stored_without_npy_loads_like_the_usual_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    usual = keras_npz.load_keras_npz(write_npz(tmp_path / "a", rows()))
    bare = keras_npz.load_keras_npz(write_npz(tmp_path / "b", rows(), rename={"x_train.npy": "x_train"}))
    np.testing.assert_array_equal(bare.x_train, usual.x_train)


def test_ranks_beyond_the_word_index_are_out_of_vocabulary_not_a_crash(tmp_path):
    from rnnviz.data import OOV_ID
    from rnnviz.train import TrainConfig, Trainer

    path = write_npz(tmp_path, [[1, 2, 500, 9000], [3, 4, 700]] * 20, [[1, 800], [2, 3]] * 10)
    ds = keras_npz.load_keras_npz(path, num_words=10_000, maxlen=8)
    assert len(ds.vocab) == len(WORDS) + 4  # the word index decides the vocabulary's size
    assert ds.x_train.max() < len(ds.vocab) and (ds.x_train == OOV_ID).any()
    config = TrainConfig(dataset="imdb", num_words=10_000, maxlen=8, embed_dim=2, hidden_dim=2, epochs=1,
                         batch_size=8)
    assert Trainer(config, ds).run().status == "finished"  # the trainer accepts every id


def test_a_small_file_that_expands_to_too_many_words_is_refused_before_expanding(tmp_path):
    one_list = list(range(1, 20_001))
    path = write_npz(tmp_path, [one_list] * 2_000)  # the pickle names the same list 2,000 times: 40M words
    assert path.stat().st_size < 200_000
    with pytest.raises(DatasetError, match="more than the 30,000,000 rnnviz reads per split"):
        keras_npz.load_keras_npz(path)


def test_members_that_would_expand_too_far_are_refused_unread(tmp_path, monkeypatch):
    path = write_npz(tmp_path, rows())
    monkeypatch.setattr(keras_npz, "MAX_MEMBER_BYTES", 100)
    with pytest.raises(DatasetError, match="would expand to"):
        keras_npz.load_keras_npz(path)


def test_the_cli_gives_a_message_not_a_traceback_for_a_bad_npz(tmp_path, capsys):
    path = write_npz(tmp_path, [[1, 2, 2**70], [3, 4]])
    code = main(["--imdb", str(path), "--no-save", "--epochs", "1", "--cache-dir", str(tmp_path / "cache")])
    captured = capsys.readouterr()
    assert code == 2 and "too large to be a word rank" in captured.err
    assert json.loads(captured.out.strip().splitlines()[-1])["status"] == "error"


def test_the_train_page_message_is_the_data_error_not_an_unexpected_one(tmp_path):
    from rnnviz.gui.training.worker import describe_error

    path = write_npz(tmp_path, [[1, 2, 2**70], [3, 4]])
    with pytest.raises(DatasetError) as info:
        load_imdb(path, use_cache=False)
    message = describe_error(info.value, "Loading")
    assert message.startswith("Loading failed:") and "unexpected" not in message and "report" not in message


# --- review file names -------------------------------------------------------------------------------
def write_review_folder(root: Path, extra: str) -> Path:
    for name in ("train/pos/0_9.txt", "train/neg/0_2.txt", "test/pos/0_8.txt", "test/neg/0_1.txt", extra):
        path = root / "aclImdb" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("a fine film", encoding="utf-8")
    return root / "aclImdb"


@pytest.mark.parametrize("name, message", [
    ("train/pos/12345_300.txt", "has rating 300"),
    ("train/neg/99999999999_2.txt", "has id 99,999,999,999"),
])
def test_review_files_named_outside_the_expected_ranges_get_a_message(tmp_path, name, message):
    with pytest.raises(DatasetError, match=message):
        collect_reviews(write_review_folder(tmp_path, name))


def test_the_same_in_an_archive(tmp_path):
    import tarfile

    folder = write_review_folder(tmp_path / "src", "test/pos/12345_300.txt")
    archive = tmp_path / "aclImdb_v1.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname="aclImdb")
    with pytest.raises(DatasetError, match="has rating 300"):
        collect_reviews(archive)


# --- temporaries of a killed encoded-cache writer -------------------------------------------------------
@pytest.mark.parametrize("cached_before", [False, True])
def test_cache_temporaries_of_a_killed_loader_are_swept_on_the_next_load(tmp_path, cached_before):
    dead_pid = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                                  text=True).stdout)
    path = write_npz(tmp_path, rows())
    encoded = tmp_path / "encoded"
    encoded.mkdir()
    if cached_before:  # the next load is a cache hit: it writes nothing, and still sweeps
        load_imdb(path, cache_dir=tmp_path, num_words=20, maxlen=5)
    leftover = encoded / f".imdb-{'0' * 32}.npz.{dead_pid}.abcd1234.tmp"  # young: written a moment ago
    leftover.write_bytes(b"\0" * 1000)
    load_imdb(path, cache_dir=tmp_path, num_words=20, maxlen=5)
    assert not leftover.exists()
    assert data_cache.load(next(encoded.glob("imdb-*.npz"))) is not None
