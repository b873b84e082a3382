"""The pencil model: an RNN small enough to run forward and backward on paper.

H = 2 hidden units, E = 2 embedding entries, weights with one decimal, a vocabulary of a few words
and the three-word sentence "not so good" (T = 4 with the start token). The numbers the learner
checks are still the core's trace of this model: nothing here computes the RNN.

    a_t = U x_t + W s_{t-1} + b,   s_t = tanh(a_t),   o_t = V s_t + c,   s_0 = 0
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from rnnviz.data import Vocab
from rnnviz.data.vocab import SPECIALS

from .session import ModelSpec
from .text import QT_TRANSLATE_NOOP, translate

PENCIL_SENTENCE = "not so good"
PENCIL_LABEL = 0
PENCIL_NAME = QT_TRANSLATE_NOOP("Sources", "pencil model (H = 2, E = 2)")

# One row per vocabulary word: <pad>, <start>, <oov>, then the words. Chosen so that no a_t
# saturates tanh (every f'(a_t) stays well above 0) and every term of BPTT is visibly nonzero.
_WORDS = ("not", "so", "good", "bad", "movie")
_E = [[0.0, 0.0], [0.1, 0.2], [0.0, 0.0],
      [-0.5, 0.8], [0.2, 0.1], [0.9, -0.3], [-0.8, 0.4], [0.3, 0.3]]
_U = [[0.6, -0.4], [0.3, 0.7]]
_W = [[0.5, -0.3], [0.2, 0.4]]
_b = [0.1, -0.1]
_V = [[0.8, -0.6]]
_c = [0.1]


@lru_cache(maxsize=1)
def pencil_spec() -> ModelSpec:
    """The pencil model as a ModelSpec for the explorer (float64 parameters, tanh, binary head)."""
    params = {name: np.ascontiguousarray(value, dtype=np.float64)
              for name, value in (("E", _E), ("U", _U), ("W", _W), ("b", _b), ("V", _V), ("c", _c))}
    vocab = Vocab(list(SPECIALS) + list(_WORDS))
    return ModelSpec(params, vocab, activation="tanh", head="binary", name=translate("Sources", PENCIL_NAME))
