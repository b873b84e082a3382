"""The trainer panel's widgets: the run box (Start/Pause/Resume/Stop, progress, status), the page
layout, which buttons are enabled in which state, and how a status or an error is shown.

A mixin of ``TrainingPanel`` (split from panel.py, which keeps the run's lifecycle and threads);
it only builds and updates widgets, and starts nothing.
"""
from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QProgressBar,
                               QPushButton, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from ..i18n import translate

IDLE, LOADING, TRAINING, PAUSING, PAUSED, STOPPING = "idle", "loading", "training", "pausing", "paused", "stopping"
ACTIVE = (LOADING, TRAINING, PAUSING, PAUSED, STOPPING)


class PanelView:
    """Builds the panel's widgets and shows its state; mixed into ``TrainingPanel`` (a QWidget)."""

    # ------------------------------------------------------------------ layout
    def _build_run_box(self) -> None:
        self.start_button = QPushButton(translate("TrainingPanel", "Start"))
        self.pause_button = QPushButton(translate("TrainingPanel", "Pause"))
        self.resume_button = QPushButton(translate("TrainingPanel", "Resume"))
        self.stop_button = QPushButton(translate("TrainingPanel", "Stop"))
        for b, key, slot, tip in (
                (self.start_button, "start", self.start,
                 translate("TrainingPanel", "Load the data if needed and train from fresh weights")),
                (self.pause_button, "pause", self.pause,
                 translate("TrainingPanel", "Pause after the current batch; the graph shows the weights as they are now")),
                (self.resume_button, "resume", self.resume, translate("TrainingPanel", "Continue training")),
                (self.stop_button, "stop", self.stop,
                 translate("TrainingPanel", "End the run after the current batch; the best validated weights are kept"))):
            b.setObjectName(f"{key}_button")  # not from the text: that is in the window's language
            b.setToolTip(tip)
            b.clicked.connect(slot)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("train_progress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("")
        self.progress_bar.setTextVisible(True)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress_label")
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _layout(self) -> None:
        data_group = QGroupBox(translate("TrainingPanel", "Data"))
        QVBoxLayout(data_group).addWidget(self.data_box)
        form_group = QGroupBox(translate("TrainingPanel", "Hyperparameters"))
        form_layout = QVBoxLayout(form_group)
        form_layout.addWidget(self.form)
        defaults = QPushButton(translate("TrainingPanel", "Recommended settings for this data"))
        defaults.setToolTip(translate("TrainingPanel", "The Keras example's settings for IMDb; a small quick model for "
                                      "a built-in task"))
        defaults.clicked.connect(self._reset_form)
        form_layout.addWidget(defaults)
        run_group = QGroupBox(translate("TrainingPanel", "Run"))
        run_layout = QVBoxLayout(run_group)
        buttons = QHBoxLayout()
        for b in (self.start_button, self.pause_button, self.resume_button, self.stop_button):
            buttons.addWidget(b)
        run_layout.addLayout(buttons)
        run_layout.addWidget(self.progress_bar)
        run_layout.addWidget(self.progress_label)
        run_layout.addWidget(self.status_label)
        run_layout.addWidget(self.summary)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(run_group)
        left_layout.addWidget(data_group)
        left_layout.addWidget(form_group)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # wide enough for the form and the four buttons: the column never scrolls sideways
        scroll.setMinimumWidth(left.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.plot_page, translate("TrainingPanel", "Live plots"))
        self.tabs.addTab(self.reviews, translate("TrainingPanel", "Test reviews"))
        self.tabs.addTab(self.runs, translate("TrainingPanel", "Runs"))
        self.tabs.setTabToolTip(2, translate("TrainingPanel", "Every saved run with its model (RNN and cell, or the "
                                             "ordinary network) and test accuracy, side by side"))
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([scroll.minimumWidth(), 1000])
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

    def _update_buttons(self, *_) -> None:
        s = self.state
        wanted = {self.start_button: s == IDLE and self.form.is_valid(),
                  self.pause_button: s == TRAINING,
                  self.resume_button: s in (PAUSING, PAUSED),
                  self.stop_button: s in (LOADING, TRAINING, PAUSING, PAUSED)}
        for button, enabled in wanted.items():  # enabled first: the focus may go to one of them
            if enabled:
                button.setEnabled(True)
        self._keep_focus_in_run_box([button for button, enabled in wanted.items() if not enabled])
        for button, enabled in wanted.items():
            if not enabled:
                button.setEnabled(False)

    def _keep_focus_in_run_box(self, disabling: list[QWidget]) -> None:
        """Before `disabling` widgets: if the focus is in one of them, give it to the run button that
        takes over (Pause or Stop after Start, Start after a run). Qt passes the focus of a disabled
        widget down the focus chain, and the left column scrolled to wherever it landed: the Run box,
        with Start, left the view at every Start and every end of a run."""
        focus = QApplication.focusWidget()
        # the panel itself holds the focus while no run button is enabled (stopping): hand it back
        if focus is None or not (focus is self or any(w is focus or w.isAncestorOf(focus) for w in disabling)):
            return
        for button in (self.pause_button, self.stop_button, self.resume_button, self.start_button):
            if button.isEnabled() and button not in disabling:
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        if focus is not self:
            self.setFocus(Qt.FocusReason.OtherFocusReason)  # outside the scrolled column: nothing scrolls

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def show_error(self, message: str) -> None:
        """Show a problem in the status line and a (non-blocking) message box; the panel stays usable."""
        self.last_error = message
        self.set_status(message)
        if self.error_box is None:
            self.error_box = QMessageBox(QMessageBox.Icon.Warning, translate("TrainingPanel", "Training"), "",
                                         QMessageBox.StandardButton.Ok, self)
            self.error_box.setObjectName("training_error_box")
        self.error_box.setText(message)
        self.error_box.open()
        self.errorShown.emit(message)


def _clock(seconds: float) -> str:
    if seconds is None or not math.isfinite(seconds):
        return "–"
    seconds = round(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
