"""Nothing a learner trained is lost: every finished or stopped run is saved as the command line saves it,
and closing the window during a run asks first (without a modal dialog, which would hang offscreen).

``save_run`` runs on the training thread (writing a 1-2 MB .npz takes milliseconds, but it must not
wait on the GUI); ``ask_to_stop`` opens a window-modal box with ``open()`` and returns at once, like
``rnnviz.gui.messages``.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from rnnviz.train import CheckpointError, TrainConfig
from rnnviz.train.paths import default_model_path, save_new_model

from ..i18n import translate


def save_run(model, config: TrainConfig) -> tuple[Path | None, str]:
    """Save `model` to a new file in the models folder (the command line's default name).

    Returns (path, "") or (None, why it could not be saved): a full disk or a read-only folder is
    reported in the run's summary, never raised into the training thread.
    """
    if model is None:
        return None, translate("Saving", "no weights to save")
    try:
        # a new name, never a replaced file: two quick runs can end in the same second with the same name
        return save_new_model(model), ""
    except (OSError, CheckpointError) as exc:
        return None, translate("Saving", "could not save the model to {0}: {1}").format(
            default_model_path(config).parent, exc)


def saved_text(path: Path | None, error: str, bag: bool = False) -> str:
    """One sentence for the run's summary: where the model went, or why it is not saved. bag: the
    ordinary network, which the Explore page does not open (its file is listed on the Runs tab)."""
    if path is not None and bag:
        return " " + translate("Saving", "Saved to {0} (listed on the Runs tab).").format(path)
    if path is not None:
        return " " + translate("Saving", "Saved to {0} (File > Open model opens it; the newest model there is shown "
                               "at the next start).").format(path)
    return " " + translate("Saving", "Not saved: {0}.").format(error) if error else ""


def ask_to_stop(parent: QWidget, on_confirmed: Callable[[], None]) -> QMessageBox:
    """Ask whether to stop the run in progress and close; call on_confirmed() if the user agrees.

    Non-blocking: the box is window-modal over `parent` and opened with open(), so the caller returns
    at once (a modal exec() would hang a test or CI run on the offscreen platform).
    """
    box = QMessageBox(QMessageBox.Icon.Question, translate("Saving", "Training in progress"),
                      translate("Saving", "A model is being trained. Stop the run and close rnnviz?\n\nThe best "
                                "weights so far are saved to the models folder and shown at the next start."),
                      QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("close_while_training_box")
    stop = box.addButton(translate("Saving", "Stop and close"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: on_confirmed() if button is stop else None)
    box.open()
    return box
