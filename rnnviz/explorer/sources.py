"""Where the explorer's model and first sentence come from (no Qt): files, the built-in model.

Order of preference for the model shown at startup: the model the user opened last, then the
newest model the trainer saved in the user's data folder, then the small built-in model.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rnnviz import RESOURCES

from .session import ModelSpec

SENTENCES_FILE = RESOURCES / "sentences.txt"
FALLBACK_SENTENCE = (0, "this movie was not good")


@dataclass(frozen=True)
class StartupModel:
    """The model to show first, where it came from (a path or None), and notes for the status bar."""

    spec: ModelSpec
    path: Path | None
    notes: tuple[str, ...] = ()


def example_sentences() -> list[tuple[int, str]]:
    """(label, sentence) pairs from resources/sentences.txt; the first is the default input."""
    examples = []
    try:
        lines = SENTENCES_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        label, text = line.split("\t", 1)
        if label.strip() in ("0", "1") and text.strip():
            examples.append((int(label), text.strip()))
    return examples or [FALLBACK_SENTENCE]


def warm_up_kernels() -> None:
    """Run the core once on a tiny input so numba compiles (or loads from its cache) every kernel
    the explorer uses. Call it off the GUI thread: a cold compile takes many seconds."""
    import numpy as np

    from rnnviz.core import clip_by_global_norm, init_params, make_trace, spectral_radius

    params = init_params(5, 2, 2, seed=0, dtype=np.float64)
    trace = make_trace(params, np.array([1, 3, 4]), 1, activation="tanh")
    clip_by_global_norm({k: v.copy() for k, v in trace.grads.items()}, 1.0)
    spectral_radius(params["W"])


def user_model_candidates(last_path: str | None) -> list[Path]:
    """The last opened model (if it still exists), then the trainer's saved models, newest first."""
    candidates = []
    if last_path and Path(last_path).is_file():
        candidates.append(Path(last_path))
    try:
        from rnnviz.train.paths import models_folder

        folder = models_folder()
        saved = sorted(folder.glob("*.npz"), key=lambda p: p.stat().st_mtime, reverse=True) if folder.is_dir() else []
    except (ImportError, OSError):
        saved = []
    candidates += [p for p in saved if p not in candidates]
    return candidates


def load_model_file(path: str | Path) -> ModelSpec:
    """A saved model as a ModelSpec; raises rnnviz.train's CheckpointError with what is wrong."""
    from rnnviz.train.checkpoint import CheckpointError, load_model

    path = Path(path)
    model = load_model(path)
    if model.cell != "rnn":
        # the views draw the vanilla cell only so far; the gated graph and panel come later
        raise CheckpointError(f"{path.name} holds an {model.cell.upper()} model; the window shows vanilla RNN "
                              "models so far (use it from the command line, python main.py train --cell ...)")
    return ModelSpec.from_trained(model, path.name)


#: The built-in models the Explore page offers: task key -> what the user reads.
TASKS = {"sentiment": "Sentiment (many-to-one)", "next_word": "Next word (many-to-many)"}
DEFAULT_HIDDEN = 6


def builtin_spec(task: str = "sentiment", hidden_dim: int = DEFAULT_HIDDEN) -> ModelSpec:
    """A small built-in model trained on the negation task (cached per hidden size; a first build
    trains for a fraction of a second, so call it off the GUI thread). task: a key of TASKS."""
    from rnnviz.train.builtin import builtin_model, builtin_next_word_model

    if task not in TASKS:
        raise ValueError(f"task must be one of {sorted(TASKS)}, got {task!r}")
    if task == "next_word":
        return ModelSpec.from_trained(builtin_next_word_model(hidden_dim=hidden_dim),
                                      "built-in next-word model (negation task)", task)
    return ModelSpec.from_trained(builtin_model(hidden_dim=hidden_dim), "built-in model (negation task)", task)


def startup_model(last_path: str | None) -> StartupModel:
    """The first model that loads of: last opened, newest saved, built-in. Never raises for a bad file."""
    notes = []
    for path in user_model_candidates(last_path):
        try:
            return StartupModel(load_model_file(path), path, tuple(notes))
        except Exception as exc:  # a damaged file must not stop the window from opening
            notes.append(f"Could not load {path.name}: {exc}")
    return StartupModel(builtin_spec(), None, tuple(notes))
