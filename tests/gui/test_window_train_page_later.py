"""The Train page is built right after the first graph (not before it: 0.3-0.4 s of the start), by
itself, and at once for whoever asks for it earlier."""


def test_the_train_tab_comes_by_itself_after_the_first_graph(window, qtbot):
    qtbot.waitUntil(lambda: window.pages.count() == 2, timeout=10_000)  # nobody asked for the panel
    assert window.pages.tabText(1) == "Train" and window.pages.widget(1) is window._training_panel
    assert window.training_panel is window._training_panel  # built once


def test_asking_for_it_first_builds_it_then(qtbot, settings):
    from rnnviz.gui.main_window import MainWindow
    from window_helpers import STARTUP_TIMEOUT_MS

    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    assert w.training_panel is None  # no model yet: nothing to train beside
    with qtbot.waitSignal(w.traceShown, timeout=STARTUP_TIMEOUT_MS):
        w.show()
    panel = w.training_panel  # asked for before the queued build ran, or after: the same one panel
    assert panel is not None and w.pages.indexOf(panel) == 1
    qtbot.wait(50)
    assert w.pages.count() == 2 and w.training_panel is panel
    w.close()
