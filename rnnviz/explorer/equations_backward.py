"""BPTT by hand, the backward steps of a plain RNN: dL/do_t, dL/ds_t, dL/da_t and each step's
contributions to the shared parameters' gradients, plus the clipping note after the last step.

Split from ``equations`` (the forward and loss steps, and the building blocks used here); every
number is read from the core's ``Trace``. Vectors are (H,), the per-step matrices (H, D)/(H, H).
"""
from __future__ import annotations

import html

import numpy as np

from .diagnose import step_reason
from .equations import (_DERIVATIVE, _entries_table, _eq, _matrix_cell, _note, _q, _vector_table, _why)
from .numbers import format_block, format_number, norm
from .text import translate


def _output_gradient_html(trace, t: int, show_all: bool, vocab) -> str:
    """Many-to-many: dL/do_t = y_hat_t - onehot(y_t), the error that enters this step through V."""
    i = t - 1
    target = int(trace.targets[i])
    return "".join([
        _eq(f"dL/do<sub>{t}</sub> = &#375;<sub>{t}</sub> &minus; onehot(y<sub>{t}</sub>)"),
        _vector_table([(f"&#375;<sub>{t}</sub>", trace.y_hat[i], ""),
                       (f"dL/do<sub>{t}</sub>", trace.dL_do[i], "")], show_all),
        _note(translate("Equations", "Entry {0} (the target {1}) is &#375; &minus; 1 = {2}; every other entry is that "
                        "word's probability.").format(target, _q(vocab, target), format_number(trace.dL_do[i, target]))),
    ])


def _backward_html(trace, t: int, show_all: bool, is_last: bool, clip, vocab=None) -> str:
    i = t - 1
    T = trace.T
    deriv = _DERIVATIVE[trace.activation]
    terms = []
    if t < T:
        terms.append(f"W<sup>T</sup> dL/da<sub>{t + 1}</sub>")
    if trace.head != "binary" or t == T:
        terms.append(f"V<sup>T</sup> dL/do<sub>{t}</sub>")
    out = ["<h3>" + translate("Equations", "Backward, step t = {0}").format(t) + "</h3>",
           _output_gradient_html(trace, t, show_all, vocab) if trace.head != "binary" else "",
           _eq(f"dL/ds<sub>{t}</sub> = " + " + ".join(terms or ["0"])),
           _vector_table([(f"W<sup>T</sup> dL/da<sub>{t + 1}</sub>", trace.dL_ds_rec[i],
                           translate("Equations", "0, nothing comes after T") if t == T
                           else translate("Equations", "the gradient from step t+1")),
                          (f"+ V<sup>T</sup> dL/do<sub>{t}</sub>", trace.dL_ds_out[i],
                           translate("Equations", "from this step's output") if trace.head != "binary" or t == T
                           else translate("Equations", "0, o<sub>t</sub> is unused for t &lt; T")),
                          (f"dL/ds<sub>{t}</sub>", trace.dL_ds[i], "")], show_all),
           _eq(f"dL/da<sub>{t}</sub> = f&prime;(a<sub>{t}</sub>) &#8857; dL/ds<sub>{t}</sub>, "
               f"&nbsp; f&prime;(a<sub>t</sub>) = {deriv}"),
           _vector_table([(f"f&prime;(a<sub>{t}</sub>)", trace.fprime[i], ""),
                          (f"&#8857; dL/ds<sub>{t}</sub>", trace.dL_ds[i], ""),
                          (f"dL/da<sub>{t}</sub>", trace.dL_da[i], "")], show_all),
           _contributions_html(trace, t, show_all)]
    reason = step_reason(trace, t)
    if reason:
        why = (translate("Equations", "Why {0} is not finite: {1}.") if not np.all(np.isfinite(trace.dL_ds[i]))
               else translate("Equations", "Why {0} is 0: {1}."))
        out.insert(1, _why(why.format(f"dL/ds<sub>{t}</sub>", html.escape(reason))))
    if is_last:
        shared = "U, W, b" if trace.head == "binary" else "U, W, b, V, c"
        out.append(_note(translate("Equations", "Backward pass done: the running sums are the gradients of L, summed "
                                   "over every step because {0} are shared by all {1} steps.").format(shared, T)))
        if clip is not None:
            out.append(clip_html(clip))
    return "".join(out)


def _contributions_html(trace, t: int, show_all: bool) -> str:
    i = t - 1
    T = trace.T
    rows = [("dL/dU", f"dL/da<sub>{t}</sub> x<sub>{t}</sub><sup>T</sup>", trace.dU_step[i], trace.dU_sum[i]),
            ("dL/dW", f"dL/da<sub>{t}</sub> s<sub>{t - 1}</sub><sup>T</sup>", trace.dW_step[i], trace.dW_sum[i]),
            ("dL/db", f"dL/da<sub>{t}</sub>", trace.db_step[i], trace.db_sum[i])]
    if np.any(trace.dV_step[i]) or np.any(trace.dc_step[i]):
        rows += [("dL/dV", f"dL/do<sub>{t}</sub> s<sub>{t}</sub><sup>T</sup>", trace.dV_step[i], trace.dV_sum[i]),
                 ("dL/dc", f"dL/do<sub>{t}</sub>", trace.dc_step[i], trace.dc_sum[i])]
    sum_head = translate("Equations", "running sum {0}").format(f"&Sigma;<sub>t'={t}..{T}</sub>")
    title = _eq(translate("Equations", "Step {0}'s contributions to the shared parameters' gradients").format(t))
    if t == 1:
        title += _note(translate("Equations", "Step 1 adds 0 to dL/dW: its share is dL/da<sub>1</sub> "
                                 "s<sub>0</sub><sup>T</sup> and s<sub>0</sub> = 0."))
    if show_all:
        # Every entry: one matrix under the other, since two side by side do not fit the panel.
        blocks = "".join(
            f"<p class='note'><b>{name}</b> += {formula} &nbsp; ("
            + translate("Equations", "norm {0}").format(format_number(norm(step))) + ")</p>"
            f"{_entries_table(step)}<p class='note'>{sum_head} &nbsp; ("
            + translate("Equations", "norm {0}").format(format_number(norm(total))) + ")</p>"
            f"{_entries_table(total)}" for name, formula, step, total in rows)
        return title + blocks
    norms = iter(format_block([norm(m) for _, _, step, total in rows for m in (step, total)], signed=False))
    body = "".join(f"<tr><td class='l'>{name}</td><td class='l'>+= {formula}</td>"
                   f"<td class='l'>{_matrix_cell(step, next(norms))}</td>"
                   f"<td class='l'>{_matrix_cell(total, next(norms))}</td></tr>" for name, formula, step, total in rows)
    return (title + "<table cellspacing='0' cellpadding='4' border='0'><tr><th align='left'>"
            + translate("Equations", "gradient") + "</th><th align='left'>" + translate("Equations", "step t adds")
            + "</th><th align='left'>" + translate("Equations", "its value") + "</th>"
            f"<th align='left'>{sum_head}</th></tr>{body}</table>")


def clip_html(clip) -> str:
    """The clipping step: the global norm before, the threshold and the factor applied."""
    if not clip.finite:
        what = translate("Equations", "{0}: the gradient overflowed, and no rescaling can recover its direction; the "
                         "trainer stops such a run and keeps the last good weights").format(
            f"&#8214;g&#8214; = {format_number(clip.norm_before)}")
    elif clip.active:
        what = translate("Equations", "{0}, so every gradient is multiplied by {1}").format(
            f"&#8214;g&#8214; = {format_number(clip.norm_before)} &gt; {format_number(clip.threshold)}",
            f"{format_number(clip.threshold)} / {format_number(clip.norm_before)} = <b>{format_number(clip.scale)}</b>")
    else:
        what = translate("Equations", "{0}: nothing to clip (factor 1)").format(
            f"&#8214;g&#8214; = {format_number(clip.norm_before)} &le; {format_number(clip.threshold)}")
    return _eq(translate("Equations", "Gradient clipping by global norm")) + _note(what)
