"""The hand-over of batch reports from the training thread: every report arrives, the GUI is woken rarely."""
import numpy as np
import pytest

from rnnviz.gui.training import worker as worker_module
from rnnviz.gui.training.worker import ReportMailbox, TrainWorker
from rnnviz.train import BatchReport, TrainConfig
from rnnviz.train.reports import frozen_copy


def report(step, n_batches=50):
    return BatchReport(epoch=1 + (step - 1) // n_batches, batch=1 + (step - 1) % n_batches, n_batches=n_batches,
                       step=step, loss=0.5, accuracy=0.75, grad_norm=1.0, clipped=False,
                       grad_norm_per_step=frozen_copy(np.ones(5)), spectral_radius=0.9, elapsed_s=0.0, eta_s=1.0,
                       seq_per_s=1e4)


def test_mailbox_asks_for_one_wake_up_until_the_reader_drains():
    box = ReportMailbox()
    assert box.put(1, wake=False) is False  # not due yet: the report waits, nobody is woken
    assert box.put(2) is True
    assert box.put(3) is False  # a wake-up is already on its way
    assert box.take_all() == (1, 2, 3)
    assert box.put(4) is True


@pytest.fixture
def worker(monkeypatch):
    monkeypatch.setattr(worker_module, "DRAIN_INTERVAL_S", 1e9)  # only the urgent reasons wake the GUI here
    w = TrainWorker(TrainConfig(), dataset=None, save=False)
    wakes = []
    w.batchesReady.connect(lambda: wakes.append(len(w.mailbox._items)))
    w.wakes = wakes
    return w


def test_reports_between_wake_ups_wait_in_the_mailbox_and_none_is_lost(worker):
    for step in range(1, 31):
        worker._on_batch(report(step))
    assert worker.wakes == [1]  # the first report woke the GUI; the next 29 came sooner than the interval
    assert [r.step for r in worker.mailbox.take_all()] == list(range(1, 31))


def test_an_epochs_last_batch_wakes_the_gui_before_validation(worker):
    worker._on_batch(report(1))
    worker.mailbox.take_all()
    for step in range(2, 51):
        worker._on_batch(report(step))
    assert worker.wakes == [1, 49]  # batch 50 of 50: woken at once, with everything since the last drain


@pytest.mark.parametrize("ask", ["pause", "stop"])
def test_a_pause_or_stop_wakes_the_gui_for_the_reports_so_far(worker, ask):
    worker._on_batch(report(1))
    worker.mailbox.take_all()
    worker._on_batch(report(2))
    getattr(worker.control, ask)()
    worker._on_batch(report(3))  # the trainer's last batch before it waits (or ends)
    assert worker.wakes == [1, 2]
