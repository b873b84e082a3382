"""Benchmarks that print figures (never timed test assertions); the app never imports this package.

    python -m rnnviz.bench              the core training step vs PyTorch (one JSON line)
    python -m rnnviz.bench.ui           the window's stall and its cost to training
    python -m rnnviz.bench.startup      window shown / first trace from process start
    python -m rnnviz.bench.playback     animation frame gaps at a long sequence
    python -m rnnviz.bench.graph_steps  the graph widget's per-step cost at T = 500
    python -m rnnviz.bench.load         cold and cached IMDb load
    python -m rnnviz.bench.imdb         whole default IMDb runs over several seeds
"""
