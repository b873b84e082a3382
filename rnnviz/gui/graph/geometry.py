"""Where things go in the scene: one column per time step, at x = t * COLUMN_DX.

Scene units are pixels at zoom 1. Rows, top to bottom: L, o_t, s_t (a vertical strip of H cells,
the column vector), x_t with its word. Column 0 holds s_0 = 0 only.
"""
from __future__ import annotations

from dataclasses import dataclass

COLUMN_DX = 100.0        # distance between steps
STRIP_W = 22.0           # width of a hidden-state strip
STRIP_MAX_H = 140.0      # the strip never grows taller than this, whatever H is
CELL_MAX_H = 15.0
OUTPUT_R = 15.0          # radius of an o_t circle
INPUT_W, INPUT_H = 36.0, 24.0
LOSS_W, LOSS_H = 46.0, 24.0
ROW_GAP = 62.0           # vertical distance between a strip edge and the next node's centre
LABEL_PX = 11.0          # label font size at zoom 1
MARGIN = 40.0


@dataclass(frozen=True)
class ColumnGeometry:
    """Vertical positions (scene y of centres) for a hidden size H."""

    H: int
    cell_h: float
    strip_h: float
    y_state: float = 0.0

    @classmethod
    def for_hidden(cls, H: int) -> "ColumnGeometry":
        cell_h = min(CELL_MAX_H, STRIP_MAX_H / max(H, 1))
        return cls(H=H, cell_h=cell_h, strip_h=cell_h * H)

    @property
    def y_input(self) -> float:
        return self.strip_h / 2 + ROW_GAP

    @property
    def y_output(self) -> float:
        return -self.strip_h / 2 - ROW_GAP

    @property
    def y_loss(self) -> float:
        return self.y_output - 56.0

    @property
    def top(self) -> float:
        return self.y_loss - LOSS_H / 2 - 10.0

    @property
    def bottom(self) -> float:
        return self.y_input + INPUT_H / 2 + 30.0   # room for the word under x_t


def column_x(t: int) -> float:
    """Scene x of step t's column (t = 0 is s_0)."""
    return t * COLUMN_DX
