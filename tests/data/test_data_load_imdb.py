"""load_imdb on generated copies: encoding, alignment, caching, locating the data, bad input."""
import os
import threading

import numpy as np
import pytest

from rnnviz.data import (ImdbNotFound, LoadCancelled, Vocab, find_imdb, is_cached, load_imdb,
                         pad_sequences, text_to_words)
from rnnviz.data import cache as cache_mod
from rnnviz.data import imdb as imdb_mod
from imdb_fixtures import REVIEWS, write_archive


def load(path, tmp_path, **kw):
    return load_imdb(path, num_words=kw.pop("num_words", 40), maxlen=kw.pop("maxlen", 30),
                     cache_dir=tmp_path / "cache", **kw)


def test_shapes_dtypes_and_labels(imdb_archive, tmp_path):
    ds = load(imdb_archive, tmp_path)
    assert ds.name == "imdb" and ds.maxlen == 30
    assert ds.x_train.shape == (6, 30) and ds.x_test.shape == (4, 30)
    assert ds.x_train.dtype == np.int32 and ds.y_train.dtype == np.float32
    assert sorted(ds.y_train.tolist()) == [0, 0, 0, 1, 1, 1] and sorted(ds.y_test.tolist()) == [0, 0, 1, 1]
    assert len(ds.vocab) == 40
    # Ratings travel with their labels through the shuffle.
    assert ((ds.train_ratings >= 7) == (ds.y_train == 1)).all()
    assert ((ds.test_ratings >= 7) == (ds.y_test == 1)).all()


def test_vocab_from_training_words_only(imdb_archive, tmp_path):
    ds = load(imdb_archive, tmp_path, num_words=1000)
    train_words = {w for _s, _l, _i, _r, t in REVIEWS if _s == "train" for w in text_to_words(t)}
    assert set(ds.vocab.words[3:]) == train_words
    assert not ds.vocab.is_known("onlyintest") and ds.vocab.is_known("wonderful")
    assert ds.vocab == Vocab.build([text_to_words(t) for s, *_x, t in REVIEWS if s == "train"], 1000)


def test_test_texts_aligned_with_encoded_rows(imdb_archive, tmp_path):
    ds = load(imdb_archive, tmp_path)
    expected = pad_sequences([ds.vocab.encode_text(t) for t in ds.test_texts], 30)
    np.testing.assert_array_equal(ds.x_test, expected)
    by_text = {t: (lab == "pos", r) for s, lab, _i, r, t in REVIEWS if s == "test"}
    for text, y, rating in zip(ds.test_texts, ds.y_test, ds.test_ratings, strict=True):
        assert by_text[text] == (bool(y), rating)


def test_edge_case_reviews_encode_to_start_only_and_long_keeps_end(imdb_archive, tmp_path):
    ds = load(imdb_archive, tmp_path, num_words=100, maxlen=10)
    rows = {tuple(r) for r in ds.x_train.tolist()}
    assert tuple([0] * 9 + [1]) in rows  # empty review and only-markup review: just the start id
    long_row = ds.x_train[ds.train_ratings == 7][0]
    assert ds.vocab.decode(long_row)[-2:] == ["the", "end"]  # 'pre' truncation keeps the end
    assert (long_row != 0).all() and long_row[0] != 1  # start id truncated away, as Keras does


def test_archive_and_folder_give_same_dataset(imdb_archive, imdb_folder, tmp_path):
    a, b = load(imdb_archive, tmp_path / "a"), load(imdb_folder, tmp_path / "b")
    assert a.vocab == b.vocab and a.test_texts == b.test_texts
    for field in ("x_train", "y_train", "x_test", "y_test", "train_ratings", "test_ratings"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))


def test_cache_hit_skips_reading_and_returns_equal_data(imdb_archive, tmp_path, monkeypatch):
    first = load(imdb_archive, tmp_path)
    files = list((tmp_path / "cache" / "encoded").iterdir())
    assert len(files) == 1 and files[0].suffix == ".npz"  # no temporary file left behind

    def must_not_read(*_a, **_k):
        raise AssertionError("cache hit expected: the archive must not be read again")

    monkeypatch.setattr(imdb_mod, "collect_reviews", must_not_read)
    again = load(imdb_archive, tmp_path)
    assert again.vocab == first.vocab and again.test_texts == first.test_texts
    for field in ("x_train", "y_train", "x_test", "y_test", "train_ratings", "test_ratings"):
        np.testing.assert_array_equal(getattr(again, field), getattr(first, field))
    assert again.x_train.dtype == np.int32


def test_cache_miss_on_other_settings_or_other_content(imdb_archive, tmp_path):
    load(imdb_archive, tmp_path)
    load(imdb_archive, tmp_path, maxlen=31)
    load(imdb_archive, tmp_path, num_words=41)
    changed = write_archive(tmp_path / "changed.tar.gz", REVIEWS[:-1] + [("test", "neg", 9, 1, "other text")])
    ds = load(changed, tmp_path)
    assert "other text" in ds.test_texts
    assert len(list((tmp_path / "cache" / "encoded").glob("*.npz"))) == 4


def test_is_cached_answers_for_exactly_the_settings_loaded(imdb_archive, imdb_folder, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    assert not is_cached(imdb_archive, num_words=40, maxlen=30, cache_dir=cache_dir)
    load(imdb_archive, tmp_path)
    assert is_cached(imdb_archive, num_words=40, maxlen=30, cache_dir=cache_dir)
    assert not is_cached(imdb_archive, num_words=40, maxlen=31, cache_dir=cache_dir)
    assert not is_cached(imdb_archive, num_words=41, maxlen=30, cache_dir=cache_dir)
    assert not is_cached(imdb_folder, num_words=40, maxlen=30, cache_dir=cache_dir)  # other source
    assert not is_cached(imdb_archive, num_words=40, maxlen=30, cache_dir=tmp_path / "elsewhere")
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(cache_dir))  # cache_dir None: the user cache folder
    assert is_cached(imdb_archive, num_words=40, maxlen=30)


def test_is_cached_refuses_what_load_imdb_refuses(imdb_archive, tmp_path):
    with pytest.raises(ImdbNotFound):
        is_cached(tmp_path / "missing.tar.gz", cache_dir=tmp_path)
    with pytest.raises(ValueError, match="maxlen"):
        is_cached(imdb_archive, maxlen=0, cache_dir=tmp_path)


def test_damaged_cache_file_is_rebuilt(imdb_archive, tmp_path):
    first = load(imdb_archive, tmp_path)
    (cached,) = (tmp_path / "cache" / "encoded").glob("*.npz")
    cached.write_bytes(b"PK\x03\x04 not really a zip")
    again = load(imdb_archive, tmp_path)
    np.testing.assert_array_equal(again.x_train, first.x_train)
    assert cache_mod.load(cached) is not None  # rewritten


def test_use_cache_false_writes_nothing(imdb_archive, tmp_path):
    load(imdb_archive, tmp_path, use_cache=False)
    assert not (tmp_path / "cache").exists()


def test_progress_stages_and_cancel(imdb_archive, tmp_path):
    stages = []
    load(imdb_archive, tmp_path, progress=lambda s, d, t: stages.append(s))
    assert [s for i, s in enumerate(stages) if s not in stages[:i]] == ["hash", "read", "tokenise", "encode", "cache"]
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(LoadCancelled):
        load(imdb_archive, tmp_path / "other", cancel=cancel)


def test_invalid_settings_rejected(imdb_archive, tmp_path):
    with pytest.raises(ValueError, match="num_words"):
        load(imdb_archive, tmp_path, num_words=3)
    with pytest.raises(ValueError, match="maxlen"):
        load(imdb_archive, tmp_path, maxlen=0)


# --- locating the data ------------------------------------------------------------------------
def test_nothing_found_says_what_to_do(tmp_path):
    assert find_imdb() is None
    with pytest.raises(ImdbNotFound, match=r"--imdb PATH.*RNNVIZ_IMDB") as err:
        load_imdb(cache_dir=tmp_path)
    assert str(cache_mod.default_cache_dir()) in str(err.value)


def test_explicit_and_env_paths(imdb_archive, imdb_folder, monkeypatch):
    monkeypatch.setenv("RNNVIZ_IMDB", str(imdb_folder))
    assert find_imdb() == imdb_folder
    assert find_imdb(imdb_archive) == imdb_archive  # explicit wins
    with pytest.raises(ImdbNotFound, match="given path .*does not exist"):
        find_imdb("/no/such/aclImdb_v1.tar.gz")
    monkeypatch.setenv("RNNVIZ_IMDB", "/no/such/file.tar.gz")
    with pytest.raises(ImdbNotFound, match=r"\$RNNVIZ_IMDB .*does not exist"):
        find_imdb()


def test_user_cache_then_keras_folder(imdb_archive, tmp_path):
    keras = tmp_path / "home" / ".keras" / "datasets" / "imdb.npz"
    keras.parent.mkdir(parents=True)
    keras.write_bytes(b"x")
    assert find_imdb() == keras
    cached = cache_mod.default_cache_dir() / "aclImdb_v1.tar.gz"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(imdb_archive.read_bytes())
    assert find_imdb() == cached


def test_default_path_loads_from_env(imdb_archive, tmp_path, monkeypatch):
    monkeypatch.setenv("RNNVIZ_IMDB", str(imdb_archive))
    assert load_imdb(num_words=50, maxlen=20, cache_dir=tmp_path).x_test.shape == (4, 20)


def test_default_cache_dir_is_used_and_atomic(imdb_archive):
    load_imdb(imdb_archive, num_words=50, maxlen=20)
    written = os.listdir(cache_mod.default_cache_dir() / "encoded")
    assert len(written) == 1 and written[0].endswith(".npz")


@pytest.mark.imdb
@pytest.mark.slow
def test_real_archive_encoded(real_archive, tmp_path):
    ds = load_imdb(real_archive, cache_dir=tmp_path)
    assert ds.x_train.shape == (25_000, 500) and ds.x_test.shape == (25_000, 500)
    assert len(ds.vocab) == 10_000 and ds.vocab.words[3:6] == ["the", "and", "a"]
    assert ds.y_train.mean() == 0.5 and ds.y_test.mean() == 0.5
    # Shuffled: the last 20 % (Keras' validation_split) is balanced, not one class.
    assert 0.45 < ds.y_train[-5000:].mean() < 0.55
    assert len(ds.test_texts) == 25_000 and set(np.unique(ds.test_ratings)) == {1, 2, 3, 4, 7, 8, 9, 10}
    assert (ds.x_train[:, -1] != 0).all()  # 'pre' padding: every review ends at the last column
    again = load_imdb(real_archive, cache_dir=tmp_path)
    np.testing.assert_array_equal(again.x_test, ds.x_test)


def test_folder_cache_follows_review_changes(tmp_path):
    from imdb_fixtures import write_folder

    folder = write_folder(tmp_path / "copy")
    load(folder, tmp_path)
    (folder / "test" / "neg" / "9_1.txt").write_text("changed in place, much longer than before")
    ds = load(folder, tmp_path)
    assert "changed in place, much longer than before" in ds.test_texts


def test_cache_keeps_only_the_most_recently_used_files(imdb_archive, tmp_path):
    import time

    for maxlen in (20, 21, 22, 23):
        load(imdb_archive, tmp_path, maxlen=maxlen)
        time.sleep(0.01)  # distinct mtimes
    load(imdb_archive, tmp_path, maxlen=20)  # a hit makes it recent again
    time.sleep(0.01)
    load(imdb_archive, tmp_path, maxlen=24)  # the fifth file pushes out the least recently used (21)
    kept = {cache_mod.load(p).maxlen for p in (tmp_path / "cache" / "encoded").glob("*.npz")}
    assert kept == {20, 22, 23, 24}


def test_temporary_files_of_killed_writers_are_swept_but_not_a_live_ones(imdb_archive, tmp_path):
    """The panel kills its loader child on cancel; a kill during the cache write leaves a temporary file."""
    folder = tmp_path / "cache" / "encoded"
    folder.mkdir(parents=True)
    dead = folder / ".imdb-0123.npz.abc123.tmp"
    live = folder / ".imdb-4567.npz.def456.tmp"
    for leftover in (dead, live):
        leftover.write_bytes(b"half a cache file")
    two_hours_ago = dead.stat().st_mtime - 7200
    os.utime(dead, (two_hours_ago, two_hours_ago))
    load(imdb_archive, tmp_path)
    assert not dead.exists() and live.exists()
