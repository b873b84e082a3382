"""Raw review reader: archive (streamed) and folder layouts, file-name facts, bad input."""
import gzip
import threading

import numpy as np
import pytest

from rnnviz.data import DatasetError, LoadCancelled, collect_reviews, read_reviews
from rnnviz.data.reviews import parse_review_name

from imdb_fixtures import REVIEWS, write_archive, write_folder


def as_tuples(reviews):
    return sorted((r.split, r.label, r.id, r.rating, r.text) for r in reviews)


EXPECTED = sorted((s, int(lab == "pos"), i, r, t) for s, lab, i, r, t in REVIEWS)


def test_archive_reviews_with_split_label_rating(imdb_archive):
    assert as_tuples(read_reviews(imdb_archive)) == EXPECTED  # unsup and metadata skipped


def test_folder_reviews_same_as_archive(imdb_folder):
    assert as_tuples(read_reviews(imdb_folder)) == EXPECTED
    assert as_tuples(read_reviews(imdb_folder.parent)) == EXPECTED  # the folder holding aclImdb/


def test_plain_uncompressed_tar(tmp_path):
    assert as_tuples(read_reviews(write_archive(tmp_path / "imdb.tar", mode="w"))) == EXPECTED


def test_collect_reviews_canonical_order(imdb_archive, imdb_folder):
    a, b = collect_reviews(imdb_archive), collect_reviews(imdb_folder)
    for split in ("train", "test"):
        assert a[split].texts == b[split].texts
        np.testing.assert_array_equal(a[split].ids, b[split].ids)
    train = a["train"]
    np.testing.assert_array_equal(train.labels, [0, 0, 0, 1, 1, 1])
    np.testing.assert_array_equal(train.ids, [0, 5, 7, 0, 1, 12])
    np.testing.assert_array_equal(train.ratings, [3, 1, 4, 9, 10, 7])


@pytest.mark.parametrize("name, expected", [
    ("aclImdb/train/pos/123_9.txt", ("train", 1, 123, 9)),
    ("aclImdb/test/neg/0_2.txt", ("test", 0, 0, 2)),
    ("./aclImdb/test/neg/10_1.txt", ("test", 0, 10, 1)),
    ("aclImdb/train/unsup/5_0.txt", None),
    ("aclImdb/train/urls_pos.txt", None),
    ("aclImdb/train/pos/notes.txt", None),
])
def test_parse_review_name(name, expected):
    assert parse_review_name(name) == expected


def test_missing_path_clear_message(tmp_path):
    with pytest.raises(DatasetError, match="no such file or folder.*aclImdb_v1.tar.gz"):
        list(read_reviews(tmp_path / "nope.tar.gz"))


def test_garbage_file_is_damaged_not_a_traceback(tmp_path):
    bad = tmp_path / "aclImdb_v1.tar.gz"
    bad.write_bytes(np.random.default_rng(0).bytes(5000))
    with pytest.raises(DatasetError, match="damaged or not an IMDb archive.*download it again"):
        collect_reviews(bad)


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.95])
def test_truncated_archive_is_damaged(imdb_archive, tmp_path, fraction):
    data = imdb_archive.read_bytes()
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(DatasetError, match="damaged|truncated"):
        collect_reviews(cut)


def test_gzip_of_non_tar_is_damaged(tmp_path):
    bad = tmp_path / "x.tar.gz"
    bad.write_bytes(gzip.compress(b"just some text, not a tar file" * 100))
    with pytest.raises(DatasetError, match="damaged or not an IMDb archive"):
        collect_reviews(bad)


def test_archive_without_a_split_is_not_imdb(tmp_path):
    only_train = [r for r in REVIEWS if r[0] == "train"]
    with pytest.raises(DatasetError, match="does not look like the IMDb dataset.*aclImdb/test/neg"):
        collect_reviews(write_archive(tmp_path / "a.tar.gz", only_train))
    with pytest.raises(DatasetError, match="does not look like"):
        collect_reviews(write_folder(tmp_path / "f", only_train))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DatasetError, match="does not look like"):
        collect_reviews(empty)


def test_progress_and_cancel(imdb_archive):
    seen = []
    collect_reviews(imdb_archive, progress=lambda *a: seen.append(a))
    assert seen[-1][0] == "read" and seen[-1][1] == seen[-1][2] > 0
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(LoadCancelled):
        collect_reviews(imdb_archive, cancel=cancel)


@pytest.mark.imdb
def test_real_archive_counts_and_ratings(real_archive):
    sets = collect_reviews(real_archive)
    for split in ("train", "test"):
        s = sets[split]
        assert len(s.texts) == 25_000
        for label, allowed in ((0, {1, 2, 3, 4}), (1, {7, 8, 9, 10})):
            mine = s.labels == label
            assert mine.sum() == 12_500
            assert set(np.unique(s.ratings[mine]).tolist()) == allowed
            assert sorted(s.ids[mine].tolist()) == list(range(12_500))
    first_pos = sets["train"].texts[int(np.flatnonzero((sets["train"].labels == 1) & (sets["train"].ids == 0))[0])]
    assert first_pos.startswith("Bromwell High is a cartoon comedy.")
