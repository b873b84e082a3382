"""Play/pause, restart, previous/next, the scrubber over every elementary step, and the speed."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDoubleSpinBox, QHBoxLayout, QLabel, QSlider, QStyle, QToolButton,
                               QWidget)

from ..i18n import translate


class PlaybackBar(QWidget):
    """Buttons never take keyboard focus, so Space and the arrows stay window shortcuts.

    Signals: playToggled(), restartClicked(), previousClicked(), nextClicked(),
    stepChosen(int index) from the scrubber, speedChanged(float steps per second).
    """

    playToggled = Signal()
    restartClicked = Signal()
    previousClicked = Signal()
    nextClicked = Signal()
    stepChosen = Signal(int)
    speedChanged = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        style = self.style()
        self.restart_button = self._button(style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward),
                                           translate("PlaybackBar", "Restart: play the forward and backward pass "
                                                     "from the first step"))
        self.previous_button = self._button(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward),
                                            translate("PlaybackBar", "Previous step (Left arrow)"))
        self.play_button = self._button(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay),
                                        translate("PlaybackBar", "Play or pause the animation (Space)"))
        self.next_button = self._button(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward),
                                        translate("PlaybackBar", "Next step (Right arrow)"))
        self._play_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPause)

        self.scrubber = QSlider(Qt.Orientation.Horizontal)
        self.scrubber.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scrubber.setToolTip(translate("PlaybackBar", "Every elementary step: forward t = 1..T, the loss, "
                                           "backward t = T..1. Drag to jump to any step (Home/End: first/last)"))
        self.scrubber.setRange(0, 0)
        self.step_label = QLabel(translate("PlaybackBar", "no trace yet"))
        self.step_label.setMinimumWidth(170)
        self.step_label.setToolTip(translate("PlaybackBar", "The step shown in the graph and in the BPTT-by-hand panel"))
        self.speed = QDoubleSpinBox()
        self.speed.setRange(0.25, 60.0)
        self.speed.setDecimals(2)
        self.speed.setSingleStep(0.5)
        self.speed.setValue(3.0)
        self.speed.setSuffix(translate("PlaybackBar", " steps/s"))
        self.speed.setToolTip(translate("PlaybackBar", "Animation speed in elementary steps per second"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for w in (self.restart_button, self.previous_button, self.play_button, self.next_button):
            layout.addWidget(w)
        layout.addWidget(self.scrubber, 1)
        layout.addWidget(self.step_label)
        layout.addWidget(QLabel(translate("PlaybackBar", "Speed")))
        layout.addWidget(self.speed)

        self.restart_button.clicked.connect(self.restartClicked)
        self.previous_button.clicked.connect(self.previousClicked)
        self.play_button.clicked.connect(self.playToggled)
        self.next_button.clicked.connect(self.nextClicked)
        self.scrubber.valueChanged.connect(self.stepChosen)
        self.speed.valueChanged.connect(self.speedChanged)

    def _button(self, icon, tip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(True)
        return button

    def set_step_count(self, n_steps: int) -> None:
        self.scrubber.blockSignals(True)
        self.scrubber.setRange(0, max(n_steps - 1, 0))
        self.scrubber.blockSignals(False)

    def show_step(self, index: int, text: str) -> None:
        """Move the scrubber without emitting stepChosen (the window already knows)."""
        self.scrubber.blockSignals(True)
        self.scrubber.setValue(max(index, 0))
        self.scrubber.blockSignals(False)
        self.step_label.setText(text)

    def show_playing(self, playing: bool) -> None:
        self.play_button.setIcon(self._pause_icon if playing else self._play_icon)
