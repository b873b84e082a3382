"""Training panels made by a test and shut down after it (imported by the panel tests).

A module that imports ``shut_panels_down`` gets it as an autouse fixture: no thread may outlive its
panel (the review predictions start when a run ends)."""
from __future__ import annotations

import pytest

from rnnviz.gui.training import TrainingPanel

PANELS: list = []


@pytest.fixture(autouse=True)
def shut_panels_down():
    """Shut every panel made by ``open_panel`` during the test down, each within 5 s."""
    yield
    while PANELS:
        assert PANELS.pop().shutdown(timeout_s=5.0)


def open_panel(qtbot, config, shown: bool = False) -> TrainingPanel:
    """A panel set to `config` (its dataset chosen, the form filled); `shown`: at 1300x850 on screen,
    with a form the test requires to be valid."""
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    if shown:
        panel.resize(1300, 850)
        panel.show()
    panel.data_box.set_dataset(config.dataset)
    panel.form.set_config(config)
    if shown:
        assert panel.form.is_valid(), panel.form.problems()
    PANELS.append(panel)
    return panel
