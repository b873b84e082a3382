"""The Learn panel: lessons that drive the window, the ordinary network beside the RNN, exercises.

``install_learn_panel(window)`` adds it to the main window as a dock; ``LearnPanel(explorer,
playback)`` is the widget on its own. The lessons' data and logic are Qt-free in rnnviz.explorer.
"""
from .install import install_learn_panel
from .panel import LearnPanel

__all__ = ["LearnPanel", "install_learn_panel"]
