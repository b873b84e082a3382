"""Bounded histories behind the live plots: memory stays fixed however long a run goes.

``SeriesHistory`` holds a few curves that share an x axis (the training step). When it is full it
halves itself by averaging neighbouring pairs, and from then on averages ``stride`` incoming points
into one, so the density of points stays uniform over the whole run (a ring buffer would forget the
start of training, which is exactly what a learner wants to compare against).

``HeatmapHistory`` holds one row of log10 ||dL/ds_t|| per step bucket and at most ``max_cols``
columns of t, merging pairs of rows when full for the same reason. Both keep their rows in a
``StrideRows``: the bucketing and halving are written once.

No Qt here: these are plain numpy containers, fed on the GUI thread from drained batch reports.
"""
from __future__ import annotations

import math

import numpy as np

# log10 of a gradient norm that is exactly zero (e.g. padding steps that BPTT never reaches) is -inf;
# clamp it so the heatmap colours stay finite and a fully vanished gradient shows as the coldest colour.
LOG_FLOOR = -12.0


class StrideRows:
    """Up to ``capacity`` stored rows of ``width`` values, each the mean of ``stride`` raw rows.

    When full, neighbouring pairs are averaged (capacity rows become capacity/2) and the stride
    doubles, so the stored rows cover the whole run evenly. ``data`` is (capacity, width); its first
    ``n`` rows are valid; NaN means "no value" and is averaged with nanmean. The rows of a bucket not yet
    complete wait in ``pending``.
    """

    def __init__(self, capacity: int, width: int, dtype=np.float64):
        if capacity < 4 or capacity % 2:
            raise ValueError(f"capacity must be an even number >= 4, got {capacity}")
        self.capacity = capacity
        self.data = np.full((capacity, width), np.nan, dtype=dtype)
        self.clear()

    def clear(self) -> None:
        self.data.fill(np.nan)
        self.n = 0
        self.stride = 1  # raw rows averaged into each stored row
        self.pending: list[np.ndarray] = []  # (m, width) blocks of the bucket being filled

    def extend(self, rows: np.ndarray) -> bool:
        """Add raw rows (k, width) in order, as k one-row calls would, with a few numpy calls per stored
        row instead of per raw row. True when a stored row was added."""
        stored = False
        i, k = 0, len(rows)
        while i < k:
            if not self.pending and self.n == self.capacity:
                self._halve()  # before the new row, so that it starts a bucket of the new stride
            if self.stride == 1:  # the common case early in a run: no averaging to do
                m = min(k - i, self.capacity - self.n)
                self.data[self.n:self.n + m] = rows[i:i + m]
                self.n += m
                i += m
                stored = True
                continue
            waiting = sum(len(b) for b in self.pending)
            m = min(k - i, self.stride - waiting)
            self.pending.append(rows[i:i + m])
            i += m
            if waiting + m < self.stride:
                break
            block = np.concatenate(self.pending)
            self.pending.clear()
            self.data[self.n] = _nanmean_rows(block)
            self.n += 1
            stored = True
        return stored

    def _halve(self) -> None:
        half = self.capacity // 2
        pairs = self.data.reshape(half, 2, -1)
        self.data[:half] = _nanmean_pairs(pairs)
        self.data[half:] = np.nan
        self.n = half
        self.stride *= 2


class SeriesHistory:
    """Up to ``capacity`` points of ``len(columns)`` curves sharing the x column ``columns[0]``.

    Data: ``self.data`` is (capacity, C) float64; the first ``len(self)`` rows are valid. NaN means
    "no value" (e.g. a validation metric the trainer did not report) and is averaged with nanmean.
    """

    def __init__(self, columns: tuple[str, ...], capacity: int = 2048):
        self.columns = tuple(columns)
        self.capacity = capacity
        self._rows = StrideRows(capacity, len(columns))
        self.version = 0  # bumped by every change of the stored points: a plot redraws only what changed

    @property
    def data(self) -> np.ndarray:
        return self._rows.data

    @property
    def n(self) -> int:
        return self._rows.n

    @property
    def stride(self) -> int:
        """Raw points averaged into each stored point."""
        return self._rows.stride

    def __len__(self) -> int:
        return self.n

    def clear(self) -> None:
        self._rows.clear()
        self.version += 1

    def append(self, row) -> None:
        """Add one raw point: a sequence of len(columns) floats (x first)."""
        row = np.asarray(row, dtype=np.float64)
        if row.shape != (len(self.columns),):
            raise ValueError(f"expected {len(self.columns)} values {self.columns}, got shape {row.shape}")
        self.extend(row[None, :])

    def extend(self, rows) -> None:
        """Add raw points (k, C) in order, as k calls of ``append`` would (the GUI thread drains a dozen
        reports at a time, and its time is time the trainer may wait for)."""
        rows = np.asarray(rows, dtype=np.float64)
        if rows.ndim != 2 or rows.shape[1] != len(self.columns):
            raise ValueError(f"expected (k, {len(self.columns)}) values {self.columns}, got shape {rows.shape}")
        if self._rows.extend(rows):
            self.version += 1

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
        self.first_step = 0.0
        self._rows: StrideRows | None = None  # made by the first batch, when T is known

    @property
    def rows(self) -> int:
        return 0 if self._rows is None else self._rows.n

    @property
    def stride(self) -> int:
        """Training steps averaged into each row."""
        return 1 if self._rows is None else self._rows.stride

    def append(self, step: float, grad_norm_per_step) -> None:
        """Add the per-timestep gradient norms (T,) of the batch at training step ``step``."""
        g = np.asarray(grad_norm_per_step, dtype=np.float64).ravel()
        self.extend([step], g[None, :])

    def extend(self, steps, grad_norms) -> None:
        """Add the batches at training steps ``steps`` (k,), their norms ``grad_norms`` (k, T), in order.

        The logarithms and the binning of t take one numpy call for all k rows (per row they were most
        of the cost of feeding the plots)."""
        g = np.asarray(grad_norms, dtype=np.float64)
        if g.ndim != 2 or g.shape[1] == 0 or len(g) == 0:
            return
        if self._rows is None or g.shape[1] != self.T:
            # a new run, or a new sequence length: start over (rows of different T cannot share columns)
            self.clear()
            self._start(g.shape[1], float(steps[0]))
        self._rows.extend(self._bin_columns(_log10_norms(g)))

    def _start(self, T: int, step: float) -> None:
        self.T = T
        self.t_bin = max(1, math.ceil(T / self.max_cols))
        self.cols = math.ceil(T / self.t_bin)
        self.first_step = float(step)
        self._rows = StrideRows(self.max_rows, self.cols, dtype=np.float32)

    def _bin_columns(self, logs: np.ndarray) -> np.ndarray:
        """(k, T) -> (k, cols) by averaging runs of t_bin time steps (the last run may be shorter)."""
        if self.t_bin == 1:
            return logs
        k = len(logs)
        padded = np.full((k, self.cols * self.t_bin), np.nan)
        padded[:, : logs.shape[1]] = logs
        blocks = padded.reshape(k, self.cols, self.t_bin)
        valid = ~np.isnan(blocks)
        with np.errstate(invalid="ignore"):  # a bin with no value (none here: t_bin < T) stays NaN
            return np.where(valid, blocks, 0.0).sum(axis=2) / valid.sum(axis=2)

    def image(self) -> np.ndarray:
        """(rows, cols) float32 copy of the filled rows (empty (0, 0) before the first batch)."""
        if self._rows is None:
            return np.zeros((0, 0), dtype=np.float32)
        return self._rows.data[: self.rows].copy()

    def step_span(self) -> tuple[float, float]:
        """(first step, one past the last step) covered by the stored rows."""
        return self.first_step, self.first_step + self.rows * self.stride

    def nbytes(self) -> int:
        return 0 if self._rows is None else int(self._rows.data.nbytes)


def _log10_norms(g: np.ndarray) -> np.ndarray:
    """log10 of norms (any shape), floored at LOG_FLOOR."""
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
