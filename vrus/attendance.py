"""Attendance per event day: present, absent, excused, or not recorded (no row).

Recording attendance for someone who did not sign up is allowed: they turned up, and the
list must say so rather than refuse. Such rows are marked ``unannounced`` in the grid.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus.conflicts import (
    NO_ROW,
    ConflictError,
    bulk_transaction,
    check,
    stale_conflict,
    stale_is_conflict,
)
from vrus.dates import format_date, format_with_weekday
from vrus.db.engine import Database
from vrus.db.enums import Answer, AttendanceStatus
from vrus.db.models import Attendance, EventDay, Person, SignUp
from vrus.events import get_event, get_row
from vrus.member_list import named_person
from vrus.signups import SignupWrite, put_signup, sheet_rows, signup_race
from vrus.texts import Text, translate
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


# What no attendance row stands for: not recorded.
NOTHING_RECORDED: dict[str, Any] = {"status": None}


def record_attendance(
    db: Database,
    event_day_id: int,
    person_id: int,
    status: str | None,
    *,
    expected_version: int | None = None,
    original: Mapping[str, Any] | None = None,
) -> str | None:
    """Set one person's status on one day; ``None`` removes it (back to "not recorded").
    Returns the status before, so the window can undo.

    ``expected_version`` is the row's version as the grid showed it (``NO_ROW``: nothing
    recorded then) and ``original`` what it showed (``{"status": ...}``): a status another
    user recorded in between is a ``ConflictError`` with both, not overwritten."""
    new = _status(status)
    return _write_attendance(db, event_day_id, person_id, new, expected_version, original)


def _write_attendance(
    db: Database,
    event_day_id: int,
    person_id: int,
    new: str | None,
    expected_version: int | None,
    original: Mapping[str, Any] | None,
) -> str | None:
    mine = {"status": new}

    def save(again: Database, version: int) -> str | None:
        return _write_attendance(again, event_day_id, person_id, new, version, None)

    def find(session: Session) -> tuple[EventDay, Person, Attendance | None]:
        day = get_row(session, EventDay, event_day_id, "event day")
        person = named_person(session, person_id)
        row = session.scalars(
            select(Attendance).where(
                Attendance.event_day_id == event_day_id, Attendance.person_id == person_id
            )
        ).first()
        return day, person, row

    def changed(day: EventDay, person: Person) -> Text:
        return translate("Core", "the attendance of {name} on {day}").format(
            name=person.full_name, day=format_date(day.date)
        )

    def reread(session: Session) -> ConflictError:
        day, person, row = find(session)
        return stale_conflict(
            session, row, mine, what=changed(day, person), save=save, absent=NOTHING_RECORDED
        )

    with stale_is_conflict(db, reread, inserts=True) as session:
        day, person, row = find(session)
        before = row.status if row else None
        if row is None and new is not None and person.archived_at is not None:
            raise ValidationError(
                "person", translate("Core", "{name} is archived").format(name=person.full_name)
            )
        check(
            session,
            row,
            expected_version,
            mine,
            original=original,
            absent=NOTHING_RECORDED,
            what=changed(day, person),
            save=save,
        )
        if new is None and row is not None:
            session.delete(row)
        elif row is None and new is not None:
            session.add(Attendance(event_day_id=event_day_id, person_id=person_id, status=new))
        elif row is not None and new is not None:
            row.status = new
        session.flush()  # attendance another user recorded meanwhile is met here
        return before


@dataclass(frozen=True)
class AttendanceWrite:
    """One status of a batch: from ``before`` as the user saw it to ``after`` (None: not
    recorded, no row)."""

    day_id: int
    person_id: int
    before: str | None
    after: str | None
    expected_version: int | None = None  # the row's version as shown (NO_ROW: no row)


def _find_attendance(
    session: Session, day_id: int, person_id: int
) -> tuple[EventDay, Person, Attendance | None]:
    day = get_row(session, EventDay, day_id, "event day")
    person = named_person(session, person_id)
    row = session.scalars(
        select(Attendance).where(
            Attendance.event_day_id == day_id, Attendance.person_id == person_id
        )
    ).first()
    return day, person, row


def _what(day: EventDay, person: Person) -> Text:
    return translate("Core", "the attendance of {name} on {day}").format(
        name=person.full_name, day=format_date(day.date)
    )


def put_attendance(session: Session, write: AttendanceWrite, *, version: int | None = None) -> None:
    """``write`` inside the caller's transaction; a status another user recorded since is a
    ``ConflictError`` (whose "keep mine" saves this one status). ``version``: write over
    that version whatever the status (the conflict's "keep mine")."""
    new = _status(write.after)
    day, person, row = _find_attendance(session, write.day_id, write.person_id)
    if row is None and new is not None and person.archived_at is not None:
        raise ValidationError(
            "person", translate("Core", "{name} is archived").format(name=person.full_name)
        )

    def save(again: Database, now: int) -> None:
        with again.transaction() as session:
            put_attendance(session, write, version=now)

    if new == _status(write.before):
        return
    check(
        session,
        row,
        write.expected_version if version is None else version,
        {"status": new},
        original={"status": write.before} if version is None else None,
        absent=NOTHING_RECORDED,
        what=_what(day, person),
        save=save,
    )
    if new is None and row is not None:
        session.delete(row)
    elif row is None and new is not None:
        session.add(Attendance(event_day_id=write.day_id, person_id=write.person_id, status=new))
    elif row is not None and new is not None:
        row.status = new
    session.flush()  # attendance another user recorded meanwhile is met here


def _race(session: Session, write: SignupWrite | AttendanceWrite) -> ConflictError:
    if isinstance(write, SignupWrite):
        return signup_race(session, write)
    day, person, row = _find_attendance(session, write.day_id, write.person_id)

    def save(again: Database, now: int) -> None:
        with again.transaction() as session:
            put_attendance(session, write, version=now)

    return stale_conflict(
        session,
        row,
        {"status": write.after},
        what=_what(day, person),
        save=save,
        absent=NOTHING_RECORDED,
    )


def write_grid(db: Database, writes: Sequence[SignupWrite | AttendanceWrite]) -> None:
    """Sign-ups and statuses of the grid in one transaction, in the given order: a range set
    at once, a bulk action undone. All of them are saved or none: a conflict with another
    user's save over any of them refuses the whole batch (``ConflictError``)."""
    busy: list[SignupWrite | AttendanceWrite] = []

    def reread(session: Session) -> ConflictError:
        return _race(session, busy[-1])

    with stale_is_conflict(db, reread, inserts=True) as session:
        for write in writes:
            busy.append(write)
            if isinstance(write, SignupWrite):
                put_signup(session, write)
            else:
                put_attendance(session, write)


def mark_signed_up_present(db: Database, event_day_id: int) -> int:
    """Everyone who answered yes and has nothing recorded on the day becomes present (the
    quick start at the door; absences are then marked one by one). Returns how many."""

    def work(session: Session) -> int:
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
        session.flush()  # a row another user added meanwhile is found here, in this attempt
        return len(new)

    return bulk_transaction(db, work)


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
    # Day id -> the attendance row's version as read (NO_ROW: nothing recorded).
    versions: Mapping[int, int] = field(default_factory=dict)
    # Ids of the days a "yes" said they skip (a web form's answer per day).
    absent_days: frozenset[int] = frozenset()

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
    versions: dict[int, dict[int, int]] = {}
    for day_id, pid, status, version in session.execute(
        select(
            Attendance.event_day_id, Attendance.person_id, Attendance.status, Attendance.version
        ).where(Attendance.event_day_id.in_([d.id for d in days]))
    ):
        recorded.setdefault(pid, {})[day_id] = status
        versions.setdefault(pid, {})[day_id] = version
    rows = []
    for row in sheet_rows(session, event, recorded, notes=False):
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
                versions={d.id: versions.get(row.person_id, {}).get(d.id, NO_ROW) for d in days},
                absent_days=row.absent_days,
            )
        )
    counts = {d.id: Counter(r.statuses[d.id] or NOT_RECORDED for r in rows) for d in days}
    return AttendanceGrid(
        event_id=event.id, title=event.title, days=days, rows=rows, counts_per_day=counts
    )
