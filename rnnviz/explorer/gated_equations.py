"""BPTT by hand for an LSTM or GRU: one elementary step of a ``GatedTrace``, one gate at a time.

Every number is read from the core's ``GatedTrace`` (``rnnviz.core.make_trace(..., cell=...)``); the
only arithmetic here is the norms the tables print. A forward step shows each gate's equation with
its parts (U_k x_t, W_k s_{t-1}, the biases, the pre-activation, the gate), then the state update;
a backward step shows dL/ds_t, the LSTM's dL/dC_t, and what each gate's pre-activation receives.

    LSTM  i, f, o = sigma(.), g = tanh(.),  C_t = f*C_{t-1} + i*g,  s_t = o*tanh(C_t)
    GRU   r, z = sigma(.),  n = tanh(U_n x_t + b_n + r*(W_n s_{t-1} + bW_n)),  s_t = (1-z)*n + z*s_{t-1}
"""
from __future__ import annotations

import numpy as np

from .equations import _STYLE, _eq, _loss_html, _note, _vector_table, _word
from .numbers import format_number
from .text import QT_TRANSLATE_NOOP, translate

#: What each gate does, in words a learner can hold on to (translated where shown).
GATE_ROLE = {
    "i": QT_TRANSLATE_NOOP("GatedEquations", "input gate: how much of the candidate g<sub>t</sub> is written into "
                           "the cell"),
    "f": QT_TRANSLATE_NOOP("GatedEquations", "forget gate: how much of C<sub>t&minus;1</sub> is kept (1 = all of it)"),
    "g": QT_TRANSLATE_NOOP("GatedEquations", "candidate: the new content, in (&minus;1, 1)"),
    "o": QT_TRANSLATE_NOOP("GatedEquations", "output gate: how much of tanh(C<sub>t</sub>) is shown as s<sub>t</sub>"),
    "r": QT_TRANSLATE_NOOP("GatedEquations", "reset gate: how much of the recurrent part W<sub>n</sub> "
                           "s<sub>t&minus;1</sub> + bW<sub>n</sub> the candidate sees"),
    "z": QT_TRANSLATE_NOOP("GatedEquations", "update gate: how much of s<sub>t&minus;1</sub> is kept (1 = all of it)"),
    "n": QT_TRANSLATE_NOOP("GatedEquations", "candidate: the new content, in (&minus;1, 1)"),
}
_TANH_GATES = ("g", "n")


def _sub(name: str, t) -> str:
    return f"{name}<sub>{t}</sub>"


def _block(a: np.ndarray, k: int, H: int) -> np.ndarray:
    """Gate k's block (H,) of a stacked (G*H,) row."""
    return a[k * H:(k + 1) * H]


def gated_step_html(trace, index: int, labels=(), words=(), show_all: bool = False, clip=None,
                    vocab=None) -> str:
    """HTML for elementary step `index` of a GatedTrace (forward t, loss, or backward t)."""
    from .equations import clip_html

    if not 0 <= index < len(trace.steps):
        return _STYLE + "<p>" + translate("Equations", "No step selected.") + "</p>"
    step = trace.steps[index]
    head = ("<p class='note'>" + translate("GatedEquations", "Step {0} of {1} &middot; T = {2} &middot; H = {3} hidden "
                                           "units &middot; {4} cell, gates {5}").format(
        index + 1, len(trace.steps), trace.T, trace.hidden_size, trace.cell.upper(), ", ".join(trace.gate_names))
        + "</p>")
    if step.kind == "forward":
        body = _forward_html(trace, step.t, labels, words, show_all)
    elif step.kind == "loss":
        body = _loss_html(trace, show_all, labels, vocab)
    else:
        body = _backward_html(trace, step.t, show_all)
        if index == len(trace.steps) - 1 and clip is not None:
            body += clip_html(clip)
    return _STYLE + head + body


def _gate_html(trace, t: int, k: int, name: str, show_all: bool) -> str:
    """One gate's equation at step t with its parts, each (H,) read from the trace."""
    i, H = t - 1, trace.hidden_size
    f = "tanh" if name in _TANH_GATES else "&sigma;"
    b = _block(trace.params["b"], k, H)
    if trace.cell == "gru" and name == "n":
        eq = (f"{_sub('n', t)} = tanh(U<sub>n</sub> {_sub('x', t)} + b<sub>n</sub> + {_sub('r', t)} &#8857; "
              f"(W<sub>n</sub> {_sub('s', t - 1)} + bW<sub>n</sub>))")
        rows = [(f"U<sub>n</sub> {_sub('x', t)}", _block(trace.Ux[i], k, H), ""),
                ("+ b<sub>n</sub>", b, ""),
                (f"+ {_sub('r', t)}", trace.gates["r"][i], ""),
                (f"&#8857; (W<sub>n</sub> {_sub('s', t - 1)} + bW<sub>n</sub>)", trace.h_n[i], ""),
                (f"= pre({_sub('n', t)})", _block(trace.pre[i], k, H), ""),
                (_sub("n", t), trace.gates["n"][i], "")]
    else:
        bias = f"b<sub>{name}</sub>" + (f" + bW<sub>{name}</sub>" if trace.cell == "gru" else "")
        eq = f"{_sub(name, t)} = {f}(U<sub>{name}</sub> {_sub('x', t)} + W<sub>{name}</sub> {_sub('s', t - 1)} + {bias})"
        bias_value = b + (_block(trace.params["bW"], k, H) if trace.cell == "gru" else 0.0)
        rows = [(f"U<sub>{name}</sub> {_sub('x', t)}", _block(trace.Ux[i], k, H), ""),
                (f"+ W<sub>{name}</sub> {_sub('s', t - 1)}", _block(trace.Ws[i], k, H), ""),
                (f"+ {bias}", bias_value, ""),
                (f"= pre({_sub(name, t)})", _block(trace.pre[i], k, H), ""),
                (_sub(name, t), trace.gates[name][i], "")]
    return ("<h3>" + translate("GatedEquations", "Gate {0}: {1}").format(name, translate("GatedEquations",
                                                                                        GATE_ROLE[name]))
            + "</h3>" + _eq(eq) + _vector_table(rows, show_all))


def _forward_html(trace, t: int, labels, words, show_all: bool) -> str:
    i = t - 1
    parts = ["<h3>" + translate("GatedEquations", "Forward step t = {0}: {1}").format(
        t, f"{_sub('x', t)} = E[{_word(labels, words, t)}]") + "</h3>"]
    for k, name in enumerate(trace.gate_names):
        parts.append(_gate_html(trace, t, k, name, show_all))
    if trace.cell == "lstm":
        parts += ["<h3>" + translate("GatedEquations", "Cell state and hidden state") + "</h3>",
                  _eq(f"{_sub('C', t)} = {_sub('f', t)} &#8857; {_sub('C', t - 1)} + {_sub('i', t)} &#8857; "
                      f"{_sub('g', t)}, &nbsp; {_sub('s', t)} = {_sub('o', t)} &#8857; tanh({_sub('C', t)})"),
                  _vector_table([(_sub("C", t - 1), trace.C_prev[i], ""), (_sub("C", t), trace.C[i], ""),
                                 (f"tanh({_sub('C', t)})", trace.tanh_C[i], ""),
                                 (_sub("s", t), trace.s[i], "")], show_all),
                  _note(translate("GatedEquations", "The cell state is changed only by &#8857; and +, no matrix: "
                                  "where f &asymp; 1 and i &asymp; 0 it passes C<sub>t&minus;1</sub> on unchanged, and "
                                  "its gradient with it."))]
    else:
        parts += ["<h3>" + translate("GatedEquations", "Hidden state") + "</h3>",
                  _eq(f"{_sub('s', t)} = (1 &minus; {_sub('z', t)}) &#8857; {_sub('n', t)} + {_sub('z', t)} "
                      f"&#8857; {_sub('s', t - 1)}"),
                  _vector_table([(_sub("s", t - 1), trace.s_prev[i], ""), (_sub("s", t), trace.s[i], "")],
                                show_all),
                  _note(translate("GatedEquations", "Where z &asymp; 1 the unit copies s<sub>t&minus;1</sub>: its "
                                  "gradient goes back unchanged, with no W and no tanh&prime; in the way."))]
    if trace.head == "binary" and t == trace.T or trace.head != "binary":
        parts.append(_eq(f"{_sub('o', t)} = V {_sub('s', t)} + c = {format_number(trace.o[i, 0])}"
                         if trace.o.shape[1] == 1 else f"{_sub('o', t)} = V {_sub('s', t)} + c"))
    return "".join(parts)


def _backward_html(trace, t: int, show_all: bool) -> str:
    i, H = t - 1, trace.hidden_size
    parts = ["<h3>" + translate("GatedEquations", "Backward step t = {0}").format(t) + "</h3>",
             _eq(f"dL/d{_sub('s', t)} = V<sup>T</sup> dL/d{_sub('o', t)} + ("
                 + translate("GatedEquations", "what step {0} sends back").format(t + 1) + ")"),
             _vector_table([(translate("GatedEquations", "output's share"), trace.dL_ds_out[i], ""),
                            ("+ " + translate("GatedEquations", "future's share"), trace.dL_ds_rec[i], ""),
                            (f"= dL/d{_sub('s', t)}", trace.dL_ds[i], "")], show_all)]
    if trace.cell == "lstm":
        f_next = trace.gates["f"][i + 1] if t < trace.T else np.zeros(H)
        dC_next = trace.dL_dC[i + 1] if t < trace.T else np.zeros(H)
        parts += [_eq(f"dL/d{_sub('C', t)} = dL/d{_sub('s', t)} &#8857; {_sub('o', t)} &#8857; (1 &minus; "
                      f"tanh<sup>2</sup> {_sub('C', t)}) + {_sub('f', t + 1)} &#8857; dL/d{_sub('C', t + 1)}"),
                  _vector_table([(_sub("f", t + 1), f_next, ""), (f"dL/d{_sub('C', t + 1)}", dC_next, ""),
                                 (f"dL/d{_sub('C', t)}", trace.dL_dC[i], "")], show_all),
                  _note(translate("GatedEquations", "The second term is the cell-state highway: the gradient "
                                  "reaches C<sub>t</sub> scaled only by the forget gate, not by W and tanh&prime; as "
                                  "in the vanilla RNN."))]
    for k, name in enumerate(trace.gate_names):
        parts.append(_gate_grad_html(trace, t, k, name, show_all))
    if t > 1:
        parts += [_eq(translate("GatedEquations", "{0} gets {1}").format(
                      f"dL/d{_sub('s', t - 1)}",
                      "W<sup>T</sup> (" + translate("GatedEquations", "the gates' gradients") + ")"
                      + (f" + dL/d{_sub('s', t)} &#8857; {_sub('z', t)}" if trace.cell == "gru" else ""))),
                  _vector_table([(translate("GatedEquations", "future's share of {0}").format(f"dL/d{_sub('s', t - 1)}"),
                                  trace.dL_ds_rec[i - 1], "")],
                                show_all)]
    return "".join(parts)


def _gate_grad_html(trace, t: int, k: int, name: str, show_all: bool) -> str:
    """What gate k's pre-activation receives at step t (the input side; the GRU's recurrent side too)."""
    i, H = t - 1, trace.hidden_size
    rows = [(f"dL/d pre({_sub(name, t)})", _block(trace.dL_dz[i], k, H), "")]
    if trace.cell == "gru":
        rows.append((f"dL/d(W<sub>{name}</sub> {_sub('s', t - 1)} + bW<sub>{name}</sub>)",
                     _block(trace.dL_dh[i], k, H), ""))
    return "<h3>" + translate("GatedEquations", "Gate {0}").format(name) + "</h3>" + _vector_table(rows, show_all)
