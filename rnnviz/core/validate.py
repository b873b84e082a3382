"""Input checks of the public wrappers: clear ValueErrors before anything reaches a kernel."""
from __future__ import annotations

import numbers
from collections import Counter

import numpy as np

from .config import ACTIVATION_CODES, HEAD_CODES
from .spec import PARAM_KEYS, param_shapes


def _hidden_size(U, W, b, V) -> int:
    """The hidden size H that most of U (H, Ed), W (H, H), b (H,), V (K, H) say, so that a
    message names the one array that does not fit rather than blaming a good one."""
    votes = [a.shape[axis] for a, axis in ((U, 0), (W, 0), (W, 1), (b, 0), (V, 1))
             if a.ndim > axis]
    return Counter(votes).most_common(1)[0][0] if votes else 0


def activation_code(activation: str) -> int:
    """The kernels' int code of an activation name ("tanh", "relu", "linear")."""
    try:
        return ACTIVATION_CODES[activation]
    except (KeyError, TypeError):
        raise ValueError(f"unknown activation {activation!r}; expected one of "
                         f"{sorted(ACTIVATION_CODES)}") from None


def head_code(head: str) -> int:
    """The int code of a head name ("binary", "softmax")."""
    try:
        return HEAD_CODES[head]
    except (KeyError, TypeError):
        raise ValueError(f"unknown head {head!r}; expected one of {sorted(HEAD_CODES)}") from None


def check_params(params) -> tuple[int, int, int, int, np.dtype]:
    """Check the parameter dict; return (V, Ed, H, K, dtype).

    E (V, Ed), U (H, Ed), W (H, H), b (H,), V (K, H), c (K,); one float dtype (float32 or
    float64) for all; C-contiguous, because optimizers and kernels update them in place.
    """
    if not isinstance(params, dict):
        raise ValueError(f"params must be a dict with keys {PARAM_KEYS}, "
                         f"got {type(params).__name__}")
    missing = [k for k in PARAM_KEYS if k not in params]
    if missing:
        raise ValueError(f"params is missing {missing}; expected keys {PARAM_KEYS}")
    dtype = check_arrays(params, PARAM_KEYS)
    E, U, W, b, V, c = (params[k] for k in PARAM_KEYS)
    if E.ndim != 2:
        raise ValueError(f"E must be (vocab_size, embed_dim), got shape {E.shape}")
    if V.ndim != 2:
        raise ValueError(f"V must be (output_dim, hidden_dim), got shape {V.shape}")
    nv, ne = E.shape
    k_out = V.shape[0]
    h = _hidden_size(U, W, b, V)
    expected = param_shapes(nv, ne, h, k_out)
    wrong = [k for k in PARAM_KEYS if params[k].shape != expected[k]]
    if wrong:
        what = "; ".join(f"params[{k!r}] has shape {params[k].shape}, expected {expected[k]}"
                         for k in wrong)
        raise ValueError(f"{what} (vocab {nv} and embedding {ne} from E, hidden size {h} as most "
                         f"of U, W, b, V say, {k_out} outputs from V)")
    if min(nv, ne, h, k_out) < 1:
        raise ValueError(f"parameter sizes must be >= 1: V={nv} E={ne} H={h} K={k_out}")
    return nv, ne, h, k_out, dtype


def check_head_output(head: str, k_out: int) -> int:
    """The head code, after checking the output size fits the head."""
    code = head_code(head)
    if head == "binary" and k_out != 1:
        raise ValueError(f"the binary head needs output_dim 1, but V has {k_out} rows")
    if head == "softmax" and k_out < 2:
        raise ValueError("the softmax head needs output_dim >= 2 classes")
    return code


def check_tokens(tokens, vocab_size: int, ndim: int = 2) -> np.ndarray:
    """Integer token ids of shape (B, T) (ndim 2) or (T,) (ndim 1), all in [0, vocab_size)."""
    if not isinstance(tokens, np.ndarray):
        tokens = np.asarray(tokens)
    if tokens.dtype.kind not in "iu":
        raise ValueError(f"tokens must be an integer array, got dtype {tokens.dtype}")
    if tokens.ndim != ndim:
        want = "(B, T)" if ndim == 2 else "(T,)"
        raise ValueError(f"tokens must have shape {want}, got {tokens.shape}")
    if tokens.size == 0:
        raise ValueError(f"tokens is empty (shape {tokens.shape}); need at least one step")
    lo, hi = int(tokens.min()), int(tokens.max())
    if lo < 0 or hi >= vocab_size:
        raise ValueError(f"token ids must be in [0, {vocab_size}) (the embedding's vocab_size), "
                         f"got min {lo}, max {hi}")
    return tokens


def check_labels(labels, head: str, batch: int, seq_len: int, k_out: int) -> np.ndarray:
    """binary: (B,) of 0/1; softmax: (B, T) integer targets in [0, K)."""
    labels = np.asarray(labels)
    if head == "binary":
        if labels.shape != (batch,):
            raise ValueError(f"binary labels must have shape ({batch},), got {labels.shape}")
        if labels.dtype.kind not in "iubf":
            raise ValueError(f"labels must be numeric 0/1, got dtype {labels.dtype}")
        if not np.all((labels == 0) | (labels == 1)):
            raise ValueError("binary labels must be 0 or 1")
    else:
        if labels.shape != (batch, seq_len):
            raise ValueError(f"softmax targets must have shape ({batch}, {seq_len}), "
                             f"got {labels.shape}")
        if labels.dtype.kind not in "iu":
            raise ValueError(f"softmax targets must be integers, got dtype {labels.dtype}")
        lo, hi = int(labels.min()), int(labels.max())
        if lo < 0 or hi >= k_out:
            raise ValueError(f"softmax targets must be in [0, {k_out}), got min {lo}, max {hi}")
    return labels


def window_start(truncate, seq_len: int) -> int:
    """0-based first step of the BPTT window: T - k for truncation k, 0 for full BPTT."""
    if truncate is None:
        return 0
    if isinstance(truncate, bool) or not isinstance(truncate, numbers.Integral) or truncate < 1:
        raise ValueError(f"truncate must be None or an integer >= 1, got {truncate!r}")
    return max(0, seq_len - int(truncate))


def check_arrays(params: dict, keys) -> np.dtype:
    """Every params[k] for k in keys is a C-contiguous numpy array (updated in place) of one float
    dtype, E's (float32 or float64), which is returned; ValueError naming the array otherwise.
    Shared by every cell's parameter check."""
    for k in keys:
        a = params[k]
        if not isinstance(a, np.ndarray):
            raise ValueError(f"params[{k!r}] must be a numpy array, got {type(a).__name__}")
        if not a.flags.c_contiguous:
            raise ValueError(f"params[{k!r}] must be C-contiguous (updated in place)")
    dtype = params["E"].dtype
    if dtype not in (np.float32, np.float64):
        raise ValueError(f"params must be float32 or float64, got {dtype}")
    for k in keys:
        if params[k].dtype != dtype:
            raise ValueError(f"params[{k!r}] is {params[k].dtype} but E is {dtype}; "
                             "all parameters must share one dtype")
    return dtype
