"""The parameter shapes of the core's RNN, to check a loaded checkpoint against its config and head."""
from __future__ import annotations


def expected_param_shapes(vocab_size: int, embed_dim: int, hidden_dim: int,
                          output_dim: int = 1, model: str = "rnn") -> dict[str, tuple[int, ...]]:
    """Shapes of ``rnnviz.core.init_params``: E (V, Ed), U (H, Ed), W (H, H), b (H,), V (K, H), c (K,).

    output_dim K: 1 for the binary head, the number of classes (the vocabulary for next word) for softmax.
    Kept as a pure function (no allocation) so loading a large model does not build a throwaway one;
    a test checks it against init_params.
    """
    shapes = {"E": (vocab_size, embed_dim), "U": (hidden_dim, embed_dim), "W": (hidden_dim, hidden_dim),
              "b": (hidden_dim,), "V": (output_dim, hidden_dim), "c": (output_dim,)}
    if model == "bag":  # the ordinary network (rnnviz.core.bag) has no recurrent W
        del shapes["W"]
    return shapes
