"""Where an IMDb copy may be: an explicit path, $RNNVIZ_IMDB, the user cache folder, Keras' folder."""
from __future__ import annotations

import os
from pathlib import Path

from rnnviz.text import translate

from .cache import default_cache_dir
from .errors import ImdbNotFound

ARCHIVE_NAME = "aclImdb_v1.tar.gz"
ENV_VAR = "RNNVIZ_IMDB"


def keras_datasets_dir() -> Path:
    return Path.home() / ".keras" / "datasets"


def candidate_paths() -> list[Path]:
    """Places searched when no path is given, in order."""
    cache = default_cache_dir()
    return [cache / ARCHIVE_NAME, cache / "aclImdb", keras_datasets_dir() / "imdb.npz"]


def find_imdb(explicit: str | os.PathLike | None = None) -> Path | None:
    """The first IMDb copy found: `explicit`, then $RNNVIZ_IMDB, then candidate_paths(); None if none.

    A path the user named (explicit or the environment variable) that does not exist raises
    ImdbNotFound instead of silently falling back to another copy.
    """
    for given, named_by_variable in ((explicit, False), (os.environ.get(ENV_VAR) or None, True)):
        if given is not None:
            path = Path(given).expanduser()
            if not path.exists():
                missing = (translate("DataErrors", "${0} {1} does not exist.").format(ENV_VAR, path) if named_by_variable
                           else translate("DataErrors", "the given path {0} does not exist.").format(path))
                raise ImdbNotFound(missing + " " + where_to_put_it())
            return path
    return next((p for p in candidate_paths() if p.exists()), None)


def where_to_put_it() -> str:
    """The advice every 'not found' message ends with."""
    return translate("DataErrors", "Put {0} (https://ai.stanford.edu/~amaas/data/sentiment/) into {1}, or give its "
                     "path with --imdb PATH or the environment variable {2}=PATH (an unpacked aclImdb folder or a "
                     "Keras imdb.npz work too).").format(ARCHIVE_NAME, default_cache_dir(), ENV_VAR)
