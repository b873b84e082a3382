"""Exercises on the pencil model: the trace's value is accepted, each typical mistake gets its hint."""
import math

import numpy as np
import pytest

from rnnviz.explorer import Controls, Explorer
from rnnviz.explorer.exercises import QUANTITIES, Score, close, exercise_key, make_exercise
from rnnviz.explorer.pencil import PENCIL_LABEL, PENCIL_SENTENCE, pencil_spec


@pytest.fixture(scope="module")
def trace():
    return Explorer(pencil_spec(), Controls(text=PENCIL_SENTENCE, label=PENCIL_LABEL)).trace()


def test_pencil_model_is_small_and_rounded(trace):
    spec = pencil_spec()
    assert trace.T == 4 and trace.hidden_size == 2 and trace.x.shape[1] == 2
    for name, value in spec.params.items():
        np.testing.assert_array_equal(value, np.round(value, 1), err_msg=name)
    assert np.all(trace.fprime > 0.5), "no unit saturates: every f' is readable"


# every kind of quantity at a step where all its terms are nonzero, and the mistakes each one has
CASES = [
    ("a", 3, 0, 0, {"no_memory", "no_bias", "w_column"}),
    ("s", 2, 1, 0, {"no_f", "sigmoid", "sign"}),
    ("o", 4, 0, 0, {"no_bias", "sigmoid", "s_prev"}),
    ("dL_do", 4, 0, 0, {"sign", "sigmoid_prime"}),  # y = 0: "forgot y" gives the right value
    ("dL_ds", 3, 0, 0, {"no_recurrent", "w_row", "ds_next", "sign"}),
    ("dL_ds", 4, 1, 0, {"no_output", "sign"}),
    ("dL_da", 2, 0, 0, {"no_fprime", "sign", "a_squared", "s_prime"}),
    ("dW", 3, 0, 1, {"s_t", "swapped", "no_fprime", "running_sum"}),
    ("dU", 2, 1, 0, {"no_fprime", "running_sum", "sign", "swapped"}),
]


@pytest.mark.parametrize("quantity,t,i,j,expected", CASES)
def test_right_answer_accepted_and_each_mistake_gets_its_hint(trace, quantity, t, i, j, expected):
    ex = make_exercise(trace, quantity, t, i, j)
    assert {key for key, _, _ in ex.mistakes} == expected
    assert ex.check(repr(ex.answer)).correct
    assert ex.check(f"{ex.answer:.4g}").correct, "4 significant digits are enough"
    assert ex.inputs, "the inputs needed are listed"
    hints = set()
    for key, value, hint in ex.mistakes:
        fb = ex.check(f"{value:.4g}")
        assert not fb.correct and fb.mistake == key, (key, value, ex.answer)
        assert fb.message == hint
        hints.add(hint)
    assert len(hints) == len(ex.mistakes), "each mistake has its own hint"


def test_the_answer_is_the_traces_number(trace):
    assert make_exercise(trace, "dL_da", 2, 1).answer == trace.dL_da[1, 1]
    assert make_exercise(trace, "dW", 3, 1, 0).answer == trace.dW_step[2, 1, 0]
    assert make_exercise(trace, "dU", 4, 0, 1).answer == trace.dU_step[3, 0, 1]
    assert make_exercise(trace, "o", 4).answer == trace.o[3, 0]


def test_missed_recurrent_term_hint_names_it(trace):
    ex = make_exercise(trace, "dL_ds", 3, 0)
    fb = ex.check(f"{trace.dL_ds_out[2, 0]:.4g}")
    assert not fb.correct and "W^T dL/da_4" in fb.message


def test_mistakes_equal_to_the_answer_are_not_offered(trace):
    """At t = 1, W s_0 = 0: leaving out the memory term gives the right value."""
    ex = make_exercise(trace, "a", 1, 0)
    assert "no_memory" not in {k for k, _, _ in ex.mistakes}
    assert all(not close(v, ex.answer) for _, v, _ in ex.mistakes)


def test_other_wrong_answers_and_bad_input(trace):
    ex = make_exercise(trace, "s", 3, 0)
    fb = ex.check("12.5")
    assert not fb.correct and fb.mistake is None and "f(a_3[1])" in fb.message
    for text in ("abc", "", "inf"):
        assert not ex.check(text).correct
    assert ex.check(f"{ex.answer:.4g}".replace(".", ",")).correct


def test_tolerance_is_four_significant_digits():
    assert close(0.12344, 0.1234) and close(0.1235, 0.1234) and not close(0.1237, 0.1234)
    assert close(-1234.0, -1234.4) and not close(-1236.0, -1234.4)
    assert close(3e-5, 0.0) and not close(1e-3, 0.0)
    assert not math.isnan(0.0)


def test_bad_requests_are_refused_clearly(trace):
    with pytest.raises(ValueError, match="quantity"):
        make_exercise(trace, "loss", 1)
    with pytest.raises(ValueError, match="between 1 and 4"):
        make_exercise(trace, "a", 5)
    assert set(QUANTITIES) == {c[0] for c in CASES}


def test_score_per_lesson(trace):
    score = Score()
    ex = make_exercise(trace, "a", 2, 0)
    score.record("03_forward", exercise_key(ex), False)
    assert score.of("03_forward") == (0, 1)
    score.record("03_forward", exercise_key(ex), True)
    score.record("03_forward", exercise_key(ex), False)  # solved stays solved
    assert score.of("03_forward") == (1, 1) and score.of("04_bptt") == (0, 0)


def test_forgotten_label_is_recognised_when_y_is_1():
    trace = Explorer(pencil_spec(), Controls(text=PENCIL_SENTENCE, label=1)).trace()
    ex = make_exercise(trace, "dL_do", 4)
    fb = ex.check(f"{trace.y_hat[-1, 0]:.4g}")
    assert fb.mistake == "no_label" and "label" in fb.message
    assert ex.check(f"{trace.y_hat[-1, 0] - 1:.4g}").correct


def test_an_exercise_for_any_step_of_the_built_in_model():
    """'New exercise' works at every step of a bigger model too, and hides what that step computes."""
    from rnnviz.explorer.exercises import STEP_QUANTITIES, exercise_for_step
    from rnnviz.explorer.lessons import lesson_model
    trace = Explorer(lesson_model("sentiment"), Controls(text="this movie was not good", label=0)).trace()
    rng = np.random.default_rng(0)
    for index, step in enumerate(trace.steps):
        ex = exercise_for_step(trace, index, rng)
        assert ex.quantity in STEP_QUANTITIES[step.kind] and ex.t == step.t
        assert ex.check(f"{ex.answer:.4g}").correct
        assert ex.mistakes and ex.answer != 0.0
