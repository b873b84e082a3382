"""Progress of a headless run on a text stream (stderr): one rewritten line on a terminal, periodic lines otherwise."""
from __future__ import annotations

import math
import time
from typing import TextIO

from .reports import BatchReport, EpochReport


def format_duration(seconds: float) -> str:
    """'1:05' for 65 s, '1:01:05' for an hour and more."""
    seconds = max(int(round(seconds)), 0)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class ProgressPrinter:
    """Callbacks for ``Trainer`` and the data loader that print to `stream`.

    On a terminal the batch line is rewritten in place ('\\r') at most `tty_interval` s apart; in a log
    (not a tty) a batch line is printed every `log_interval` s so the log stays readable. Epoch lines and
    loading stages always get their own line.
    """

    def __init__(self, stream: TextIO, epochs: int, tty: bool | None = None, tty_interval: float = 0.1,
                 log_interval: float = 10.0):
        self.stream, self.epochs = stream, epochs
        self.tty = stream.isatty() if tty is None else tty
        self.interval = tty_interval if self.tty else log_interval
        self._last = -float("inf")
        self._open_line = False  # a '\r' line is on screen and needs a newline before the next full line
        self._last_stage = None

    def _line(self, text: str) -> None:
        if self._open_line:
            self.stream.write("\n")
            self._open_line = False
        self.stream.write(text + "\n")
        self.stream.flush()

    def _status(self, text: str, width: int, final: bool = False) -> None:
        """A progress line: rewritten in place on a terminal (padded to `width` to wipe a longer one)
        until it is `final`; a plain line in a log."""
        if self.tty and not final:
            self.stream.write("\r" + text.ljust(width))
            self.stream.flush()
            self._open_line = True
        else:
            self._line(text)

    def message(self, text: str) -> None:
        """A free-standing line (start, stop requests, saved file)."""
        self._line(text)

    def loading(self, stage: str, done: int, total: int) -> None:
        """The data loader's progress(stage, done, total)."""
        now = time.monotonic()
        if stage == self._last_stage and done < total and now - self._last < self.interval:
            return
        self._last, self._last_stage = now, stage
        text = f"loading: {stage} {done:,}/{total:,}" if total else f"loading: {stage}"
        self._status(text, 78, final=done >= total)

    def on_batch(self, r: BatchReport) -> None:
        now = time.monotonic()
        last_of_epoch = r.batch == r.n_batches
        if now - self._last < self.interval and not (self.tty and last_of_epoch):
            return
        self._last = now
        lr = f"lr {r.lr:.2g}  " if math.isfinite(r.lr) else ""
        text = (f"epoch {r.epoch}/{self.epochs} batch {r.batch}/{r.n_batches}  loss {r.loss:.4f}  "
                f"acc {r.accuracy:.3f}  |grad| {r.grad_norm:.3g}{' (clipped)' if r.clipped else ''}  {lr}"
                f"{r.seq_per_s:,.0f} seq/s  elapsed {format_duration(r.elapsed_s)}  ETA {format_duration(r.eta_s)}")
        self._status(text, 100)

    def on_epoch(self, r: EpochReport) -> None:
        self._line(f"epoch {r.epoch}/{self.epochs}: train loss {r.train_loss:.4f} acc {r.train_accuracy:.4f} | "
                   f"val loss {r.val_loss:.4f} acc {r.val_accuracy:.4f}{'  * best' if r.is_best else ''} | "
                   f"{format_duration(r.elapsed_s)}")
