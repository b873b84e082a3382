"""The ordinary network beside the RNN on the same sentence and on a reordering of its words. No Qt.

Both outputs come from the core: the RNN's from ``Explorer.trace``'s kernels (``make_trace``), the
ordinary network's from ``rnnviz.core.bag.make_bag_trace``. The sentences are tokenised with the
RNN model's vocabulary (the built-in bag model is trained on the same task and vocabulary).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .session import MAX_SEQ_LEN, Explorer
from .tokens import tokenize


@dataclass(frozen=True)
class OrderComparison:
    """P(positive) of both networks on the sentence and on the reordered one."""

    labels: tuple[str, ...]           # the tokens as the graph writes them
    shuffled_labels: tuple[str, ...]
    same_words: bool                  # the two are the same multiset of tokens
    rnn: float
    rnn_shuffled: float
    bag: float
    bag_shuffled: float
    bag_o: float                      # the bag's logit o, to show it is exactly equal
    bag_o_shuffled: float


def shuffled_words(text: str, seed: int) -> str:
    """The words of `text` in a seeded random order that differs from the original when it can."""
    words = text.split()
    rng = np.random.default_rng(seed)
    for _ in range(20):
        order = rng.permutation(len(words))
        if len(words) < 2 or any(order != np.arange(len(words))):
            break
    return " ".join(words[k] for k in order)


def compare_orders(explorer: Explorer, shuffled_text: str, bag_model) -> OrderComparison:
    """RNN (the explorer's model and controls) and bag model on explorer's text and `shuffled_text`."""
    from rnnviz.core import make_trace
    from rnnviz.core import make_bag_trace

    vocab = explorer.model.vocab
    size = int(explorer.model.params["E"].shape[0])
    a = explorer.tokens
    b = tokenize(shuffled_text, vocab, size, explorer.controls.seq_len, max_len=MAX_SEQ_LEN)
    label = int(explorer.controls.label)
    rnn_b = make_trace(explorer.params(), np.asarray(b.ids), label, activation=explorer.activation)
    bag_a = make_bag_trace(bag_model.params, np.asarray(a.ids), label, activation=bag_model.activation)
    bag_b = make_bag_trace(bag_model.params, np.asarray(b.ids), label, activation=bag_model.activation)
    return OrderComparison(a.labels, b.labels, sorted(a.ids) == sorted(b.ids), explorer.prediction(),
                           float(rnn_b.y_hat[-1, 0]), bag_a.y_hat, bag_b.y_hat, bag_a.o, bag_b.o)
