"""The Learn panel: the lesson list, the current step's words, Back / Next, and the exercise box.

It takes the explorer and the playback in ``__init__`` and changes them only through
``rnnviz.explorer.lessons.apply_step``; ``stepApplied(AppliedStep)`` tells the window to show the new
state (``install.py`` connects it), ``highlightRequested(str)`` names the region to look at.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea,
                               QSplitter, QVBoxLayout, QWidget)

from rnnviz.explorer.compare import compare_orders, shuffled_words
import numpy as np

from rnnviz.explorer.exercises import exercise_for_step, exercise_key, make_exercise
from rnnviz.explorer.lesson_progress import LessonProgress
from rnnviz.explorer.lessons import apply_step, lesson_bag_model, load_lessons

from ..jobs import BackgroundJob, JobRunner
from ..i18n import QT_TRANSLATE_NOOP
from .compare_box import CompareBox
from .exercise_box import ExerciseBox
from .notation import notation_html

# translated where they are shown: self.tr(REGION_NAMES[...])
REGION_NAMES = {"graph": QT_TRANSLATE_NOOP("LearnPanel", "the unrolled graph"),
                "bptt": QT_TRANSLATE_NOOP("LearnPanel", "the BPTT by hand panel"),
                "plots": QT_TRANSLATE_NOOP("LearnPanel", "the gradient plots"),
                "controls": QT_TRANSLATE_NOOP("LearnPanel", "the vanishing and exploding controls"),
                "input": QT_TRANSLATE_NOOP("LearnPanel", "the input box"),
                "model": QT_TRANSLATE_NOOP("LearnPanel", "the Model box"),
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
                 parent=None, lessons=None, jobs: JobRunner | None = None, build_bag_model=lesson_bag_model):
        super().__init__(parent)
        self.explorer, self.playback = explorer, playback
        self.progress = progress if progress is not None else LessonProgress()
        self.lessons = lessons if lessons is not None else load_lessons(language)
        self.lesson_index = self.step_index = 0
        self.bag_model = None
        self.bag_error: str | None = None  # why the ordinary network could not be built, shown to the learner
        self._shuffle_seed = 0
        self._shuffled_text: str | None = None
        self._custom_exercise: dict | None = None  # one the learner asked for, until the next step
        self._rng = np.random.default_rng()
        self._build()
        # The window's runner when it has one (its shutdown then ends this job too), else our own.
        self.jobs = jobs if jobs is not None else JobRunner(self)
        self._own_jobs = jobs is None
        self._start_bag_job(build_bag_model)
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
        self.look_at.setStyleSheet("color: #555;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020;")
        self.compare = CompareBox()
        self.compare.shuffleRequested.connect(self.shuffle)
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
        for w in (self.title, self.step_title, self.text, self.task, self.look_at, self.compare, self.exercise_box,
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
        self._shuffled_text, self._shuffle_seed = step.state.shuffled, 0
        self._custom_exercise = None
        self.new_exercise_button.setVisible(step.state.highlight != "train")
        self.compare.setVisible(step.state.shuffled is not None)
        self._show_comparison()
        self._show_exercise()
        if applied is not None:
            self.stepApplied.emit(applied)
            self.highlightRequested.emit(applied.highlight)

    def follow_explorer(self) -> None:
        """The learner changed the window (a sentence, a control): keep the comparison and the exercise
        true to the explorer's current trace, not to the step's state."""
        if self._shuffled_text is not None:
            words, shown = self.explorer.controls.text.split(), self._shuffled_text.split()
            if sorted(words) != sorted(shown):
                self._shuffled_text = shuffled_words(self.explorer.controls.text, self._shuffle_seed + 1)
            self._show_comparison()
        old = self.exercise_box.exercise
        self._show_exercise(keep_answer_if=old)

    # --- the ordinary network ----------------------------------------------------------------
    def _start_bag_job(self, build_bag_model) -> None:
        """Build the ordinary network off the GUI thread: a first build trains for a few seconds."""
        job = BackgroundJob(lambda progress, cancel: build_bag_model(6), self.tr("Training the ordinary network"))
        job.succeeded.connect(self._on_bag_ready)
        job.failed.connect(self._on_bag_failed)
        self.jobs.start(job, "rnnviz-learn-bag-model")

    @Slot(object)
    def _on_bag_ready(self, model) -> None:
        self.bag_model = model
        self._show_comparison()

    @Slot(str, bool)
    def _on_bag_failed(self, message: str, cancelled: bool) -> None:
        if cancelled:  # the window is closing
            return
        self.bag_error = message
        self.status.setText(message)
        self._show_comparison()

    def shutdown(self, timeout_s: float = 1.0) -> bool:
        """Cancel the job this panel started and wait for its thread (up to timeout_s); True if none runs."""
        return self.jobs.shutdown(timeout_s) if self._own_jobs else True

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # Shown on its own (tests): no thread may outlive the panel. In the window, the window's runner ends it.
        if self.isWindow():
            self.shutdown()
        super().closeEvent(event)

    def shuffle(self) -> None:
        """First the step's reordering, then seeded random orders of the current sentence."""
        self._shuffle_seed += 1
        if self._shuffle_seed > 1:
            self._shuffled_text = shuffled_words(self.explorer.controls.text, self._shuffle_seed)
        self._show_comparison()

    def _show_comparison(self) -> None:
        if self._shuffled_text is None or not self.compare.isVisibleTo(self):
            return
        if self.bag_model is None and self.bag_error is not None:
            self.compare.show_waiting(self.tr("The ordinary network could not be built, so there is nothing to "
                                              "compare: {0}").format(self.bag_error))
            return
        if self.bag_model is None:
            self.compare.show_waiting(self.tr("Training the ordinary network on the built-in task "
                                              "(first time only)…"))
            return
        if getattr(self.explorer.model, "cell", "rnn") != "rnn":
            # a gated model shown since (Compare cells, a file): the comparison is of a plain RNN
            self.compare.show_waiting(self.tr("The comparison is between a plain RNN and the ordinary "
                                              "network; press Restart step to bring back the lesson's RNN."))
            return
        try:
            cmp = compare_orders(self.explorer, self._shuffled_text, self.bag_model)
            self.compare.show_comparison(cmp, shuffled=self._shuffle_seed > 0)
        except ValueError as exc:
            self.compare.show_waiting(self.tr("Cannot compare this input: {0}").format(exc))

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
