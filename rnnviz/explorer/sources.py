"""Where the explorer's model and first sentence come from (no Qt): files, the built-in model.

Order of preference for the model shown at startup: the model the user opened last, then the
newest model the trainer saved in the user's data folder, then the small built-in model.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rnnviz.core.spec import DEFAULT_HIDDEN
from rnnviz.resource_files import MissingResourceError, read_text

from .session import ModelSpec
from .text import QT_TRANSLATE_NOOP, translate

#: The curated example sentences (under resources/); the first is the default input.
SENTENCES_FILE = "sentences.txt"


@dataclass(frozen=True)
class StartupModel:
    """The model to show first, where it came from (a path or None), and notes for the status bar."""

    spec: ModelSpec
    path: Path | None
    notes: tuple[str, ...] = ()


def example_sentences(vocab=None, vocab_size: int | None = None) -> list[tuple[int, str]]:
    """(label, sentence) pairs from resources/sentences.txt; the first is the default input.

    vocab: only the examples whose every word the model can read (known to ``vocab`` and with an id
    below vocab_size, the rows of its embedding): an example read as <oov> would teach the wrong
    thing ("the model cannot handle negation" when it never saw the word). None: every example.
    """
    examples = _all_examples()
    if vocab is None:
        return examples
    return [(label, text) for label, text in examples if readable(text, vocab, vocab_size)]


def readable(text: str, vocab, vocab_size: int | None = None) -> bool:
    """True when every word of `text` has its own embedding row in the model (none becomes <oov>)."""
    from rnnviz.data import OOV_ID, text_to_words

    for word in text_to_words(text):
        token = vocab.id_of(word)
        if token == OOV_ID or (vocab_size is not None and token >= vocab_size):
            return False
    return True


def _all_examples() -> list[tuple[int, str]]:
    """Every (label, sentence) pair of resources/sentences.txt. Raises MissingResourceError when the
    file is missing or holds no example (a broken install)."""
    examples = []
    for line in read_text(SENTENCES_FILE).splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        label, text = line.split("\t", 1)
        if label.strip() in ("0", "1") and text.strip():
            examples.append((int(label), text.strip()))
    if not examples:
        raise MissingResourceError(f"resources/{SENTENCES_FILE} holds no 'label<TAB>sentence' line")
    return examples


def warm_up_kernels() -> None:
    """Start compiling (or loading from numba's cache) every kernel on a background thread and
    return at once: until the trace's kernels are ready, traces run their Python source (the same
    numbers, milliseconds for a sentence), so the first graph needs no compile."""
    from rnnviz.core import warm_up

    warm_up()


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
    if getattr(model.config, "model", "rnn") != "rnn":  # the bag model has no W: Explore shows RNNs
        error = CheckpointError(translate("Sources", "{0} holds the ordinary (bag) network; Explore steps through "
                                          "RNNs").format(path.name))
        error.bag_model = True  # not a damaged file: the startup passes over it without a note
        raise error
    return ModelSpec.from_trained(model, path.name)


#: The built-in models the Explore page offers: task key -> what the user reads (``task_name``).
TASKS = {"sentiment": QT_TRANSLATE_NOOP("Sources", "Sentiment (many-to-one)"),
         "next_word": QT_TRANSLATE_NOOP("Sources", "Next word (many-to-many)")}


def task_name(task: str) -> str:
    """The built-in task's name in the window's language."""
    return translate("Sources", TASKS[task]) if task in TASKS else task


def builtin_spec(task: str = "sentiment", hidden_dim: int = DEFAULT_HIDDEN) -> ModelSpec:
    """A small built-in model trained on the negation task (cached per hidden size; a first build
    trains for a fraction of a second, so call it off the GUI thread). task: a key of TASKS.

    The same ModelSpec object for the same model in this process: a lesson step that asks for the
    model already shown is then no model change (no file read, no second trace at every step)."""
    from rnnviz.train.paths import user_data_folder

    if task not in TASKS:
        raise ValueError(f"task must be one of {sorted(TASKS)}, got {task!r}")
    name = (translate("Sources", "built-in next-word model (negation task)") if task == "next_word"
            else translate("Sources", "built-in model (negation task)"))
    # the data folder in the key: the cached file is read from there (tests point it elsewhere)
    return _builtin_spec(task, int(hidden_dim), name, str(user_data_folder()))


@lru_cache(maxsize=32)
def _builtin_spec(task: str, hidden_dim: int, name: str, _folder: str) -> ModelSpec:
    from rnnviz.train.builtin import builtin_model, builtin_next_word_model

    trained = (builtin_next_word_model(hidden_dim=hidden_dim) if task == "next_word"
               else builtin_model(hidden_dim=hidden_dim))
    return ModelSpec.from_trained(trained, name, task)


def untrained_builtin_spec(hidden_dim: int = DEFAULT_HIDDEN) -> ModelSpec:
    """The built-in sentiment model's starting weights (before any training), marked ``untrained``."""
    from rnnviz.train.builtin import untrained_builtin_model

    name = translate("Sources", "built-in model, UNTRAINED: its starting weights while it trains")
    return dataclasses.replace(ModelSpec.from_trained(untrained_builtin_model(hidden_dim), name, "sentiment"),
                               untrained=True)


def builtin_ready_now(hidden_dim: int = DEFAULT_HIDDEN, task: str = "sentiment") -> bool:
    """Whether ``builtin_spec(task, hidden_dim)`` returns within about a second: its file is cached, or
    the training kernels need no compile (compiled, in numba's cache, or no warm-up is running).

    False on a first start: training it would wait for the kernels' compile (10 s or more)."""
    from rnnviz import core
    from rnnviz.train.builtin import cached_builtin_model

    if core.warmup.ready("training") or cached_builtin_model(hidden_dim=hidden_dim, task=task) is not None:
        return True
    return core.warmup.cached("training")


def startup_model(last_path: str | None) -> StartupModel:
    """The first model that loads of: last opened, newest saved, built-in. Never raises for a bad file.

    On a first start (no model file, the built-in model not trained yet and its kernels not compiled)
    this is the built-in model's untrained starting weights (``untrained_builtin_spec``): the graph
    is drawn at once, and the window replaces it with the trained model when that is ready."""
    notes = []
    for path in user_model_candidates(last_path):
        try:
            return StartupModel(load_model_file(path), path, tuple(notes))
        except Exception as exc:  # a damaged file must not stop the window from opening
            if getattr(exc, "bag_model", False):
                continue  # an ordinary network trained on the Train page: listed there, never explored
            notes.append(translate("Sources", "Could not load {0}: {1}").format(path.name, exc))
    if not builtin_ready_now():
        from rnnviz import core

        core.warmup.prefer_training()  # the trained model then comes first; the graph runs the Python source
        return StartupModel(untrained_builtin_spec(), None, tuple(notes))
    return StartupModel(builtin_spec(), None, tuple(notes))
