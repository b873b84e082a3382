"""The Explore page's layout: input bar on top, the graph beside the BPTT panel, the plots beside the
model and gradient controls. Only widgets and splitters; ``follow.py`` makes them show the explorer."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from ..i18n import QT_TRANSLATE_NOOP, translate
from .detail_panel import DetailPanel
from .gradient_controls import GradientControls
from .input_bar import InputBar
from .model_controls import ModelControls
from .ordinary_panel import OrdinaryPanel
from .playback_bar import PlaybackBar
from .plots_panel import PlotsPanel

GRAPH_TOOLTIP = QT_TRANSLATE_NOOP("ExplorePage", "The unrolled RNN: one column per time step. Hover U, W or V to "
                                  "see every edge that shares it; click a node to jump to its step; wheel to zoom, "
                                  "drag to pan")


def _boxed(title: str, tooltip: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    box.setToolTip(tooltip)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(widget)
    return box


class ExplorePage(QWidget):
    """The page's widgets as attributes. ``graph`` is a "kernels loading" label until
    ``install_graph()`` puts the unrolled graph in its place (it imports the numba core)."""

    def __init__(self, examples: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        self.input_bar = InputBar(examples)
        self.graph = QLabel(translate("ExplorePage", "The unrolled graph appears when the kernels are ready…"))
        self.graph.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.graph.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keys work before the graph exists
        self.playback_bar = PlaybackBar()
        self.plots = PlotsPanel()
        self.detail = DetailPanel()
        self.gradient_controls = GradientControls()
        self.model_controls = ModelControls()
        self.controls_box = _boxed(translate("ExplorePage", "Vanishing and exploding gradients"),
                                   translate("ExplorePage", "Change W, the activation, the length and clipping; "
                                             "everything redraws at once"),
                                   self.gradient_controls)
        self.model_box = _boxed(translate("ExplorePage", "Model"),
                                translate("ExplorePage", "The model on this page: a built-in task and its hidden "
                                          "size, or the model you opened or trained"), self.model_controls)
        right_column = QWidget()
        right_layout = QVBoxLayout(right_column)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(2)
        right_layout.addWidget(self.model_box)
        right_layout.addWidget(self.controls_box, 1)
        self.compare_button = QPushButton(translate("ExplorePage", "Compare cells: RNN, LSTM, GRU…"))
        self.compare_button.setToolTip(translate("ExplorePage", "The same sentence through the three cells, their "
                                                 "gradients on one plot (Ctrl+K)"))
        right_layout.addWidget(self.compare_button)
        self.ordinary_button = QPushButton(translate("ExplorePage", "Ordinary network beside the RNN"))
        self.ordinary_button.setObjectName("ordinary_toggle")
        self.ordinary_button.setCheckable(True)
        self.ordinary_button.setToolTip(translate("ExplorePage", "Show the ordinary network (a bag of embeddings) on "
                                                  "the same sentence under the graph, in the plots' place, with Shuffle words (Ctrl+B)"))
        right_layout.addWidget(self.ordinary_button)

        graph_box = QWidget()
        self._graph_layout = QVBoxLayout(graph_box)
        self._graph_layout.setContentsMargins(0, 0, 0, 0)
        self._graph_layout.setSpacing(0)
        self._graph_layout.addWidget(self.graph, 1)
        self._graph_layout.addWidget(self.playback_bar)
        # The ordinary network takes the plots' place right under the RNN's graph (show_ordinary):
        # both graphs then read left to right, one above the other.
        self.ordinary = OrdinaryPanel()
        self.bottom_left = QStackedWidget()
        self.bottom_left.addWidget(self.plots)
        self.bottom_left.addWidget(self.ordinary)
        self.ordinary.hide()
        # Top: the graph beside the numbers of its current step; bottom: plots beside the controls.
        self.top_splitter = self._splitter(Qt.Orientation.Horizontal, graph_box, self.detail, (11, 9))
        self.bottom_splitter = self._splitter(Qt.Orientation.Horizontal, self.bottom_left, right_column, (7, 3))
        self.main_splitter = self._splitter(Qt.Orientation.Vertical, self.top_splitter, self.bottom_splitter, (3, 2))
        # Sizes before restoring any saved layout: the graph and its numbers get most of the height.
        self.main_splitter.setSizes([560, 300])
        # The panel's vector rows (4 entries and the norm) need ~610 px; the graph scales to fit.
        self.top_splitter.setSizes([700, 640])
        self.bottom_splitter.setSizes([980, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.input_bar)
        layout.addWidget(self.main_splitter, 1)

    @staticmethod
    def _splitter(orientation, first: QWidget, second: QWidget, stretch: tuple[int, int]) -> QSplitter:
        splitter = QSplitter(orientation)
        splitter.addWidget(first)
        splitter.addWidget(second)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        return splitter

    def splitters(self) -> dict[str, QSplitter]:
        """The splitters whose state the window remembers, by settings key."""
        return {"main": self.main_splitter, "top": self.top_splitter, "bottom": self.bottom_splitter}

    def show_ordinary(self, shown: bool) -> None:
        """Show the ordinary network's panel under the graph in the plots' place, or the plots again
        (the toggle button follows)."""
        shown = bool(shown)
        self.bottom_left.setCurrentWidget(self.ordinary if shown else self.plots)
        self.ordinary.setVisible(shown)
        self.plots.setVisible(not shown)
        self.ordinary_button.setChecked(shown)

    def install_graph(self, folded: bool):
        """Put the unrolled graph in the placeholder's place and return it. A broken graph package
        raises here: an error to see, not something to hide behind a stand-in."""
        from rnnviz.gui.graph import UnrolledGraphView

        graph = UnrolledGraphView()
        graph.setToolTip(translate("ExplorePage", GRAPH_TOOLTIP))
        old = self.graph
        had_focus = old.hasFocus() or self.window().focusWidget() is None
        self._graph_layout.replaceWidget(old, graph)
        old.hide()
        old.deleteLater()
        self.graph = graph
        graph.show()
        graph.set_folded(folded, animate=False)
        if had_focus:
            graph.setFocus()
        return graph
