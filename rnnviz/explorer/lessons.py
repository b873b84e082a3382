"""Lessons as data: load them from resources/lessons/, and apply a step to the explorer. No Qt.

A lesson is one TOML file, ``resources/lessons/<language>/NN_name.toml``: a title and a few steps.
A step says one thing (``text``), asks the learner to do or predict one thing (``task``) and sets the
window's whole state (``[step.state]``): the model, sentence, label, activation, W scale (or a target
spectral radius), sequence length, clipping, the current BPTT step and the region to look at. Each
step is applied from scratch (every field left out takes its default), so a step shows the same
thing whatever the learner did before. Claims of the text are machine-checked (``[[step.check]]``,
see ``lesson_checks``); an ``[step.exercise]`` hides one number of the trace (``exercises``).

English files hold everything. A translation (``zh_CN/03_forward.toml``) holds only the words
(``title``, ``summary`` and per step ``title``, ``text``, ``task``, in the same order): state,
checks and exercises always come from the English file, so a translation cannot change a lesson's
numbers. See resources/lessons/README.md.

    lessons = load_lessons("en")
    applied = apply_step(lessons[0].steps[0], explorer, playback)
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rnnviz import RESOURCES

from .playback import Playback
from .session import Explorer, ModelSpec
from .text import translate

LESSONS_DIR = RESOURCES / "lessons"
SOURCE_LANGUAGE = "en"
MODELS = ("sentiment", "next_word", "pencil")
REGIONS = ("graph", "bptt", "plots", "controls", "input", "model", "ordinary", "learn", "train")
STEP_KINDS = ("forward", "loss", "backward")
STATE_KEYS = {"model", "hidden", "text", "label", "activation", "w_scale", "rho", "seq_len", "clip",
              "clip_threshold", "step", "highlight", "shuffled"}


class LessonError(ValueError):
    """A lesson file is missing, not valid TOML, or holds a field this version does not know."""


@dataclass(frozen=True)
class StepState:
    """What a step sets. step: (kind, t) of the current BPTT step; t = 0 means the last step T."""

    model: str = "sentiment"
    hidden: int = 6
    text: str = "this movie was not good"
    label: int = 0
    activation: str | None = None   # None: the model's own f
    w_scale: float = 1.0
    rho: float | None = None        # a target spectral radius of the scaled W (overrides w_scale)
    seq_len: int | None = None
    clip: bool = False
    clip_threshold: float = 1.0
    step: tuple[str, int] = ("forward", 1)
    highlight: str = "graph"
    shuffled: str | None = None     # show the ordinary network beside the RNN; its first Shuffle gives this


@dataclass(frozen=True)
class LessonStep:
    title: str
    text: str
    task: str
    state: StepState
    checks: tuple[dict, ...] = ()
    exercise: dict | None = None


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    summary: str
    steps: tuple[LessonStep, ...] = field(default_factory=tuple)


# --- loading -------------------------------------------------------------------------------------
def load_lessons(language: str = SOURCE_LANGUAGE, folder: Path | None = None) -> list[Lesson]:
    """Every lesson of `folder` (default resources/lessons), in file-name order, in `language` where
    a translation exists and in English otherwise. Raises LessonError naming the file and field."""
    folder = Path(folder) if folder is not None else LESSONS_DIR
    sources = sorted((folder / SOURCE_LANGUAGE).glob("*.toml"))
    if not sources:
        raise LessonError(f"no lessons found in {folder / SOURCE_LANGUAGE}")
    lessons = []
    for path in sources:
        lesson = parse_lesson(_read(path), path.stem, path.name)
        translated = folder / language / path.name
        if language != SOURCE_LANGUAGE and translated.is_file():
            lesson = with_translation(lesson, _read(translated), translated.name)
        lessons.append(lesson)
    return lessons


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LessonError(f"{path.name}: {exc}") from None


def parse_lesson(data: dict, lesson_id: str, name: str) -> Lesson:
    steps = data.get("step")
    if not isinstance(steps, list) or not steps:
        raise LessonError(f"{name}: a lesson needs at least one [[step]]")
    parsed = tuple(_parse_step(s, f"{name}, step {k + 1}") for k, s in enumerate(steps))
    return Lesson(lesson_id, _text(data, "title", name), str(data.get("summary", "")).strip(), parsed)


def _text(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LessonError(f"{where}: '{key}' must be non-empty text")
    return " ".join(value.split())  # TOML multi-line strings: one paragraph


def _parse_step(data: dict, where: str) -> LessonStep:
    state = data.get("state", {})
    unknown = sorted(set(state) - STATE_KEYS)
    if unknown:
        raise LessonError(f"{where}: unknown state field {unknown[0]!r}; known: {', '.join(sorted(STATE_KEYS))}")
    values: dict[str, Any] = {k: v for k, v in state.items() if k != "step"}
    if "step" in state:
        values["step"] = parse_step_ref(state["step"], where)
    if values.get("model", "sentiment") not in MODELS:
        raise LessonError(f"{where}: model must be one of {MODELS}")
    if values.get("highlight", "graph") not in REGIONS:
        raise LessonError(f"{where}: highlight must be one of {REGIONS}")
    checks = data.get("check", [])
    if not isinstance(checks, list) or not all(isinstance(c, dict) and "kind" in c for c in checks):
        raise LessonError(f"{where}: every [[step.check]] needs a kind")
    exercise = data.get("exercise")
    return LessonStep(_text(data, "title", where), _text(data, "text", where), _text(data, "task", where),
                      StepState(**values), tuple(checks), exercise)


def parse_step_ref(ref: str, where: str = "step") -> tuple[str, int]:
    """'forward 2', 'loss', 'backward 1', 'backward T' -> (kind, t) with t = 0 for T."""
    parts = str(ref).split()
    if not parts or parts[0] not in STEP_KINDS or len(parts) > 2:
        raise LessonError(f"{where}: step must be 'forward t', 'loss' or 'backward t', got {ref!r}")
    if len(parts) == 1 or parts[1] == "T":
        return parts[0], 0
    if not parts[1].isdigit() or int(parts[1]) < 1:
        raise LessonError(f"{where}: t must be a number >= 1 or T, got {parts[1]!r}")
    return parts[0], int(parts[1])


def with_translation(lesson: Lesson, data: dict, name: str) -> Lesson:
    """The lesson with the words of a translation file (same steps in the same order)."""
    steps = data.get("step", [])
    if len(steps) != len(lesson.steps):
        raise LessonError(f"{name}: has {len(steps)} steps, the English lesson {len(lesson.steps)}")
    new_steps = tuple(
        LessonStep(_text(s, "title", name), _text(s, "text", name), _text(s, "task", name), old.state,
                   old.checks, old.exercise) for s, old in zip(steps, lesson.steps))
    return Lesson(lesson.id, _text(data, "title", name), str(data.get("summary", lesson.summary)).strip(), new_steps)


# --- models the lessons use ----------------------------------------------------------------------
@lru_cache(maxsize=8)
def lesson_model(key: str, hidden: int = 6) -> ModelSpec:
    """The ModelSpec of a lesson's model key (built-in models train once, then come from the cache)."""
    if key == "pencil":
        from .pencil import pencil_spec
        return pencil_spec()
    from .sources import builtin_spec
    return builtin_spec(key, hidden)


@lru_cache(maxsize=4)
def lesson_bag_model(hidden: int = 6):
    """The ordinary network trained on the built-in RNN's task (``rnnviz.train.builtin_bag``)."""
    from rnnviz.train.builtin_bag import builtin_bag_model
    return builtin_bag_model(hidden_dim=hidden)


# --- applying a step -----------------------------------------------------------------------------
@dataclass(frozen=True)
class AppliedStep:
    """What apply_step did: the playback index it went to, the region to highlight, the model, and the
    step's reordering of its sentence (None: the step does not show the ordinary network)."""

    index: int
    highlight: str
    spec: ModelSpec
    shuffled: str | None = None


def apply_step(step: LessonStep, explorer: Explorer, playback: Playback) -> AppliedStep:
    """Set the explorer and the playback to the step's state, through their public API only.

    Raises ValueError (from the setters, or for a BPTT step the trace does not have)."""
    st = step.state
    spec = lesson_model(st.model, st.hidden)
    if explorer.model is not spec:
        explorer.set_model(spec)
    explorer.set_text(st.text)
    if spec.head == "binary":
        explorer.set_label(st.label)
    explorer.set_activation(st.activation)
    explorer.set_seq_len(st.seq_len)
    explorer.set_w_scale(1.0)
    explorer.set_w_scale(w_scale_for(st, explorer.spectral_radius()))
    explorer.set_clipping(st.clip, st.clip_threshold)
    trace = explorer.trace()
    index = step_index(trace, st.step)
    playback.pause()
    playback.reset(len(trace.steps))
    playback.go_to(index)
    return AppliedStep(index, st.highlight, spec, st.shuffled)


def w_scale_for(state: StepState, rho_unscaled: float) -> float:
    """The W scale of the state: its own, or the one that gives W the target spectral radius."""
    if state.rho is None:
        return state.w_scale
    if rho_unscaled <= 0:
        raise ValueError(translate("Lessons", "this model's W has spectral radius 0; it cannot be scaled to a "
                                   "target"))
    return state.rho / rho_unscaled


def step_index(trace, ref: tuple[str, int]) -> int:
    """Index in trace.steps of (kind, t), t = 0 meaning T. ValueError when the trace has no such step."""
    kind, t = ref
    t = trace.T if t == 0 else t
    for k, s in enumerate(trace.steps):
        if s.kind == kind and s.t == t:
            return k
    raise ValueError(translate("Lessons", "the trace has no {0} step at t = {1} (T = {2})").format(kind, t, trace.T))
