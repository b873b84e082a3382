"""The sdist and the wheel as a user gets them: built from the clone (the wheel from the sdist), the
wheel installed into a fresh virtual environment outside the clone, and run from another folder.

Takes a few minutes (a fresh install of the dependencies and two cold numba compiles), so it runs
only when RNNVIZ_INSTALL_TEST=1, as .ci/run sets it. By hand:

    RNNVIZ_INSTALL_TEST=1 .venv/bin/python -m pytest tests/install -v -s

The start-up times are printed (compare them side by side, as ratios); no test asserts a time.
"""
from __future__ import annotations

import email.parser
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import pytest

import rnnviz

from install_smoke import (Install, check_desktop_entry, check_read_only, check_resources, check_version,
                           check_writable, first_trace_seconds, read_only)

ROOT = Path(__file__).resolve().parents[2]
ENABLE = "RNNVIZ_INSTALL_TEST"
pytestmark = [pytest.mark.slow, pytest.mark.install,
              pytest.mark.skipif(os.environ.get(ENABLE) != "1",
                                 reason=f"builds and installs the wheel in a fresh venv (minutes): set {ENABLE}=1")]
ALTERNATIONS = 3


def shipped_resources() -> set[str]:
    """Every file under resources/, '/'-separated relative to it (Python caches aside)."""
    folder = ROOT / "resources"
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def report(capsys, **figures) -> None:
    with capsys.disabled():
        print("\n" + json.dumps(figures), flush=True)


@pytest.fixture(scope="module")
def dists(tmp_path_factory):
    """(sdist, wheel) built with `python -m build`: the sdist from the clone, the wheel from the sdist."""
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    log = proc.stdout + proc.stderr
    # The licence table and a package left out of the list each make setuptools warn on every build.
    assert "deprecat" not in log.lower() and "absent from the `packages`" not in log, log[-5000:]
    (sdist,) = out.glob("rnnviz-*.tar.gz")
    (wheel,) = out.glob("rnnviz-*.whl")
    return sdist, wheel


@pytest.fixture(scope="module")
def installed(dists):
    """A fresh venv outside the clone with the wheel installed (and its dependencies from the index)."""
    base = Path(tempfile.mkdtemp(prefix="rnnviz-install-"))
    try:
        venv = base / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
        proc = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", str(dists[1])],
                              capture_output=True, text=True, timeout=1800)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        yield Install(venv, base / "home")
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_wheel_holds_every_resource_the_license_and_the_metadata(dists):
    with zipfile.ZipFile(dists[1]) as wheel:
        names = set(wheel.namelist())
        metadata_file = f"rnnviz-{rnnviz.__version__}.dist-info/METADATA"
        metadata = email.parser.Parser().parsestr(wheel.read(metadata_file).decode())
    packaged = {n.removeprefix("rnnviz/resources/") for n in names if n.startswith("rnnviz/resources/")}
    assert packaged == shipped_resources()
    assert f"rnnviz-{rnnviz.__version__}.dist-info/licenses/LICENSE" in names
    assert metadata["Version"] == rnnviz.__version__
    assert metadata["License-Expression"] == "MIT" and metadata["License-File"] == "LICENSE"
    assert metadata["License"] is None  # the deprecated free-text field is gone
    assert "Intended Audience :: Education" in metadata.get_all("Classifier")
    assert metadata["Requires-Python"] == ">=3.11"


def test_sdist_holds_every_resource_and_the_license(dists):
    with tarfile.open(dists[0]) as sdist:
        files = {m.name for m in sdist.getmembers() if m.isfile()}
    top = f"rnnviz-{rnnviz.__version__}"
    resources = f"{top}/resources/"
    assert {n.removeprefix(resources) for n in files if n.startswith(resources)} == shipped_resources()
    assert {f"{top}/LICENSE", f"{top}/README.md", f"{top}/pyproject.toml"} <= files


def test_installed_wheel_runs_from_another_folder(installed, capsys):
    version = check_version(installed)
    probe = check_resources(installed)
    check_desktop_entry(installed)
    report(capsys, version=version, examples=len(probe["examples"]), help_pages=sorted(probe["help"]),
           resources=probe["resources"])


def test_read_only_install_caches_kernels_in_the_user_cache(installed, capsys):
    """Runs before any writable start (file order), so the package holds no numba cache yet."""
    report(capsys, **check_read_only(installed))


def test_second_start_read_only_vs_writable_vs_checkout(installed, capsys):
    """Side by side: warm starts of the read-only install (user cache), of the same install writable
    (numba's cache beside the kernels) and of the clone (`python main.py`), alternated so that load
    on the machine hits all three. Prints medians and ratios; asserts no time."""
    figures = check_writable(installed)
    checkout = [sys.executable, str(ROOT / "main.py")]
    first_trace_seconds(installed, command=checkout)  # compiles into the clone's cache if it is cold
    times = {"read_only": [], "writable": [], "checkout": []}
    for _ in range(ALTERNATIONS):
        with read_only(installed.package_dir()) as prefix:
            times["read_only"].append(first_trace_seconds(installed, prefix))
        times["writable"].append(first_trace_seconds(installed))
        times["checkout"].append(first_trace_seconds(installed, command=checkout))
    medians = {name: statistics.median(values) for name, values in times.items()}
    figures.update({f"{name}_warm_median_s": round(m, 2) for name, m in medians.items()},
                   read_only_over_checkout=round(medians["read_only"] / medians["checkout"], 2),
                   read_only_over_writable=round(medians["read_only"] / medians["writable"], 2),
                   runs_each=ALTERNATIONS)
    report(capsys, **figures)
