"""The Train page's parts that depend on the kind of model a run trains: the Live plots tab, the run's
summary, the Runs tab and what its actions do. A mixin of ``TrainingPanel`` (panel.py keeps the run's
lifecycle and threads); it hands the Explore page an RNN only, never the ordinary network.
"""
from __future__ import annotations

from .model_kind import is_bag
from .run_views import LivePlotsPage, RunSummary
from .runs import RunList


class RunActions:
    """Mixed into ``TrainingPanel`` (a QWidget with ``plots``, ``reviews``, ``form``, ``tabs``, ``jobs``)."""

    def _build_run_views(self) -> None:
        self.plot_page = LivePlotsPage(self.plots)
        self.runs = RunList(jobs=self.jobs)
        self.summary = RunSummary()
        self.run_number = 0  # runs started in this panel: the plots' heading names the run they show
        self._runs_read = False

    def _connect_run_views(self) -> None:
        """After the layout (which makes ``tabs``)."""
        self.runs.reviewRequested.connect(self.review_model)
        self.runs.exploreRequested.connect(self._explore_model)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def review_model(self, model) -> None:
        """The Runs tab's "Review its test predictions": the model's predictions on the Test reviews tab.
        Never hands the model to the Explore page (an ordinary network has no steps to show there)."""
        self.reviews.set_model(model)
        self.tabs.setCurrentWidget(self.reviews)

    def _explore_model(self, model) -> None:
        if not is_bag(model):
            self.modelChanged.emit(model)

    def _on_model_chosen(self, model: str) -> None:
        """Before the first run the plots wait for the model chosen (the plots of a run stay as they were)."""
        if self.run_number == 0:
            self.plot_page.show_run(None, chosen=model)

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.runs and not self._runs_read and not self._closing:
            self._runs_read = True  # read the models folder the first time the tab is shown
            self.runs.refresh()
