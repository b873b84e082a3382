"""The Explore page's model choice: the built-in task (many-to-one sentiment or many-to-many next word)
and the built-in model's hidden size H (a loaded or trained model's H is fixed, so it is shown disabled)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from rnnviz.core.spec import HIDDEN_RANGE
from rnnviz.explorer.sources import DEFAULT_HIDDEN, TASKS, task_name

from ..i18n import QT_TRANSLATE_NOOP, translate

HIDDEN_TOOLTIP = QT_TRANSLATE_NOOP("ModelControls", "Hidden units H of the built-in model: it is trained again (a "
                                   "fraction of a second, then cached) with this many units. Small H keeps the "
                                   "numbers checkable by hand")
FIXED_TOOLTIP = QT_TRANSLATE_NOOP("ModelControls", "Hidden size is fixed by training: this model was trained with "
                                  "H = {h}. To explore another size, train a new model on the Train page (or pick a "
                                  "built-in task)")
OWN_MODEL = "own"


class ModelControls(QWidget):
    """Signals: builtinRequested(str task, int hidden_dim) when the user picks a built-in task or H;
    ownModelRequested() when the user picks the loaded/trained model's entry again."""

    builtinRequested = Signal(str, int)
    ownModelRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.task_combo = QComboBox()
        for key in TASKS:
            self.task_combo.addItem(task_name(key), key)
        self.task_combo.setToolTip(translate("ModelControls", "Many-to-one: one sentiment prediction from o_T, the "
                                             "loss at the end. Many-to-many: at every step o_t predicts the next word, "
                                             "a loss L_t per step"))
        self.task_combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A long model name must not widen the box past a 1280 px window: the combo shrinks and the
        # entry reads "This model (many-to-one)", with the model's name in its tooltip.
        self.task_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.task_combo.setMinimumContentsLength(14)
        self.hidden_spin = QSpinBox()
        self.hidden_spin.setRange(*HIDDEN_RANGE)
        self.hidden_spin.setValue(DEFAULT_HIDDEN)
        self.hidden_spin.setToolTip(translate("ModelControls", HIDDEN_TOOLTIP))
        self.hidden_spin.setKeyboardTracking(False)  # typing "12" asks for one model, not for 1 and 12
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(translate("ModelControls", "Task")))
        layout.addWidget(self.task_combo, 1)
        layout.addWidget(QLabel(translate("ModelControls", "Hidden units")))
        layout.addWidget(self.hidden_spin)
        self.task_combo.activated.connect(self._task_chosen)
        self.hidden_spin.valueChanged.connect(self._hidden_changed)

    @property
    def task(self) -> str:
        return self.task_combo.currentData()

    def set_model(self, spec) -> None:
        """Show `spec` (a ModelSpec) without emitting: a built-in's task and H, or the own model's entry."""
        self.task_combo.blockSignals(True)
        self.hidden_spin.blockSignals(True)
        own = self.task_combo.findData(OWN_MODEL)
        if spec.builtin_task:
            if own >= 0:
                self.task_combo.removeItem(own)
            self.task_combo.setCurrentIndex(self.task_combo.findData(spec.builtin_task))
            self.hidden_spin.setEnabled(True)
            self.hidden_spin.setToolTip(translate("ModelControls", HIDDEN_TOOLTIP))
        else:
            text = (translate("ModelControls", "This model (many-to-one)") if spec.head == "binary"
                    else translate("ModelControls", "This model (many-to-many)"))
            if own < 0:
                self.task_combo.insertItem(0, text, OWN_MODEL)
            else:
                self.task_combo.setItemText(own, text)
            self.task_combo.setItemData(0, f"{spec.name}, H = {spec.hidden_dim}", Qt.ItemDataRole.ToolTipRole)
            self.task_combo.setCurrentIndex(0)
            self.hidden_spin.setEnabled(False)
            self.hidden_spin.setToolTip(translate("ModelControls", FIXED_TOOLTIP).format(h=spec.hidden_dim))
        # a trained model's H can be outside the built-in range (H = 32): show it, not the range's end
        low, high = HIDDEN_RANGE
        self.hidden_spin.setRange(min(low, spec.hidden_dim), max(high, spec.hidden_dim) if not spec.builtin_task
                                  else high)
        self.hidden_spin.setValue(spec.hidden_dim)
        self.task_combo.blockSignals(False)
        self.hidden_spin.blockSignals(False)

    def _task_chosen(self, _index: int) -> None:
        if self.task == OWN_MODEL:
            self.ownModelRequested.emit()
        else:
            value = self.hidden_spin.value() if self.hidden_spin.isEnabled() else DEFAULT_HIDDEN
            self.builtinRequested.emit(self.task, value)

    def _hidden_changed(self, value: int) -> None:
        if self.task != OWN_MODEL:
            self.builtinRequested.emit(self.task, int(value))
