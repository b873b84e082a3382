"""Pause, resume and stop from another thread, each honoured within one batch."""
import threading
import time

import numpy as np

from rnnviz.train import TrainControl, Trainer
from rnnviz.train import heads as heads_mod
from rnnviz.train import trainer as trainer_mod

from train_helpers import make_dataset, small_config

TIMEOUT = 10.0


class Handshake:
    """Holds the trainer inside on_batch at a chosen step until the main thread has acted.

    That makes "within one batch" exact: the request is made while step k's report is being handled,
    so no further step may start.
    """

    def __init__(self, at_step: int):
        self.at_step = at_step
        self.reached, self.acted = threading.Event(), threading.Event()
        self.steps: list[int] = []

    def on_batch(self, report):
        self.steps.append(report.step)
        if report.step == self.at_step:
            self.reached.set()
            assert self.acted.wait(TIMEOUT)


def start(trainer):
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("result", trainer.run()), daemon=True)
    thread.start()
    return thread, box


def test_pause_resume_stop_from_another_thread():
    ds = make_dataset(n_train=640)
    control = TrainControl()
    hs = Handshake(at_step=3)
    trainer = Trainer(small_config(epochs=50), ds, control, on_batch=hs.on_batch)
    thread, box = start(trainer)

    assert hs.reached.wait(TIMEOUT)
    control.pause()
    hs.acted.set()
    assert control.wait_until_paused(TIMEOUT) and control.is_paused
    before = trainer.snapshot(current=True).params
    time.sleep(0.3)
    assert hs.steps == [1, 2, 3]  # paused right after the batch that was running
    after = trainer.snapshot(current=True).params
    for k in before:  # weights do not move while paused
        np.testing.assert_array_equal(before[k], after[k])

    # Hold the trainer again at step 6: stopping while it runs free could land in the epoch's
    # validation (a different message), as it did under load.
    hs.at_step = 6
    hs.reached.clear()
    hs.acted.clear()
    control.resume()
    assert not control.is_paused
    assert hs.reached.wait(TIMEOUT)  # running again

    control.stop()
    hs.acted.set()
    thread.join(TIMEOUT)
    assert not thread.is_alive()
    result = box["result"]
    assert hs.steps == [1, 2, 3, 4, 5, 6]  # stopped right after the batch that was running
    assert result.status == "stopped" and control.is_stopped and "stopped by request" in result.message
    assert result.test_accuracy is None  # a stop is quick: no test pass unless test_on_stop


def test_stop_is_honoured_within_one_batch_and_keeps_the_best_weights():
    ds = make_dataset()
    control = TrainControl()
    n_batches = -(-256 // 32)
    hs = Handshake(at_step=n_batches + 2)  # two batches into epoch 2
    epoch_ends = {}
    trainer = Trainer(small_config(epochs=50), ds, control, on_batch=hs.on_batch, test_on_stop=True,
                      on_epoch=lambda e: epoch_ends.setdefault(e.epoch, trainer.snapshot(current=True).params))
    thread, box = start(trainer)
    assert hs.reached.wait(TIMEOUT)
    control.stop()
    hs.acted.set()
    thread.join(TIMEOUT)
    result = box["result"]
    assert hs.steps == list(range(1, n_batches + 3))
    assert result.status == "stopped" and result.epochs_completed == 1 and result.best_epoch == 1
    for k, v in epoch_ends[1].items():
        np.testing.assert_array_equal(result.model.params[k], v)
    assert result.test_accuracy is not None  # test_on_stop scores the kept weights


def test_stop_wakes_a_paused_trainer():
    control = TrainControl()
    hs = Handshake(at_step=1)
    trainer = Trainer(small_config(epochs=50), make_dataset(), control, on_batch=hs.on_batch)
    thread, box = start(trainer)
    assert hs.reached.wait(TIMEOUT)
    control.pause()
    hs.acted.set()
    assert control.wait_until_paused(TIMEOUT)
    control.stop()
    thread.join(TIMEOUT)
    assert not thread.is_alive() and box["result"].status == "stopped" and hs.steps == [1]
    assert box["result"].best_epoch == 0 and "last good weights" in box["result"].message


def test_paused_trainer_waits_on_an_event_not_a_busy_loop():
    control = TrainControl()
    control.pause()
    thread = threading.Thread(target=control.checkpoint, daemon=True)
    cpu0 = time.thread_time()  # this thread's CPU; the waiter's shows in process time below
    proc0 = time.process_time()
    thread.start()
    assert control.wait_until_paused(TIMEOUT)
    time.sleep(0.5)
    busy = time.process_time() - proc0 - (time.thread_time() - cpu0)
    control.resume()
    thread.join(TIMEOUT)
    assert not thread.is_alive()
    assert busy < 0.1  # a spinning loop would burn about 0.5 s of CPU here


def test_control_states():
    c = TrainControl()
    assert not c.is_paused and not c.is_stopped and c.checkpoint()
    c.pause()
    assert c.is_paused
    c.resume()
    assert not c.is_paused and c.checkpoint()
    c.stop()
    c.pause()  # no pausing after a stop: the trainer must be able to finish
    assert c.is_stopped and not c.is_paused and c.checkpoint() is False
    assert not c.wait_until_paused(0.01)


def test_stop_before_the_first_batch():
    control = TrainControl()
    control.stop()
    result = Trainer(small_config(), make_dataset(), control).run()
    assert result.status == "stopped" and result.epochs_completed == 0
    assert all(np.isfinite(v).all() for v in result.model.params.values())


def test_stop_during_the_test_scoring_is_seen_between_inference_batches(monkeypatch):
    """Closing the window while a finished run scores the test set must not wait for the whole pass."""
    control = TrainControl()
    test_calls = []
    real_make_predictor = heads_mod.make_predictor
    made = []

    def make_predictor(params, config):
        predict = real_make_predictor(params, config)
        made.append(predict)
        if len(made) == 1:  # the first predictor scores validation, the second the test set
            return predict

        def predict_then_stop(tokens):
            test_calls.append(len(tokens))
            control.stop()  # as if the window closed while the first inference batch ran
            return predict(tokens)

        return predict_then_stop

    monkeypatch.setattr(heads_mod, "make_predictor", make_predictor)
    n_test = 4 * trainer_mod.PREDICT_BATCH
    result = Trainer(small_config(epochs=2), make_dataset(n_test=n_test), control).run()
    assert test_calls == [trainer_mod.PREDICT_BATCH]  # one inference batch, then the stop was seen
    assert result.status == "stopped" and "scoring the test set" in result.message
    assert result.test_accuracy is None and result.test_loss is None
    assert result.epochs_completed == 2 and result.best_epoch >= 1  # the training itself was complete
    assert result.model.history["status"] == "stopped" and result.model.history["test_accuracy"] is None

