"""The training loop: epochs of shuffled batches, reports through callbacks, best-on-validation weights kept.

Runs on whatever thread calls ``Trainer.run()`` (the window uses a QThread, the CLI its main thread);
the numba kernels release the GIL, so another thread keeps running while a batch computes. Other
threads talk to a running trainer only through ``TrainControl`` (pause/resume/stop) and
``Trainer.snapshot()``, which copies the weights under a lock.
"""
from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

import numpy as np

from rnnviz import core
from rnnviz.data import Dataset

from rnnviz.text import translate

from .config import ConfigError, TrainConfig
from .control import TrainControl
from .heads import PREDICT_BATCH, Batch, BatchPlan, batch_accuracy, make_params, make_predictor, make_scorer, \
    make_workspace, per_prediction
from .model import TrainedModel
from .regularize import decay_weights, drop_word_types, drop_words
from .reports import BatchReport, EpochReport, RunResult, frozen_copy
from .schedule import learning_rate
from .split import run_generators, validation_split

__all__ = ["PREDICT_BATCH", "Trainer", "make_optimizer", "make_predictor"]


class Trainer:
    """Train an RNN with the head ``config.head`` on ``dataset`` with ``config``.

    "binary": many-to-one sentiment, scored by the accuracy of each sequence's label; "softmax":
    many-to-many next-token prediction over the vocabulary, scored per token (see ``heads.py``).

    on_batch(BatchReport), on_epoch(EpochReport), on_end(RunResult) are called on the training thread;
    an exception raised by a callback ends ``run()`` with that exception. test_on_stop: also score the
    test set when the run was stopped (the CLI does; the window skips it so that a stop is quick). A stop
    requested during the final test scoring of a finished run ends it between inference batches, with
    status "stopped" and no test score.
    """

    def __init__(self, config: TrainConfig, dataset: Dataset, control: TrainControl | None = None,
                 on_batch: Callable[[BatchReport], None] | None = None,
                 on_epoch: Callable[[EpochReport], None] | None = None,
                 on_end: Callable[[RunResult], None] | None = None, *, test_on_stop: bool = False):
        config.validate()
        _check_dataset_fits(config, dataset)
        self.config, self.dataset = config, dataset
        self.control = control if control is not None else TrainControl()
        self.on_batch, self.on_epoch, self.on_end = on_batch, on_epoch, on_end
        self.test_on_stop = test_on_stop
        self.vocab_size = len(dataset.vocab)
        self.params = make_params(config, self.vocab_size)
        self._lock = threading.Lock()  # guards in-place weight updates against snapshot() copies
        self._best: dict[str, np.ndarray] | None = None
        self.history: dict = {"epoch": [], "train_loss": [], "train_accuracy": [], "val_loss": [],
                              "val_accuracy": [], "elapsed_s": []}
        self._ran = False

    # ------------------------------------------------------------------ other threads
    def snapshot(self, current: bool = False) -> TrainedModel:
        """A copy of the best-so-far weights (the current ones before the first epoch ends, or if `current`).

        Safe to call from any thread at any time; while the trainer is paused the current weights
        are exactly the ones the next batch would start from.
        """
        with self._lock:
            source = self.params if current or self._best is None else self._best
            params = {k: v.copy() for k, v in source.items()}
            history = {k: list(v) for k, v in self.history.items()}
        return TrainedModel(params, self.config, self.dataset.vocab, history)

    # ------------------------------------------------------------------ the run
    def run(self) -> RunResult:
        """Train to the end, a stop or a divergence; score the test set with the best weights. Blocking."""
        if self._ran:
            raise RuntimeError("a Trainer runs once; make a new one for another run")
        self._ran = True
        started = time.perf_counter()
        cfg, ds = self.config, self.dataset
        split_rng, order_rng, noise_rng = run_generators(cfg.seed)
        train_idx, val_idx = validation_split(len(ds.y_train), cfg.validation_split, split_rng)
        x_val, y_val = ds.x_train[val_idx], ds.y_train[val_idx]
        loop = self._loop = _EpochLoop(self, ds.x_train[train_idx], ds.y_train[train_idx], order_rng, started,
                                       noise_rng)
        score_val = make_scorer(self.params, cfg)  # reads the live weights at every call
        status, message, best_val, best_val_loss, best_epoch = "finished", "", None, math.inf, 0
        for epoch in range(1, cfg.epochs + 1):
            outcome = loop.train_epoch(epoch)
            if outcome != "ok":
                status, message = outcome, loop.message
                break
            scores = score_val(x_val, y_val, self.control.checkpoint)
            if scores is None:
                status, message = "stopped", f"stopped during validation of epoch {epoch}"
                break
            # Best = highest validation accuracy; among equal accuracies the lower validation loss
            # (small tasks reach 100% early, and the later, more confident weights are better).
            is_best = best_val is None or (scores[1], -scores[0]) > (best_val, -best_val_loss)
            if is_best:
                best_val, best_val_loss, best_epoch = scores[1], scores[0], epoch
            self._end_epoch(epoch, loop, scores, is_best, started)
            if cfg.patience is not None and epoch - best_epoch >= cfg.patience and epoch < cfg.epochs:
                message = (f"stopped early after epoch {epoch}: no better validation accuracy for {cfg.patience} "
                           f"epochs; best {best_val:.4f} at epoch {best_epoch}")
                break
        if status == "finished" and not message:
            message = f"trained {cfg.epochs} epochs; best validation accuracy {best_val:.4f} at epoch {best_epoch}"
        return self._finish(status, message, best_val, best_epoch, started)

    def _end_epoch(self, epoch: int, loop: "_EpochLoop", scores: tuple[float, float], is_best: bool,
                   started: float) -> None:
        elapsed = time.perf_counter() - started
        with self._lock:
            if is_best:
                self._best = {k: v.copy() for k, v in self.params.items()}
            for key, value in (("epoch", epoch), ("train_loss", loop.epoch_loss), ("train_accuracy", loop.epoch_acc),
                               ("val_loss", scores[0]), ("val_accuracy", scores[1]), ("elapsed_s", elapsed)):
                self.history[key].append(value)
        if self.on_epoch is not None:
            self.on_epoch(EpochReport(epoch, loop.epoch_loss, loop.epoch_acc, scores[0], scores[1], is_best, elapsed))

    def _finish(self, status: str, message: str, best_val: float | None, best_epoch: int,
                started: float) -> RunResult:
        model = self.snapshot()
        test_loss = test_acc = None
        if best_epoch > 0 and (status != "stopped" or self.test_on_stop):
            scores = self._score_test(model, stoppable=status != "stopped")
            if scores is None:
                status, message = _test_scoring_stopped(status, message, self.config.epochs)
            else:
                test_loss, test_acc = scores
        if best_epoch == 0 and status != "finished":
            message += ". No epoch finished, so the model holds the last good weights (not validated)"
        elif status != "finished":
            message += f". The model keeps the weights of epoch {best_epoch}, the best on validation"
        seconds = time.perf_counter() - started
        loop = self._loop
        model.history.update({"status": status, "best_epoch": best_epoch, "best_val_accuracy": best_val,
                              "test_accuracy": test_acc, "test_loss": test_loss, "seconds": seconds,
                              "steps": loop.step, "train_seconds": loop.train_seconds,
                              "seq_per_s": loop.seen / loop.train_seconds if loop.train_seconds > 0 else 0.0})
        result = RunResult(status, message, test_acc, test_loss, best_val, best_epoch,
                           len(self.history["epoch"]), seconds, model)
        if self.on_end is not None:
            self.on_end(result)
        return result


    def _score_test(self, model: TrainedModel, stoppable: bool) -> tuple[float, float] | None:
        """(loss, accuracy) of `model` on the test set, or None when a stop request cut the scoring short.

        The test set is touched once, here, with the weights validation chose. A stop is seen between
        inference batches (PREDICT_BATCH sequences), so closing the window never waits for a full pass;
        pause does not hold it (no batch is left to pause before). Not `stoppable` when the run already
        ended by a stop and test_on_stop asked for the score regardless.
        """
        keep_going = (lambda: not self.control.is_stopped) if stoppable else None
        return make_scorer(model.params, self.config)(self.dataset.x_test, self.dataset.y_test, keep_going)


def _test_scoring_stopped(status: str, message: str, epochs: int) -> tuple[str, str]:
    """Status and message of a run whose test scoring a stop request cut short (no test score)."""
    if status == "finished":
        return "stopped", f"stopped by request while scoring the test set, after all {epochs} epochs"
    return status, message + "; the test scoring was stopped by request"  # diverged stays diverged


class _EpochLoop:
    """The inner loop over batches; keeps the per-run state (workspaces, optimizer, timers, counters)."""

    def __init__(self, trainer: Trainer, x: np.ndarray, y: np.ndarray, order_rng: np.random.Generator,
                 started: float, noise_rng: np.random.Generator):
        cfg = trainer.config
        self.t, self.cfg, self.x, self.y, self.rng, self.started = trainer, cfg, x, y, order_rng, started
        self.noise_rng = noise_rng  # word dropout: its own stream, so the batch order does not depend on it
        self.plan = BatchPlan(cfg.head, x, y, cfg.batch_size)
        # One workspace per sequence length, made once (binary: only maxlen; next word: a few short ones).
        self.workspaces: dict[int, core.BatchWorkspace] = {}
        self.ws: core.BatchWorkspace | None = None  # the one the last batch used
        self.opt = make_optimizer(cfg, trainer.params)
        # The weights before the current step, to put back if the step makes any of them non-finite.
        self.backup = {k: v.copy() for k, v in trainer.params.items()}
        self.n_batches = self.plan.n_batches
        self.total_steps = cfg.epochs * self.n_batches
        self.step = 0
        self.train_seconds = 0.0   # time inside batches only: the throughput figure
        self.paused_seconds = 0.0  # kept out of the ETA, which extrapolates the unpaused time per step
        self.seen = 0
        self.message = ""
        self.epoch_loss = self.epoch_acc = math.nan

    def train_epoch(self, epoch: int) -> str:
        """One pass over shuffled batches. Returns "ok", "stopped" or "diverged" (then ``message`` says why)."""
        loss_sum = correct = count = 0.0
        for batch, data in enumerate(self.plan.epoch(self.rng), start=1):
            if not self._wait_for_go():
                self.message = f"stopped by request at epoch {epoch}, batch {batch - 1} of {self.n_batches}"
                return "stopped"
            t_batch = time.perf_counter()
            # the batch's tokens are a copy; the targets were taken before any word is dropped
            drop_words(data.tokens, self.cfg.word_dropout, self.noise_rng)
            drop_word_types(data.tokens, self.cfg.embedding_dropout, self.noise_rng, self.t.vocab_size)
            loss, grad_norm, clipped, acc = self._step(data)
            if loss is None:
                self.message = (f"training diverged at epoch {epoch}, batch {batch}: {self.message}; try a smaller "
                                f"learning rate or gradient clipping")
                return "diverged"
            n = len(data.tokens)
            self.train_seconds += time.perf_counter() - t_batch
            self.step += 1
            self.seen += n
            loss_sum += loss * data.predictions
            correct += acc * data.predictions
            count += data.predictions
            self._report(epoch, batch, loss, acc, grad_norm, clipped)
        self.epoch_loss, self.epoch_acc = loss_sum / count, correct / count
        return "ok"

    def _wait_for_go(self) -> bool:
        """Honour pause/stop before a batch; pause time is kept out of the ETA and throughput clocks."""
        t0 = time.perf_counter()
        go = self.t.control.checkpoint()
        self.paused_seconds += time.perf_counter() - t0
        return go

    def _workspace(self, seq_len: int) -> core.BatchWorkspace:
        ws = self.workspaces.get(seq_len)
        if ws is None:
            cfg = self.cfg
            truncate = None if cfg.truncate is None else min(cfg.truncate, seq_len)
            ws = self.workspaces[seq_len] = make_workspace(self.t.params, cfg, cfg.batch_size, seq_len, truncate)
        return ws

    def _step(self, data: Batch) -> tuple[float | None, float, bool, float]:
        """Forward, BPTT, clip, update. Returns (loss per prediction, grad norm before clipping, clipped, accuracy).

        loss is None when the loss, the gradients or the updated weights are not finite; the weights
        are then left as they were before this step.
        """
        params = self.t.params
        # self.step steps are done; this one uses the schedule's rate for that point of the run.
        self.opt.lr = learning_rate(self.cfg.lr_schedule, self.cfg.lr, self.step, self.total_steps)
        self.ws = ws = self._workspace(data.tokens.shape[1])
        loss = per_prediction(ws.forward_backward(data.tokens, data.targets), data)
        acc = batch_accuracy(ws, data)
        grad_norm = float(core.clip_by_global_norm(ws.grads, self.cfg.clip_norm))
        if not (math.isfinite(loss) and math.isfinite(grad_norm)):
            self.message = f"the loss ({loss}) or the gradient norm ({grad_norm}) is not finite"
            return None, grad_norm, False, acc
        clipped = self.cfg.clip_norm is not None and grad_norm > self.cfg.clip_norm
        with self.t._lock:
            for k, v in params.items():
                np.copyto(self.backup[k], v)
            self.opt.step(ws.grads)
            decay_weights(params, self.opt.lr, self.cfg.weight_decay)
            bad = [k for k, v in params.items() if not np.isfinite(v).all()]
            if bad:
                for k in params:
                    np.copyto(params[k], self.backup[k])
                self.message = f"the update made weight {bad[0]} non-finite (gradient norm {grad_norm:.3g})"
                return None, grad_norm, clipped, acc
        return loss, grad_norm, clipped, acc

    def _report(self, epoch: int, batch: int, loss: float, acc: float, grad_norm: float, clipped: bool) -> None:
        if self.t.on_batch is None:
            return
        elapsed = time.perf_counter() - self.started
        active = elapsed - self.paused_seconds
        eta = active / self.step * (self.total_steps - self.step)
        report = BatchReport(epoch, batch, self.n_batches, self.step, float(loss), float(acc), grad_norm, clipped,
                             frozen_copy(self.ws.grad_norm_per_step), _spectral_radius(self.t.params),
                             elapsed, eta, self.seen / max(self.train_seconds, 1e-9), self.opt.lr)
        self.t.on_batch(report)




def _spectral_radius(params: dict[str, np.ndarray]) -> float:
    """rho(W) of the recurrence for the reports (each gate block's for a gated cell, see
    ``rnnviz.core.recurrent_radius``); NaN for the bag model, which has no W."""
    return float(core.recurrent_radius(params["W"])) if "W" in params else math.nan


def make_optimizer(config: TrainConfig, params: dict[str, np.ndarray]):
    """The core optimizer of `config`; "momentum" is Keras' SGD with momentum 0.9."""
    if config.optimizer == "momentum":
        return core.make_optimizer("sgd", params, lr=config.lr, momentum=0.9)
    return core.make_optimizer(config.optimizer, params, lr=config.lr)


def _check_dataset_fits(config: TrainConfig, dataset: Dataset) -> None:
    """The dataset must be encoded with the config's maxlen and use only ids of its own vocabulary."""
    if dataset.maxlen != config.maxlen:
        raise ConfigError(translate("ConfigErrors", "the dataset's sequences have {0} steps but maxlen is "
                                    "{1}; load the dataset with the config's maxlen")
                          .format(dataset.maxlen, config.maxlen))
    top = max(int(dataset.x_train.max(initial=0)), int(dataset.x_test.max(initial=0)))
    if top >= len(dataset.vocab):
        raise ConfigError(translate("ConfigErrors", "the dataset uses token id {0} but its vocabulary has "
                                    "only {1} ids").format(top, len(dataset.vocab)))
    if len(dataset.y_train) < 2 or len(dataset.y_test) < 1:
        raise ConfigError(translate("ConfigErrors", "the dataset needs at least 2 training and 1 test "
                                    "sequence"))
