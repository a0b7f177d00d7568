"""The window's colours, for a light and for a dark system palette, and the small icons
drawn with them.

Red for what needs attention everywhere (a weekday seminar, an allergy without lunch, no
one on duty), so the pages agree; the icons are drawn, so they need no file.

A colour that means something is a ``Tone``: one shade for a light palette and one for a
dark one, picked by the lightness of the palette's window colour (a dark system theme gives
a dark window). Backgrounds are drawn behind the palette's own text, so a light tint on a
light palette and a deep one on a dark palette; coloured text stands on the palette's base
or window. Either way the text keeps a contrast of at least 4.5:1 (WCAG AA,
``tests/ui/test_colours.py``). The constants ``WARNING_COLOUR`` and ``WARNING_BACKGROUND``
are the light shades, for what is drawn on a fixed light ground.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)


@dataclass(frozen=True)
class Tone:
    """A colour with a meaning: its shade on a light palette and on a dark one."""

    light: str
    dark: str


# Text (and marks) in a colour, on the palette's base or window.
WARNING = Tone("#b3261e", "#ff8a80")  # red: needs attention, refused, absent
GOOD = Tone("#1d6b2c", "#81c995")  # green: yes, done, in order
CAUTION = Tone("#8a5300", "#f0b35a")  # amber: soon (ages out after the season)
INFO = Tone("#1f6fb2", "#8ab4f8")  # blue: good to know (may move up, mine)
QUIET = Tone("#4a5560", "#b0b8c1")  # secondary text: hints, totals, legends
MUTED = Tone("#646a71", "#9aa0a6")  # a cell that does not count (not invited, not given)

# Backgrounds behind the palette's text.
PRESENT_BACKGROUND = Tone("#dcefdc", "#1f4a27")
ABSENT_BACKGROUND = Tone("#f6d5d2", "#5e2420")
EXCUSED_BACKGROUND = Tone("#fbecc5", "#574412")
UNANNOUNCED_BACKGROUND = Tone("#d6e6f8", "#1d3d60")
HEADING_BACKGROUND = Tone("#e9eef4", "#34414f")
ALERT_BACKGROUND = Tone("#fdecea", "#4a1d1a")  # a warning's box, a row with a warning
SEVERE_BACKGROUND = Tone("#fbdada", "#5e2420")  # a severe allergy, as on the printed sheet
PENDING_BACKGROUND = Tone("#fff4c2", "#453c10")  # yellow: not yet (no duty, please check)
PENDING_EDGE = Tone("#e0c060", "#8a7530")
MARKED_BACKGROUND = Tone("#fbeed2", "#4f3d14")  # a report's row that needs attention
GOOD_BACKGROUND = Tone("#e6f2e8", "#1f3a25")  # a report's finding that is good news
FINDING_BACKGROUND = Tone("#eef3f9", "#2a3642")  # a report's finding
TOTAL_BACKGROUND = Tone("#eceff3", "#343a42")
SELECTED_BACKGROUND = Tone("#d6e4f0", "#2d4a66")  # the sidebar's section
SELECTED_TEXT = Tone("#0f2a44", "#f0f4f8")
HOVER_BACKGROUND = Tone("#eef3f9", "#333d47")
GRID_LINE = Tone("#e3e6ea", "#3a3f45")
# Edges and marks beside text, not behind it.
FINDING_EDGE = Tone("#3e5568", "#8fa9bf")
MARK_EDGE = Tone("#c8922a", "#d9a440")  # a marked row's swatch, the chart's marked labels

# The light shades, for text and boxes drawn on a fixed light ground.
WARNING_COLOUR = WARNING.light
WARNING_BACKGROUND = ALERT_BACKGROUND.light

_icons: dict[tuple[str, str], QIcon] = {}


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (the application's by default) is a dark one."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def shade(tone: Tone, palette: QPalette | None = None) -> str:
    """The tone's "#rrggbb" for ``palette`` (the application's by default), for style sheets."""
    return tone.dark if is_dark(palette) else tone.light


def colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    return QColor(shade(tone, palette))


def brush(tone: Tone, palette: QPalette | None = None) -> QBrush:
    """For a model's BackgroundRole or ForegroundRole."""
    return QBrush(colour(tone, palette))


def text_style(tone: Tone, *, bold: bool = False) -> str:
    """A label's style sheet: its text in ``tone``."""
    return f"color: {shade(tone)};" + (" font-weight: bold;" if bold else "")


def note_box_style() -> str:
    """A label's style sheet: a yellow box for a note to read before going on."""
    return (
        f"background: {shade(PENDING_BACKGROUND)}; border: 1px solid {shade(PENDING_EDGE)};"
        " padding: 6px; border-radius: 3px;"
    )


def warning_icon() -> QIcon:
    """A small red triangle with an exclamation mark, drawn so it needs no file."""
    fill = shade(WARNING)
    key = ("warning", fill)
    if key not in _icons:
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawPolygon(QPolygonF([QPointF(8, 1), QPointF(15.5, 14.5), QPointF(0.5, 14.5)]))
        painter.setPen(QPen(QColor("white" if fill == WARNING.light else "#2b0b09"), 2))
        painter.drawLine(QPointF(8, 5.5), QPointF(8, 10))
        painter.drawPoint(QPointF(8, 12.5))
        painter.end()
        _icons[key] = QIcon(pixmap)
    return _icons[key]


def mark_icon(colour: str) -> QIcon:
    """A coloured dot with a white plus: something to notice that is not an error."""
    key = ("mark", colour)
    if key not in _icons:
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
        _icons[key] = QIcon(pixmap)
    return _icons[key]
