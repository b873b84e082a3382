"""Where the trainer keeps files by default: the user data folder (platformdirs), never the working directory."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from platformdirs import user_data_dir

from .checkpoint import save_model
from .config import TrainConfig
from .model import TrainedModel

APP_NAME = "rnnviz"
#: Names tried (stamp, stamp-2, ..., stamp-N) before giving up: runs ending in one second are few.
MAX_NAME_ATTEMPTS = 1000


def user_data_folder() -> Path:
    """The per-user data folder, e.g. ~/.local/share/rnnviz on Linux (created on first write, not here)."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def models_folder() -> Path:
    """Folder of the models saved by the command line by default."""
    return user_data_folder() / "models"


def default_model_path(config: TrainConfig, now: datetime | None = None, attempt: int = 0,
                       folder: Path | None = None) -> Path:
    """A descriptive file name: models/imdb-rnn-h32-tanh-seed0-20261130-014501.npz (attempt k > 0 adds
    -{k+1}). The second part is the kind of model: rnn, lstm, gru, or bag (the ordinary network), so
    that a folder of runs says which is which.

    The name alone does not make the file new: two runs ending in the same second get the same name, so
    save with ``save_new_model``, which never replaces a file.
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    suffix = f"-{attempt + 1}" if attempt else ""
    kind = "bag" if config.model == "bag" else config.cell
    base = f"{config.dataset}-{kind}-h{config.hidden_dim}-{config.activation}-seed{config.seed}-{stamp}{suffix}.npz"
    return (folder if folder is not None else models_folder()) / base


def save_new_model(model: TrainedModel, now: datetime | None = None, folder: Path | None = None) -> Path:
    """Save `model` under the first free ``default_model_path`` name and return it; never replaces a file.

    The name is claimed atomically (see ``save_model(overwrite=False)``), so runs that finish together,
    even in separate processes, each keep their own model. OSError when the folder cannot be written.
    """
    now = now or datetime.now()
    for attempt in range(MAX_NAME_ATTEMPTS):
        try:
            return save_model(default_model_path(model.config, now, attempt, folder), model, overwrite=False)
        except FileExistsError:
            continue
    raise FileExistsError(f"{MAX_NAME_ATTEMPTS} models named like "
                          f"{default_model_path(model.config, now, 0, folder).name} exist already")
