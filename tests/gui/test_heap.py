"""rnnviz.gui.heap: a full garbage collection during a run walks only what was made since the window
settled, and nothing is kept for good."""
import gc
import weakref

from rnnviz.gui import heap
from rnnviz.train import TrainConfig

from panel_helpers import open_panel, shut_panels_down  # noqa: F401 (autouse fixture)

QUICK = TrainConfig(dataset="memory", maxlen=12, embed_dim=4, hidden_dim=8, optimizer="adam", lr=1e-2,
                    batch_size=32, epochs=2, seed=1)


class Node:
    def __init__(self):
        self.other = None


def cycle() -> weakref.ref:
    """A weak reference to one of two objects that refer to each other: only the collector frees them."""
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_settle_collects_garbage_first_then_exempts_the_survivors():
    dead = cycle()
    kept = [Node() for _ in range(1000)]
    heap.settle()
    assert dead() is None  # collected before the freeze
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(o) in tracked for o in kept)  # frozen: a full collection no longer walks them
    assert len(tracked) < 1000  # what a full collection walks now: what was made since (the test's own)
    assert kept[0].other is None  # frozen objects are untouched and usable


def test_garbage_frozen_while_alive_is_freed_by_the_next_settle():
    holder = [Node()]
    holder[0].other = Node()
    holder[0].other.other = holder[0]  # a cycle, alive while `holder` refers to it
    dead = weakref.ref(holder[0])
    heap.settle()  # frozen while alive
    holder.clear()
    gc.collect()
    assert dead() is not None  # frozen: an ordinary collection does not look at it
    heap.settle()
    assert dead() is None


def test_a_second_after_a_run_the_panel_settles_and_the_run_is_not_kept(qtbot):
    panel = open_panel(qtbot, QUICK, shown=True)
    before = [Node() for _ in range(100)]  # made before the run
    with qtbot.waitSignal(panel.runFinished, timeout=30_000):
        assert panel.start()
        qtbot.waitUntil(lambda: panel.worker is not None, timeout=10_000)  # made once the data is loaded
        worker = weakref.ref(panel.worker)  # the run's trainer, workspaces and mailbox hang on it
    qtbot.waitUntil(lambda: panel.state == "idle", timeout=10_000)
    tracked = {id(o) for o in gc.get_objects()}
    assert any(id(o) in tracked for o in before)  # not settled at Start nor at once after the run
    qtbot.waitUntil(lambda: not any(id(o) in {id(t) for t in gc.get_objects()} for o in before), timeout=3_000)
    assert worker() is None  # the run's objects were collected, not frozen with the rest
