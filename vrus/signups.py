"""Sign-ups: who of the invited members comes to an event, who wants lunch, and a note.

Who is invited follows from the register, not from a stored list: the active (not archived)
members of the invited ensembles on the event's first day, with the same "current
membership" rule as the member list. So a junior who moved up last week, or a member who
left before the event, is right without anyone editing the event.

A sign-up row exists only once something was answered; no row means "not answered". Persons
who have a row but are not invited (they asked to come along, or their membership ended)
stay on the sheet: history is never hidden.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import func, null, or_, select
from sqlalchemy.orm import Session

from vrus.collation import sort_key
from vrus.conflicts import (
    NO_ROW,
    ConflictError,
    bulk_transaction,
    check,
    stale_conflict,
    stale_is_conflict,
    users_changes,
)
from vrus.db.engine import Database
from vrus.db.enums import Answer
from vrus.db.models import (
    Ensemble,
    Event,
    EventDay,
    EventEnsemble,
    Membership,
    Person,
    SignUp,
    SignUpAbsence,
)
from vrus.errors import VrusError
from vrus.events import SECTION_ORDER, get_event, get_row
from vrus.member_list import name_rows
from vrus.texts import Text, translate
from vrus.validation import ValidationError, one_line

NOTE_LIMIT = 500
_LAST = 10_000  # sorts rows without an ensemble or section after the others


def first_day(event: Event) -> dt.date:
    if not event.days:
        raise VrusError(
            translate("Core", "event {id} ({title}) has no days").format(
                id=event.id, title=event.title
            )
        )
    return min(day.date for day in event.days)


@dataclass(frozen=True)
class _Invitation:
    first_day: dt.date
    ensembles: frozenset[int]


# (ensemble, start, end) of a person's memberships, the most recent first.
_History = tuple[tuple[int, dt.date, dt.date | None], ...]


def _current_ensemble(history: _History, day: dt.date) -> int | None:
    """The ensemble of the membership current on ``day``: the most recent one begun and not
    ended then, the member list's rule (``vrus.member_list``)."""
    for ensemble, start, end in history:
        if start <= day and (end is None or end >= day):
            return ensemble
    return None


def _active_members(
    session: Session,
    wanted: Mapping[int, _Invitation],
    names: dict[int, tuple[str, str]] | None = None,
) -> dict[int, set[int]]:
    """Per event of ``wanted``: the persons, neither archived nor erased, whose current
    membership on its first day is in one of its ensembles; ``names`` gets their (last,
    first) names.

    One query for all the events, over the memberships that overlap their first days, and
    the rule applied in Python once per distinct membership history rather than per person:
    a season report asks this for every event of the season, and a query per event through
    the member list took seconds at 10 000 persons."""
    found: dict[int, set[int]] = {event_id: set() for event_id in wanted}
    asked = {event_id: w for event_id, w in wanted.items() if w.ensembles}
    if not asked:
        return found
    days = sorted({w.first_day for w in asked.values()})
    columns = [
        Membership.person_id,
        Membership.ensemble_id,
        Membership.start_date,
        Membership.end_date,
    ]
    if names is not None:
        columns += [Person.last_name, Person.first_name]
    query = (
        select(*columns)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Person.archived_at.is_(None),
            Person.erased_at.is_(None),
            Membership.start_date <= days[-1],
            or_(Membership.end_date.is_(None), Membership.end_date >= days[0]),
        )
        .order_by(Membership.person_id, Membership.start_date.desc(), Membership.id.desc())
    )
    persons: dict[_History, list[int]] = defaultdict(list)
    for pid, rows in groupby(session.execute(query), key=itemgetter(0)):
        memberships = list(rows)
        persons[cast(_History, tuple(tuple(r[1:4]) for r in memberships))].append(pid)
        if names is not None:
            names[pid] = cast(tuple[str, str], tuple(memberships[0][4:6]))
    members: dict[tuple[dt.date, int], list[int]] = defaultdict(list)
    for history, pids in persons.items():
        for day in days:
            ensemble = _current_ensemble(history, day)
            if ensemble is not None:
                members[day, ensemble].extend(pids)
    for event_id, w in asked.items():
        found[event_id].update(*(members.get((w.first_day, e), ()) for e in w.ensembles))
    return found


def invited_members(session: Session, event: Event) -> list[int]:
    """The ids of the invited persons of an already loaded event (see below) in name order;
    for a past event then also the erased persons who were invited (``vrus.erasure`` keeps
    that as their sign-up row, since their membership dates no longer tell)."""
    ensembles = frozenset(link.ensemble_id for link in event.invited)
    if not ensembles:
        return []
    names: dict[int, tuple[str, str]] = {}
    wanted = {event.id: _Invitation(first_day(event), ensembles)}
    found = _active_members(session, wanted, names)[event.id]
    invited = sorted(found, key=lambda pid: (sort_key(names[pid][0]), sort_key(names[pid][1]), pid))
    erased = session.scalars(
        select(SignUp.person_id)
        .join(Person, Person.id == SignUp.person_id)
        .where(SignUp.event_id == event.id, Person.erased_at.is_not(None))
        .order_by(SignUp.person_id)
    )
    return invited + list(erased)


def invited_by_event(session: Session, event_ids: Iterable[int]) -> dict[int, set[int]]:
    """``invited_members`` of many events at once, as sets, in a few queries whatever their
    number (for the season's statistics). An event without days invites nobody here."""
    ids = list(event_ids)
    firsts = dict(
        session.execute(
            select(EventDay.event_id, func.min(EventDay.date))
            .where(EventDay.event_id.in_(ids))
            .group_by(EventDay.event_id)
        ).all()
    )
    ensembles: dict[int, set[int]] = defaultdict(set)
    for event_id, ensemble_id in session.execute(
        select(EventEnsemble.event_id, EventEnsemble.ensemble_id).where(
            EventEnsemble.event_id.in_(ids)
        )
    ):
        ensembles[event_id].add(ensemble_id)
    wanted = {
        event_id: _Invitation(firsts[event_id], frozenset(ensembles[event_id]))
        for event_id in ids
        if event_id in firsts
    }
    invited = _active_members(session, wanted)
    erased = (
        select(SignUp.event_id, SignUp.person_id)
        .join(Person, Person.id == SignUp.person_id)
        .where(SignUp.event_id.in_(list(ensembles)), Person.erased_at.is_not(None))
    )
    for event_id, pid in session.execute(erased):
        if event_id in invited:
            invited[event_id].add(pid)
    return {event_id: invited.get(event_id, set()) for event_id in ids}


def invited_person_ids(session: Session, event_id: int) -> set[int]:
    """Active, not archived members of the invited ensembles on the event's first day."""
    return set(invited_members(session, get_event(session, event_id)))


@dataclass(frozen=True)
class SignupRow:
    person_id: int
    first_name: str
    last_name: str
    ensemble: str | None  # the person's ensemble on the event's first day
    instrument: str | None
    section: str | None
    invited: bool
    attending: str  # an Answer value; "unknown" when not answered
    wants_lunch: bool
    note: str | None
    version: int = NO_ROW  # the sign-up's, as read (NO_ROW: not answered)
    absent_days: frozenset[int] = frozenset()  # ids of the days a "yes" skips

    @property
    def name(self) -> str:
        return f"{self.last_name}, {self.first_name}"


def sheet_rows(
    session: Session, event: Event, extra_ids: Iterable[int] = (), *, notes: bool = True
) -> list[SignupRow]:
    """The invited members, everyone with a sign-up row, and ``extra_ids`` (the attendance
    grid adds those who turned up), grouped by ensemble, then section, then surname.
    ``notes=False`` leaves the families' notes unread (None): the attendance grid shows none,
    and the instructors who take attendance on a server may not read them."""
    invited = set(invited_members(session, event))
    note = SignUp.note if notes else null().label("note")
    answers = select(
        SignUp.person_id, SignUp.attending, SignUp.wants_lunch, SignUp.version, note
    ).where(SignUp.event_id == event.id)
    signups = {s.person_id: s for s in session.execute(answers)}
    skipped = absent_days(session, event.id)
    ids = invited | set(signups) | set(extra_ids)
    members = name_rows(session, ids, first_day(event))
    order = {
        name: rank for name, rank in session.execute(select(Ensemble.name, Ensemble.sort_order))
    }
    rows = []
    for pid in ids:
        member, signup = members[pid], signups.get(pid)
        rows.append(
            SignupRow(
                person_id=pid,
                first_name=member.first_name,
                last_name=member.last_name,
                ensemble=member.ensemble,
                instrument=member.instrument,
                section=member.section,
                invited=pid in invited,
                attending=signup.attending if signup else Answer.UNKNOWN.value,
                wants_lunch=bool(signup and signup.wants_lunch),
                note=signup.note if signup else None,
                version=signup.version if signup else NO_ROW,
                absent_days=skipped.get(pid, frozenset()),
            )
        )
    return sorted(
        rows,
        key=lambda r: (
            order.get(r.ensemble, _LAST) if r.ensemble else _LAST,
            SECTION_ORDER.get(r.section or "", _LAST),
            sort_key(r.last_name),
            sort_key(r.first_name),
            r.person_id,
        ),
    )


def signup_sheet(session: Session, event_id: int, *, notes: bool = True) -> list[SignupRow]:
    """The event's sign-up sheet (``sheet_rows``); ``notes=False`` without the families'
    notes, for a role that may not read them (the instructors on a server)."""
    return sheet_rows(session, get_event(session, event_id), notes=notes)


def _note(value: Any) -> str | None:
    return one_line(value, "note", NOTE_LIMIT)


def _answer(value: Any) -> str:
    allowed = [a.value for a in Answer]
    if value not in allowed:
        raise ValidationError(
            "attending",
            translate("Core", "'{value}' is not an answer: use {allowed}").format(
                value=value, allowed=", ".join(allowed)
            ),
        )
    return str(value)


def _apply(
    session: Session, event_id: int, row: SignUp | None, person_id: int, values: dict[str, Any]
) -> bool:
    """Create or update one sign-up with ``values``; True if anything changed."""
    if row is None:
        row = SignUp(event_id=event_id, person_id=person_id)
        session.add(row)
        changed = True
    else:
        changed = any(getattr(row, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(row, name, value)
    if row.attending != Answer.YES.value and row.absences:
        row.absences.clear()  # days skipped mean something only to a "yes"
        changed = True
    return changed


def absent_days(session: Session, event_id: int) -> dict[int, frozenset[int]]:
    """Person id -> the ids of the event's days a person who signed up "yes" skips."""
    found: dict[int, set[int]] = defaultdict(set)
    rows = session.execute(
        select(SignUp.person_id, SignUpAbsence.event_day_id)
        .join(SignUpAbsence, SignUpAbsence.signup_id == SignUp.id)
        .where(SignUp.event_id == event_id, SignUp.attending == Answer.YES.value)
    )
    for person_id, day_id in rows:
        found[person_id].add(day_id)
    return {pid: frozenset(days) for pid, days in found.items()}


# What a sign-up not answered stands for (no row).
NO_ANSWER: dict[str, Any] = {"attending": Answer.UNKNOWN.value, "wants_lunch": False, "note": None}


def set_signup(
    db: Database,
    event_id: int,
    person_id: int,
    *,
    attending: str | None = None,
    wants_lunch: bool | None = None,
    note: str | None = None,
    expected_version: int | None = None,
    original: Mapping[str, Any] | None = None,
) -> bool:
    """Answer for one person; fields left as None are untouched, ``note=""`` clears the note.
    Persons not invited may be signed up (they asked to come). True if anything changed.

    ``expected_version`` is the sign-up's version as the grid showed it (``NO_ROW``: not
    answered then) and ``original`` the values it showed: another user's answer given in
    between is a ``ConflictError`` with both, not overwritten."""
    values: dict[str, Any] = {}
    if attending is not None:
        values["attending"] = _answer(attending)
    if wants_lunch is not None:
        values["wants_lunch"] = bool(wants_lunch)
    if note is not None:
        values["note"] = _note(note)
    return _write_signup(
        db, event_id, person_id, users_changes(values, original), expected_version, original
    )


def _write_signup(
    db: Database,
    event_id: int,
    person_id: int,
    values: dict[str, Any],
    expected_version: int | None,
    original: Mapping[str, Any] | None,
) -> bool:
    def save(again: Database, version: int) -> bool:
        return _write_signup(again, event_id, person_id, values, version, None)

    def find(session: Session) -> tuple[Event, Person, SignUp | None]:
        event = get_event(session, event_id)
        person = get_row(session, Person, person_id, "person")
        row = session.scalars(
            select(SignUp).where(SignUp.event_id == event_id, SignUp.person_id == person_id)
        ).first()
        return event, person, row

    def changed(event: Event, person: Person) -> Text:
        return translate("Core", "the sign-up of {name} for '{title}'").format(
            name=person.full_name, title=event.title
        )

    def reread(session: Session) -> ConflictError:
        event, person, row = find(session)
        return stale_conflict(
            session, row, values, what=changed(event, person), save=save, absent=NO_ANSWER
        )

    with stale_is_conflict(db, reread, inserts=True) as session:
        event, person, row = find(session)
        if row is None and person.archived_at is not None:
            raise ValidationError(
                "person", translate("Core", "{name} is archived").format(name=person.full_name)
            )
        if not values:
            return False
        check(
            session,
            row,
            expected_version,
            values,
            original=original,
            absent=NO_ANSWER,
            what=changed(event, person),
            save=save,
        )
        changed_any = _apply(session, event_id, row, person_id, values)
        session.flush()  # a sign-up another user added meanwhile is met here, as a conflict
        return changed_any


@dataclass(frozen=True)
class SignupState:
    """A sign-up's values as the window showed them, or as a write wants them; ``None`` in
    its place stands for no row at all (not answered)."""

    attending: str = Answer.UNKNOWN.value
    wants_lunch: bool = False
    note: str | None = None
    absent_days: frozenset[int] = frozenset()  # only with a "yes"

    def values(self) -> dict[str, Any]:
        return {"attending": self.attending, "wants_lunch": self.wants_lunch, "note": self.note}


@dataclass(frozen=True)
class SignupWrite:
    """One sign-up of a batch (a range in the grid, an undo): from ``before`` as the user saw
    it to ``after``; ``None`` is no row, and an ``after`` of None removes the row when
    nothing else is left in it (so undoing "All yes" leaves the register as it was)."""

    event_id: int
    person_id: int
    before: SignupState | None
    after: SignupState | None
    expected_version: int | None = None  # the row's version as shown (NO_ROW: no row)


def _checked_values(state: SignupState | None) -> dict[str, Any]:
    values = (state or SignupState()).values()
    return {
        "attending": _answer(values["attending"]),
        "wants_lunch": bool(values["wants_lunch"]),
        "note": _note(values["note"]) if values["note"] is not None else None,
    }


def _find_signup(
    session: Session, event_id: int, person_id: int
) -> tuple[Event, Person, SignUp | None]:
    event = get_event(session, event_id)
    person = get_row(session, Person, person_id, "person")
    row = session.scalars(
        select(SignUp).where(SignUp.event_id == event_id, SignUp.person_id == person_id)
    ).first()
    return event, person, row


def _what(event: Event, person: Person) -> Text:
    return translate("Core", "the sign-up of {name} for '{title}'").format(
        name=person.full_name, title=event.title
    )


def put_signup(session: Session, write: SignupWrite, *, version: int | None = None) -> None:
    """``write`` inside the caller's transaction, so a batch is saved whole or not at all.
    Only the fields that differ between before and after are written; another user's change
    of one of them since is a ``ConflictError`` (whose "keep mine" saves this one sign-up).
    ``version``: write over that version whatever the values (the conflict's "keep mine")."""
    event, person, row = _find_signup(session, write.event_id, write.person_id)
    old, new = _checked_values(write.before), _checked_values(write.after)
    mine = users_changes(new, old)
    if row is None and write.after is not None and person.archived_at is not None:
        raise ValidationError(
            "person", translate("Core", "{name} is archived").format(name=person.full_name)
        )

    def save(again: Database, now: int) -> None:
        with again.transaction() as session:
            put_signup(session, write, version=now)

    check(
        session,
        row,
        write.expected_version if version is None else version,
        mine,
        original=old if version is None else None,
        absent=NO_ANSWER,
        what=_what(event, person),
        save=save,
    )
    if row is None:
        if write.after is None:
            return  # no row wanted, and none there
        row = SignUp(event_id=write.event_id, person_id=write.person_id)
        session.add(row)
        mine = new  # a new row gets all its values
    _apply(session, write.event_id, row, write.person_id, mine)
    _put_absences(row, write)
    if write.after is None and _says_nothing(row):
        session.delete(row)
    session.flush()  # a sign-up another user added meanwhile is met here


def _put_absences(row: SignUp, write: SignupWrite) -> None:
    """The days a "yes" skips, where the write changes them (an undo of "no" back to "yes"
    brings them back)."""
    before = write.before.absent_days if write.before else frozenset()
    after = write.after.absent_days if write.after else frozenset()
    if row.attending != Answer.YES.value or before == after:
        return
    if {absence.event_day_id for absence in row.absences} != after:
        row.absences[:] = [SignUpAbsence(event_day_id=day) for day in sorted(after)]


def _says_nothing(row: SignUp) -> bool:
    return _checked_values(SignupState(row.attending, row.wants_lunch, row.note)) == NO_ANSWER


def signup_race(session: Session, write: SignupWrite) -> ConflictError:
    """The conflict of ``write`` when its save lost the race after its own read."""
    event, person, row = _find_signup(session, write.event_id, write.person_id)
    mine = users_changes(_checked_values(write.after), _checked_values(write.before))

    def save(again: Database, now: int) -> None:
        with again.transaction() as session:
            put_signup(session, write, version=now)

    return stale_conflict(
        session, row, mine, what=_what(event, person), save=save, absent=NO_ANSWER
    )


def _signups_by_person(session: Session, event_id: int) -> dict[int, SignUp]:
    return {
        s.person_id: s for s in session.scalars(select(SignUp).where(SignUp.event_id == event_id))
    }


def sign_up_all_invited(
    db: Database, event_id: int, *, lunch: bool, overwrite_no: bool = False
) -> int:
    """Answer yes (with or without lunch) for every invited member. An explicit "no" stays
    unless ``overwrite_no``: a bulk action must not undo what a family told the coordinator.
    Returns the number of sign-ups created or changed."""

    def work(session: Session) -> int:
        event = get_event(session, event_id)
        existing = _signups_by_person(session, event_id)
        values = {"attending": Answer.YES.value, "wants_lunch": bool(lunch)}
        changed = 0
        for pid in invited_members(session, event):
            row = existing.get(pid)
            if row is not None and row.attending == Answer.NO.value and not overwrite_no:
                continue
            changed += _apply(session, event_id, row, pid, values)
        return changed

    return bulk_transaction(db, work)


def copy_signups_from(db: Database, event_id: int, source_event_id: int) -> int:
    """ "Copy from the previous seminar": for each person invited to this event who has not
    answered yet, take the yes/no and the lunch choice given for ``source_event_id``.
    Answers already given here, and "not answered" in the source, are left alone (notes
    are about one event and are not copied). Returns the number of sign-ups written."""
    if event_id == source_event_id:
        raise ValidationError("source_event", translate("Core", "is the same event"))

    def work(session: Session) -> int:
        event = get_event(session, event_id)
        get_event(session, source_event_id)
        source = _signups_by_person(session, source_event_id)
        target = _signups_by_person(session, event_id)
        changed = 0
        for pid in invited_members(session, event):
            answer, row = source.get(pid), target.get(pid)
            if answer is None or answer.attending == Answer.UNKNOWN.value:
                continue
            if row is not None and row.attending != Answer.UNKNOWN.value:
                continue
            changed += _apply(
                session,
                event_id,
                row,
                pid,
                {"attending": answer.attending, "wants_lunch": answer.wants_lunch},
            )
        return changed

    return bulk_transaction(db, work)


def previous_seminar(session: Session, event_id: int) -> int | None:
    """The latest event of the same kind that began before this one (for a seminar: the
    previous seminar, also across seasons), or None."""
    event = get_event(session, event_id)
    starts = (
        select(EventDay.event_id, func.min(EventDay.date).label("first"))
        .group_by(EventDay.event_id)
        .subquery()
    )
    query = (
        select(Event.id)
        .join(starts, starts.c.event_id == Event.id)
        .where(Event.kind == event.kind, Event.id != event.id, starts.c.first < first_day(event))
        .order_by(starts.c.first.desc(), Event.id.desc())
        .limit(1)
    )
    return session.scalar(query)
