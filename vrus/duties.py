"""The friends' association's duty roster: parents on lunch, coffee and fruit, and set-up and
clearing at the seminars.

A family is the guardians linked to the same children. Siblings share guardian rows, so the
families are the connected groups of guardians and children (a step-parent linked to one of
two siblings joins the family of both). Fairness is counted per family over a season, not
per parent: a father taking every turn is his family's share, not his wife's exemption.

The roster lists every day of the season's seminars (lunch is served there) and any other
event day someone is on duty; a seminar day with nobody on lunch duty gets a warning.
What is shown of a parent is what the association needs to reach them: name and phone.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload, load_only
from sqlalchemy.orm.interfaces import LoaderOption

from vrus.collation import sort_key
from vrus.conflicts import (
    ConflictError,
    check,
    stale_conflict,
    stale_is_conflict,
    users_changes,
)
from vrus.dates import day_text
from vrus.db.engine import Database
from vrus.db.enums import DutyTask, EventKind
from vrus.db.models import (
    Event,
    EventDay,
    Guardian,
    Membership,
    Person,
    PersonGuardian,
    Season,
    VolunteerDuty,
)
from vrus.errors import not_in_register
from vrus.events import get_row
from vrus.seasons import season_by_year
from vrus.texts import Text, translate
from vrus.validation import ValidationError, one_line

NOTE_LIMIT = 200  # the width of volunteer_duties.note
TASK_ORDER = {task.value: rank for rank, task in enumerate(DutyTask)}
TASK_LABELS: dict[str, Text] = {
    DutyTask.LUNCH.value: translate("Core", "lunch"),
    DutyTask.COFFEE_FRUIT.value: translate("Core", "coffee and fruit"),
    DutyTask.SETUP_CLEARING.value: translate("Core", "set-up and clearing"),
}


def format_phone(phone: str | None) -> str:
    """A stored '+4791234567' as Norwegians write it: '912 34 567' for a mobile (4xx, 9xx),
    '22 33 44 55' for other numbers; anything else is shown as stored."""
    if not phone:
        return ""
    digits = phone[3:] if phone.startswith("+47") else phone
    if len(digits) != 8 or not digits.isdigit():
        return phone
    if digits[0] in "49":
        return f"{digits[:3]} {digits[3:5]} {digits[5:]}"
    return " ".join(digits[i : i + 2] for i in range(0, 8, 2))


# --- one day's duties ------------------------------------------------------------------------


@dataclass(frozen=True)
class DutyEntry:
    """A parent on duty: what the association needs to know and to phone them."""

    duty_id: int
    day_id: int
    task: str  # a DutyTask value
    guardian_id: int
    name: str  # the guardian's full name
    phone: str  # formatted for reading, "" when unknown
    wants_lunch: bool
    note: str | None  # the association's own note on the duty ("brings the soup")
    children: tuple[str, ...]  # first names, so "whose parent" is clear
    version: int = 1  # the duty's, as read, for ``set_duty_lunch(expected_version=...)``

    @property
    def task_label(self) -> Text:
        return TASK_LABELS.get(self.task, translate("Core", "other task"))


def _children_first_names(
    session: Session, guardian_ids: Iterable[int]
) -> dict[int, tuple[str, ...]]:
    rows = session.execute(
        select(PersonGuardian.guardian_id, Person.first_name)
        .join(Person, Person.id == PersonGuardian.person_id)
        .where(PersonGuardian.guardian_id.in_(set(guardian_ids)), Person.archived_at.is_(None))
    )
    found: dict[int, list[str]] = {}
    for guardian_id, first in rows:
        found.setdefault(guardian_id, []).append(first)
    return {gid: tuple(sorted(names, key=sort_key)) for gid, names in found.items()}


def _contact() -> LoaderOption:
    """Read of a parent only what the roster shows (name and phone): on a server, all the
    lunch role may read of them."""
    return load_only(Guardian.first_name, Guardian.last_name, Guardian.phone)


def _guardian(session: Session, guardian_id: int) -> Guardian:
    guardian = session.get(Guardian, guardian_id, options=[_contact()])
    if guardian is None:
        raise not_in_register("guardian", guardian_id)
    return guardian


def _duty(session: Session, duty_id: int) -> VolunteerDuty:
    """The duty, with its parent's name and phone read (``duty.guardian`` is loaded with
    them, and reads nothing else)."""
    contact = joinedload(VolunteerDuty.guardian).load_only(
        Guardian.first_name, Guardian.last_name, Guardian.phone
    )
    duty = session.get(VolunteerDuty, duty_id, options=[contact])
    if duty is None:
        raise not_in_register("duty", duty_id)
    return duty


def duties_on(session: Session, day_ids: Iterable[int]) -> dict[int, list[DutyEntry]]:
    """The duties of each day, by task (lunch first), then the parent's surname."""
    rows = session.execute(
        select(VolunteerDuty, Guardian)
        .join(Guardian, Guardian.id == VolunteerDuty.guardian_id)
        .where(VolunteerDuty.event_day_id.in_(list(day_ids)))
        .options(_contact())
    ).all()
    children = _children_first_names(session, {guardian.id for _, guardian in rows})
    by_day: dict[int, list[DutyEntry]] = {}
    for duty, guardian in sorted(
        rows,
        key=lambda r: (
            TASK_ORDER.get(r[0].task, 99),
            sort_key(r[1].last_name),
            sort_key(r[1].first_name),
            r[0].id,
        ),
    ):
        by_day.setdefault(duty.event_day_id, []).append(
            DutyEntry(
                duty_id=duty.id,
                day_id=duty.event_day_id,
                task=duty.task,
                guardian_id=guardian.id,
                name=guardian.full_name,
                phone=format_phone(guardian.phone),
                wants_lunch=duty.wants_lunch,
                note=duty.note,
                children=children.get(guardian.id, ()),
                version=duty.version,
            )
        )
    return by_day


# --- editing the roster ----------------------------------------------------------------------


def _task(value: str) -> str:
    if value not in TASK_ORDER:
        raise ValidationError(
            "task",
            translate("Core", "'{value}' is not a duty: use {allowed}").format(
                value=value, allowed=", ".join(TASK_ORDER)
            ),
        )
    return value


def _note(value: str | None) -> str | None:
    return one_line(value, "note", NOTE_LIMIT)


def assign_duty(
    db: Database,
    event_day_id: int,
    guardian_id: int,
    task: str,
    *,
    wants_lunch: bool = True,
    note: str | None = None,
) -> int:
    """Put a parent on a task on one event day; returns the duty's id. The same parent
    may take two tasks on a day, but not the same task twice."""
    task, note = _task(task), _note(note)
    with db.transaction() as session:
        day = get_row(session, EventDay, event_day_id, "event day")
        guardian = _guardian(session, guardian_id)
        taken = session.scalar(
            select(VolunteerDuty.id).where(
                VolunteerDuty.event_day_id == day.id,
                VolunteerDuty.guardian_id == guardian.id,
                VolunteerDuty.task == task,
            )
        )
        if taken is not None:
            raise ValidationError(
                "guardian",
                translate("Core", "{name} is already on {task} duty on {day}").format(
                    name=guardian.full_name, task=TASK_LABELS[task], day=day_text(day.date)
                ),
            )
        duty = VolunteerDuty(
            event_day_id=day.id,
            guardian_id=guardian.id,
            task=task,
            wants_lunch=bool(wants_lunch),
            note=note,
        )
        session.add(duty)
        session.flush()
        return duty.id


def unassign_duty(db: Database, duty_id: int) -> None:
    with db.transaction() as session:
        session.delete(get_row(session, VolunteerDuty, duty_id, "duty"))


def set_duty_lunch(
    db: Database, duty_id: int, wants_lunch: bool, expected_version: int | None = None
) -> None:
    """Whether the parent on duty eats lunch (counted in the day's lunches).
    ``expected_version`` is the duty's version as the roster showed it, with the other
    answer ticked (the box the user changed)."""
    update_duty(
        db,
        duty_id,
        wants_lunch=wants_lunch,
        expected_version=expected_version,
        original=None if expected_version is None else {"wants_lunch": not wants_lunch},
    )


def update_duty(
    db: Database,
    duty_id: int,
    *,
    wants_lunch: bool | None = None,
    note: str | None = None,
    expected_version: int | None = None,
    original: Mapping[str, Any] | None = None,
) -> None:
    """Change whether the parent on duty eats lunch, or the duty's note (``""`` clears it);
    what is None is left. ``expected_version`` and ``original`` are the duty as the user
    read it: another user's change of the same field meanwhile is a ``ConflictError`` with
    both values, not overwritten."""
    values: dict[str, Any] = {}
    if wants_lunch is not None:
        values["wants_lunch"] = bool(wants_lunch)
    if note is not None:
        values["note"] = _note(note)
    _write_duty(db, duty_id, users_changes(values, original), expected_version, original)


def _write_duty(
    db: Database,
    duty_id: int,
    mine: dict[str, Any],
    expected_version: int | None,
    original: Mapping[str, Any] | None,
) -> None:
    def save(again: Database, version: int) -> None:
        _write_duty(again, duty_id, mine, version, None)

    def changed(duty: VolunteerDuty) -> Text:
        return translate("Core", "the duty of {name} on {day}").format(
            name=duty.guardian.full_name, day=day_text(duty.event_day.date)
        )

    def reread(session: Session) -> ConflictError:
        duty = _duty(session, duty_id)
        return stale_conflict(session, duty, mine, what=changed(duty), save=save)

    with stale_is_conflict(db, reread) as session:
        duty = _duty(session, duty_id)
        check(
            session,
            duty,
            expected_version,
            mine,
            original=original,
            what=changed(duty),
            save=save,
        )
        for name, value in mine.items():
            setattr(duty, name, value)


# --- families ------------------------------------------------------------------------------


class _Families:
    """Union-find over guardians: two guardians of the same child are one family."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, guardian_id: int) -> int:
        root = self.parent.setdefault(guardian_id, guardian_id)
        while root != self.parent[root]:
            root = self.parent[root]
        self.parent[guardian_id] = root
        return root

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _family_links(session: Session) -> tuple[_Families, dict[int, set[int]]]:
    """The families, and each guardian's children (person ids)."""
    families = _Families()
    children: dict[int, set[int]] = {}
    first_guardian: dict[int, int] = {}
    for person_id, guardian_id in session.execute(
        select(PersonGuardian.person_id, PersonGuardian.guardian_id)
    ):
        children.setdefault(guardian_id, set()).add(person_id)
        families.find(guardian_id)
        if person_id in first_guardian:
            families.join(first_guardian[person_id], guardian_id)
        else:
            first_guardian[person_id] = guardian_id
    return families, children


def _active_children(session: Session, season: Season) -> dict[int, str]:
    """Children with a membership during the season (not archived): id -> first name."""
    query = (
        select(Person.id, Person.first_name)
        .join(Membership, Membership.person_id == Person.id)
        .where(
            Person.archived_at.is_(None),
            Membership.start_date <= season.end_date,
            or_(Membership.end_date.is_(None), Membership.end_date >= season.start_date),
        )
    )
    return dict(session.execute(query).all())


@dataclass(frozen=True)
class GuardianContact:
    id: int
    name: str
    phone: str


@dataclass(frozen=True)
class FamilyDuties:
    """One family's share of the season's duties."""

    guardians: tuple[GuardianContact, ...]
    children: tuple[str, ...]  # first names of the children active in the season
    duties: int
    by_task: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return " / ".join(g.name for g in self.guardians)


@dataclass(frozen=True)
class RosterDay:
    day_id: int
    date: dt.date
    event_id: int
    event_title: str
    is_seminar: bool
    duties: tuple[DutyEntry, ...]

    def on(self, task: str) -> list[DutyEntry]:
        return [duty for duty in self.duties if duty.task == task]

    @property
    def has_lunch_duty(self) -> bool:
        return bool(self.on(DutyTask.LUNCH.value))


class RosterWarningCode(StrEnum):
    NO_LUNCH_DUTY = "no_lunch_duty"


@dataclass(frozen=True)
class RosterWarning:
    code: RosterWarningCode
    date: dt.date
    event_title: str

    @property
    def message(self) -> Text:
        return translate("Core", "{day}: nobody is on lunch duty at {event}").format(
            day=day_text(self.date), event=self.event_title
        )


@dataclass(frozen=True)
class SeasonRoster:
    year: int
    days: tuple[RosterDay, ...]
    families: tuple[FamilyDuties, ...]  # fewest duties first
    warnings: tuple[RosterWarning, ...]

    @property
    def families_without_duty(self) -> list[FamilyDuties]:
        return [family for family in self.families if family.duties == 0]

    @property
    def fair_share(self) -> float:
        """Duties per family if they were spread evenly."""
        if not self.families:
            return 0.0
        return sum(f.duties for f in self.families) / len(self.families)


def _roster_days(session: Session, season: Season) -> list[RosterDay]:
    with_duty = select(VolunteerDuty.event_day_id)
    query = (
        select(EventDay, Event)
        .join(Event, Event.id == EventDay.event_id)
        .where(
            Event.season_id == season.id,
            or_(Event.kind == EventKind.SEMINAR.value, EventDay.id.in_(with_duty)),
        )
    )
    found = session.execute(query).all()
    duties = duties_on(session, [day.id for day, _ in found])
    days = [
        RosterDay(
            day_id=day.id,
            date=day.date,
            event_id=event.id,
            event_title=event.title,
            is_seminar=event.kind == EventKind.SEMINAR.value,
            duties=tuple(duties.get(day.id, ())),
        )
        for day, event in found
    ]
    return sorted(days, key=lambda d: (d.date, sort_key(d.event_title), d.day_id))


def _family_rows(session: Session, season: Season, days: list[RosterDay]) -> list[FamilyDuties]:
    families, children = _family_links(session)
    active = _active_children(session, season)
    per_family: dict[int, list[DutyEntry]] = {}
    for duty in (d for day in days for d in day.duties):
        per_family.setdefault(families.find(duty.guardian_id), []).append(duty)
    members: dict[int, list[int]] = {}
    for guardian_id in families.parent:
        members.setdefault(families.find(guardian_id), []).append(guardian_id)
    for guardian_id in {d.guardian_id for duties in per_family.values() for d in duties}:
        members.setdefault(families.find(guardian_id), [guardian_id])
    guardians = {
        g.id: g
        for g in session.scalars(
            select(Guardian)
            .where(Guardian.id.in_([gid for ids in members.values() for gid in ids]))
            .options(_contact())
        )
    }
    rows: list[tuple[tuple, FamilyDuties]] = []
    for root, ids in members.items():
        kids = {pid for gid in ids for pid in children.get(gid, ())} & set(active)
        if not kids and root not in per_family:
            continue  # neither a child in the season nor a duty: not this season's family
        contacts = sorted(
            (
                GuardianContact(gid, guardians[gid].full_name, format_phone(guardians[gid].phone))
                for gid in ids
            ),
            key=lambda g: (
                sort_key(guardians[g.id].last_name),
                sort_key(guardians[g.id].first_name),
                g.id,
            ),
        )
        done = per_family.get(root, [])
        first = guardians[contacts[0].id]
        # Fewest duties first (the next to ask), then by the family's surname.
        key = (len(done), sort_key(first.last_name), sort_key(first.first_name), root)
        rows.append(
            (
                key,
                FamilyDuties(
                    guardians=tuple(contacts),
                    children=tuple(sorted((active[pid] for pid in kids), key=sort_key)),
                    duties=len(done),
                    by_task=dict(Counter(d.task for d in done)),
                ),
            )
        )
    return [family for _, family in sorted(rows, key=lambda row: row[0])]


def season_roster(session: Session, season_year: int) -> SeasonRoster:
    """The season's duty days, each family's share, and warnings for seminar days with
    nobody on lunch duty. An unknown season gives an empty roster."""
    season = season_by_year(session, season_year)
    if season is None:
        return SeasonRoster(season_year, (), (), ())
    days = _roster_days(session, season)
    warnings = [
        RosterWarning(RosterWarningCode.NO_LUNCH_DUTY, day.date, day.event_title)
        for day in days
        if day.is_seminar and not day.has_lunch_duty
    ]
    return SeasonRoster(
        season_year, tuple(days), tuple(_family_rows(session, season, days)), tuple(warnings)
    )


@dataclass(frozen=True)
class GuardianChoice:
    """A parent to pick for a duty, with the children that say which family."""

    id: int
    name: str
    phone: str
    children: tuple[str, ...]


def guardian_choices(session: Session, season_year: int) -> list[GuardianChoice]:
    """Guardians of the children active in the season, by surname: the duty editor's list."""
    season = season_by_year(session, season_year)
    if season is None:
        return []
    active = _active_children(session, season)
    links = session.execute(
        select(PersonGuardian.guardian_id, PersonGuardian.person_id).where(
            PersonGuardian.person_id.in_(list(active))
        )
    )
    kids: dict[int, list[str]] = {}
    for guardian_id, person_id in links:
        kids.setdefault(guardian_id, []).append(active[person_id])
    guardians = sorted(
        session.scalars(select(Guardian).where(Guardian.id.in_(list(kids))).options(_contact())),
        key=lambda g: (sort_key(g.last_name), sort_key(g.first_name), g.id),
    )
    return [
        GuardianChoice(
            g.id, g.full_name, format_phone(g.phone), tuple(sorted(kids[g.id], key=sort_key))
        )
        for g in guardians
    ]
