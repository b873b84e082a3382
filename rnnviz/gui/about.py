"""Help > About rnnviz: the icon, the name and version, what rnnviz is and its licence."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from rnnviz import __version__

from .app_icon import icon_pixmap
from .messages import show_message

ABOUT_HTML = (f"<h3>rnnviz {__version__}</h3>"
              "<p>See how a vanilla recurrent network computes and learns: the unrolled graph, the "
              "forward pass and backpropagation through time step by step with the real numbers, "
              "and vanishing and exploding gradients.</p>"
              "<p>a<sub>t</sub> = U x<sub>t</sub> + W s<sub>t-1</sub> + b, &nbsp; "
              "s<sub>t</sub> = f(a<sub>t</sub>), &nbsp; o<sub>t</sub> = V s<sub>t</sub> + c</p>"
              "<p>Free software under the MIT License.</p>")
ICON_SIZE = 96


def show_about(parent: QWidget) -> QMessageBox:
    """Open the About box (non-modal, see messages.show_message) and return it."""
    box = show_message(parent, "About rnnviz", ABOUT_HTML, QMessageBox.Icon.NoIcon)
    box.setIconPixmap(icon_pixmap(ICON_SIZE))
    return box
