"""Train from the window: the trainer panel, its worker thread and the live training plots.

    from rnnviz.gui.training import TrainingPanel
    panel = TrainingPanel(parent)
    panel.modelChanged.connect(...)   # TrainedModel after a pause, stop or finish
    panel.reviewChosen.connect(...)   # (review text, true label) from the review picker
    panel.shutdown()                  # from the window's closeEvent
"""
from . import pyside_fix

pyside_fix.apply()  # before any signal is emitted: see pyside_fix for the PySide6 6.12 refcount bug

from .panel import TrainingPanel  # noqa: E402 (after the fix)
from .plots import TrainingPlots  # noqa: E402

__all__ = ["TrainingPanel", "TrainingPlots"]
