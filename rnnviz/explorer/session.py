"""The explorer session: model + input + controls -> one core step trace, recomputed on change."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from .clipping import ClipReport, clip_report
from .tokens import TokenizedInput, tokenize

#: Longest sequence the explorer traces (the graph stays readable and a trace stays milliseconds).
MAX_SEQ_LEN = 500
ACTIVATIONS = ("tanh", "relu", "linear")


@dataclass(frozen=True)
class ModelSpec:
    """What the explorer needs of a model: the core's params, a vocabulary, f and the head.

    A ``rnnviz.train.TrainedModel`` has the same attributes and is used as is; ``trained`` keeps
    it so that the window can save it again. name: shown in the title and status bar.
    """

    params: dict
    vocab: object
    activation: str = "tanh"
    head: str = "binary"
    name: str = "model"
    trained: object | None = None
    builtin_task: str | None = None  # "sentiment" / "next_word" for the built-in models (H can change)
    maxlen: int | None = None  # the length its training data was 'pre' padded to (None: not known)

    @classmethod
    def from_trained(cls, model, name: str, builtin_task: str | None = None) -> "ModelSpec":
        maxlen = getattr(model, "maxlen", None)
        return cls(model.params, model.vocab, model.activation, model.head, name, model, builtin_task,
                   int(maxlen) if maxlen else None)

    @property
    def hidden_dim(self) -> int:
        return int(self.params["W"].shape[0])


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


@dataclass
class Explorer:
    """Holds a model and the controls; ``trace()`` runs the core on them (cached until a change).

    Every setter validates its value (ValueError with what is allowed) and invalidates the cache,
    so that whoever calls ``trace()`` next gets numbers for exactly what the controls show.
    """

    model: ModelSpec
    controls: Controls = field(default_factory=Controls)
    _trace: object | None = field(default=None, init=False, repr=False)
    _tokens: TokenizedInput | None = field(default=None, init=False, repr=False)

    # --- setters -------------------------------------------------------------------------
    def set_model(self, model: ModelSpec) -> None:
        self.model = model
        self._invalidate()

    def set_text(self, text: str) -> None:
        self._update(text=str(text))

    def targets(self) -> np.ndarray:
        """What the loss compares o_t with: the 0/1 label (many-to-one), or the (T,) next tokens
        (many-to-many: token t+1 at step t, the end token after the last)."""
        if self.model.head == "binary":
            return np.asarray(self.controls.label)
        from rnnviz.train.builtin import next_word_targets

        return next_word_targets(self.tokens.ids)

    def set_label(self, label: int) -> None:
        if label not in (0, 1):
            raise ValueError(f"the label must be 0 (negative) or 1 (positive), got {label!r}")
        self._update(label=int(label))

    def set_activation(self, activation: str | None) -> None:
        if activation is not None and activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")
        self._update(activation=activation)

    def set_w_scale(self, scale: float) -> None:
        scale = float(scale)
        if not np.isfinite(scale) or scale < 0:
            raise ValueError(f"the W scale must be a finite number >= 0, got {scale}")
        self._update(w_scale=scale)

    def set_seq_len(self, length: int | None) -> None:
        if length is not None and not 1 <= int(length) <= MAX_SEQ_LEN:
            raise ValueError(f"the sequence length must be between 1 and {MAX_SEQ_LEN}, got {length}")
        self._update(seq_len=None if length is None else int(length))

    def set_padding(self, enabled: bool) -> None:
        """Trace the input 'pre' padded to the model's training length (as the trainer and the Test
        reviews table score it) or as typed. Without a known maxlen, or with a sequence length set,
        padding does nothing."""
        self._update(pad=bool(enabled))

    @property
    def pad_to(self) -> int | None:
        """The length the input is padded to, or None when it is traced as typed."""
        if not self.controls.pad or self.controls.seq_len is not None or not self.model.maxlen:
            return None
        return min(int(self.model.maxlen), MAX_SEQ_LEN)

    def set_clipping(self, enabled: bool, threshold: float | None = None) -> None:
        threshold = self.controls.clip_threshold if threshold is None else float(threshold)
        if not np.isfinite(threshold) or threshold <= 0:
            raise ValueError(f"the clipping threshold must be > 0, got {threshold}")
        # Clipping acts on the final gradients only, so the trace itself stays valid.
        self.controls = replace(self.controls, clip=bool(enabled), clip_threshold=threshold)

    # --- derived -------------------------------------------------------------------------
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

    def params(self) -> dict[str, np.ndarray]:
        """float64 copies of the model's parameters with W multiplied by the W scale."""
        params = {k: np.array(v, dtype=np.float64, copy=True) for k, v in self.model.params.items()}
        params["W"] *= self.controls.w_scale
        return params

    def spectral_radius(self) -> float:
        """rho(W) of the scaled W, the number that decides whether gradients vanish or explode."""
        from rnnviz.core import spectral_radius

        return float(spectral_radius(self.params()["W"]))

    def trace(self):
        """The core's step trace (``rnnviz.core.Trace``) of the current input, cached until a change."""
        if self._trace is None:
            from rnnviz.core import make_trace

            tokens = np.asarray(self.tokens.ids, dtype=np.int64)
            with np.errstate(over="ignore", invalid="ignore"):
                # linear/relu with a large W scale overflow to inf on purpose: that is the
                # exploding gradient the user asked to see.
                self._trace = make_trace(self.params(), tokens, self.targets(),
                                         activation=self.activation, head=self.model.head)
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
    def _update(self, **changes) -> None:
        new = replace(self.controls, **changes)
        if new != self.controls:
            self.controls = new
            self._invalidate()

    def _invalidate(self) -> None:
        self._trace = None
        self._tokens = None
