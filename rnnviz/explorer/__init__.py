"""The explorer: what the window shows, without Qt.

It holds the model, the user's input and the vanishing/exploding controls, and turns them into a
core step trace (``rnnviz.core.make_trace``). The window only displays what this package returns,
so everything here is testable without a display.
"""
from .clipping import ClipReport, clip_report
from .equations import format_number, step_html, summary_html
from .playback import Playback
from .session import MAX_SEQ_LEN, Controls, Explorer, ModelSpec
from .tokens import TokenizedInput, tokenize

__all__ = [
    "ClipReport", "clip_report", "format_number", "step_html", "summary_html", "Playback",
    "MAX_SEQ_LEN", "Controls", "Explorer", "ModelSpec", "TokenizedInput", "tokenize",
]
