"""The hyperparameter form: one field per TrainConfig field, with its help as tooltip and its error beside it.

Validation is the trainer's own (``TrainConfig`` raises ``ConfigError`` naming the field and what is
allowed), so the form and the command line can never disagree about what is valid. Every edit
re-validates; an invalid field turns red with the message under it, and ``config()`` refuses.
"""
from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from rnnviz.train import FIELD_HELP, ConfigError, TrainConfig
from rnnviz.train.config import ACTIVATIONS, FLOAT_FIELDS, GATE_INITS, MODELS, OPTIMIZERS
from rnnviz.core.cells import CELLS
from rnnviz.train.schedule import LR_SCHEDULES

from ..i18n import QT_TRANSLATE_NOOP, translate

# fields with a fixed set of values get a drop-down; any other field a validated text box
CHOICES = {"activation": ACTIVATIONS, "optimizer": OPTIMIZERS, "lr_schedule": tuple(LR_SCHEDULES), "cell": CELLS,
           "model": MODELS, "gate_init": GATE_INITS}
OPTIONAL = ("clip_norm", "truncate", "patience")  # empty field = None
LABELS = {  # translated where shown
    "model": QT_TRANSLATE_NOOP("Hyperparams", "Model"),
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
# the dataset is chosen by the data box; the Train page trains the sentiment (binary) head
FORM_FIELDS = tuple(f.name for f in fields(TrainConfig) if f.name not in ("dataset", "head"))
# the model first, then the cell: they decide which other fields apply
FORM_FIELDS = tuple(sorted(FORM_FIELDS, key=lambda name: {"model": 0, "cell": 1}.get(name, 2)))
#: What the Model drop-down shows for each value of TrainConfig.model, and what its tooltip says.
MODEL_NAMES = {"rnn": QT_TRANSLATE_NOOP("Hyperparams", "RNN (recurrent)"),
               "bag": QT_TRANSLATE_NOOP("Hyperparams", "Ordinary network (bag of embeddings)")}
MODEL_HELP = {
    "rnn": QT_TRANSLATE_NOOP("Hyperparams", "RNN: reads the words one after another, a_t = U x_t + W s_{t-1} + b, "
                             "s_t = f(a_t), and classifies from the last state s_T: word order matters."),
    "bag": QT_TRANSLATE_NOOP("Hyperparams", "Ordinary network: averages the word embeddings, x̄ = mean of x_t, then "
                             "one dense layer s = f(U x̄ + b) and sigmoid(V s + c). It sees which words occur, never "
                             "their order: \"not good, bad\" and \"not bad, good\" look the same to it."),
}
#: The fields the ordinary network has no use for, the value its config holds for each (what
#: ``--model bag`` on the command line leaves them at) and why the field is off.
BAG_FIXED = {"cell": "rnn", "gate_init": "keras", "truncate": None}
BAG_WHY = {
    "cell": QT_TRANSLATE_NOOP("Hyperparams", "Off for the ordinary network: it has no recurrent cell. It averages "
                              "the words and applies one dense layer, so there is no RNN, LSTM or GRU step to choose."),
    "gate_init": QT_TRANSLATE_NOOP("Hyperparams", "Off for the ordinary network: it has no gates (no LSTM or GRU cell)."),
    "truncate": QT_TRANSLATE_NOOP("Hyperparams", "Off for the ordinary network: it has no steps to backpropagate "
                                  "through. The gradient reaches every word's embedding directly through the mean, "
                                  "so there is no BPTT to truncate."),
}
#: The help of the fields whose meaning changes for the ordinary network.
BAG_HELP = {
    "embed_dim": QT_TRANSLATE_NOOP("Hyperparams", "Size E of the word vectors x_t = E[token]; the ordinary network "
                                   "averages them into one vector x̄."),
    "hidden_dim": QT_TRANSLATE_NOOP("Hyperparams", "Size H of the ordinary network's dense hidden layer s = f(U x̄ + b), "
                                    "computed once per review (no W, no s_{t-1})."),
}
ERROR_STYLE = "color: #b00020;"
BAD_FIELD_STYLE = "QLineEdit { border: 1px solid #b00020; background: #fff0f0; }"


class HyperparamForm(QWidget):
    """Edits every TrainConfig field except ``dataset`` (chosen by the data box)."""

    validityChanged = Signal(bool)
    modelChosen = Signal(str)  # "rnn" or "bag": shown after a change of the Model field or a new config

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dataset = "imdb"
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        self._rnn_values: dict[str, str] = {}  # the RNN-only fields' text while the ordinary network is chosen
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
            self.editors[name], self.errors[name], self.labels[name] = editor, error, label
        self.keras_button = QPushButton(translate("Hyperparams", "Plain Keras recipe"))
        self.keras_button.setToolTip("<p>" + translate("Hyperparams", "Set the fields to the Keras SimpleRNN example: "
                                                       "rmsprop, no clipping, a constant rate, no word dropout, weight "
                                                       "decay or early stop.") + "</p>")
        self.keras_button.clicked.connect(
            lambda: self.set_config(TrainConfig.defaults_for(self.dataset, recipe="keras"), keep_model=True))
        form.addRow(self.keras_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        self.set_config(TrainConfig.defaults_for("imdb"))

    def _make_editor(self, name: str):
        if name == "model":
            editor = QComboBox()
            for value in MODELS:  # the item's data is the config's value, its text the learner's name
                editor.addItem(translate("Hyperparams", MODEL_NAMES[value]), value)
                editor.setItemData(editor.count() - 1, translate("Hyperparams", MODEL_HELP[value]),
                                   Qt.ItemDataRole.ToolTipRole)
            editor.currentIndexChanged.connect(self._on_model_changed)
        elif name in CHOICES:
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
    def set_config(self, config: TrainConfig, keep_model: bool = False) -> None:
        """Show `config`'s values (and take its dataset). keep_model: keep the model chosen now (the
        recommended settings and the Keras recipe are the RNN's; ``--model bag`` beside them on the
        command line keeps the rest, as this does)."""
        if keep_model and self.model() != config.model:
            config = config.with_changes(model=self.model(), **(BAG_FIXED if self.model() == "bag" else {}))
        self.dataset = config.dataset
        for name in FORM_FIELDS:
            value = getattr(config, name)
            editor = self.editors[name]
            editor.blockSignals(True)
            if name == "model":
                editor.setCurrentIndex(editor.findData(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentText(str(value))
            else:
                editor.setText("" if value is None else _show(value))
            editor.blockSignals(False)
        self._rnn_values = {name: self._text(name) for name in BAG_FIXED}
        self._show_model_fields()
        self._revalidate()

    def model(self) -> str:
        """The model chosen: "rnn" or "bag" (``TrainConfig.model``)."""
        return self.editors["model"].currentData()

    def set_model(self, model: str) -> None:
        """Choose the model (what picking it in the drop-down does)."""
        editor = self.editors["model"]
        editor.setCurrentIndex(editor.findData(model))

    def _on_model_changed(self, *_) -> None:
        """The ordinary network takes no cell, gate init or truncation: the fields go blank and off (their
        text is kept and comes back when the RNN is chosen again)."""
        if self.model() == "bag":
            self._rnn_values = {name: self._text(name) for name in BAG_FIXED}
        else:
            for name, text in self._rnn_values.items():
                editor = self.editors[name]
                editor.blockSignals(True)
                if isinstance(editor, QComboBox):
                    editor.setCurrentText(text)
                else:
                    editor.setText(text)
                editor.blockSignals(False)
        self._show_model_fields()
        self._revalidate()

    def _show_model_fields(self) -> None:
        """Blank the fields the chosen model has no use for; each field's tooltip says what it does, or why it is off."""
        bag = self.model() == "bag"
        for name in BAG_FIXED:
            editor = self.editors[name]
            if bag:
                editor.blockSignals(True)
                if isinstance(editor, QComboBox):
                    editor.setCurrentIndex(-1)  # shows nothing: the ordinary network has no such thing
                else:
                    editor.setText("")
                editor.blockSignals(False)
        for name in FORM_FIELDS:
            if bag and name in BAG_FIXED:
                tip = "<p>" + translate("Hyperparams", BAG_WHY[name]) + "</p>"
            elif bag and name in BAG_HELP:
                tip = "<p>" + translate("Hyperparams", BAG_HELP[name]) + "</p>"
            elif name == "model":
                tip = "".join("<p>" + translate("Hyperparams", MODEL_HELP[m]) + "</p>" for m in MODELS)
            else:
                tip = _tooltip(name)
            self.editors[name].setToolTip(tip)
            self.labels[name].setToolTip(tip)
        self.modelChosen.emit(self.model())

    def _text(self, name: str) -> str:
        editor = self.editors[name]
        return editor.currentText() if isinstance(editor, QComboBox) else editor.text()

    def set_dataset(self, dataset: str, reset: bool = True) -> None:
        """Switch the dataset; with reset, load its recommended settings (a small model for a synthetic task),
        keeping the model chosen."""
        if reset:
            self.set_config(TrainConfig.defaults_for(dataset), keep_model=True)
        else:
            self.dataset = dataset
            self._revalidate()

    def raw_values(self) -> dict:
        """Parsed field values; text that is not a number stays text (and fails validation with its message)."""
        values = {"dataset": self.dataset}
        bag = self.model() == "bag"
        for name in FORM_FIELDS:
            editor = self.editors[name]
            if name == "model":
                values[name] = editor.currentData()
            elif bag and name in BAG_FIXED:
                values[name] = BAG_FIXED[name]  # blank and off: the value the command line's --model bag keeps
            elif isinstance(editor, QComboBox):
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
        """The built-in tasks bring their own small vocabulary, so num_words only matters for IMDb; the
        ordinary network has no cell, gates or steps (BAG_FIXED)."""
        if name in BAG_FIXED and "model" in self.editors and self.model() == "bag":
            return False
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
