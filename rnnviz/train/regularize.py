"""Regularisers the trainer applies around the core's update: word dropout and decoupled weight decay.

Both work on the inputs and the weights only, so the verified forward/BPTT kernels stay as they are.
"""
from __future__ import annotations

import numpy as np

from rnnviz.data import OOV_ID

#: Ids below this are padding (0), start (1) and out-of-vocabulary (2): never dropped.
FIRST_WORD_ID = OOV_ID + 1
#: Weights that decay; the biases b and c do not (as in AdamW practice: a bias is not a capacity).
DECAYED = ("E", "U", "W", "V")


def drop_words(tokens: np.ndarray, rate: float, rng: np.random.Generator) -> None:
    """Replace, in place, each word id of tokens (B, T) by OOV_ID with probability `rate`.

    Word dropout (Iyyer et al. 2015, "Deep unordered composition rivals syntactic methods"): the
    model sees each review with a random tenth (say) of its words unknown, so it cannot rely on a
    handful of memorised words. Padding and the start token stay, so the sequence keeps its shape.
    """
    if rate <= 0.0:
        return
    hit = rng.random(tokens.shape, dtype=np.float32) < rate
    hit &= tokens >= FIRST_WORD_ID
    np.putmask(tokens, hit, OOV_ID)  # a third faster than tokens[hit] = OOV_ID, same result


def drop_word_types(tokens: np.ndarray, rate: float, rng: np.random.Generator, vocab_size: int) -> None:
    """Replace, in place, every occurrence of a random `rate` of the word types by OOV_ID (one draw per batch).

    Embedding dropout (Gal & Ghahramani 2016, "A theoretically grounded application of dropout in
    recurrent neural networks", section 4): dropping a word type drops its embedding row for the whole
    sequence, so the model cannot recover it from another occurrence of the same word.
    """
    if rate <= 0.0:
        return
    dropped = rng.random(vocab_size, dtype=np.float32) < rate
    dropped[:FIRST_WORD_ID] = False
    tokens[dropped[tokens]] = OOV_ID


def decay_weights(params: dict[str, np.ndarray], lr: float, weight_decay: float) -> None:
    """Decoupled weight decay (Loshchilov & Hutter 2019, AdamW): p <- p - lr * weight_decay * p, after the update.

    Decoupled means the shrink is not part of the gradient, so Adam's per-weight scaling does not
    weaken it for weights with large gradients (which L2 in the loss would).
    """
    if weight_decay <= 0.0:
        return
    factor = 1.0 - lr * weight_decay
    for key in DECAYED:
        if key in params:  # the ordinary network (model "bag") has no W
            params[key] *= params[key].dtype.type(factor)
