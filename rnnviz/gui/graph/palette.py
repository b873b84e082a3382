"""Colours and colour scales of the graph, as plain numbers (no Qt here).

Colours are 32-bit ARGB integers (0xAARRGGBB) so a whole (T, H) state array maps to colours in one
numpy call and a row becomes a QImage without a Python loop.
"""
from __future__ import annotations

import numpy as np

# soft, light style: a paper-white canvas, slate lines, one accent per parameter
BACKGROUND = 0xFFFBFBFD
NODE_FILL = 0xFFFFFFFF
NODE_BORDER = 0xFF8C96AA
BLANK_CELL = 0xFFE6E9EF          # a hidden unit not computed yet
NOT_A_NUMBER = 0xFF5C6370        # a value that overflowed to nan (inf is drawn at the scale's end)
TEXT = 0xFF2E3440
TEXT_SOFT = 0xFF6B7385
EDGE_IDLE = 0xFFC7CCD8
EDGE_DONE = 0xFF8D99AE
EDGE_FORWARD = 0xFF15A394        # the contributions being added at the current forward step
EDGE_CUT = 0xFFC3C3C3
CURRENT_BAND = 0xFFFFF3D1        # behind the current step's column
PARAM_COLOURS = {"U": 0xFF7B52AB, "W": 0xFF1F77B4, "V": 0xFF2CA02C}

# diverging scale for values: blue (negative) - near white (0) - red (positive)
_VALUE_STOPS = np.array([
    [0.0, 0x2C, 0x5F, 0xA8],
    [0.25, 0x7F, 0xA8, 0xD6],
    [0.5, 0xF5, 0xF5, 0xF2],
    [0.75, 0xEE, 0x9A, 0x7A],
    [1.0, 0xB8, 0x3A, 0x2E],
])
# sequential scale for gradient magnitude: faded grey-lilac (vanishing) - amber - deep red (exploding)
_GRAD_STOPS = np.array([
    [0.0, 0xD9, 0xD6, 0xE4],
    [0.45, 0xF2, 0xB1, 0x5B],
    [0.75, 0xE0, 0x6C, 0x3C],
    [1.0, 0xB0, 0x1E, 0x2A],
])

GRAD_FLOOR = 1e-8                # gradient norms are clamped here before the log
MIN_DECADES = 2.0                # a trace whose gradients barely vary is not stretched to full range


def _interpolate(stops: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Map u in [0, 1] (any shape) to ARGB uint32 by linear interpolation between colour stops."""
    u = np.clip(np.asarray(u, dtype=np.float64), 0.0, 1.0)
    channels = [np.interp(u, stops[:, 0], stops[:, k]) for k in (1, 2, 3)]
    r, g, b = (np.rint(c).astype(np.uint32) for c in channels)
    return (np.uint32(0xFF000000) | (r << 16) | (g << 8) | b).astype(np.uint32)


def value_colours(values: np.ndarray, vmax: float) -> np.ndarray:
    """Diverging colours for values in [-vmax, vmax] (clipped); nan gets NOT_A_NUMBER.

    Same shape as values, dtype uint32.
    """
    v = np.asarray(values, dtype=np.float64)
    nan = np.isnan(v)
    u = 0.5 + 0.5 * np.clip(np.where(nan, 0.0, v), -vmax, vmax) / vmax
    return np.where(nan, np.uint32(NOT_A_NUMBER), _interpolate(_VALUE_STOPS, u)).astype(np.uint32)


def gradient_colours(level: np.ndarray) -> np.ndarray:
    """Sequential colours for a normalised log-magnitude level in [0, 1]; dtype uint32."""
    return _interpolate(_GRAD_STOPS, np.nan_to_num(np.asarray(level, dtype=np.float64), nan=0.0))


def value_range(values: np.ndarray, activation: str) -> float:
    """Half-width of the value colour scale: 1 for tanh (its range), else the largest |value|."""
    if activation == "tanh":
        return 1.0
    finite = np.abs(values[np.isfinite(values)])
    peak = float(np.max(finite)) if finite.size else 0.0
    return peak if np.isfinite(peak) and peak > 0 else 1.0


class LogScale:
    """Normalises magnitudes on a log10 scale to [0, 1] over a trace's range.

    lo, hi are the decades of the smallest and largest positive magnitude (clamped at GRAD_FLOOR);
    the span is at least MIN_DECADES so a flat profile stays near full strength instead of being
    stretched into a false fade.
    """

    def __init__(self, magnitudes: np.ndarray):
        m = np.asarray(magnitudes, dtype=np.float64).ravel()
        m = m[np.isfinite(m) & (m > 0)]
        if m.size == 0:
            self.lo, self.hi = np.log10(GRAD_FLOOR), 0.0
        else:
            logs = np.log10(np.maximum(m, GRAD_FLOOR))
            self.hi = float(logs.max())
            self.lo = float(min(logs.min(), self.hi - MIN_DECADES))

    def __call__(self, magnitudes: np.ndarray) -> np.ndarray:
        m = np.asarray(magnitudes, dtype=np.float64)
        logs = np.log10(np.maximum(np.nan_to_num(m, nan=GRAD_FLOOR, posinf=1e300), GRAD_FLOOR))
        return np.clip((logs - self.lo) / (self.hi - self.lo), 0.0, 1.0)
