"""The ordinary network beside the RNN on the Explore page: which one matches, shuffling, both outputs. No Qt.

- ``find_bag_partner(spec)``: the ordinary network (bag of embeddings, ``rnnviz.core.bag``) that reads
  the same words as the explorer's model, or why there is none and what to do. It may train the
  built-in one or read saved files: call it off the GUI thread.
- ``OrderExperiment(explorer)``: ``shuffle()`` / ``restore()`` change the explorer's sentence, each
  one ``Explorer.update(text=...)``, so every view shows the reordered words; it remembers the
  sentence as written until the learner types another one.
- ``side_by_side(experiment, bag_model)`` -> ``SideBySide``: P(positive) of the RNN and of the
  ordinary network on the sentence as written and as shuffled. Every number is a core trace: the
  RNN's from an ``Explorer`` with the same model and controls (the one the graph shows, for the text
  on screen), the ordinary network's from ``make_bag_trace`` on the same token ids.

A bag model goes with an RNN only when both read the same token ids the same way (same vocabulary,
same embedding rows) and learnt the same task with the same output (P(positive)); otherwise the
side-by-side numbers would compare a model with one that never saw those words.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .session import Explorer, ModelSpec
from .text import translate

#: Saved models read when looking for a matching ordinary network (newest first): enough for a
#: learner's runs, bounded so that a folder of hundreds of IMDb models is not read on every change.
MAX_FILES_SEARCHED = 40


@dataclass(frozen=True)
class BagPartner:
    """The matching ordinary network (``model``: a TrainedModel with config.model == "bag") and a
    sentence saying which one it is; or model None and ``reason``: why there is none, what to do."""

    model: object | None
    description: str = ""
    reason: str = ""


def _train_hint() -> str:
    return translate("Ordinary", "Train one on the Train page (Model: Ordinary network (bag of embeddings)) on the "
                     "same data and vocabulary; it is saved in your data folder and found here.")


def find_bag_partner(spec: ModelSpec, folder: Path | None = None, builtin=None) -> BagPartner:
    """The ordinary network that matches `spec`, or BagPartner(None, reason=...).

    folder: where saved models are looked for (default: the trainer's models folder).
    builtin: hidden size -> the built-in bag model (default ``lessons.lesson_bag_model``, cached).
    """
    if spec.head != "binary":
        return BagPartner(None, reason=translate(
            "Ordinary", "This model predicts the next word at every step; the ordinary network gives one "
                        "P(positive) for the whole sentence. Choose the task Sentiment (many-to-one) to compare."))
    if spec.untrained:  # nothing learnt yet: beside a trained ordinary network it would teach nothing
        return BagPartner(None, reason=translate(
            "Ordinary", "The RNN shown has its untrained starting weights while the built-in model trains for "
                        "the first time. The comparison opens when the trained model replaces them."))
    if spec.builtin_task == "sentiment":
        if builtin is None:
            from .lessons import lesson_bag_model as builtin
        bag = builtin(spec.hidden_dim)
        if _reads_like(bag, spec):
            return BagPartner(bag, translate(
                "Ordinary", "the built-in ordinary network: trained on the same negation task, same vocabulary, "
                            "H = {0}").format(int(bag.params["U"].shape[0])))
    config = getattr(spec.trained, "config", None)
    if config is None:
        return BagPartner(None, reason=translate(
            "Ordinary", "No ordinary network is known to have learnt what this model learnt ({0}): it has no "
                        "training record. Choose the built-in model (Task: Sentiment (many-to-one)) to compare.").format(spec.name))
    for path, bag in _saved_bags(folder):
        if bag.config.dataset == config.dataset and _reads_like(bag, spec):
            return BagPartner(bag, translate(
                "Ordinary", "the ordinary network saved as {0}: trained on {1} with the same vocabulary, "
                            "H = {2}").format(path.name, config.dataset, int(bag.params["U"].shape[0])))
    if config.dataset == "negation":
        if builtin is None:
            from .lessons import lesson_bag_model as builtin
        bag = builtin(6)
        if _reads_like(bag, spec):
            return BagPartner(bag, translate(
                "Ordinary", "the built-in ordinary network: trained on the negation task with the same "
                            "vocabulary, H = {0}").format(int(bag.params["U"].shape[0])))
    return BagPartner(None, reason=translate(
        "Ordinary", "No ordinary network trained on {0} with this model's vocabulary was found.").format(
            config.dataset) + " " + _train_hint())


def _reads_like(bag, spec: ModelSpec) -> bool:
    """The bag model reads token ids as `spec` does: same vocabulary and the same rows of E."""
    return (getattr(getattr(bag, "config", None), "model", None) == "bag" and bag.vocab == spec.vocab
            and bag.params["E"].shape[0] == spec.params["E"].shape[0])


def _saved_bags(folder: Path | None):
    """(path, model) of the saved ordinary networks, newest first; unreadable files are skipped."""
    from rnnviz.train.checkpoint import CheckpointError, load_model

    if folder is None:
        from rnnviz.train.paths import models_folder
        folder = models_folder()
    try:
        files = sorted(Path(folder).glob("*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for path in files[:MAX_FILES_SEARCHED]:
        try:
            model = load_model(path)
        except (CheckpointError, OSError):
            continue
        if getattr(model.config, "model", "rnn") == "bag":
            yield path, model


def shuffled_words(text: str, seed: int) -> str:
    """The words of `text` in a seeded random order that differs from the original when it can."""
    words = text.split()
    rng = np.random.default_rng(seed)
    for _ in range(20):
        order = rng.permutation(len(words))
        if len(words) < 2 or any(order != np.arange(len(words))):
            break
    return " ".join(words[k] for k in order)


def no_other_order(text: str) -> str:
    """Why `text` has no other order of its words ("" when it has one)."""
    words = text.split()
    if len(words) < 2:
        return translate("Ordinary", "One word has no other order: type a sentence of two or more words.")
    if len(set(words)) < 2:
        return translate("Ordinary", "Every word is the same, so every order is the same sentence.")
    return ""


class OrderExperiment:
    """Shuffle and restore the explorer's sentence; remembers it as written until another is typed.

    ``written``: the sentence as the learner wrote it, or None before the first shuffle;
    ``order``: the last reordering shown (kept after ``restore``, so both stay comparable);
    ``shuffled``: True while the explorer shows a reordering of it.
    """

    def __init__(self, explorer: Explorer):
        self.explorer = explorer
        self.written: str | None = None
        self.order: str | None = None
        self._seed = 0
        self._ours: str | None = None  # the text our last call set, to tell it from the learner's
        self._suggested: str | None = None  # a lesson's reordering, shown by the next shuffle
        explorer.events.changed.connect(self._on_changed)

    @property
    def shuffled(self) -> bool:
        return self.written is not None and self.explorer.controls.text != self.written

    def shuffle(self, order: str | None = None) -> None:
        """Show the words in another order (`order`: a given one, the same words; default: a seeded
        random order that differs from the one shown). ValueError when there is no other order."""
        base = self.written if self.written is not None else self.explorer.controls.text
        reason = no_other_order(base)
        if reason:
            raise ValueError(reason)
        if order is None and self._suggested is not None and sorted(self._suggested.split()) == sorted(base.split()):
            order, self._suggested = self._suggested, None
        if order is None:
            current = self.explorer.controls.text.split()
            for _ in range(50):  # a different order of the words; identical words can make one draw equal
                self._seed += 1
                order = shuffled_words(base, self._seed)
                if order.split() != current:
                    break
        elif sorted(order.split()) != sorted(base.split()):
            raise ValueError(translate("Ordinary", "A reordering must use the same words as the sentence."))
        self.written, self.order = base, order
        self._set(order)

    def suggest(self, order: str | None) -> None:
        """The next shuffle of the current sentence shows `order` (a lesson's reordering, whose claims
        the lesson tests check) instead of a random one; None: random orders."""
        self._suggested = order

    def restore(self) -> None:
        """Back to the sentence as written (nothing happens before a shuffle)."""
        if self.written is not None:
            self._set(self.written)

    def _set(self, text: str) -> None:
        self._ours = text
        self.explorer.update(text=text)

    def _on_changed(self, what: frozenset) -> None:
        text = self.explorer.controls.text
        if "text" in what and text != self._ours and text != self.written:
            # the learner typed or chose another sentence
            self.written = self.order = self._ours = self._suggested = None


@dataclass(frozen=True)
class NetworkOutputs:
    """One sentence through both networks: token labels as the graph writes them, the RNN's
    P(positive) (its last ŷ) and the ordinary network's full trace (``rnnviz.core.bag.BagTrace``)."""

    text: str
    labels: tuple[str, ...]
    words: tuple[str, ...]  # the word typed at each position (shown under an <oov>)
    ids: tuple[int, ...]
    rnn: float
    bag: object


@dataclass(frozen=True)
class SideBySide:
    """Both networks on the sentence as written and (after a shuffle) as shuffled.

    current: the outputs of the sentence the explorer shows (the graph's); same_tokens: the two token
    sequences hold the same ids (the mean, so the ordinary network's output, must be equal); False
    when the sequence length control or a cut to the training length keeps other words.
    """

    written: NetworkOutputs
    shuffled: NetworkOutputs | None
    showing_shuffled: bool
    same_tokens: bool

    @property
    def current(self) -> NetworkOutputs:
        return self.shuffled if self.showing_shuffled and self.shuffled is not None else self.written


def _outputs(explorer: Explorer, bag_model) -> NetworkOutputs:
    from rnnviz.core import (
        make_bag_trace,  # the lazy name: importing this module loads no numba
    )

    if explorer.error is not None:
        raise ValueError(explorer.error)
    tokens = explorer.tokens
    bag = make_bag_trace(bag_model.params, list(tokens.ids), int(explorer.controls.label),
                         activation=bag_model.activation)
    return NetworkOutputs(explorer.controls.text, tokens.labels, tokens.words, tokens.ids, explorer.prediction(), bag)


def side_by_side(experiment: OrderExperiment, bag_model) -> SideBySide:
    """Both networks on the explorer's sentence and its other order. ValueError when the explorer
    cannot trace the input (its message)."""
    e = experiment.explorer
    here = _outputs(e, bag_model)
    if experiment.written is None:
        return SideBySide(here, None, False, True)
    other_text = experiment.written if experiment.shuffled else experiment.order
    if other_text is None or other_text == e.controls.text:
        return SideBySide(here, None, False, True)
    # the same model and controls with the other text: what the graph would show for it
    other = _outputs(Explorer(e.model, replace(e.controls, text=other_text)), bag_model)
    written, shuffled = (other, here) if experiment.shuffled else (here, other)
    return SideBySide(written, shuffled, experiment.shuffled, sorted(written.ids) == sorted(shuffled.ids))
