"""The Train page's regulariser fields and its one-click plain Keras recipe."""
from rnnviz.gui.training.hyperparams import FORM_FIELDS, HyperparamForm
from rnnviz.train import TrainConfig


def test_regularisers_are_fields_with_their_help_and_the_keras_recipe_is_one_click(qtbot):
    form = HyperparamForm()
    qtbot.addWidget(form)
    assert {"word_dropout", "weight_decay", "patience"} <= set(FORM_FIELDS) and "head" not in FORM_FIELDS
    assert "Iyyer" in form.editors["word_dropout"].toolTip() and "AdamW" in form.editors["weight_decay"].toolTip()
    form.editors["patience"].setText("")
    form.editors["word_dropout"].setText("0.3")
    form._revalidate()
    assert form.config().patience is None and form.config().word_dropout == 0.3
    form.editors["word_dropout"].setText("2")
    form._revalidate()
    assert "word_dropout must be a number from 0 (off) to 0.9" in form.problems()["word_dropout"]
    form.keras_button.click()
    assert form.is_valid() and form.config() == TrainConfig.defaults_for("imdb", recipe="keras")
    form.set_editable(False)
    assert not form.keras_button.isEnabled()
