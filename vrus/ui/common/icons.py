"""The window's icons: SVG files in ``resources/icons``, drawn for VRUS.

They are drawn in dark blue on white, for a light palette. On a dark palette (a dark system
theme) the sections' icons are drawn in light blue on a deep ground instead, so they stand
out from the dark sidebar as they do from the light one; the application's own icon, drawn
by the system on its own ground, stays as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from vrus.paths import resource
from vrus.ui.common.colours import is_dark

ICON_NAMES = ("app", "members", "events", "lunch", "reports", "settings")
# The icons' colours and what each becomes on a dark palette.
DARK_SHADES = {"#1f4e79": "#a8c8e8", "#ffffff": "#22303d", "#d6e4f0": "#3b5670"}
# Drawn at these sizes (the sidebar's 28 px at 100 %, 150 % and 200 % scaling, and more).
SIZES = (16, 24, 28, 32, 42, 48, 56, 64)


def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    if not path.is_file():
        # A missing icon is a packaging bug; fail loudly rather than show blank buttons.
        raise FileNotFoundError(f"icon {name!r} is missing from {path.parent}")
    if name == "app" or not is_dark():
        return QIcon(str(path))
    return _drawn(dark_svg(path.read_text(encoding="utf-8")))


def dark_svg(svg: str) -> str:
    """``svg`` in the shades for a dark palette."""
    for light, dark in DARK_SHADES.items():
        svg = svg.replace(light, dark).replace(light.upper(), dark)
    return svg


def _drawn(svg: str) -> QIcon:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
