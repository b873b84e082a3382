"""Every step of every lesson applies cleanly, and what its text claims is true in the state it sets."""
import pytest

from rnnviz.explorer import Explorer, Playback
from rnnviz.explorer.exercises import make_exercise
from rnnviz.explorer.lesson_checks import CHECK_KINDS, evaluate
from rnnviz.explorer.lessons import (LessonError, StepState, apply_step, lesson_model, load_lessons,
                                     parse_lesson, parse_step_ref)

LESSONS = load_lessons()
STEPS = [(lesson, k, step) for lesson in LESSONS for k, step in enumerate(lesson.steps)]
IDS = [f"{lesson.id}-{k + 1}" for lesson, k, _ in STEPS]


@pytest.fixture(scope="module")
def explorer():
    return Explorer(lesson_model("sentiment"))


def test_eight_lessons_in_the_textbook_order():
    assert [lesson.id[:2] for lesson in LESSONS] == [f"0{k}" for k in range(1, 9)]
    words = ["ordinary", "loop", "forward", "bptt", "text", "exploding", "vanishing", "imdb"]
    assert [w in lesson.id for w, lesson in zip(words, LESSONS)] == [True] * 8
    for lesson in LESSONS:
        assert 2 <= len(lesson.steps) <= 6, lesson.id


@pytest.mark.parametrize("lesson,k,step", STEPS, ids=IDS)
def test_step_applies_and_its_claims_hold(explorer, lesson, k, step):
    playback = Playback()
    playback.go_to(3)
    applied = apply_step(step, explorer, playback)
    trace = explorer.trace()
    current = trace.steps[playback.index]
    kind, t = step.state.step
    assert (current.kind, current.t) == (kind, t or trace.T)
    assert playback.n_steps == len(trace.steps) and applied.index == playback.index
    # the state is the step's own, whatever came before
    assert explorer.controls.text == step.state.text and explorer.controls.clip == step.state.clip
    assert 2 <= len([s for s in step.text.split(". ") if s.strip()]) <= 5, "two to four sentences"
    for check in step.checks:
        assert check["kind"] in CHECK_KINDS
        result = evaluate(check, explorer, step.state.shuffled)
        assert result.ok, f"{lesson.id} step {k + 1}: {check} -> {result.detail}"
        if "says" in check:
            assert check["says"] in step.text, f"the text does not state {check['says']!r}"
    if step.exercise is not None:
        ex = make_exercise(trace, **step.exercise)
        assert ex.check(f"{ex.answer:.4g}").correct and ex.mistakes


def test_lessons_3_and_4_have_exercises():
    for lesson in LESSONS[2:4]:
        assert sum(s.exercise is not None for s in lesson.steps) >= 3


def test_a_step_is_the_same_from_any_state(explorer):
    """Applying a step after any other step gives the same trace numbers."""
    target = LESSONS[5].steps[0]
    apply_step(target, explorer, Playback())
    reference = explorer.trace().grad_norm_per_step.copy()
    for lesson in LESSONS:
        apply_step(lesson.steps[-1], explorer, Playback())
        explorer.set_w_scale(3.0)  # and a learner's own change on top
        apply_step(target, explorer, Playback())
        assert (explorer.trace().grad_norm_per_step == reference).all()


def test_translation_replaces_words_only(tmp_path):
    en, zh = tmp_path / "en", tmp_path / "zh_CN"
    en.mkdir()
    zh.mkdir()
    (en / "01_x.toml").write_text('title = "One"\n[[step]]\ntitle = "A"\ntext = "Say it."\ntask = "Do it."\n'
                                  '[step.state]\ntext = "this movie was good"\nlabel = 1\n', encoding="utf-8")
    zh_text = 'title = "一"\n[[step]]\ntitle = "甲"\ntext = "说。"\ntask = "做。"\n'
    (zh / "01_x.toml").write_text(zh_text, encoding="utf-8")
    (en / "02_y.toml").write_text('title = "Two"\n[[step]]\ntitle = "B"\ntext = "x."\ntask = "y."\n', encoding="utf-8")
    one, two = load_lessons("zh_CN", tmp_path)
    assert one.title == "一" and one.steps[0].text == "说。" and one.steps[0].state.label == 1
    assert two.title == "Two"  # no translation yet: English


def test_bad_lesson_files_get_clear_messages(tmp_path):
    with pytest.raises(LessonError, match="at least one"):
        parse_lesson({"title": "x"}, "x", "x.toml")
    bad_state = {"title": "x", "step": [{"title": "a", "text": "b", "task": "c", "state": {"colour": 1}}]}
    with pytest.raises(LessonError, match="unknown state field 'colour'"):
        parse_lesson(bad_state, "x", "x.toml")
    with pytest.raises(LessonError, match="step must be"):
        parse_step_ref("sideways 3")
    assert parse_step_ref("backward T") == ("backward", 0) and parse_step_ref("forward 2") == ("forward", 2)
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "01.toml").write_text("title = [", encoding="utf-8")
    with pytest.raises(LessonError, match="01.toml"):
        load_lessons("en", tmp_path)


def test_a_step_the_trace_does_not_have_is_refused(explorer):
    step = LESSONS[0].steps[0]
    bad = type(step)(step.title, step.text, step.task, StepState(step=("backward", 99)))
    with pytest.raises(ValueError, match="no backward step at t = 99"):
        apply_step(bad, explorer, Playback())
