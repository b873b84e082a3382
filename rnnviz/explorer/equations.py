"""BPTT by hand: one elementary step of a trace as rich text with its actual numbers.

Everything shown is read from the core's ``Trace``; nothing is recomputed here except norms of
what the trace holds (for display). Qt renders the HTML (a QTextBrowser), but this module is plain
Python so the numbers can be tested without a display. Vector entries sit in table cells so the
columns line up: a_t[i] = (U x_t)[i] + (W s_{t-1})[i] + b[i] can be checked column by column.
"""
from __future__ import annotations

import html

import numpy as np

from .diagnose import saturation_cause
from .numbers import FIXED_RANGE, format_block, format_number, norm  # noqa: F401 (re-exported)
from .text import translate

#: Entries shown per vector unless the user asks for all of them.
FIRST_ENTRIES = 4
#: Unknown words named in the one-line summary (the rest are counted, and listed in its tooltip).
SHOWN_UNKNOWN_WORDS = 3

_DERIVATIVE = {"tanh": "1 &minus; s<sub>t</sub><sup>2</sup>", "relu": "1[a<sub>t</sub> &gt; 0]", "linear": "1"}
_F_NAME = {"tanh": "tanh", "relu": "relu", "linear": "linear"}
_STYLE = ("<style>td{padding:1px 3px;} th{white-space:nowrap;padding:1px 3px;} td.n{font-family:monospace;text-align:right;white-space:pre;}"
          " td.m{font-family:monospace;white-space:pre;} td.l{white-space:nowrap;} h3{margin:2px 0 4px 0;}"
          " p.eq{font-size:large;margin:8px 0 2px 0;} p.note{color:#555;margin:2px 0;}</style>")


# --- building blocks -------------------------------------------------------------------------
def _sym(text: str) -> str:
    return f"<i>{text}</i>"


#: With "Show all entries", a vector longer than this wraps onto more lines (H = 32 in one line is
#: wider than the panel, and its norm ended up out of view).
ENTRIES_PER_LINE = FIRST_ENTRIES  # as many as the short view shows, so the columns stay where they were


def _vector_row(label: str, entries: list[str], total: int, width: int, norm_text: str,
                norm_first: bool = False) -> str:
    """Table rows: label = [ v_1 ... v_k ... ]  ||.|| = n, cells padded to `width` entries a line.

    entries: the shown entries, already formatted (``format_block``); total: the vector's size.
    More than `width` entries continue on the next lines. norm_first: the norm goes before the
    entries ("label = ||.|| = n: [ ..."), so a long wrapped vector never pushes it out of view.
    """
    lines = [entries[i:i + width] for i in range(0, len(entries), width)] or [[]]
    norm_cells = f"<td class='m'>&#8214;&middot;&#8214; =</td><td class=\"n\">{norm_text}</td>"
    rows = []
    for k, line in enumerate(lines):
        first, last = k == 0, k == len(lines) - 1
        cells = "".join(f'<td class="n">{text}</td>' for text in line)
        pad = "<td></td>" * (width - len(line))
        more = "&hellip;" if last and len(entries) < total else ""
        close = f"<td class='m'>{more}]</td>" if last else "<td></td>"
        head = f"<td align='right' class='l'>{label}</td><td>=</td>" if first else "<td></td><td></td>"
        if norm_first:
            head += (norm_cells if first else "<td></td><td></td>")
            rows.append(f"<tr>{head}<td class='m'>{'[' if first else ''}</td>{cells}{pad}{close}</tr>")
        else:
            tail = norm_cells if first else "<td></td><td></td>"
            rows.append(f"<tr>{head}<td class='m'>{'[' if first else ''}</td>{cells}{pad}{close}{tail}</tr>")
    return "".join(rows)


def _bare(label: str) -> str:
    """A row label without its leading operator ("+ W s_0" -> "W s_0")."""
    for op in ("+ ", "&#8857; "):
        if label.startswith(op):
            return label[len(op):]
    return label


def _vector_table(rows: list[tuple[str, np.ndarray, str]], show_all: bool) -> str:
    """Aligned rows label = [entries] ||.||; the rows' notes follow as one line under the table
    (a notes column would make the table too wide for the panel).

    The block is formatted as one: all shown entries share a notation and a width, and so do the
    norms, so that a_t[i] = (U x_t)[i] + (W s_{t-1})[i] + b[i] reads down a column.
    """
    vectors = [np.ravel(v) for _, v, _ in rows]
    shown = [v if show_all else v[:FIRST_ENTRIES] for v in vectors]
    texts = format_block(np.concatenate(shown)) if any(v.size for v in shown) else []
    norms = format_block([norm(v) for v in vectors], signed=False)
    width = min(max(v.size for v in shown), ENTRIES_PER_LINE)
    body, start = [], 0
    for (label, _, _), v, k, norm_text in zip(rows, vectors, shown, norms):
        body.append(_vector_row(label, texts[start:start + k.size], v.size, width, norm_text,
                                norm_first=show_all and width < v.size))
        start += k.size
    table = "<table cellspacing='0'>" + "".join(body) + "</table>"
    notes = "; ".join(f"{_bare(label)}: {note}" for label, _, note in rows if note)
    return table + (_note(notes) if notes else "")


def _matrix_cell(m: np.ndarray, norm_text: str) -> str:
    """A matrix as its norm (formatted with its table's other norms) and its first two entries."""
    sub = "<sub>F</sub>" if np.ndim(m) == 2 else ""
    first = ", ".join(text.strip() for text in format_block(np.ravel(m)[:2]))
    return (f"<span style='font-family:monospace;white-space:pre'>&#8214;&middot;&#8214;{sub} = {norm_text}"
            f"<br>[{first}, &hellip;]</span>")


def _entries_table(m: np.ndarray) -> str:
    """Every entry of a vector or matrix, one row per row, right-aligned in one format and width."""
    m = np.atleast_2d(m)
    texts = np.array(format_block(m), dtype=object).reshape(m.shape)
    rows = "".join("<tr>" + "".join(f'<td class="n">{text}</td>' for text in row) + "</tr>" for row in texts)
    return f"<table cellspacing='0'>{rows}</table>"


def _eq(text: str) -> str:
    return f"<p class='eq'>{text}</p>"


def _note(text: str) -> str:
    return f"<p class='note'>{text}</p>"


def _why(text: str) -> str:
    """A note that explains an exactly-zero or overflowed gradient (rnnviz.explorer.diagnose)."""
    return f"<p class='note' style='color:#8a4b00'>{text}</p>"


def _word(labels, words, t: int) -> str:
    label = labels[t - 1] if labels else ""
    word = words[t - 1] if words else ""
    if label == "<oov>" and word:
        return translate("Equations", "{0} is not in the vocabulary, so it reads as &lt;oov&gt;").format(
            f"&lsquo;{html.escape(word)}&rsquo;")
    return f"&lsquo;{html.escape(label)}&rsquo;"


# --- the three kinds of step -----------------------------------------------------------------
def step_html(trace, index: int, labels=(), words=(), show_all: bool = False, clip=None, vocab=None) -> str:
    """HTML for elementary step `index` of trace.steps (forward t, loss, or backward t).

    labels/words: the x_t labels and original words (``TokenizedInput.labels``/``.words``);
    clip: a ``ClipReport`` shown after the last backward step, or None; vocab: names the
    softmax head's classes (the next words), or None to number them.
    """
    if hasattr(trace, "gate_names"):  # an LSTM or GRU trace: its own equations
        from .gated_equations import gated_step_html
        return gated_step_html(trace, index, labels, words, show_all, clip, vocab)
    if not 0 <= index < len(trace.steps):
        return _STYLE + "<p>" + translate("Equations", "No step selected.") + "</p>"
    step = trace.steps[index]
    head = ("<p class='note'>" + translate("Equations", "Step {0} of {1} &middot; T = {2} &middot; H = {3} hidden "
                                           "units &middot; f = {4}").format(
        index + 1, len(trace.steps), trace.T, trace.hidden_size, _F_NAME[trace.activation]) + "</p>")
    if step.kind == "forward":
        body = _forward_html(trace, step.t, labels, words, show_all, vocab)
    elif step.kind == "loss":
        body = _loss_html(trace, show_all, labels, vocab)
    else:
        from .equations_backward import _backward_html  # imports this module's building blocks
        body = _backward_html(trace, step.t, show_all, is_last=index == len(trace.steps) - 1, clip=clip,
                              vocab=vocab)
    return _STYLE + head + body


def class_name(vocab, k: int) -> str:
    """The softmax head's class k as plain text: the next word, "<end>" for the end token."""
    k = int(k)
    if k == 0:
        return "<end>"
    if vocab is None:
        return translate("Equations", "class {0}").format(k)
    try:
        return str(vocab.word_of(k))
    except (IndexError, KeyError, ValueError):
        return translate("Equations", "class {0}").format(k)


def _q(vocab, k: int) -> str:
    return f"&lsquo;{html.escape(class_name(vocab, k))}&rsquo;"


def _next_word_html(trace, t: int, vocab) -> str:
    """Step t of the many-to-many head: softmax, the predicted next word, the target and L_t."""
    i = t - 1
    y = trace.y_hat[i]
    target = int(trace.targets[i])
    best = int(np.argmax(y)) if np.all(np.isfinite(y)) else target
    verdict = translate("Equations", "right") if best == target else translate("Equations", "wrong")
    what = translate("Equations", "the end of the input") if target == 0 else f"x<sub>{t + 1}</sub>"
    return "".join([
        _eq(f"&#375;<sub>{t}</sub> = softmax(o<sub>{t}</sub>), &nbsp; "
            f"L<sub>{t}</sub> = &minus;log &#375;<sub>{t}</sub>[y<sub>{t}</sub>]"),
        _note(translate("Equations", "Predicted next word: {0} (p = {1}); target {2} = {3}, {4} (p = {5}): {6}.").format(
            f"<b>{_q(vocab, best)}</b>", format_number(y[best]), f"y<sub>{t}</sub>", _q(vocab, target), what,
            format_number(y[target]), verdict)),
        _eq(f"L<sub>{t}</sub> = &minus;log {format_number(y[target])} = <b>{format_number(trace.step_loss[i])}</b>"),
    ])


def _forward_html(trace, t: int, labels, words, show_all: bool, vocab=None) -> str:
    i = t - 1
    token = int(trace.tokens[i])
    f = _F_NAME[trace.activation]
    out = ["<h3>" + translate("Equations", "Forward, step t = {0}").format(t) + "</h3>",
           _note(translate("Equations", "Input {0} = E[{1}], the embedding row of {2}.").format(
               f"x<sub>{t}</sub>", token, _word(labels, words, t))),
           _eq(f"a<sub>{t}</sub> = U x<sub>{t}</sub> + W s<sub>{t - 1}</sub> + b"),
           _vector_table([(f"U x<sub>{t}</sub>", trace.Ux[i], ""),
                          (f"+ W s<sub>{t - 1}</sub>", trace.Ws[i],
                           translate("Equations", "zero, because s<sub>0</sub> = 0") if t == 1 else ""),
                          ("+ b", trace.params["b"], ""),
                          (f"a<sub>{t}</sub>", trace.a[i], "")], show_all),
           _eq(f"s<sub>{t}</sub> = {f}(a<sub>{t}</sub>)" + (f" = a<sub>{t}</sub>" if f == "linear" else "")),
           _vector_table([(f"s<sub>{t}</sub>", trace.s[i], "")], show_all),
           _eq(f"o<sub>{t}</sub> = V s<sub>{t}</sub> + c"),
           _vector_table([(f"o<sub>{t}</sub>", trace.o[i], "")], show_all)]
    if trace.head == "binary" and t < trace.T:
        out.append(_note(translate("Equations", "Many-to-one: only the last output o<sub>T</sub> reaches the loss; "
                                   "this o<sub>t</sub> is computed but unused.")))
    elif trace.head != "binary":
        out.append(_next_word_html(trace, t, vocab))
    return "".join(out)


#: Rows of the many-to-many loss table unless the user asks for all of them.
FIRST_LOSS_ROWS = 12


def _loss_html(trace, show_all: bool, labels=(), vocab=None) -> str:
    T = trace.T
    if trace.head == "binary":
        y = int(trace.targets[0])
        y_hat = float(trace.y_hat[T - 1, 0])
        return "".join([
            "<h3>" + translate("Equations", "Loss (many-to-one, at t = T = {0})").format(T) + "</h3>",
            _eq(f"&#375; = &sigma;(o<sub>{T}</sub>) = &sigma;({format_number(trace.o[T - 1, 0])}) = "
                f"<b>{format_number(y_hat)}</b> &nbsp; ("
                + translate("Equations", "the model's probability that the label is 1") + ")"),
            _eq(translate("Equations", "{0} with y = {1}: L = {2}").format(
                "L = &minus;[y log &#375; + (1 &minus; y) log(1 &minus; &#375;)]", y,
                f"<b>{format_number(trace.loss)}</b>")),
            _eq(f"dL/do<sub>{T}</sub> = &#375; &minus; y = <b>{format_number(trace.dL_do[T - 1, 0])}</b>"),
            _note(translate("Equations", "This is where the backward pass starts: the gradient enters through V into "
                            "s<sub>T</sub>.")),
            _why(translate("Equations", "Every gradient below is exactly 0: {0}.").format(
                html.escape(saturation_cause(trace))))
            if saturation_cause(trace) else "",
        ])
    shown = T if show_all or T <= FIRST_LOSS_ROWS else FIRST_LOSS_ROWS
    losses = format_block(trace.step_loss[:shown])
    rows = []
    for i in range(shown):
        y, target = trace.y_hat[i], int(trace.targets[i])
        best = int(np.argmax(y)) if np.all(np.isfinite(y)) else target
        mark = "&#10003;" if best == target else "&#10007;"
        x = html.escape(labels[i]) if i < len(labels) else ""
        rows.append(f"<tr><td class='l'>{i + 1}</td><td class='l'>{x}</td><td class='l'>{_q(vocab, best)} "
                    f"({format_number(y[best])})</td><td class='l'>{_q(vocab, target)} {mark}</td>"
                    f'<td class="n">{losses[i]}</td></tr>')
    more = _note("&hellip; " + translate("Equations", "{0} more steps (Show all entries)").format(T - shown)) \
        if shown < T else ""
    right = sum(int(np.argmax(trace.y_hat[i]) == int(trace.targets[i])) for i in range(T))
    return "".join([
        "<h3>" + translate("Equations", "Loss (many-to-many): {0}").format(
            "L = &Sigma;<sub>t</sub> L<sub>t</sub>") + "</h3>",
        _note(translate("Equations", "At every step the model predicts the next word; its target y<sub>t</sub> is "
                        "x<sub>t+1</sub> (the end token after the last word).")),
        "<table cellspacing='0' cellpadding='2'><tr><th align='left'>t</th><th align='left'>x<sub>t</sub></th>"
        "<th align='left'>" + translate("Equations", "predicted next word (p)") + "</th><th align='left'>"
        + translate("Equations", "target y<sub>t</sub>") + "</th>"
        f"<th align='right'>L<sub>t</sub></th></tr>{''.join(rows)}</table>", more,
        _eq(f"L = <b>{format_number(trace.loss)}</b> &nbsp; ("
            + translate("Equations", "next word right at {0} of {1} steps").format(right, T) + ")"),
        _note(translate("Equations", "The backward pass starts at every step: dL/do<sub>t</sub> = &#375;<sub>t</sub> "
                        "&minus; onehot(y<sub>t</sub>) enters s<sub>t</sub> through V at each t.")),
    ])


#: Predicted next words named in the one-line summary of the many-to-many head.
SHOWN_PREDICTIONS = 4


def predicted_words(trace, vocab) -> list[str]:
    """The softmax head's predicted next word at each step (plain text, "<end>" for the end token)."""
    return [class_name(vocab, int(np.argmax(y))) for y in trace.y_hat]


def summary_html(trace, tokens, vocab=None) -> str:
    """One line: prediction, label and loss of the whole sequence (binary head), or the loss, how
    many next words are right and the first predicted ones (softmax head); unknown words last.

    Words that only make sense together ("L = 0.0036", "2 unknown:") are joined by no-break spaces,
    so a line cut at a space for want of room never separates them.
    """
    if trace.head == "binary":
        y_hat = float(trace.y_hat[-1, 0])
        verdict = translate("Equations", "positive") if y_hat >= 0.5 else translate("Equations", "negative")
        text = (f"&#375;&nbsp;=&nbsp;<b>{format_number(y_hat)}</b> ({verdict}) &middot; "
                f"y&nbsp;=&nbsp;{int(trace.targets[0])} &middot; L&nbsp;=&nbsp;<b>{format_number(trace.loss)}</b>")
    else:
        words = predicted_words(trace, vocab)
        right = sum(int(np.argmax(y) == int(y_t)) for y, y_t in zip(trace.y_hat, trace.targets))
        named = " ".join(html.escape(w) for w in words[:SHOWN_PREDICTIONS])
        more = " &hellip;" if len(words) > SHOWN_PREDICTIONS else ""
        text = (f"L&nbsp;=&nbsp;<b>{format_number(trace.loss)}</b> &middot; "
                + translate("Equations", "{0}/{1}&nbsp;next&nbsp;words&nbsp;right").format(right, trace.T)
                + " &middot; " + translate("Equations", "predicted: {0}").format(named + more))
    if tokens is not None and tokens.unknown:
        text += " &middot; " + _unbroken(html.escape(unknown_words_text(tokens.unknown)))
    return text


def _unbroken(unknown_html: str) -> str:
    """'2 unknown: a, … (+5 more)' with its count and its '(+5 more)' each kept in one piece."""
    count, _, rest = unknown_html.partition(" ")
    return f"{count}&nbsp;{rest}".replace(" more)", "&nbsp;more)")


def unknown_words_text(unknown, first: int = SHOWN_UNKNOWN_WORDS) -> str:
    """'2 unknown: foo, bar' (read as <oov>) with at most `first` words named (a pasted review can have
    hundreds; the full list goes in a tooltip, see ``unknown_words_tooltip``)."""
    unknown = list(unknown)
    named = ", ".join(_shorten(w) for w in unknown[:first])
    more = ", … " + translate("Equations", "(+{0} more)").format(len(unknown) - first) if len(unknown) > first else ""
    return translate("Equations", "{0} unknown: {1}").format(len(unknown), named + more)


def unknown_words_tooltip(unknown) -> str:
    """Every unknown word, for the result line's tooltip (plain text, wrapped by Qt)."""
    unknown = list(unknown)
    if not unknown:
        return ""
    return translate("Equations", "{0} words the vocabulary does not know (read as <oov>):").format(len(unknown)) \
        + "\n" + ", ".join(unknown)


def _shorten(word: str, limit: int = 16) -> str:
    return word if len(word) <= limit else word[:limit - 1] + "…"


# The clipping note lives with the backward steps; it stays importable from here.
from .equations_backward import clip_html  # noqa: E402,F401 (re-exported; imports this module's blocks)
