"""The learning-rate schedule: Keras' CosineDecay values, and the trainer really steps with them."""
import math
from itertools import pairwise

import numpy as np
import pytest

from rnnviz import core
from rnnviz.train import Trainer
from rnnviz.train.schedule import LR_SCHEDULES, learning_rate

from train_helpers import small_config


def test_constant_keeps_the_rate():
    assert [learning_rate("constant", 0.01, k, 50) for k in (0, 17, 49)] == [0.01, 0.01, 0.01]


def test_cosine_is_keras_cosine_decay():
    total = 40
    rates = [learning_rate("cosine", 1e-3, k, total) for k in range(total)]
    assert rates[0] == 1e-3 and rates[20] == pytest.approx(0.5e-3)  # full rate, then half way
    assert all(a > b for a, b in pairwise(rates)) and 0 < rates[-1] < 2e-5
    # keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=40)(7), alpha 0
    assert rates[7] == pytest.approx(1e-3 * 0.5 * (1 + math.cos(math.pi * 7 / 40)), rel=1e-12)
    assert learning_rate("cosine", 1e-3, total + 5, total) == pytest.approx(0.0, abs=1e-18)


def test_unknown_schedule_names_the_choices():
    assert LR_SCHEDULES == ("constant", "cosine")
    with pytest.raises(ValueError, match="lr_schedule must be one of constant, cosine, got 'step'"):
        learning_rate("step", 1e-3, 0, 10)


@pytest.mark.parametrize("schedule", LR_SCHEDULES)
def test_each_step_moves_the_weights_by_the_reported_rate(dataset, schedule):
    """Plain SGD without clipping moves the weights by exactly lr_k * |g_k| at step k, so the size of
    every update shows which rate the optimizer used; it must be the schedule's, and the one reported."""
    cfg = small_config(optimizer="sgd", lr=0.05, epochs=2, lr_schedule=schedule)
    reports, weights = [], []

    def on_batch(report):
        reports.append(report)
        weights.append(trainer.snapshot(current=True).params)

    trainer = Trainer(cfg, dataset, on_batch=on_batch)
    before = [{k: v.copy() for k, v in trainer.params.items()}]
    trainer.run()
    total = len(reports)
    for k, (r, old, new) in enumerate(zip(reports, before + weights[:-1], weights, strict=True)):
        step_size = core.global_norm({name: new[name].astype(np.float64) - old[name] for name in new})
        assert r.lr == learning_rate(schedule, cfg.lr, k, total)
        assert step_size == pytest.approx(r.lr * r.grad_norm, rel=1e-3)
    if schedule == "cosine":
        assert reports[0].lr == cfg.lr and reports[-1].lr < 0.01 * cfg.lr
