"""The recurrent cells rnnviz knows and the names and shapes of their parameters (no numba here).

    rnn:  a_t = U x_t + W s_{t-1} + b,  s_t = f(a_t)
    lstm: gates i, f, g, o stacked in U (4H, E), W (4H, H), b (4H,)
          C_t = f * C_{t-1} + i * g,  s_t = o * tanh(C_t)
    gru:  gates r, z, n stacked in U (3H, E), W (3H, H), b (3H,) and the recurrent bias bW (3H,)
          n = tanh(U_n x_t + b_n + r * (W_n s_{t-1} + bW_n)),  s_t = (1 - z) * n + z * s_{t-1}

Every cell shares the embedding E (V, E) and the output layer V (K, H), c (K,).
"""
from __future__ import annotations

from .spec import CELLS  # defined once, with the other names of the model
GATED_CELLS = ("lstm", "gru")

#: Gate blocks in the order they are stacked in U, W and b (block k is rows k*H .. (k+1)*H - 1).
GATES = {"lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}

GATED_PARAM_KEYS = {"lstm": ("E", "U", "W", "b", "V", "c"),
                    "gru": ("E", "U", "W", "b", "bW", "V", "c")}


def check_cell(cell) -> str:
    """The cell name, or a ValueError that lists the cells there are."""
    if not isinstance(cell, str) or cell not in CELLS:
        raise ValueError(f"unknown cell {cell!r}; expected one of {', '.join(CELLS)}")
    return cell


def check_gated_cell(cell) -> str:
    """A gated cell's name ("lstm" or "gru"), or a ValueError."""
    if not isinstance(cell, str) or cell not in GATED_CELLS:
        raise ValueError(f"unknown gated cell {cell!r}; expected one of {', '.join(GATED_CELLS)}")
    return cell


def param_shapes(cell: str, vocab_size: int, embed_dim: int, hidden_dim: int,
                 output_dim: int = 1) -> dict[str, tuple[int, ...]]:
    """Shapes of ``init_params(..., cell=cell)``, by parameter name, in the order of the keys."""
    check_cell(cell)
    h = hidden_dim
    g = 1 if cell == "rnn" else len(GATES[cell])
    shapes = {"E": (vocab_size, embed_dim), "U": (g * h, embed_dim), "W": (g * h, h), "b": (g * h,)}
    if cell == "gru":
        shapes["bW"] = (g * h,)
    shapes.update({"V": (output_dim, h), "c": (output_dim,)})
    return shapes
