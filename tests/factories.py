"""Small builders for tests that need a few rows of register data."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from vrus.db.engine import Database
from vrus.db.models import Attendance, Event, EventDay, Municipality, Person, Season


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
