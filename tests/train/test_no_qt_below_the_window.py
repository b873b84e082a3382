"""The layers below the window (rnnviz.core, rnnviz.data, rnnviz.train) never import Qt or pyqtgraph.

Each package is checked in a fresh interpreter (this test process has Qt loaded already): every module
of the package is imported in turn, and the first one after which PySide6 or pyqtgraph shows up in
sys.modules is named, whether it imports Qt itself or through anything it imports.
"""
import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "pyqtgraph")

PROBE = """
import importlib, json, pkgutil, sys
forbidden = {forbidden!r}
package = importlib.import_module({package!r})
names = [package.__name__] + sorted(m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + "."))
for name in names:
    importlib.import_module(name)
    found = sorted(top for top in forbidden if top in sys.modules)
    if found:
        print(json.dumps({{"modules": names, "culprit": name, "found": found}}))
        break
else:
    print(json.dumps({{"modules": names, "culprit": None, "found": []}}))
"""


def probe(package: str) -> dict:
    """Import every module of `package` in a fresh interpreter; which one first loaded Qt (if any)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", PROBE.format(forbidden=FORBIDDEN, package=package)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("package", ["rnnviz.core", "rnnviz.data", "rnnviz.train"])
def test_no_module_imports_qt_or_pyqtgraph(package):
    result = probe(package)
    assert len(result["modules"]) > 3  # the walk found the package's modules, not just its __init__
    assert result["culprit"] is None, f"importing {result['culprit']} loaded {result['found']}"


def test_the_probe_sees_qt_where_it_is_imported():
    """The check can fail: the window's trainer panel does import Qt, and the probe names where."""
    result = probe("rnnviz.gui.training")
    assert result["culprit"] is not None and "PySide6" in result["found"]
