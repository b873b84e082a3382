"""The learning rate of each step: constant, or Keras' CosineDecay over the whole run."""
from __future__ import annotations

import math

LR_SCHEDULES = ("constant", "cosine")


def learning_rate(schedule: str, base_lr: float, step: int, total_steps: int) -> float:
    """The rate for the step that follows `step` completed steps of `total_steps` (0 <= step < total_steps).

    "cosine" is keras.optimizers.schedules.CosineDecay(base_lr, decay_steps=total_steps, alpha=0):
    base_lr * (1 + cos(pi * step / total_steps)) / 2, from base_lr at the first step down towards 0 at
    the last. Steps past the end (there are none in a run) keep the final value.
    """
    if schedule == "constant":
        return base_lr
    if schedule == "cosine":
        progress = min(max(step, 0), total_steps) / max(total_steps, 1)
        return base_lr * 0.5 * (1.0 + math.cos(math.pi * progress))
    raise ValueError(f"lr_schedule must be one of {', '.join(LR_SCHEDULES)}, got {schedule!r}")
