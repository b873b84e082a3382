"""Work around a reference-count bug of PySide6 6.12 on Python 3.11 that crashes long-running windows.

PySide6 6.12.0 drops one reference to ``True`` on every ``Signal.emit()`` and one to ``None`` on every
Python slot that C++ calls (a QTimer's timeout, any connected signal). Python 3.12+ makes these objects
immortal, so nothing happens there; on 3.11 their count reaches zero after a few thousand events and
the interpreter aborts ("Fatal Python error: bool_dealloc" / "none_dealloc"), mid-run or at exit.
A live training view emits thousands of signals per minute, so we give the three singletons a
reference count no leak can exhaust, which is what 3.12 does for them.
"""
from __future__ import annotations

import ctypes
import sys

_EXTRA_REFS = 1 << 40  # at a million leaked references per second, this lasts 12 days
_applied = False


def apply() -> bool:
    """Make None, True and False effectively immortal on Python < 3.12. Idempotent; True if applied now."""
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _EXTRA_REFS
    _applied = True
    return True
