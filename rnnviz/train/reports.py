"""Immutable progress records handed to the trainer's callbacks (and from there, to other threads).

Every array is a private copy marked read-only, so a receiver on another thread can keep a report as
long as it likes while the trainer goes on changing its own buffers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np

if TYPE_CHECKING:
    from .model import TrainedModel

RunStatus = Literal["finished", "stopped", "diverged"]


def frozen_copy(a: np.ndarray) -> np.ndarray:
    """A read-only copy of ``a`` that no later write to ``a`` can change."""
    out = np.array(a, copy=True)
    out.setflags(write=False)
    return out


@dataclass(frozen=True)
class BatchReport:
    """After one gradient step.

    epoch, batch: 1-based; n_batches per epoch; step: 1-based count of steps over the whole run.
    loss, accuracy: of this batch, before the update. grad_norm: global gradient norm before clipping;
    clipped: whether clipping rescaled it. grad_norm_per_step: (T,) ||dL/ds_t|| averaged over the batch,
    t = 1..T (row i is t = i + 1). spectral_radius: max |eigenvalue| of W after the update.
    elapsed_s: since the run started; eta_s: estimated seconds to the end of the last epoch;
    seq_per_s: training throughput so far. lr: the learning rate of this step (lr_schedule); NaN when
    a report is built without it.
    """

    epoch: int
    batch: int
    n_batches: int
    step: int
    loss: float
    accuracy: float
    grad_norm: float
    clipped: bool
    grad_norm_per_step: np.ndarray
    spectral_radius: float
    elapsed_s: float
    eta_s: float
    seq_per_s: float
    lr: float = float("nan")  # last and defaulted, so reports built by older code stay valid


@dataclass(frozen=True)
class EpochReport:
    """After one epoch: training averages over its batches, then validation with the epoch's final weights.

    is_best: this epoch's validation accuracy is the best so far (ties: lower validation loss), so its
    weights are kept.
    """

    epoch: int
    train_loss: float
    train_accuracy: float
    val_loss: float
    val_accuracy: float
    is_best: bool
    elapsed_s: float


@dataclass(frozen=True)
class RunResult:
    """The end of a run.

    status: "finished" (all epochs), "stopped" (stop() was called, during training or during the final
    test scoring) or "diverged" (a non-finite loss or gradient; the weights before that step are kept).
    test_accuracy/test_loss: of ``model`` on the test set, or None when not measured (a stop before any
    epoch finished, a stop without test_on_stop, or a stop that cut the test scoring short).
    best_epoch: 1-based epoch whose weights ``model`` holds, 0 if no epoch finished (then ``model`` holds
    the last good weights). seconds: wall time of run().
    """

    status: RunStatus
    message: str
    test_accuracy: float | None
    test_loss: float | None
    best_val_accuracy: float | None
    best_epoch: int
    epochs_completed: int
    seconds: float
    model: "TrainedModel"
