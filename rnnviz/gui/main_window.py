"""The main window: input, unrolled graph, playback, BPTT by hand, plots, vanishing/exploding controls.

Data flow: the controls change the Qt-free ``Explorer``; ``refresh()`` asks it for the core's trace
and hands that trace to every view. The animation clock only moves a ``Playback`` position and
tells the views which step (and how far into it) to show. No view computes any RNN math.
"""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QGroupBox, QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget, QVBoxLayout,
                               QWidget)

from rnnviz.explorer import Controls, Explorer, ModelSpec, Playback, summary_html
from rnnviz.explorer.equations import class_name, format_number, predicted_words, unknown_words_tooltip
from rnnviz.explorer.sources import example_sentences

from . import model_files
from .actions import build_menus, make_actions
from .detail_panel import DetailPanel
from .gradient_controls import GradientControls
from .graph_fallback import PlaceholderGraphView
from .graph_view import make_graph_view
from .help_dialog import TOPICS, HelpDialog
from .input_bar import InputBar
from .messages import show_message
from .model_controls import ModelControls
from .model_job import BuiltinModelJob
from .playback_bar import PlaybackBar
from .plots_panel import PlotsPanel
from .settings import open_settings, read_bool, read_int, read_str
from .startup_job import StartupJob

FRAME_MS = 16            # ~60 frames per second while playing
SLIDER_DEBOUNCE_MS = 40  # coalesce a W-scale drag into one recompute per frame or two
DEFAULT_SIZE = (1440, 900)
#: The smallest window every panel still fits in; at most 1280x800 so that a laptop screen holds it.
MINIMUM_SIZE = (1100, 680)
DEMO_LENGTH = 40
#: While playing, the text panel and the plot cursors follow at most this often (seconds): laying
#: out the panel's HTML and repainting the plots cost milliseconds each, the graph's tween must not wait.
PLAYING_PANEL_INTERVAL_S = 0.12


class MainWindow(QMainWindow):
    """The rnnviz window. Starts the background StartupJob at once; `explorer` is None until it ends.

    Signals: traceShown() after every redraw for a new trace (tests and the startup report wait on it).
    """

    traceShown = Signal()

    def __init__(self, settings=None, start_background_job: bool = True):
        super().__init__()
        self.settings = settings if settings is not None else open_settings()
        self.explorer: Explorer | None = None
        self.playback = Playback()
        self.training_panel = None
        self._help_dialog: HelpDialog | None = None
        self._shown_index = None
        self._panel_shown_at = 0.0
        self._model_path: str | None = None
        self.error_box: QMessageBox | None = None
        self._own_spec: ModelSpec | None = None  # the loaded or trained model, to come back to from a built-in
        self._model_job: BuiltinModelJob | None = None
        self._pending_builtin: tuple[str, int] | None = None
        self.setWindowTitle("rnnviz")
        self._build_widgets()
        self.actions_by_name = make_actions(self, self.explore_page)
        build_menus(self, self.actions_by_name, TOPICS, self.open_help)
        self._connect()
        self._restore_settings()
        self.graph.setFocus()
        self._frame_timer = QTimer(self)
        self._frame_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame_timer.setInterval(FRAME_MS)
        self._frame_timer.timeout.connect(self._on_frame)
        self._clock = QElapsedTimer()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh)
        self.startup_job = StartupJob(read_str(self.settings, "model/last_path") or None, self)
        self.startup_job.ready.connect(self._on_startup_ready)
        self.startup_job.failed.connect(self._on_startup_failed)
        self.startup_job.progress.connect(self.statusBar().showMessage)
        self.detail.show_message("Compiling the numba kernels in the background (a first start takes a while; "
                                 "later starts load them from the cache)…")
        self.statusBar().showMessage("Compiling kernels…")
        if start_background_job:
            self.startup_job.start()

    # --- layout ------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.input_bar = InputBar(example_sentences())
        # The real graph imports the numba core, so it is created when the background start is
        # done; until then a light stand-in keeps the window's first paint fast.
        self.graph = PlaceholderGraphView()
        self.graph.show_message("The unrolled graph appears when the kernels are ready…")
        self.playback_bar = PlaybackBar()
        self.plots = PlotsPanel()
        self.detail = DetailPanel()
        self.gradient_controls = GradientControls()
        self.controls_box = QGroupBox("Vanishing and exploding gradients")
        self.controls_box.setToolTip("Change W, the activation, the length and clipping; everything redraws at once")
        box_layout = QVBoxLayout(self.controls_box)
        box_layout.setContentsMargins(4, 4, 4, 4)
        box_layout.addWidget(self.gradient_controls)
        self.model_controls = ModelControls()
        self.model_box = QGroupBox("Model")
        self.model_box.setToolTip("The model on this page: a built-in task and its hidden size, or the model "
                                  "you opened or trained")
        model_layout = QVBoxLayout(self.model_box)
        model_layout.setContentsMargins(4, 4, 4, 4)
        model_layout.addWidget(self.model_controls)
        right_column = QWidget()
        right_layout = QVBoxLayout(right_column)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(2)
        right_layout.addWidget(self.model_box)
        right_layout.addWidget(self.controls_box, 1)

        graph_box = QWidget()
        graph_layout = QVBoxLayout(graph_box)
        graph_layout.setContentsMargins(0, 0, 0, 0)
        graph_layout.setSpacing(0)
        graph_layout.addWidget(self.graph, 1)
        self._graph_layout = graph_layout
        graph_layout.addWidget(self.playback_bar)
        # Top: the graph beside the numbers of its current step; bottom: plots beside the controls.
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.addWidget(graph_box)
        self.top_splitter.addWidget(self.detail)
        self.top_splitter.setStretchFactor(0, 11)
        self.top_splitter.setStretchFactor(1, 9)
        self.bottom_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.bottom_splitter.addWidget(self.plots)
        self.bottom_splitter.addWidget(right_column)
        self.bottom_splitter.setStretchFactor(0, 7)
        self.bottom_splitter.setStretchFactor(1, 3)
        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.addWidget(self.top_splitter)
        self.main_splitter.addWidget(self.bottom_splitter)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 2)
        # Sizes before restoring any saved layout: the graph and its numbers get most of the height.
        self.main_splitter.setSizes([560, 300])
        # The panel's vector rows (4 entries and the norm) need ~610 px; the graph scales to fit.
        self.top_splitter.setSizes([700, 640])
        self.bottom_splitter.setSizes([980, 440])
        explore = self.explore_page = QWidget()
        layout = QVBoxLayout(explore)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.input_bar)
        layout.addWidget(self.main_splitter, 1)
        # Explore and (when the trainer panel is available) Train are pages of the whole window:
        # training has plots of its own and needs the room.
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(explore, "Explore")
        self.pages.setTabToolTip(0, "The unrolled RNN on one input, forward and backward, step by step")
        self.setCentralWidget(self.pages)
        self.model_label = QLabel("")
        self.model_label.setToolTip("The model shown")
        self.statusBar().addPermanentWidget(self.model_label)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.resize(*DEFAULT_SIZE)

    def _connect(self) -> None:
        a = self.actions_by_name
        a["open"].triggered.connect(self.open_model)
        a["save"].triggered.connect(self.save_model)
        a["quit"].triggered.connect(self.close)
        a["play"].triggered.connect(self.toggle_play)
        a["next"].triggered.connect(self.next_step)
        a["previous"].triggered.connect(self.previous_step)
        a["first"].triggered.connect(lambda: self._jump(self.playback.first))
        a["last"].triggered.connect(lambda: self._jump(self.playback.last))
        a["restart"].triggered.connect(self.restart)
        a["fold"].toggled.connect(lambda folded: self.graph.set_folded(folded, animate=True))
        a["fit"].triggered.connect(lambda: self.graph.fit_all())
        a["zoom_in"].triggered.connect(lambda: self.graph.zoom_in())
        a["zoom_out"].triggered.connect(lambda: self.graph.zoom_out())
        a["edit_input"].triggered.connect(self._focus_input)
        a["help"].triggered.connect(lambda: self.open_help(self._context_topic()))
        a["about"].triggered.connect(self.show_about)
        a["save"].setEnabled(False)
        bar = self.playback_bar
        bar.playToggled.connect(self.toggle_play)
        bar.restartClicked.connect(self.restart)
        bar.previousClicked.connect(self.previous_step)
        bar.nextClicked.connect(self.next_step)
        bar.stepChosen.connect(self.go_to_step)
        bar.speedChanged.connect(self.playback.set_speed)
        self.playback.set_speed(bar.speed.value())
        self.input_bar.textApplied.connect(self._on_text_applied)
        self.input_bar.labelChanged.connect(self._on_label_changed)
        gc = self.gradient_controls
        gc.wScaleChanged.connect(self._on_w_scale)
        gc.activationChanged.connect(lambda f: self._change(lambda e: e.set_activation(f)))
        gc.seqLenChanged.connect(lambda n: self._change(lambda e: e.set_seq_len(n or None)))
        gc.clippingChanged.connect(self._on_clipping)
        gc.presetChosen.connect(self.apply_preset)
        self.model_controls.builtinRequested.connect(self.request_builtin)
        self.model_controls.ownModelRequested.connect(self._show_own_model)
        self.plots.timeClicked.connect(lambda t: self._on_node_clicked("s", t))
        self.plots.valueHovered.connect(lambda text: self.statusBar().showMessage(text, 4000))
        for source in (self.input_bar, self.detail, self.plots, gc):
            source.helpRequested.connect(self.open_help)

    def _install_graph(self) -> None:
        """Replace the stand-in by the unrolled graph (or keep a stand-in and say why)."""
        graph, note = make_graph_view()
        graph.setToolTip("The unrolled RNN: one column per time step. Hover U, W or V to see every edge "
                         "that shares it; click a node to jump to its step; wheel to zoom, drag to pan")
        old = self.graph
        had_focus = old.hasFocus() or self.focusWidget() is None
        self._graph_layout.replaceWidget(old, graph)
        old.hide()
        old.deleteLater()
        self.graph = graph
        graph.show()
        graph.nodeClicked.connect(self._on_node_clicked)
        graph.parameterHovered.connect(self._on_parameter_hovered)
        graph.set_folded(self.actions_by_name["fold"].isChecked(), animate=False)
        if had_focus:
            graph.setFocus()
        if note:
            self.statusBar().showMessage(note, 8000)

    # --- startup -----------------------------------------------------------------------------
    def _on_startup_ready(self, startup) -> None:
        controls = Controls(text=self._applied_text, label=self.input_bar.label)
        self.explorer = Explorer(startup.spec, controls)
        # Remember a model only when the user chose it (opened or saved it): a model picked
        # because it is the newest in the data folder must not hide a newer one next time.
        chosen = read_str(self.settings, "model/last_path")
        self._model_path = str(startup.path) if startup.path and str(startup.path) == chosen else None
        self._install_graph()
        self._show_model(startup.spec)
        self._add_training_panel()
        self.refresh()
        note = " ".join(startup.notes)
        self.statusBar().showMessage(f"Ready: {startup.spec.name}. {note} Press Space to play, "
                                     "Right/Left to step.", 10000)
        # The built-in task and H the user chose last time (the startup job builds the default one).
        task = read_str(self.settings, "model/builtin_task", "sentiment")
        hidden = read_int(self.settings, "model/hidden", startup.spec.hidden_dim)
        if startup.spec.builtin_task and (task, hidden) != (startup.spec.builtin_task, startup.spec.hidden_dim):
            self.request_builtin(task, hidden)

    def _on_startup_failed(self, message: str) -> None:
        self.detail.show_message("The RNN core could not start, so nothing can be traced.")
        self.statusBar().showMessage("The RNN core failed to start")
        self.error_box = show_message(self, "rnnviz could not start its RNN core",
                                      f"{message}\n\nCheck that numba, numpy and scipy are installed "
                                      "(pip install -e . in the rnnviz folder) and start rnnviz again.",
                                      QMessageBox.Icon.Critical)

    def _add_training_panel(self) -> None:
        """The trainer panel (a "Train" tab) when rnnviz.gui.training provides one."""
        if self.training_panel is not None:
            return
        try:
            from rnnviz.gui.training import TrainingPanel

            panel = TrainingPanel(self)
        except Exception as exc:  # noqa: BLE001 - the explorer works without the trainer
            self.model_label.setToolTip(f"Trainer panel unavailable: {type(exc).__name__}: {exc}")
            return
        self.training_panel = panel
        self.pages.addTab(panel, "Train")
        self.pages.setTabToolTip(self.pages.count() - 1, "Train a model and watch it learn; "
                                 "pause or stop to explore the trained model")
        panel.modelChanged.connect(self.show_trained_model)
        panel.reviewChosen.connect(self.show_review)
        if hasattr(panel, "stateChanged"):
            panel.stateChanged.connect(lambda state: self.statusBar().showMessage(f"Trainer: {state}", 5000))

    # --- model -------------------------------------------------------------------------------
    def _show_model(self, spec: ModelSpec) -> None:
        self.model_label.setText(f"{spec.name} · H = {spec.hidden_dim}")
        self.model_controls.set_model(spec)
        if spec.builtin_task is None:
            self._own_spec = spec
        many_to_one = spec.head == "binary"
        self.input_bar.label_combo.setEnabled(many_to_one)
        self.input_bar.label_combo.setToolTip(
            "The true label y used for the loss L and so for every gradient" if many_to_one else
            "Not used by the next-word head: its targets are the input's own next words")
        self.setWindowTitle(f"rnnviz — {spec.name}")
        self.actions_by_name["save"].setEnabled(model_files.savable_model(spec) is not None)
        c = self.explorer.controls
        self.gradient_controls.set_values(c.w_scale, self.explorer.activation, c.seq_len, c.clip, c.clip_threshold)

    def set_model(self, spec: ModelSpec, path: str | None = None) -> None:
        """Show another model with the current input (its own activation, W unscaled)."""
        if self.explorer is None:
            return
        previous = self.explorer.model
        self.explorer.set_model(spec)
        self.explorer.set_activation(None)
        self.explorer.set_w_scale(1.0)
        try:  # trace before the title and the controls change: a model the graph cannot show changes nothing
            self.explorer.trace()
        except ValueError as exc:
            self.explorer.set_model(previous)
            model_files.warn(self, "Could not show the model", f"{spec.name} cannot be traced: {exc}")
            return
        self._model_path = path
        self._show_model(spec)
        self.refresh()

    def request_builtin(self, task: str, hidden_dim: int) -> None:
        """Show the built-in model of `task` with H = hidden_dim, built off the GUI thread (a first
        build trains it); while one is being built, only the newest request waits for its turn."""
        if self.explorer is None:
            return
        if self._model_job is not None:
            self._pending_builtin = (task, int(hidden_dim))
            return
        self.settings.setValue("model/builtin_task", task)
        self.settings.setValue("model/hidden", int(hidden_dim))
        self.statusBar().showMessage(f"Building the built-in model: {task.replace('_', ' ')}, "
                                     f"H = {hidden_dim} (trained once, then cached)…")
        job = self._model_job = BuiltinModelJob(task, hidden_dim, self)
        job.ready.connect(self._on_builtin_ready)
        job.failed.connect(self._on_builtin_failed)
        job.finished.connect(job.deleteLater)
        job.start()

    def _next_builtin(self) -> bool:
        """Start the request that waited for the last job; True when there was one."""
        self._model_job = None
        pending, self._pending_builtin = self._pending_builtin, None
        if pending is not None:
            self.request_builtin(*pending)
        return pending is not None

    def _on_builtin_ready(self, spec: ModelSpec) -> None:
        if self._next_builtin():
            return  # the user asked for another one meanwhile
        self.set_model(spec)
        self.statusBar().showMessage(f"Showing the {spec.name}, H = {spec.hidden_dim}", 6000)

    def _on_builtin_failed(self, message: str) -> None:
        if self._next_builtin():
            return
        if self.explorer is not None:
            self.model_controls.set_model(self.explorer.model)
        show_message(self, "Could not build the built-in model", message)

    def _show_own_model(self) -> None:
        if self._own_spec is not None:
            self.set_model(self._own_spec)

    def show_trained_model(self, trained) -> None:
        """Slot for the trainer panel's modelChanged(TrainedModel): explore the trained weights."""
        self.set_model(ModelSpec.from_trained(trained, "model trained in this window"))
        self.statusBar().showMessage("The Explore page now shows the model trained in this window", 6000)

    def show_review(self, text: str, label: int) -> None:
        """Slot for the trainer panel's reviewChosen(text, label): trace it on the Explore page."""
        self.pages.setCurrentIndex(0)
        self.input_bar.choose(text, int(label))

    def open_model(self) -> None:
        start = read_str(self.settings, "model/last_dir")
        path = model_files.ask_open_path(self, start)
        if path:
            self.load_model_path(path)

    def load_model_path(self, path: str) -> bool:
        """Load and show a model file; a bad file gives a message box and changes nothing."""
        if self.explorer is None:
            self.statusBar().showMessage("Wait until the kernels are ready, then open the model again", 5000)
            return False
        spec, error = model_files.load_spec(path)
        if error:
            model_files.warn(self, "Could not open the model", error)
            return False
        self.set_model(spec, path)
        self.settings.setValue("model/last_path", path)
        self.settings.setValue("model/last_dir", str(Path(path).parent))
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def save_model(self) -> None:
        trained = model_files.savable_model(self.explorer.model if self.explorer else None)
        if trained is None:
            return
        path = model_files.ask_save_path(self, self._model_path or read_str(self.settings, "model/last_dir"))
        if not path:
            return
        error = model_files.save_trained(path, trained)
        if error:
            model_files.warn(self, "Could not save the model", error)
            return
        self._model_path = path
        self.settings.setValue("model/last_path", path)
        self.settings.setValue("model/last_dir", str(Path(path).parent))
        self.statusBar().showMessage(f"Saved {path}", 5000)

    # --- controls -> explorer ----------------------------------------------------------------
    def _change(self, change, debounce_ms: int = 0) -> None:
        """Apply a change to the explorer, then redraw (now, or after `debounce_ms` of quiet)."""
        if self.explorer is None:
            return
        try:
            change(self.explorer)
        except ValueError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        if debounce_ms:
            self._refresh_timer.start(debounce_ms)
        else:
            self.refresh()

    def _on_text_applied(self, text: str) -> None:
        self._applied_text = text
        self.graph.setFocus()  # so that the arrow keys step through the new trace at once
        self.settings.setValue("input/text", text)
        self._change(lambda e: e.set_text(text))

    def _on_label_changed(self, label: int) -> None:
        self.settings.setValue("input/label", int(label))
        self._change(lambda e: e.set_label(int(label)))

    def _on_w_scale(self, scale: float) -> None:
        self._change(lambda e: e.set_w_scale(scale), debounce_ms=SLIDER_DEBOUNCE_MS)

    def _on_clipping(self, enabled: bool, threshold: float) -> None:
        if self.explorer is None:
            return
        self.explorer.set_clipping(enabled, threshold)
        self._show_clip()
        self._show_step(force=True)

    def apply_preset(self, name: str) -> None:
        """'vanishing' / 'exploding': linear f, T = 40, W scaled to rho = 0.8 / 1.2; 'reset': the model as is."""
        if self.explorer is None:
            return
        e = self.explorer
        if name == "reset":
            e.set_w_scale(1.0)
            e.set_activation(None)
            e.set_seq_len(None)
            e.set_clipping(False)
        else:
            target = 0.8 if name == "vanishing" else 1.2
            base = e.spectral_radius() / e.controls.w_scale if e.controls.w_scale > 0 else 0.0
            if base <= 0:
                self.statusBar().showMessage("This model's W has spectral radius 0; it cannot be scaled", 6000)
                return
            e.set_activation("linear")
            e.set_seq_len(DEMO_LENGTH)
            e.set_w_scale(min(target / base, 3.0))
        c = e.controls
        self.gradient_controls.set_values(c.w_scale, e.activation, c.seq_len, c.clip, c.clip_threshold)
        self.refresh()

    # --- redraw ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Trace the current input and redraw everything. Milliseconds for T <= 500 after compilation."""
        self._refresh_timer.stop()
        if self.explorer is None:
            return
        previous_steps = self.playback.n_steps
        try:
            trace = self.explorer.trace()
        except ValueError as exc:
            self.statusBar().showMessage(f"Cannot trace this input: {exc}", 8000)
            return
        tokens = self.explorer.tokens
        self.playback.reset(len(trace.steps), keep_index=previous_steps == len(trace.steps))
        vocab = self.explorer.model.vocab
        names = [class_name(vocab, k) for k in range(trace.o.shape[1])] if trace.head != "binary" else None
        self.graph.set_trace(trace, list(tokens.labels), names)
        self.plots.set_trace(trace)
        self.playback_bar.set_step_count(len(trace.steps))
        tooltip = unknown_words_tooltip(tokens.unknown)
        if trace.head != "binary":
            tooltip = "\n\n".join(filter(None, ["Predicted next word at each step:\n"
                                                 + " ".join(predicted_words(trace, vocab)), tooltip]))
        self.input_bar.show_result(summary_html(trace, tokens, vocab), tooltip)
        self.gradient_controls.show_radius(self.explorer.spectral_radius())
        self._show_clip()
        if tokens.cut:
            self.statusBar().showMessage(f"The input was cut to its last {tokens.T} tokens "
                                         f"({tokens.cut} dropped from the front, as Keras truncates)", 8000)
        self._show_step(force=True)
        self.traceShown.emit()

    def _show_clip(self) -> None:
        report = self.explorer.clip_report() if self.explorer else None
        if report is None:
            self.gradient_controls.show_clip("off: gradients are used as they are")
            return
        if not report.finite:
            text = f"‖g‖ = {format_number(report.norm_before)}: overflowed, clipping cannot help"
        elif report.active:
            text = f"‖g‖ = {format_number(report.norm_before)} → scaled by {format_number(report.scale)}"
        else:
            text = f"‖g‖ = {format_number(report.norm_before)} ≤ threshold: unchanged"
        self.gradient_controls.show_clip(text)

    def _show_step(self, force: bool = False) -> None:
        """Tell every view about the current step (the panel only when the step changed)."""
        if self.explorer is None or self.playback.n_steps == 0:
            return
        index, frac = self.playback.index, self.playback.frac
        trace = self.explorer.trace()
        now = time.monotonic()
        due = not self.playback.playing or now - self._panel_shown_at >= PLAYING_PANEL_INTERVAL_S
        if force or (index != self._shown_index and due):
            self._shown_index = index
            self._panel_shown_at = now
            step = trace.steps[index]
            self.detail.show_step(trace, index, self.explorer.tokens, self.explorer.clip_report(),
                                  self.explorer.model.vocab)
            self.plots.set_cursor(step.t)
            self.playback_bar.show_step(index, self._step_text(step, index))
            self._ensure_visible(step.t)
        # The graph's set_progress(i, f) blends from "after step i" towards step i + 1, while the
        # playback's (index, frac) is "step index, frac of the way done".
        if frac >= 1.0:
            self.graph.set_step(index)
        else:
            self.graph.set_progress(index - 1, frac)

    def _ensure_visible(self, t: int) -> None:
        """Scroll the graph to step t only when its column is out of view (no jumping for short inputs)."""
        node = self.graph.node("s", t) if hasattr(self.graph, "node") else None
        if node is not None:
            visible = self.graph.mapToScene(self.graph.viewport().rect()).boundingRect()
            if visible.contains(node.sceneBoundingRect()):
                return
        self.graph.center_on_step(t)

    def _step_text(self, step, index: int) -> str:
        name = {"forward": f"forward t = {step.t}", "loss": "loss L", "backward": f"backward t = {step.t}"}
        return f"{index + 1}/{self.playback.n_steps}: {name[step.kind]}"

    # --- playback ----------------------------------------------------------------------------
    def toggle_play(self) -> None:
        if self.playback.playing:
            self.playback.pause()
        else:
            self.playback.play()
        self._sync_clock()

    def restart(self) -> None:
        self.playback.restart()
        self._sync_clock()

    def _sync_clock(self) -> None:
        playing = self.playback.playing
        self.playback_bar.show_playing(playing)
        if playing:
            self._clock.start()
            self._frame_timer.start()
        else:
            self._frame_timer.stop()
        self._show_step(force=not playing)

    def _on_frame(self) -> None:
        # Advance by the real time elapsed, so a late frame does not slow the animation down.
        seconds = self._clock.restart() / 1000.0
        self.playback.advance(seconds)
        self._show_step()
        if not self.playback.playing:
            self._sync_clock()

    def _jump(self, move) -> None:
        self.playback.pause()
        move()
        self._sync_clock()

    def next_step(self) -> None:
        self._jump(self.playback.next)

    def previous_step(self) -> None:
        self._jump(self.playback.previous)

    def go_to_step(self, index: int) -> None:
        self._jump(lambda: self.playback.go_to(index))

    def _on_node_clicked(self, kind: str, t: int) -> None:
        """Jump to the clicked node's step: its backward step while looking at the backward pass."""
        if self.explorer is None:
            return
        steps = self.explorer.trace().steps
        current = steps[self.playback.index].kind if self.playback.n_steps else "forward"
        wanted = "loss" if kind.lower() in ("l", "loss") else ("backward" if current == "backward" else "forward")
        for i, step in enumerate(steps):
            if step.kind == wanted and (wanted == "loss" or step.t == t):
                self.go_to_step(i)
                return

    def _on_parameter_hovered(self, name: str) -> None:
        if name and self.explorer is not None:
            self.statusBar().showMessage(f"{name}: one matrix, used at every one of the {self.explorer.tokens.T} "
                                         f"steps; its gradient is the sum of the steps' contributions", 4000)

    # --- help ----------------------------------------------------------------------------------
    def _context_topic(self) -> str:
        if self.explorer is None or not self.playback.n_steps:
            return "keys"
        kind = self.explorer.trace().steps[self.playback.index].kind
        return "forward" if kind in ("forward", "loss") else "bptt"

    def open_help(self, topic: str) -> None:
        if self._help_dialog is None:
            self._help_dialog = HelpDialog(self)
        self._help_dialog.open_topic(topic)

    def show_about(self) -> None:
        from rnnviz import __version__

        show_message(self, "About rnnviz",
                     f"<b>rnnviz {__version__}</b><p>See how a vanilla recurrent network computes and "
                     "learns: the unrolled graph, the forward pass and backpropagation through time "
                     "step by step with the real numbers, and vanishing and exploding gradients.</p>",
                     QMessageBox.Icon.Information)

    def _focus_input(self) -> None:
        self.input_bar.text_edit.setFocus()
        self.input_bar.text_edit.selectAll()

    # --- settings and shutdown ---------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.fit_to_screen()
        for key, splitter in (("main", self.main_splitter), ("top", self.top_splitter),
                              ("bottom", self.bottom_splitter)):
            state = s.value(f"window/splitter_{key}")
            if state is not None:
                splitter.restoreState(state)
        examples = example_sentences()
        default_label, default_text = examples[0]
        text = read_str(s, "input/text", default_text) or default_text
        self.input_bar.set_values(text, read_int(s, "input/label", default_label))
        self._applied_text = text
        self.detail.show_all_check.setChecked(read_bool(s, "view/show_all", False))
        self.playback_bar.speed.setValue(float(s.value("view/speed", 3.0)))

    def fit_to_screen(self, area: QRect | None = None) -> None:
        """Shrink and move the window into `area` (default: its screen's available geometry):
        settings saved on a bigger display would otherwise cut off the right-hand panels."""
        if area is None:
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is None:
                return
            area = screen.availableGeometry()
        frame = self.frameGeometry()
        # The frame (title bar, borders) adds to the client size; keep it inside the area too.
        extra_w = max(0, frame.width() - self.width())
        extra_h = max(0, frame.height() - self.height())
        width = min(self.width(), area.width() - extra_w)
        height = min(self.height(), area.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, 1), max(height, 1))
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
        y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
        if (x, y) != (frame.x(), frame.y()):
            self.move(max(x, area.left()), max(y, area.top()))

    def _save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter_main", self.main_splitter.saveState())
        s.setValue("window/splitter_top", self.top_splitter.saveState())
        s.setValue("window/splitter_bottom", self.bottom_splitter.saveState())
        s.setValue("input/text", self._applied_text)
        s.setValue("input/label", self.input_bar.label)
        s.setValue("view/show_all", self.detail.show_all_check.isChecked())
        s.setValue("view/speed", self.playback_bar.speed.value())
        if self._model_path:
            s.setValue("model/last_path", self._model_path)
        s.sync()

    def shutdown(self) -> None:
        """Stop the clock, wait for the background job and the trainer's worker: no thread left."""
        self._frame_timer.stop()
        self._refresh_timer.stop()
        if self.startup_job.isRunning():
            self.statusBar().showMessage("Waiting for the kernel compilation to finish…")
            self.startup_job.wait()
        self._pending_builtin = None
        if self._model_job is not None:
            self._model_job.wait()  # training a built-in model takes well under a second
        if self.training_panel is not None:
            self.training_panel.shutdown(timeout_s=1.0)
        if self._help_dialog is not None:
            self._help_dialog.close()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._save_settings()
        self.shutdown()
        super().closeEvent(event)
