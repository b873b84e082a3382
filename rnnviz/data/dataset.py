"""The one container the trainer consumes, for IMDb and for the synthetic tasks alike."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .vocab import Vocab


@dataclass
class Dataset:
    """Encoded train/test split plus the vocabulary that decodes it.

    x_train: (N_train, maxlen) int32 token ids, 'pre' padded/truncated (0 = padding, 1 = start, 2 = OOV).
    y_train: (N_train,) float32 labels 0/1.
    x_test, y_test: the same for the test split, (N_test, maxlen) and (N_test,).
    test_texts: raw text of each test example, aligned with x_test (None when unknown, e.g. Keras npz).
    test_ratings, train_ratings: (N,) int star ratings 1-10 where known (IMDb folder/archive), else None.
    """

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    vocab: Vocab
    test_texts: list[str] | None = None
    test_ratings: np.ndarray | None = None
    train_ratings: np.ndarray | None = None

    @property
    def maxlen(self) -> int:
        """Sequence length T of every encoded example."""
        return int(self.x_train.shape[1])

    def __post_init__(self) -> None:
        # Catch shape mix-ups at construction, not deep inside a training kernel.
        for x, y, split in ((self.x_train, self.y_train, "train"), (self.x_test, self.y_test, "test")):
            if x.ndim != 2 or y.ndim != 1 or x.shape[0] != y.shape[0]:
                raise ValueError(f"{split}: x must be (N, maxlen) and y (N,), got {x.shape} and {y.shape}")
        if self.x_train.shape[1] != self.x_test.shape[1]:
            raise ValueError(f"train and test maxlen differ: {self.x_train.shape[1]} vs {self.x_test.shape[1]}")
        if self.test_texts is not None and len(self.test_texts) != self.x_test.shape[0]:
            raise ValueError("test_texts must have one entry per test example")
