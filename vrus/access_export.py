"""The access request (GDPR art. 15): everything the register holds about one person, as JSON
or as a readable PDF, for ``vrus persons export ID -o FILE`` and the editor's button.

What it holds is what the register stores about the person, and nothing about anyone else
(art. 15(4)): the guardians are named with their phone, e-mail and relation, never with
their other children; the events the person was signed up for or attended are named, their
other participants are not. Volunteer duties are the guardians' own, listed because a duty
is how a family's data is used too.

The JSON document (``FORMAT_VERSION`` 1; keys English, codes as stored, dates ISO
``YYYY-MM-DD``, times stored in UTC as ISO with ``+00:00``)::

    {
      "document": "vrus-access-export", "version": 1,
      "controller": "Vestregionens Ungdomssymfonikere",
      "made_on": "2026-12-02", "made_at": "2026-12-02T11:00:00+00:00",
      "person": {"id", "first_name", "last_name", "birth_date", "gender",
                 "municipality": {"number", "name"} | null, "culture_school": str | null,
                 "phone", "email", "address", "postal_code", "postal_place", "diet_note",
                 "notes", "archived_at", "created_at", "updated_at"},
      "instruments": [{"name", "name_en", "main"}],
      "diets": ["vegetarian", ...],
      "allergies": [{"allergen", "severity", "note"}],
      "guardians": [{"first_name", "last_name", "phone", "email", "relation"}],
      "memberships": [{"ensemble", "instrument", "section", "start_date", "end_date",
                       "end_reason", "end_note"}],
      "signups": [{"event", "event_kind", "dates": [...], "answer", "lunch", "note",
                   "not_coming": [dates skipped], "updated_at"}],
      "attendance": [{"event", "date", "status", "note", "recorded_at"}],
      "volunteer_duties": [{"guardian", "event", "date", "task", "lunch", "note"}],
      "consents": [{"kind", "given_by": "guardian" | "self" | null, "guardian": str | null,
                    "given_on", "withdrawn_on", "text_version"}],   (latest given first)
      "audit_entries": [{"at", "actor", "action", "table", "fields": [...], "what"}]
                                                                    (newest first)
    }

A field the register has no value for is ``null``; a list it has nothing in is ``[]``. Any
column added to the persons table later appears in "person" by itself.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus import clock
from vrus.audit import history, record
from vrus.consents import person_consents
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.db.enums import AuditAction
from vrus.db.models import (
    Allergy,
    Attendance,
    Ensemble,
    Event,
    EventDay,
    Guardian,
    Instrument,
    Membership,
    Person,
    PersonDiet,
    PersonGuardian,
    PersonInstrument,
    SignUp,
    SignUpAbsence,
    VolunteerDuty,
)
from vrus.errors import VrusError, not_in_register
from vrus.private_files import check_target, write_private_file
from vrus.texts import translate
from vrus.validation import ValidationError

DOCUMENT = "vrus-access-export"
FORMAT_VERSION = 1
CONTROLLER = "Vestregionens Ungdomssymfonikere"
FORMATS = {".json": "json", ".pdf": "pdf"}
# Person columns that say nothing about the person: the edit counter, and the erasure mark
# (an erased person is refused before anything is collected). The municipality and the
# culture school are given by name, not by their ids (``_person``).
_INTERNAL_COLUMNS = {"version", "erased_at"}

Document = dict[str, Any]


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC).isoformat()  # stored timestamps are UTC
    return value.isoformat()


def _plain(value: Any) -> Any:
    return _iso(value) if isinstance(value, dt.date) else value


def _person(person: Person) -> Document:
    fields: Document = {}
    for column in Person.__table__.columns:
        if column.key in _INTERNAL_COLUMNS:
            continue
        if column.key == "municipality_id":
            municipality = person.municipality
            fields["municipality"] = (
                {"number": municipality.number, "name": municipality.name}
                if municipality is not None
                else None
            )
        elif column.key == "culture_school_id":
            school = person.culture_school
            fields["culture_school"] = school.name if school is not None else None
        else:
            fields[column.key] = _plain(getattr(person, column.key))
    return fields


def _instruments(session: Session, person_id: int) -> list[Document]:
    rows = session.execute(
        select(Instrument.name_nb, Instrument.name_en, PersonInstrument.is_main)
        .join(Instrument, Instrument.id == PersonInstrument.instrument_id)
        .where(PersonInstrument.person_id == person_id)
        .order_by(PersonInstrument.is_main.desc(), Instrument.sort_order, Instrument.id)
    )
    return [{"name": nb, "name_en": en, "main": bool(main)} for nb, en, main in rows]


def _diets(session: Session, person_id: int) -> list[str]:
    return list(
        session.scalars(
            select(PersonDiet.diet)
            .where(PersonDiet.person_id == person_id)
            .order_by(PersonDiet.diet)
        )
    )


def _allergies(session: Session, person_id: int) -> list[Document]:
    allergies = session.scalars(
        select(Allergy).where(Allergy.person_id == person_id).order_by(Allergy.id)
    )
    return [{"allergen": a.allergen, "severity": a.severity, "note": a.note} for a in allergies]


def _guardian_rows(session: Session, person_id: int) -> list[tuple[Guardian, str | None]]:
    rows = session.execute(
        select(Guardian, PersonGuardian.relation)
        .join(PersonGuardian, PersonGuardian.guardian_id == Guardian.id)
        .where(PersonGuardian.person_id == person_id)
        .order_by(PersonGuardian.sort_order, Guardian.id)
    )
    return [(guardian, relation) for guardian, relation in rows]


def _guardians(rows: list[tuple[Guardian, str | None]]) -> list[Document]:
    # Deliberately not the guardian's other children (art. 15(4)).
    return [
        {
            "first_name": guardian.first_name,
            "last_name": guardian.last_name,
            "phone": guardian.phone,
            "email": guardian.email,
            "relation": relation,
        }
        for guardian, relation in rows
    ]


def _memberships(session: Session, person_id: int) -> list[Document]:
    rows = session.execute(
        select(Membership, Ensemble.name, Instrument.name_nb)
        .join(Ensemble, Ensemble.id == Membership.ensemble_id)
        .outerjoin(Instrument, Instrument.id == Membership.instrument_id)
        .where(Membership.person_id == person_id)
        .order_by(Membership.start_date, Membership.id)
    )
    return [
        {
            "ensemble": ensemble,
            "instrument": instrument,
            "section": membership.section,
            "start_date": _iso(membership.start_date),
            "end_date": _iso(membership.end_date),
            "end_reason": membership.end_reason,
            "end_note": membership.end_note,
        }
        for membership, ensemble, instrument in rows
    ]


def _event_dates(session: Session, event_ids: set[int]) -> dict[int, list[dt.date]]:
    dates: dict[int, list[dt.date]] = {}
    if event_ids:
        for event_id, day in session.execute(
            select(EventDay.event_id, EventDay.date)
            .where(EventDay.event_id.in_(event_ids))
            .order_by(EventDay.date)
        ):
            dates.setdefault(event_id, []).append(day)
    return dates


def _signups(session: Session, person_id: int) -> list[Document]:
    rows = session.execute(
        select(SignUp, Event.title, Event.kind)
        .join(Event, Event.id == SignUp.event_id)
        .where(SignUp.person_id == person_id)
    ).all()
    dates = _event_dates(session, {signup.event_id for signup, _, _ in rows})
    skipped: dict[int, list[dt.date]] = {}
    for signup_id, day in session.execute(
        select(SignUpAbsence.signup_id, EventDay.date)
        .join(EventDay, EventDay.id == SignUpAbsence.event_day_id)
        .where(SignUpAbsence.signup_id.in_([signup.id for signup, _, _ in rows]))
        .order_by(EventDay.date)
    ):
        skipped.setdefault(signup_id, []).append(day)
    found = [
        (
            dates.get(signup.event_id, []),
            signup.id,
            {
                "event": title,
                "event_kind": kind,
                "dates": [_iso(day) for day in dates.get(signup.event_id, [])],
                "answer": signup.attending,
                "lunch": bool(signup.wants_lunch),
                "note": signup.note,
                "not_coming": [_iso(day) for day in skipped.get(signup.id, [])],
                "updated_at": _iso(signup.updated_at),
            },
        )
        for signup, title, kind in rows
    ]
    found.sort(key=lambda item: (item[0][:1], item[1]))
    return [document for _, _, document in found]


def _attendance(session: Session, person_id: int) -> list[Document]:
    rows = session.execute(
        select(Attendance, EventDay.date, Event.title)
        .join(EventDay, EventDay.id == Attendance.event_day_id)
        .join(Event, Event.id == EventDay.event_id)
        .where(Attendance.person_id == person_id)
        .order_by(EventDay.date, Attendance.id)
    )
    return [
        {
            "event": title,
            "date": _iso(day),
            "status": attendance.status,
            "note": attendance.note,
            "recorded_at": _iso(attendance.recorded_at),
        }
        for attendance, day, title in rows
    ]


def _duties(session: Session, guardians: list[tuple[Guardian, str | None]]) -> list[Document]:
    names = {guardian.id: guardian.full_name for guardian, _ in guardians}
    if not names:
        return []
    rows = session.execute(
        select(VolunteerDuty, EventDay.date, Event.title)
        .join(EventDay, EventDay.id == VolunteerDuty.event_day_id)
        .join(Event, Event.id == EventDay.event_id)
        .where(VolunteerDuty.guardian_id.in_(names))
        .order_by(EventDay.date, VolunteerDuty.task, VolunteerDuty.id)
    )
    return [
        {
            "guardian": names[duty.guardian_id],
            "event": title,
            "date": _iso(day),
            "task": duty.task,
            "lunch": bool(duty.wants_lunch),
            "note": duty.note,
        }
        for duty, day, title in rows
    ]


def _consents(session: Session, person_id: int) -> list[Document]:
    found = []
    for consent in person_consents(session, person_id):
        guardian = consent.given_by_guardian
        given_by = "guardian" if guardian is not None else "self" if consent.given_by_self else None
        found.append(
            {
                "kind": consent.kind.value,
                "given_by": given_by,
                "guardian": guardian,
                "given_on": _iso(consent.given_on),
                "withdrawn_on": _iso(consent.withdrawn_on),
                "text_version": consent.text_version,
            }
        )
    return found


def _audit_entries(session: Session, person_id: int) -> list[Document]:
    return [
        {
            "at": _iso(entry.at),
            "actor": entry.actor,
            "action": entry.action,
            "table": entry.table_name,
            "fields": list(entry.fields),
            "what": entry.what,
        }
        for entry in history(session, person_id)
    ]


def _get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id) if isinstance(person_id, int) else None
    if person is None:
        raise not_in_register("person", person_id)
    if person.erased_at is not None:
        raise VrusError(
            translate(
                "Core", "person {id} was erased on {date}: the register holds nothing about them"
            ).format(id=str(person_id), date=format_date(clock.local_date(person.erased_at)))
        )
    return person


def access_document(session: Session, person_id: int, now: dt.datetime | None = None) -> Document:
    """Everything the register holds about the person, as the JSON document described in the
    module. An unknown or erased person is refused."""
    person = _get_person(session, person_id)
    made = now or clock.utc_now()
    guardians = _guardian_rows(session, person_id)
    return {
        "document": DOCUMENT,
        "version": FORMAT_VERSION,
        "controller": CONTROLLER,
        "made_on": _iso(clock.local_date(made)),
        "made_at": _iso(made),
        "person": _person(person),
        "instruments": _instruments(session, person_id),
        "diets": _diets(session, person_id),
        "allergies": _allergies(session, person_id),
        "guardians": _guardians(guardians),
        "memberships": _memberships(session, person_id),
        "signups": _signups(session, person_id),
        "attendance": _attendance(session, person_id),
        "volunteer_duties": _duties(session, guardians),
        "consents": _consents(session, person_id),
        "audit_entries": _audit_entries(session, person_id),
    }


def access_json(document: Document) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_format(path: str | os.PathLike[str]) -> str:
    """'json' or 'pdf', from the file's ending; anything else is refused in one line."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValidationError(
            "output",
            translate("Core", "{file}: give the file a name ending in {suffixes}").format(
                file=Path(path).name, suffixes=", ".join(FORMATS)
            ),
        )
    return fmt


def export_access(
    db: Database, person_id: int, path: str | os.PathLike[str], *, language: str = "nb"
) -> Path:
    """Write the access export of one person to ``path`` (.json or .pdf, owner-only) and
    record it in the audit trail; returns the absolute path written.

    One transaction: the audit entry is saved only when the file was written."""
    fmt = export_format(path)
    target = check_target(path)  # before reading the register: a wrong name fails at once
    with db.transaction() as session:
        document = access_document(session, person_id)
        record(session, AuditAction.EXPORT, what="access export", person_ids=[person_id])
        if fmt == "pdf":
            from vrus.printing.access_request import access_request_pdf

            data = access_request_pdf(document, language=language)
        else:
            data = access_json(document)
        return write_private_file(target, data)
