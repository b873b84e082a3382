"""Where the animation is: a continuous position over the trace's elementary steps, no Qt.

position p in [0, n]: the number of elementary steps done, fractional while a step animates.
The current step is ceil(p) - 1 (clamped to 0..n-1) and its progress frac = p - index, so
p = i + 1 means "step i shown complete" and p = i + 0.25 means "step i a quarter of the way".
"""
from __future__ import annotations

import math

MIN_SPEED, MAX_SPEED = 0.25, 60.0


class Playback:
    """Steps forward/back, jumps, and advances by wall-clock time at `speed` steps per second."""

    def __init__(self, n_steps: int = 0, speed: float = 3.0):
        self.n_steps = max(0, int(n_steps))
        self.position = 1.0 if self.n_steps else 0.0
        self.speed = float(speed)
        self.playing = False

    # --- reading -------------------------------------------------------------------------
    @property
    def index(self) -> int:
        """The current elementary step, 0..n-1 (-1 when there are no steps)."""
        if not self.n_steps:
            return -1
        return min(max(math.ceil(self.position) - 1, 0), self.n_steps - 1)

    @property
    def frac(self) -> float:
        """How far the current step has animated, 0..1."""
        return min(max(self.position - self.index, 0.0), 1.0) if self.n_steps else 0.0

    @property
    def at_end(self) -> bool:
        return self.position >= self.n_steps

    # --- changing ------------------------------------------------------------------------
    def reset(self, n_steps: int, keep_index: bool = False) -> None:
        """New trace with n_steps steps; keep the current step if asked and it still exists."""
        index = self.index
        self.n_steps = max(0, int(n_steps))
        self.position = float(index + 1) if keep_index and 0 <= index < self.n_steps else min(1.0, self.n_steps)
        if not self.n_steps:
            self.playing = False

    def set_speed(self, steps_per_second: float) -> None:
        self.speed = min(max(float(steps_per_second), MIN_SPEED), MAX_SPEED)

    def go_to(self, index: int) -> None:
        """Show step `index` complete (clamped)."""
        if self.n_steps:
            self.position = float(min(max(int(index), 0), self.n_steps - 1) + 1)

    def next(self) -> None:
        # A step caught mid-animation counts as the current one: Right finishes it and moves on.
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def first(self) -> None:
        self.go_to(0)

    def last(self) -> None:
        self.go_to(self.n_steps - 1)

    def play(self) -> None:
        """Start playing; from the end, start over from the first step."""
        if not self.n_steps:
            return
        if self.at_end:
            self.position = 0.0
        self.playing = True

    def pause(self) -> None:
        self.playing = False

    def restart(self) -> None:
        self.position = 0.0
        self.playing = bool(self.n_steps)

    def advance(self, seconds: float) -> bool:
        """Move on by `seconds` of playing time; stops at the end. Returns True if it moved."""
        if not self.playing or not self.n_steps:
            return False
        self.position = min(self.position + max(seconds, 0.0) * self.speed, float(self.n_steps))
        if self.at_end:
            self.playing = False
        return True
