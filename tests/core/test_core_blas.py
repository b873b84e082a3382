"""One BLAS thread is the entry points' choice (rnnviz.app.main), not a side effect of importing the
core; an explicit OPENBLAS_NUM_THREADS is respected."""
import json
import os
import subprocess
import sys

import pytest

# blas.py is loaded standalone first to set 2 threads, as OpenBLAS' default of one per core would on
# a bigger machine; then the core (kernels included) is imported, then the app's entry point runs
# (``train --help`` exits before any work)
SCRIPT = """
import contextlib, importlib.util, io, json, sys
spec = importlib.util.spec_from_file_location("blas_alone", sys.argv[1])
blas = importlib.util.module_from_spec(spec)
spec.loader.exec_module(blas)
blas.limit_blas_threads(2)
before = blas.blas_thread_counts()
import rnnviz.core.workspace
after_import = blas.blas_thread_counts()
from rnnviz.app import main
with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
    main(["train", "--help"])
print(json.dumps([before, after_import, blas.blas_thread_counts()]))
"""


def run(env_threads):
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if env_threads is not None:
        env["OPENBLAS_NUM_THREADS"] = env_threads
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    blas_py = os.path.join(root, "rnnviz", "core", "blas.py")
    out = subprocess.run([sys.executable, "-c", SCRIPT, blas_py], env=env, capture_output=True,
                         text=True, check=True, timeout=300)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_entry_point_limits_openblas_to_one_thread_and_the_import_does_not():
    before, after_import, after_main = run(None)
    if not before:
        pytest.skip("no OpenBLAS found in this process (another BLAS is in use)")
    assert set(before.values()) == {2}
    assert set(after_import.values()) == {2}
    assert set(after_main.values()) == {1}


def test_explicit_environment_is_respected():
    before, _, after_main = run("2")
    if not before:
        pytest.skip("no OpenBLAS found in this process (another BLAS is in use)")
    assert set(after_main.values()) == {2}
