"""What the two output heads change in training: which batches, which targets, how a split is scored.

- "binary" (many-to-one): one prediction per sequence, sigmoid(o_T) against its 0/1 label. Every
  sequence has T = maxlen steps (reviews are 'pre' padded), so one shuffled order is cut into batches.
- "softmax" (many-to-many, next word): one prediction per step, softmax(o_t) against token t+1 (the
  end token after the last word). A sequence is batched only with sequences of its own length and its
  padding is cut off, so no step learns to predict padding.

Everything else (optimizer, clipping, schedule, regularisers, divergence guard, reports) is the same
loop in ``trainer.py`` for both.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from rnnviz import core
from rnnviz.data import PAD_ID

from .metrics import binary_accuracy, evaluate
from .split import batch_slices

PREDICT_BATCH = 250  # sequences per kernel call when evaluating: small buffers, same speed
#: The next-word target after a sequence's last token: the padding id, shown as "<end>".
END_ID = PAD_ID


@dataclass(frozen=True)
class Batch:
    """tokens (B', T) int; targets (B',) 0/1 labels (binary) or (B', T) next-token ids (softmax);
    predictions: how many outputs the loss averages over (B' or B' * T), to weigh epoch means."""

    tokens: np.ndarray
    targets: np.ndarray
    predictions: int


def output_dim(head: str, vocab_size: int) -> int:
    """K, the rows of V: 1 for the binary head, one per vocabulary token for next-word prediction."""
    return 1 if head == "binary" else vocab_size


def next_word_targets(ids) -> np.ndarray:
    """(T,) or (B, T) targets of token sequences: token t+1 at step t, END_ID after the last token."""
    ids = np.asarray(ids, dtype=np.int64)
    end = np.full(ids.shape[:-1] + (1,), END_ID, dtype=np.int64)
    return np.concatenate([ids[..., 1:], end], axis=-1)


def length_groups(x: np.ndarray) -> dict[int, np.ndarray]:
    """Rows of 'pre'-padded x (N, maxlen) by their length without padding: {T: row indices}, T ascending."""
    lengths = x.shape[1] - np.argmax(x != PAD_ID, axis=1)
    lengths[~(x != PAD_ID).any(axis=1)] = 0
    return {int(t): np.flatnonzero(lengths == t) for t in np.unique(lengths) if t > 0}


class BatchPlan:
    """The batches of one epoch over x (N, maxlen), y (N,), for `head`; the same count every epoch."""

    def __init__(self, head: str, x: np.ndarray, y: np.ndarray, batch_size: int):
        self.head, self.x, self.y, self.batch_size = head, x, y, batch_size
        if head == "binary":
            self.n_batches = len(batch_slices(len(y), batch_size))
        else:
            self.groups = length_groups(x)
            self.n_batches = sum(-(-len(rows) // batch_size) for rows in self.groups.values())

    @property
    def n_sequences(self) -> int:
        return len(self.y)

    def epoch(self, rng: np.random.Generator) -> Iterator[Batch]:
        """Shuffled batches (fresh copies: the trainer may change their tokens)."""
        if self.head == "binary":
            order = rng.permutation(len(self.y))
            for sl in batch_slices(len(self.y), self.batch_size):
                idx = order[sl]
                yield Batch(self.x[idx], self.y[idx], len(idx))
            return
        chunks = []
        for length, rows in self.groups.items():
            rows = rng.permutation(rows)
            chunks += [(length, rows[i:i + self.batch_size]) for i in range(0, len(rows), self.batch_size)]
        for k in rng.permutation(len(chunks)):
            length, idx = chunks[k]
            tokens = self.x[idx, self.x.shape[1] - length:].astype(np.int64)
            targets = next_word_targets(tokens)
            yield Batch(tokens, targets, tokens.size)


def batch_accuracy(ws: core.BatchWorkspace, batch: Batch) -> float:
    """Accuracy of the forward pass just run on `batch`: of the label (binary) or of each next token."""
    if ws.head == "binary":
        return binary_accuracy(ws.logits, batch.targets)
    return float(np.mean(np.argmax(ws.outputs, axis=-1) == batch.targets))


def per_prediction(loss: float, batch: Batch) -> float:
    """The workspace's loss (mean over sequences of sum over steps) per prediction (softmax: per token)."""
    return loss if batch.targets.ndim == 1 else loss / batch.targets.shape[1]


def make_scorer(params: dict[str, np.ndarray], config) -> Callable:
    """score(x (N, maxlen), y (N,), keep_going) -> (loss, accuracy) per prediction, or None on a stop.

    Reads `params` at every call (the live weights during training, the chosen ones for the test).
    """
    if config.head == "binary":
        predict = make_predictor(params, config)
        return lambda x, y, keep_going=None: evaluate(predict, x, y, keep_going, chunk=PREDICT_BATCH)
    workspaces: dict[int, core.BatchWorkspace] = {}

    def score(x, y, keep_going=None):
        loss_sum = correct = count = 0.0
        for length, rows in length_groups(x).items():
            if length not in workspaces:
                workspaces[length] = make_workspace(params, config, PREDICT_BATCH, length)
            for start in range(0, len(rows), PREDICT_BATCH):
                if keep_going is not None and not keep_going():
                    return None
                tokens = x[rows[start:start + PREDICT_BATCH], x.shape[1] - length:]
                targets = next_word_targets(tokens)
                o = np.asarray(workspaces[length].forward(tokens), dtype=np.float64)  # (n, T, K)
                log_z = np.logaddexp.reduce(o, axis=-1)
                picked = np.take_along_axis(o, targets[..., None], axis=-1)[..., 0]
                loss_sum += float(np.sum(log_z - picked))
                correct += float(np.sum(np.argmax(o, axis=-1) == targets))
                count += targets.size
        return loss_sum / max(count, 1), correct / max(count, 1)

    return score


def make_predictor(params: dict[str, np.ndarray], config) -> Callable[[np.ndarray], np.ndarray]:
    """Binary head: tokens (n, T) -> logits (n,) float64 with `params`, reusing one workspace of PREDICT_BATCH rows.

    The workspace holds a reference to `params`, so in-place updates by the optimizer are seen.
    """
    ws = make_workspace(params, config, PREDICT_BATCH)

    def predict(tokens: np.ndarray) -> np.ndarray:
        out = np.empty(len(tokens), dtype=np.float64)
        for start in range(0, len(tokens), PREDICT_BATCH):
            out[start:start + PREDICT_BATCH] = ws.forward(tokens[start:start + PREDICT_BATCH])
        return out

    return predict


def make_params(config, vocab_size: int) -> dict[str, np.ndarray]:
    """Seeded float32 initial weights of the config's model: the RNN with its cell (rnn, lstm, gru) and
    head, or the ordinary "bag" network."""
    if config.model == "bag":
        return core.init_bag_params(vocab_size, config.embed_dim, config.hidden_dim, seed=config.seed)
    return core.init_params(vocab_size, config.embed_dim, config.hidden_dim, output_dim(config.head, vocab_size),
                            seed=config.seed, dtype=np.float32, cell=config.cell, chrono=config.chrono)


def make_workspace(params: dict[str, np.ndarray], config, batch_size: int, seq_len: int | None = None,
                   truncate: int | None = None):
    """The config's model's workspace for batches (batch_size, seq_len) (default: maxlen): a
    ``BatchWorkspace``, ``GatedWorkspace`` or ``BagWorkspace``, which share one interface."""
    seq_len = config.maxlen if seq_len is None else seq_len
    if config.model == "bag":
        return core.BagWorkspace(params, batch_size, seq_len, config.activation)
    return core.make_workspace(params, batch_size, seq_len, config.activation, config.head, truncate,
                               cell=config.cell)
