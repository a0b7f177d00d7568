"""Guardians, memberships, events, sign-ups and attendance as tables, in Norwegian order.

Headers and values are in Norwegian whatever the window's language (the files are read by
people and by Excel, not translated); dates are real dates (dd.mm.yyyy). These tables are
for reading, sorting and filtering in Excel; only the member sheet is meant to be imported.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from vrus.collation import sort_key
from vrus.dates import format_with_weekday, weekday_name
from vrus.db.models import (
    Attendance,
    Ensemble,
    Event,
    EventDay,
    EventEnsemble,
    Guardian,
    Instrument,
    Membership,
    Person,
    PersonGuardian,
    SignUp,
)
from vrus.duties import format_phone
from vrus.erasure import guardian_not_anonymised
from vrus.exporting.files import Sheet
from vrus.exporting.members import HEADERS, NO, REASON_WORDS, RELATION_WORDS, YES

EVENT_KIND_WORDS = {
    "seminar": "helgeseminar",
    "iris": "IRIS",
    "concert": "konsert",
    "rehearsal": "øvelse",
    "masterclass": "mesterklasse",
}
IRIS_WORDS = {
    "superhelg": "superhelg",
    "inspirasjonskonsert": "inspirasjonskonsert",
    "samspilltreff": "samspilltreff",
    "gruppeovelse": "gruppeøvelse",
    "mesterklasse": "mesterklasse",
    "konsert": "konsert",
}
ANSWER_WORDS = {"yes": "ja", "no": "nei", "unknown": "ikke svart"}
STATUS_WORDS = {"present": "til stede", "absent": "fravær", "excused": "gyldig fravær"}


def _person_order(last: str, first: str, born: object, pid: int) -> tuple:
    return (sort_key(last), sort_key(first), str(born or "9999"), pid)


def guardian_sheet(session: Session) -> Sheet:
    """One row per guardian, with the children in the register: "Åse Ødegård (mor)"."""
    sheet = Sheet("Foresatte", ["Fornavn", "Etternavn", "Telefon", "E-post", "Barn"])
    guardians = session.scalars(
        select(Guardian)
        .options(selectinload(Guardian.child_links).joinedload(PersonGuardian.person))
        .where(guardian_not_anonymised())
    ).all()
    ordered = sorted(guardians, key=lambda g: _person_order(g.last_name, g.first_name, None, g.id))
    for guardian in ordered:
        links = sorted(
            guardian.child_links,
            key=lambda link: _person_order(
                link.person.last_name,
                link.person.first_name,
                link.person.birth_date,
                link.person_id,
            ),
        )
        children = "; ".join(
            f"{link.person.first_name} {link.person.last_name}"
            + (f" ({RELATION_WORDS.get(link.relation, link.relation)})" if link.relation else "")
            for link in links
        )
        sheet.rows.append(
            [
                guardian.first_name,
                guardian.last_name,
                format_phone(guardian.phone),
                guardian.email or "",
                children,
            ]
        )
    return sheet


def membership_sheet(session: Session) -> Sheet:
    """Every membership, past and present: the history the member sheet leaves out."""
    columns = (
        "first_name",
        "last_name",
        "birth_date",
        "ensemble",
        "instrument",
        "joined",
        "left",
        "end_reason",
    )
    sheet = Sheet("Medlemskap", [HEADERS[name] for name in columns])
    rows = session.execute(
        select(
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.birth_date,
            Ensemble.name,
            Instrument.name_nb,
            Membership.start_date,
            Membership.end_date,
            Membership.end_reason,
            Membership.end_note,
        )
        .join(Person, Person.id == Membership.person_id)
        .where(Person.erased_at.is_(None))
        .join(Ensemble, Ensemble.id == Membership.ensemble_id)
        .outerjoin(Instrument, Instrument.id == Membership.instrument_id)
    ).all()
    rows = sorted(rows, key=lambda r: (_person_order(r[2], r[1], r[3], r[0]), r[6]))
    for _pid, first, last, born, ensemble, instrument, start, end, reason, note in rows:
        word = REASON_WORDS.get(reason or "", reason or "")
        cause = f"{word}: {note}" if word and note else word or (note or "")
        sheet.rows.append([first, last, born, ensemble, instrument or "", start, end, cause])
    return sheet


def event_sheet(session: Session) -> Sheet:
    sheet = Sheet(
        "Arrangementer",
        [
            "Sesong",
            "Type",
            "Tittel",
            "Første dag",
            "Siste dag",
            "Dager",
            "Sted",
            "Inviterte",
            "Prosjekt",
            "IRIS-aktivitet",
            "Påmeldingsfrist",
            "Publikum",
            "Beskrivelse",
        ],
    )
    events = (
        session.scalars(
            select(Event).options(
                joinedload(Event.season),
                joinedload(Event.project),
                selectinload(Event.days),
                selectinload(Event.invited).joinedload(EventEnsemble.ensemble),
            )
        )
        .unique()
        .all()
    )

    def order(event: Event) -> tuple:
        first = event.days[0].date if event.days else None
        return (first is None, first or event.season.start_date, sort_key(event.title), event.id)

    for event in sorted(events, key=order):
        days = event.days
        invited = sorted(
            (link.ensemble for link in event.invited),
            key=lambda e: (e.sort_order, sort_key(e.name)),
        )
        sheet.rows.append(
            [
                event.season.name,
                EVENT_KIND_WORDS.get(event.kind, event.kind),
                event.title,
                days[0].date if days else None,
                days[-1].date if days else None,
                "; ".join(_day_text(day) for day in days),
                event.venue or "",
                ", ".join(e.name for e in invited),
                event.project.name if event.project else "",
                IRIS_WORDS.get(event.iris_type or "", event.iris_type or ""),
                event.signup_deadline,
                event.audience_count,
                event.description or "",
            ]
        )
    return sheet


def _day_text(day: EventDay) -> str:
    text = format_with_weekday(day.date)
    if day.start_time and day.end_time:
        return f"{text} {day.start_time:%H:%M}–{day.end_time:%H:%M}"
    if day.start_time:
        return f"{text} {day.start_time:%H:%M}"
    return text


def _first_days(session: Session) -> dict[int, dt.date]:
    return dict(
        session.execute(
            select(EventDay.event_id, func.min(EventDay.date)).group_by(EventDay.event_id)
        ).all()
    )


def signup_sheet(session: Session) -> Sheet:
    sheet = Sheet(
        "Påmeldinger",
        [
            "Arrangement",
            "Første dag",
            "Fornavn",
            "Etternavn",
            "Fødselsdato",
            "Svar",
            "Lunsj",
            "Merknad",
        ],
    )
    first_days = _first_days(session)
    rows = session.execute(
        select(
            Event.id,
            Event.title,
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.birth_date,
            SignUp.attending,
            SignUp.wants_lunch,
            SignUp.note,
        )
        .join(Event, Event.id == SignUp.event_id)
        .join(Person, Person.id == SignUp.person_id)
        .where(Person.erased_at.is_(None))
    ).all()

    def order(row: tuple) -> tuple:
        first = first_days.get(row[0])
        return (
            first is None,
            str(first),
            sort_key(row[1]),
            row[0],
            _person_order(row[4], row[3], row[5], row[2]),
        )

    for eid, title, _pid, first, last, born, attending, lunch, note in sorted(rows, key=order):
        sheet.rows.append(
            [
                title,
                first_days.get(eid),
                first,
                last,
                born,
                ANSWER_WORDS.get(attending, attending),
                YES if lunch else NO,
                note or "",
            ]
        )
    return sheet


def attendance_sheet(session: Session) -> Sheet:
    sheet = Sheet(
        "Oppmøte",
        [
            "Arrangement",
            "Dato",
            "Ukedag",
            "Fornavn",
            "Etternavn",
            "Fødselsdato",
            "Status",
            "Merknad",
        ],
    )
    rows = session.execute(
        select(
            EventDay.date,
            Event.title,
            Event.id,
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.birth_date,
            Attendance.status,
            Attendance.note,
        )
        .join(EventDay, EventDay.id == Attendance.event_day_id)
        .join(Event, Event.id == EventDay.event_id)
        .join(Person, Person.id == Attendance.person_id)
        .where(Person.erased_at.is_(None))
    ).all()
    rows = sorted(
        rows, key=lambda r: (r[0], sort_key(r[1]), r[2], _person_order(r[5], r[4], r[6], r[3]))
    )
    for day, title, _eid, _pid, first, last, born, status, note in rows:
        sheet.rows.append(
            [
                title,
                day,
                weekday_name(day),
                first,
                last,
                born,
                STATUS_WORDS.get(status, status),
                note or "",
            ]
        )
    return sheet
