"""Where the trainer keeps files by default: the user data folder (platformdirs), never the working directory."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from platformdirs import user_data_dir

from .config import TrainConfig

APP_NAME = "rnnviz"


def user_data_folder() -> Path:
    """The per-user data folder, e.g. ~/.local/share/rnnviz on Linux (created on first write, not here)."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def models_folder() -> Path:
    """Folder of the models saved by the command line by default."""
    return user_data_folder() / "models"


def default_model_path(config: TrainConfig, now: datetime | None = None) -> Path:
    """A new, descriptive file name: models/imdb-h32-tanh-seed0-20261130-014501.npz."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return models_folder() / f"{config.dataset}-h{config.hidden_dim}-{config.activation}-seed{config.seed}-{stamp}.npz"
