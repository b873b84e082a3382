"""Loading IMDb for the window: tokenised in a child process into the cache, then loaded from it."""
import threading

import pytest

from rnnviz.data import DatasetError, LoadCancelled
from rnnviz.train import TrainConfig, load_dataset


def load_for_panel(config, imdb_path, **kwargs):
    """What the Train page's default loader does."""
    return load_dataset(config, imdb_path, tokenise_in_child=True, **kwargs)

WORDS = {1: "a wonderful moving film great acting", 0: "a dull boring film awful acting"}


@pytest.fixture
def small_imdb(tmp_path, monkeypatch):
    """An unpacked aclImdb folder with 6 reviews per split and class."""
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "aclImdb"
    for split in ("train", "test"):
        for label, name in ((0, "neg"), (1, "pos")):
            folder = root / split / name
            folder.mkdir(parents=True)
            for i in range(6):
                rating = 8 + i % 3 if label else 1 + i % 4
                (folder / f"{i}_{rating}.txt").write_text(f"{WORDS[label]} number {i}<br /><br />The end.")
    return root


def test_imdb_is_tokenised_in_a_child_and_then_read_from_the_cache(small_imdb, tmp_path):
    config = TrainConfig(num_words=50, maxlen=12)
    stages = []
    ds = load_for_panel(config, small_imdb, progress=lambda s, d, t: stages.append(s))
    assert ds.x_train.shape == (12, 12) and ds.x_test.shape == (12, 12)
    assert "tokenise" in stages  # the child's progress came through
    assert len(ds.test_texts) == 12 and "wonderful" in " ".join(ds.test_texts)
    assert list((tmp_path / "cache").rglob("*.npz"))  # the child filled the cache
    again = []
    ds2 = load_for_panel(config, small_imdb, progress=lambda s, d, t: again.append(s))
    assert "tokenise" not in again and (ds2.x_train == ds.x_train).all()  # second time: straight from the cache


def test_a_folder_that_is_not_imdb_gives_the_data_layers_message(tmp_path, monkeypatch):
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(DatasetError, match="does not look like the IMDb dataset"):
        load_for_panel(TrainConfig(), tmp_path / "empty")


def test_cancel_kills_the_child(small_imdb):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(LoadCancelled):
        load_for_panel(TrainConfig(num_words=50, maxlen=12), small_imdb, cancel=cancel)


def test_built_in_tasks_load_directly():
    ds = load_for_panel(TrainConfig(dataset="negation", maxlen=16), None)
    assert ds.maxlen == 16 and ds.name == "negation"
