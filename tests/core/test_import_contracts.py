"""The import rules of pyproject.toml's [tool.importlinter] hold: data/core -> train -> explorer -> gui,
no Qt or pyqtgraph below the window, no numba behind the light modules. The contracts can fail: each
is also checked against a copy of the package with one offending import added."""
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def lint_imports(root: pathlib.Path) -> subprocess.CompletedProcess:
    """Run lint-imports on the rnnviz package found under `root`, with the project's contracts."""
    code = ("import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True, no_logo=True))")
    return subprocess.run([sys.executable, "-c", code, str(ROOT / "pyproject.toml")], cwd=root,
                          env={"PYTHONPATH": str(root), "PATH": ""}, capture_output=True,
                          text=True, timeout=300)


def test_the_project_keeps_its_import_contracts():
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize("module, line, contract", [
    ("explorer/tokens.py", "import PySide6", "Nothing below the window imports Qt or pyqtgraph"),
    ("train/metrics.py", "import rnnviz.explorer", "Data flows one way"),
    ("explorer/tokens.py", "from rnnviz.core.trace import make_trace",
     "The data layer and the explorer load no numba"),
    ("core/__init__.py", "from .workspace import BatchWorkspace", "The package roots"),
])
def test_a_broken_rule_is_reported(tmp_path, module, line, contract):
    shutil.copytree(ROOT / "rnnviz", tmp_path / "rnnviz",
                    ignore=shutil.ignore_patterns("__pycache__"))
    path = tmp_path / "rnnviz" / module
    path.write_text(path.read_text() + f"\n{line}\n")
    done = lint_imports(tmp_path)
    assert done.returncode != 0
    report = " ".join(done.stdout.split())  # lint-imports wraps long contract names
    assert "Broken contracts" in report
    assert contract in report.split("Broken contracts", 1)[1]
