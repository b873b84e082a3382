"""make_gated_trace: the float64 record of one sequence through an LSTM or GRU.

The training kernels run on a batch of one in float64 (the same code that trains in float32); the
per-step extras only a learner needs (pre-activations, each step's share of the gradients, their
norms) are formed here with NumPy from what the kernels left: B = 1 and T <= a few hundred make it
negligible. ``GatedTrace`` shares the vanilla ``Trace``'s field names where they mean the same
(s, s_prev, o, y_hat, loss, dL_ds, grad_norm_per_step, dW_contrib_norm, grads, steps, ...), so a
view that plots ||dL/ds_t|| reads either.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.special import expit

from .cells import GATED_PARAM_KEYS, GATES, check_gated_cell
from .gated_params import check_gated_params
from .gated_workspace import GatedWorkspace
from .trace_types import TraceStep
from .validate import check_tokens


@dataclass
class GatedTrace:
    """Forward and BPTT record of one sequence through a gated cell (float64 arrays).

    Row ``i`` of every per-step array is the textbook step t = i + 1. G = number of gates (LSTM 4:
    i, f, g, o; GRU 3: r, z, n), stacked arrays (T, G * H) hold the gates in that order in blocks
    of H. Rows outside the truncation window are zero in every backward array.
    """

    cell: str                   # "lstm" | "gru"
    tokens: np.ndarray          # (T,) int64 token ids
    targets: np.ndarray         # binary: (1,) the 0/1 label; softmax: (T,) int targets
    head: str                   # "binary" | "softmax"
    activation: str             # always "tanh" (kept so code that reads a Trace reads this too)
    truncate: int | None        # BPTT over the last k steps only, or None
    params: dict[str, np.ndarray]  # float64 copies of the parameters used
    gate_names: tuple[str, ...]  # ("i", "f", "g", "o") or ("r", "z", "n")

    # forward
    x: np.ndarray               # (T, E) x_t = E[token_t]
    Ux: np.ndarray              # (T, G*H) U x_t
    Ws: np.ndarray              # (T, G*H) W s_{t-1}
    pre: np.ndarray             # (T, G*H) each gate's pre-activation (GRU n: U_n x + b_n + r * h_n)
    gates: dict[str, np.ndarray]  # name -> (T, H) gate values (sigmoid or tanh of ``pre``)
    s: np.ndarray               # (T, H) hidden state s_t
    s_prev: np.ndarray          # (T, H) s_{t-1}; s_prev[0] = 0
    o: np.ndarray               # (T, K) o_t = V s_t + c
    y_hat: np.ndarray           # (T, K) sigmoid(o_t) (binary) or softmax(o_t)
    step_loss: np.ndarray       # (T,) L_t (binary: zero except the last step)
    loss: float

    # backward
    dL_do: np.ndarray           # (T, K)
    dL_ds_out: np.ndarray       # (T, H) V^T dL/do_t, the output's share of dL/ds_t
    dL_ds_rec: np.ndarray       # (T, H) the future's share (0 at t = T)
    dL_ds: np.ndarray           # (T, H) dL/ds_t
    dL_dz: np.ndarray           # (T, G*H) dL/d(pre-activation), input side (GRU: of U x_t + b)
    dU_step: np.ndarray         # (T, G*H, E) dL/dz_t x_t^T
    dW_step: np.ndarray         # (T, G*H, H) dL/dz_t s_{t-1}^T (GRU: dL/dh_t s_{t-1}^T)
    db_step: np.ndarray         # (T, G*H)
    dV_step: np.ndarray         # (T, K, H) dL/do_t s_t^T
    dc_step: np.ndarray         # (T, K)
    dx_step: np.ndarray         # (T, E) U^T dL/dz_t, added to row tokens[t-1] of dL/dE

    grads: dict[str, np.ndarray]  # final gradients, equal to loss_and_grads on this sequence
    grad_norm_per_step: np.ndarray  # (T,) ||dL/ds_t||
    dW_contrib_norm: np.ndarray     # (T,) ||dW_step[t]||_F
    steps: list[TraceStep] = field(default_factory=list)

    # LSTM only
    C: np.ndarray | None = None         # (T, H) cell state C_t
    C_prev: np.ndarray | None = None    # (T, H) C_{t-1}; C_prev[0] = 0
    tanh_C: np.ndarray | None = None    # (T, H)
    dL_dC: np.ndarray | None = None     # (T, H) dL/dC_t (through s_t and through C_{t+1})
    cell_grad_norm_per_step: np.ndarray | None = None  # (T,) ||dL/dC_t||
    # GRU only
    h_n: np.ndarray | None = None       # (T, H) W_n s_{t-1} + bW_n, what the reset gate scales
    dL_dh: np.ndarray | None = None     # (T, 3H) dL/d(W s_{t-1} + bW), the recurrent side
    dbW_step: np.ndarray | None = None  # (T, 3H)

    @property
    def T(self) -> int:
        return int(self.tokens.shape[0])

    @property
    def hidden_size(self) -> int:
        return int(self.s.shape[1])


def safe_norm(a: np.ndarray, axis=None) -> np.ndarray:
    """Euclidean norm, scaled by the largest |entry| first so that tiny (vanished) values do not
    underflow to zero when squared."""
    a = np.asarray(a, dtype=np.float64)
    m = np.max(np.abs(a), axis=axis, keepdims=True)
    scale = np.where(m > 0, m, 1.0)
    n = np.sqrt(np.sum((a / scale) ** 2, axis=axis, keepdims=True)) * scale
    return n.squeeze(axis) if axis is not None else float(n.squeeze())


def _labels(label, head: str, T: int):
    """(targets, labels as the workspace takes them for a batch of one)."""
    if head == "binary":
        lab = np.asarray(label)
        if lab.size != 1:
            raise ValueError(f"binary label must be a single 0/1 value, got shape {lab.shape}")
        return lab.reshape(1).astype(np.int64), lab.reshape(1)
    lab = np.asarray(label)
    if lab.shape != (T,):
        raise ValueError(f"softmax targets must have shape ({T},), got {lab.shape}")
    return lab.astype(np.int64), lab.reshape(1, T)


def make_gated_trace(params, tokens_1d, label, head: str = "binary", truncate: int | None = None,
                     cell: str = "lstm", activation: str = "tanh") -> GatedTrace:
    """Float64 forward + BPTT record of one sequence (T,) through an LSTM or GRU.

    label: the 0/1 label (binary head) or (T,) int targets (softmax head).
    """
    check_gated_params(params, check_gated_cell(cell))
    p = {k: np.ascontiguousarray(params[k], dtype=np.float64).copy() for k in GATED_PARAM_KEYS[cell]}
    tokens = check_tokens(tokens_1d, p["E"].shape[0], ndim=1).astype(np.int64)
    T, H = tokens.shape[0], p["W"].shape[1]
    targets, labels = _labels(label, head, T)
    ws = GatedWorkspace(p, 1, T, activation, head, truncate, cell=cell, input_path="rows")
    ws.forward(tokens.reshape(1, T))  # the gates first: the backward pass writes dL/dz over them
    gate_vals = ws.views(1)["Z"][:, 0, :].copy()
    loss = ws.forward_backward(tokens.reshape(1, T), labels)
    v = {k: a[:, 0, :].copy() if a.ndim == 3 else a.copy() for k, a in ws.views(1).items()}
    g = {k: a.copy() for k, a in ws.grads.items()}
    t0 = ws.t0
    names = GATES[cell]
    x = p["E"][tokens]
    S = v["S"]
    s, s_prev = S[1:], S[:-1]
    Ux, Ws = x @ p["U"].T, s_prev @ p["W"].T
    gates = {n: gate_vals[:, k * H:(k + 1) * H] for k, n in enumerate(names)}
    pre = Ux + Ws + p["b"]
    extra = {}
    if cell == "gru":
        pre = pre + p["bW"]
        h_n = v["Hn"]
        pre[:, 2 * H:] = Ux[:, 2 * H:] + p["b"][2 * H:] + gates["r"] * h_n
        d_rec = v["dR"]
        extra.update(h_n=h_n, dL_dh=d_rec, dbW_step=d_rec.copy())
    else:
        d_rec = v["Z"]
        C = v["C"]
        extra.update(C=C[1:], C_prev=C[:-1], tanh_C=v["TC"], dL_dC=v["dC"],
                     cell_grad_norm_per_step=ws.cell_grad_norm_per_step.copy())
    dZ = v["Z"]
    K = p["V"].shape[0]
    o = s @ p["V"].T + p["c"]
    if head == "binary":
        y_hat = expit(o)
        dL_do = np.zeros((T, K))
        dL_do[T - 1, 0] = ws.dL_do[0]
        dS_out = np.zeros((T, H))
        dS_out[T - 1] = ws.dS_out[0, 0]
    else:
        y_hat = ws.probs[:, 0, :].copy()
        dL_do = ws.dL_do[:, 0, :].copy()
        dS_out = ws.dS_out[:, 0, :].copy()
    dV_step = dL_do[:, :, None] * s[:, None, :]
    dW_step = d_rec[:, :, None] * s_prev[:, None, :]
    return GatedTrace(
        cell=cell, tokens=tokens, targets=targets, head=head, activation=activation, truncate=truncate,
        params=p, gate_names=names, x=x, Ux=Ux, Ws=Ws, pre=pre, gates=gates, s=s.copy(),
        s_prev=s_prev.copy(), o=o, y_hat=y_hat, step_loss=ws.step_loss.copy(), loss=loss,
        dL_do=dL_do, dL_ds_out=dS_out, dL_ds_rec=v["dS"] - dS_out, dL_ds=v["dS"], dL_dz=dZ,
        dU_step=dZ[:, :, None] * x[:, None, :], dW_step=dW_step, db_step=dZ.copy(), dV_step=dV_step,
        dc_step=dL_do.copy(), dx_step=dZ @ p["U"], grads=g,
        grad_norm_per_step=ws.grad_norm_per_step.copy(),
        dW_contrib_norm=safe_norm(dW_step.reshape(T, -1), axis=1),
        steps=_step_list(T, t0), **extra)


def _step_list(T: int, t0: int) -> list[TraceStep]:
    steps = [TraceStep("forward", t) for t in range(1, T + 1)]
    steps.append(TraceStep("loss", T))
    steps += [TraceStep("backward", t) for t in range(T, t0, -1)]
    return steps
