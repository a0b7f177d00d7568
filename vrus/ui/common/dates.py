"""Dates as the window shows them: 'torsdag 06.03.2014', 'tor 06.03.2014', a run of days.

The weekday names are the core's (``vrus.dates.WEEKDAY_TEXTS``), translated by the
installed translator, so a date is always in the window's language like every other word;
only the short forms for tables are the window's own (kept under the context "EventLabels",
where they were first written).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from vrus.dates import WEEKDAY_TEXTS, format_date
from vrus.ui.common.messages import ui_text

_SHORT_WEEKDAYS = (
    QT_TRANSLATE_NOOP("EventLabels", "Mon"),
    QT_TRANSLATE_NOOP("EventLabels", "Tue"),
    QT_TRANSLATE_NOOP("EventLabels", "Wed"),
    QT_TRANSLATE_NOOP("EventLabels", "Thu"),
    QT_TRANSLATE_NOOP("EventLabels", "Fri"),
    QT_TRANSLATE_NOOP("EventLabels", "Sat"),
    QT_TRANSLATE_NOOP("EventLabels", "Sun"),
)

# lupdate finds ``translate(context, "...")`` by its name; ``_tr`` is for marked constants.
translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return translate("EventLabels", text)


def weekday(day: dt.date) -> str:
    return ui_text(WEEKDAY_TEXTS[day.weekday()])


def long_date(day: dt.date) -> str:
    """'torsdag 06.03.2014'."""
    return f"{weekday(day)} {format_date(day)}"


def short_date(day: dt.date) -> str:
    """'tor 06.03.2014': short enough for a table, the weekday still spelled out."""
    return f"{_tr(_SHORT_WEEKDAYS[day.weekday()])} {format_date(day)}"


def days_text(days: Sequence[dt.date]) -> str:
    """One day, a run of consecutive days as 'lør 08.02.2014 – søn 09.02.2014', or the days
    listed when there are gaps (so no day is hidden inside a range)."""
    if not days:
        return ""
    ordered = sorted(days)
    consecutive = all((b - a).days == 1 for a, b in zip(ordered, ordered[1:], strict=False))
    if len(ordered) == 1:
        return short_date(ordered[0])
    if consecutive:
        return f"{short_date(ordered[0])} – {short_date(ordered[-1])}"
    return ", ".join(short_date(day) for day in ordered)


def not_weekend_text(day: dt.date) -> str:
    """The warning for a seminar day on a weekday: 'torsdag 06.03.2014 er ikke en helgedag'."""
    return translate("EventLabels", "{day} is not a weekend day").format(day=long_date(day))
