"""The vanishing and exploding demos as explorer settings, true from any state the learner is in.

A demo makes f linear and scales W to a spectral radius below or above 1, so that
dL/ds_t = W^T dL/ds_{t+1} (plus the output's share) shrinks or grows like rho(W)^(T-t) over
T = 40 steps. Its promise also depends on the loss: with y = 1 and a saturated sigmoid (y_hat
rounds to 1.0) dL/do_T = y_hat - y is exactly 0 and every gradient with it. So the demo sets the
label the model gets wrong at the demo's own settings: |y_hat - y| >= 0.5, never zero. The
sentence is kept (repeated to T steps): with f linear it reaches the gradients only through y_hat,
which the label already takes care of, so the learner sees the demo on their own words.
"""
from __future__ import annotations

import numpy as np

from .text import translate

DEMO_LENGTH = 40
DEMO_RADIUS = {"vanishing": 0.8, "exploding": 1.2}


def demo_settings(explorer, name: str) -> dict:
    """The keyword arguments of ``Explorer.update`` that make demo `name`; ValueError if the
    name is unknown or this model's W cannot be scaled (spectral radius 0)."""
    if name not in DEMO_RADIUS:
        raise ValueError(translate("Demos", "the demo must be one of {0}, got {1}").format(
            ", ".join(sorted(DEMO_RADIUS)), repr(name)))
    cell = getattr(explorer.model, "cell", None) or "rnn"
    if cell != "rnn":  # a gated W stacks one block per gate: there is no single rho(W) to set
        message = (translate("Demos", "The vanishing demo scales a vanilla RNN's W; this model is {0}, whose gates "
                             "decide what is kept. Open Compare cells (View menu) to see its gradient beside the RNN's")
                   if name == "vanishing" else
                   translate("Demos", "The exploding demo scales a vanilla RNN's W; this model is {0}, whose gates "
                             "decide what is kept. Open Compare cells (View menu) to see its gradient beside the RNN's"))
        raise ValueError(message.format(cell.upper()))
    from rnnviz.core import spectral_radius

    base = float(spectral_radius(np.asarray(explorer.model.params["W"], dtype=np.float64)))
    if not np.isfinite(base) or base <= 0:
        raise ValueError(translate("Demos", "this model's W has spectral radius 0, so scaling it cannot show the "
                                   "demo"))
    settings = dict(activation="linear", seq_len=DEMO_LENGTH, w_scale=DEMO_RADIUS[name] / base, clip=False)
    if explorer.model.head == "binary":
        settings["label"] = _wrong_label(explorer, settings["w_scale"])
    return settings


def _wrong_label(explorer, w_scale: float) -> int:
    """The label the model gets wrong on the demo's input (y_hat does not depend on the label)."""
    from rnnviz.core import make_trace

    from .session import MAX_SEQ_LEN
    from .tokens import tokenize

    model = explorer.model
    tokens = tokenize(explorer.controls.text, model.vocab, int(model.params["E"].shape[0]), DEMO_LENGTH,
                      max_len=MAX_SEQ_LEN)
    params = {k: np.array(v, dtype=np.float64, copy=True) for k, v in model.params.items()}
    params["W"] *= w_scale
    with np.errstate(over="ignore", invalid="ignore"):
        trace = make_trace(params, np.asarray(tokens.ids, dtype=np.int64), np.asarray(0), activation="linear",
                           head="binary")
    return 0 if float(trace.y_hat[-1, 0]) >= 0.5 else 1
