"""Which sequences train, which validate, and in which order: all from seeded generators."""
from __future__ import annotations

import numpy as np


def run_generators(seed: int) -> tuple[np.random.Generator, np.random.Generator, np.random.Generator]:
    """Independent generators for the validation split, the batch order and the training noise (word
    dropout), all fixed by `seed`.

    Spawned from one SeedSequence so that changing, say, the number of epochs never changes the split;
    child k of a SeedSequence does not depend on how many children are spawned, so adding the noise
    stream left the split and the order of earlier runs as they were.
    """
    split_ss, order_ss, noise_ss = np.random.SeedSequence(seed).spawn(3)
    return np.random.default_rng(split_ss), np.random.default_rng(order_ss), np.random.default_rng(noise_ss)


def validation_split(n: int, fraction: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(train_idx, val_idx): one shuffle of range(n), then the last `fraction` validates, as Keras' validation_split.

    The shuffle matters because IMDb files come sorted by label; Keras takes the tail unshuffled.
    Both parts keep at least one sequence.
    """
    if n < 2:
        raise ValueError(f"need at least 2 training sequences to hold some out for validation, got {n}")
    n_val = min(max(int(round(n * fraction)), 1), n - 1)
    perm = rng.permutation(n)
    return np.sort(perm[: n - n_val]), np.sort(perm[n - n_val:])


def batch_slices(n: int, batch_size: int) -> list[slice]:
    """Consecutive slices of a shuffled order; the last one may be shorter (Keras keeps it too)."""
    return [slice(i, min(i + batch_size, n)) for i in range(0, n, batch_size)]
