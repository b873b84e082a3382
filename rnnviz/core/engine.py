"""The kernels two ways: compiled by numba, or the same source run as plain Python.

numba keeps each kernel's Python source (``dispatcher.py_func``). Run as Python, the kernels give
the same numbers (float64) without waiting for a compile: slow for training, but a trace of one
short sentence takes milliseconds, so the window can draw its first graph while the compiled
kernels are still being built (see ``rnnviz.core.warmup``).
"""
from __future__ import annotations

import types

from numba.core.dispatcher import Dispatcher

from . import head_kernels, kernels

_MODULES = (kernels, head_kernels)


def _compiled() -> types.SimpleNamespace:
    return types.SimpleNamespace(**{name: obj for module in _MODULES
                                    for name, obj in vars(module).items()
                                    if isinstance(obj, Dispatcher)})


def _python() -> types.SimpleNamespace:
    """Every kernel as a plain function. Each module's kernels get a copy of the module's globals
    in which the other kernels are plain functions too, so that a kernel calling another (bptt's
    norms call ``norm``) never triggers a compile."""
    out = {}
    for module in _MODULES:
        scope = dict(vars(module))
        for name, obj in vars(module).items():
            if isinstance(obj, Dispatcher):
                f = obj.py_func
                scope[name] = out[name] = types.FunctionType(f.__code__, scope, name,
                                                             f.__defaults__, f.__closure__)
    return types.SimpleNamespace(**out)


#: The kernels as numba dispatchers (compiled on first call for each dtype, or loaded from cache).
COMPILED = _compiled()
#: The same kernels as plain Python functions: identical source, no compile.
PYTHON = _python()
