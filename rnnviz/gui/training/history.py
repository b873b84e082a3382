"""Bounded histories behind the live plots: memory stays fixed however long a run goes.

``SeriesHistory`` holds a few curves that share an x axis (the training step). When it is full it
halves itself by averaging neighbouring pairs, and from then on averages ``stride`` incoming points
into one, so the density of points stays uniform over the whole run (a ring buffer would forget the
start of training, which is exactly what a learner wants to compare against).

``HeatmapHistory`` holds one row of log10 ||dL/ds_t|| per step bucket and at most ``max_cols``
columns of t, merging pairs of rows when full for the same reason.

No Qt here: these are plain numpy containers, fed on the GUI thread from drained batch reports.
"""
from __future__ import annotations

import math

import numpy as np

# log10 of a gradient norm that is exactly zero (e.g. padding steps that BPTT never reaches) is -inf;
# clamp it so the heatmap colours stay finite and a fully vanished gradient shows as the coldest colour.
LOG_FLOOR = -12.0


class SeriesHistory:
    """Up to ``capacity`` points of ``len(columns)`` curves sharing the x column ``columns[0]``.

    Data: ``self.data`` is (capacity, C) float64; the first ``len(self)`` rows are valid. NaN means
    "no value" (e.g. a validation metric the trainer did not report) and is averaged with nanmean.
    """

    def __init__(self, columns: tuple[str, ...], capacity: int = 2048):
        if capacity < 4 or capacity % 2:
            raise ValueError(f"capacity must be an even number >= 4, got {capacity}")
        self.columns = tuple(columns)
        self.capacity = capacity
        self.data = np.full((capacity, len(columns)), np.nan)
        self.n = 0
        self.stride = 1  # raw points averaged into each stored point
        self.version = 0  # bumped by every change of the stored points: a plot redraws only what changed
        self._pending_rows: list[np.ndarray] = []

    def __len__(self) -> int:
        return self.n

    def clear(self) -> None:
        self.data.fill(np.nan)
        self.n = 0
        self.stride = 1
        self.version += 1
        self._pending_rows.clear()

    def append(self, row) -> None:
        """Add one raw point: a sequence of len(columns) floats (x first)."""
        row = np.asarray(row, dtype=np.float64)
        if row.shape != (len(self.columns),):
            raise ValueError(f"expected {len(self.columns)} values {self.columns}, got shape {row.shape}")
        if not self._pending_rows and self.n == self.capacity:
            self._halve()  # before the new point, so that it starts a bucket of the new stride
        if self.stride == 1:  # the common case early in a run: no averaging to do
            self.data[self.n] = row
            self.n += 1
            self.version += 1
            return
        self._pending_rows.append(row)
        if len(self._pending_rows) < self.stride:
            return
        block = np.stack(self._pending_rows)
        self._pending_rows.clear()
        self.data[self.n] = _nanmean_rows(block)
        self.n += 1
        self.version += 1

    def _halve(self) -> None:
        """Average neighbouring pairs: capacity rows become capacity/2, the stride doubles."""
        half = self.capacity // 2
        pairs = self.data[: self.capacity].reshape(half, 2, -1)
        self.data[:half] = _nanmean_pairs(pairs)
        self.data[half:] = np.nan
        self.n = half
        self.stride *= 2

    def column(self, name: str) -> np.ndarray:
        """(n,) view of one column's valid points."""
        return self.data[: self.n, self.columns.index(name)]

    def latest(self) -> np.ndarray | None:
        """The newest stored row (C,), or None when empty."""
        return self.data[self.n - 1].copy() if self.n else None

    def nbytes(self) -> int:
        return int(self.data.nbytes)


class HeatmapHistory:
    """log10 ||dL/ds_t|| over training: rows are step buckets, columns are time steps t.

    ``image()`` returns (rows, cols) float32; row i covers training steps
    ``first_step + i*stride .. first_step + (i+1)*stride - 1``; column j covers time steps
    ``j*t_bin + 1 .. (j+1)*t_bin`` (t is 1-based as in the textbook).
    """

    def __init__(self, max_rows: int = 256, max_cols: int = 500):
        if max_rows < 4 or max_rows % 2:
            raise ValueError(f"max_rows must be an even number >= 4, got {max_rows}")
        self.max_rows = max_rows
        self.max_cols = max_cols
        self.clear()

    def clear(self) -> None:
        self.T = 0
        self.t_bin = 1
        self.cols = 0
        self.rows = 0
        self.stride = 1
        self.first_step = 0.0
        self._img: np.ndarray | None = None
        self._pending: list[np.ndarray] = []

    def append(self, step: float, grad_norm_per_step) -> None:
        """Add the per-timestep gradient norms (T,) of the batch at training step ``step``."""
        g = np.asarray(grad_norm_per_step, dtype=np.float64).ravel()
        if g.size == 0:
            return
        if self._img is None or g.size != self.T:
            # a new run, or a new sequence length: start over (rows of different T cannot share columns)
            self.clear()
            self._start(g.size, step)
        if not self._pending and self.rows == self.max_rows:
            self._halve()
        logs = self._bin_columns(_log10_norms(g))
        if self.stride == 1:
            row = logs
        else:
            self._pending.append(logs)
            if len(self._pending) < self.stride:
                return
            row = np.mean(np.stack(self._pending), axis=0)
            self._pending.clear()
        self._img[self.rows] = row
        self.rows += 1

    def _start(self, T: int, step: float) -> None:
        self.T = T
        self.t_bin = max(1, math.ceil(T / self.max_cols))
        self.cols = math.ceil(T / self.t_bin)
        self.first_step = float(step)
        self._img = np.full((self.max_rows, self.cols), np.nan, dtype=np.float32)

    def _bin_columns(self, logs: np.ndarray) -> np.ndarray:
        """(T,) -> (cols,) by averaging runs of t_bin time steps (the last run may be shorter)."""
        if self.t_bin == 1:
            return logs
        padded = np.full(self.cols * self.t_bin, np.nan)
        padded[: logs.size] = logs
        return _nanmean_rows(padded.reshape(self.cols, self.t_bin).T)

    def _halve(self) -> None:
        half = self.max_rows // 2
        pairs = self._img.reshape(half, 2, -1)
        self._img[:half] = np.mean(pairs, axis=1)
        self._img[half:] = np.nan
        self.rows = half
        self.stride *= 2

    def image(self) -> np.ndarray:
        """(rows, cols) float32 copy of the filled rows (empty (0, 0) before the first batch)."""
        if self._img is None:
            return np.zeros((0, 0), dtype=np.float32)
        return self._img[: self.rows].copy()

    def step_span(self) -> tuple[float, float]:
        """(first step, one past the last step) covered by the stored rows."""
        return self.first_step, self.first_step + self.rows * self.stride

    def nbytes(self) -> int:
        return 0 if self._img is None else int(self._img.nbytes)


def _log10_norms(g: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.log10(g)
    # 0 -> -inf -> floor; inf (an exploding gradient) stays visible as a large finite value
    return np.nan_to_num(logs, nan=LOG_FLOOR, neginf=LOG_FLOOR, posinf=38.0).clip(LOG_FLOOR, None)


def _nanmean_rows(block: np.ndarray) -> np.ndarray:
    """Column-wise mean over the rows of (n, C), ignoring NaN; NaN where a column has no value."""
    valid = ~np.isnan(block)
    count = valid.sum(axis=0)
    total = np.where(valid, block, 0.0).sum(axis=0)
    out = np.full(block.shape[1], np.nan)
    np.divide(total, count, out=out, where=count > 0)
    return out


def _nanmean_pairs(pairs: np.ndarray) -> np.ndarray:
    """(n, 2, C) -> (n, C), NaN-aware mean of each pair."""
    valid = ~np.isnan(pairs)
    count = valid.sum(axis=1)
    total = np.where(valid, pairs, 0.0).sum(axis=1)
    out = np.full(total.shape, np.nan)
    np.divide(total, count, out=out, where=count > 0)
    return out
