"""Help > About rnnviz: the icon, the name and version, what rnnviz is and its licence."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from rnnviz import __version__

from .app_icon import icon_pixmap
from .i18n import translate
from .messages import show_message

#: The notation, the same in every language.
EQUATIONS_HTML = ("<p>a<sub>t</sub> = U x<sub>t</sub> + W s<sub>t-1</sub> + b, &nbsp; "
                  "s<sub>t</sub> = f(a<sub>t</sub>), &nbsp; o<sub>t</sub> = V s<sub>t</sub> + c</p>")
ICON_SIZE = 96


def about_html() -> str:
    return (f"<h3>rnnviz {__version__}</h3><p>"
            + translate("About", "See how a vanilla recurrent network computes and learns: the unrolled graph, the "
                        "forward pass and backpropagation through time step by step with the real numbers, "
                        "and vanishing and exploding gradients.")
            + "</p>" + EQUATIONS_HTML + "<p>" + translate("About", "Free software under the MIT License.") + "</p>")


def show_about(parent: QWidget) -> QMessageBox:
    """Open the About box (non-modal, see messages.show_message) and return it."""
    box = show_message(parent, translate("About", "About rnnviz"), about_html(), QMessageBox.Icon.NoIcon)
    box.setIconPixmap(icon_pixmap(ICON_SIZE))
    return box
