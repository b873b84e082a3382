"""Shared test setup, done before anything imports Qt or reads a user folder.

- Qt draws offscreen, so the suite runs without a display.
- The user's folders (settings, saved models, the encoded-data cache) are redirected to a fresh
  temporary folder for the whole session, so tests never read or change a real user's files and
  see what a new user sees. Subprocesses (main.py smoke tests) inherit the same folders.
"""
import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_HOME = tempfile.mkdtemp(prefix="rnnviz-tests-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
for _var, _sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                   ("XDG_CACHE_HOME", "cache")):
    os.environ[_var] = os.path.join(_HOME, _sub)
os.environ.pop("RNNVIZ_CACHE_DIR", None)
