"""Vanishing and exploding, explored: W scale (with rho(W)), activation, sequence length, clipping."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QPushButton, QSlider, QSpinBox, QVBoxLayout, QWidget)

from rnnviz.core.spec import ACTIVATIONS
from rnnviz.explorer import MAX_SEQ_LEN

from ..help_button import HelpButton
from ..i18n import translate

SLIDER_STEPS_PER_UNIT = 100
MAX_W_SCALE = 3.0


class GradientControls(QWidget):
    """Signals: wScaleChanged(float), activationChanged(str), seqLenChanged(int; 0 = as typed),
    clippingChanged(bool, float), presetChosen(str: "vanishing" | "exploding" | "reset"),
    helpRequested(str)."""

    wScaleChanged = Signal(float)
    activationChanged = Signal(str)
    seqLenChanged = Signal(int)
    clippingChanged = Signal(bool, float)
    paddingChanged = Signal(bool)
    presetChosen = Signal(str)
    helpRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.scale_slider = QSlider(Qt.Orientation.Horizontal)
        self.scale_slider.setRange(0, int(MAX_W_SCALE * SLIDER_STEPS_PER_UNIT))
        self.scale_slider.setValue(SLIDER_STEPS_PER_UNIT)
        self.scale_slider.setMinimumWidth(120)
        self.scale_slider.setToolTip(translate("GradientControls", "Multiply the recurrent matrix W by this factor "
                                               "(the model itself is not changed)"))
        self.scale_spin = QDoubleSpinBox()
        self.scale_spin.setRange(0.0, MAX_W_SCALE)
        self.scale_spin.setDecimals(3)
        self.scale_spin.setSingleStep(0.05)
        self.scale_spin.setValue(1.0)
        self.scale_spin.setPrefix("× ")
        self.scale_spin.setToolTip(translate("GradientControls", "W scale: W is multiplied by this number before "
                                             "tracing"))
        self.radius_label = QLabel("ρ(W) = –")
        self.radius_label.setToolTip(translate("GradientControls", "Spectral radius of the scaled W: its largest "
                                               "|eigenvalue|. Below 1 the gradient through many steps shrinks "
                                               "(vanishes), above 1 it can grow (explodes)"))
        self.radius_label.setMinimumWidth(110)
        self.activation_combo = QComboBox()
        self.activation_combo.addItems(ACTIVATIONS)
        self.activation_combo.setToolTip(translate("GradientControls", "The hidden nonlinearity f in s_t = f(a_t). "
                                                   "'linear' shows the effect of W alone: gradients scale like "
                                                   "ρ(W)^(T-t)"))
        self.length_spin = QSpinBox()
        self.length_spin.setRange(0, MAX_SEQ_LEN)
        self.length_spin.setSpecialValueText(translate("GradientControls", "as typed"))
        self.length_spin.setToolTip(translate("GradientControls", "Sequence length T: the sentence repeats (or is "
                                              "cut) to this many steps, the start token first. 'as typed' uses the "
                                              "sentence as it is"))
        self.pad_check = QCheckBox(translate("GradientControls", "Pad as in training"))
        self.pad_check.setToolTip(translate("GradientControls", "Put <pad> tokens in front up to the model's training "
                                            "length, as the trainer and the Test reviews table score every review "
                                            "('pre' padding). Off: the sentence as typed, which can give another "
                                            "prediction (see Help)"))
        self.pad_check.setEnabled(False)
        self.clip_check = QCheckBox(translate("GradientControls", "Clip at global norm"))
        self.clip_check.setToolTip(translate("GradientControls", "Gradient clipping as the trainer does it: if ||g|| "
                                             "over all parameters exceeds the threshold, every gradient is scaled by "
                                             "threshold / ||g||"))
        self.clip_spin = QDoubleSpinBox()
        self.clip_spin.setRange(0.001, 1e6)
        self.clip_spin.setDecimals(3)
        self.clip_spin.setValue(1.0)
        self.clip_spin.setToolTip(translate("GradientControls", "Clipping threshold for the global gradient norm"))
        self.clip_label = QLabel("")
        self.clip_label.setWordWrap(True)
        self.clip_label.setToolTip(translate("GradientControls", "The global gradient norm before clipping and the "
                                             "factor clipping applies"))
        self.vanish_button = QPushButton(translate("GradientControls", "Vanishing demo"))
        self.vanish_button.setToolTip(translate("GradientControls", "linear f, ρ(W) = 0.8, T = 40: the gradient "
                                                "reaching early steps shrinks like 0.8^(T-t)"))
        self.explode_button = QPushButton(translate("GradientControls", "Exploding demo"))
        self.explode_button.setToolTip(translate("GradientControls", "linear f, ρ(W) = 1.2, T = 40: the gradient "
                                                 "reaching early steps grows like 1.2^(T-t)"))
        self.reset_button = QPushButton(translate("GradientControls", "Reset"))
        self.reset_button.setToolTip(translate("GradientControls", "Back to the model's own W, activation and the "
                                               "sentence as typed; clipping off"))
        for b in (self.vanish_button, self.explode_button, self.reset_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.help_button = HelpButton("gradients", translate("GradientControls", "Why gradients vanish or explode "
                                                             "through time"))

        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale_slider, 1)
        scale_row.addWidget(self.scale_spin)
        clip_row = QHBoxLayout()
        clip_row.addWidget(self.clip_check)
        clip_row.addWidget(self.clip_spin)
        clip_row.addStretch(1)
        presets = QHBoxLayout()
        for b in (self.vanish_button, self.explode_button, self.reset_button):
            presets.addWidget(b)
        presets.addStretch(1)
        presets.addWidget(self.help_button)
        form = QFormLayout()
        form.addRow(translate("GradientControls", "W scale"), scale_row)
        form.addRow("", self.radius_label)
        form.addRow(translate("GradientControls", "Activation f"), self.activation_combo)
        form.addRow(translate("GradientControls", "Sequence length"), self.length_spin)
        form.addRow(translate("GradientControls", "Padding"), self.pad_check)
        form.addRow(translate("GradientControls", "Clipping"), clip_row)
        form.addRow("", self.clip_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(presets)
        layout.addStretch(1)

        self.scale_slider.valueChanged.connect(self._slider_moved)
        self.scale_spin.valueChanged.connect(self._spin_changed)
        self.activation_combo.currentTextChanged.connect(self.activationChanged)
        self.length_spin.valueChanged.connect(self.seqLenChanged)
        self.pad_check.toggled.connect(self.paddingChanged)
        self.clip_check.toggled.connect(self._clip_changed)
        self.clip_spin.valueChanged.connect(self._clip_changed)
        self.vanish_button.clicked.connect(lambda: self.presetChosen.emit("vanishing"))
        self.explode_button.clicked.connect(lambda: self.presetChosen.emit("exploding"))
        self.reset_button.clicked.connect(lambda: self.presetChosen.emit("reset"))
        self.help_button.helpRequested.connect(self.helpRequested)

    # --- user changes --------------------------------------------------------------------------
    def _slider_moved(self, value: int) -> None:
        self.scale_spin.setValue(value / SLIDER_STEPS_PER_UNIT)  # emits through _spin_changed

    def _spin_changed(self, value: float) -> None:
        self.scale_slider.blockSignals(True)
        self.scale_slider.setValue(round(value * SLIDER_STEPS_PER_UNIT))
        self.scale_slider.blockSignals(False)
        self.wScaleChanged.emit(float(value))

    def _clip_changed(self, *_args) -> None:
        self.clippingChanged.emit(self.clip_check.isChecked(), float(self.clip_spin.value()))

    # --- shown values ------------------------------------------------------------------------
    def set_values(self, w_scale: float, activation: str, seq_len: int | None, clip: bool, threshold: float) -> None:
        """Show the explorer's values without emitting anything."""
        widgets = (self.scale_slider, self.scale_spin, self.activation_combo, self.length_spin,
                   self.clip_check, self.clip_spin)
        for w in widgets:
            w.blockSignals(True)
        if w_scale > self.scale_spin.maximum():  # a demo on a model with a small W scales it further
            self.scale_spin.setMaximum(float(w_scale))
            self.scale_slider.setMaximum(int(round(w_scale * SLIDER_STEPS_PER_UNIT)))
        self.scale_spin.setValue(w_scale)
        self.scale_slider.setValue(round(w_scale * SLIDER_STEPS_PER_UNIT))
        self.activation_combo.setCurrentText(activation)
        self.length_spin.setValue(seq_len or 0)
        self.clip_check.setChecked(clip)
        self.clip_spin.setValue(threshold)
        for w in widgets:
            w.blockSignals(False)

    def set_padding(self, padded: bool, maxlen: int | None) -> None:
        """Show the padding choice without emitting; disabled for a model with no known training length."""
        self.pad_check.blockSignals(True)
        self.pad_check.setChecked(bool(padded and maxlen))
        self.pad_check.setEnabled(bool(maxlen))
        self.pad_check.setText(translate("GradientControls", "Pad to T = {0} as in training").format(maxlen) if maxlen
                               else translate("GradientControls", "Pad as in training"))
        self.pad_check.blockSignals(False)

    def show_radius(self, rho: float) -> None:
        regime = (translate("GradientControls", "< 1: shrinks") if rho < 0.999 else
                  translate("GradientControls", "> 1: may explode") if rho > 1.001 else "≈ 1")
        self.radius_label.setText(f"ρ(W) = {rho:.3f} ({regime})")

    def show_clip(self, text: str) -> None:
        self.clip_label.setText(text)
