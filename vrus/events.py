"""Season planning: weekend seminars, IRIS activities, concerts, rehearsals, master classes,
and the staff who teach at them. The season's list (``list_events``, re-exported here) and
the checks on typed days (``clean_days``) are in ``vrus.seasons``.

One function per user action, one transaction each, validation first so a refused edit
changes nothing. An event belongs to the season of its first day. Days that carry history
(recorded attendance, parents on duty) are never removed silently: the action is refused
with a message that says what to clear first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from vrus import clock
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
from vrus.db.enums import EventKind, IrisType, Section, StaffRole
from vrus.db.models import (
    Attendance,
    Ensemble,
    Event,
    EventDay,
    EventEnsemble,
    EventPartner,
    EventStaff,
    Instrument,
    Organisation,
    Project,
    StaffMember,
    VolunteerDuty,
)
from vrus.errors import VrusError, not_in_register
from vrus.seasons import DayPlan, clean_days, parse_day, season_of
from vrus.seasons import list_events as list_events  # re-exported: the season's events
from vrus.texts import Text, translate
from vrus.validation import (
    ValidationError,
    free_text,
    normalise_phone,
    one_line,
    require_name,
    validate_email,
)

IRIS_PROJECT = "IRIS"
TEXT_LIMITS = {"title": 200, "venue": 200, "role": 100}


def get_row(session: Session, model: type, row_id: int, what: str) -> Any:
    row = session.get(model, row_id) if isinstance(row_id, int) else None
    if row is None:
        raise not_in_register(what, row_id)
    return row


def get_event(session: Session, event_id: int) -> Event:
    return get_row(session, Event, event_id, "event")


# --- checking what the coordinator typed ----------------------------------------------------


def _text(value: Any, field: str, *, required: bool = False) -> str | None:
    text = one_line(value, field, TEXT_LIMITS[field])
    if required and not text:
        raise ValidationError(field, translate("Core", "is required"))
    return text


def _choice(value: Any, field: str, enum: type[StrEnum], what: Text) -> str:
    allowed = [member.value for member in enum]
    if value not in allowed:
        raise ValidationError(
            field,
            translate("Core", "'{value}' is not {what}: use {allowed}").format(
                value=value, what=what, allowed=", ".join(allowed)
            ),
        )
    return str(value)


def _choice_or_none(value: Any, field: str, enum: type[StrEnum], what: Text) -> str | None:
    return None if value in (None, "") else _choice(value, field, enum, what)


def _count(value: Any, field: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(
            field, translate("Core", "'{value}' is not a whole number").format(value=value)
        ) from None
    if number < 0:
        raise ValidationError(field, translate("Core", "cannot be negative"))
    return number


# What a refused choice is not, in "'party' is not a kind of event: use seminar, ...".
A_KIND_OF_EVENT = translate("Core", "a kind of event")
AN_IRIS_TYPE = translate("Core", "an IRIS activity type")
A_STAFF_ROLE = translate("Core", "a staff role")
A_SECTION = translate("Core", "a section")

_FIELDS = {
    "kind": lambda v: _choice(v, "kind", EventKind, A_KIND_OF_EVENT),
    "title": lambda v: _text(v, "title", required=True),
    "venue": lambda v: _text(v, "venue"),
    "description": lambda v: free_text(v, "description", 10_000),
    "iris_type": lambda v: _choice_or_none(v, "iris_type", IrisType, AN_IRIS_TYPE),
    "audience_count": lambda v: _count(v, "audience_count"),
    "signup_deadline": lambda v: None if v in (None, "") else parse_day(v, "signup_deadline"),
    "project_id": lambda v: v,  # checked against the register inside the transaction
}


def _check_kind_and_type(kind: str, iris_type: str | None) -> None:
    if iris_type is not None and kind != EventKind.IRIS.value:
        raise ValidationError(
            "iris_type", translate("Core", "only IRIS activities have an IRIS type")
        )


def _check_ids(session: Session, model: type, ids: Iterable[int], what: str) -> list[int]:
    unique = list(dict.fromkeys(ids))
    for row_id in unique:
        get_row(session, model, row_id, what)
    return unique


def _partner_pairs(
    partners: Iterable[int | tuple[int, str | None]],
) -> list[tuple[int, str | None]]:
    """Partners as (organisation id, role); a bare id means no role."""
    pairs = [(p, None) if isinstance(p, int) else (p[0], _text(p[1], "role")) for p in partners]
    return list({org: (org, role) for org, role in pairs}.values())


def iris_project_id(session: Session) -> int | None:
    return session.scalar(select(Project.id).where(Project.name == IRIS_PROJECT))


# --- actions -------------------------------------------------------------------------------


def create_event(
    db: Database,
    *,
    kind: str,
    title: str,
    start: dt.date,
    days: int = 1,
    venue: str | None = None,
    ensemble_ids: Iterable[int] = (),
    iris_type: str | None = None,
    project_id: int | None = None,
    partner_ids: Iterable[int | tuple[int, str | None]] = (),
    description: str | None = None,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    audience_count: int | None = None,
) -> int:
    """A new event on ``days`` consecutive days from ``start``; returns its id. IRIS
    activities belong to the IRIS project unless another project is given."""
    fields = {
        name: _FIELDS[name](value)
        for name, value in (
            ("kind", kind),
            ("title", title),
            ("venue", venue),
            ("description", description),
            ("iris_type", iris_type),
            ("audience_count", audience_count),
        )
    }
    _check_kind_and_type(fields["kind"], fields["iris_type"])
    first = parse_day(start, "start")
    plans = clean_days(
        (first + dt.timedelta(days=n), start_time, end_time)
        for n in range(_count(days, "days") or 0)
    )
    with db.transaction() as session:
        ensembles = _check_ids(session, Ensemble, ensemble_ids, "ensemble")
        partners = _partner_pairs(partner_ids)
        _check_ids(session, Organisation, [org for org, _ in partners], "organisation")
        if project_id is not None:
            get_row(session, Project, project_id, "project")
        elif fields["kind"] == EventKind.IRIS.value:
            project_id = iris_project_id(session)
        event = Event(season=season_of(session, first), project_id=project_id, **fields)
        event.days = [EventDay(date=d, start_time=s, end_time=e) for d, s, e in plans]
        event.invited = [EventEnsemble(ensemble_id=e) for e in ensembles]
        event.partners = [EventPartner(organisation_id=o, role=r) for o, r in partners]
        session.add(event)
        session.flush()
        return event.id


def update_event(
    db: Database,
    event_id: int,
    *,
    expected_version: int | None = None,
    original: Mapping[str, Any] | None = None,
    **fields: Any,
) -> None:
    """Change title, kind, venue, description, IRIS type, project, audience count or sign-up
    deadline; only the fields given are touched. Days have their own action.

    ``expected_version`` is the event's version as the editor read it and ``original`` the
    values it showed: a field the user left as it was is not written (another user's
    change of it stands), and one both changed is a ``ConflictError`` with both values."""
    unknown = sorted(set(fields) - set(_FIELDS))
    if unknown:
        raise ValidationError(
            unknown[0], translate("Core", "is not a field that can be edited here")
        )
    cleaned = users_changes(
        {name: _FIELDS[name](value) for name, value in fields.items()}, original
    )
    _write_event(db, event_id, cleaned, expected_version, original)


def _event_changed(event: Event) -> Text:
    return translate("Core", "the event '{title}'").format(title=event.title)


def _write_event(
    db: Database,
    event_id: int,
    cleaned: dict[str, Any],
    expected_version: int | None,
    original: Mapping[str, Any] | None,
) -> None:
    def save(again: Database, version: int) -> None:
        _write_event(again, event_id, cleaned, version, None)

    def reread(session: Session) -> ConflictError:
        event = get_event(session, event_id)
        return stale_conflict(session, event, cleaned, what=_event_changed(event), save=save)

    with stale_is_conflict(db, reread) as session:
        event = get_event(session, event_id)
        check(
            session,
            event,
            expected_version,
            cleaned,
            original=original,
            what=_event_changed(event),
            save=save,
        )
        _check_kind_and_type(
            cleaned.get("kind", event.kind), cleaned.get("iris_type", event.iris_type)
        )
        if cleaned.get("project_id") is not None:
            get_row(session, Project, cleaned["project_id"], "project")
        elif (
            cleaned.get("kind") == EventKind.IRIS.value
            and "project_id" not in cleaned
            and event.project_id is None
        ):
            cleaned = {**cleaned, "project_id": iris_project_id(session)}
        changed = any(getattr(event, name) != value for name, value in cleaned.items())
        for name, value in cleaned.items():
            setattr(event, name, value)
        if changed:
            touch(event)


def touch(event: Event) -> None:
    """Record that the event or its days changed now; the event's version goes up with it
    (the season calendar's SEQUENCE, ``vrus.season_calendar``)."""
    event.changed_at = clock.utc_now()
    # Written even when the clock shows the same instant (a frozen or coarse clock), so that
    # the version still goes up.
    flag_modified(event, "changed_at")


def set_cancelled(db: Database, event_id: int, cancelled: bool) -> None:
    """Cancel an event (or take a cancellation back). It stays in the register with its
    sign-ups; the season calendar marks it cancelled."""
    with db.transaction() as session:
        event = get_event(session, event_id)
        if event.cancelled != cancelled:
            event.cancelled = cancelled
            touch(event)


def _history_on(session: Session, day: EventDay) -> Text | None:
    """Why ``day`` cannot be removed, or None if nothing recorded depends on it."""

    def rows(model: type[Attendance | VolunteerDuty]) -> int:
        return session.scalar(select(func.count()).where(model.event_day_id == day.id)) or 0

    if recorded := rows(Attendance):
        return translate("Core", "attendance is recorded for {count} person(s) on that day").format(
            count=recorded
        )
    if duties := rows(VolunteerDuty):
        return translate("Core", "{count} parent duty/duties are planned on that day").format(
            count=duties
        )
    return None


def set_event_days(
    db: Database,
    event_id: int,
    days: Iterable[Sequence[Any]],
    original: Iterable[Sequence[Any]] | None = None,
) -> list[int]:
    """Replace the event's days; days kept by date keep their attendance. Returns the day ids
    in date order. The event moves to the season of its (new) first day.

    ``original`` is the days (date, start, end) as the editor read them: days the user did
    not change are not written (another user's change stands), and days both changed are a
    ``ConflictError`` with both sets of days."""
    plans = clean_days(days)
    started = None if original is None else [tuple(day) for day in clean_days(original)]
    return _write_days(db, event_id, plans, started)


def _plans_of(event: Event) -> list[tuple[Any, ...]]:
    return [(d.date, d.start_time, d.end_time) for d in sorted(event.days, key=lambda d: d.date)]


def _write_days(
    db: Database,
    event_id: int,
    plans: list[DayPlan],
    started: list[tuple[Any, ...]] | None,
) -> list[int]:
    mine = {"days": [tuple(plan) for plan in plans]}

    def save(again: Database, _version: int) -> list[int]:
        return _write_days(again, event_id, plans, None)

    def reread(session: Session) -> ConflictError:
        event = get_event(session, event_id)
        return stale_conflict(
            session,
            _DaysRow(event),
            mine,
            what=_event_changed(event),
            save=save,
        )

    with stale_is_conflict(db, reread) as session:
        event = get_event(session, event_id)
        if started is not None:
            if mine["days"] == started:
                return [day.id for day in sorted(event.days, key=lambda d: d.date)]
            check(
                session,
                _DaysRow(event),
                None,
                mine,
                original={"days": started},
                what=_event_changed(event),
                save=save,
            )
        before = _plans_of(event)
        wanted = {date: (start, end) for date, start, end in plans}
        for day in [d for d in event.days if d.date not in wanted]:
            reason = _history_on(session, day)
            if reason:
                raise VrusError(
                    translate(
                        "Core", "cannot remove {day} from '{title}': {reason}; clear it first"
                    ).format(day=day_text(day.date), title=event.title, reason=reason)
                )
            event.days.remove(day)
        existing = {day.date: day for day in event.days}
        for date, (start, end) in wanted.items():
            day = existing.get(date) or EventDay(date=date)
            day.start_time, day.end_time = start, end
            if date not in existing:
                event.days.append(day)
        event.season = season_of(session, plans[0][0])
        if _plans_of(event) != before:
            touch(event)
        session.flush()
        return [day.id for day in sorted(event.days, key=lambda d: d.date)]


class _DaysRow:
    """An event's days as one field, ``days`` (date, start, end in date order), for the
    conflict check; the event's version stands for theirs."""

    __tablename__ = "events"

    def __init__(self, event: Event) -> None:
        self.days = _plans_of(event)
        self.version = event.version
        self.id = event.id


def set_invited(db: Database, event_id: int, ensemble_ids: Iterable[int]) -> None:
    """Replace the invited ensembles. Sign-ups already given stay (shown as not invited)."""
    with db.transaction() as session:
        event = get_event(session, event_id)
        wanted = _check_ids(session, Ensemble, ensemble_ids, "ensemble")
        keep = [link for link in event.invited if link.ensemble_id in wanted]
        have = {link.ensemble_id for link in keep}
        event.invited = keep + [EventEnsemble(ensemble_id=e) for e in wanted if e not in have]


def set_partners(
    db: Database, event_id: int, partners: Iterable[int | tuple[int, str | None]]
) -> None:
    """Replace the partner organisations, each with an optional role ("Medvirkende")."""
    pairs = _partner_pairs(partners)
    with db.transaction() as session:
        event = get_event(session, event_id)
        _check_ids(session, Organisation, [org for org, _ in pairs], "organisation")
        current = {link.organisation_id: link for link in event.partners}
        event.partners = [current.get(org) or EventPartner(organisation_id=org) for org, _ in pairs]
        for link, (_, role) in zip(event.partners, pairs, strict=True):
            link.role = role


def delete_event(db: Database, event_id: int) -> None:
    """Delete an event with its days, invitations, sign-ups and staff; refused once
    attendance or parent duties are recorded, because those are the season's history."""
    with db.transaction() as session:
        event = get_event(session, event_id)
        for day in event.days:
            reason = _history_on(session, day)
            if reason:
                raise VrusError(
                    translate("Core", "cannot delete '{title}': {reason} ({day})").format(
                        title=event.title, reason=reason, day=day_text(day.date)
                    )
                )
        session.delete(event)


# --- staff ---------------------------------------------------------------------------------

SECTION_ORDER = {section.value: n for n, section in enumerate(Section)}
ROLE_ORDER = {role.value: n for n, role in enumerate(StaffRole)}


def add_staff_member(
    db: Database,
    first: str,
    last: str,
    role: str,
    section: str | None = None,
    organisation_id: int | None = None,
    instrument_id: int | None = None,
    phone: str | None = None,
    email: str | None = None,
) -> int:
    """A conductor, instructor, Dextra musician or coordinator; an instructor's section
    follows from the instrument unless given."""
    first_name, last_name = require_name(first, "first_name"), require_name(last, "last_name")
    role = _choice(role, "role", StaffRole, A_STAFF_ROLE)
    section = _choice_or_none(section, "section", Section, A_SECTION)
    phone = normalise_phone(phone) if phone else None
    email = validate_email(email) if email else None
    with db.transaction() as session:
        if organisation_id is not None:
            get_row(session, Organisation, organisation_id, "organisation")
        instrument = (
            get_row(session, Instrument, instrument_id, "instrument")
            if instrument_id is not None
            else None
        )
        if section is None and instrument is not None:
            section = instrument.section
        staff = StaffMember(
            first_name=first_name,
            last_name=last_name,
            role=role,
            section=section,
            organisation_id=organisation_id,
            instrument_id=instrument_id,
            phone=phone,
            email=email,
        )
        session.add(staff)
        session.flush()
        return staff.id


def assign_staff(
    db: Database,
    event_id: int,
    staff_id: int,
    role: str | None = None,
    section: str | None = None,
    event_day_id: int | None = None,
    wants_lunch: bool = True,
) -> int:
    """Put a staff member on an event, all days (``event_day_id`` None) or one day. Role and
    section default to the staff member's own. Returns the assignment's id."""
    role = _choice_or_none(role, "role", StaffRole, A_STAFF_ROLE)
    section = _choice_or_none(section, "section", Section, A_SECTION)
    with db.transaction() as session:
        event = get_event(session, event_id)
        staff = get_row(session, StaffMember, staff_id, "staff member")
        name = f"{staff.first_name} {staff.last_name}"
        if staff.archived:
            raise ValidationError(
                "staff", translate("Core", "{name} is archived").format(name=name)
            )
        if event_day_id is not None and event_day_id not in {d.id for d in event.days}:
            raise ValidationError(
                "event_day",
                translate("Core", "day {day} is not a day of '{title}'").format(
                    day=event_day_id, title=event.title
                ),
            )
        # SQLite's UNIQUE treats NULL days as distinct, so "all days" twice is caught here.
        for other in session.scalars(
            select(EventStaff.event_day_id).where(
                EventStaff.event_id == event_id, EventStaff.staff_id == staff_id
            )
        ):
            if None in (other, event_day_id) or other == event_day_id:
                raise ValidationError(
                    "staff",
                    translate("Core", "{name} is already assigned to '{title}'").format(
                        name=name, title=event.title
                    ),
                )
        link = EventStaff(
            event_id=event_id,
            staff_id=staff_id,
            event_day_id=event_day_id,
            role=role or staff.role,
            section=section or staff.section,
            wants_lunch=bool(wants_lunch),
        )
        session.add(link)
        session.flush()
        return link.id


def unassign_staff(db: Database, assignment_id: int) -> None:
    with db.transaction() as session:
        session.delete(get_row(session, EventStaff, assignment_id, "staff assignment"))


@dataclass(frozen=True)
class StaffRow:
    assignment_id: int
    staff_id: int
    first_name: str
    last_name: str
    role: str
    section: str | None
    organisation: str | None
    instrument: str | None
    day: dt.date | None  # None: every day of the event
    wants_lunch: bool


def event_staff(session: Session, event_id: int) -> list[StaffRow]:
    """The event's staff: conductor first, then instructors by section, then by surname."""
    get_event(session, event_id)
    links = session.scalars(select(EventStaff).where(EventStaff.event_id == event_id)).all()
    rows = [
        StaffRow(
            assignment_id=link.id,
            staff_id=link.staff_id,
            first_name=link.staff.first_name,
            last_name=link.staff.last_name,
            role=link.role,
            section=link.section,
            organisation=link.staff.organisation.name if link.staff.organisation else None,
            instrument=link.staff.instrument.name_nb if link.staff.instrument else None,
            day=link.event_day.date if link.event_day else None,
            wants_lunch=link.wants_lunch,
        )
        for link in links
    ]
    return sorted(
        rows,
        key=lambda r: (
            ROLE_ORDER.get(r.role, len(ROLE_ORDER)),
            SECTION_ORDER.get(r.section or "", 99),
            sort_key(r.last_name),
            sort_key(r.first_name),
            r.day or dt.date.min,
        ),
    )


def list_staff(session: Session, include_archived: bool = False) -> list[StaffMember]:
    """Staff to choose from in the event editor: by role, section, surname."""
    query = select(StaffMember)
    if not include_archived:
        query = query.where(StaffMember.archived.is_(False))
    return sorted(
        session.scalars(query),
        key=lambda s: (
            ROLE_ORDER.get(s.role, 99),
            SECTION_ORDER.get(s.section or "", 99),
            sort_key(s.last_name),
            sort_key(s.first_name),
            s.id,
        ),
    )
