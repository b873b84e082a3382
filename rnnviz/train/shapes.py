"""The parameter shapes of the core's models, to check a loaded checkpoint against its config and head."""
from __future__ import annotations

# Gate blocks stacked in U, W and b per cell (rnnviz.core.cells.GATES; checked against it in the tests).
_GATE_COUNT = {"rnn": 1, "lstm": 4, "gru": 3}


def expected_param_shapes(vocab_size: int, embed_dim: int, hidden_dim: int,
                          output_dim: int = 1, cell: str = "rnn", model: str = "rnn") -> dict[str, tuple[int, ...]]:
    """Shapes of ``rnnviz.core.init_params``: E (V, Ed), U (G*H, Ed), W (G*H, H), b (G*H,), the GRU's bW (G*H,),
    V (K, H), c (K,), with G = 1 (rnn), 4 (lstm) or 3 (gru); the ordinary network (model "bag",
    ``rnnviz.core.bag``) has the RNN's keys but no recurrent W.

    output_dim K: 1 for the binary head, the number of classes (the vocabulary for next word) for softmax.
    Kept as a pure function (no allocation) so loading a large model does not build a throwaway one;
    a test checks it against init_params.
    """
    gh = _GATE_COUNT[cell] * hidden_dim
    shapes = {"E": (vocab_size, embed_dim), "U": (gh, embed_dim), "W": (gh, hidden_dim), "b": (gh,)}
    if cell == "gru":
        shapes["bW"] = (gh,)
    shapes.update({"V": (output_dim, hidden_dim), "c": (output_dim,)})
    if model == "bag":
        del shapes["W"]
    return shapes
