"""Gradient clipping by global norm, as the trainer applies it, reported for one trace."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ClipReport:
    """norm_before: ||g|| over all parameters; scale: the factor applied (1.0 when under the
    threshold); clipped: the gradients after clipping (copies, the trace is untouched)."""

    threshold: float
    norm_before: float
    scale: float
    clipped: dict

    @property
    def active(self) -> bool:
        return self.scale < 1.0

    @property
    def finite(self) -> bool:
        return bool(np.isfinite(self.norm_before))


def clip_report(grads: dict, threshold: float) -> ClipReport:
    """Clip a copy of `grads` with the core's ``clip_by_global_norm`` and say what it did."""
    from rnnviz.core import clip_by_global_norm

    copies = {k: np.array(v, copy=True) for k, v in grads.items()}
    with np.errstate(over="ignore", invalid="ignore"):
        result = clip_by_global_norm(copies, threshold)
    clipped, norm = _unpack(result, copies)
    # The core clips only a finite norm above the threshold (an inf/nan gradient cannot be rescued).
    scale = threshold / norm if np.isfinite(norm) and norm > threshold else 1.0
    return ClipReport(float(threshold), float(norm), float(scale), clipped)


def _unpack(result, copies):
    # The core returns the norm before clipping and scales the dict it was given in place.
    return copies, float(result)
