"""Open and save model files from the File menu, with a message box (never a crash) when it fails."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .messages import show_message

FILE_FILTER = "rnnviz models (*.npz);;All files (*)"


def ask_open_path(parent: QWidget, start_dir: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open model", start_dir, FILE_FILTER)
    return path or None


def ask_save_path(parent: QWidget, start_path: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save model as", start_path, FILE_FILTER)
    if not path:
        return None
    return path if path.endswith(".npz") else path + ".npz"


def load_spec(path: str):
    """(ModelSpec, None) or (None, message for the user)."""
    from rnnviz.explorer.sources import load_model_file
    from rnnviz.train.checkpoint import CheckpointError

    try:
        return load_model_file(path), None
    except CheckpointError as exc:
        return None, (f"{exc}\n\nChoose a model saved by rnnviz (File > Save model as, or the trainer), "
                      "or train a new one.")
    except OSError as exc:
        return None, f"Could not read {Path(path).name}: {exc.strerror or exc}."
    except ValueError as exc:  # weights the explorer cannot show (load_model itself raises only CheckpointError)
        return None, f"{Path(path).name} cannot be shown: {exc}."


def savable_model(spec):
    """The model File > Save model as… writes for `spec` (a ModelSpec): its ``trained`` model, or
    None when there is nothing to save."""
    return None if spec is None else spec.trained


def save_trained(path: str, trained) -> str | None:
    """Save; None on success, else the message for the user."""
    from rnnviz.train.checkpoint import CheckpointError, save_model

    try:
        save_model(path, trained)
    except OSError as exc:
        return (f"Could not save to {path}: {exc.strerror or exc}.\n\nNothing was written. "
                "Choose another folder or free some disk space.")
    except CheckpointError as exc:
        return f"This model cannot be saved: {exc}.\n\nNothing was written."
    return None


def warn(parent: QWidget, title: str, message: str) -> QMessageBox:
    """A warning that does not block: the window keeps running while it is shown."""
    return show_message(parent, title, message, QMessageBox.Icon.Warning)


def suggested_path(spec) -> Path:
    """Where File > Save model as… starts for a model that came from no file: the models folder
    (where the trainer saves and the window looks at start), named after the model."""
    from rnnviz.train.paths import default_model_path, models_folder

    try:
        models_folder().mkdir(parents=True, exist_ok=True)  # so that the dialog can open it
    except OSError:
        pass  # the dialog then starts where it can; saving elsewhere still works
    config = getattr(spec.trained, "config", None)
    try:
        return default_model_path(config)
    except AttributeError:  # no trainer's config: name it after the model
        stem = "-".join("".join(c if c.isalnum() else " " for c in spec.name.lower()).split()) or "model"
        return models_folder() / f"{stem}-h{spec.hidden_dim}.npz"
