"""The window's default models: small RNNs trained on the negation task, cached in the user data folder.

- ``builtin_model``: many-to-one sentiment (the trainer's binary head), the model the window opens with.
- ``builtin_next_word_model``: many-to-many next-word prediction (softmax over the task's vocabulary,
  the target at step t is token t+1, and after the last word the end token).

Both train deterministically in a fraction of a second to a few seconds, so the window always has a real
trained model to show, offline, without a download, at any hidden size the user picks; the cache (one
file per hidden size) only saves that time on later launches.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

import numpy as np

from rnnviz.core.spec import DEFAULT_HIDDEN, HIDDEN_RANGE
from rnnviz.data import PAD_ID, make_negation_task

from .checkpoint import CheckpointError, load_model, save_model
from .config import TrainConfig
from .datasets import synthetic_dataset
from .model import NextWordModel, TrainedModel
from .paths import user_data_folder
from .trainer import Trainer

BUILTIN_CONFIG = TrainConfig.defaults_for("negation").with_changes(embed_dim=8, hidden_dim=DEFAULT_HIDDEN,
                                                                   activation="tanh", seed=0)
# Bump when the task, the config or the trainer change what the built-in model should be.
BUILTIN_VERSION = 2
#: The next-word model's target after a sentence's last word: the padding id, shown as "<end>".
END_ID = PAD_ID
# Bump when the next-word model should change; 2: cached in the common checkpoint format (softmax head).
NEXT_WORD_VERSION = 2
NEXT_WORD_EPOCHS = 12
NEXT_WORD_BATCH = 32
NEXT_WORD_LR = 0.01


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
    config = builtin_config(hidden_dim)
    return _cached_or_trained(builtin_cache_path(cache_dir, hidden_dim),
                              lambda m: m.head == "binary" and m.config == config,
                              lambda: train_builtin(hidden_dim))


def _cached_or_trained(path: Path, fits, train):
    """The model cached at `path` when it loads and `fits(model)`; else `train()`, then cached.

    A missing, damaged or outdated file is retrained; a folder that cannot be written only means
    the model is not cached."""
    with contextlib.suppress(CheckpointError):
        model = load_model(path)
        if fits(model):
            return model
    model = train()
    with contextlib.suppress(OSError):
        save_model(path, model)
    return model


def train_builtin(hidden_dim: int = DEFAULT_HIDDEN) -> TrainedModel:
    """Train the built-in model from scratch (deterministic: same weights on every call)."""
    config = builtin_config(hidden_dim)
    return Trainer(config, synthetic_dataset(config)).run().model


# --- many-to-many: next word ----------------------------------------------------------------------
def next_word_targets(ids) -> np.ndarray:
    """(T,) targets of a (T,) token sequence: token t+1 at step t, END_ID after the last token."""
    ids = np.asarray(ids, dtype=np.int64)
    return np.append(ids[1:], END_ID).astype(np.int64)


def next_word_cache_path(cache_dir=None, hidden_dim: int = DEFAULT_HIDDEN) -> Path:
    return _cache_folder(cache_dir) / f"builtin-next-word-v{NEXT_WORD_VERSION}-h{int(hidden_dim)}.npz"


def builtin_next_word_model(cache_dir: str | os.PathLike | None = None,
                            hidden_dim: int = DEFAULT_HIDDEN) -> NextWordModel:
    """The cached next-word model with H = hidden_dim, or a freshly trained one (then cached).

    Cached like ``builtin_model``, in the common checkpoint format (softmax head): a missing, damaged or
    outdated file (another head, config or vocabulary) is retrained; a read-only folder only means no cache.
    """
    config = builtin_config(hidden_dim)
    vocab = make_negation_task(n_train=2, n_test=2, seed=config.seed).vocab
    return _cached_or_trained(
        next_word_cache_path(cache_dir, hidden_dim),
        lambda m: isinstance(m, NextWordModel) and m.config == config and m.vocab == vocab,
        lambda: train_next_word(hidden_dim))


def train_next_word(hidden_dim: int = DEFAULT_HIDDEN) -> NextWordModel:
    """Train the next-word model from scratch: Adam on sum_t CE(softmax(o_t), token_{t+1}), deterministic.

    Sentences of one length are batched together, so no step ever predicts padding.
    """
    from rnnviz.core import init_params, loss_and_grads, make_optimizer

    config = builtin_config(hidden_dim)
    ds = make_negation_task(seed=config.seed)
    n_vocab = len(ds.vocab)
    params = init_params(n_vocab, config.embed_dim, config.hidden_dim, output_dim=n_vocab, seed=config.seed,
                         dtype=np.float64)
    optimizer = make_optimizer("adam", params, lr=NEXT_WORD_LR)
    batches = _length_batches(_sentences(ds.x_train), NEXT_WORD_BATCH)
    rng = np.random.default_rng(config.seed)
    train_loss = []
    for _ in range(NEXT_WORD_EPOCHS):
        total, count = 0.0, 0
        for k in rng.permutation(len(batches)):
            tokens, targets = batches[k]
            loss, grads = loss_and_grads(params, tokens, targets, activation=config.activation, head="softmax")
            optimizer.step(grads)
            total += loss * tokens.shape[0]
            count += tokens.size
        train_loss.append(total / count)
    history = {"train_loss": train_loss, "test_loss_per_token": next_word_loss(params, ds.x_test, config),
               "task": "next word", "status": "finished"}
    return NextWordModel(params, config, ds.vocab, history)


def next_word_loss(params: dict, x: np.ndarray, config: TrainConfig) -> float:
    """Mean cross-entropy per predicted token of 'pre'-padded sentences x (N, maxlen)."""
    from rnnviz.core import loss_and_grads

    total, count = 0.0, 0
    for tokens, targets in _length_batches(_sentences(x), 256):
        loss, _ = loss_and_grads(params, tokens, targets, activation=config.activation, head="softmax")
        total += loss * tokens.shape[0]
        count += tokens.size
    return total / count


def _sentences(x: np.ndarray) -> list[np.ndarray]:
    """The rows of 'pre'-padded x without their padding: start token first."""
    return [row[np.argmax(row != PAD_ID):] for row in np.asarray(x, dtype=np.int64)]


def _length_batches(sentences: list[np.ndarray], size: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """(tokens (B, T), targets (B, T)) batches, each of sentences of one length T, in a fixed order."""
    by_length: dict[int, list[np.ndarray]] = {}
    for s in sentences:
        by_length.setdefault(len(s), []).append(s)
    batches = []
    for length in sorted(by_length):
        group = np.stack(by_length[length])
        for i in range(0, len(group), size):
            tokens = group[i:i + size]
            batches.append((tokens, np.stack([next_word_targets(row) for row in tokens])))
    return batches
