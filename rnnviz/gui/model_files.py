"""Open and save model files from the File menu, with a message box (never a crash) when it fails."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .i18n import translate
from .messages import show_message


def file_filter() -> str:
    return translate("ModelFiles", "rnnviz models (*.npz);;All files (*)")


def ask_open_path(parent: QWidget, start_dir: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, translate("ModelFiles", "Open model"), start_dir, file_filter())
    return path or None


def ask_save_path(parent: QWidget, start_path: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, translate("ModelFiles", "Save model as"), start_path, file_filter())
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
        return None, translate("ModelFiles", "{0}\n\nChoose a model saved by rnnviz (File > Save model as, or the "
                               "trainer), or train a new one.").format(exc)
    except OSError as exc:
        return None, translate("ModelFiles", "Could not read {0}: {1}.").format(Path(path).name, exc.strerror or exc)
    except ValueError as exc:  # weights the explorer cannot show (load_model itself raises only CheckpointError)
        return None, translate("ModelFiles", "{0} cannot be shown: {1}.").format(Path(path).name, exc)


def savable_model(spec):
    """The model File > Save model as… writes for `spec` (a ModelSpec): its ``trained`` model, or
    None when there is nothing to save (nor for the untrained weights shown while the built-in model trains)."""
    return None if spec is None or spec.untrained else spec.trained


def save_trained(path: str, trained) -> str | None:
    """Save; None on success, else the message for the user."""
    from rnnviz.train.checkpoint import CheckpointError, save_model

    try:
        save_model(path, trained)
    except OSError as exc:
        return translate("ModelFiles", "Could not save to {0}: {1}.\n\nNothing was written. Choose another folder "
                         "or free some disk space.").format(path, exc.strerror or exc)
    except CheckpointError as exc:
        return translate("ModelFiles", "This model cannot be saved: {0}.\n\nNothing was written.").format(exc)
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
