"""Built-in tasks that need no download: always available, small, and each shows one RNN property.

* memory: the label is the second token (right after the start token); the other seq_len-2
  tokens are noise. The gradient must travel back seq_len-1 steps, so raising seq_len makes
  vanishing gradients visible.
* negation: short movie-review sentences where only word order decides: "not good" is
  negative, "good" positive, and in "X but Y" the clause after "but" wins. Every single word
  appears equally often in positive and negative examples, so a bag of words cannot solve it.
"""
from __future__ import annotations

import numpy as np

from .dataset import Dataset
from .sequences import pad_sequences
from .vocab import SPECIALS, START_ID, Vocab

MEMORY_SIGNAL = {"yes": 1, "no": 0}
MEMORY_NOISE = ("the", "a", "and", "of", "to", "is", "in", "it", "that", "was")

POSITIVE = ("good", "great", "excellent", "wonderful", "fun")
NEGATIVE = ("bad", "awful", "boring", "terrible", "dull")
NEGATORS = ("not", "never")
SUBJECTS = (("the", "movie", "was"), ("this", "film", "is"), ("the", "acting", "was"),
            ("the", "plot", "is"), ("it", "was"), ("the", "ending", "was"))
INTENSIFIERS = ("really", "very", "quite")
NEGATION_MAXLEN = 16  # start + two clauses of at most 6 words + "but"


def _balanced_labels(n: int, rng: np.random.Generator) -> np.ndarray:
    """(n,) float32 with floor(n/2) zeros and the rest ones, in random order."""
    return rng.permutation(np.arange(n) >= n // 2).astype(np.float32)


def _check_sizes(n_train: int, n_test: int) -> None:
    if n_train < 2 or n_test < 2:
        raise ValueError(f"n_train and n_test must be >= 2, got {n_train} and {n_test}")


def make_memory_task(n_train: int = 2000, n_test: int = 500, seq_len: int = 50, seed: int = 0) -> Dataset:
    """Long-range memory: x[:, 1] is 'yes' (label 1) or 'no' (0), x[:, 2:] uniform noise words.

    x: (N, seq_len) int32 with x[:, 0] = start id; no padding. Same seed -> same arrays.
    """
    _check_sizes(n_train, n_test)
    if seq_len < 2:
        raise ValueError(f"seq_len must be >= 2 (start token + signal), got {seq_len}")
    vocab = Vocab(list(SPECIALS) + list(MEMORY_SIGNAL) + list(MEMORY_NOISE))
    signal_id = {label: vocab.id_of(w) for w, label in MEMORY_SIGNAL.items()}
    noise_ids = np.array([vocab.id_of(w) for w in MEMORY_NOISE], dtype=np.int32)
    rng = np.random.default_rng(seed)

    def split(n: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
        y = _balanced_labels(n, rng)
        x = np.empty((n, seq_len), dtype=np.int32)
        x[:, 0] = START_ID  # every encoded sequence starts with it
        x[:, 1] = np.where(y == 1, signal_id[1], signal_id[0])
        x[:, 2:] = noise_ids[rng.integers(0, len(noise_ids), size=(n, seq_len - 2))]
        return x, y, [" ".join(vocab.decode(row[1:])) for row in x]

    x_train, y_train, _ = split(n_train)
    x_test, y_test, texts = split(n_test)
    return Dataset(f"memory (T={seq_len})", x_train, y_train, x_test, y_test, vocab, test_texts=texts)


def _clause(polarity: int, rng: np.random.Generator) -> list[str]:
    """A clause like 'the movie was not really good' whose meaning has the given polarity (1 = positive)."""
    negated = bool(rng.integers(2))
    adjectives = POSITIVE if polarity ^ negated else NEGATIVE
    words = list(SUBJECTS[rng.integers(len(SUBJECTS))])
    if negated:
        words.append(NEGATORS[rng.integers(len(NEGATORS))])
    if rng.random() < 0.3:
        words.append(INTENSIFIERS[rng.integers(len(INTENSIFIERS))])
    words.append(adjectives[rng.integers(len(adjectives))])
    return words


def negation_sentence(label: int, rng: np.random.Generator) -> list[str]:
    """One sentence with sentiment `label`: a clause, or 'clause but clause' where the last clause decides."""
    if rng.random() < 0.4:
        return _clause(int(rng.integers(2)), rng) + ["but"] + _clause(label, rng)
    return _clause(label, rng)


def make_negation_task(n_train: int = 2000, n_test: int = 500, seed: int = 0) -> Dataset:
    """Sentiment where order matters: 'not good' = 0, 'good' = 1, 'X but Y' takes Y's sentiment.

    x: (N, 16) int32, 'pre' padded, start id first. Same seed -> same arrays.
    """
    _check_sizes(n_train, n_test)
    words = [w for s in SUBJECTS for w in s] + list(NEGATORS) + list(INTENSIFIERS) + list(POSITIVE)
    words += list(NEGATIVE) + ["but"]
    vocab = Vocab(list(SPECIALS) + list(dict.fromkeys(words)))
    rng = np.random.default_rng(seed)

    def split(n: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
        y = _balanced_labels(n, rng)
        sentences = [negation_sentence(int(label), rng) for label in y]
        x = pad_sequences([vocab.encode(s) for s in sentences], NEGATION_MAXLEN)
        return x, y, [" ".join(s) for s in sentences]

    x_train, y_train, _ = split(n_train)
    x_test, y_test, texts = split(n_test)
    return Dataset("negation", x_train, y_train, x_test, y_test, vocab, test_texts=texts)
