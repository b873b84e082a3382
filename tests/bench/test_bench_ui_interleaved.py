"""The interleaved UI benchmark's arithmetic: per live phase, its median batch time against its two
asleep neighbours' (batches that end an epoch and gaps across a phase switch left out)."""
import pytest

from rnnviz.bench.ui_interleaved import phase_costs


def batches(start, end, dt, first_number=2):
    """(end time, number in the epoch) of batches every dt seconds in [start, end)."""
    out, t, k = [], start, first_number
    while t < end - 1e-12:
        out.append((t, k))
        t, k = t + dt, k + 1
    return out


def test_a_live_phase_slower_by_a_tenth_costs_ten_percent():
    phases = [(0.0, 1.0, False), (1.0, 2.0, True), (2.0, 3.0, False), (3.0, 4.0, True), (4.0, 5.0, False)]
    ends = batches(0.0, 1.0, 0.010) + batches(1.0, 2.0, 0.011) + batches(2.0, 3.0, 0.010) \
        + batches(3.0, 4.0, 0.011) + batches(4.0, 5.0, 0.010)
    assert phase_costs(ends, phases) == pytest.approx([0.10, 0.10], abs=1e-6)


def test_neighbours_are_averaged_and_the_edges_and_epoch_ends_are_left_out():
    phases = [(0.0, 1.0, True), (1.0, 2.0, False), (2.0, 3.0, True), (3.0, 4.0, False), (4.0, 5.0, True)]
    # in the middle live phase two gaps in three are long and end a batch 1 (validation before it):
    # counted, they would make its median 0.05
    middle, t = [], 2.0
    while t < 2.85:
        middle += [(t, 2), (t + 0.05, 1), (t + 0.10, 1)]  # gaps 0.05 (batch 1), 0.05 (batch 1), then 0.012
        t += 0.112
    ends = batches(0.0, 1.0, 0.050) + batches(1.0, 2.0, 0.010) + middle + batches(3.0, 4.0, 0.014) \
        + batches(4.0, 5.0, 0.050)
    # only the middle live phase has two asleep neighbours: 0.012 / ((0.010 + 0.014) / 2) - 1 = 0
    assert phase_costs(ends, phases) == pytest.approx([0.0], abs=1e-6)


def test_phases_with_too_few_batches_give_no_figure():
    phases = [(0.0, 1.0, False), (1.0, 2.0, True), (2.0, 3.0, False)]
    assert phase_costs(batches(0.0, 1.0, 0.4) + batches(1.0, 2.0, 0.01) + batches(2.0, 3.0, 0.4), phases) == []
