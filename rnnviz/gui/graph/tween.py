"""Sub-step animation state shared by the graph's nodes and edges."""
from __future__ import annotations


class Tweenable:
    """Mixin for a QGraphicsItem that can be drawn part-way (frac 0..1) towards a target state.

    ``tween`` is None when the item shows its step state as it is, else ``(target, frac)``.
    """

    tween: tuple[int, float] | None = None

    def clear_tween(self) -> None:
        if self.tween is not None:
            self.tween = None
            self.update()

    def set_tween(self, target: int, frac: float) -> None:
        self.tween = (int(target), float(min(max(frac, 0.0), 1.0)))
        self.update()
