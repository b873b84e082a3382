"""The ordinary network beside the built-in RNN: the same negation task, config and seed, model "bag".

The learner compares the two on the same sentence (lesson 1): trained on sentences where order
decides ("not good", "X but Y"), the bag of embeddings cannot tell a sentence from its shuffle.
Cached in the user data folder like the built-in RNN; a missing or outdated file is retrained.
"""
from __future__ import annotations

import os

from .builtin import DEFAULT_HIDDEN, _cached_or_trained, _cache_folder, builtin_config
from .datasets import synthetic_dataset
from .model import TrainedModel
from .trainer import Trainer

# Bump when the bag model's task, config or trainer change.
BUILTIN_BAG_VERSION = 1


def builtin_bag_config(hidden_dim: int = DEFAULT_HIDDEN):
    """The built-in RNN's config with model "bag"."""
    return builtin_config(hidden_dim).with_changes(model="bag")


def builtin_bag_model(cache_dir: str | os.PathLike | None = None, hidden_dim: int = DEFAULT_HIDDEN) -> TrainedModel:
    """The cached built-in bag model, or a freshly trained one (deterministic, then cached)."""
    config = builtin_bag_config(hidden_dim)
    path = _cache_folder(cache_dir) / f"builtin-negation-bag-v{BUILTIN_BAG_VERSION}-h{int(hidden_dim)}.npz"
    return _cached_or_trained(path, lambda m: m.config == config,
                              lambda: Trainer(config, synthetic_dataset(config)).run().model, stage="bag")
