"""The Explore page's widgets: input bar, BPTT panel, plots, playback bar and the model and gradient controls.

The unrolled graph lives beside this package in ``rnnviz.gui.graph``; the Train page in ``rnnviz.gui.training``.
"""
