"""Optimizers with Keras' update rules and defaults, in place, and global-norm clipping.

Each update is one compiled loop per parameter array over preallocated state: no allocation per
step. The embedding table is updated densely, as Keras and PyTorch do by default.

Keras rules (g the gradient, p the parameter):
  SGD      m = momentum * m - lr * g;  p += m           (momentum 0: p -= lr * g)   lr 0.01
  RMSprop  v = rho * v + (1 - rho) g^2;  p -= lr * g / sqrt(v + eps)              lr 1e-3 rho 0.9
  Adam     m += (1 - b1)(g - m);  v += (1 - b2)(g^2 - v);  at step n (1-based):
           alpha = lr * sqrt(1 - b2^n) / (1 - b1^n);  p -= alpha * m / (sqrt(v) + eps)   lr 1e-3
  eps = 1e-7 in both.
"""
from __future__ import annotations

import math
import types

import numpy as np
from numba import njit

from . import engine, warmup
from .config import JIT_OPTIONS
from .gated_params import checked_param_keys


@njit(**JIT_OPTIONS)
def _sgd_kernel(p, g, m, lr, momentum):
    if momentum == 0.0:
        for i in range(p.size):
            p[i] -= lr * g[i]
    else:
        for i in range(p.size):
            m[i] = momentum * m[i] - lr * g[i]
            p[i] += m[i]


@njit(**JIT_OPTIONS)
def _rmsprop_kernel(p, g, v, lr, rho, eps):
    for i in range(p.size):
        gi = g[i]
        v[i] = rho * v[i] + (1.0 - rho) * gi * gi
        p[i] -= lr * gi / math.sqrt(v[i] + eps)


@njit(**JIT_OPTIONS)
def _adam_kernel(p, g, m, v, alpha, beta1, beta2, eps):
    for i in range(p.size):
        gi = g[i]
        m[i] += (gi - m[i]) * (1.0 - beta1)
        v[i] += (gi * gi - v[i]) * (1.0 - beta2)
        p[i] -= alpha * m[i] / (math.sqrt(v[i]) + eps)


@njit(**JIT_OPTIONS)
def _scale(a, f):
    for i in range(a.size):
        a[i] *= f


def _hyperparameter(name: str, value, low: float, low_open: bool = False,
                    below: float | None = None) -> float:
    """``value`` as a float after checking it is finite and >= low (> low when ``low_open``), and
    < ``below`` when given; a ValueError that names it otherwise."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    ok = math.isfinite(v) and (v > low if low_open else v >= low) and (below is None or v < below)
    if not ok:
        rng = f"{'>' if low_open else '>='} {low:g}"
        rng += "" if below is None else f" and < {below:g}"
        raise ValueError(f"{name} must be a finite number {rng}, got {value!r}")
    return v


def _flat(a: np.ndarray) -> np.ndarray:
    if not a.flags.c_contiguous:
        raise ValueError("gradient and parameter arrays must be C-contiguous")
    return a.reshape(-1)


def global_norm(grads: dict) -> float:
    """sqrt of the sum of squares of every gradient array: the norm of the arrays' norms, each by
    the kernels' one norm helper (float64, safe from overflow and underflow)."""
    arrays = [_flat(np.asarray(g)) for g in grads.values()]
    norm = _kernels_for(arrays[0].dtype if arrays else np.float64).norm
    return float(norm(np.array([norm(a) for a in arrays])))


def _kernels_for(dtype) -> types.SimpleNamespace:
    """The compiled kernels, or their Python source for float64 while a warm-up still compiles the
    trace's kernels (the explorer's clip report on the window's thread must not wait for numba;
    training, in float32 on a worker thread, waits for its compile)."""
    python = dtype == np.float64 and not warmup.ready("trace")
    return engine.PYTHON if python else engine.COMPILED


def clip_by_global_norm(grads: dict, max_norm: float | None) -> float:
    """Return the global norm BEFORE clipping; when max_norm is given and the norm exceeds it,
    scale every gradient in place by max_norm / norm (as tf.clip_by_global_norm)."""
    norm = global_norm(grads)
    if max_norm is not None:
        if not max_norm > 0:
            raise ValueError(f"max_norm must be > 0 or None, got {max_norm!r}")
        if norm > max_norm and math.isfinite(norm):
            f = max_norm / norm
            for g in grads.values():
                python = g.dtype == np.float64 and not warmup.ready("trace")
                scale = _scale.py_func if python else _scale
                scale(_flat(g), g.dtype.type(f))
    return norm


def _param_keys(params: dict) -> tuple[str, ...]:
    """The checked parameter names: the RNN's, or the ordinary network's (no W, rnnviz.core.bag)."""
    if isinstance(params, dict) and "W" not in params:
        from .bag import BAG_PARAM_KEYS, check_bag_params
        check_bag_params(params)
        return BAG_PARAM_KEYS
    # every cell's parameters (RNN, LSTM, GRU) are updated alike, key by key
    return checked_param_keys(params)


class Optimizer:
    """Base: holds the params (updated in place) and one state array set per parameter."""

    name = ""
    slots: tuple[str, ...] = ()
    default_lr = 1e-3

    def __init__(self, params: dict, lr: float | None = None):
        self.keys = _param_keys(params)
        self.params = params
        self.lr = self.default_lr if lr is None else lr
        self.iterations = 0
        self._flat_params = {k: _flat(params[k]) for k in self.keys}
        self.slot_arrays = {s: {k: np.zeros_like(self._flat_params[k]) for k in self.keys}
                            for s in self.slots}

    @property
    def lr(self) -> float:
        """The learning rate: a finite number > 0 (a schedule may change it between steps)."""
        return self._lr

    @lr.setter
    def lr(self, value) -> None:
        self._lr = _hyperparameter("lr", value, low=0.0, low_open=True)

    def step(self, grads: dict) -> None:
        """Apply one update with ``grads`` (dict like params, same dtype and shapes)."""
        for k in self.keys:
            g = grads[k]
            if g.shape != self.params[k].shape or g.dtype != self.params[k].dtype:
                raise ValueError(f"grads[{k!r}] is {g.dtype} {g.shape}, params[{k!r}] is "
                                 f"{self.params[k].dtype} {self.params[k].shape}")
        self.iterations += 1
        for k in self.keys:
            self._update(k, self._flat_params[k], _flat(grads[k]))

    def _update(self, key, p, g):
        raise NotImplementedError

    def state(self) -> dict[str, np.ndarray]:
        """Copies of the optimizer state as flat-named arrays (for np.savez checkpoints)."""
        out = {"iterations": np.array(self.iterations), "lr": np.array(self.lr)}
        for s, arrs in self.slot_arrays.items():
            for k, a in arrs.items():
                out[f"{s}/{k}"] = a.copy()
        return out

    def load(self, state: dict) -> None:
        """Restore a ``state()`` dict (shapes must match)."""
        for s, arrs in self.slot_arrays.items():
            for k, a in arrs.items():
                src = np.asarray(state[f"{s}/{k}"])
                if src.shape != a.shape:
                    raise ValueError(f"optimizer state {s}/{k} has shape {src.shape}, "
                                     f"expected {a.shape}")
                a[...] = src
        self.iterations = int(state["iterations"])
        self.lr = float(state["lr"])


class SGD(Optimizer):
    name = "sgd"
    slots = ("momentum",)
    default_lr = 0.01

    def __init__(self, params, lr=None, momentum: float = 0.0):
        self.momentum = _hyperparameter("momentum", momentum, low=0.0)
        super().__init__(params, lr)

    def _update(self, key, p, g):
        t = p.dtype.type
        _sgd_kernel(p, g, self.slot_arrays["momentum"][key], t(self.lr), t(self.momentum))


class RMSprop(Optimizer):
    name = "rmsprop"
    slots = ("velocity",)

    def __init__(self, params, lr=None, rho: float = 0.9, epsilon: float = 1e-7):
        self.rho = _hyperparameter("rho", rho, low=0.0, below=1.0)
        self.epsilon = _hyperparameter("epsilon", epsilon, low=0.0, low_open=True)
        super().__init__(params, lr)

    def _update(self, key, p, g):
        t = p.dtype.type
        _rmsprop_kernel(p, g, self.slot_arrays["velocity"][key], t(self.lr), t(self.rho),
                        t(self.epsilon))


class Adam(Optimizer):
    name = "adam"
    slots = ("m", "v")

    def __init__(self, params, lr=None, beta_1: float = 0.9, beta_2: float = 0.999,
                 epsilon: float = 1e-7):
        self.beta_1 = _hyperparameter("beta_1", beta_1, low=0.0, below=1.0)
        self.beta_2 = _hyperparameter("beta_2", beta_2, low=0.0, below=1.0)
        self.epsilon = _hyperparameter("epsilon", epsilon, low=0.0, low_open=True)
        super().__init__(params, lr)

    def _update(self, key, p, g):
        t = p.dtype.type
        n = self.iterations
        alpha = self.lr * math.sqrt(1.0 - self.beta_2 ** n) / (1.0 - self.beta_1 ** n)
        _adam_kernel(p, g, self.slot_arrays["m"][key], self.slot_arrays["v"][key], t(alpha),
                     t(self.beta_1), t(self.beta_2), t(self.epsilon))


OPTIMIZERS = {"sgd": SGD, "rmsprop": RMSprop, "adam": Adam}


def make_optimizer(name: str, params: dict, lr: float | None = None, **kw) -> Optimizer:
    """"sgd" (momentum=0.0), "rmsprop" (rho=0.9, epsilon=1e-7) or "adam" (beta_1=0.9,
    beta_2=0.999, epsilon=1e-7) with Keras' defaults; lr None means the Keras default."""
    try:
        cls = OPTIMIZERS[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown optimizer {name!r}; expected one of "
                         f"{sorted(OPTIMIZERS)}") from None
    return cls(params, lr, **kw)
