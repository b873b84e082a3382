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
