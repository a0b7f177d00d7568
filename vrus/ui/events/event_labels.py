"""Translated words of season planning (kinds, IRIS types, staff roles, answers, attendance)
and dates with their weekday, as the events view, the editor and the grid show them.

The weekday names are translated here rather than taken from ``vrus.dates`` by language
code, so a date is always in the language of the installed translator, like every other
word in the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from vrus.dates import format_date
from vrus.db.enums import Answer, AttendanceStatus, EventKind, IrisType, StaffRole

_CONTEXT = "EventLabels"

_WEEKDAYS = (
    QT_TRANSLATE_NOOP("EventLabels", "Monday"),
    QT_TRANSLATE_NOOP("EventLabels", "Tuesday"),
    QT_TRANSLATE_NOOP("EventLabels", "Wednesday"),
    QT_TRANSLATE_NOOP("EventLabels", "Thursday"),
    QT_TRANSLATE_NOOP("EventLabels", "Friday"),
    QT_TRANSLATE_NOOP("EventLabels", "Saturday"),
    QT_TRANSLATE_NOOP("EventLabels", "Sunday"),
)
_SHORT_WEEKDAYS = (
    QT_TRANSLATE_NOOP("EventLabels", "Mon"),
    QT_TRANSLATE_NOOP("EventLabels", "Tue"),
    QT_TRANSLATE_NOOP("EventLabels", "Wed"),
    QT_TRANSLATE_NOOP("EventLabels", "Thu"),
    QT_TRANSLATE_NOOP("EventLabels", "Fri"),
    QT_TRANSLATE_NOOP("EventLabels", "Sat"),
    QT_TRANSLATE_NOOP("EventLabels", "Sun"),
)

_TEXTS: dict[str, str] = {
    f"kind:{EventKind.SEMINAR}": QT_TRANSLATE_NOOP("EventLabels", "Weekend seminar"),
    f"kind:{EventKind.IRIS}": QT_TRANSLATE_NOOP("EventLabels", "IRIS activity"),
    f"kind:{EventKind.CONCERT}": QT_TRANSLATE_NOOP("EventLabels", "Concert"),
    f"kind:{EventKind.REHEARSAL}": QT_TRANSLATE_NOOP("EventLabels", "Rehearsal"),
    f"kind:{EventKind.MASTERCLASS}": QT_TRANSLATE_NOOP("EventLabels", "Master class"),
    f"iris:{IrisType.SUPERHELG}": QT_TRANSLATE_NOOP("EventLabels", "Super weekend"),
    f"iris:{IrisType.INSPIRASJONSKONSERT}": QT_TRANSLATE_NOOP(
        "EventLabels", "Inspiration concert"),
    f"iris:{IrisType.SAMSPILLTREFF}": QT_TRANSLATE_NOOP("EventLabels", "Playing together"),
    f"iris:{IrisType.GRUPPEOVELSE}": QT_TRANSLATE_NOOP("EventLabels", "Group rehearsal"),
    f"iris:{IrisType.MESTERKLASSE}": QT_TRANSLATE_NOOP("EventLabels", "Master class"),
    f"iris:{IrisType.KONSERT}": QT_TRANSLATE_NOOP("EventLabels", "Concert"),
    f"role:{StaffRole.CONDUCTOR}": QT_TRANSLATE_NOOP("EventLabels", "Conductor"),
    f"role:{StaffRole.INSTRUCTOR}": QT_TRANSLATE_NOOP("EventLabels", "Instructor"),
    f"role:{StaffRole.DEXTRA_MUSICIAN}": QT_TRANSLATE_NOOP("EventLabels", "Dextra musician"),
    f"role:{StaffRole.PROJECT_COORDINATOR}": QT_TRANSLATE_NOOP(
        "EventLabels", "Project coordinator"),
    f"role:{StaffRole.SOLOIST}": QT_TRANSLATE_NOOP("EventLabels", "Soloist"),
    f"role:{StaffRole.OTHER}": QT_TRANSLATE_NOOP("EventLabels", "Other role"),
    f"answer:{Answer.YES}": QT_TRANSLATE_NOOP("EventLabels", "Yes"),
    f"answer:{Answer.NO}": QT_TRANSLATE_NOOP("EventLabels", "No"),
    f"status:{AttendanceStatus.PRESENT}": QT_TRANSLATE_NOOP("EventLabels", "Present"),
    f"status:{AttendanceStatus.ABSENT}": QT_TRANSLATE_NOOP("EventLabels", "Absent"),
    f"status:{AttendanceStatus.EXCUSED}": QT_TRANSLATE_NOOP("EventLabels", "Excused"),
}

NOT_GIVEN = "–"  # no answer, nothing recorded: a dash reads as "empty" in a tidy sheet


# lupdate finds ``translate(context, "...")`` by its name; ``_tr`` is for marked constants.
translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return translate("EventLabels", text)


def _label(group: str, code: str | None) -> str:
    if code is None:
        return ""
    text = _TEXTS.get(f"{group}:{code}")
    return _tr(text) if text else str(code)


def kind_label(kind: str) -> str:
    return _label("kind", kind)


def iris_type_label(iris_type: str | None) -> str:
    return _label("iris", iris_type)


def role_label(role: str | None) -> str:
    return _label("role", role)


def answer_label(answer: str) -> str:
    return NOT_GIVEN if answer == Answer.UNKNOWN.value else _label("answer", answer)


def status_label(status: str | None) -> str:
    return NOT_GIVEN if status is None else _label("status", status)


def event_kind_text(kind: str, iris_type: str | None) -> str:
    """'Weekend seminar', or 'IRIS: Master class' for an IRIS activity with a type."""
    if kind == EventKind.IRIS.value and iris_type:
        return translate("EventLabels", "IRIS: {type}").format(type=iris_type_label(iris_type))
    return kind_label(kind)


# --- dates with their weekday ---------------------------------------------------------------


def weekday(day: dt.date) -> str:
    return _tr(_WEEKDAYS[day.weekday()])


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
