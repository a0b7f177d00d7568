"""Members, events and a shown Events page for the season-planning window tests."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.factories import add_person
from vrus.db.engine import Database
from vrus.db.models import Attendance, Ensemble, Event, Instrument, SignUp
from vrus.memberships import start_membership
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.events.events_page import EventsPage

TODAY = dt.date(2014, 11, 26)
JOINED = dt.date(2013, 8, 15)

# (first, last, ensemble short name, instrument in English), in no particular order: the
# grid must put them in ensemble, section and Norwegian surname order.
ORCHESTRA = (
    ("Åsmund", "Ødegård", "ungdom", "Cello"),
    ("Ingrid", "Aas", "ungdom", "Violin"),
    ("Zoë", "Nguyễn", "ungdom", "Flute"),
    ("Łukasz", "Wiśniewski", "ungdom", "Violin"),
    ("Mari", "Berg-Hansen", "junior", "Violin"),
)


def ensemble_id(db: Database, short: str) -> int:
    with db.transaction() as session:
        return session.scalars(select(Ensemble.id).where(Ensemble.short_name == short)).one()


def add_orchestra(db: Database) -> dict[str, int]:
    """The members above; returns their ids by surname."""
    ids = {}
    for first, last, short, instrument in ORCHESTRA:
        person = add_person(db, first, last)
        with db.transaction() as session:
            instrument_id = session.scalars(
                select(Instrument.id).where(Instrument.name_en == instrument)
            ).one()
        start_membership(db, person, ensemble_id(db, short), instrument_id, JOINED)
        ids[last] = person
    return ids


def signups_of(db: Database, event_id: int) -> dict[int, tuple[str, bool]]:
    with db.transaction() as session:
        return {
            s.person_id: (s.attending, s.wants_lunch)
            for s in session.scalars(select(SignUp).where(SignUp.event_id == event_id))
        }


def attendance_of(db: Database, day_id: int) -> dict[int, str]:
    with db.transaction() as session:
        return {
            a.person_id: a.status
            for a in session.scalars(select(Attendance).where(Attendance.event_day_id == day_id))
        }


def day_ids(db: Database, event_id: int) -> list[int]:
    with db.transaction() as session:
        return [d.id for d in sorted(session.get(Event, event_id).days, key=lambda d: d.date)]


def build_page(qtbot, db: Database, today: dt.date = TODAY) -> EventsPage:
    """A shown Events page on its own, with ``today`` fixed (and so the default season)."""
    changes = RegisterChanges()
    page = EventsPage(db, changes, title="Events", today=lambda: today)
    changes.setParent(page)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    return page
