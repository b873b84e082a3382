"""Keras-compatible tokeniser: ``keras.preprocessing.text.text_to_word_sequence`` plus ``<br />`` removal."""
from __future__ import annotations

import re

#: Keras' default ``filters``: each of these characters becomes a space.
KERAS_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'

_TRANSLATE = str.maketrans({c: " " for c in KERAS_FILTERS})
# IMDb reviews carry HTML line breaks; '<br />' (and '<br>', '<BR/>') are markup, not words.
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Whitespace other than ' ' that str.split() would split on but Keras' split(' ') keeps inside words.
_OTHER_SPACE = re.compile(r"[^\S ]")


def text_to_words(text: str) -> list[str]:
    """Split a review into lowercase words exactly as Keras does after removing ``<br />``.

    Keras semantics: lowercase, every character of KERAS_FILTERS -> space, split on the single
    space ' ' (so other whitespace such as '\\r' or a non-breaking space stays inside a word),
    empty pieces dropped. Non-ASCII letters are kept (``str.lower`` is Unicode aware).
    """
    if "<" in text:  # the regex only where markup can be: most of the cost is per character
        text = _BREAK.sub(" ", text)
    text = text.lower().translate(_TRANSLATE)
    if _OTHER_SPACE.search(text):
        return [w for w in text.split(" ") if w]
    return text.split()  # same result here, and C-fast: no empty strings are created
