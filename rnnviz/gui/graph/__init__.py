"""The unrolled computation graph of an RNN trace, with its folded loop diagram.

    from rnnviz.gui.graph import UnrolledGraphView
    view = UnrolledGraphView()
    view.set_trace(trace, words)   # words[i] labels x_{i+1}
    view.set_step(index)           # state after trace.steps[index]; -1 = nothing computed yet
"""
from .view import UnrolledGraphView

__all__ = ["UnrolledGraphView"]
