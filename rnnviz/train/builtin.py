"""The window's default models: small RNNs trained on the negation task, cached in the user data folder.

- ``builtin_model``: many-to-one sentiment (head "binary"), the model the window opens with.
- ``builtin_next_word_model``: many-to-many next-word prediction (head "softmax" over the task's
  vocabulary, the target at step t is token t+1, and after the last word the end token).

Both are trained by the one ``Trainer`` (clipping, schedule, divergence guard, reports), from configs
that differ in the head and the number of epochs. Both train deterministically in a fraction of a
second to a few seconds once the kernels are compiled, so the window always has a real
trained model to show, offline, without a download, at any hidden size the user picks; the cache (one
file per hidden size) only saves that time on later launches.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

import numpy as np

from rnnviz import core
from rnnviz.core.spec import DEFAULT_HIDDEN, HIDDEN_RANGE
from rnnviz.data import make_negation_task

from .checkpoint import CheckpointError, load_model, save_model
from .config import TrainConfig
from .datasets import synthetic_dataset
from .heads import END_ID, make_scorer, next_word_targets
from .model import NextWordModel, TrainedModel
from .paths import user_data_folder
from .trainer import Trainer

__all__ = ["DEFAULT_HIDDEN", "END_ID", "HIDDEN_RANGE", "NextWordModel", "builtin_config", "builtin_model",
           "builtin_next_word_model", "cached_builtin_model", "next_word_config", "next_word_loss",
           "next_word_targets", "train_builtin", "train_next_word", "untrained_builtin_model"]
BUILTIN_CONFIG = TrainConfig.defaults_for("negation").with_changes(embed_dim=8, hidden_dim=DEFAULT_HIDDEN,
                                                                   activation="tanh", seed=0)
# Bump when the task, the config or the trainer change what the built-in model should be.
BUILTIN_VERSION = 2
# Bump when the next-word model should change; 2: cached in the common checkpoint format (softmax head);
# 3: trained by the Trainer (head in the config, validation split, clipping).
NEXT_WORD_VERSION = 3
NEXT_WORD_EPOCHS = 12


def builtin_config(hidden_dim: int = DEFAULT_HIDDEN) -> TrainConfig:
    """The built-in models' config with H = hidden_dim (ValueError outside HIDDEN_RANGE)."""
    lo, hi = HIDDEN_RANGE
    if not lo <= int(hidden_dim) <= hi:
        raise ValueError(f"the built-in model's hidden size must be between {lo} and {hi}, got {hidden_dim}")
    return BUILTIN_CONFIG.with_changes(hidden_dim=int(hidden_dim))


def _cache_folder(cache_dir) -> Path:
    return Path(cache_dir) if cache_dir is not None else user_data_folder()


def builtin_cache_path(cache_dir=None, hidden_dim: int = DEFAULT_HIDDEN) -> Path:
    return _cache_folder(cache_dir) / f"builtin-negation-v{BUILTIN_VERSION}-h{int(hidden_dim)}.npz"


def builtin_model(cache_dir: str | os.PathLike | None = None, hidden_dim: int = DEFAULT_HIDDEN) -> TrainedModel:
    """The cached built-in sentiment model with H = hidden_dim, or a freshly trained one (then cached).

    cache_dir: folder of the cached file (default: the user data folder). A missing, unreadable or
    outdated cache is retrained; a read-only folder only means the model is not cached.
    """
    return _cached_or_trained(builtin_cache_path(cache_dir, hidden_dim), _fits_builtin(hidden_dim),
                              lambda: train_builtin(hidden_dim))


def _fits_builtin(hidden_dim: int):
    config = builtin_config(hidden_dim)
    return lambda m: m.head == "binary" and m.config == config


def cached_builtin_model(cache_dir: str | os.PathLike | None = None, hidden_dim: int = DEFAULT_HIDDEN,
                         task: str = "sentiment") -> TrainedModel | None:
    """The built-in model of `task` ("sentiment" or "next_word") if its cached file loads and fits, else
    None (never trains)."""
    if task == "next_word":
        return _cached(next_word_cache_path(cache_dir, hidden_dim), _fits_next_word(hidden_dim))
    return _cached(builtin_cache_path(cache_dir, hidden_dim), _fits_builtin(hidden_dim))


def untrained_builtin_model(hidden_dim: int = DEFAULT_HIDDEN) -> TrainedModel:
    """The built-in sentiment model before its first batch: the weights ``train_builtin`` starts from
    (seed 0), with an empty history. A first start shows it while the model trains (no kernel needed)."""
    config = builtin_config(hidden_dim)
    return Trainer(config, synthetic_dataset(config)).snapshot(current=True)


def _cached(path: Path, fits):
    with contextlib.suppress(CheckpointError):
        model = load_model(path)
        if fits(model):
            return model
    return None


def _cached_or_trained(path: Path, fits, train, stage: str = "training"):
    """The model cached at `path` when it loads and `fits(model)`; else `train()`, then cached.

    A missing, damaged or outdated file is retrained; a folder that cannot be written only means
    the model is not cached. While the window's background warm-up compiles the kernels of `stage`
    (in a child process), training waits for them instead of compiling them a second time here:
    numba's compiler holds the GIL, and the window would stutter for seconds."""
    model = _cached(path, fits)
    if model is not None:
        return model
    core.warmup.wait(stage)  # at once when no warm-up was started (the CLI, tests): kernels compile on use
    model = train()
    with contextlib.suppress(OSError):
        save_model(path, model)
    return model


def train_builtin(hidden_dim: int = DEFAULT_HIDDEN) -> TrainedModel:
    """Train the built-in model from scratch (deterministic: same weights on every call)."""
    config = builtin_config(hidden_dim)
    return Trainer(config, synthetic_dataset(config)).run().model


# --- many-to-many: next word ----------------------------------------------------------------------
def next_word_config(hidden_dim: int = DEFAULT_HIDDEN) -> TrainConfig:
    """The built-in sentiment config with the softmax head (next word) and NEXT_WORD_EPOCHS epochs."""
    return builtin_config(hidden_dim).with_changes(head="softmax", epochs=NEXT_WORD_EPOCHS)


def next_word_cache_path(cache_dir=None, hidden_dim: int = DEFAULT_HIDDEN) -> Path:
    return _cache_folder(cache_dir) / f"builtin-next-word-v{NEXT_WORD_VERSION}-h{int(hidden_dim)}.npz"


def builtin_next_word_model(cache_dir: str | os.PathLike | None = None,
                            hidden_dim: int = DEFAULT_HIDDEN) -> NextWordModel:
    """The cached next-word model with H = hidden_dim, or a freshly trained one (then cached).

    Cached like ``builtin_model``, in the common checkpoint format (softmax head): a missing, damaged or
    outdated file (another head, config or vocabulary) is retrained; a read-only folder only means no cache.
    """
    return _cached_or_trained(next_word_cache_path(cache_dir, hidden_dim), _fits_next_word(hidden_dim),
                              lambda: train_next_word(hidden_dim))


def _fits_next_word(hidden_dim: int):
    config = next_word_config(hidden_dim)
    vocab = make_negation_task(n_train=2, n_test=2, seed=config.seed).vocab
    return lambda m: m.head == "softmax" and m.config == config and m.vocab == vocab


def train_next_word(hidden_dim: int = DEFAULT_HIDDEN) -> NextWordModel:
    """Train the next-word model from scratch with the Trainer: sum_t CE(softmax(o_t), token_{t+1}), deterministic.

    Sentences of one length are batched together (see ``heads.BatchPlan``), so no step predicts padding.
    The history adds ``test_loss_per_token``, the mean CE per predicted token on the test sentences.
    """
    config = next_word_config(hidden_dim)
    result = Trainer(config, synthetic_dataset(config)).run()
    model = result.model
    model.history.update({"test_loss_per_token": result.test_loss, "task": "next word"})
    return model


def next_word_loss(params: dict, x: np.ndarray, config: TrainConfig) -> float:
    """Mean cross-entropy per predicted token of 'pre'-padded sentences x (N, maxlen), as the trainer scores it."""
    score = make_scorer(params, config.with_changes(head="softmax"))
    return score(np.asarray(x), np.zeros(len(x), dtype=np.float32))[0]
