"""Which model the Explore page shows: open and save files, the built-in models (built off the GUI
thread), the model the trainer hands over, and back to the user's own model. Every switch is one
``Explorer.show_model`` call; the views follow its event."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from rnnviz.explorer import Explorer, ModelSpec
from rnnviz.explorer.sources import task_name

from . import model_files
from .i18n import translate
from .jobs import JobRunner
from .messages import show_message
from .model_job import builtin_model_job
from .settings import read_str


class ModelController(QObject):
    """window: parent of the dialogs and owner of the status bar; runner: where the build jobs run.
    ``explorer`` is None until the kernels are ready (``attach``).

    Signals: untrainedReplaced() when the built-in model a first start waited for is trained (shown,
    or kept in the cache when the user chose another model meanwhile)."""

    untrainedReplaced = Signal()

    def __init__(self, window, settings, runner: JobRunner):
        super().__init__(window)
        self.window, self.settings, self.runner = window, settings, runner
        self.explorer: Explorer | None = None
        self.model_path: str | None = None   # the file the model shown came from or went to
        self.own_spec: ModelSpec | None = None  # the loaded or trained model, to come back to from a built-in
        self.job = None
        self._pending_builtin: tuple[str, int] | None = None
        self._replacing_untrained = False  # the job builds the model that replaces the untrained weights

    def status(self, text: str, ms: int = 0) -> None:
        self.window.statusBar().showMessage(text, ms)

    def attach(self, explorer: Explorer, path: str | None) -> None:
        self.explorer, self.model_path = explorer, path
        explorer.events.changed.connect(self._on_changed)
        self._on_changed(frozenset({"model"}))

    def _on_changed(self, what: frozenset) -> None:
        if "model" in what and self.explorer.model.builtin_task is None:
            self.own_spec = self.explorer.model

    def show(self, spec: ModelSpec, path: str | None = None) -> None:
        """Show another model with the current input (its own activation, W unscaled)."""
        if self.explorer is None:
            return
        e = self.explorer
        before = (e.model, e.controls.activation, e.controls.w_scale)
        e.show_model(spec)
        if e.error is not None:  # a model the graph cannot show changes nothing (title, graph, path)
            error = e.error
            e.update(model=before[0], activation=before[1], w_scale=before[2])
            model_files.warn(self.window, translate("ModelController", "Could not show the model"),
                             translate("ModelController", "{0} cannot be traced: {1}").format(spec.name, error))
            return
        self.model_path = path

    # --- built-in models ----------------------------------------------------------------------
    def request_builtin(self, task: str, hidden_dim: int) -> None:
        """Show the built-in model of `task` with H = hidden_dim, built off the GUI thread (a first
        build trains it); while one is being built, only the newest request waits for its turn."""
        if self.explorer is None:
            return
        if self.job is not None:
            self._pending_builtin = (task, int(hidden_dim))
            return
        self.settings.setValue("model/builtin_task", task)
        self.settings.setValue("model/hidden", int(hidden_dim))
        self.status(translate("ModelController", "Building the built-in model: {0}, H = {1} (trained once, then "
                              "cached)…").format(task_name(task), hidden_dim))
        job = builtin_model_job(task, hidden_dim)
        job.succeeded.connect(self._on_builtin_ready)
        job.failed.connect(self._on_builtin_failed)
        if self.runner.start(job, "rnnviz-builtin-model") is not None:
            self.job = job

    def replace_untrained(self, task: str, hidden_dim: int) -> None:
        """Build the built-in model of `task` and H behind the untrained weights shown on a first start,
        and show it then, unless the user chose another model meanwhile (a file, a trained model)."""
        self.request_builtin(task, hidden_dim)
        self._replacing_untrained = self.job is not None
        self.status(translate("ModelController", "Training the built-in model for the first time: its kernels "
                              "compile in the background (once). Meanwhile the graph shows its untrained starting "
                              "weights."))

    def _next_builtin(self) -> bool:
        """Start the request that waited for the last job; True when there was one."""
        self.job = None
        pending, self._pending_builtin = self._pending_builtin, None
        if pending is not None:
            self.request_builtin(*pending)
        return pending is not None

    @Slot(object)
    def _on_builtin_ready(self, spec: ModelSpec) -> None:
        replacing, self._replacing_untrained = self._replacing_untrained, False
        if self._next_builtin():
            return  # the user asked for another one meanwhile
        if replacing and self.explorer is not None and not self.explorer.model.untrained:
            # the user opened another model meanwhile: keep it
            self.status(translate("ModelController", "The built-in model is trained (choose it under Task to see "
                                  "it); the model you opened stays shown"), 8000)
        else:
            self.show(spec)
            self.status(translate("ModelController", "Showing the {0}, H = {1}").format(spec.name, spec.hidden_dim),
                        6000)
        if replacing:
            self.untrainedReplaced.emit()

    @property
    def replacing_untrained(self) -> bool:
        """True while the model that replaces a first start's untrained weights is being built."""
        return self._replacing_untrained

    @Slot(str, bool)
    def _on_builtin_failed(self, message: str, cancelled: bool) -> None:
        self._replacing_untrained = False
        if self._next_builtin() or cancelled:
            return
        if self.explorer is not None:
            self.window.model_controls.set_model(self.explorer.model)
        show_message(self.window, translate("ModelController", "Could not build the built-in model"), message)

    def show_own_model(self) -> None:
        if self.own_spec is not None:
            self.show(self.own_spec)

    def show_trained(self, trained) -> None:
        """The trainer panel's modelChanged(TrainedModel): explore the trained weights."""
        self.show(ModelSpec.from_trained(trained, translate("ModelController", "model trained in this window")))
        self.status(translate("ModelController", "The Explore page now shows the model trained in this window"), 6000)

    # --- files --------------------------------------------------------------------------------
    def open_model(self) -> None:
        path = model_files.ask_open_path(self.window, read_str(self.settings, "model/last_dir"))
        if path:
            self.load_path(path)

    def load_path(self, path: str) -> bool:
        """Load and show a model file; a bad file gives a message box and changes nothing."""
        if self.explorer is None:
            self.status(translate("ModelController", "Wait until the kernels are ready, then open the model again"), 5000)
            return False
        spec, error = model_files.load_spec(path)
        if error:
            model_files.warn(self.window, translate("ModelController", "Could not open the model"), error)
            return False
        self.show(spec, path)
        self._remember(path)
        self.status(translate("ModelController", "Opened {0}").format(path), 5000)
        return True

    def save_model(self) -> None:
        trained = model_files.savable_model(self.explorer.model if self.explorer else None)
        if trained is None:
            return
        start = self.model_path or str(model_files.suggested_path(self.explorer.model))
        path = model_files.ask_save_path(self.window, start)
        if not path:
            return
        error = model_files.save_trained(path, trained)
        if error:
            model_files.warn(self.window, translate("ModelController", "Could not save the model"), error)
            return
        self.model_path = path
        self._remember(path)
        self.status(translate("ModelController", "Saved {0}").format(path), 5000)

    def _remember(self, path: str) -> None:
        self.settings.setValue("model/last_path", path)
        self.settings.setValue("model/last_dir", str(Path(path).parent))
