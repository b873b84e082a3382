"""The explorer model without Qt: tokenising, the controls, the trace it asks the core for, clipping,
playback positions and the BPTT-by-hand text (numbers must be the trace's)."""
from __future__ import annotations

import html as html_lib
import re

import numpy as np
import pytest

from rnnviz.core import clip_by_global_norm, init_params, make_trace, spectral_radius
from rnnviz.data import OOV_ID, START_ID, Vocab
from rnnviz.explorer import Explorer, ModelSpec, Playback, format_number, step_html, tokenize
from rnnviz.explorer.equations import format_block, norm
from rnnviz.explorer.sources import example_sentences

WORDS = ["this", "movie", "was", "not", "good", "bad"]


@pytest.fixture(scope="module")
def spec() -> ModelSpec:
    vocab = Vocab(["<pad>", "<start>", "<oov>"] + WORDS)
    params = init_params(len(vocab), 3, 5, seed=3, dtype=np.float64)
    return ModelSpec(params, vocab, "tanh", "binary", "test model")


NUMBER = re.compile(r"[+-]?(?:\d+\.\d+(?:e[+-]\d+)?|inf|nan)")


def half_unit(token: str) -> float:
    """Half a unit in the last shown digit of a printed number: what rounding to it may lose."""
    mantissa, _, exponent = token.partition("e")
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return 0.5 * 10.0 ** (int(exponent or 0) - decimals)


def same_to_shown_precision(token: str, value: float) -> bool:
    if not np.isfinite(value):
        return token.lstrip("+") == str(value).lstrip("+") or token == f"{value:+}"
    return abs(float(token) - value) <= half_unit(token) * (1 + 1e-9) + 1e-300


def shows(text: str, value: float) -> bool:
    """Some number printed in `text` is `value` to the precision it is printed with."""
    return any(same_to_shown_precision(t, float(value)) for t in NUMBER.findall(text))


def plain(html: str) -> str:
    """The text a user sees: tags removed, entities that matter decoded."""
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html)))
    return " ".join(text.split())


# --- tokens --------------------------------------------------------------------------------------
def test_tokenize_marks_unknown_words_and_starts_with_the_start_token(spec):
    tokens = tokenize("This movie was blorp, not GOOD!", spec.vocab, len(spec.vocab))
    assert tokens.ids[0] == START_ID
    assert tokens.labels == ("<start>", "this", "movie", "was", "<oov>", "not", "good")
    assert tokens.ids[4] == OOV_ID and tokens.is_oov(4)
    assert tokens.unknown == ("blorp",)
    assert tokens.words[4] == "blorp"


def test_tokenize_treats_ids_beyond_the_embedding_as_unknown(spec):
    tokens = tokenize("bad good", spec.vocab, vocab_size=8)  # "bad" has id 8
    assert tokens.ids == (START_ID, OOV_ID, spec.vocab.id_of("good"))
    assert tokens.unknown == ("bad",)


def test_sequence_length_repeats_or_cuts_the_words(spec):
    long = tokenize("not good", spec.vocab, len(spec.vocab), length=6)
    assert long.labels == ("<start>", "not", "good", "not", "good", "not")
    short = tokenize("this movie was not good", spec.vocab, len(spec.vocab), length=3)
    assert short.labels == ("<start>", "this", "movie")
    empty = tokenize("", spec.vocab, len(spec.vocab), length=4)
    assert empty.T == 4


def test_max_len_keeps_the_last_tokens_like_keras(spec):
    tokens = tokenize("this movie was not good", spec.vocab, len(spec.vocab), max_len=3)
    assert tokens.labels == ("was", "not", "good") and tokens.cut == 3


# --- the explorer --------------------------------------------------------------------------------
def test_trace_is_the_cores_trace_of_the_tokens(spec):
    ex = Explorer(spec)
    ex.set_text("this movie was not good")
    ex.set_label(1)
    trace = ex.trace()
    expected = make_trace(spec.params, np.array(ex.tokens.ids), 1, activation="tanh")
    assert trace.T == 6
    np.testing.assert_array_equal(trace.s, expected.s)
    np.testing.assert_array_equal(trace.dL_ds, expected.dL_ds)
    assert trace.loss == expected.loss
    assert ex.prediction() == pytest.approx(expected.y_hat[-1, 0])


def test_every_control_invalidates_the_trace(spec):
    ex = Explorer(spec)
    ex.set_text("not good")
    first = ex.trace()
    assert ex.trace() is first  # cached while nothing changes
    ex.set_w_scale(2.0)
    scaled = ex.trace()
    assert scaled is not first
    np.testing.assert_allclose(scaled.params["W"], 2.0 * spec.params["W"])
    ex.set_activation("linear")
    assert ex.trace().activation == "linear"
    ex.set_seq_len(9)
    assert ex.trace().T == 9
    ex.set_seq_len(None)
    ex.set_label(1)
    assert int(ex.trace().targets[0]) == 1


def test_spectral_radius_follows_the_w_scale(spec):
    ex = Explorer(spec)
    base = spectral_radius(spec.params["W"])
    ex.set_w_scale(0.5)
    assert ex.spectral_radius() == pytest.approx(0.5 * base)


@pytest.mark.parametrize("bad", [
    lambda ex: ex.set_label(2), lambda ex: ex.set_activation("sigmoid"), lambda ex: ex.set_w_scale(-1),
    lambda ex: ex.set_seq_len(0), lambda ex: ex.set_seq_len(501), lambda ex: ex.set_clipping(True, 0.0),
])
def test_invalid_control_values_are_refused(spec, bad):
    with pytest.raises(ValueError):
        bad(Explorer(spec))


def test_clip_report_uses_the_cores_clipping_on_a_copy(spec):
    ex = Explorer(spec)
    ex.set_text("this movie was not good")
    assert ex.clip_report() is None
    grads_before = {k: v.copy() for k, v in ex.trace().grads.items()}
    norm_before = clip_by_global_norm({k: v.copy() for k, v in grads_before.items()}, None)
    ex.set_clipping(True, norm_before / 4)
    report = ex.clip_report()
    assert report.norm_before == pytest.approx(norm_before)
    assert report.active and report.scale == pytest.approx(0.25)
    for k, g in grads_before.items():
        np.testing.assert_allclose(report.clipped[k], 0.25 * g)
        np.testing.assert_array_equal(ex.trace().grads[k], g)  # the trace itself is untouched
    ex.set_clipping(True, norm_before * 2)
    assert not ex.clip_report().active and ex.clip_report().scale == 1.0


def test_gradients_vanish_below_and_explode_above_spectral_radius_one(spec):
    ex = Explorer(spec)
    ex.set_text("not good")
    ex.set_activation("linear")
    ex.set_seq_len(30)
    base = spectral_radius(spec.params["W"])
    ratios = {}
    for rho in (0.7, 1.3):
        ex.set_w_scale(rho / base)
        g = ex.trace().grad_norm_per_step
        ratios[rho] = g[0] / g[-1]
    assert ratios[0.7] < 1e-2 < 1e2 < ratios[1.3]


# --- playback ------------------------------------------------------------------------------------
def test_playback_steps_jumps_and_plays_to_the_end():
    p = Playback(5, speed=10.0)
    assert (p.index, p.frac) == (0, 1.0)
    p.next(); p.next()
    assert p.index == 2
    p.previous()
    assert p.index == 1
    p.last()
    assert p.index == 4 and p.at_end
    p.play()  # from the end: starts over
    assert p.position == 0.0 and p.playing
    p.advance(0.25)  # 2.5 steps at 10 steps/s
    assert (p.index, p.frac) == (2, pytest.approx(0.5))
    p.advance(10.0)
    assert p.at_end and not p.playing and p.index == 4


def test_playback_reset_keeps_the_step_only_for_the_same_step_count():
    p = Playback(13)
    p.go_to(9)
    p.reset(13, keep_index=True)
    assert p.index == 9
    p.reset(21, keep_index=False)
    assert p.index == 0


# --- BPTT by hand --------------------------------------------------------------------------------
def test_format_number():
    assert format_number(0.12345) == "0.1235"
    assert format_number(-2.5) == "-2.5000"
    assert format_number(0.0) == "0.0000"
    assert format_number(3.2e-7) == "3.200e-07"
    assert format_number(float("inf")) == "inf"


def test_forward_step_shows_the_traces_vectors(spec):
    ex = Explorer(spec)
    ex.set_text("this movie was not good")
    trace = ex.trace()
    index = 2  # forward t = 3
    assert trace.steps[index].kind == "forward" and trace.steps[index].t == 3
    text = plain(step_html(trace, index, ex.tokens.labels, ex.tokens.words, show_all=True))
    for vector in (trace.Ux[2], trace.Ws[2], trace.a[2], trace.s[2], trace.o[2]):
        for value in vector:
            assert format_number(value) in text
    assert "a 3 = U x 3 + W s 2 + b" in text
    assert format_number(norm(trace.a[2])) in text


def test_first_entries_only_unless_all_are_asked_for(spec):
    ex = Explorer(spec)
    ex.set_text("this movie was not good")
    trace = ex.trace()
    short = plain(step_html(trace, 0, show_all=False))
    a_row = short.split("a 1 = [")[-1].split("]")[0]
    assert format_number(trace.a[0][3]) in a_row and format_number(trace.a[0][4]) not in a_row
    assert "…" in short


def test_backward_step_shows_both_shares_the_derivative_and_the_running_sums(spec):
    ex = Explorer(spec)
    ex.set_text("this movie was not good")
    trace = ex.trace()
    index = next(i for i, s in enumerate(trace.steps) if s.kind == "backward" and s.t == 2)
    text = plain(step_html(trace, index, show_all=True))
    # a block with a small entry is printed in scientific notation: compare values, not strings
    for vector in (trace.dL_ds_rec[1], trace.dL_ds[1], trace.fprime[1], trace.dL_da[1]):
        for value in vector:
            assert shows(text, value), value
    for matrix in (trace.dW_step[1], trace.dW_sum[1], trace.dU_sum[1]):
        assert shows(text, norm(matrix))
        assert all(shows(text, value) for value in matrix.ravel())
    assert "f′(a t ) = 1 − s t 2" in text


def test_loss_step_and_last_step_with_clipping(spec):
    ex = Explorer(spec)
    ex.set_text("not good")
    ex.set_clipping(True, 1e-3)
    trace = ex.trace()
    loss_index = next(i for i, s in enumerate(trace.steps) if s.kind == "loss")
    text = plain(step_html(trace, loss_index))
    assert format_number(trace.loss) in text and format_number(trace.dL_do[-1, 0]) in text
    last = plain(step_html(trace, len(trace.steps) - 1, clip=ex.clip_report()))
    assert "clipping" in last.lower() and format_number(ex.clip_report().scale) in last


def test_example_sentences_come_from_resources():
    examples = example_sentences()
    assert examples[0] == (0, "this movie was not good")
    assert all(label in (0, 1) and text for label, text in examples)


def test_norm_of_a_vanished_gradient_does_not_underflow():
    assert norm(np.array([3e-200, 4e-200])) == pytest.approx(5e-200)
    assert norm(np.array([0.0, 0.0])) == 0.0
    assert norm(np.array([np.inf, 1.0])) == np.inf
    assert norm(np.array([[3.0, 0.0], [0.0, 4.0]])) == pytest.approx(5.0)


def test_unknown_words_are_counted_and_only_the_first_few_named():
    from rnnviz.explorer.equations import unknown_words_text, unknown_words_tooltip

    words = [f"w{i}" for i in range(10)]
    text = unknown_words_text(words, first=3)
    assert text.startswith("10 unknown") and "w2" in text and "w3" not in text and "+7 more" in text
    assert unknown_words_text(["abc"]) == "1 unknown: abc"
    assert all(w in unknown_words_tooltip(words) for w in words) and unknown_words_tooltip([]) == ""


def test_next_word_explorer_traces_the_next_tokens_and_the_panel_names_them():
    from rnnviz.explorer import Controls, Explorer, step_html, summary_html
    from rnnviz.explorer.sources import builtin_spec

    spec = builtin_spec("next_word", 4)
    assert spec.head == "softmax" and spec.hidden_dim == 4 and spec.builtin_task == "next_word"
    explorer = Explorer(spec, Controls(text="the movie was not good"))
    trace = explorer.trace()
    ids = explorer.tokens.ids
    assert list(trace.targets) == list(ids[1:]) + [0]
    loss_step = next(i for i, st in enumerate(trace.steps) if st.kind == "loss")
    text = step_html(trace, loss_step, explorer.tokens.labels, vocab=spec.vocab)
    assert "&lsquo;&lt;end&gt;&rsquo;" in text and "&lsquo;good&rsquo;" in text  # targets by name
    back = step_html(trace, len(trace.steps) - 1, vocab=spec.vocab)  # backward t = 1
    assert "onehot" in back and format_number(trace.dL_do[0, trace.targets[0]]) in back
    assert "U, W, b, V, c are shared" in back
    assert "predicted" in summary_html(trace, explorer.tokens, spec.vocab)


# --- one format per block ---------------------------------------------------------------------------
def test_a_block_with_mixed_magnitudes_is_all_scientific_of_one_width():
    values = [0.0024, 0.0027, 7.971e-04, -6.620e-04, 0.0]
    texts = format_block(values)
    assert texts == ["+2.400e-03", "+2.700e-03", "+7.971e-04", "-6.620e-04", "+0.000e+00"]
    fixed = format_block([0.6972, -12.25, 0.0, 1e-3])
    assert fixed == ["  0.6972", "-12.2500", "  0.0000", "  0.0010"]  # all fixed: zeros are fine
    # a vanished 1e-200 pads every exponent to 3 digits so the mantissas still line up
    tiny = format_block([3e-200, 0.5, float("nan"), -float("inf")])
    assert len({len(t) for t in tiny}) == 1 and tiny[0] == "+3.000e-200" and tiny[1] == "+5.000e-001"
    assert tiny[2].strip() == "nan" and tiny[3].strip() == "-inf"
    assert all(same_to_shown_precision(t.strip(), v) for t, v in zip(tiny[:2], [3e-200, 0.5]))
    assert format_block([2e4, 1.0]) == ["+2.000e+04", "+1.000e+00"]  # above the fixed range
    assert format_block([2e4, 1.0], signed=False) == ["2.000e+04", "1.000e+00"]  # norms: no '+'


NUMBER_CELL = r"<td class=[\"']n[\"']>(.*?)</td>"
NORM_LABEL = "&#8214;&middot;&#8214; =</td>"


def vector_table_rows(table: str) -> list[tuple[list[str], str]]:
    """(entry cells, norm cell) of each vector of a vector table. A vector's first line starts with its
    label; a long one (Show all entries) continues on lines without a label and has its norm first."""
    vectors = []
    for row in re.findall(r"<tr>.*?</tr>", table, flags=re.S):
        cells = re.findall(NUMBER_CELL, row)
        if row.startswith("<tr><td align='right' class='l'>"):
            norm_first = row.index(NORM_LABEL) < row.index("[") if NORM_LABEL in row and "[" in row else False
            vectors.append((cells[1:], cells[0]) if norm_first else (cells[:-1], cells[-1]))
        elif vectors and cells:
            vectors[-1][0].extend(cells)
    return vectors


def block_cells(html: str) -> list[list[str]]:
    """The groups of number cells that must share one format: per vector table its entries and
    (separately) its norms, per other table (a matrix, the L_t column) all its number cells."""
    groups = []
    for table in re.findall(r"<table.*?</table>", html, flags=re.S):
        if "class='l'>" in table and NORM_LABEL in table:
            rows = vector_table_rows(table)
            groups += [[c for entries, _ in rows for c in entries], [n for _, n in rows]]
        else:
            rows = [re.findall(NUMBER_CELL, r) for r in re.findall(r"<tr>.*?</tr>", table, flags=re.S)]
            cells = [c for r in rows for c in r]
            if cells:
                groups.append(cells)
    return groups


def vector_rows(html: str) -> list[list[str]]:
    """Each vector row's entry cells (without its norm)."""
    return [entries for table in re.findall(r"<table.*?</table>", html, flags=re.S) if NORM_LABEL in table
            for entries, _ in vector_table_rows(table)]


@pytest.mark.parametrize("show_all", [False, True])
def test_every_block_of_every_step_has_one_format_and_width_and_the_traces_numbers(spec, show_all):
    ex = Explorer(spec)
    ex.set_text("this movie was not good")
    ex.set_seq_len(12)
    ex.set_w_scale(0.3)  # gradients vanish back in time: blocks mix 1e-1 with 1e-6
    trace = ex.trace()
    mixed = 0
    for index, step in enumerate(trace.steps):
        html = step_html(trace, index, show_all=show_all)
        for cells in block_cells(html):
            assert len({len(c) for c in cells}) == 1, cells  # one width (right-aligned, padded)
            kinds = {"e" in c for c in cells if c.strip() not in ("nan", "inf", "-inf")}
            assert len(kinds) <= 1, cells  # one notation
            mixed += kinds == {True}
        if step.kind == "backward":
            i = step.t - 1
            rows = vector_rows(html)
            expected = [trace.dL_ds_rec[i], trace.dL_ds_out[i], trace.dL_ds[i],
                        trace.fprime[i], trace.dL_ds[i], trace.dL_da[i]]
            assert len(rows) == len(expected)
            for cells, vector in zip(rows, expected):
                k = len(vector) if show_all else min(len(vector), 4)
                assert len(cells) == k
                assert all(same_to_shown_precision(c.strip(), v) for c, v in zip(cells, vector)), (cells, vector)
    assert mixed > 0  # the scientific case was exercised


def test_norms_of_a_block_share_a_format(spec):
    ex = Explorer(spec)
    ex.set_text("this movie was not good")
    trace = ex.trace()
    index = next(i for i, s in enumerate(trace.steps) if s.kind == "backward" and s.t == 1)
    html = step_html(trace, index)
    norms = [re.findall(r"<td class=[\"']n[\"']>(.*?)</td>", r)[-1]
             for r in re.findall(r"<tr><td align='right' class='l'>.*?</tr>", html, flags=re.S)]
    assert len(norms) == 6 and all(len(n) == len(norms[0]) for n in norms[:3])
    assert same_to_shown_precision(norms[2].strip(), norm(trace.dL_ds[0]))
