"""Load IMDb without freezing a window: it is tokenised in a child process.

A child process (``python -m rnnviz.data.load_child``) reads and tokenises the reviews into rnnviz's
encoded-array cache, reporting its progress line by line; then this process loads the arrays from the cache (a cache hit when the
same archive and settings were used before skips the child altogether). Cancelling kills the child;
the cache is written atomically by ``rnnviz.data``, so a killed child leaves no half-written file.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable

from rnnviz.text import child_environment, translate

from .dataset import Dataset
from .errors import DatasetError, LoadCancelled
from .imdb import is_cached, load_imdb

Progress = Callable[[str, int, int], None]


def load_imdb_in_child(imdb_path, num_words: int, maxlen: int, progress: Progress | None = None,
                       cancel: threading.Event | None = None) -> Dataset:
    """IMDb from `imdb_path` as ``load_imdb`` gives it, tokenised off this process when it is not cached."""
    if not _is_cached(imdb_path, num_words, maxlen):
        _tokenise_in_child(imdb_path, num_words, maxlen, progress, cancel)
    return load_imdb(imdb_path, num_words=num_words, maxlen=maxlen, progress=progress, cancel=cancel)


def _is_cached(imdb_path, num_words: int, maxlen: int) -> bool:
    """A cache hit is quick and light: try it here before starting a process."""
    try:
        return is_cached(imdb_path, num_words=num_words, maxlen=maxlen)
    except Exception:  # any doubt: let the child do the full load (it reports real errors)
        return False


def _tokenise_in_child(imdb_path, num_words: int, maxlen: int, progress: Progress | None,
                       cancel: threading.Event | None) -> None:
    # run as a module (not as a file): the child's sys.path then starts at the working folder, so
    # this package's module names (tokenize, imdb, ...) cannot shadow the standard library's
    cmd = [sys.executable, "-m", "rnnviz.data.load_child", os.fspath(imdb_path), str(num_words), str(maxlen)]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             env=_child_env())
    watcher = _kill_on_cancel(child, cancel)
    error = None
    try:
        for line in child.stdout:
            kind, _, rest = line.strip().partition(" ")
            if kind == "progress" and progress is not None:
                stage, done, total = rest.split()
                progress(stage, int(done), int(total))
            elif kind == "error":
                error = rest
        status = child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        watcher.set()
    if cancel is not None and cancel.is_set():
        raise LoadCancelled(translate("DataErrors", "loading IMDb was cancelled"))
    if status != 0:
        raise DatasetError(error or translate("DataErrors", "the loader process ended with status {0}").format(status))


def _kill_on_cancel(child: subprocess.Popen, cancel: threading.Event | None) -> threading.Event:
    """A small thread that kills the child as soon as `cancel` is set (the reader may be waiting for a line)."""
    done = threading.Event()
    if cancel is None:
        return done

    def watch():
        while not done.is_set():
            if cancel.wait(0.05):
                if child.poll() is None:
                    child.kill()
                return

    threading.Thread(target=watch, name="rnnviz-load-cancel", daemon=True).start()
    return done


def _child_env() -> dict[str, str]:
    """The child must import this very rnnviz (also when it runs from a source checkout, not installed),
    and speak this process's language (its messages reach the window)."""
    env = child_environment()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env
