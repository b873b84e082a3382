"""Which graph element is in which state after a given elementary step (numpy only, no Qt).

The trace's step list is forward t = 1..T, then the loss, then backward t = T..t0 (t0 > 1 under
truncated BPTT). For a step index i, every element's state is a pure function of i, computed for
all T steps at once as small integer arrays; the view compares them with what it shows and repaints
only the elements whose state changed, so a step costs a few numpy calls plus the changes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # the core imports numba; the graph only reads a Trace's arrays
    from rnnviz.core.trace_types import Trace

# state codes shared by the edges (U_t, W_t, V_t and o_t -> L)
IDLE, ACTIVE, DONE, GRAD, GRAD_CURRENT, CUT = range(6)
# state codes of value nodes (s_t, o_t)
BLANK, FILLED, FILLED_GRAD = range(3)


@dataclass(frozen=True)
class StepStates:
    """Display state of every element after one step; arrays are (T,), row i is t = i + 1."""

    index: int
    current_t: int          # the step's textbook t, 0 when nothing is computed yet
    kind: str               # "forward" | "loss" | "backward" | "" (before the first step)
    states: np.ndarray      # (T,) node state of s_t: BLANK / FILLED / FILLED_GRAD
    edges: np.ndarray       # (T,) state of U_t, W_t, V_t: IDLE / ACTIVE / DONE / GRAD / GRAD_CURRENT / CUT
    outputs: np.ndarray     # (T,) node state of o_t (gradient dL/do_t known once the loss is done)
    loss_edges: np.ndarray  # (T,) state of the o_t -> L edge
    loss: int               # IDLE before the loss step, ACTIVE at it, DONE after
    inputs: np.ndarray      # (T,) 1 where x_t is being read at this step, else 0


class StepSchedule:
    """Step indices of each t in a trace's step list, and the states they imply."""

    def __init__(self, trace: Trace):
        T = trace.T
        self.T = T
        self.n_steps = len(trace.steps)
        never = self.n_steps + 1  # an index no step reaches
        self.forward = np.full(T, never, dtype=np.int64)
        self.backward = np.full(T, never, dtype=np.int64)
        self.loss_index = never
        self._kinds = [st.kind for st in trace.steps]
        self._ts = [int(st.t) for st in trace.steps]
        for i, st in enumerate(trace.steps):
            if st.kind == "forward":
                self.forward[st.t - 1] = i
            elif st.kind == "backward":
                self.backward[st.t - 1] = i
            elif st.kind == "loss":
                self.loss_index = i
        self.in_window = self.backward < never  # steps the (possibly truncated) BPTT reaches

    def step_of(self, index: int) -> tuple[str, int]:
        """(kind, t) of step index, or ("", 0) for index -1."""
        if index < 0:
            return "", 0
        return self._kinds[index], self._ts[index]

    def states(self, index: int) -> StepStates:
        """States of all elements after step `index` (-1 = nothing computed yet)."""
        i = int(index)
        fwd, bwd = self.forward, self.backward
        nodes = (i >= fwd).astype(np.int8) + (i >= bwd).astype(np.int8)
        edges = np.where(i < fwd, IDLE, np.where(i == fwd, ACTIVE, DONE)).astype(np.int8)
        edges[i >= bwd] = GRAD
        edges[i == bwd] = GRAD_CURRENT
        after_loss = i > self.loss_index
        if i >= self.loss_index:
            edges[~self.in_window] = CUT
        outputs = (i >= fwd).astype(np.int8)
        if after_loss:
            outputs[(outputs > 0) & self.in_window] = FILLED_GRAD
        if i < self.loss_index:
            loss_edges = np.full(self.T, IDLE, dtype=np.int8)
            loss = IDLE
        elif i == self.loss_index:
            loss_edges = np.full(self.T, ACTIVE, dtype=np.int8)
            loss = ACTIVE
        else:
            loss_edges = np.where(self.in_window, GRAD, CUT).astype(np.int8)
            loss = DONE
        kind, t = self.step_of(i)
        inputs = (i == fwd).astype(np.int8)
        return StepStates(i, t, kind, nodes, edges, outputs, loss_edges, loss, inputs)
