"""The bounded histories behind the live plots: memory stays fixed, the averages are right."""
import numpy as np
import pytest

from rnnviz.gui.training.history import LOG_FLOOR, HeatmapHistory, SeriesHistory


def test_series_keeps_every_point_until_full():
    h = SeriesHistory(("step", "v"), capacity=8)
    for s in range(1, 6):
        h.append((s, 10 * s))
    assert len(h) == 5 and h.stride == 1
    assert h.column("v").tolist() == [10, 20, 30, 40, 50]


def test_series_halves_by_averaging_pairs_and_then_averages_incoming_points():
    h = SeriesHistory(("step", "v"), capacity=4)
    for s in range(1, 5):
        h.append((s, s))
    h.append((5, 5))  # full: halve to [(1.5), (3.5)], then 5 waits for its partner
    assert h.stride == 2 and len(h) == 2
    h.append((6, 6))
    assert len(h) == 3
    assert h.column("step").tolist() == [1.5, 3.5, 5.5]
    assert h.column("v").tolist() == [1.5, 3.5, 5.5]


def test_series_memory_is_bounded_and_the_whole_run_stays_covered():
    h = SeriesHistory(("step", "v"), capacity=256)
    nbytes = h.nbytes()
    n = 100_000
    for s in range(1, n + 1):
        h.append((s, 1.0))
    assert h.nbytes() == nbytes
    assert 128 <= len(h) <= 256
    steps = h.column("step")
    assert steps[0] < 1000 and steps[-1] > n - 1000  # start and end of the run both still there
    assert np.all(np.diff(steps) > 0)


def test_series_ignores_nan_when_averaging():
    h = SeriesHistory(("step", "v"), capacity=4)
    for s, v in ((1, np.nan), (2, 4.0), (3, np.nan), (4, np.nan), (5, 1.0)):
        h.append((s, v))
    assert h.column("v")[0] == 4.0          # nanmean of (nan, 4)
    assert np.isnan(h.column("v")[1])       # (nan, nan) stays missing


def test_series_rejects_rows_of_the_wrong_width():
    h = SeriesHistory(("step", "v"))
    with pytest.raises(ValueError, match="expected 2 values"):
        h.append((1, 2, 3))


def test_heatmap_rows_are_log10_norms_and_columns_are_time_steps():
    h = HeatmapHistory(max_rows=8, max_cols=500)
    h.append(1, [1.0, 10.0, 100.0, 0.0])
    img = h.image()
    assert img.shape == (1, 4)
    assert img[0].tolist() == [0.0, 1.0, 2.0, LOG_FLOOR]  # a zero gradient is the coldest colour, not -inf


def test_heatmap_bins_long_sequences_to_at_most_max_cols():
    h = HeatmapHistory(max_rows=8, max_cols=500)
    h.append(1, np.full(1201, 10.0))
    assert h.t_bin == 3 and h.cols == 401 and h.image().shape == (1, 401)
    assert np.allclose(h.image(), 1.0)


def test_heatmap_memory_is_bounded_by_merging_rows():
    h = HeatmapHistory(max_rows=16, max_cols=500)
    for s in range(1, 10_001):
        h.append(s, np.full(50, 10.0 ** (s / 10_000)))
    assert h.rows <= 16 and h.nbytes() == 16 * 50 * 4
    first, end = h.step_span()
    assert first == 1 and end > 9000
    img = h.image()
    assert np.all(np.diff(img[:, 0]) > 0)  # the growth over training survives the merging


def test_heatmap_starts_over_when_the_sequence_length_changes():
    h = HeatmapHistory(max_rows=8)
    h.append(1, np.ones(10))
    h.append(2, np.ones(20))
    assert h.T == 20 and h.rows == 1 and h.first_step == 2


@pytest.mark.parametrize("chunks", [[1] * 37, [5, 1, 12, 3, 16], [37], [2, 35]])
def test_series_extend_stores_what_appending_point_by_point_stores(chunks):
    """The plots append drained reports in blocks: every block split must give the same curves,
    across halvings and part-filled buckets (NaN values included)."""
    rng = np.random.default_rng(1)
    rows = np.column_stack([np.arange(1, 38), rng.normal(size=37), rng.normal(size=37)])
    rows[::5, 2] = np.nan
    one, blocks = SeriesHistory(("step", "a", "b"), capacity=8), SeriesHistory(("step", "a", "b"), capacity=8)
    for row in rows:
        one.append(row)
    start = 0
    for k in chunks:
        blocks.extend(rows[start:start + k])
        start += k
    assert (blocks.stride, len(blocks)) == (one.stride, len(one)) == (8, 4)
    np.testing.assert_array_equal(blocks.data, one.data)
    blocks.append(rows[0])  # the part-filled bucket goes on from where the blocks left it, as the points' did
    one.append(rows[0])
    np.testing.assert_array_equal(blocks.data, one.data)


@pytest.mark.parametrize("chunks", [[1] * 29, [3, 11, 1, 14], [29]])
def test_heatmap_extend_stores_what_appending_row_by_row_stores(chunks):
    rng = np.random.default_rng(2)
    norms = 10.0 ** rng.normal(-3, 2, size=(29, 7))
    norms[4, 2] = 0.0  # a vanished gradient: the floor
    one, blocks = HeatmapHistory(max_rows=4, max_cols=3), HeatmapHistory(max_rows=4, max_cols=3)
    for step, g in enumerate(norms, start=1):
        one.append(step, g)
    start = 0
    for k in chunks:
        blocks.extend(np.arange(start + 1, start + k + 1), norms[start:start + k])
        start += k
    assert (blocks.rows, blocks.stride, blocks.t_bin, blocks.first_step) == (one.rows, one.stride, 3, 1.0)
    np.testing.assert_allclose(blocks.image(), one.image(), rtol=1e-6)
