"""The explorer's name for ``rnnviz.text`` (the Qt-free translation hook, shared with the data and
training layers): one module, so the window sets one translator for every layer."""
from rnnviz.text import (QT_TRANSLATE_NOOP, Translator, current_language, set_translator,  # noqa: F401
                         translate)
