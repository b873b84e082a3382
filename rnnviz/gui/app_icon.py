"""The application icon (resources/icons/rnnviz.svg: an RNN unrolled over three steps), for the
window, the task bar and the About box."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from rnnviz.resource_files import MissingResourceError, read_bytes

ICON = "icons/rnnviz.svg"
#: Pixel sizes rendered up front: what task bars, title bars, menus and the About box ask for.
SIZES = (16, 22, 24, 32, 48, 64, 96, 128, 256)


def icon_renderer() -> QSvgRenderer:
    """The icon's SVG, read from the installed resources (bytes, so it works from a zip too)."""
    renderer = QSvgRenderer(QByteArray(read_bytes(ICON)))
    if not renderer.isValid():
        raise MissingResourceError(f"resources/{ICON} is not a valid SVG image; reinstall rnnviz")
    return renderer


def icon_pixmap(size: int, renderer: QSvgRenderer | None = None) -> QPixmap:
    """The icon drawn at size x size pixels on a transparent background."""
    renderer = renderer or icon_renderer()
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return QPixmap.fromImage(image)


def app_icon() -> QIcon:
    """A QIcon holding the icon at every size in SIZES (Qt scales from the nearest for others)."""
    renderer = icon_renderer()
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(icon_pixmap(size, renderer))
    return icon
