"""The one number format of the window (no Qt): graph, BPTT panel, plots and status bar all print here.

The rule: a number whose magnitude is in ``FIXED_RANGE`` (or is 0) is printed with a fixed number
of decimals (4 by default: 0.0035), anything else in scientific notation with the same number of
significant digits (3.200e-07). A learner who reads y_hat = 0.0035 in the header therefore reads
0.0035 in the graph and in the panel too, never 0.004 in one place and 0.0035 in another.

Blocks (a vector and the rows next to it) are printed in one notation and one width, so that
their entries line up and can be compared by eye (``format_block``).
"""
from __future__ import annotations

import math

import numpy as np

#: Nonzero magnitudes printed in fixed notation; one entry of a block outside it makes the whole
#: block scientific, so that every entry has one format and one width.
FIXED_RANGE = (1e-3, 1e4)
#: Decimals of the fixed notation (and the digits after the point in scientific notation).
DECIMALS = 4


def format_number(x: float, decimals: int = DECIMALS) -> str:
    """One number: ``decimals`` decimals in FIXED_RANGE (or 0), scientific with as many digits outside.

    decimals < 4 is for places with little room (the values inside the graph's state cells); the
    notation switches at the same magnitudes, so 0.0035 reads 0.00 there, and 3.2e-07 reads 3.2e-07.
    """
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0.0 or FIXED_RANGE[0] <= abs(x) < FIXED_RANGE[1]:
        return f"{x:.{decimals}f}"
    return f"{x:.{max(decimals - 1, 0)}e}"


def format_block(values, signed: bool = True) -> list[str]:
    """Every value of a block (any shape, flattened) in one notation, right-aligned to one width.

    Fixed with 4 decimals when every nonzero finite magnitude is in ``FIXED_RANGE``, otherwise
    scientific with 4 significant digits, an explicit sign and the exponents padded to one length
    (``+7.971e-04``). Padding is spaces outside the number, so a copied entry is the value to the
    shown precision. signed=False drops the '+' of scientific notation (norms, which are >= 0).
    """
    flat = [float(x) for x in np.ravel(np.asarray(values, dtype=np.float64))]
    shown = np.abs(np.array([x for x in flat if math.isfinite(x) and x != 0.0]))
    fixed = shown.size == 0 or (shown.min() >= FIXED_RANGE[0] and shown.max() < FIXED_RANGE[1])
    texts = [format_number(x) for x in flat] if fixed else _scientific(flat)
    if not signed:
        texts = [t.removeprefix("+") for t in texts]
    width = max((len(t) for t in texts), default=0)
    return [t.rjust(width) for t in texts]


def _scientific(values: list[float]) -> list[str]:
    """+d.ddde±XX with one exponent length for all (3 digits once one needs it, as 1e-200 does)."""
    parts = [f"{x:+.{DECIMALS - 1}e}".split("e") if math.isfinite(x) else None for x in values]
    digits = max([len(str(abs(int(p[1])))) for p in parts if p] + [2])
    return [f"{p[0]}e{'-' if int(p[1]) < 0 else '+'}{abs(int(p[1])):0{digits}d}" if p
            else ("+inf" if x > 0 else "-inf" if x < 0 else "nan") for p, x in zip(parts, values)]


def norm(v) -> float:
    """Euclidean (Frobenius for matrices) norm; inf when the entries overflowed.

    Scaled by the largest entry first, so that a vanished gradient of size 1e-200 shows its norm
    instead of underflowing to 0 when squared.
    """
    v = np.abs(np.asarray(v, dtype=np.float64))
    largest = float(v.max()) if v.size else 0.0
    if largest == 0.0 or not np.isfinite(largest):
        return largest
    return largest * float(np.sqrt(np.sum(np.square(v / largest))))


def format_vector(v, first: int = 4) -> str:
    """'[0.1230, -0.4560, …]   ‖·‖ = 0.7890': the first entries of a 1-D vector (one block) and its norm."""
    v = np.asarray(v, dtype=np.float64).ravel()
    head = ", ".join(text.strip() for text in format_block(v[:first]))
    more = ", …" if v.size > first else ""
    return f"[{head}{more}]   ‖·‖ = {format_number(norm(v))}"


def row_norms(rows) -> np.ndarray:
    """(T,) the ``norm`` of each row of a (T, ...) array: what the panel prints as ‖·‖ for step t.

    The plots use these rather than a plain sqrt(sum of squares), which overflows to inf for entries
    above ~1e154 and underflows to 0 below ~1e-154, where the panel still prints the true norm.
    """
    a = np.abs(np.asarray(rows, dtype=np.float64)).reshape(len(rows), -1)
    if a.shape[1] == 0:
        return np.zeros(a.shape[0])
    with np.errstate(invalid="ignore"):
        largest = a.max(axis=1)
        ok = (largest > 0) & np.isfinite(largest)
        scale = np.where(ok, largest, 1.0)
        scaled = np.sqrt(np.sum(np.square(a / scale[:, None]), axis=1))
    return np.where(ok, largest * scaled, largest)
