"""The training loop on a tiny synthetic task: learning, reports, determinism, best weights, divergence."""
import dataclasses

import numpy as np
import pytest

from rnnviz import core
from rnnviz.data import Dataset
from rnnviz.train import BatchReport, ConfigError, EpochReport, RunResult, Trainer
from rnnviz.train.metrics import bce_from_logits, binary_accuracy

from train_helpers import make_dataset, small_config


def test_learns_the_cue_task_and_reports_every_batch_and_epoch(dataset):
    batches, epochs, ends = [], [], []
    cfg = small_config(epochs=4)
    trainer = Trainer(cfg, dataset, on_batch=batches.append, on_epoch=epochs.append, on_end=ends.append)
    result = trainer.run()
    assert result.status == "finished" and result.epochs_completed == 4 and ends == [result]
    assert result.test_accuracy > 0.95  # the cue decides the label; chance is 0.5
    n_train = 320 - 64  # validation_split 0.2 of 320
    n_batches = -(-n_train // cfg.batch_size)
    assert len(batches) == 4 * n_batches
    assert [b.step for b in batches] == list(range(1, 4 * n_batches + 1))
    b = batches[-1]
    assert (b.epoch, b.batch, b.n_batches) == (4, n_batches, n_batches)
    assert b.grad_norm_per_step.shape == (cfg.maxlen,) and not b.grad_norm_per_step.flags.writeable
    assert b.spectral_radius == pytest.approx(core.spectral_radius(trainer.params["W"]))  # W after the last step
    assert all(x.elapsed_s >= 0 and x.eta_s >= 0 and x.seq_per_s > 0 for x in batches)
    assert batches[-1].eta_s == 0.0
    assert [e.epoch for e in epochs] == [1, 2, 3, 4]
    assert epochs[-1].train_loss < epochs[0].train_loss
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.loss = 0.0
    h = result.model.history
    assert h["val_accuracy"] == [e.val_accuracy for e in epochs] and h["test_accuracy"] == result.test_accuracy


def test_grad_norm_is_before_clipping(dataset):
    batches = []
    Trainer(small_config(epochs=1, clip_norm=1e-3), dataset, on_batch=batches.append).run()
    assert all(b.clipped and b.grad_norm > 1e-3 for b in batches)


def test_same_seed_same_run_other_seed_other_run(dataset):
    def run(seed):
        losses = []
        r = Trainer(small_config(seed=seed), dataset, on_batch=lambda b: losses.append(b.loss)).run()
        return losses, r

    l0, r0 = run(0)
    l0b, r0b = run(0)
    l1, _ = run(1)
    assert l0 == l0b and r0.test_accuracy == r0b.test_accuracy
    for k in r0.model.params:
        np.testing.assert_array_equal(r0.model.params[k], r0b.model.params[k])
    assert l0 != l1


def _accuracy_of(params, ds, cfg):
    logits = core.predict_logits(params, ds.x_test, cfg.activation, 64)
    return binary_accuracy(logits, ds.y_test), bce_from_logits(logits, ds.y_test)


def test_test_score_uses_the_best_validation_weights(dataset):
    """Epoch 1 learns the task; at the end of epoch 2 the output layer is flipped, so epoch 2 validates
    far worse. The run must keep, and score, epoch 1's weights, not the final ones."""
    cfg = small_config(epochs=2, lr=3e-2)
    at_epoch = {}

    def on_batch(b: BatchReport):
        if b.epoch == 2 and b.batch == b.n_batches:
            trainer.params["V"] *= -1.0  # sabotage the live weights, as a bad update would

    def on_epoch(e: EpochReport):
        at_epoch[e.epoch] = (e, trainer.snapshot(current=True).params)

    trainer = Trainer(cfg, dataset, on_batch=on_batch, on_epoch=on_epoch)
    result = trainer.run()
    e1, e2 = at_epoch[1][0], at_epoch[2][0]
    assert e1.val_accuracy > 0.9 and e2.val_accuracy < 0.1 and e1.is_best and not e2.is_best
    assert result.best_epoch == 1 and result.best_val_accuracy == e1.val_accuracy
    for k, v in at_epoch[1][1].items():
        np.testing.assert_array_equal(result.model.params[k], v)
    best_acc, best_loss = _accuracy_of(at_epoch[1][1], dataset, cfg)
    final_acc, _ = _accuracy_of(trainer.params, dataset, cfg)
    assert result.test_accuracy == pytest.approx(best_acc) and result.test_loss == pytest.approx(best_loss)
    assert final_acc < 0.1 and result.test_accuracy > 0.9


def test_the_test_set_decides_nothing(dataset):
    """Flipping every test label changes the test score only: same weights, same best epoch."""
    flipped = Dataset(dataset.name, dataset.x_train, dataset.y_train, dataset.x_test, 1 - dataset.y_test,
                      dataset.vocab)
    a = Trainer(small_config(), dataset).run()
    b = Trainer(small_config(), flipped).run()
    assert a.best_epoch == b.best_epoch and a.best_val_accuracy == b.best_val_accuracy
    for k in a.model.params:
        np.testing.assert_array_equal(a.model.params[k], b.model.params[k])
    assert b.test_accuracy == pytest.approx(1 - a.test_accuracy)


def _all_finite(params):
    return all(np.isfinite(v).all() for v in params.values())


def test_a_huge_learning_rate_diverges_with_a_message_and_finite_weights():
    ds = make_dataset(T=20)
    cfg = small_config(maxlen=20, activation="relu", optimizer="sgd", lr=100.0, epochs=5)
    batches = []
    trainer = Trainer(cfg, ds, on_batch=batches.append)
    result = trainer.run()
    assert result.status == "diverged"
    assert "diverged" in result.message and "smaller learning rate" in result.message
    assert _all_finite(result.model.params) and _all_finite(trainer.params)
    assert _all_finite(trainer.snapshot(current=True).params)
    assert all(np.isfinite(b.loss) for b in batches)


def test_injected_non_finite_gradient_stops_before_the_update(dataset, monkeypatch):
    real_clip = core.clip_by_global_norm
    calls = {"n": 0}

    def poisoned_clip(grads, max_norm):
        calls["n"] += 1
        if calls["n"] == 5:
            grads["W"][0, 0] = np.nan
        return real_clip(grads, max_norm)

    monkeypatch.setattr(core, "clip_by_global_norm", poisoned_clip)
    after_step = {}
    trainer = Trainer(small_config(epochs=3), dataset,
                      on_batch=lambda b: after_step.__setitem__(b.step, trainer.snapshot(current=True).params))
    result = trainer.run()
    assert result.status == "diverged" and "gradient norm (nan)" in result.message
    assert max(after_step) == 4 and result.best_epoch == 0 and result.test_accuracy is None
    assert "last good weights" in result.message
    for k, v in after_step[4].items():  # the weights after the last good step, untouched by step 5
        np.testing.assert_array_equal(result.model.params[k], v)
        np.testing.assert_array_equal(trainer.params[k], v)


def test_dataset_must_match_the_config(dataset):
    with pytest.raises(ConfigError, match="sequences have 6 steps but maxlen is 7"):
        Trainer(small_config(maxlen=7), dataset)
    bad = Dataset("x", dataset.x_train + 20, dataset.y_train, dataset.x_test, dataset.y_test, dataset.vocab)
    with pytest.raises(ConfigError, match="token id 29 but its vocabulary has only 10 ids"):
        Trainer(small_config(), bad)


def test_a_trainer_runs_once(dataset):
    t = Trainer(small_config(epochs=1), dataset)
    assert isinstance(t.run(), RunResult)
    with pytest.raises(RuntimeError, match="runs once"):
        t.run()


def test_truncated_bptt_zeroes_the_early_steps(dataset):
    batches = []
    Trainer(small_config(epochs=1, truncate=2), dataset, on_batch=batches.append).run()
    g = batches[-1].grad_norm_per_step
    assert np.all(g[:4] == 0) and np.all(g[4:] > 0)
