"""The dataset a config names, loaded or generated with the config's vocabulary size and sequence length."""
from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable

import numpy as np

from rnnviz.data import Dataset, load_imdb, make_memory_task, make_negation_task
from rnnviz.data.loading import load_imdb_in_child

from .config import ConfigError, TrainConfig

IMDB_HELP = ("To train on IMDb, download aclImdb_v1.tar.gz (84 MB) from "
             "https://ai.stanford.edu/~amaas/data/sentiment/ and pass it with --imdb PATH (an unpacked aclImdb/ "
             "folder or Keras' imdb.npz work too), or set the environment variable RNNVIZ_IMDB=PATH. Without "
             "a download, try a built-in task: --dataset memory or --dataset negation.")

Progress = Callable[[str, int, int], None]


def load_dataset(config: TrainConfig, imdb_path: str | os.PathLike | None = None,
                 cache_dir: str | os.PathLike | None = None, progress: Progress | None = None,
                 cancel: threading.Event | None = None, tokenise_in_child: bool = False) -> Dataset:
    """IMDb (from `imdb_path`, $RNNVIZ_IMDB or the cache; raises ImdbNotFound when there is none) or a synthetic task.

    The synthetic tasks are generated from the config's seed, so a run is reproducible end to end.
    `tokenise_in_child`: an uncached IMDb archive given by `imdb_path` is tokenised in a child process
    (``rnnviz.data.loading``), so a window's thread never holds the GIL for long.
    """
    if config.dataset == "imdb" and tokenise_in_child and imdb_path is not None and cache_dir is None:
        return load_imdb_in_child(imdb_path, config.num_words, config.maxlen, progress=progress, cancel=cancel)
    if config.dataset == "imdb":
        return load_imdb(imdb_path, num_words=config.num_words, maxlen=config.maxlen, cache_dir=cache_dir,
                         progress=progress, cancel=cancel)
    return synthetic_dataset(config)


def synthetic_dataset(config: TrainConfig) -> Dataset:
    """The built-in task of `config.dataset` ("memory" or "negation"), generated from config.seed.

    memory: config.maxlen is its sequence length (its difficulty). negation: sentences of up to 16
    tokens, re-padded to config.maxlen the Keras way ('pre'), so a longer maxlen only adds padding.
    """
    if config.dataset == "memory":
        if config.maxlen < 2:
            raise ConfigError("the memory task needs maxlen >= 2 (start token + signal)")
        return make_memory_task(seq_len=config.maxlen, seed=config.seed)
    ds = make_negation_task(seed=config.seed)
    if ds.maxlen == config.maxlen:
        return ds
    return dataclasses.replace(ds, x_train=repad(ds.x_train, config.maxlen), x_test=repad(ds.x_test, config.maxlen))


def repad(x: np.ndarray, maxlen: int) -> np.ndarray:
    """(N, T) 'pre'-padded ids -> (N, maxlen): zeros added in front, or the first columns dropped (keeping the end)."""
    n, t = x.shape
    if maxlen <= t:
        return np.ascontiguousarray(x[:, t - maxlen:])
    out = np.zeros((n, maxlen), dtype=x.dtype)
    out[:, maxlen - t:] = x
    return out
