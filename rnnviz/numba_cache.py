"""Where numba keeps the compiled kernels when rnnviz is installed read-only.

numba caches a `cache=True` kernel in the `__pycache__` folder beside its source file. From a
checkout or a user's own virtual environment that folder is writable and is used as it is. In a
system-wide or distribution install (or a read-only one) it is not, and then the kernels go to
rnnviz's user cache folder instead (``~/.cache/rnnviz/numba`` on Linux; ``RNNVIZ_CACHE_DIR``
moves it, as it moves rnnviz's other caches), so a second launch loads them instead of compiling
them again. numba reads ``NUMBA_CACHE_DIR`` once, when it is imported: the entry point calls
:func:`configure` before anything imports numba. A ``NUMBA_CACHE_DIR`` set by the user wins.
"""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import MutableMapping
from pathlib import Path

#: Folder whose __pycache__ numba's in-tree cache uses for rnnviz's kernels (rnnviz/core/*.py).
KERNELS_FOLDER = Path(__file__).resolve().parent / "core"


def writable(folder: Path) -> bool:
    """Whether numba can cache in `folder`: the same test numba makes (create the folder, write a
    temporary file in it), so that for root on a read-only mount, too, the answer is numba's."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=folder).close()
    except OSError:
        return False
    return True


def user_cache_folder() -> Path:
    """rnnviz's folder for numba's cache: <rnnviz user cache folder>/numba."""
    from rnnviz.data.cache import default_cache_dir  # one rule for every cache rnnviz keeps

    return default_cache_dir() / "numba"


def configure(environ: MutableMapping[str, str] = os.environ,
              kernels_folder: Path = KERNELS_FOLDER) -> Path | None:
    """Point numba at the user cache folder when the kernels' own __pycache__ is not writable.
    Returns the folder chosen, or None when numba's default in-tree cache is kept (or the user set
    NUMBA_CACHE_DIR, or numba was imported already and would not read it any more)."""
    if environ.get("NUMBA_CACHE_DIR") or "numba" in sys.modules:
        return None
    if writable(kernels_folder / "__pycache__"):
        return None
    folder = user_cache_folder()
    environ["NUMBA_CACHE_DIR"] = str(folder)
    return folder
