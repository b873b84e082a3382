"""The hyperparameter form: one field per TrainConfig field, with its help as tooltip and its error beside it.

Validation is the trainer's own (``TrainConfig`` raises ``ConfigError`` naming the field and what is
allowed), so the form and the command line can never disagree about what is valid. Every edit
re-validates; an invalid field turns red with the message under it, and ``config()`` refuses.
"""
from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from rnnviz.train import FIELD_HELP, ConfigError, TrainConfig
from rnnviz.train.config import ACTIVATIONS, FLOAT_FIELDS, OPTIMIZERS
from rnnviz.core.cells import CELLS
from rnnviz.train.schedule import LR_SCHEDULES

from ..i18n import QT_TRANSLATE_NOOP, translate

# fields with a fixed set of values get a drop-down; any other field a validated text box
CHOICES = {"activation": ACTIVATIONS, "optimizer": OPTIMIZERS, "lr_schedule": tuple(LR_SCHEDULES), "cell": CELLS}
OPTIONAL = ("clip_norm", "truncate", "patience")  # empty field = None
LABELS = {  # translated where shown
    "num_words": QT_TRANSLATE_NOOP("Hyperparams", "Vocabulary size"),
    "maxlen": QT_TRANSLATE_NOOP("Hyperparams", "Sequence length T (maxlen)"),
    "embed_dim": QT_TRANSLATE_NOOP("Hyperparams", "Embedding size E"),
    "hidden_dim": QT_TRANSLATE_NOOP("Hyperparams", "Hidden size H"),
    "activation": QT_TRANSLATE_NOOP("Hyperparams", "Activation f"),
    "optimizer": QT_TRANSLATE_NOOP("Hyperparams", "Optimizer"),
    "lr": QT_TRANSLATE_NOOP("Hyperparams", "Learning rate"),
    "batch_size": QT_TRANSLATE_NOOP("Hyperparams", "Batch size"),
    "epochs": QT_TRANSLATE_NOOP("Hyperparams", "Epochs"),
    "validation_split": QT_TRANSLATE_NOOP("Hyperparams", "Validation split"),
    "clip_norm": QT_TRANSLATE_NOOP("Hyperparams", "Clip gradient norm at"),
    "truncate": QT_TRANSLATE_NOOP("Hyperparams", "Truncate BPTT to k steps"),
    "seed": QT_TRANSLATE_NOOP("Hyperparams", "Random seed"),
    "lr_schedule": QT_TRANSLATE_NOOP("Hyperparams", "Learning-rate schedule"),
    "word_dropout": QT_TRANSLATE_NOOP("Hyperparams", "Word dropout"),
    "embedding_dropout": QT_TRANSLATE_NOOP("Hyperparams", "Embedding dropout"),
    "weight_decay": QT_TRANSLATE_NOOP("Hyperparams", "Weight decay (AdamW)"),
    "patience": QT_TRANSLATE_NOOP("Hyperparams", "Early stop after (epochs)"),
    "cell": QT_TRANSLATE_NOOP("Hyperparams", "Cell (RNN / LSTM / GRU)"),
    "gate_init": QT_TRANSLATE_NOOP("Hyperparams", "Gate biases at the start"),
}
# the dataset is chosen by the data box; the Train page trains the sentiment (binary) head; "model"
# (rnn | bag) is not offered here yet: the window's views after a run show recurrent models only
FORM_FIELDS = tuple(f.name for f in fields(TrainConfig) if f.name not in ("dataset", "head", "model"))
FORM_FIELDS = tuple(sorted(FORM_FIELDS, key=lambda name: name != "cell"))  # the cell first: it decides the rest
ERROR_STYLE = "color: #b00020;"
BAD_FIELD_STYLE = "QLineEdit { border: 1px solid #b00020; background: #fff0f0; }"


class HyperparamForm(QWidget):
    """Edits every TrainConfig field except ``dataset`` (chosen by the data box)."""

    validityChanged = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dataset = "imdb"
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self._problems: dict[str, str] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in FORM_FIELDS:
            editor = self._make_editor(name)
            label = QLabel(translate("Hyperparams", LABELS[name]) if name in LABELS else name)
            for w in (label, editor):
                w.setToolTip(_tooltip(name))
            error = QLabel()
            error.setObjectName(f"error_{name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(1)
            box.addWidget(editor)
            box.addWidget(error)
            form.addRow(label, cell)
            self.editors[name], self.errors[name] = editor, error
        self.keras_button = QPushButton(translate("Hyperparams", "Plain Keras recipe"))
        self.keras_button.setToolTip("<p>" + translate("Hyperparams", "Set the fields to the Keras SimpleRNN example: "
                                                       "rmsprop, no clipping, a constant rate, no word dropout, weight "
                                                       "decay or early stop.") + "</p>")
        self.keras_button.clicked.connect(
            lambda: self.set_config(TrainConfig.defaults_for(self.dataset, recipe="keras")))
        form.addRow(self.keras_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        self.set_config(TrainConfig.defaults_for("imdb"))

    def _make_editor(self, name: str):
        if name in CHOICES:
            editor = QComboBox()
            editor.addItems(list(CHOICES[name]))
            editor.currentIndexChanged.connect(self._revalidate)
        else:
            editor = QLineEdit()
            if name in OPTIONAL:
                editor.setPlaceholderText(translate("Hyperparams", "none"))
            editor.textEdited.connect(self._revalidate)
        editor.setObjectName(f"field_{name}")
        return editor

    # ------------------------------------------------------------------ values
    def set_config(self, config: TrainConfig) -> None:
        """Show `config`'s values (and take its dataset)."""
        self.dataset = config.dataset
        for name in FORM_FIELDS:
            value = getattr(config, name)
            editor = self.editors[name]
            if isinstance(editor, QComboBox):
                editor.blockSignals(True)
                editor.setCurrentText(str(value))
                editor.blockSignals(False)
            else:
                editor.setText("" if value is None else _show(value))
        self._revalidate()

    def set_dataset(self, dataset: str, reset: bool = True) -> None:
        """Switch the dataset; with reset, load its recommended settings (a small model for a synthetic task)."""
        if reset:
            self.set_config(TrainConfig.defaults_for(dataset))
        else:
            self.dataset = dataset
            self._revalidate()

    def raw_values(self) -> dict:
        """Parsed field values; text that is not a number stays text (and fails validation with its message)."""
        values = {"dataset": self.dataset}
        for name in FORM_FIELDS:
            editor = self.editors[name]
            if isinstance(editor, QComboBox):
                values[name] = editor.currentText()
            else:
                values[name] = _parse(name, editor.text())
        return values

    def config(self) -> TrainConfig:
        """The validated config; raises ConfigError (with the first problem) while a field is invalid."""
        if self._problems:
            raise ConfigError(next(iter(self._problems.values())))
        return TrainConfig.from_dict(self.raw_values())

    def is_valid(self) -> bool:
        return not self._problems

    def problems(self) -> dict[str, str]:
        """field name -> message, for every invalid field."""
        return dict(self._problems)

    def set_editable(self, enabled: bool) -> None:
        """Lock the fields while a run uses them (the form stays readable)."""
        self._editable = enabled
        for name, editor in self.editors.items():
            editor.setEnabled(enabled and self._applies(name))
        if hasattr(self, "keras_button"):
            self.keras_button.setEnabled(enabled)

    def _applies(self, name: str) -> bool:
        """The built-in tasks bring their own small vocabulary, so num_words only matters for IMDb."""
        return not (name == "num_words" and self.dataset != "imdb")

    # ------------------------------------------------------------------ validation
    def _revalidate(self, *_) -> None:
        self.set_editable(getattr(self, "_editable", True))
        was_valid = self.is_valid()
        self._problems = find_problems(self.raw_values())
        for name in FORM_FIELDS:
            message = self._problems.get(name)
            error, editor = self.errors[name], self.editors[name]
            error.setText(message or "")
            error.setVisible(bool(message))
            editor.setStyleSheet(BAD_FIELD_STYLE if message else "")
        if was_valid != self.is_valid():
            self.validityChanged.emit(self.is_valid())


def find_problems(values: dict) -> dict[str, str]:
    """Every invalid field with the trainer's message, not only the first.

    TrainConfig stops at the first bad field; we put that field's default in and ask again, so a
    user who mistyped two fields sees both messages at once.
    """
    defaults = TrainConfig.defaults_for(values.get("dataset", "imdb")).to_dict()
    trial = dict(values)
    problems: dict[str, str] = {}
    for _ in range(len(trial) + 1):
        try:
            TrainConfig.from_dict(trial)
            return problems
        except ConfigError as exc:
            name = _field_of(str(exc))
            if name is None or name in problems:
                problems.setdefault(name or "seed", str(exc))
                return problems
            problems[name] = str(exc)
            trial[name] = defaults[name]
        except TypeError as exc:  # a value of a type TrainConfig cannot even compare
            problems.setdefault("seed", str(exc))
            return problems
    return problems


def _field_of(message: str) -> str | None:
    """ConfigError messages start with the field name ("lr must be ...")."""
    first = message.split(" ", 1)[0]
    return first if first in FORM_FIELDS else None


def _parse(name: str, text: str):
    text = text.strip().replace("_", "")
    if text == "" and name in OPTIONAL:
        return None
    try:
        if name in FLOAT_FIELDS:
            return float(text)
        return int(text)
    except ValueError:
        try:  # "1e3" for an integer field: accept when it is a whole number
            value = float(text)
            if name not in FLOAT_FIELDS and value.is_integer():
                return int(value)
        except ValueError:
            pass
        return text  # TrainConfig rejects it with a message saying what is allowed


def _show(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _tooltip(name: str) -> str:
    # FIELD_HELP's texts are marked for translation in rnnviz/train/config.py (context "FieldHelp")
    return "<p>" + (translate("FieldHelp", FIELD_HELP[name]) if name in FIELD_HELP else "") + "</p>"
