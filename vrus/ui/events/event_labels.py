"""Translated words of season planning (kinds, IRIS types, staff roles, answers, attendance),
as the events view, the editor and the grid show them. Dates are ``vrus.ui.common.dates``."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from vrus.db.enums import Answer, AttendanceStatus, EventKind, IrisType, StaffRole

_CONTEXT = "EventLabels"

_TEXTS: dict[str, str] = {
    f"kind:{EventKind.SEMINAR}": QT_TRANSLATE_NOOP("EventLabels", "Weekend seminar"),
    f"kind:{EventKind.IRIS}": QT_TRANSLATE_NOOP("EventLabels", "IRIS activity"),
    f"kind:{EventKind.CONCERT}": QT_TRANSLATE_NOOP("EventLabels", "Concert"),
    f"kind:{EventKind.REHEARSAL}": QT_TRANSLATE_NOOP("EventLabels", "Rehearsal"),
    f"kind:{EventKind.MASTERCLASS}": QT_TRANSLATE_NOOP("EventLabels", "Master class"),
    f"iris:{IrisType.SUPERHELG}": QT_TRANSLATE_NOOP("EventLabels", "Super weekend"),
    f"iris:{IrisType.INSPIRASJONSKONSERT}": QT_TRANSLATE_NOOP("EventLabels", "Inspiration concert"),
    f"iris:{IrisType.SAMSPILLTREFF}": QT_TRANSLATE_NOOP("EventLabels", "Playing together"),
    f"iris:{IrisType.GRUPPEOVELSE}": QT_TRANSLATE_NOOP("EventLabels", "Group rehearsal"),
    f"iris:{IrisType.MESTERKLASSE}": QT_TRANSLATE_NOOP("EventLabels", "Master class"),
    f"iris:{IrisType.KONSERT}": QT_TRANSLATE_NOOP("EventLabels", "Concert"),
    f"role:{StaffRole.CONDUCTOR}": QT_TRANSLATE_NOOP("EventLabels", "Conductor"),
    f"role:{StaffRole.INSTRUCTOR}": QT_TRANSLATE_NOOP("EventLabels", "Instructor"),
    f"role:{StaffRole.DEXTRA_MUSICIAN}": QT_TRANSLATE_NOOP("EventLabels", "Dextra musician"),
    f"role:{StaffRole.PROJECT_COORDINATOR}": QT_TRANSLATE_NOOP(
        "EventLabels", "Project coordinator"
    ),
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


def event_kind_label(kind: str) -> str:
    return _label("kind", kind)


def iris_type_label(iris_type: str | None) -> str:
    return _label("iris", iris_type)


def role_label(role: str | None) -> str:
    return _label("role", role)


def answer_label(answer: str) -> str:
    return NOT_GIVEN if answer == Answer.UNKNOWN.value else _label("answer", answer)


def attendance_label(status: str | None) -> str:
    return NOT_GIVEN if status is None else _label("status", status)


def event_kind_text(kind: str, iris_type: str | None) -> str:
    """'Weekend seminar', or 'IRIS: Master class' for an IRIS activity with a type."""
    if kind == EventKind.IRIS.value and iris_type:
        return translate("EventLabels", "IRIS: {type}").format(type=iris_type_label(iris_type))
    return event_kind_label(kind)
