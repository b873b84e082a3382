"""The Learn panel on its own, beside a real Explorer: navigation, progress, exercises (lesson 1's
shuffle runs in the Explore page's ordinary network panel: tests/gui/test_lesson_ordinary.py)."""
import pytest

from rnnviz.explorer import Explorer, Playback
from rnnviz.explorer.lesson_progress import LessonProgress
from rnnviz.explorer.lessons import lesson_model
from rnnviz.gui.learn import LearnPanel
from rnnviz.gui.learn.notation import notation_html


@pytest.fixture
def panel(qtbot, tmp_path):
    explorer = Explorer(lesson_model("sentiment"))
    panel = LearnPanel(explorer, Playback(), progress=LessonProgress(tmp_path / "progress.json"))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_next_and_back_walk_every_step_and_set_the_explorer(panel, qtbot):
    applied = []
    panel.stepApplied.connect(applied.append)
    seen = 0
    while panel.next_button.isEnabled():
        panel.next_button.click()
        seen += 1
        step = panel.step
        assert panel.explorer.controls.text == step.state.text
        assert panel.status.text() == "", panel.status.text()
        assert panel.text.text() == notation_html(step.text)
    assert seen == sum(len(lesson.steps) for lesson in panel.lessons) - 1
    assert len(applied) == seen and panel.lesson_index == 7
    assert all(panel.progress.is_done(lesson.id) for lesson in panel.lessons)
    assert "✓" in panel.lesson_list.item(0).text()
    panel.back_button.click()
    assert (panel.lesson_index, panel.step_index) == (7, len(panel.lessons[7].steps) - 2)


def test_tokens_in_lesson_text_are_shown_not_swallowed(panel):
    panel.open_lesson(4, 1)  # unknown words: the text names <oov>
    assert "&lt;oov&gt;" in panel.text.text()


def test_exercise_wrong_then_right_and_the_score(panel, qtbot):
    panel.open_lesson(3, 1)  # dL/ds_3: a missed W^T dL/da_4 term
    box = panel.exercise_box
    assert box.isVisible()
    trace = panel.explorer.trace()
    qtbot.keyClicks(box.answer, f"{trace.dL_ds_out[2, 0]:.4g}")
    box.check_button.click()
    assert "W^T dL/da_4" in box.feedback.text()
    box.answer.clear()
    qtbot.keyClicks(box.answer, f"{trace.dL_ds[2, 0]:.4g}")
    box.check_button.click()
    assert box.feedback.text().startswith("Right")
    assert panel.progress.score(panel.lesson.id) == (1, 1)
    assert "(1/1 exercises)" in panel.lesson_list.item(3).text()


def test_progress_reopens_where_the_learner_was(panel, qtbot, tmp_path):
    panel.open_lesson(2, 2)
    again = LearnPanel(panel.explorer, Playback(), progress=LessonProgress(tmp_path / "progress.json"))
    qtbot.addWidget(again)
    assert (again.lesson_index, again.step_index) == (2, 2)
    assert again.explorer.model.name.startswith("pencil")


def test_exercise_follows_the_explorer_when_the_learner_changes_the_sentence(panel):
    panel.open_lesson(2, 1)  # a_2[2] on "not so good"
    before = panel.exercise_box.exercise.answer
    panel.explorer.set_text("so not good")
    panel.follow_explorer()
    after = panel.exercise_box.exercise
    assert after.answer == panel.explorer.trace().a[1, 1] and after.answer != before


def test_an_exercise_at_the_current_step_of_any_lesson(panel):
    panel.open_lesson(1, 1)  # no exercise of its own: forward t = 3 of the built-in model
    assert not panel.exercise_box.isVisible()
    panel.new_exercise_button.click()
    ex = panel.exercise_box.exercise
    assert panel.exercise_box.isVisible() and ex.quantity in ("a", "s") and ex.t == 3
    assert ex.check(f"{ex.answer:.4g}").correct
    panel.next_button.click()  # the next step (no exercise either) drops it
    assert not panel.exercise_box.isVisible()


