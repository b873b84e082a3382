"""Start, Stop and the end of a run keep the Run box in view: the focus goes to the button that takes
over, not down the focus chain (the left column scrolled to wherever it landed, and Start left the view)."""
from PySide6.QtWidgets import QApplication, QScrollArea

from rnnviz.train import TrainConfig

from panel_helpers import open_panel, shut_panels_down  # noqa: F401 (an autouse fixture)

QUICK = TrainConfig(dataset="memory", maxlen=12, embed_dim=4, hidden_dim=8, optimizer="adam", lr=1e-2,
                    batch_size=32, epochs=2, seed=1)


def left_column(panel) -> QScrollArea:
    return next(s for s in panel.findChildren(QScrollArea) if s.widget().isAncestorOf(panel.start_button))


def shown_short(qtbot, config):
    """A panel short enough that its left column scrolls."""
    panel = open_panel(qtbot, config, shown=True)
    panel.resize(1300, 500)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=2_000)
    scroll = left_column(panel)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0, timeout=2_000)
    return panel, scroll


def test_a_run_started_and_ended_with_the_mouse_leaves_the_run_box_in_view(qtbot):
    panel, scroll = shown_short(qtbot, QUICK)
    panel.start_button.setFocus()  # a click on Start gives it the focus
    qtbot.waitUntil(panel.start_button.hasFocus, timeout=1_000)
    with qtbot.waitSignal(panel.runFinished, timeout=30_000):
        panel.start_button.click()
        assert panel.stop_button.hasFocus() or panel.pause_button.hasFocus()
    qtbot.waitUntil(lambda: panel.state == "idle", timeout=10_000)
    assert panel.start_button.hasFocus()
    assert scroll.verticalScrollBar().value() == 0


def test_stop_hands_the_focus_back_to_start(qtbot):
    panel, scroll = shown_short(qtbot, QUICK.with_changes(epochs=1000))
    panel.start_button.setFocus()
    qtbot.waitUntil(panel.start_button.hasFocus, timeout=1_000)
    panel.start_button.click()
    qtbot.waitUntil(lambda: panel.state == "training", timeout=10_000)
    panel.stop_button.setFocus()
    panel.stop_button.click()
    qtbot.waitUntil(lambda: panel.state == "idle", timeout=10_000)
    assert panel.start_button.hasFocus()
    assert scroll.verticalScrollBar().value() == 0
