"""The window's default model: a small RNN trained on the negation task, cached in the user data folder.

It trains deterministically in about a second, so the window always has a real trained model to show,
offline, without a download; the cache only saves that second on later launches.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from .checkpoint import CheckpointError, load_model, save_model
from .config import TrainConfig
from .datasets import synthetic_dataset
from .model import TrainedModel
from .paths import user_data_folder
from .trainer import Trainer

BUILTIN_CONFIG = TrainConfig.defaults_for("negation").with_changes(embed_dim=8, hidden_dim=6, activation="tanh",
                                                                   seed=0)
# Bump when the task, the config or the trainer change what the built-in model should be.
BUILTIN_VERSION = 1


def builtin_model(cache_dir: str | os.PathLike | None = None) -> TrainedModel:
    """The cached built-in model, or a freshly trained one (saved to the cache when possible).

    cache_dir: folder of the cached file (default: the user data folder). A missing, unreadable or
    outdated cache is retrained; a read-only folder only means the model is not cached.
    """
    path = Path(cache_dir) if cache_dir is not None else user_data_folder()
    path = path / f"builtin-negation-v{BUILTIN_VERSION}.npz"
    with contextlib.suppress(CheckpointError):
        model = load_model(path)
        if model.config == BUILTIN_CONFIG:
            return model
    model = train_builtin()
    with contextlib.suppress(OSError):
        save_model(path, model)
    return model


def train_builtin() -> TrainedModel:
    """Train the built-in model from scratch (deterministic: same weights on every call)."""
    result = Trainer(BUILTIN_CONFIG, synthetic_dataset(BUILTIN_CONFIG)).run()
    return result.model
