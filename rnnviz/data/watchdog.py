"""A watchdog for a blocking download: it ends a read that would wait on a silent or crawling server.

A blocking ``recv`` cannot see a cancel flag, and a socket timeout cannot tell a user's Cancel from a slow
network; a read that waits for a 64 KiB block to fill cannot notice a server that sends a byte every few
seconds (each byte resets the socket timeout). So a second thread looks every ``POLL_S`` seconds and, when
the user cancelled, nothing arrived for ``stall_s`` seconds, or fewer than ``min_rate`` bytes per second
arrived over the last ``window_s`` seconds, shuts the connection down: the blocked read returns at once,
and the downloading thread reads ``reason`` to say what happened.
"""
from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections import deque

#: How often the watchdog looks: Cancel takes effect within about this long, whatever the server does.
POLL_S = 0.1


class Watchdog:
    """Shuts down the attached connection on cancel, a stall or a crawl; ``reason`` then says which.

    Use as a context manager around the download; call ``attach(sock)`` once the TCP connection exists
    (before TLS and the request, so a server that never answers is covered too) and ``received(n_total)``
    after every read. reason: None, "cancelled", "stalled" or "slow".
    """

    def __init__(self, cancel: threading.Event | None, stall_s: float, min_rate: float, window_s: float):
        self.cancel, self.stall_s, self.min_rate, self.window_s = cancel, stall_s, min_rate, window_s
        self.reason: str | None = None
        self.done = 0  # bytes received so far (written by the downloading thread only)
        self._last_change = time.monotonic()
        self._samples: deque[tuple[float, int]] = deque()  # (time, done) once per poll, window_s long
        self._fd: int | None = None  # our own duplicate of the connection's descriptor
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rnnviz-download-watchdog", daemon=True)

    def __enter__(self) -> "Watchdog":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

    def attach(self, sock: socket.socket) -> socket.socket:
        """Watch `sock` (returned unchanged). A duplicate descriptor is kept because TLS takes the original
        over; shutting either down ends the one connection they share."""
        with self._lock:
            if self._fd is not None:  # a redirect opens a new connection: watch that one
                os.close(self._fd)
            self._fd = os.dup(sock.fileno())
            if self.reason is not None:  # cancelled while connecting
                self._shut()
        return sock

    def received(self, done: int) -> None:
        if done != self.done:
            self.done = done
            self._last_change = time.monotonic()

    def _run(self) -> None:
        while not self._stop.wait(POLL_S):
            reason = self._check(time.monotonic())
            if reason is not None:
                with self._lock:
                    self.reason = reason
                    self._shut()
                return

    def _check(self, now: float) -> str | None:
        if self.cancel is not None and self.cancel.is_set():
            return "cancelled"
        if now - self._last_change > self.stall_s:
            return "stalled"
        self._samples.append((now, self.done))
        while len(self._samples) > 1 and now - self._samples[1][0] >= self.window_s:
            self._samples.popleft()  # keep exactly one sample at least window_s old
        t0, done0 = self._samples[0]
        if now - t0 >= self.window_s and self.done - done0 < self.min_rate * (now - t0):
            return "slow"
        return None

    def _shut(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):  # already closed by the server: the read ends anyway
                with socket.socket(fileno=os.dup(self._fd)) as s:
                    s.shutdown(socket.SHUT_RDWR)
