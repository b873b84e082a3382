"""The dataset a config names, loaded or generated with the config's vocabulary size and sequence length."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable

from rnnviz.data import Dataset

from .config import TrainConfig

IMDB_HELP = ("To train on IMDb, download aclImdb_v1.tar.gz (84 MB) from "
             "https://ai.stanford.edu/~amaas/data/sentiment/ and pass it with --imdb PATH (an unpacked aclImdb/ "
             "folder or Keras' imdb.npz work too), or set the environment variable RNNVIZ_IMDB=PATH. Without "
             "a download, try a built-in task: --dataset memory or --dataset negation.")

Progress = Callable[[str, int, int], None]


def load_dataset(config: TrainConfig, imdb_path: str | os.PathLike | None = None,
                 cache_dir: str | os.PathLike | None = None, progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> Dataset:
    """IMDb (from `imdb_path`, $RNNVIZ_IMDB or the cache; raises ImdbNotFound when there is none) or a synthetic task.

    The synthetic tasks are generated from the config's seed, so a run is reproducible end to end.
    """
    if config.dataset == "imdb":
        from rnnviz.data.imdb import load_imdb

        return load_imdb(imdb_path, num_words=config.num_words, maxlen=config.maxlen, cache_dir=cache_dir,
                         progress=progress, cancel=cancel)
    return synthetic_dataset(config)


def synthetic_dataset(config: TrainConfig) -> Dataset:
    """The built-in task of `config.dataset` ("memory" or "negation") with sequence length config.maxlen."""
    from rnnviz.data import synthetic

    maker = {"memory": synthetic.make_memory_task, "negation": synthetic.make_negation_task}[config.dataset]
    return maker(seq_len=config.maxlen, seed=config.seed)
