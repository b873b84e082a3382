"""The main window: the Explore page (and the Train page once the kernels are ready), menus, status bar.

The window wires things once and then stays out of the way: the Qt-free ``Explorer`` holds the model,
the input and the controls, its ``Playback`` the current step, and every view of the Explore page
follows their events (``explore/follow.py``). Small controllers do the rest: ``ExploreController``
(controls -> explorer), ``ModelController`` (open, save, built-in and trained models),
``PlaybackClock`` (the animation timer), ``window_settings`` (what is remembered), and one
``JobRunner`` for every job off the GUI thread.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from rnnviz.explorer import TRACE_CHANGES, Controls, Explorer, ModelSpec, Playback
from rnnviz.explorer.sources import example_sentences

from . import heap, model_files, window_settings
from .actions import PAGE_ACTIONS, build_menus, make_actions
from .explore.controller import ExploreController
from .explore.page import ExplorePage
from .help_dialog import HelpDialog, topic_titles
from .i18n import add_language_menu, translate
from .jobs import JobRunner
from .messages import show_message
from .model_controller import ModelController
from .playback_clock import PlaybackClock
from .settings import open_settings, read_int, read_str
from .startup_job import startup_job

DEFAULT_SIZE = (1440, 900)
#: The smallest window every panel still fits in; at most 1280x800 so that a laptop screen holds it.
MINIMUM_SIZE = (1100, 680)
#: Longest wait at shutdown for the background jobs (a cold numba compile cannot be interrupted;
#: JobRunner then waits its grace period rather than destroy a running thread).
SHUTDOWN_TIMEOUT_S = 2.0


class MainWindow(QMainWindow):
    """The rnnviz window. Starts the background start-up job at once; `explorer` is None until it ends.

    Signals: traceShown() after every redraw for a new trace (tests and the startup report wait on it).
    """

    traceShown = Signal()

    def __init__(self, settings=None, start_background_job: bool = True):
        super().__init__()
        self.settings = settings if settings is not None else open_settings()
        self.explorer: Explorer | None = None
        self.explore: ExploreController | None = None
        self.playback = Playback()
        self._training_panel = None
        self._training_panel_tried = False
        self._help_dialog: HelpDialog | None = None
        self._compare_dialog = None
        self.error_box: QMessageBox | None = None
        self.setWindowTitle("rnnviz")
        self.page = ExplorePage(example_sentences())
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.page, translate("MainWindow", "Explore"))
        self.pages.setTabToolTip(0, translate("MainWindow", "The unrolled RNN on one input, forward and backward, "
                                                            "step by step"))
        self.setCentralWidget(self.pages)
        self.model_label = QLabel("")
        self.model_label.setToolTip(translate("MainWindow", "The model shown"))
        self.statusBar().addPermanentWidget(self.model_label)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.resize(*DEFAULT_SIZE)
        self.runner = JobRunner(self)
        self.clock = PlaybackClock(self.playback, self)
        self.models = ModelController(self, self.settings, self.runner)
        self.actions_by_name = make_actions(self)
        self.menus = build_menus(self, self.actions_by_name, topic_titles(), self.open_help)
        add_language_menu(self, self.menus["view"], self.settings)
        self._connect()
        self._applied = window_settings.restore(self, example_sentences())
        self.playback.set_speed(self.page.playback_bar.speed.value())
        self.page.graph.setFocus()
        self.page.detail.show_message(translate("MainWindow", "Compiling the numba kernels in the background (a "
                                                              "first start takes a while; later starts load them "
                                                              "from the cache)…"))
        self.statusBar().showMessage(translate("MainWindow", "Compiling kernels…"))
        if start_background_job:
            job = startup_job(read_str(self.settings, "model/last_path") or None)
            job.succeeded.connect(self._on_startup_ready)
            job.failed.connect(self._on_startup_job_failed)
            job.progressed.connect(self._on_startup_progress)
            self.runner.start(job, "rnnviz-startup")

    # --- the Explore page's widgets, as the window's (scripts and tests use these names) ----------
    input_bar = property(lambda self: self.page.input_bar)
    graph = property(lambda self: self.page.graph)
    playback_bar = property(lambda self: self.page.playback_bar)
    plots = property(lambda self: self.page.plots)
    detail = property(lambda self: self.page.detail)
    gradient_controls = property(lambda self: self.page.gradient_controls)
    model_controls = property(lambda self: self.page.model_controls)

    # The playback benchmark times every animation frame through these two.
    _frame_timer = property(lambda self: self.clock.timer)
    _on_frame = property(lambda self: self.clock._on_frame)

    def _connect(self) -> None:
        a, p = self.actions_by_name, self.playback
        a["open"].triggered.connect(self.models.open_model)
        a["save"].triggered.connect(self.models.save_model)
        a["quit"].triggered.connect(self.close)
        a["play"].triggered.connect(p.toggle)
        a["next"].triggered.connect(self.next_step)
        a["previous"].triggered.connect(self.previous_step)
        a["first"].triggered.connect(lambda: p.set_step(0))
        a["last"].triggered.connect(lambda: p.set_step(p.n_steps - 1))
        a["restart"].triggered.connect(p.restart)
        a["fold"].toggled.connect(lambda folded: self._graph_call("set_folded", folded, animate=True))
        a["fit"].triggered.connect(lambda: self._graph_call("fit_all"))
        a["zoom_in"].triggered.connect(lambda: self._graph_call("zoom_in"))
        a["zoom_out"].triggered.connect(lambda: self._graph_call("zoom_out"))
        a["edit_input"].triggered.connect(self._focus_input)
        a["help"].triggered.connect(lambda: self.open_help(self._context_topic()))
        a["about"].triggered.connect(self.show_about)
        a["compare_cells"].triggered.connect(self.open_compare_cells)
        self.page.compare_button.clicked.connect(self.open_compare_cells)
        a["ordinary"].toggled.connect(self.page.show_ordinary)
        self.page.ordinary_button.toggled.connect(a["ordinary"].setChecked)
        a["save"].setEnabled(False)
        # The page's keys are window shortcuts, on only while the Explore page is shown: Right/Left
        # then step even when the tab bar has the focus (a focused text field keeps its own keys).
        self.pages.currentChanged.connect(self._on_page_changed)
        bar = self.page.playback_bar
        bar.playToggled.connect(p.toggle)
        bar.restartClicked.connect(p.restart)
        bar.previousClicked.connect(self.previous_step)
        bar.nextClicked.connect(self.next_step)
        bar.speedChanged.connect(p.set_speed)
        self.page.model_controls.builtinRequested.connect(self.models.request_builtin)
        self.page.model_controls.ownModelRequested.connect(self.models.show_own_model)
        page = self.page
        for source in (page.input_bar, page.detail, page.plots, page.gradient_controls):
            source.helpRequested.connect(self.open_help)

    def _graph_call(self, name: str, *args, **kwargs) -> None:
        """A View-menu action on the graph; nothing while the kernels load (no graph yet)."""
        if self.explorer is not None:
            getattr(self.page.graph, name)(*args, **kwargs)

    def _on_page_changed(self, index: int) -> None:
        on_explore = self.pages.widget(index) is self.page
        for name in PAGE_ACTIONS:
            self.actions_by_name[name].setEnabled(on_explore)

    # --- startup -----------------------------------------------------------------------------
    @Slot(object)
    def _on_startup_progress(self, values: tuple) -> None:
        self.statusBar().showMessage(str(values[0]) if values else "")

    @Slot(object)
    def _on_startup_ready(self, startup) -> None:
        text, label = self._applied
        self.explorer = Explorer(startup.spec, Controls(text=text, label=label), self.playback)
        self.page.install_graph(self.actions_by_name["fold"].isChecked())
        # Remember a model only when the user chose it (opened or saved it): a model picked
        # because it is the newest in the data folder must not hide a newer one next time.
        chosen = read_str(self.settings, "model/last_path")
        path = str(startup.path) if startup.path and str(startup.path) == chosen else None
        self.models.attach(self.explorer, path)
        # the Train page after the first graph is painted (building it took 0.3-0.4 s of a 1.6 s start);
        # asking for ``training_panel`` earlier builds it then
        QTimer.singleShot(0, self, self._add_training_panel)
        self.explore = ExploreController(self.page, self.explorer, self.statusBar().showMessage, self.settings, self,
                                         jobs=self.runner)
        self.explorer.events.changed.connect(self._on_explorer_changed)
        self._on_explorer_changed(TRACE_CHANGES | {"model"})
        note = " ".join(startup.notes)
        self.statusBar().showMessage(translate("MainWindow", "Ready: {0}. {1} Press Space to play, Right/Left to "
                                                             "step.").format(startup.spec.name, note), 10000)
        # The built-in task and H the user chose last time (the startup job builds the default one).
        task = read_str(self.settings, "model/builtin_task", "sentiment")
        hidden = read_int(self.settings, "model/hidden", startup.spec.hidden_dim)
        if startup.spec.untrained:  # a first start: the trained model replaces the starting weights
            self.models.replace_untrained(task, hidden)
        elif startup.spec.builtin_task and (task, hidden) != (startup.spec.builtin_task, startup.spec.hidden_dim):
            self.models.request_builtin(task, hidden)

    @Slot(str, bool)
    def _on_startup_job_failed(self, message: str, cancelled: bool) -> None:
        if not cancelled:
            self._on_startup_failed(message)

    def _on_startup_failed(self, message: str) -> None:
        self.page.detail.show_message(translate("MainWindow", "The RNN core could not start, so nothing can be "
                                                              "traced."))
        self.statusBar().showMessage(translate("MainWindow", "The RNN core failed to start"))
        self.error_box = show_message(self, translate("MainWindow", "rnnviz could not start its RNN core"),
                                      translate("MainWindow", "{0}\n\nCheck that numba, numpy and scipy are installed "
                                                "(pip install -e . in the rnnviz folder) and start rnnviz "
                                                "again.").format(message),
                                      QMessageBox.Icon.Critical)

    def _on_explorer_changed(self, what: frozenset) -> None:
        """The window's own parts of a change: title, status-bar model, Save; then traceShown."""
        if "model" in what:
            spec = self.explorer.model
            self.model_label.setText(f"{spec.name} · H = {spec.hidden_dim}")
            # the untrained starting weights of a first start: marked where the model's name is read
            self.model_label.setStyleSheet("color: #b34700; font-weight: bold;" if spec.untrained else "")
            self.setWindowTitle(f"rnnviz — {spec.name}")
            self.actions_by_name["save"].setEnabled(model_files.savable_model(spec) is not None)
        if what & TRACE_CHANGES and self.explorer.error is None:
            self._applied = (self.explorer.controls.text, self.explorer.controls.label)
            self.traceShown.emit()

    @property
    def training_panel(self):
        """The Train page's panel (None until the model is loaded, or when rnnviz.gui.training failed)."""
        if not self._training_panel_tried and self.explorer is not None:
            self._add_training_panel()
        return self._training_panel

    def _add_training_panel(self) -> None:
        """The trainer panel (a "Train" tab) when rnnviz.gui.training provides one."""
        if self._training_panel_tried:
            return
        self._training_panel_tried = True
        try:
            from rnnviz.gui.training import TrainingPanel

            panel = TrainingPanel(self)
        except Exception as exc:  # noqa: BLE001 - the explorer works without the trainer
            self.model_label.setToolTip(translate("MainWindow", "Trainer panel unavailable: {0}").format(
                f"{type(exc).__name__}: {exc}"))
            return
        self._training_panel = panel
        # the start's objects (kernels, pyqtgraph, widgets) live as long as the window: freeze them, so
        # that a full garbage collection later does not walk them on the GUI thread (rnnviz.gui.heap)
        QTimer.singleShot(0, self, heap.settle)
        self.pages.addTab(panel, translate("MainWindow", "Train"))
        self.pages.setTabToolTip(self.pages.count() - 1, translate("MainWindow", "Train a model and watch it learn; "
                                                                   "pause or stop to explore the trained model"))
        panel.modelChanged.connect(self.show_trained_model)
        panel.reviewChosen.connect(self.show_review)
        if hasattr(panel, "stateChanged"):
            from rnnviz.gui.training.panel import state_name

            panel.stateChanged.connect(lambda state: self.statusBar().showMessage(
                translate("MainWindow", "Trainer: {0}").format(state_name(state)), 5000))

    # --- one call each, for the menus, the trainer panel, scripts and tests -------------------------
    def set_model(self, spec: ModelSpec, path: str | None = None) -> None:
        self.models.show(spec, path)

    def request_builtin(self, task: str, hidden_dim: int) -> None:
        self.models.request_builtin(task, hidden_dim)

    def show_trained_model(self, trained) -> None:
        self.models.show_trained(trained)

    def show_review(self, text: str, label: int) -> None:
        """Slot for the trainer panel's reviewChosen(text, label): trace it on the Explore page."""
        self.pages.setCurrentWidget(self.page)
        if self.explore is not None:
            # the table scored it 'pre' padded to the training length: trace the same sequence
            padding = {"pad": True} if self.explorer.model.maxlen else {}
            self.explore.change(text=text, label=int(label), **padding)

    def load_model_path(self, path: str) -> bool:
        return self.models.load_path(path)

    def open_model(self) -> None:
        self.models.open_model()

    def save_model(self) -> None:
        self.models.save_model()

    def apply_preset(self, name: str) -> None:
        """'vanishing' / 'exploding' (``Explorer.apply_demo``) or 'reset'."""
        if self.explore is not None:
            self.explore.apply_preset(name)

    def toggle_play(self) -> None:
        self.playback.toggle()

    def restart(self) -> None:
        self.playback.restart()

    def next_step(self) -> None:
        self.playback.set_step(self.playback.index + 1)

    def previous_step(self) -> None:
        self.playback.set_step(max(self.playback.index - 1, 0))

    def go_to_step(self, index: int) -> None:
        self.playback.set_step(index)

    # --- help ----------------------------------------------------------------------------------
    def _context_topic(self) -> str:
        if self.explorer is None or self.explorer.error is not None or not self.playback.n_steps:
            return "keys"
        kind = self.explorer.trace().steps[self.playback.index].kind
        return "forward" if kind in ("forward", "loss") else "bptt"

    def open_help(self, topic: str) -> None:
        if self._help_dialog is None:
            self._help_dialog = HelpDialog(self)
        self._help_dialog.open_topic(topic)

    def open_compare_cells(self) -> None:
        """The Compare cells window (RNN, LSTM, GRU on one sentence), made once and raised."""
        if self._compare_dialog is None:
            from .explore.compare import CompareCellsDialog

            self._compare_dialog = CompareCellsDialog(self.runner, self)
            self._compare_dialog.view.exploreRequested.connect(self.explore_model)
        self._compare_dialog.show()
        self._compare_dialog.raise_()
        self._compare_dialog.activateWindow()

    def explore_model(self, spec: ModelSpec, text: str, label: int) -> None:
        """Show `spec` with this input on the Explore page, as one explorer change (Compare cells)."""
        if self.explore is None:
            return
        self.models.model_path = None
        self.pages.setCurrentWidget(self.page)
        self.explore.change(model=spec, activation=None, w_scale=1.0, seq_len=None, text=text, label=int(label))
        self.raise_()
        self.activateWindow()

    def show_about(self) -> None:
        from .about import show_about

        show_about(self)

    def _focus_input(self) -> None:
        self.page.input_bar.text_edit.setFocus()
        self.page.input_bar.text_edit.selectAll()

    # --- settings and shutdown ---------------------------------------------------------------
    def fit_to_screen(self, area: QRect | None = None) -> None:
        window_settings.fit_to_screen(self, area)

    def shutdown(self) -> None:
        """Stop the clock and every job with bounded waits, then the trainer's worker: no thread left."""
        self.clock.stop()
        if self.explore is not None:
            self.explore.shutdown()
        if self.runner.busy():
            self.statusBar().showMessage(translate("MainWindow", "Waiting for the background job to finish…"))
        self.runner.shutdown(SHUTDOWN_TIMEOUT_S)
        if self._training_panel is not None:
            self._training_panel.shutdown(timeout_s=1.0)
        if self._help_dialog is not None:
            self._help_dialog.close()
        if self._compare_dialog is not None:
            self._compare_dialog.close()

    def _close_after_stop(self) -> None:
        """The user agreed to stop the run: close (shutdown() stops it; the worker saves its model)."""
        self._close_confirmed = True
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._training_panel_tried = True  # a Train page still to come is not wanted any more
        panel = self._training_panel
        if panel is not None and panel.isTraining() and not getattr(self, "_close_confirmed", False):
            event.ignore()  # ask first, without blocking (rnnviz.gui.training.saving.ask_to_stop)
            from rnnviz.gui.training.saving import ask_to_stop

            self.close_box = ask_to_stop(self, self._close_after_stop)
            return
        text, label = self._applied
        window_settings.save(self, text, label, self.models.model_path)
        self.shutdown()
        super().closeEvent(event)
