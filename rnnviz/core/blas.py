"""Keep the BLAS that the kernels call single-threaded.

The kernels call BLAS (through numba's np.dot, i.e. SciPy's OpenBLAS) for small per-step GEMMs
such as (128 x 32) @ (32 x 32). Threading those costs far more in synchronisation than it gains,
and OpenBLAS' waiting threads spin on the cores the GUI needs. Measured on the 2-core machine this
was written on, with OPENBLAS_NUM_THREADS=2 instead of 1: forward + BPTT of an IMDb batch 4.2 ->
10.4 ms (best; median 6.8 -> 50 ms, CPU time 5 -> 53 ms), make_trace at H=128 18 -> 138 ms.
OpenBLAS' default is one thread per core. OpenBLAS reads
OPENBLAS_NUM_THREADS only when it loads, usually before rnnviz is imported (numpy loads with
pyqtgraph), so the thread count is set at run time through the library's own setter, which is what
threadpoolctl does. An explicit OPENBLAS_NUM_THREADS in the environment is respected.
"""
from __future__ import annotations

import ctypes
import glob
import os
import sys

# setter symbols of the BLAS builds numpy and SciPy wheels bundle (scipy-openblas prefixes its
# symbols; 64-bit-integer builds add a suffix), plus plain OpenBLAS from a system install
_SETTERS = ("scipy_openblas_set_num_threads", "scipy_openblas_set_num_threads64_",
            "openblas_set_num_threads", "openblas_set_num_threads64_")
_GETTERS = ("scipy_openblas_get_num_threads", "scipy_openblas_get_num_threads64_",
            "openblas_get_num_threads", "openblas_get_num_threads64_")


def _loaded_openblas_paths() -> list[str]:
    """Paths of the OpenBLAS libraries mapped into this process (Linux), or found next to the
    numpy and SciPy packages (other systems)."""
    paths: list[str] = []
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                path = line.rsplit(" ", 1)[-1].strip()
                if "openblas" in os.path.basename(path).lower() and path not in paths:
                    paths.append(path)
    except OSError:
        for mod in ("numpy", "scipy"):
            pkg = sys.modules.get(mod)
            if pkg is None or not getattr(pkg, "__file__", None):
                continue
            root = os.path.dirname(os.path.dirname(pkg.__file__))
            for pattern in (f"{mod}.libs/*openblas*", f"{mod}/.dylibs/*openblas*"):
                paths += glob.glob(os.path.join(root, pattern))
    return paths


def _call_first(lib, names, *args):
    for name in names:
        fn = getattr(lib, name, None)
        if fn is not None:
            return fn(*args)
    return None


def blas_thread_counts() -> dict[str, int]:
    """Current thread count of each loaded OpenBLAS, by library path."""
    counts = {}
    for path in _loaded_openblas_paths():
        try:
            n = _call_first(ctypes.CDLL(path), _GETTERS)
        except OSError:
            continue
        if n is not None:
            counts[path] = int(n)
    return counts


def limit_blas_threads(n: int = 1) -> list[str]:
    """Set every loaded OpenBLAS (numpy's and SciPy's, the one numba calls) to ``n`` threads.
    Returns the libraries changed; an empty list when none was found (nothing else happens)."""
    import scipy.linalg.cython_blas  # noqa: F401  (load the BLAS numba calls, to limit it too)

    changed = []
    for path in _loaded_openblas_paths():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        if _call_first(lib, _SETTERS, ctypes.c_int(n)) is not None or any(
                hasattr(lib, s) for s in _SETTERS):
            changed.append(path)
    return changed


def limit_blas_threads_unless_configured() -> list[str]:
    """limit_blas_threads(1), unless the user chose a count with OPENBLAS_NUM_THREADS."""
    if os.environ.get("OPENBLAS_NUM_THREADS"):
        return []
    return limit_blas_threads(1)
