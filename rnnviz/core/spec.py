"""Names and shapes of the model, defined once. Pure Python: importing this loads no numba.

    a_t = U x_t + W s_{t-1} + b,   s_t = f(a_t),   o_t = V s_t + c,   s_0 = 0,   x_t = E[token_t]

Every layer (core, train, explorer, window) takes these names from here, so a choice offered in a
menu is always one the kernels implement.
"""
from __future__ import annotations

#: The hidden nonlinearity f, in the order the menus list them (the kernels' codes are the indices).
ACTIVATIONS = ("tanh", "relu", "linear")

#: Output heads: "binary" (many-to-one, BCE on sigmoid(o_T)) and "softmax" (many-to-many,
#: L = sum_t CE(softmax(o_t), target_t)); the kernels' codes are the indices.
HEADS = ("binary", "softmax")

#: Recurrent cells: "rnn" (the vanilla cell above, rnnviz.core.kernels) and the gated "lstm" and "gru"
#: (rnnviz.core.lstm, rnnviz.core.gru).
CELLS = ("rnn", "lstm", "gru")

#: The parameter dict's keys: embedding E, input weights U, recurrent weights W, hidden bias b,
#: output weights V, output bias c.
PARAM_KEYS = ("E", "U", "W", "b", "V", "c")

#: Hidden sizes the built-in models may be trained with, and the one the window opens with:
#: small enough to draw every unit of s_t and to train in a second or two.
HIDDEN_RANGE = (2, 16)
DEFAULT_HIDDEN = 6


def param_shapes(vocab_size: int, embed_dim: int, hidden_dim: int,
                 output_dim: int = 1) -> dict[str, tuple[int, ...]]:
    """Shapes of the parameters: E (V, Ed), U (H, Ed), W (H, H), b (H,), V (K, H), c (K,).

    output_dim K: 1 for the binary head, the number of classes for softmax. A pure function (no
    allocation), so a large model file can be checked without building a throwaway model.
    """
    return {"E": (vocab_size, embed_dim), "U": (hidden_dim, embed_dim),
            "W": (hidden_dim, hidden_dim), "b": (hidden_dim,), "V": (output_dim, hidden_dim),
            "c": (output_dim,)}
