"""The Learn panel: the lesson list, the current step's words, Back / Next, and the exercise box.

It takes the explorer and the playback in ``__init__`` and changes them only through
``rnnviz.explorer.lessons.apply_step``; ``stepApplied(AppliedStep)`` tells the window to show the new
state (``install.py`` connects it), ``highlightRequested(str)`` names the region to look at.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea,
                               QSplitter, QVBoxLayout, QWidget)

import numpy as np

from rnnviz.explorer.exercises import exercise_for_step, exercise_key, make_exercise
from rnnviz.explorer.lesson_progress import LessonProgress
from rnnviz.explorer.lessons import apply_step, load_lessons

from ..i18n import QT_TRANSLATE_NOOP
from .exercise_box import ExerciseBox
from .notation import notation_html

# translated where they are shown: self.tr(REGION_NAMES[...])
REGION_NAMES = {"graph": QT_TRANSLATE_NOOP("LearnPanel", "the unrolled graph"),
                "bptt": QT_TRANSLATE_NOOP("LearnPanel", "the BPTT by hand panel"),
                "plots": QT_TRANSLATE_NOOP("LearnPanel", "the gradient plots"),
                "controls": QT_TRANSLATE_NOOP("LearnPanel", "the vanishing and exploding controls"),
                "input": QT_TRANSLATE_NOOP("LearnPanel", "the input box"),
                "model": QT_TRANSLATE_NOOP("LearnPanel", "the Model box"),
                "ordinary": QT_TRANSLATE_NOOP("LearnPanel", "the ordinary network beside the RNN, under the graph"),
                "learn": QT_TRANSLATE_NOOP("LearnPanel", "this panel"),
                "train": QT_TRANSLATE_NOOP("LearnPanel", "the Train page")}


class LearnPanel(QWidget):
    """Lessons beside the window's views. Signals: stepApplied(AppliedStep), highlightRequested(str),
    coverRequested(bool)."""

    stepApplied = Signal(object)
    highlightRequested = Signal(str)
    #: True while an exercise is open: the window covers the BPTT panel, which would show the answer
    coverRequested = Signal(bool)

    def __init__(self, explorer, playback, progress: LessonProgress | None = None, language: str = "en",
                 parent=None, lessons=None):
        super().__init__(parent)
        self.explorer, self.playback = explorer, playback
        self.progress = progress if progress is not None else LessonProgress()
        self.lessons = lessons if lessons is not None else load_lessons(language)
        self.lesson_index = self.step_index = 0
        self._custom_exercise: dict | None = None  # one the learner asked for, until the next step
        self._rng = np.random.default_rng()
        self._build()
        start = next((k for k, lesson in enumerate(self.lessons) if lesson.id == self.progress.current_lesson), 0)
        self.open_lesson(start, self.progress.step_of(self.lessons[start].id))

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.lesson_list = QListWidget()
        self.lesson_list.setObjectName("lesson_list")
        self.lesson_list.currentRowChanged.connect(self._lesson_chosen)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.step_title = QLabel()
        self.step_title.setWordWrap(True)
        for label in (self.title, self.step_title):
            label.setTextFormat(Qt.TextFormat.RichText)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setObjectName("step_text")
        self.task = QLabel()
        self.task.setWordWrap(True)
        self.task.setTextFormat(Qt.TextFormat.RichText)
        self.task.setObjectName("step_task")
        self.look_at = QLabel()
        self.look_at.setWordWrap(True)  # a long region name must not widen the panel (it would scroll sideways)
        self.look_at.setStyleSheet("color: #555;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020;")
        self.exercise_box = ExerciseBox()
        self.exercise_box.answered.connect(self._on_answered)
        self.exercise_box.revealed.connect(lambda: self.coverRequested.emit(False))
        self.new_exercise_button = QPushButton(self.tr("Exercise at the current step"))
        self.new_exercise_button.setObjectName("new_exercise")
        self.new_exercise_button.setToolTip(self.tr("Hide one number that the window's current BPTT step "
                                                    "computes, and compute it yourself"))
        self.new_exercise_button.clicked.connect(self.new_exercise)
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.back_button.setObjectName("lesson_back")
        self.next_button.setObjectName("lesson_next")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        nav = QHBoxLayout()
        self.restart_button = QPushButton(self.tr("Restart step"))
        self.restart_button.setToolTip(self.tr("Set the window back to this step's sentence and controls"))
        self.restart_button.clicked.connect(lambda: self.show_step(self.step_index))
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.restart_button)
        nav.addWidget(self.next_button)
        content = QWidget()
        body = QVBoxLayout(content)
        for w in (self.title, self.step_title, self.text, self.task, self.look_at, self.exercise_box,
                  self.new_exercise_button, self.status):
            body.addWidget(w)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(nav)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.lesson_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([150, 650])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._fill_list()

    def _fill_list(self) -> None:
        self.lesson_list.blockSignals(True)
        self.lesson_list.clear()
        for k, lesson in enumerate(self.lessons):
            solved, tried = self.progress.score(lesson.id)
            mark = "✓" if self.progress.is_done(lesson.id) else "  "
            score = "  " + self.tr("({0}/{1} exercises)").format(solved, tried) if tried else ""
            item = QListWidgetItem(f"{mark} {k + 1}. {lesson.title}{score}")
            item.setToolTip(lesson.summary)
            self.lesson_list.addItem(item)
        self.lesson_list.setCurrentRow(self.lesson_index)
        self.lesson_list.blockSignals(False)

    # --- navigation --------------------------------------------------------------------------
    @property
    def lesson(self):
        return self.lessons[self.lesson_index]

    @property
    def step(self):
        return self.lesson.steps[self.step_index]

    def _lesson_chosen(self, row: int) -> None:
        if 0 <= row != self.lesson_index:
            self.open_lesson(row, self.progress.step_of(self.lessons[row].id))

    def open_lesson(self, index: int, step: int = 0) -> None:
        self.lesson_index = min(max(int(index), 0), len(self.lessons) - 1)
        self.show_step(min(max(int(step), 0), len(self.lesson.steps) - 1))

    def next(self) -> None:
        if self.step_index + 1 < len(self.lesson.steps):
            self.show_step(self.step_index + 1)
        elif self.lesson_index + 1 < len(self.lessons):
            self.open_lesson(self.lesson_index + 1, 0)

    def back(self) -> None:
        if self.step_index > 0:
            self.show_step(self.step_index - 1)
        elif self.lesson_index > 0:
            self.open_lesson(self.lesson_index - 1, len(self.lessons[self.lesson_index - 1].steps) - 1)

    def show_step(self, index: int) -> None:
        """Apply step `index` of the current lesson to the explorer and show its words."""
        self.step_index = index
        lesson, step = self.lesson, self.step
        # lesson text is plain text ("<start>", "<oov>" are tokens, not tags)
        self.title.setText(f"<h3>{self.lesson_index + 1}. {escape(lesson.title)}</h3>")
        self.step_title.setText("<b>" + self.tr("Step {0} of {1}: {2}").format(index + 1, len(lesson.steps),
                                                                                escape(step.title)) + "</b>")
        self.text.setText(notation_html(step.text))
        self.task.setText("<b>" + self.tr("Your turn:") + "</b> " + notation_html(step.task))
        region = self.tr(REGION_NAMES.get(step.state.highlight, step.state.highlight))
        self.look_at.setText(self.tr("Look at: {0}").format(region))
        self.status.clear()
        try:
            applied = apply_step(step, self.explorer, self.playback)
        except ValueError as exc:
            self.status.setText(self.tr("This step could not be shown: {0}").format(exc))
            applied = None
        last = self.lesson_index == len(self.lessons) - 1 and index == len(lesson.steps) - 1
        self.back_button.setEnabled(self.lesson_index > 0 or index > 0)
        self.next_button.setEnabled(not last)
        self.next_button.setText(self.tr("Next ▶") if index + 1 < len(lesson.steps) else self.tr("Next lesson ▶"))
        self.progress.visit(lesson.id, index, len(lesson.steps))
        if self.progress.notice:
            self.status.setText(self.progress.notice)
        self._fill_list()
        self._custom_exercise = None
        self.new_exercise_button.setVisible(step.state.highlight != "train")
        self._show_exercise()
        if applied is not None:
            self.stepApplied.emit(applied)
            self.highlightRequested.emit(applied.highlight)

    def follow_explorer(self) -> None:
        """The learner changed the window (a sentence, a control): keep the exercise true to the
        explorer's current trace, not to the step's state."""
        old = self.exercise_box.exercise
        self._show_exercise(keep_answer_if=old)

    # --- exercises ---------------------------------------------------------------------------
    def new_exercise(self) -> None:
        """An exercise on what the window's current step computes, at a random entry."""
        try:
            ex = exercise_for_step(self.explorer.trace(), self.playback.index, self._rng)
        except (ValueError, IndexError) as exc:
            self.status.setText(self.tr("No exercise for this model or step: {0}").format(exc))
            return
        self.status.clear()
        self._custom_exercise = {"quantity": ex.quantity, "t": ex.t, "i": ex.index[0],
                                 "j": ex.index[1] if len(ex.index) > 1 else 0}
        self._show_exercise()

    def _show_exercise(self, keep_answer_if=None) -> None:
        spec = self._custom_exercise or self.step.exercise
        exercise = None
        if spec is not None:
            try:
                exercise = make_exercise(self.explorer.trace(), **spec)
            except ValueError as exc:
                self.status.setText(self.tr("This step's exercise does not fit the window's state now ({0}); "
                                            "press Restart step.").format(exc))
        if exercise is None or exercise != keep_answer_if:
            self.exercise_box.show_exercise(exercise)
            self.coverRequested.emit(exercise is not None)
        self.exercise_box.show_score(*self.progress.score(self.lesson.id))

    def _on_answered(self, feedback) -> None:
        ex = self.exercise_box.exercise
        if ex is None:
            return
        self.progress.record_exercise(self.lesson.id, exercise_key(ex), feedback.correct)
        if feedback.correct:
            self.coverRequested.emit(False)
        self.exercise_box.show_score(*self.progress.score(self.lesson.id))
        self._fill_list()
