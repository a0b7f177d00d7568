"""Attendance per event day: present, absent, excused, or not recorded (no row).

Recording attendance for someone who did not sign up is allowed: they turned up, and the
list must say so rather than refuse. Such rows are marked ``unannounced`` in the grid.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus.dates import format_with_weekday
from vrus.db.engine import Database
from vrus.db.enums import Answer, AttendanceStatus
from vrus.db.models import Attendance, EventDay, Person, SignUp
from vrus.events import get_event, get_row
from vrus.signups import sheet_rows
from vrus.texts import translate
from vrus.validation import ValidationError

NOT_RECORDED = "not_recorded"  # a key of counts_per_day; never stored


def _status(value: str | None) -> str | None:
    if value is None:
        return None
    allowed = [s.value for s in AttendanceStatus]
    if value not in allowed:
        raise ValidationError(
            "status",
            translate(
                "Core",
                "'{value}' is not an attendance status: use {allowed} (or nothing for not "
                "recorded)",
            ).format(value=value, allowed=", ".join(allowed)),
        )
    return str(value)


def record_attendance(
    db: Database, event_day_id: int, person_id: int, status: str | None
) -> str | None:
    """Set one person's status on one day; ``None`` removes it (back to "not recorded").
    Returns the status before, so the window can undo."""
    new = _status(status)
    with db.transaction() as session:
        get_row(session, EventDay, event_day_id, "event day")
        person = get_row(session, Person, person_id, "person")
        row = session.scalars(
            select(Attendance).where(
                Attendance.event_day_id == event_day_id, Attendance.person_id == person_id
            )
        ).first()
        before = row.status if row else None
        if row is None and new is not None and person.archived_at is not None:
            raise ValidationError(
                "person", translate("Core", "{name} is archived").format(name=person.full_name)
            )
        if new is None and row is not None:
            session.delete(row)
        elif row is None and new is not None:
            session.add(Attendance(event_day_id=event_day_id, person_id=person_id, status=new))
        elif row is not None and new is not None:
            row.status = new
        return before


def mark_signed_up_present(db: Database, event_day_id: int) -> int:
    """Everyone who answered yes and has nothing recorded on the day becomes present (the
    quick start at the door; absences are then marked one by one). Returns how many."""
    with db.transaction() as session:
        day = get_row(session, EventDay, event_day_id, "event day")
        recorded = set(
            session.scalars(select(Attendance.person_id).where(Attendance.event_day_id == day.id))
        )
        yes = session.scalars(
            select(SignUp.person_id).where(
                SignUp.event_id == day.event_id, SignUp.attending == Answer.YES.value
            )
        )
        new = [pid for pid in yes if pid not in recorded]
        session.add_all(
            Attendance(event_day_id=day.id, person_id=pid, status=AttendanceStatus.PRESENT.value)
            for pid in new
        )
        return len(new)


@dataclass(frozen=True)
class GridDay:
    id: int
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None

    def label(self, language: str = "nb") -> str:
        return format_with_weekday(self.date, language)


@dataclass(frozen=True, eq=False)
class AttendanceRow:
    person_id: int
    first_name: str
    last_name: str
    ensemble: str | None
    instrument: str | None
    section: str | None
    invited: bool
    answer: str  # the sign-up answer: yes / no / unknown
    statuses: Mapping[int, str | None]  # day id -> status, None = not recorded
    # Present on some day without having answered yes: turned up unannounced.
    unannounced: bool

    @property
    def name(self) -> str:
        return f"{self.last_name}, {self.first_name}"


@dataclass(frozen=True, eq=False)
class AttendanceGrid:
    event_id: int
    title: str
    days: list[GridDay]
    rows: list[AttendanceRow]
    # Per day: how many present, absent, excused, and NOT_RECORDED among the rows.
    counts_per_day: dict[int, Counter[str]]


def attendance_grid(session: Session, event_id: int) -> AttendanceGrid:
    """Rows like the sign-up sheet (plus anyone recorded), one status per day."""
    event = get_event(session, event_id)
    days = [
        GridDay(d.id, d.date, d.start_time, d.end_time)
        for d in sorted(event.days, key=lambda d: d.date)
    ]
    recorded: dict[int, dict[int, str]] = {}
    for day_id, pid, status in session.execute(
        select(Attendance.event_day_id, Attendance.person_id, Attendance.status).where(
            Attendance.event_day_id.in_([d.id for d in days])
        )
    ):
        recorded.setdefault(pid, {})[day_id] = status
    rows = []
    for row in sheet_rows(session, event, recorded):
        statuses = {d.id: recorded.get(row.person_id, {}).get(d.id) for d in days}
        came = AttendanceStatus.PRESENT.value in statuses.values()
        rows.append(
            AttendanceRow(
                person_id=row.person_id,
                first_name=row.first_name,
                last_name=row.last_name,
                ensemble=row.ensemble,
                instrument=row.instrument,
                section=row.section,
                invited=row.invited,
                answer=row.attending,
                statuses=statuses,
                unannounced=came and row.attending != Answer.YES.value,
            )
        )
    counts = {d.id: Counter(r.statuses[d.id] or NOT_RECORDED for r in rows) for d in days}
    return AttendanceGrid(
        event_id=event.id, title=event.title, days=days, rows=rows, counts_per_day=counts
    )
