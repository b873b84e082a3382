"""A tiny labelled sequence task built here: the trainer's tests need neither IMDb nor the data layer's tasks."""
import numpy as np

from rnnviz.data import Dataset, Vocab
from rnnviz.train import TrainConfig

N_WORDS = 10  # 3 specials + 7 words


def cue_task(n: int, T: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """x (n, T) int32, y (n,) float32: token 4 or 5 at position 1 gives the label, then random words.

    Learnable in a few epochs by a small RNN when T is short; the label sits far from the end, so the
    gradient has to flow back through T - 1 steps.
    """
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.5).astype(np.float32)
    x = rng.integers(6, N_WORDS, size=(n, T)).astype(np.int32)
    x[:, 0] = 1  # the start token, as every encoded review has
    x[:, 1] = np.where(y > 0, 4, 5)
    return x, y


def make_dataset(n_train: int = 320, n_test: int = 160, T: int = 6, seed: int = 0) -> Dataset:
    xtr, ytr = cue_task(n_train, T, seed)
    xte, yte = cue_task(n_test, T, seed + 1000)
    vocab = Vocab(["<pad>", "<start>", "<oov>", "<unused>", "good", "bad", "a", "the", "film", "plot"])
    return Dataset("cue", xtr, ytr, xte, yte, vocab)


def small_config(**changes) -> TrainConfig:
    base = dict(dataset="memory", num_words=N_WORDS, maxlen=6, embed_dim=8, hidden_dim=8, optimizer="adam",
                lr=1e-2, batch_size=32, epochs=3, clip_norm=None, seed=0)
    base.update(changes)
    return TrainConfig(**base)
