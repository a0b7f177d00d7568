"""Erasing a person (GDPR art. 17), and the first, lighter step of retention.

An erased person keeps a row, so that the statistics of past seasons stay as they were, but
the row holds only what the issue calls coarse: gender, birth year (stored as 1 January of
that year), municipality, and per membership the ensemble, the section of the instrument and
the seasons it spanned (both dates moved to the first day of their season). Everything else
about the person goes: names (the row is called "Anonymisert #id"), contact data, notes,
diets, allergies, consents, instruments, the notes on sign-ups, attendance and memberships,
the exact times rows were made, the audit entries about the person, and the guardians who are
left with no child (deleted, or anonymised where their volunteer duties must stay).

After the transaction, ``PRAGMA wal_checkpoint(TRUNCATE)`` moves the changed pages into the
file and empties the write-ahead log, and ``secure_delete`` (on for every connection, see
``vrus.db.engine``) has zeroed what was removed: the bytes are gone from the file, not only
from the tables. Each erasure is written to the erasure journal (``vrus.erasure_journal``)
so that restoring an older backup erases the person again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, and_, delete, func, select, update
from sqlalchemy.orm import Session

from vrus import audit, clock, postal_codes
from vrus.db.engine import Database
from vrus.db.enums import Answer, AuditAction, ConsentKind, EndReason
from vrus.db.models import (
    Attendance,
    AuditEntry,
    Consent,
    Event,
    EventDay,
    Guardian,
    Instrument,
    Person,
    PersonGuardian,
    Season,
    SignUp,
    VolunteerDuty,
)
from vrus.errors import not_in_register

log = logging.getLogger(__name__)

ANONYMOUS_NAME = "Anonymisert"

# The person's own columns that an erasure empties (every nullable column that can say
# something about the person beyond the coarse statistics). A test walks every text column of
# every table, so a column added later and forgotten here fails it.
CONTACT_COLUMNS = ("phone", "email", "address", "postal_place")
HEALTH_COLUMNS = ("diet_note",)
ERASED_COLUMNS = (*CONTACT_COLUMNS, *HEALTH_COLUMNS, "notes")
# Kept by an erasure for the statistics of past seasons, each as coarse as it can be: the
# culture school (it says no more than the municipality does), and the postal code replaced
# by a representative that only tells which municipality the child lived in before 2020
# (``vrus.postal_codes.representative``; coverage of seasons before the reform needs it).
# Retention's first step keeps the real postal code: course grant reports list it.


def anonymous_last_name(person_id: int) -> str:
    return f"#{person_id}"


def anonymous_guardian_name(guardian_id: int) -> str:
    return f"#g{guardian_id}"


def guardian_not_anonymised() -> ColumnElement[bool]:
    """SQL: the guardian is a real one, not a row kept only for old volunteer duties."""
    return ~and_(Guardian.first_name == ANONYMOUS_NAME, Guardian.last_name.like("#g%"))


def _persons(session: Session, person_ids: Iterable[int]) -> list[Person]:
    found = []
    for person_id in dict.fromkeys(person_ids):
        person = session.get(Person, person_id)
        if person is None:
            raise not_in_register("person", person_id)
        found.append(person)
    return found


def _season(session: Session, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the season holding ``day``."""
    found = session.execute(
        select(Season.start_date, Season.end_date)
        .where(Season.start_date <= day, Season.end_date >= day)
        .order_by(Season.start_date.desc(), Season.id.desc())
        .limit(1)
    ).first()
    return (found[0], found[1]) if found else (dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))


def _coarse_start(session: Session, day: dt.date) -> dt.date:
    """An erased person keeps which seasons they were a member in, not when they came."""
    return _season(session, day)[0]


def _coarse_end(session: Session, day: dt.date) -> dt.date:
    """The first day of the season they left in; the last day if they stayed to the end, so
    that the figures of a past season (counted on its last day) stay as they were."""
    start, end = _season(session, day)
    return end if day == end else start


def _coarse_memberships(session: Session, person: Person, today: dt.date) -> None:
    main = {link.instrument_id for link in person.instruments if link.is_main}
    sections: dict[int | None, str] = {
        row.id: row.section for row in session.execute(select(Instrument.id, Instrument.section))
    }
    fallback = next((sections[i] for i in main if i in sections), None)
    for membership in person.memberships:
        if membership.end_date is None:
            # Someone asking to be erased has left; counting them as a member for ever would
            # change the current season's figures with a person who is not there.
            membership.end_date = today
            membership.end_reason = EndReason.OTHER.value
        instrument = membership.instrument_id
        membership.section = membership.section or sections.get(instrument, fallback)
        membership.instrument_id = None
        membership.start_date = _coarse_start(session, membership.start_date)
        membership.end_date = _coarse_end(session, membership.end_date)
        membership.end_note = None


def _keep_invitations(session: Session, ids: Sequence[int], today: dt.date) -> None:
    """Which past events the persons were invited to follows from their exact membership
    dates, which an erasure coarsens: kept instead as a sign-up row without an answer, so
    the turnout of past events (present / invited) stays as it was."""
    from vrus.signups import invited_members  # signups reads the member list, not erasure

    first_day = (
        select(func.min(EventDay.date)).where(EventDay.event_id == Event.id).scalar_subquery()
    )
    rows = select(SignUp.event_id, SignUp.person_id).where(SignUp.person_id.in_(ids))
    answered = {(event_id, person_id) for event_id, person_id in session.execute(rows)}
    wanted = set(ids)
    for event in session.scalars(select(Event).where(first_day <= today)):
        for person_id in wanted.intersection(invited_members(session, event)):
            if (event.id, person_id) not in answered:
                session.add(
                    SignUp(
                        event_id=event.id,
                        person_id=person_id,
                        attending=Answer.UNKNOWN.value,
                        wants_lunch=False,
                    )
                )
    session.flush()


def _forget_history_details(
    session: Session, ids: Sequence[int], stamp: dt.datetime, today: dt.date
) -> None:
    """Notes and exact times on sign-ups and attendance; sign-ups for events still to come
    go (the person will not be there), so no lunch list or attendance list names them."""
    session.execute(
        update(SignUp)
        .where(SignUp.person_id.in_(ids))
        # A bulk UPDATE passes by the ORM's version counter: raised here, so a window
        # holding the row sees it changed (vrus.conflicts).
        .values(note=None, updated_at=stamp, version=SignUp.version + 1)
    )
    session.execute(
        update(Attendance)
        .where(Attendance.person_id.in_(ids))
        .values(note=None, recorded_at=stamp, version=Attendance.version + 1)
    )
    first_day = (
        select(func.min(EventDay.date)).where(EventDay.event_id == Event.id).scalar_subquery()
    )
    upcoming = select(Event.id).where(first_day > today)
    session.execute(delete(SignUp).where(SignUp.person_id.in_(ids), SignUp.event_id.in_(upcoming)))


def _release_guardians(session: Session, person: Person) -> None:
    guardians = [link.guardian for link in person.guardian_links]
    person.guardian_links.clear()
    session.flush()
    for guardian in guardians:
        release_guardian(session, guardian)


def release_guardian(session: Session, guardian: Guardian) -> None:
    """A guardian left with no child in the register is deleted; one with volunteer duties
    (the friends' association's history) is anonymised instead, with the duty notes."""
    children = session.scalar(
        select(func.count())
        .select_from(PersonGuardian)
        .where(PersonGuardian.guardian_id == guardian.id)
    )
    if children:
        return
    duties = session.scalar(
        select(func.count())
        .select_from(VolunteerDuty)
        .where(VolunteerDuty.guardian_id == guardian.id)
    )
    if not duties:
        session.delete(guardian)
        return
    guardian.first_name = ANONYMOUS_NAME
    guardian.last_name = anonymous_guardian_name(guardian.id)
    guardian.phone = None
    guardian.email = None
    session.execute(
        update(VolunteerDuty)
        .where(VolunteerDuty.guardian_id == guardian.id)
        .values(note=None, version=VolunteerDuty.version + 1)
    )


def _erase_one(session: Session, person: Person, stamp: dt.datetime, today: dt.date) -> None:
    _coarse_memberships(session, person, today)
    person.first_name = ANONYMOUS_NAME
    person.last_name = anonymous_last_name(person.id)
    if person.birth_date is not None:
        person.birth_date = dt.date(person.birth_date.year, 1, 1)
    for name in ERASED_COLUMNS:
        setattr(person, name, None)
    person.postal_code = postal_codes.representative(person.postal_code)
    person.instruments.clear()
    person.diets.clear()
    person.allergies.clear()
    if person.archived_at is not None:
        person.archived_at = stamp  # archived stays archived; the day it happened goes
    person.erased_at = stamp
    person.created_at = stamp
    _release_guardians(session, person)


def erase_persons(
    db: Database,
    person_ids: Iterable[int],
    *,
    now: dt.datetime | None = None,
    journal: bool = True,
) -> list[int]:
    """Erase the persons, all of them or (an unknown id) none, in one transaction.

    Returns the ids erased now; a person erased before is skipped. ``journal=False`` is for
    re-applying the journal itself (``vrus.backup.reapply_erasures``)."""
    stamp = now or clock.utc_now()
    today = clock.local_date(stamp)  # the stored stamp is UTC; "coming" and "ended" are local
    with db.transaction() as session:
        persons = [p for p in _persons(session, person_ids) if p.erased_at is None]
        ids = [p.id for p in persons]
        if not ids:
            return []
        _keep_invitations(session, ids, today)
        for person in persons:
            _erase_one(session, person, stamp, today)
        session.execute(delete(Consent).where(Consent.person_id.in_(ids)))
        session.flush()
        _forget_history_details(session, ids, stamp, today)
        session.flush()  # the audit trail sees the changes here; then its entries go too
        session.execute(delete(AuditEntry).where(AuditEntry.person_id.in_(ids)))
        _record_erasure(session, ids)
    checkpoint(db)
    if journal:
        from vrus.erasure_journal import record_erasures

        record_erasures(db, ids, stamp)
    log.info("erased %d person(s)", len(ids))
    return ids


def _record_erasure(session: Session, ids: Sequence[int]) -> None:
    """Who erased, and when, stays accountable; the entry names no person (only how many)."""
    audit.record(
        session, AuditAction.ERASE, what=f"erasure of {len(ids)} person(s)", table_name="persons"
    )


def checkpoint(db: Database) -> None:
    """Move the write-ahead log into the file and empty it (SQLite only)."""
    if db.engine.dialect.name != "sqlite":
        return
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def is_erased(session: Session, person_id: int) -> bool:
    return session.scalar(select(Person.erased_at).where(Person.id == person_id)) is not None


# --- the first step of retention ------------------------------------------------------------


def has_contact_or_health(session: Session, person_id: int) -> bool:
    """Whether the person still holds contact or health data, guardians or notes."""
    person = session.get(Person, person_id)
    if person is None or person.erased_at is not None:
        return False
    if any(getattr(person, name) for name in (*CONTACT_COLUMNS, *HEALTH_COLUMNS, "notes")):
        return True
    if person.diets or person.allergies or person.guardian_links:
        return True
    health = (
        select(func.count())
        .select_from(Consent)
        .where(Consent.person_id == person_id, Consent.kind == ConsentKind.HEALTH_DATA.value)
    )
    return bool(session.scalar(health))


def remove_contact_and_health(db: Database, person_ids: Iterable[int]) -> list[int]:
    """Retention's first step for a member who left: contact data, notes, diets, allergies,
    health-data consents and guardians go; names, birth date and history stay (course grant
    reports must show name, birth year and hours). Returns the ids that held any of it."""
    with db.transaction() as session:
        changed = []
        for person in _persons(session, person_ids):
            if not has_contact_or_health(session, person.id):
                continue
            for name in (*CONTACT_COLUMNS, *HEALTH_COLUMNS, "notes"):
                setattr(person, name, None)
            person.diets.clear()
            person.allergies.clear()
            _release_guardians(session, person)
            changed.append(person.id)
        if changed:
            removed = session.scalars(
                delete(Consent)
                .where(
                    Consent.person_id.in_(changed),
                    Consent.kind == ConsentKind.HEALTH_DATA.value,
                )
                .returning(Consent.person_id)
            ).all()
            if removed:  # a bulk DELETE passes by the audit trail's listener: recorded here
                audit.record(
                    session,
                    AuditAction.DELETE,
                    what="retention",
                    table_name="consents",
                    person_ids=removed,
                )
    if changed:
        checkpoint(db)
    return changed
