"""The Ordinary network panel follows the explorer; its buttons are explorer calls.

``OrdinaryFollower`` finds the ordinary network that goes with the explorer's model (a background
job: the built-in one may train for a few seconds, saved ones are read from disk), and on every
change, while the panel is shown, fills it from ``rnnviz.explorer.ordinary.side_by_side``. Shuffle
words and Restore order go through ``OrderExperiment``: one ``Explorer.update(text=...)`` each, so
the main graph, the plots and this panel all show the same sentence.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from rnnviz import core
from rnnviz.explorer import Explorer
from rnnviz.explorer.ordinary import OrderExperiment, find_bag_partner, no_other_order, side_by_side

from ..i18n import translate
from ..jobs import BackgroundJob, JobRunner


def rnn_name(explorer: Explorer) -> str:
    """The recurrent model's name in the table: RNN, LSTM or GRU."""
    return explorer.cell.upper()


def rnn_notes(explorer: Explorer) -> list[str]:
    """What makes the RNN's numbers those of this view and not of the model as trained."""
    e, c = explorer, explorer.controls
    notes = []
    if c.w_scale != 1.0 or c.activation is not None:
        notes.append(translate("Ordinary", "The RNN's numbers are those of the graph: W × {0}, f = {1}.").format(
            f"{c.w_scale:g}", e.activation))
    if e.error is None and e.tokens.padded:
        notes.append(translate("Ordinary", "Padding: the RNN reads {0} <pad> tokens first; the ordinary network "
                               "leaves them out of its mean.").format(e.tokens.padded))
    if e.error is None and e.tokens.unknown:
        notes.append(translate("Ordinary", "Unknown words, read as <oov> by both networks: {0}.").format(
            ", ".join(e.tokens.unknown)))
    return notes


class OrdinaryFollower(QObject):
    """Keeps `panel` (an OrdinaryPanel) true to `explorer`. jobs: the window's JobRunner (or its own).

    find: spec -> BagPartner (``find_bag_partner``; tests pass their own folder or builtin)."""

    def __init__(self, panel, explorer: Explorer, jobs: JobRunner | None = None, find=find_bag_partner,
                 parent=None):
        super().__init__(parent)
        self.panel, self.explorer, self.find = panel, explorer, find
        self.jobs = jobs if jobs is not None else JobRunner(self)
        self._own_jobs = jobs is None
        self.experiment = OrderExperiment(explorer)  # before our own handler: it sees every change first
        self.partner = None          # BagPartner of `_partner_for`
        self._partner_for = None     # the ModelSpec the partner was found for
        self._searching_for = None   # the ModelSpec a running job looks for
        self.side = None             # the SideBySide shown (tests read it)
        explorer.events.changed.connect(self._on_changed)
        panel.shuffleRequested.connect(self.shuffle)
        panel.restoreRequested.connect(self.experiment.restore)
        panel.shown.connect(self.refresh)
        self.refresh()

    @property
    def active(self) -> bool:
        return not self.panel.isHidden()

    def _on_changed(self, _what: frozenset) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Show the comparison for the explorer's current state (only while the panel is shown)."""
        if not self.active:
            return
        e, panel = self.explorer, self.panel
        base = self.experiment.written if self.experiment.written is not None else e.controls.text
        no_order = no_other_order(base)
        panel.set_buttons(no_order, self.experiment.shuffled)
        self.side = None
        if self._partner_for is not e.model:
            self._search(e.model)
            panel.set_source("")
            panel.show_message(translate("Ordinary", "Looking for the ordinary network that goes with this model "
                                         "(the built-in one trains in a few seconds the first time)…"))
            return
        partner = self.partner
        if partner.model is None:
            panel.set_source("")
            panel.show_message(partner.reason)
            return
        panel.set_source(" ".join([translate("Ordinary", "Beside it: {0}.").format(partner.description)]
                                  + rnn_notes(e)))
        try:
            self.side = side_by_side(self.experiment, partner.model)
        except ValueError as exc:
            panel.show_message(translate("Ordinary", "Cannot trace this input: {0}").format(exc))
            return
        panel.show_side(self.side, rnn_name(e), no_order)

    def shuffle(self) -> None:
        try:
            self.experiment.shuffle()
        except ValueError as exc:  # no other order: the button says so too
            self.panel.verdict.setText(str(exc))

    # --- the matching ordinary network, off the GUI thread -----------------------------------------
    def _search(self, spec) -> None:
        if self._searching_for is spec:
            return
        self._searching_for = spec
        find = self.find

        def search(_progress, cancel):
            # a first start: the built-in ordinary network trains with the kernels the warm-up's child
            # compiles; wait for them here (a closing window cancels) rather than inside `find`. The
            # untrained weights shown meanwhile have no partner, and `find` says why at once
            if not spec.untrained and not core.warmup.wait_unless("bag", cancel.is_set):
                return None
            return spec, find(spec)

        job = BackgroundJob(search, translate("Ordinary", "Finding the ordinary network"))
        job.succeeded.connect(self._on_found)
        job.failed.connect(self._on_failed)
        self.jobs.start(job, "rnnviz-ordinary-network")

    @Slot(object)
    def _on_found(self, result) -> None:
        spec, partner = result
        if self._searching_for is spec:
            self._searching_for = None
        if spec is not self.explorer.model:  # the model changed meanwhile: its own search follows
            return
        self.partner, self._partner_for = partner, spec
        self.refresh()

    @Slot(str, bool)
    def _on_failed(self, message: str, cancelled: bool) -> None:
        spec, self._searching_for = self._searching_for, None
        if cancelled or spec is not self.explorer.model:
            return
        from rnnviz.explorer.ordinary import BagPartner

        self.partner, self._partner_for = BagPartner(None, reason=message), self.explorer.model
        self.refresh()

    def shutdown(self, timeout_s: float = 1.0) -> bool:
        """Cancel a search this follower started on its own runner; True if no thread is left."""
        return self.jobs.shutdown(timeout_s) if self._own_jobs else True
