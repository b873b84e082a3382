"""Translatable words for the Qt-free layers (the data and training layers' messages, the explorer's
prose, messages and names). No Qt; imports nothing of rnnviz but its resources.

The window translates with Qt (a .ts file kept current by ``pyside6-lupdate``, see
``rnnviz.gui.i18n``). Code below the window may not import Qt, so it calls this module's
``translate``, which is the identity (English) until the window hands it Qt's translator at start
(``set_translator(QCoreApplication.translate, "zh_CN")``); scripts and tests without a window get
English. A child process of the window (tokenising IMDb) has no Qt: the window passes its language
in ``RNNVIZ_LANGUAGE`` (``child_environment``) and the child reads the same .ts file with
``use_language_from_environment``, so its messages come back in the window's language.

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

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping

Translator = Callable[[str, str, "str | None", int], str]

#: The variable a child process reads its language from.
LANGUAGE_VARIABLE = "RNNVIZ_LANGUAGE"
SOURCE_LANGUAGE = "en"

_translator: Translator | None = None
_language = SOURCE_LANGUAGE


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the window's language; with n >= 0 the plural form for n, "%n" replaced by n."""
    if _translator is not None:
        return _translator(context, text, disambiguation, n)
    return text.replace("%n", str(n)) if n >= 0 else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for extraction where it is defined (a table); translate it where it is shown."""
    return text


def set_translator(translator: Translator | None, language: str = SOURCE_LANGUAGE) -> None:
    """Route ``translate`` through `translator` (the window: ``QCoreApplication.translate``) for
    `language`, or back to English with None. QCoreApplication.translate is thread-safe, so worker
    threads may call it."""
    global _translator, _language
    _translator = translator
    _language = language if translator is not None else SOURCE_LANGUAGE


def current_language() -> str:
    """The language ``translate`` speaks: "en" unless a translator was set."""
    return _language


def child_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """A copy of `environ` (default: this process's) telling a child process this process's language."""
    env = dict(os.environ if environ is None else environ)
    env[LANGUAGE_VARIABLE] = _language
    return env


def use_language_from_environment() -> str:
    """In a child process: speak the language in ``RNNVIZ_LANGUAGE``, read from the shipped .ts file
    (English when it is unset, English or unreadable). Returns the language used."""
    language = os.environ.get(LANGUAGE_VARIABLE, SOURCE_LANGUAGE)
    if language == SOURCE_LANGUAGE:
        return SOURCE_LANGUAGE
    try:
        table = read_catalog(language)
    except (OSError, ET.ParseError, ValueError):
        return SOURCE_LANGUAGE  # a message in English beats no message
    set_translator(catalog_translator(table), language)
    return language


def read_catalog(language: str) -> dict[tuple[str, str], str]:
    """{(context, English text): translation} of resources/i18n/rnnviz_<language>.ts, the finished
    entries only (a plural entry: its first form, which is the only one Chinese has)."""
    from rnnviz.resource_files import read_text

    root = ET.fromstring(read_text(f"i18n/rnnviz_{language}.ts"))
    table = {}
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            form = translation.find("numerusform")
            text = form.text if form is not None else translation.text
            if text:
                table[(name, message.findtext("source"))] = text
    return table


def catalog_translator(table: Mapping[tuple[str, str], str]) -> Translator:
    """A translator looking texts up in `table` (English where it has none), "%n" replaced by n."""
    def lookup(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        found = table.get((context, text), text)
        return found.replace("%n", str(n)) if n >= 0 else found
    return lookup
