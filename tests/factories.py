"""Small builders for tests that need a few rows of register data."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from vrus.db.engine import Database
from vrus.db.models import (
    Attendance,
    Ensemble,
    Event,
    EventDay,
    Membership,
    Municipality,
    Person,
    Season,
)


def add_person(db: Database, first: str, last: str, born: dt.date | None = None) -> int:
    with db.transaction() as session:
        asker = session.scalars(select(Municipality).where(Municipality.number == "3203")).one()
        person = Person(
            first_name=first,
            last_name=last,
            birth_date=born or dt.date(2010, 5, 1),
            municipality_id=asker.id,
        )
        session.add(person)
        session.flush()
        return person.id


def add_event_with_attendance(db: Database) -> tuple[int, int]:
    person_id = add_person(db, "Åsmund", "Ødegård")
    with db.transaction() as session:
        season = Season(name="2026", start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31))
        event = Event(season=season, kind="seminar", title="Helgeseminar 1")
        day = EventDay(event=event, date=dt.date(2026, 2, 7))
        session.add_all([season, event, day])
        session.flush()
        session.add(Attendance(event_day_id=day.id, person_id=person_id, status="present"))
        return person_id, day.id


def add_member(
    db: Database,
    first: str,
    *stints: tuple[dt.date, dt.date | None],
    last: str = "Testesen",
    phone: str | None = "+4791234567",
    created: dt.datetime | None = None,
    municipality: str = "3203",
    postal_code: str | None = None,
) -> int:
    """A person born 17.05.2008 with a phone number and memberships of the orchestra
    (start, end); ``created`` sets when the register got the person."""
    with db.transaction() as session:
        person = Person(
            first_name=first,
            last_name=last,
            birth_date=dt.date(2008, 5, 17),
            phone=phone,
            postal_code=postal_code,
            municipality_id=session.scalars(
                select(Municipality.id).where(Municipality.number == municipality)
            ).one(),
        )
        if created is not None:
            person.created_at = created
        session.add(person)
        session.flush()
        orchestra = session.scalars(select(Ensemble.id).where(Ensemble.short_name == "ungdom"))
        ensemble_id = orchestra.one()
        for start, end in stints:
            session.add(
                Membership(
                    person_id=person.id, ensemble_id=ensemble_id, start_date=start, end_date=end
                )
            )
        return person.id


def add_attendance(db: Database, person_id: int, day: dt.date) -> None:
    """The person present at a one-day seminar on ``day`` (in a season of the year)."""
    with db.transaction() as session:
        season = session.scalars(select(Season).where(Season.name == str(day.year))).first()
        if season is None:
            season = Season(
                name=str(day.year),
                start_date=dt.date(day.year, 1, 1),
                end_date=dt.date(day.year, 12, 31),
            )
        event = Event(season=season, kind="seminar", title=f"Seminar {day.isoformat()}")
        event_day = EventDay(event=event, date=day)
        session.add_all([season, event, event_day])
        session.flush()
        session.add(Attendance(event_day_id=event_day.id, person_id=person_id, status="present"))


def phone_of(db: Database, person_id: int) -> str | None:
    with db.sessions() as session:
        return session.get(Person, person_id).phone
