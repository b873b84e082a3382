"""rnnviz.core sets OpenBLAS to one thread unless OPENBLAS_NUM_THREADS says otherwise."""
import json
import os
import subprocess
import sys

import pytest

# blas.py is loaded standalone first (not through the package, whose import limits the threads)
# to set 2 threads, as OpenBLAS' default of one per core would on a bigger machine
SCRIPT = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("blas_alone", sys.argv[1])
blas = importlib.util.module_from_spec(spec)
spec.loader.exec_module(blas)
blas.limit_blas_threads(2)
before = blas.blas_thread_counts()
import rnnviz.core
print(json.dumps([before, blas.blas_thread_counts()]))
"""


def run(env_threads):
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if env_threads is not None:
        env["OPENBLAS_NUM_THREADS"] = env_threads
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    blas_py = os.path.join(root, "rnnviz", "core", "blas.py")
    out = subprocess.run([sys.executable, "-c", SCRIPT, blas_py], env=env, capture_output=True,
                         text=True, check=True, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_import_limits_openblas_to_one_thread():
    before, after = run(None)
    if not before:
        pytest.skip("no OpenBLAS found in this process (another BLAS is in use)")
    assert set(before.values()) == {2}
    assert set(after.values()) == {1}


def test_explicit_environment_is_respected():
    before, after = run("2")
    if not before:
        pytest.skip("no OpenBLAS found in this process (another BLAS is in use)")
    assert set(after.values()) == {2}
