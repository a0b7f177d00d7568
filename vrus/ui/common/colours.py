"""The window's shared warning colour and the small icons drawn with it.

Red for what needs attention everywhere (a weekday seminar, an allergy without lunch, no
one on duty), so the pages agree; the icons are drawn, so they need no file.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

WARNING_COLOUR = "#b3261e"
WARNING_BACKGROUND = "#fdecea"

_icons: dict[str, QIcon] = {}


def warning_icon() -> QIcon:
    """A small red triangle with an exclamation mark, drawn so it needs no file."""
    if "warning" not in _icons:
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(WARNING_COLOUR))
        painter.drawPolygon(QPolygonF([QPointF(8, 1), QPointF(15.5, 14.5), QPointF(0.5, 14.5)]))
        painter.setPen(QPen(QColor("white"), 2))
        painter.drawLine(QPointF(8, 5.5), QPointF(8, 10))
        painter.drawPoint(QPointF(8, 12.5))
        painter.end()
        _icons["warning"] = QIcon(pixmap)
    return _icons["warning"]


def mark_icon(colour: str) -> QIcon:
    """A coloured dot with a white plus: something to notice that is not an error."""
    if colour not in _icons:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(1, 1, 12, 12)
        painter.setPen(QPen(QColor("white"), 2))
        painter.drawLine(QPointF(7, 4), QPointF(7, 10))
        painter.drawLine(QPointF(4, 7), QPointF(10, 7))
        painter.end()
        _icons[colour] = QIcon(pixmap)
    return _icons[colour]
