"""The float32 kernels' vectorisable tanh against numpy's, over the whole float32 range."""
import numpy as np
from numba import njit

from rnnviz.core.kernels import tanh_fast


@njit(cache=False)
def apply(x, out):
    for i in range(x.size):
        out[i] = tanh_fast(x[i])


def test_float32_tanh_accuracy_and_range():
    x = np.concatenate([np.linspace(-20, 20, 400_001), [0.0, 1e-30, -1e-30, 1e-8, 88.0, -88.0,
                                                        np.inf, -np.inf]]).astype(np.float32)
    out = np.empty_like(x)
    apply(x, out)
    ref = np.tanh(x.astype(np.float64))
    assert np.abs(out - ref).max() < 5e-7
    assert np.all(np.abs(out) <= 1.0)
    # monotone up to the approximation error (a dip of a few ulp near |x| = 6 is allowed)
    assert np.diff(out[:400_001]).min() > -1e-6
    small = x[(np.abs(x) > 0) & (np.abs(x) < 1e-3)]
    assert np.all(np.abs(out[np.isin(x, small)] / small - 1) < 1e-6)


def test_float64_tanh_is_exact():
    x = np.linspace(-10, 10, 10_001)
    out = np.empty_like(x)
    apply(x, out)
    # libm's tanh; numpy's own SIMD tanh may differ in the last bit
    np.testing.assert_allclose(out, np.tanh(x), rtol=1e-15, atol=0)
