"""One Trainer, both heads: next-word (softmax) training batches sentences by length, without padding."""
import numpy as np
import pytest

from rnnviz.data import PAD_ID, make_negation_task
from rnnviz.train import ConfigError, TrainConfig, Trainer
from rnnviz.train.datasets import synthetic_dataset
from rnnviz.train.heads import END_ID, BatchPlan, length_groups, next_word_targets
from rnnviz.train.model import model_for_head

from train_helpers import small_config


def negation_config(**changes) -> TrainConfig:
    base = dict(dataset="negation", maxlen=16, embed_dim=8, hidden_dim=8, lr=1e-2, batch_size=32, epochs=3,
                lr_schedule="constant", head="softmax", seed=0)
    base.update(changes)
    return TrainConfig(**base)


def test_softmax_batches_hold_one_length_each_without_padding_and_cover_every_sentence():
    x = make_negation_task(seed=0).x_train[:300]
    plan = BatchPlan("softmax", x, np.zeros(len(x), np.float32), batch_size=16)
    groups = length_groups(x)
    assert sorted(groups) == list(groups) and sum(len(r) for r in groups.values()) == len(x)
    for epoch in range(2):
        batches = list(plan.epoch(np.random.default_rng(epoch)))
        assert len(batches) == plan.n_batches  # the same count every epoch: the schedule knows the run's length
        seen = []
        for b in batches:
            assert (b.tokens != PAD_ID).all() and (b.tokens[:, 0] == 1).all()  # start token first, no padding
            np.testing.assert_array_equal(b.targets[:, :-1], b.tokens[:, 1:])
            assert (b.targets[:, -1] == END_ID).all() and b.predictions == b.tokens.size
            seen += [tuple(row) for row in b.tokens]
        unpadded = sorted(tuple(row[row != PAD_ID]) for row in x)
        assert sorted(seen) == unpadded


def test_binary_batches_are_the_shuffled_order_cut_into_slices():
    x = np.arange(50, dtype=np.int32).reshape(10, 5) + 3
    y = np.arange(10, dtype=np.float32)
    batches = list(BatchPlan("binary", x, y, batch_size=4).epoch(np.random.default_rng(0)))
    order = np.random.default_rng(0).permutation(10)
    assert [len(b.tokens) for b in batches] == [4, 4, 2]
    np.testing.assert_array_equal(np.concatenate([b.targets for b in batches]), y[order])


def test_one_trainer_trains_the_next_word_head_with_reports_and_best_weights():
    cfg = negation_config(epochs=4)
    reports, epochs = [], []
    result = Trainer(cfg, synthetic_dataset(cfg), on_batch=reports.append, on_epoch=epochs.append).run()
    model = result.model
    n_vocab = len(model.vocab)
    assert result.status == "finished" and model.head == "softmax" == model.config.head
    assert model.params["V"].shape == (n_vocab, 8) and model.params["c"].shape == (n_vocab,)
    # per-token cross-entropy falls well below uniform guessing, log V
    assert epochs[-1].train_loss < epochs[0].train_loss and result.test_loss < 0.6 * np.log(n_vocab)
    assert 1.0 / n_vocab < result.test_accuracy < 1.0
    assert {len(r.grad_norm_per_step) for r in reports} <= set(range(2, 17))  # one length per batch
    assert len({len(r.grad_norm_per_step) for r in reports}) > 1
    assert all(r.n_batches == reports[0].n_batches for r in reports)
    assert all(np.isfinite(r.loss) and r.lr == cfg.lr for r in reports)


def test_next_word_runs_are_deterministic_and_diverge_with_a_message():
    cfg = negation_config(epochs=1)
    a, b = (Trainer(cfg, synthetic_dataset(cfg)).run().model for _ in range(2))
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])
    wild = negation_config(epochs=1, lr=100.0, clip_norm=None, activation="relu")
    result = Trainer(wild, synthetic_dataset(wild)).run()
    assert result.status == "diverged" and "try a smaller learning rate" in result.message
    assert all(np.isfinite(v).all() for v in result.model.params.values())


def test_the_head_is_a_config_field_with_a_clear_message_where_it_cannot_go():
    assert TrainConfig().head == "binary"
    with pytest.raises(ConfigError, match="head must be one of binary, softmax, got 'sigmoid'"):
        TrainConfig(head="sigmoid")
    with pytest.raises(ConfigError, match="head softmax .* is for the built-in tasks"):
        TrainConfig(head="softmax")


def test_a_model_file_s_recorded_head_is_the_one_that_counts():
    """Files from before the config had a head field hold a config that reads as binary."""
    cfg = small_config()
    model = model_for_head("softmax", {}, cfg, None, {})
    assert model.head == "softmax" and model.config == cfg.with_changes(head="softmax")
    assert model_for_head("binary", {}, cfg, None, {}).config is cfg


def test_next_word_targets_of_a_batch():
    np.testing.assert_array_equal(next_word_targets(np.array([[1, 5, 6], [1, 7, 8]])), [[5, 6, END_ID], [7, 8, END_ID]])
