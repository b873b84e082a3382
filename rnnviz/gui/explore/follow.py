"""How each Explore view follows the explorer: one small subscriber per view, napari style.

A follower takes its widget and the ``Explorer`` in ``__init__``, subscribes to
``explorer.events.changed`` (a new trace, the model, the controls) and to the playback's events
(the current step), and draws at once. The widgets keep their plain ``show_*``/``set_*`` methods
and know nothing of the explorer; nothing here computes any RNN math.

While playing, the BPTT panel, the plot cursors and the scrubber follow at most every
``PLAYING_INTERVAL_S`` (laying out the panel's HTML and repainting the plots cost milliseconds, the
graph's tween must not wait); the moment the animation stops they all show the playback's step.
"""
from __future__ import annotations

import time

from rnnviz.explorer import TRACE_CHANGES, Explorer, summary_html
from rnnviz.explorer.equations import class_name, format_number, predicted_words, unknown_words_tooltip
from rnnviz.explorer.sources import example_sentences

from ..i18n import translate
from .gated_controls import show_cell

PLAYING_INTERVAL_S = 0.12


class StepFollower:
    """Calls ``show(index)`` for the playback's current step: at once while paused, at most every
    `interval_s` while playing, and only when the step changed unless forced."""

    def __init__(self, explorer: Explorer, show, interval_s: float = PLAYING_INTERVAL_S):
        self.explorer, self.show, self.interval_s = explorer, show, interval_s
        self.shown_index: int | None = None
        self._shown_at = 0.0
        playback = explorer.playback
        playback.events.step.connect(self._on_step)
        playback.events.playing.connect(self._on_playing)

    def show_now(self) -> None:
        """Show the current step whatever was shown before (a new trace, new controls)."""
        index = self.explorer.playback.index
        if self.explorer.error is None and index >= 0:
            self.shown_index, self._shown_at = index, time.monotonic()
            self.show(index)

    def _on_step(self, index: int, _frac: float) -> None:
        if index == self.shown_index:
            return
        playing = self.explorer.playback.playing
        if not playing or time.monotonic() - self._shown_at >= self.interval_s:
            self.show_now()

    def _on_playing(self, playing: bool) -> None:
        if not playing:
            self.show_now()


def step_text(explorer: Explorer, index: int) -> str:
    """What the scrubber's label says about step `index`: "14/25: backward t = 12"."""
    step = explorer.trace().steps[index]
    if step.kind == "forward":
        name = translate("Follow", "forward t = {0}").format(step.t)
    elif step.kind == "backward":
        name = translate("Follow", "backward t = {0}").format(step.t)
    else:
        name = translate("Follow", "loss L")
    return f"{index + 1}/{explorer.playback.n_steps}: {name}"


class GraphFollower:
    """The unrolled graph: rebuilt for a new trace, stepped (with its tween) on every frame."""

    def __init__(self, graph, explorer: Explorer):
        self.graph, self.explorer = graph, explorer
        self._scroll = StepFollower(explorer, self._keep_in_view, interval_s=0.0)
        explorer.events.changed.connect(self._on_changed)
        explorer.playback.events.step.connect(self._on_step)
        self.show_trace()

    def show_trace(self) -> None:
        e = self.explorer
        if e.error is not None:
            return
        trace = e.trace()
        vocab = e.model.vocab
        names = [class_name(vocab, k) for k in range(trace.o.shape[1])] if trace.head != "binary" else None
        self.graph.set_trace(trace, list(e.tokens.labels), names, originals=list(e.tokens.words))
        self._on_step(e.playback.index, e.playback.frac)
        self._scroll.show_now()

    def _on_changed(self, what: frozenset) -> None:
        if what & TRACE_CHANGES:
            self.show_trace()

    def _on_step(self, index: int, frac: float) -> None:
        if index < 0 or self.explorer.error is not None:
            return
        # The graph's set_progress(i, f) blends from "after step i" towards step i + 1, while the
        # playback's (index, frac) is "step index, frac of the way done".
        if frac >= 1.0:
            self.graph.set_step(index)
        else:
            self.graph.set_progress(index - 1, frac)

    def _keep_in_view(self, index: int) -> None:
        """Scroll to the step's column only when it is out of view (no jumping for short inputs)."""
        t = self.explorer.trace().steps[index].t
        node = self.graph.node("s", t)
        if node is not None:
            visible = self.graph.mapToScene(self.graph.viewport().rect()).boundingRect()
            if visible.contains(node.sceneBoundingRect()):
                return
        self.graph.center_on_step(t)


class DetailFollower:
    """BPTT by hand: the current step's equations with this trace's numbers (and the clipping)."""

    def __init__(self, panel, explorer: Explorer):
        self.panel, self.explorer = panel, explorer
        self.steps = StepFollower(explorer, self._show)
        explorer.events.changed.connect(lambda _what: self.steps.show_now())
        self.steps.show_now()

    def _show(self, index: int) -> None:
        e = self.explorer
        self.panel.show_step(e.trace(), index, e.tokens, e.clip_report(), e.model.vocab)


class PlotsFollower:
    """The three plots: data for a new trace, the cursors at the current step's t."""

    def __init__(self, plots, explorer: Explorer):
        self.plots, self.explorer = plots, explorer
        self.steps = StepFollower(explorer, self._show_step)
        explorer.events.changed.connect(self._on_changed)
        self._on_changed(TRACE_CHANGES)

    def _on_changed(self, what: frozenset) -> None:
        if what & TRACE_CHANGES and self.explorer.error is None:
            self.plots.set_trace(self.explorer.trace())
            self.steps.show_now()

    def _show_step(self, index: int) -> None:
        self.plots.set_cursor(self.explorer.trace().steps[index].t)


class PlaybackBarFollower:
    """The scrubber's range and position, the step's name, the play button and the speed."""

    def __init__(self, bar, explorer: Explorer):
        self.bar, self.explorer = bar, explorer
        playback = explorer.playback
        self.steps = StepFollower(explorer, self._show_step)
        playback.events.reset.connect(self._on_reset)
        playback.events.playing.connect(bar.show_playing)
        playback.events.speed.connect(self._on_speed)
        explorer.events.changed.connect(lambda _what: self.steps.show_now())
        self._on_reset(playback.n_steps)
        bar.show_playing(playback.playing)
        self.steps.show_now()

    def _on_reset(self, n_steps: int) -> None:
        self.bar.set_step_count(n_steps)

    def _on_speed(self, speed: float) -> None:
        self.bar.speed.blockSignals(True)
        self.bar.speed.setValue(speed)
        self.bar.speed.blockSignals(False)

    def _show_step(self, index: int) -> None:
        self.bar.show_step(index, step_text(self.explorer, index))


class InputFollower:
    """The sentence and label fields (when a demo, a review or a lesson sets them), the label's
    meaning for the model's head, and the one-line result."""

    def __init__(self, input_bar, explorer: Explorer):
        self.bar, self.explorer = input_bar, explorer
        explorer.events.changed.connect(self._on_changed)
        self._on_changed(frozenset({"model", "text", "label"}))

    def _on_changed(self, what: frozenset) -> None:
        e = self.explorer
        # Each field only when its own value changed: a label change must not overwrite a
        # sentence being typed (or being chosen: InputBar.choose sets the label first).
        if "text" in what and self.bar.text_edit.text() != e.controls.text:
            self.bar.text_edit.setText(e.controls.text)
        if "label" in what:
            self.bar.set_values(self.bar.text_edit.text(), e.controls.label)
        if "model" in what:
            # only the curated examples this model can read (none of their words becomes <oov>)
            self.bar.set_examples(example_sentences(e.model.vocab, int(e.model.params["E"].shape[0])))
            many_to_one = e.model.head == "binary"
            self.bar.label_combo.setEnabled(many_to_one)
            self.bar.label_combo.setToolTip(
                translate("Follow", "The true label y used for the loss L and so for every gradient") if many_to_one
                else translate("Follow", "Not used by the next-word head: its targets are the input's own next words"))
        if what & TRACE_CHANGES and e.error is None:
            trace, tokens, vocab = e.trace(), e.tokens, e.model.vocab
            tooltip = unknown_words_tooltip(tokens.unknown)
            if trace.head != "binary":
                tooltip = "\n\n".join(filter(None, [translate("Follow", "Predicted next word at each step:") + "\n"
                                                     + " ".join(predicted_words(trace, vocab)), tooltip]))
            summary = summary_html(trace, tokens, vocab)
            if e.model.untrained:  # a first start: no one should read this ŷ as what the model learnt
                summary = ('<b style="color:#b34700">' + translate("Follow", "Untrained:") + "</b> " + summary)
                tooltip = "\n\n".join(filter(None, [translate(
                    "Follow", "The built-in model's starting weights, before any training: its prediction is "
                              "not learnt. The trained model replaces them as soon as its kernels are compiled."),
                    tooltip]))
            self.bar.show_result(summary, tooltip)


class GradientControlsFollower:
    """W scale, activation, length and clipping as the explorer has them, rho(W) and the clip report."""

    def __init__(self, controls, explorer: Explorer):
        self.controls, self.explorer = controls, explorer
        explorer.events.changed.connect(self._on_changed)
        self._on_changed(TRACE_CHANGES)

    def _on_changed(self, _what: frozenset) -> None:
        e, c = self.explorer, self.explorer.controls
        self.controls.set_values(c.w_scale, e.activation, c.seq_len, c.clip, c.clip_threshold)
        self.controls.set_padding(c.pad, e.model.maxlen)
        if e.cell == "rnn":
            self.controls.show_radius(e.spectral_radius())
        show_cell(self.controls, e.gated_controls_reason)  # W scale, f and the demos are the RNN's
        self.controls.show_clip(clip_text(e))


def clip_text(explorer: Explorer) -> str:
    """What clipping does to this trace's gradients, in one line."""
    report = explorer.clip_report() if explorer.error is None else None
    if report is None:
        return translate("Follow", "off: gradients are used as they are")
    norm = format_number(report.norm_before)
    if not report.finite:
        return translate("Follow", "‖g‖ = {0}: overflowed, clipping cannot help").format(norm)
    if report.active:
        return translate("Follow", "‖g‖ = {0} → scaled by {1}").format(norm, format_number(report.scale))
    return translate("Follow", "‖g‖ = {0} ≤ threshold: unchanged").format(norm)


class ModelControlsFollower:
    """The task and hidden-size boxes show the model on the page."""

    def __init__(self, model_controls, explorer: Explorer):
        self.model_controls, self.explorer = model_controls, explorer
        explorer.events.changed.connect(self._on_changed)
        model_controls.set_model(explorer.model)

    def _on_changed(self, what: frozenset) -> None:
        if "model" in what:
            self.model_controls.set_model(self.explorer.model)


def follow_all(page, explorer: Explorer) -> list:
    """Subscribe every view of the Explore page to `explorer` (keep the returned list alive)."""
    return [GraphFollower(page.graph, explorer), DetailFollower(page.detail, explorer),
            PlotsFollower(page.plots, explorer), PlaybackBarFollower(page.playback_bar, explorer),
            InputFollower(page.input_bar, explorer), GradientControlsFollower(page.gradient_controls, explorer),
            ModelControlsFollower(page.model_controls, explorer)]
