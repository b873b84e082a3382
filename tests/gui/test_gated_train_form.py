"""The Train page's Cell choice: a drop-down of the core's cells, first in the form, with the trainer's
own help text, and the config it makes carries the cell. Needs TrainConfig.cell (the training side of
issue 12); without it the form has no Cell field and this module is skipped."""
from __future__ import annotations

import pytest

from rnnviz.core.cells import CELLS
from rnnviz.train import FIELD_HELP, ConfigError, TrainConfig

pytestmark = pytest.mark.skipif(not hasattr(TrainConfig(), "cell"), reason="TrainConfig has no cell field yet")


@pytest.fixture
def form(qtbot):
    from rnnviz.gui.training.hyperparams import HyperparamForm

    f = HyperparamForm()
    qtbot.addWidget(f)
    return f


def test_the_cell_is_a_choice_of_the_cores_cells_first_after_the_model(form):
    from PySide6.QtWidgets import QComboBox

    from rnnviz.gui.training.hyperparams import FORM_FIELDS

    combo = form.editors["cell"]
    assert isinstance(combo, QComboBox) and FORM_FIELDS[:2] == ("model", "cell")  # the model decides first
    assert [combo.itemText(k) for k in range(combo.count())] == list(CELLS)
    assert FIELD_HELP["cell"] and FIELD_HELP["cell"][:40] in combo.toolTip()
    assert form.config().cell == "rnn"


def test_choosing_lstm_makes_an_lstm_config_and_a_clash_is_explained(form):
    form.editors["cell"].setCurrentText("lstm")
    assert form.config().cell == "lstm"
    form.editors["activation"].setCurrentText("relu")
    assert not form.is_valid()
    with pytest.raises(ConfigError):
        form.config()
