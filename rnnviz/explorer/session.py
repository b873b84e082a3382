"""The explorer session: model + input + controls -> one core step trace, announced on every change.

Everything that changes what the window shows (the user's input, a demo, a review picked on the
Train page, a model handed over by the trainer, a lesson step) is one call here, and the views
follow through ``events.changed``. The current step belongs to ``playback``.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np
from psygnal import Signal, SignalGroup

from rnnviz.core.spec import ACTIVATIONS

from .clipping import ClipReport, clip_report
from .playback import Playback
from .text import translate
from .tokens import TokenizedInput, tokenize

#: Longest sequence the explorer traces (the graph stays readable and a trace stays milliseconds).
MAX_SEQ_LEN = 500
#: Names in ``events.changed`` that make a new trace (clipping acts on the final gradients only).
TRACE_CHANGES = frozenset({"model", "text", "label", "activation", "w_scale", "seq_len", "pad"})
_KEEP = object()  # "leave this control as it is" (None is a value: the model's own f, the typed length)


@dataclass(frozen=True)
class ModelSpec:
    """What the explorer needs of a model: the core's params, a vocabulary, f and the head.

    A ``rnnviz.train.TrainedModel`` has the same attributes and is used as is; ``trained`` keeps
    it so that the window can save it again. name: shown in the title and status bar. untrained: the
    built-in model's starting weights, shown on a first start while the model itself trains (nothing
    it predicts is learnt; the window says so, offers no Save and no lesson until it is replaced).
    """

    params: dict
    vocab: object
    activation: str = "tanh"
    head: str = "binary"
    name: str = "model"
    trained: object | None = None
    builtin_task: str | None = None  # "sentiment" / "next_word" for the built-in models (H can change)
    maxlen: int | None = None  # the length its training data was 'pre' padded to (None: not known)
    cell: str = "rnn"  # "rnn" | "lstm" | "gru" (rnnviz.core.CELLS); a gated W is (G*H, H)
    untrained: bool = False

    def __post_init__(self):
        from rnnviz.core.cells import check_cell

        check_cell(self.cell)

    @classmethod
    def from_trained(cls, model, name: str, builtin_task: str | None = None) -> "ModelSpec":
        maxlen = getattr(model, "maxlen", None)
        # models saved before the gated cells have no cell: they are vanilla RNNs
        return cls(model.params, model.vocab, model.activation, model.head, name, model, builtin_task,
                   int(maxlen) if maxlen else None, getattr(model, "cell", "rnn") or "rnn")

    @property
    def hidden_dim(self) -> int:
        """H: W is (H, H) for the RNN and (G*H, H) for a gated cell's G stacked gate blocks."""
        return int(self.params["W"].shape[1])

    @property
    def gated(self) -> bool:
        return self.cell != "rnn"


@dataclass(frozen=True)
class Controls:
    """The user's choices. activation None = the model's own; seq_len None = the sentence's length."""

    text: str = ""
    label: int = 0
    activation: str | None = None
    w_scale: float = 1.0
    seq_len: int | None = None
    clip: bool = False
    clip_threshold: float = 1.0
    pad: bool = False  # 'pre' pad to the model's maxlen, as its training and test data were


CONTROL_NAMES = tuple(f.name for f in fields(Controls))


class ExplorerEvents(SignalGroup):
    #: One emit per public call, with the names of what changed ("model" and the Controls fields).
    changed = Signal(frozenset)


class Explorer:
    """Holds a model, the controls and the playback; ``trace()`` runs the core on them.

    Every change is validated first (ValueError saying what is allowed, nothing changed), then the
    trace is recomputed, ``playback`` is given its step count, and ``events.changed`` is emitted
    once. If the core refuses the input, ``error`` says why and the playback has no steps.
    """

    def __init__(self, model: ModelSpec, controls: Controls | None = None, playback: Playback | None = None):
        self.events = ExplorerEvents()
        self.playback = playback if playback is not None else Playback()
        self.model = model
        self.controls = controls if controls is not None else Controls()
        if cell_of(model) != "rnn":  # a gated cell has its own f and no single W to scale
            self.controls = replace(self.controls, activation=None, w_scale=1.0)
        self.error: str | None = None
        self._trace = None
        self._tokens: TokenizedInput | None = None
        self._sync_playback(keep_index=False, index=None)

    # --- the one entry point ---------------------------------------------------------------
    def update(self, *, model=_KEEP, text=_KEEP, label=_KEEP, activation=_KEEP, w_scale=_KEEP,
               seq_len=_KEEP, clip=_KEEP, clip_threshold=_KEEP, pad=_KEEP,
               step: int | None = None) -> frozenset:
        """Change any of the model and the controls in one go: one trace, one ``changed`` event.

        step: show this elementary step of the new trace (default: keep the current step when the
        step count is unchanged, else the first). Returns the names of what changed.
        """
        given = dict(text=text, label=label, activation=activation, w_scale=w_scale, seq_len=seq_len,
                     clip=clip, clip_threshold=clip_threshold, pad=pad)
        changes = {k: _validate(k, v) for k, v in given.items() if v is not _KEEP}
        new_controls = replace(self.controls, **changes)
        new_model = self.model if model is _KEEP else model
        if cell_of(new_model) != "rnn":  # refuses before anything changes
            new_controls = _gated_controls(new_model, new_controls, given)
        changed = {k for k in CONTROL_NAMES if getattr(new_controls, k) != getattr(self.controls, k)}
        if new_model is not self.model:
            changed.add("model")
            self.model = new_model
        self.controls = new_controls
        if changed & TRACE_CHANGES:
            self._trace = self._tokens = None
            self._sync_playback(keep_index=True, index=step)
        elif step is not None:
            self.playback.set_step(step)
        if changed:
            self.events.changed.emit(frozenset(changed))
        return frozenset(changed)

    # --- the setters lessons and the window already use (each is one update) ---------------
    def set_model(self, model: ModelSpec) -> None:
        self.update(model=model)

    def show_model(self, model: ModelSpec) -> None:
        """Another model with the current input: its own activation, W unscaled (one change)."""
        self.update(model=model, activation=None, w_scale=1.0)

    def set_text(self, text: str) -> None:
        self.update(text=text)

    def set_label(self, label: int) -> None:
        self.update(label=label)

    def set_activation(self, activation: str | None) -> None:
        self.update(activation=activation)

    def set_w_scale(self, scale: float) -> None:
        self.update(w_scale=scale)

    def set_seq_len(self, length: int | None) -> None:
        self.update(seq_len=length)

    def set_padding(self, enabled: bool) -> None:
        """Trace the input 'pre' padded to the model's training length (as the trainer and the Test
        reviews table score it) or as typed. Without a known maxlen, or with a sequence length set,
        padding does nothing."""
        self.update(pad=enabled)

    @property
    def pad_to(self) -> int | None:
        """The length the input is padded to, or None when it is traced as typed."""
        if not self.controls.pad or self.controls.seq_len is not None or not self.model.maxlen:
            return None
        return min(int(self.model.maxlen), MAX_SEQ_LEN)

    def set_clipping(self, enabled: bool, threshold: float | None = None) -> None:
        self.update(clip=enabled, clip_threshold=self.controls.clip_threshold if threshold is None else threshold)

    def reset_view(self) -> None:
        """The model as it is: its own W and f, the sentence as typed, clipping off."""
        self.update(w_scale=1.0, activation=None, seq_len=None, clip=False)

    def apply_demo(self, name: str) -> None:
        """"vanishing" / "exploding": linear f, T = 40, W scaled to rho(W) = 0.8 / 1.2, and a label
        that keeps the loss's gradient away from zero (see ``demos.demo_settings``)."""
        from .demos import demo_settings

        self.update(**demo_settings(self, name))

    # --- derived -------------------------------------------------------------------------
    @property
    def cell(self) -> str:
        """The model's recurrent cell: "rnn", "lstm" or "gru"."""
        return cell_of(self.model)

    @property
    def activation(self) -> str:
        """The f in use: the user's override or the model's own."""
        return self.controls.activation or self.model.activation

    @property
    def tokens(self) -> TokenizedInput:
        if self._tokens is None:
            vocab_size = int(self.model.params["E"].shape[0])
            self._tokens = tokenize(self.controls.text, self.model.vocab, vocab_size, self.controls.seq_len,
                                    max_len=MAX_SEQ_LEN, pad_to=self.pad_to)
        return self._tokens

    def targets(self) -> np.ndarray:
        """What the loss compares o_t with: the 0/1 label (many-to-one), or the (T,) next tokens
        (many-to-many: token t+1 at step t, the end token after the last)."""
        if self.model.head == "binary":
            return np.asarray(self.controls.label)
        from rnnviz.train.builtin import next_word_targets

        return next_word_targets(self.tokens.ids)

    def params(self) -> dict[str, np.ndarray]:
        """float64 copies of the model's parameters with W multiplied by the W scale."""
        params = {k: np.array(v, dtype=np.float64, copy=True) for k, v in self.model.params.items()}
        params["W"] *= self.controls.w_scale
        return params

    def spectral_radius(self) -> float:
        """rho(W) of the scaled W, the number that decides whether gradients vanish or explode
        (NaN for a gated cell, whose W is (G*H, H): see ``gated_controls_reason``)."""
        from rnnviz.core import spectral_radius

        if self.cell != "rnn":
            return float("nan")
        return float(spectral_radius(self.params()["W"]))

    @property
    def gated_controls_reason(self) -> str:
        """Why the W scale, rho(W) and f do not apply to this model ("" for the vanilla RNN)."""
        return gated_controls_reason(self.cell)

    def trace(self):
        """The core's step trace (``rnnviz.core.Trace``) of the current input, cached until a change."""
        if self._trace is None:
            from rnnviz.core import make_trace

            tokens = np.asarray(self.tokens.ids, dtype=np.int64)
            with np.errstate(over="ignore", invalid="ignore"):
                # linear/relu with a large W scale overflow to inf on purpose: that is the
                # exploding gradient the user asked to see.
                self._trace = make_trace(self.params(), tokens, self.targets(),
                                         activation=self.activation, head=self.model.head,
                                         cell=self.cell)
        return self._trace

    def clip_report(self) -> ClipReport | None:
        """What clipping by global norm does to this trace's gradients, or None when it is off."""
        if not self.controls.clip:
            return None
        return clip_report(self.trace().grads, self.controls.clip_threshold)

    def prediction(self) -> float:
        """The model's output at the last step: sigmoid(o_T) for the binary head."""
        trace = self.trace()
        return float(trace.y_hat[-1, 0]) if trace.head == "binary" else float(trace.y_hat[-1].max())

    # --- internals -----------------------------------------------------------------------
    def _sync_playback(self, keep_index: bool, index: int | None) -> None:
        """Trace now and give the playback the new step count (before anyone hears of the change)."""
        try:
            n_steps = len(self.trace().steps)
            self.error = None
            # a 'pre' padded trace plays from its first word (forward step t = padded + 1); the
            # graph shows the <pad> steps folded into one block
            self.playback.start = self.tokens.padded
        except ValueError as exc:
            self._trace = None
            self.error = str(exc)
            n_steps = 0
            self.playback.start = 0
        self.playback.reset(n_steps, keep_index=keep_index and n_steps == self.playback.n_steps, index=index)


def cell_of(model) -> str:
    """A model's cell; a model from before the gated cells (no ``cell``) is a vanilla RNN."""
    return getattr(model, "cell", None) or "rnn"


def gated_controls_reason(cell: str) -> str:
    """Why the vanilla RNN's W scale, rho(W) and activation choice are off for `cell` ("" for "rnn")."""
    if cell == "rnn":
        return ""
    return translate("Session", "The {0} has its own sigmoid gates and tanh: its W stacks one block per gate, so "
                     "there is no single rho(W) to scale. Its gates decide how much of the past is kept: see Compare "
                     "cells").format(cell.upper())


def _gated_controls(model: ModelSpec, controls: Controls, given: dict) -> Controls:
    """The controls a gated model can use: its own f (tanh) and W unscaled. A value the user asked
    for that the cell cannot take is refused (ValueError, nothing changed); one left over from a
    vanilla model is reset quietly."""
    asked_f = given.get("activation", _KEEP)
    asked_w = given.get("w_scale", _KEEP)
    if asked_f not in (_KEEP, None, "tanh") or asked_w not in (_KEEP, 1.0, 1):
        raise ValueError(gated_controls_reason(cell_of(model)))
    return replace(controls, activation=None, w_scale=1.0)


def _validate(name: str, value):
    """The control's value as stored, or ValueError with what is allowed."""
    if name == "text":
        return str(value)
    if name == "label":
        if value not in (0, 1):
            raise ValueError(translate("Session", "the label must be 0 (negative) or 1 (positive), got {0}").format(
                repr(value)))
        return int(value)
    if name == "activation":
        if value is not None and value not in ACTIVATIONS:
            raise ValueError(translate("Session", "activation must be one of {0}, got {1}").format(
                ", ".join(ACTIVATIONS), repr(value)))
        return value
    if name == "w_scale":
        scale = float(value)
        if not np.isfinite(scale) or scale < 0:
            raise ValueError(translate("Session", "the W scale must be a finite number >= 0, got {0}").format(scale))
        return scale
    if name == "seq_len":
        if value is not None and not 1 <= int(value) <= MAX_SEQ_LEN:
            raise ValueError(translate("Session", "the sequence length must be between 1 and {0}, got {1}").format(
                MAX_SEQ_LEN, value))
        return None if value is None else int(value)
    if name in ("clip", "pad"):
        return bool(value)
    threshold = float(value)  # clip_threshold
    if not np.isfinite(threshold) or threshold <= 0:
        raise ValueError(translate("Session", "the clipping threshold must be > 0, got {0}").format(threshold))
    return threshold
