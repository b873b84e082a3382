"""The graph widget the window uses: the real ``UnrolledGraphView``, or the placeholder if that
package is missing or broken (the window must open either way; the status bar says which)."""
from __future__ import annotations


def make_graph_view(parent=None):
    """(view, note): note is None for the real graph, else why the placeholder is shown."""
    try:
        from rnnviz.gui.graph import UnrolledGraphView
    except Exception as exc:  # noqa: BLE001 - any failure there must not stop the window
        from .graph_fallback import PlaceholderGraphView

        return PlaceholderGraphView(parent), f"graph view unavailable ({type(exc).__name__}: {exc})"
    return UnrolledGraphView(parent), None
