"""Lesson progress: remembered across launches, written atomically, a damaged file set aside."""
import json

from rnnviz.explorer.lesson_progress import LessonProgress


def test_progress_survives_a_restart(tmp_path):
    path = tmp_path / "sub" / "progress.json"
    p = LessonProgress(path)
    assert not p.is_done("01_x") and p.step_of("01_x") == 0
    p.visit("01_x", 0, 3)
    p.visit("01_x", 2, 3)
    p.visit("02_y", 1, 4)
    p.record_exercise("02_y", "a@1:0", False)
    p.record_exercise("02_y", "a@1:0", True)
    p.record_exercise("02_y", "s@2:1", False)
    again = LessonProgress(path)
    assert again.is_done("01_x") and not again.is_done("02_y")
    assert again.step_of("02_y") == 1 and again.current_lesson == "02_y"
    assert again.score("02_y") == (1, 2) and again.notice == ""
    assert not list(path.parent.glob(".*.tmp")), "no temporary file left behind"


def test_damaged_file_is_set_aside_with_a_notice(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text("{not json", encoding="utf-8")
    p = LessonProgress(path)
    assert p.lessons == {} and "unreadable" in p.notice
    assert (tmp_path / "progress.damaged").read_text(encoding="utf-8") == "{not json"
    p.visit("01_x", 0, 2)
    assert json.loads(path.read_text(encoding="utf-8"))["lessons"]["01_x"]["seen"] == [0]


def test_foreign_json_is_not_trusted(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"format": "rnnviz-learn-progress", "version": 1, "lessons": {"a": 3}}),
                    encoding="utf-8")
    assert "malformed" in LessonProgress(path).notice


def test_unwritable_folder_keeps_progress_for_the_session(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    p = LessonProgress(blocker / "progress.json")  # a folder that is a file: cannot be created
    p.visit("01_x", 1, 2)
    assert p.is_done("01_x") and "cannot be saved" in p.notice
