"""Numba flags and the integer codes the kernels use, kept in one place.

The public wrappers translate names ("tanh", "binary") into these codes and validate every array;
the private kernels trust what they are given. Passing the activation as an int (instead of one
specialisation per activation) keeps the number of compiled variants, and the compile time, low:
each kernel compiles once for float32 and once for float64 (bptt also once without the per-step
norms, for the benchmark). ``rnnviz.core.warmup`` compiles them in the background at start-up.
"""
from __future__ import annotations

from .spec import ACTIVATIONS, HEADS

# fastmath without "nnan"/"ninf": overflow to inf (exploding gradients with relu/linear) must stay
# visible, while reassociation and contraction let LLVM vectorise the small loops.
FASTMATH = {"reassoc", "contract", "arcp", "nsz"}

# Every kernel is compiled with these options: no GIL (the trainer runs in a worker thread) and
# cached on disk so that a later launch loads instead of recompiling.
# error_model="numpy": division by zero gives inf/nan instead of raising, which removes the
# per-division check that otherwise blocks vectorisation of every loop with a "/".
JIT_OPTIONS = {"nogil": True, "cache": True, "fastmath": FASTMATH, "error_model": "numpy"}

ACT_TANH, ACT_RELU, ACT_LINEAR = 0, 1, 2
ACTIVATION_CODES = {name: code for code, name in enumerate(ACTIVATIONS)}

HEAD_BINARY, HEAD_SOFTMAX = 0, 1
HEAD_CODES = {name: code for code, name in enumerate(HEADS)}
