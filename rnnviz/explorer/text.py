"""Translatable words for the Qt-free layers (the explorer's prose, messages and names). No Qt.

The window translates with Qt (a .ts file kept current by ``pyside6-lupdate``, see
``rnnviz.gui.i18n``). Code below the window may not import Qt, so it calls this module's
``translate``, which is the identity (English) until the window hands it Qt's translator at start
(``set_translator(QCoreApplication.translate)``); scripts and tests without a window get English.

lupdate's Python parser finds these calls by their name, so write them exactly like this, with the
context and the text as string literals, the optional disambiguation and count positional::

    translate("Exercises", "Type a finite number.")
    translate("Exercises", "Use row {0} of W, not its column.").format(i + 1)   # never an f-string
    NAMES = {"a": QT_TRANSLATE_NOOP("Regions", "the graph")}   # extracted; translate(ctx, NAMES[k]) at use

(keyword arguments, f-strings and parenthesised string concatenations are not extracted; tests/i18n
checks the sources for them). Plural forms ("%n step(s)") belong to the window, in a QObject's
``self.tr(text, "", n)``: lupdate marks a ``translate`` call as plural only for a literal count.
"""
from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, "str | None", int], str]

_translator: Translator | None = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the window's language; with n >= 0 the plural form for n, "%n" replaced by n."""
    if _translator is not None:
        return _translator(context, text, disambiguation, n)
    return text.replace("%n", str(n)) if n >= 0 else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for extraction where it is defined (a table); translate it where it is shown."""
    return text


def set_translator(translator: Translator | None) -> None:
    """Route ``translate`` through `translator` (the window: ``QCoreApplication.translate``), or back
    to English with None. QCoreApplication.translate is thread-safe, so worker threads may call it."""
    global _translator
    _translator = translator
