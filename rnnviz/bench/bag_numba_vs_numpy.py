"""Why the ordinary network's kernels are numba: one training step, numba vs vectorised NumPy.

    python -m rnnviz.bench.bag_numba_vs_numpy

Prints milliseconds per forward+backward of a batch of 128 IMDb-sized sequences (T = 500, Ed = H = 32,
vocabulary 10,000) for the numba workspace and for the best plain-NumPy formulation (a (B, T, Ed)
gather, a masked mean, ``np.add.at`` for the scatter into dE), and their ratio. Timings on a shared
machine are noisy: read the ratio, run it twice.
"""
from __future__ import annotations

import time

import numpy as np

from rnnviz.core.bag import BagWorkspace, init_bag_params

B, T, ED, H, VOCAB = 128, 500, 32, 32, 10_000


def numpy_step(p, tokens, labels):
    """Vectorised NumPy forward + backward of the bag (tanh, padding id 0), float32."""
    is_word = (tokens != 0).astype(p["E"].dtype)                 # (B, T)
    n = np.maximum(is_word.sum(axis=1, keepdims=True), 1)         # (B, 1)
    x_bar = (p["E"][tokens] * is_word[..., None]).sum(axis=1) / n  # (B, Ed)
    s = np.tanh(x_bar @ p["U"].T + p["b"])                        # (B, H)
    o = s @ p["V"][0] + p["c"][0]                                 # (B,)
    dz = (1 / (1 + np.exp(-o)) - labels) / len(labels)
    grads = {"V": (dz @ s)[None], "c": np.array([dz.sum()])}
    dA = (1 - s ** 2) * np.outer(dz, p["V"][0])
    grads["U"], grads["b"] = dA.T @ x_bar, dA.sum(axis=0)
    dx = (dA @ p["U"]) / n                                        # (B, Ed) per word
    dE = np.zeros_like(p["E"])
    np.add.at(dE, tokens, dx[:, None, :] * is_word[..., None])
    grads["E"] = dE
    return grads


def best_ms(fn, repeats: int = 7) -> float:
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1e3 * min(times)


def main() -> None:
    rng = np.random.default_rng(0)
    p = init_bag_params(VOCAB, ED, H, seed=0, dtype=np.float32)
    lengths = rng.integers(50, T + 1, B)
    tokens = np.zeros((B, T), np.int64)
    for i, n in enumerate(lengths):  # 'pre' padded reviews of mixed length
        tokens[i, T - n:] = rng.integers(3, VOCAB, n)
    labels = rng.integers(0, 2, B).astype(np.float32)
    ws = BagWorkspace(p, B, T)
    numba_ms = best_ms(lambda: ws.forward_backward(tokens, labels))
    numpy_ms = best_ms(lambda: numpy_step(p, tokens, labels))
    g = numpy_step(p, tokens, labels)
    agree = all(np.allclose(g[k], ws.grads[k], rtol=1e-3, atol=1e-6) for k in g)
    print(f"bag of embeddings, B={B} T={T} Ed={ED} H={H} vocab={VOCAB}")
    print(f"numba  forward+backward: {numba_ms:8.2f} ms")
    print(f"numpy  forward+backward: {numpy_ms:8.2f} ms")
    print(f"numpy / numba: {numpy_ms / numba_ms:.1f}x   (gradients agree: {agree})")


if __name__ == "__main__":
    main()
