"""The numbers the graph shows, taken from a Trace once per trace (numpy only, no Qt).

Nothing is recomputed here: colours are the trace's values through a colour scale, magnitudes are
norms of the trace's gradient rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # the core imports numba; the graph only reads a Trace's arrays
    from rnnviz.core.trace_types import Trace

from rnnviz.explorer.numbers import format_vector, row_norms

from . import palette

_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(t: int | str) -> str:
    """Unicode subscript of a step number: sub(12) == '₁₂'."""
    return str(t).translate(_SUBSCRIPTS)


def _row_norms(a: np.ndarray) -> np.ndarray:
    """The norm of each row of a (T, n) array -> (T,), as the panel and the plots print it (scaled, so
    1e200 entries give 1e200, not inf); inf only where the entries themselves overflowed."""
    return row_norms(a)


@dataclass
class GraphNumbers:
    """Per-step colours and gradient levels of one trace; arrays are (T, ...) with row i = t = i + 1."""

    T: int
    H: int
    head: str                 # "binary" (one o_T and one L) | "softmax" (o_t and L_t at every t)
    vmax: float               # half-width of the value colour scale
    state_colours: np.ndarray  # (T, H) uint32 ARGB colours of s_t's units
    grad_ds: np.ndarray       # (T,) ||dL/ds_t||
    grad_da: np.ndarray       # (T,) ||dL/da_t||, carried back through W_t (into s_{t-1}) and U_t
    grad_out: np.ndarray      # (T,) ||V^T dL/do_t||, the share entering s_t through V
    grad_do: np.ndarray       # (T,) ||dL/do_t||
    scale: palette.LogScale   # log10 normalisation shared by all gradient drawings
    level_ds: np.ndarray      # (T,) normalised log level in [0, 1] of grad_ds
    level_da: np.ndarray      # (T,) of grad_da
    level_out: np.ndarray     # (T,) of grad_out
    level_do: np.ndarray      # (T,) of grad_do

    @classmethod
    def from_trace(cls, trace: Trace) -> "GraphNumbers":
        T, H = trace.T, trace.hidden_size
        vmax = palette.value_range(trace.s, trace.activation)
        grad_ds = _row_norms(trace.dL_ds)
        grad_da = _row_norms(trace.dL_da)
        grad_out = _row_norms(trace.dL_ds_out)
        grad_do = _row_norms(trace.dL_do)
        scale = palette.LogScale(np.concatenate([grad_ds, grad_da, grad_out, grad_do]))
        return cls(
            T=T, H=H, head=trace.head, vmax=vmax,
            state_colours=palette.value_colours(trace.s, vmax),
            grad_ds=grad_ds, grad_da=grad_da, grad_out=grad_out, grad_do=grad_do, scale=scale,
            level_ds=scale(grad_ds), level_da=scale(grad_da),
            level_out=scale(grad_out), level_do=scale(grad_do),
        )


def vector_summary(v: np.ndarray, first: int = 4) -> str:
    """'[0.1230, -0.4560, …]   ‖·‖ = 0.7890': the first entries and the norm, in the window's one format."""
    return format_vector(v, first)
