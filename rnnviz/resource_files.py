"""The files under the repository's top-level ``resources/`` folder, read the same way from a
checkout (editable install), a wheel, a zip or a read-only system install.

pyproject.toml installs ``resources/`` as the package ``rnnviz.resources``, so
:func:`importlib.resources.files` finds it wherever the package is. A file that is not there raises
:class:`MissingResourceError` (it is a broken install, and a test catches it): there is no silent
fallback to built-in text.

    read_text("help/bptt.html")            # str (read_bytes for bytes)
    resource("icons")                      # a Traversable (a pathlib.Path for a normal install)
    with resource_path("icons/rnnviz.svg") as path:   # a real file, for APIs that need one (Qt)
        ...
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path, PurePosixPath

PACKAGE = "rnnviz.resources"


class MissingResourceError(FileNotFoundError):
    """A file rnnviz ships is not where the package says it is: the install is incomplete."""


def resources_root() -> Traversable:
    """The installed resources/ folder (a pathlib.Path unless rnnviz is imported from a zip)."""
    try:
        return resources.files(PACKAGE)
    except ModuleNotFoundError as exc:
        raise MissingResourceError(
            f"rnnviz's resources (the package {PACKAGE}) are not installed. From a clone, run "
            "`pip install -e .` again (the resources/ folder is mapped to that package); otherwise "
            "reinstall rnnviz.") from exc


def resource(relative: str) -> Traversable:
    """The file or folder at `relative` (a '/'-separated path under resources/); raises
    MissingResourceError when it does not exist."""
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or ".." in parts:
        raise ValueError(f"a resource is a relative path inside resources/, got {relative!r}")
    item = resources_root().joinpath(*parts)
    if not (item.is_file() or item.is_dir()):
        raise MissingResourceError(f"rnnviz is installed without its file resources/{relative}; "
                                   "reinstall rnnviz to restore it")
    return item


def read_text(relative: str) -> str:
    """The UTF-8 text of resources/`relative`; raises MissingResourceError when it is missing."""
    return read_bytes(relative).decode("utf-8")


def read_bytes(relative: str) -> bytes:
    """The bytes of resources/`relative`; raises MissingResourceError when it is missing."""
    item = resource(relative)
    if not item.is_file():
        raise MissingResourceError(f"resources/{relative} is a folder, not a file")
    return item.read_bytes()


@contextlib.contextmanager
def resource_path(relative: str) -> Iterator[Path]:
    """A real file system path to resources/`relative` for as long as the block runs (the file
    itself for a normal install; a temporary copy when rnnviz is imported from a zip)."""
    with resources.as_file(resource(relative)) as path:
        yield path
