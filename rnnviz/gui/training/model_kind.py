"""What the Train page says about the kind of model a run trains: an RNN (with its cell) or the ordinary network.

The ordinary network (``TrainConfig.model == "bag"``, ``rnnviz.core.bag``) averages the word
embeddings and has no time steps, no W and no hidden state per step: the views and actions of the
window that are about steps (rho(W), ||dL/ds_t|| over t, the Explore page's trace) do not apply to it,
and the page says so in words rather than showing an empty or stale view.
"""
from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP, translate

#: The live plots that are about the recurrence; hidden during an ordinary network's run.
RNN_ONLY_PLOTS = ("spectral_radius", "grad_heatmap")

NO_STEPS = QT_TRANSLATE_NOOP(
    "ModelKind", "The ordinary network has no steps: it averages the words. So there is no W to take the spectral "
    "radius of, and no hidden state s_t whose gradient ||dL/ds_t|| could vanish over time: those two plots "
    "are for RNN runs. Loss, accuracy and the gradient norm work the same for both.")
NOT_IN_EXPLORE = QT_TRANSLATE_NOOP(
    "ModelKind", "Not shown on the Explore page: Explore steps through an RNN's time steps, and the ordinary "
    "network has none (it averages the words). Its predictions are under Test reviews; compare its test accuracy "
    "with the RNN runs under Runs.")
NO_GRAPH_REVIEW = QT_TRANSLATE_NOOP(
    "ModelKind", "The ordinary network has no steps to trace in the graph (it averages the words); the table "
    "shows its prediction for every review.")


def is_bag(config_or_model) -> bool:
    """True for the ordinary network: a TrainConfig, or a model with a ``config``."""
    config = getattr(config_or_model, "config", config_or_model)
    return getattr(config, "model", "rnn") == "bag"


def kind_name(config) -> str:
    """"RNN (lstm)" or "ordinary network", in the window's language (config: a TrainConfig)."""
    if is_bag(config):
        return translate("ModelKind", "ordinary network")
    return translate("ModelKind", "RNN ({0})").format(config.cell)


def long_kind_name(config) -> str:
    """What the run trained, for headings: "RNN, cell lstm" or "ordinary network (bag of embeddings)"."""
    if is_bag(config):
        return translate("ModelKind", "ordinary network (bag of embeddings)")
    return translate("ModelKind", "RNN, cell {0}").format(config.cell)
