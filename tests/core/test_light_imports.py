"""Importing the light modules loads no numba (and no Qt below the window), checked at run time in
fresh interpreters; the kernel-backed names of rnnviz.core still import on first use."""
import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(m for m in ("numba", "PySide6", "pyqtgraph") if m in sys.modules)))
"""


def loaded_after_import(module: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", PROBE, module], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", ["rnnviz", "rnnviz.core", "rnnviz.core.spec", "rnnviz.data",
                                    "rnnviz.explorer", "rnnviz.train.config", "rnnviz.train"])
def test_light_module_loads_no_numba_and_no_qt(module):
    assert loaded_after_import(module) == []


def test_the_probe_sees_numba_where_it_is_imported():
    assert loaded_after_import("rnnviz.core.workspace") == ["numba"]


def test_kernel_backed_names_import_on_first_use():
    import rnnviz.core as core
    from rnnviz.core import make_trace
    from rnnviz.core.trace import make_trace as defined

    assert make_trace is defined
    assert set(core.__all__) <= set(dir(core))
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        core.not_a_name  # noqa: B018
