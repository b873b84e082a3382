"""The 'Your turn' box: one hidden number of the trace, its inputs, an answer field and feedback."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from rnnviz.explorer.exercises import Exercise, Feedback

from .notation import notation_html

RIGHT_STYLE = "color: #1b5e20; font-weight: bold;"
WRONG_STYLE = "color: #b00020;"


class ExerciseBox(QGroupBox):
    """show(exercise) fills it; answered(Feedback) is emitted for every checked answer."""

    answered = Signal(object)
    revealed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Exercise"))
        self.exercise: Exercise | None = None
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.inputs = QLabel()
        self.inputs.setTextFormat(Qt.TextFormat.PlainText)
        self.inputs.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.inputs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer = QLineEdit()
        self.answer.setPlaceholderText(self.tr("your answer, 4 significant digits"))
        self.answer.setObjectName("exercise_answer")
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("exercise_check")
        self.reveal_button = QPushButton(self.tr("Show answer"))
        self.reveal_button.setToolTip(self.tr("Show the number (and uncover the BPTT panel)"))
        self.reveal_button.clicked.connect(self.reveal)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setObjectName("exercise_feedback")
        self.score = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.answer, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        for w in (self.prompt, self.formula, self.inputs):
            layout.addWidget(w)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        layout.addWidget(self.score)
        self.check_button.clicked.connect(self.check)
        self.answer.returnPressed.connect(self.check)

    def show_exercise(self, exercise: Exercise | None) -> None:
        self.exercise = exercise
        self.setVisible(exercise is not None)
        self.answer.clear()
        self.feedback.clear()
        if exercise is None:
            return
        self.prompt.setText(f"<b>{notation_html(exercise.prompt)}</b>")
        self.formula.setText(notation_html(exercise.formula))
        width = max(len(name) for name, _ in exercise.inputs) if exercise.inputs else 0
        self.inputs.setText("\n".join(f"{name.ljust(width)} = {value: .4f}" for name, value in exercise.inputs))

    def show_score(self, solved: int, tried: int) -> None:
        self.score.setText(self.tr("Exercises solved in this lesson: {0} of {1} tried").format(solved, tried)
                           if tried else "")

    def check(self) -> Feedback | None:
        if self.exercise is None:
            return None
        fb = self.exercise.check(self.answer.text())
        self.feedback.setStyleSheet(RIGHT_STYLE if fb.correct else WRONG_STYLE)
        self.feedback.setText(fb.message)
        self.answered.emit(fb)
        return fb

    def reveal(self) -> None:
        if self.exercise is None:
            return
        self.feedback.setStyleSheet("")
        self.feedback.setText(self.tr("The answer: {0} ({1}).").format(f"{self.exercise.answer:.4g}",
                                                                       self.exercise.formula))
        self.revealed.emit()
