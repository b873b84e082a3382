"""Colour scales for the hidden-state heatmap (numpy only): one exploded step must not blank the rest.

With a linear f and rho(W) > 1, s_t grows to 1e40 at t = 500: on a linear ±1e40 scale every other
step is white. A symmetric log scale keeps signs and orders of magnitude apart; a per-step scale
shows the pattern of each s_t whatever its size.
"""
from __future__ import annotations

import numpy as np

from rnnviz.explorer.numbers import format_number
from rnnviz.explorer.text import QT_TRANSLATE_NOOP, translate

#: key -> what the user reads in the chooser (translate("HeatScale", SCALES[key]) where shown)
SCALES = {"auto": QT_TRANSLATE_NOOP("HeatScale", "auto"), "linear": QT_TRANSLATE_NOOP("HeatScale", "linear"),
          "symlog": QT_TRANSLATE_NOOP("HeatScale", "symmetric log"),
          "column": QT_TRANSLATE_NOOP("HeatScale", "per step t")}
#: |s| below this is drawn linearly by the symmetric log scale
LINEAR_THRESHOLD = 1e-3
#: auto: switch to the symmetric log scale when the largest |s| is this many times the typical one
AUTO_RANGE = 100.0


def heat_image(states: np.ndarray, scale: str = "auto") -> tuple[np.ndarray, tuple[float, float], str]:
    """(image (T, H), colour levels, caption) of the (T, H) states on `scale` (a key of SCALES).

    Non-finite entries (an overflowed forward pass) are drawn as 0; the caption says the scale.
    """
    s = np.nan_to_num(np.asarray(states, dtype=np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    magnitude = np.abs(s)
    vmax = float(magnitude.max()) if s.size else 0.0
    if scale == "auto":
        typical = float(np.percentile(magnitude, 90)) if s.size else 0.0
        scale = "symlog" if vmax > 0 and vmax > AUTO_RANGE * max(typical, LINEAR_THRESHOLD) else "linear"
        prefix = translate("HeatScale", "auto: ")
    else:
        prefix = ""
    if vmax == 0.0:
        return s, (-1.0, 1.0), translate("HeatScale", "colour: every s_t is 0")
    if scale == "symlog":
        image = np.sign(s) * np.log10(1.0 + magnitude / LINEAR_THRESHOLD)
        top = float(np.log10(1.0 + vmax / LINEAR_THRESHOLD))
        return image, (-top, top), prefix + translate("HeatScale", "colour symmetric log, ±{0}").format(format_number(vmax))
    if scale == "column":
        peak = magnitude.max(axis=1, keepdims=True)
        image = np.divide(s, peak, out=np.zeros_like(s), where=peak > 0)
        return image, (-1.0, 1.0), prefix + translate("HeatScale", "colour per step: each s_t to its own max |s_t|")
    return s, (-vmax, vmax), prefix + translate("HeatScale", "colour ±{0}").format(format_number(vmax))
