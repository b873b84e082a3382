"""A trained model as the rest of the app sees it: weights, the config that made them, vocabulary, history."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rnnviz.core.spec import HEADS  # output heads a model file can hold
from rnnviz.core.spec import PARAM_KEYS as PARAM_NAMES
from rnnviz.data import Vocab, pad_sequences

from .config import TrainConfig

__all__ = ["HEADS", "NextWordModel", "PARAM_NAMES", "TrainedModel", "model_for_head"]


@dataclass(frozen=True)
class TrainedModel:
    """Weights plus everything needed to use and explain them.

    params: the core's parameter dict, E (vocab, E), U, W, b, V, c (see ``rnnviz.core.init_params`` for
    the exact shapes; V is (1, H) for the binary head, (K, H) with K = vocab size for the softmax head);
    owned by this object (copies), treat as read-only.
    config: the TrainConfig of the run, which also names the head; vocab: decodes the token ids; history:
    per-epoch lists
    (``epoch``, ``train_loss``, ``train_accuracy``, ``val_loss``, ``val_accuracy``, ``elapsed_s``) and the
    run's scalars (``best_epoch``, ``best_val_accuracy``, ``test_accuracy``, ``status``), JSON-ready.
    """

    params: dict[str, np.ndarray]
    config: TrainConfig
    vocab: Vocab
    history: dict[str, Any] = field(default_factory=dict)

    @property
    def activation(self) -> str:
        """The hidden nonlinearity f: "tanh", "relu" or "linear"."""
        return self.config.activation

    @property
    def cell(self) -> str:
        """The recurrent cell: "rnn", "lstm" or "gru" (its parameters: ``rnnviz.core.cells``)."""
        return self.config.cell

    @property
    def maxlen(self) -> int:
        """Sequence length T the model was trained on (reviews are padded/truncated to it)."""
        return self.config.maxlen

    @property
    def head(self) -> str:
        """Output head, ``config.head``: "binary" (many-to-one sigmoid(o_T)) or "softmax" (next token at every step)."""
        return self.config.head

    @property
    def hidden_dim(self) -> int:
        """H, the size of the hidden state."""
        return int(self.params["W"].shape[1])

    @property
    def vocab_size(self) -> int:
        """Rows of the embedding table E."""
        return int(self.params["E"].shape[0])

    def encode(self, text: str) -> np.ndarray:
        """(maxlen,) int32 ids of `text` as the model saw its training data.

        Tokenised like the training reviews, start token in front, 'pre' padded/truncated to maxlen.
        """
        return pad_sequences([self.vocab.encode_text(text)], maxlen=self.maxlen)[0]

    def copy(self) -> "TrainedModel":
        """A deep copy of the weights (config and vocab are immutable in practice and shared)."""
        return TrainedModel({k: np.array(v, copy=True) for k, v in self.params.items()}, self.config,
                            self.vocab, _copy_history(self.history))


#: The name the many-to-many (next-word) model had when it was a subclass; a model's head is now
#: ``model.head`` (= ``model.config.head``), never its class.
NextWordModel = TrainedModel


def model_for_head(head: str, params: dict[str, np.ndarray], config: TrainConfig, vocab: Vocab,
                   history: dict[str, Any]) -> TrainedModel:
    """A model with these parts and `head` (one of HEADS), which its config then names.

    Model files record the head beside the config, and files written before the config had a ``head``
    field hold a config that reads as "binary": the recorded head is the one that counts."""
    if config.head != head:
        config = config.with_changes(head=head)
    return TrainedModel(params, config, vocab, history)


def _copy_history(history: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, list) else v for k, v in history.items()}
