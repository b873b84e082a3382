"""Lesson text in the project's notation, typeset like the BPTT panel: s_{t-1} -> s<sub>t-1</sub>.

The lesson files stay plain text (readable, translatable); only the display turns x_t, s_{t-1},
W^T and s_t^2 into subscripts and superscripts, after escaping, so "<start>" stays visible.
"""
from __future__ import annotations

import re
from html import escape

_SUB_BRACED = re.compile(r"\b([A-Za-zŷ]{1,2})_\{([^}]*)\}")
_SUB_SHORT = re.compile(r"\b([A-Za-zŷ]{1,2})_([A-Za-z0-9]{1,2})\b")
_SUP_T = re.compile(r"\^T\b")
_SUP_SHORT = re.compile(r"\^(\d|k)\b")


def notation_html(text: str) -> str:
    """HTML of plain lesson text: escaped, with the notation's indices typeset."""
    html = escape(text).replace("y_hat", "ŷ")
    html = _SUB_BRACED.sub(r"\1<sub>\2</sub>", html)
    html = _SUB_SHORT.sub(r"\1<sub>\2</sub>", html)
    html = _SUP_T.sub("<sup>T</sup>", html)
    return _SUP_SHORT.sub(r"<sup>\1</sup>", html)
