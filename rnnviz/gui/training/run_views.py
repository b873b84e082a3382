"""The Train page's views of one run that depend on its model kind: the Live plots tab and the run's summary.

``LivePlotsPage`` wraps ``TrainingPlots`` (plots.py draws; this only chooses what is shown): a line
naming the run the plots belong to, and for the ordinary network the two recurrence plots hidden with,
in their place, the reason in words. ``RunSummary`` is the box under the run buttons after a run:
what was trained, its test accuracy, its best validation epoch, where it was saved and whether the
Explore page shows it.
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..i18n import translate
from .model_kind import NO_STEPS, NOT_IN_EXPLORE, RNN_ONLY_PLOTS, is_bag, long_kind_name
from .plots import TrainingPlots

NOTE_STYLE = "QLabel { background: #f4f4f8; border: 1px solid #c8c8d8; padding: 10px; color: #303030; }"


class LivePlotsPage(QWidget):
    """The Live plots tab: ``heading`` (which run), the plots, and ``no_steps_note`` for the ordinary network."""

    def __init__(self, plots: TrainingPlots, parent=None):
        super().__init__(parent)
        self.plots = plots
        self.heading = QLabel()
        self.heading.setObjectName("plots_heading")
        self.heading.setWordWrap(True)
        self.no_steps_note = QLabel(translate("ModelKind", NO_STEPS))
        self.no_steps_note.setObjectName("no_steps_note")
        self.no_steps_note.setWordWrap(True)
        self.no_steps_note.setStyleSheet(NOTE_STYLE)
        self.no_steps_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # In the grid cell of the spectral-radius plot it replaces (plots.py lays out a 3 x 2 grid:
        # loss | accuracy, gradient norm | rho(W), the heatmap across the bottom row).
        grid = plots.layout()
        grid.addWidget(self.no_steps_note, 1, 1)
        self.no_steps_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(plots, 1)
        self.show_run(None)

    def show_run(self, config, number: int | None = None, chosen: str = "rnn") -> None:
        """Show the views that apply to `config`'s model. config None: no run yet, the plots of the
        model `chosen` in the form ("rnn" or "bag") wait for Start."""
        bag = is_bag(config) if config is not None else chosen == "bag"
        for plot_id in RNN_ONLY_PLOTS:
            self.plots.plots[plot_id].setVisible(not bag)
        self.no_steps_note.setVisible(bag)
        # without the heatmap its row would stay as an empty band: give its height to the other plots
        self.plots.layout().setRowStretch(2, 0 if bag else 1)
        if config is None:
            self.heading.setText(translate("ModelKind", "No run yet: the plots fill in when you press Start."))
        else:
            self.heading.setText(translate("ModelKind", "Run {0}: {1} on {2}").format(
                number if number is not None else "", long_kind_name(config), config.dataset))


class RunSummary(QFrame):
    """What the last run achieved, in a few lines; hidden until a run ends."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("run_summary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label)
        self.hide()

    def show_result(self, result, config, path: Path | None, save_error: str = "") -> None:
        """result: the RunResult; config: the run's TrainConfig; path: where it was saved (None: not saved)."""
        self.label.setText(summary_html(result, config, path, save_error))
        self.show()

    def text(self) -> str:
        return self.label.text()


def summary_html(result, config, path: Path | None, save_error: str = "") -> str:
    """The summary's rich text (see RunSummary)."""
    lines = ["<b>" + html.escape(translate("ModelKind", "{0} on {1}").format(
        long_kind_name(config)[:1].upper() + long_kind_name(config)[1:], config.dataset)) + "</b>"]
    test = "–" if result.test_accuracy is None else f"{result.test_accuracy:.4f}"
    lines.append(html.escape(translate("ModelKind", "Test accuracy: {0}").format(test)))
    if result.best_epoch:
        best = "–" if result.best_val_accuracy is None else f"{result.best_val_accuracy:.4f}"
        lines.append(html.escape(translate("ModelKind", "Best validation accuracy {0} at epoch {1} of {2} "
                                           "(its weights are kept)").format(best, result.best_epoch,
                                                                            result.epochs_completed)))
    else:
        lines.append(html.escape(translate("ModelKind", "No epoch finished: nothing was validated")))
    if path is not None:
        lines.append(html.escape(translate("ModelKind", "Saved to {0}").format(path)))
    elif save_error:
        lines.append(html.escape(translate("ModelKind", "Not saved: {0}").format(save_error)))
    if is_bag(config):
        lines.append("<i>" + html.escape(translate("ModelKind", NOT_IN_EXPLORE)) + "</i>")
    else:
        lines.append(html.escape(translate("ModelKind", "The Explore page shows this model.")))
    return "<br>".join(lines)
