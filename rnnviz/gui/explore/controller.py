"""The Explore page's controls -> explorer calls. Each user action is one call on the explorer's public
API (the same a demo, a review or a lesson makes); the views follow the explorer's events."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from rnnviz.explorer import TRACE_CHANGES, Explorer

from ..i18n import plural, translate
from .follow import follow_all
from .ordinary_follow import OrdinaryFollower

SLIDER_DEBOUNCE_MS = 40  # coalesce a W-scale drag into one recompute per frame or two


class ExploreController(QObject):
    """Connects `page`'s widgets to `explorer` and subscribes its views (``follow.follow_all``).

    status(text, ms): where one-line messages go (the status bar); settings: the QSettings that
    remember the input; jobs: the window's JobRunner (the ordinary network's search runs there).
    """

    def __init__(self, page, explorer: Explorer, status, settings, parent=None, jobs=None):
        super().__init__(parent)
        self.page, self.explorer, self.status, self.settings = page, explorer, status, settings
        self._pending_w_scale: float | None = None
        self._w_timer = QTimer(self)
        self._w_timer.setSingleShot(True)
        self._w_timer.timeout.connect(self._apply_w_scale)
        self.followers = follow_all(page, explorer)
        self.ordinary = OrdinaryFollower(page.ordinary, explorer, jobs, parent=self)
        explorer.events.changed.connect(self._on_changed)
        self._connect_controls()

    def _connect_controls(self) -> None:
        page, e = self.page, self.explorer
        page.input_bar.textApplied.connect(self._on_text_applied)
        page.input_bar.labelChanged.connect(self._on_label_changed)
        gc = page.gradient_controls
        gc.wScaleChanged.connect(self._on_w_scale)
        gc.activationChanged.connect(lambda f: self.change(activation=f))
        gc.seqLenChanged.connect(lambda n: self.change(seq_len=n or None))
        gc.clippingChanged.connect(lambda on, threshold: self.change(clip=on, clip_threshold=threshold))
        gc.paddingChanged.connect(lambda padded: self.change(pad=padded))
        gc.presetChosen.connect(self.apply_preset)
        page.playback_bar.stepChosen.connect(e.playback.set_step)
        page.plots.timeClicked.connect(lambda t: self.go_to_node("s", t))
        page.plots.valueHovered.connect(lambda text: self.status(text, 4000))
        page.graph.nodeClicked.connect(self.go_to_node)
        page.graph.parameterHovered.connect(self._on_parameter_hovered)

    # --- user input -> one explorer call ------------------------------------------------------
    def change(self, **changes) -> bool:
        """explorer.update(**changes); a refused value goes to the status bar. True if applied."""
        self._w_timer.stop()
        if self._pending_w_scale is not None:  # a drag still waiting: apply it with this change
            changes.setdefault("w_scale", self._pending_w_scale)
            self._pending_w_scale = None
        try:
            self.explorer.update(**changes)
        except ValueError as exc:
            self.status(str(exc), 8000)
            return False
        return True

    def _on_text_applied(self, text: str) -> None:
        self.page.graph.setFocus()  # so that the arrow keys step through the new trace at once
        self.settings.setValue("input/text", text)
        self.change(text=text)

    def _on_label_changed(self, label: int) -> None:
        self.settings.setValue("input/label", int(label))
        self.change(label=int(label))

    def _on_w_scale(self, scale: float) -> None:
        self._pending_w_scale = float(scale)
        self._w_timer.start(SLIDER_DEBOUNCE_MS)

    def _apply_w_scale(self) -> None:
        if self._pending_w_scale is not None:
            scale, self._pending_w_scale = self._pending_w_scale, None
            self.change(w_scale=scale)

    def apply_preset(self, name: str) -> None:
        """'vanishing' / 'exploding': ``Explorer.apply_demo``; 'reset': the model as it is."""
        e = self.explorer
        label_before = e.controls.label
        try:
            if name == "reset":
                e.reset_view()
            else:
                e.apply_demo(name)
        except ValueError as exc:
            self.status(str(exc), 8000)
            return
        if name != "reset" and e.model.head == "binary" and e.controls.label != label_before:
            # say why the label changed under the learner's eyes
            message = (translate("ExploreController", "The vanishing demo set the label to y = {0}, the one the model "
                                 "gets wrong here: with a saturated ŷ = y the loss sends back no gradient at all")
                       if name == "vanishing" else
                       translate("ExploreController", "The exploding demo set the label to y = {0}, the one the model "
                                 "gets wrong here: with a saturated ŷ = y the loss sends back no gradient at all"))
            self.status(message.format(e.controls.label), 10000)

    def go_to_node(self, kind: str, t: int) -> None:
        """Jump to the clicked node's step: its backward step while looking at the backward pass."""
        e = self.explorer
        if e.error is not None:
            return
        steps = e.trace().steps
        current = steps[e.playback.index].kind if e.playback.n_steps else "forward"
        wanted = "loss" if kind.lower() in ("l", "loss") else ("backward" if current == "backward" else "forward")
        for i, step in enumerate(steps):
            if step.kind == wanted and (wanted == "loss" or step.t == t):
                e.playback.set_step(i)
                return

    def _on_parameter_hovered(self, name: str) -> None:
        if name:
            n_steps = self.explorer.tokens.T
            self.status(plural(self.tr("{0}: one matrix, used at every one of the %n step(s); its gradient is the sum "
                                       "of the steps' contributions", "", n_steps), n_steps).format(name), 4000)

    # --- what the status bar says about a new trace ---------------------------------------------
    def _on_changed(self, what: frozenset) -> None:
        e = self.explorer
        if e.error is not None:
            self.status(translate("ExploreController", "Cannot trace this input: {0}").format(e.error), 8000)
        elif what & TRACE_CHANGES and e.tokens.padded:
            padded = e.tokens.padded  # a plain name for the plural form (lupdate)
            self.status(plural(self.tr("Traced as the model was trained: %n <pad> token(s) in front ('pre' padding "
                                       "to T = {0}); playback starts at the first word, t = {1}. Untick Padding to "
                                       "trace the words alone", "", padded), padded).format(e.tokens.T, padded + 1),
                        8000)
        elif what & TRACE_CHANGES and e.tokens.cut:
            self.status(translate("ExploreController", "The input was cut to its last {0} tokens ({1} dropped from "
                                  "the front, as Keras truncates)").format(e.tokens.T, e.tokens.cut), 8000)

    def shutdown(self) -> None:
        self._w_timer.stop()
        self.ordinary.shutdown()
