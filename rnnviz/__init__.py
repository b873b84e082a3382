"""rnnviz: see how a recurrent neural network computes and learns.

Layers, data flowing one way (the lower layers never import Qt or pyqtgraph):

    rnnviz.data  -> rnnviz.core  -> rnnviz.train  -> rnnviz.gui
    (IMDb, vocab)   (numba RNN)     (trainer, CLI)   (window, plots)
"""
from pathlib import Path

__version__ = "0.1.0"

#: Top-level ``resources/`` folder of the source tree (default sentences, help texts).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
