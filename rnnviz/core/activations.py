"""Activation functions for the kernels, resolved per dtype at compile time.

float32 (training) uses a rational approximation of tanh that LLVM can vectorise: libm's tanhf is
a scalar call per element and would cost more than all the matrix products of a training step.
Its error is below 6 ulp (3.5e-7 absolute), far inside float32 training noise. float64 (traces,
tests against the reference) uses the exact libm tanh.
"""
from __future__ import annotations

import math

import numpy as np
from numba import types
from numba.extending import overload

# Odd numerator / even denominator coefficients of a [13/6] rational minimax fit of tanh on
# [-7.9, 7.9] (the fit used by Eigen's fast float tanh); beyond the clamp tanh is 1 in float32.
_CLAMP = 7.90531110763549805
_ALPHA = (4.89352455891786e-03, 6.37261928875436e-04, 1.48572235717979e-05,
          5.12229709037114e-08, -8.60467152213735e-11, 2.00018790482477e-13,
          -2.76076847742355e-16)
_BETA = (4.89352518554385e-03, 2.26843463243900e-03, 1.18534705686654e-04,
         1.19825839466702e-06)


def tanh_fast(x):
    """tanh(x) in x's precision; see the module docstring. Python fallback: math.tanh."""
    return math.tanh(x)


@overload(tanh_fast, inline="always")
def _tanh_fast_overload(x):
    if isinstance(x, types.Float) and x.bitwidth == 32:
        f = np.float32
        clamp = f(_CLAMP)
        a1, a3, a5, a7, a9, a11, a13 = (f(v) for v in _ALPHA)
        b0, b2, b4, b6 = (f(v) for v in _BETA)
        one = f(1.0)

        def impl(x):
            # selects, not min/max: numba's min/max carry NaN branches that block vectorisation
            x = clamp if x > clamp else x
            x = -clamp if x < -clamp else x
            x2 = x * x
            p = ((((((a13 * x2 + a11) * x2 + a9) * x2 + a7) * x2 + a5) * x2 + a3) * x2 + a1) * x
            q = ((b6 * x2 + b4) * x2 + b2) * x2 + b0
            y = p / q
            y = one if y > one else y
            return -one if y < -one else y
        return impl
    if isinstance(x, types.Float):
        return lambda x: math.tanh(x)
    return None
