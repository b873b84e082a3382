"""The animation clock: while the playback plays, advance it by the real time elapsed, ~60 times a second.

The clock only moves ``Playback``'s position; the views follow the playback's events.
"""
from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer

from rnnviz.explorer import Playback

FRAME_MS = 16  # ~60 frames per second while playing


class PlaybackClock(QObject):
    """Starts when `playback` starts playing and stops when it stops (its ``playing`` event)."""

    def __init__(self, playback: Playback, parent=None):
        super().__init__(parent)
        self.playback = playback
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._on_frame)
        self._elapsed = QElapsedTimer()
        playback.events.playing.connect(self._on_playing)

    def _on_playing(self, playing: bool) -> None:
        if playing:
            self._elapsed.start()
            self.timer.start()
        else:
            self.timer.stop()

    def _on_frame(self) -> None:
        # Advance by the real time elapsed, so a late frame does not slow the animation down.
        self.playback.advance(self._elapsed.restart() / 1000.0)

    def stop(self) -> None:
        self.playback.pause()
        self.timer.stop()
