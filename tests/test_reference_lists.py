"""The reference lists the Settings tables and the choice lists read, and mailing events."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.factories import add_person
from vrus.contacts import events_with_signups, signed_up_person_ids
from vrus.db.models import Event, EventDay, Season, SignUp
from vrus.reference import (
    ensembles,
    instruments,
    municipalities,
    organisations,
    save_organisation,
    update_ensemble_limits,
)


def test_municipalities_in_norwegian_order_and_valid_on_a_day(db) -> None:
    with db.sessions() as session:
        every = municipalities(session)
        today = municipalities(session, dt.date(2026, 1, 1))
        old = municipalities(session, dt.date(2014, 1, 1))
    names = [m.name for m in today]
    assert names == sorted(names, key=lambda n: (n.startswith("Ø"), n))  # Øvre Eiker last
    assert "Røyken" not in names and "Røyken" in [m.name for m in old]
    assert len(every) > len(today)
    asker = [m for m in every if m.name == "Asker"]
    assert [m.number for m in asker] == ["0220", "3025", "3203"]  # oldest first


def test_instruments_ensembles_organisations(db) -> None:
    with db.sessions() as session:
        found = instruments(session)
        groups = ensembles(session)
    assert [i.name_nb for i in found[:2]] == ["Fiolin", "Bratsj"]
    assert found[1].hard_to_recruit and found[1].section == "strings"
    assert [(e.name, e.min_age, e.max_age, e.next_ensemble) for e in groups] == [
        ("Ungdomssymfonikerne", 13, 18, None),
        ("Juniorsymfonikerne", 8, 13, "Ungdomssymfonikerne"),
        ("Aspiranter", None, None, "Juniorsymfonikerne"),
    ]
    update_ensemble_limits(db, groups[0].id, 12, 19)
    new = save_organisation(db, None, name="Ås kulturskole", kind="culture_school")
    with db.sessions() as session:
        assert ensembles(session)[0].min_age == 12
        schools = organisations(session, "culture_school")
        everyone = organisations(session)
    assert schools[-1].id == new  # Å sorts last
    assert all(o.kind == "culture_school" for o in schools)
    assert len(everyone) > len(schools)


def test_events_with_signups_latest_first(db) -> None:
    a = add_person(db, "Zoë", "Lie")
    b = add_person(db, "Åsmund", "Lie")
    with db.transaction() as session:
        season = Season(name="2026", start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31))
        first = Event(season=season, kind="seminar", title="Helgeseminar 1")
        second = Event(season=season, kind="concert", title="Konsert i Jar kirke")
        nobody = Event(season=season, kind="seminar", title="Helgeseminar 2")
        session.add_all(
            [
                season,
                first,
                second,
                nobody,
                EventDay(event=first, date=dt.date(2026, 2, 7)),
                EventDay(event=second, date=dt.date(2026, 5, 3)),
                EventDay(event=nobody, date=dt.date(2026, 9, 5)),
            ]
        )
        session.flush()
        session.add_all(
            [
                SignUp(event_id=first.id, person_id=a, attending="yes"),
                SignUp(event_id=first.id, person_id=b, attending="no"),
                SignUp(event_id=second.id, person_id=a, attending="yes"),
                SignUp(event_id=second.id, person_id=b, attending="yes"),
                SignUp(event_id=nobody.id, person_id=b, attending="unknown"),
            ]
        )
    with db.sessions() as session:
        found = events_with_signups(session)
        assert [(e.title, e.first_day, e.signed_up) for e in found] == [
            ("Konsert i Jar kirke", dt.date(2026, 5, 3), 2),
            ("Helgeseminar 1", dt.date(2026, 2, 7), 1),
        ]
        first_id = session.scalars(select(Event.id).where(Event.title == "Helgeseminar 1")).one()
        assert signed_up_person_ids(session, first_id) == [a]
