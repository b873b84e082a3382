"""rnnviz.gui.heap: a full garbage collection during a run walks only what was made since it started."""
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


def test_settle_collects_garbage_first_then_exempts_the_survivors():
    a, b = Node(), Node()
    a.other, b.other = b, a  # a reference cycle: only the collector frees it
    dead = weakref.ref(a)
    del a, b
    kept = [Node() for _ in range(1000)]
    heap.settle()
    assert dead() is None  # collected before the freeze: garbage is not kept forever
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(o) in tracked for o in kept)  # frozen: a full collection no longer walks them
    assert len(tracked) < 1000  # what a full collection walks now: what was made since (the test's own)
    assert kept[0].other is None  # frozen objects are untouched and usable


def test_starting_a_run_settles_the_heap(qtbot):
    panel = open_panel(qtbot, QUICK, shown=True)
    before = [Node() for _ in range(100)]  # made before Start: the run's collections must not walk them
    with qtbot.waitSignal(panel.runFinished, timeout=30_000):
        assert panel.start()
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(o) in tracked for o in before)
