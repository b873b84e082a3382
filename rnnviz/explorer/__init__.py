"""The explorer: what the window shows, without Qt.

It holds the model, the user's input, the vanishing/exploding controls and the playback position,
and turns them into a core step trace (``rnnviz.core.make_trace``). It announces every change as a
psygnal event (``Explorer.events.changed``, ``Playback.events``) that the window's views subscribe to,
so everything here is testable without a display and drivable from a script or a lesson.
"""
from .clipping import ClipReport, clip_report
from .equations import format_number, step_html, summary_html
from .playback import Playback
from .session import MAX_SEQ_LEN, TRACE_CHANGES, Controls, Explorer, ModelSpec
from .tokens import TokenizedInput, tokenize

__all__ = [
    "ClipReport", "clip_report", "format_number", "step_html", "summary_html", "Playback",
    "MAX_SEQ_LEN", "TRACE_CHANGES", "Controls", "Explorer", "ModelSpec", "TokenizedInput", "tokenize",
]
