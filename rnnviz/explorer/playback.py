"""Where the animation is: the one current step every view shows, a continuous position, no Qt.

position p in [0, n]: the number of elementary steps done, fractional while a step animates.
The current step is ceil(p) - 1 (clamped to 0..n-1) and its progress frac = p - index, so
p = i + 1 means "step i shown complete" and p = i + 0.25 means "step i a quarter of the way".

Views subscribe to ``events`` (psygnal, so this stays Qt-free and testable headless):
``step(index, frac)`` whenever the position moves, ``playing(bool)``, ``speed(float)`` and
``reset(n_steps)`` when a new trace arrives (the explorer then announces the trace itself, and the
views redraw the current step from it).
"""
from __future__ import annotations

import math

from psygnal import Signal, SignalGroup

MIN_SPEED, MAX_SPEED = 0.25, 60.0
START_NUDGE = 1e-9  # a fraction of a step no view can draw: step `start` at frac ~0


class PlaybackEvents(SignalGroup):
    step = Signal(int, float)   # index, frac: the position moved
    playing = Signal(bool)      # started or paused
    speed = Signal(float)       # steps per second
    reset = Signal(int)         # n_steps of a new trace


class Playback:
    """Steps forward/back, jumps, and advances by wall-clock time at `speed` steps per second."""

    def __init__(self, n_steps: int = 0, speed: float = 3.0):
        self.events = PlaybackEvents()
        self.n_steps = max(0, int(n_steps))
        self.position = 1.0 if self.n_steps else 0.0
        self.speed = min(max(float(speed), MIN_SPEED), MAX_SPEED)
        self.playing = False
        # Where a new trace, Restart and Play from the end begin: 0, or the first real word's forward
        # step of a 'pre' padded trace, so the animation does not open on ten <pad> steps.
        self.start = 0

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
    def reset(self, n_steps: int, keep_index: bool = False, index: int | None = None) -> None:
        """New trace with n_steps steps: show step `index` if given, else keep the current step if
        asked and it still exists, else the first. Emits ``reset`` only (see the module docstring)."""
        if index is None:
            index = self.index if keep_index else self.start
        self.n_steps = max(0, int(n_steps))
        self.position = float(min(max(int(index), 0), self.n_steps - 1) + 1) if self.n_steps else 0.0
        if not self.n_steps:
            self._set_playing(False)
        self.events.reset.emit(self.n_steps)

    def set_speed(self, steps_per_second: float) -> None:
        speed = min(max(float(steps_per_second), MIN_SPEED), MAX_SPEED)
        if speed != self.speed:
            self.speed = speed
            self.events.speed.emit(speed)

    def set_step(self, index: int) -> None:
        """Show step `index` complete (clamped); the animation pauses, as after any jump."""
        self._set_playing(False)
        self.go_to(index)

    def go_to(self, index: int) -> None:
        """Show step `index` complete (clamped)."""
        if self.n_steps:
            self._move(float(min(max(int(index), 0), self.n_steps - 1) + 1))

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
            self._move(self._start_position())
        self._set_playing(True)

    def pause(self) -> None:
        """Stop, with the step caught mid-animation shown complete: every view then agrees on one
        step (a half-drawn step would show the previous word in the graph, the next in the panel)."""
        self._set_playing(False)
        if self.n_steps and self.frac < 1.0:
            self._move(float(self.index + 1))

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def restart(self) -> None:
        """Play from the start: step ``start`` animates first (the steps before it are shown done)."""
        self._move(self._start_position())
        self._set_playing(bool(self.n_steps))

    def advance(self, seconds: float) -> bool:
        """Move on by `seconds` of playing time; stops at the end. Returns True if it moved."""
        if not self.playing or not self.n_steps:
            return False
        self._move(min(self.position + max(seconds, 0.0) * self.speed, float(self.n_steps)))
        if self.at_end:
            self._set_playing(False)
        return True

    # --- internals -----------------------------------------------------------------------
    def _start_position(self) -> float:
        """Step ``start`` about to animate: p = 0 for the first step; for a later one, just past p =
        start (which would read as step start - 1 done, a <pad> step), so every view reads ``start``."""
        start = min(max(int(self.start), 0), max(self.n_steps - 1, 0))
        return start + START_NUDGE if start else 0.0

    def _move(self, position: float) -> None:
        if position != self.position:
            self.position = position
            self.events.step.emit(self.index, self.frac)

    def _set_playing(self, playing: bool) -> None:
        if playing != self.playing:
            self.playing = playing
            self.events.playing.emit(playing)
