"""Keep the BLAS that the kernels call single-threaded.

The kernels call BLAS (through numba's np.dot, i.e. SciPy's OpenBLAS) for small per-step GEMMs
such as (128 x 32) @ (32 x 32). Threading those costs far more in synchronisation than it gains,
and OpenBLAS' waiting threads spin on the cores the GUI needs. Measured on the 2-core machine this
was written on, with OPENBLAS_NUM_THREADS=2 instead of 1: forward + BPTT of an IMDb batch 4.2 ->
10.4 ms (best; median 6.8 -> 50 ms, CPU time 5 -> 53 ms), make_trace at H=128 18 -> 138 ms.
OpenBLAS reads OPENBLAS_NUM_THREADS only when it loads, usually before rnnviz is imported (numpy
loads with pyqtgraph), so the count is set at run time with threadpoolctl. An explicit
OPENBLAS_NUM_THREADS in the environment is respected.
"""
from __future__ import annotations

import os

from threadpoolctl import threadpool_info, threadpool_limits


def blas_thread_counts() -> dict[str, int]:
    """Current thread count of each loaded BLAS library, by library path."""
    return {info["filepath"]: int(info["num_threads"])
            for info in threadpool_info() if info["user_api"] == "blas"}


def limit_blas_threads(n: int = 1) -> None:
    """Set every loaded BLAS (numpy's and SciPy's, the one numba calls) to ``n`` threads, for
    the rest of the process."""
    import scipy.linalg.cython_blas  # noqa: F401  (load the BLAS numba calls, to limit it too)

    threadpool_limits(limits=n, user_api="blas")


def limit_blas_threads_unless_configured() -> None:
    """limit_blas_threads(1), unless the user chose a count with OPENBLAS_NUM_THREADS."""
    if not os.environ.get("OPENBLAS_NUM_THREADS"):
        limit_blas_threads(1)
