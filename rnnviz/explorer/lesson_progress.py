"""Where the learner is in the lessons, remembered between launches. No Qt.

A small JSON file in the user data folder (platformdirs, via ``rnnviz.train.paths``), written
atomically: for each lesson id the steps seen, whether it is done, the step to return to, and the
exercises tried and solved. A missing file is a new learner; a damaged or foreign one is set aside
(``.damaged``) and the learner starts fresh, with ``notice`` saying so, instead of failing.
"""
from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from rnnviz.data.atomic import replace_atomically

from .text import translate

FILE_NAME = "learn-progress.json"
FORMAT, VERSION = "rnnviz-learn-progress", 1


def default_path() -> Path:
    from rnnviz.train.paths import user_data_folder
    return user_data_folder() / FILE_NAME


class LessonProgress:
    """Progress per lesson id. Changes are saved at once (a few hundred bytes)."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.notice = ""
        self.current_lesson: str | None = None
        self.lessons: dict[str, dict] = {}
        self._load()

    # --- reading -----------------------------------------------------------------------------
    def _entry(self, lesson_id: str) -> dict:
        return self.lessons.setdefault(lesson_id, {"seen": [], "done": False, "step": 0, "exercises": {}})

    def is_done(self, lesson_id: str) -> bool:
        return bool(self.lessons.get(lesson_id, {}).get("done"))

    def step_of(self, lesson_id: str) -> int:
        """The step to return to in the lesson (0 for a lesson not started)."""
        return int(self.lessons.get(lesson_id, {}).get("step", 0))

    def score(self, lesson_id: str) -> tuple[int, int]:
        """(exercises solved, exercises tried) in the lesson."""
        ex = self.lessons.get(lesson_id, {}).get("exercises", {})
        return sum(bool(v) for v in ex.values()), len(ex)

    # --- changing ----------------------------------------------------------------------------
    def visit(self, lesson_id: str, step: int, n_steps: int) -> None:
        """The learner is at `step` of a lesson of `n_steps`; reaching the last step finishes it."""
        entry = self._entry(lesson_id)
        entry["step"] = int(step)
        if step not in entry["seen"]:
            entry["seen"].append(int(step))
        if step == n_steps - 1:
            entry["done"] = True
        self.current_lesson = lesson_id
        self.save()

    def record_exercise(self, lesson_id: str, key: str, correct: bool) -> None:
        ex = self._entry(lesson_id)["exercises"]
        ex[key] = bool(ex.get(key)) or bool(correct)  # solved stays solved
        self.save()

    def reset(self) -> None:
        self.lessons.clear()
        self.current_lesson = None
        self.save()

    # --- file --------------------------------------------------------------------------------
    def save(self) -> None:
        """Write atomically; a folder that cannot be written keeps the progress for this session only."""
        data = {"format": FORMAT, "version": VERSION, "current": self.current_lesson, "lessons": self.lessons}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with replace_atomically(self.path, file_mode=0o644) as tmp:
                tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError as exc:
            self.notice = translate("LessonProgress", "Lesson progress cannot be saved ({0}); it is kept until you "
                                    "close rnnviz.").format(exc)

    def _load(self) -> None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError as exc:
            self.notice = translate("LessonProgress", "Lesson progress could not be read ({0}); starting "
                                    "fresh.").format(exc)
            return
        try:
            data = json.loads(text)
            if not (isinstance(data, dict) and data.get("format") == FORMAT and data.get("version") == VERSION):
                raise ValueError("not an rnnviz lesson progress file of this version")
            lessons = data["lessons"]
            if not isinstance(lessons, dict) or not all(_valid(v) for v in lessons.values()):
                raise ValueError("lesson entries are malformed")
        except (ValueError, KeyError) as exc:
            with contextlib.suppress(OSError):
                os.replace(self.path, self.path.with_suffix(".damaged"))
            self.notice = translate("LessonProgress", "Lesson progress was unreadable ({0}); kept aside as {1}, "
                                    "starting fresh.").format(exc, f"{self.path.stem}.damaged")
            return
        self.lessons = lessons
        current = data.get("current")
        self.current_lesson = current if isinstance(current, str) else None


def _valid(entry) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("seen"), list) and isinstance(entry.get("done"), bool)
            and isinstance(entry.get("step"), int) and isinstance(entry.get("exercises"), dict))
