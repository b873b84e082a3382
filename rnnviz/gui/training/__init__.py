"""Train from the window: the trainer panel, its worker thread and the live training plots.

    from rnnviz.gui.training import TrainingPanel
    panel = TrainingPanel(parent)
    panel.modelChanged.connect(...)   # TrainedModel after a pause, stop or finish
    panel.reviewChosen.connect(...)   # (review text, true label) from the review picker
    panel.shutdown()                  # from the window's closeEvent
"""
from .panel import TrainingPanel
from .plots import TrainingPlots

__all__ = ["TrainingPanel", "TrainingPlots"]
