"""One event as the editor loads it, and the editor's choices."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.attendance import record_attendance
from vrus.db.models import Ensemble, EventDay, Organisation
from vrus.errors import VrusError
from vrus.event_details import event_details, planning_choices, signups_count
from vrus.events import create_event, set_event_days
from vrus.signups import set_signup

D = dt.date


def _ids(db, model, column, *values):
    with db.sessions() as session:
        return [session.scalars(select(model.id).where(column == v)).one() for v in values]


def test_details_of_an_event(db) -> None:
    ungdom, junior = _ids(db, Ensemble, Ensemble.short_name, "ungdom", "junior")
    [dextra] = _ids(db, Organisation, Organisation.name, "Dextra Musica")
    event_id = create_event(
        db,
        kind="iris",
        iris_type="mesterklasse",
        title="Mesterklasse",
        start=D(2014, 10, 31),
        venue="Sandvika",
        description="Fiolin",
        ensemble_ids=[junior, ungdom],
        partner_ids=[(dextra, "Lærere")],
    )
    set_event_days(
        db, event_id, [(D(2014, 11, 1), "10:00", "15:00"), (D(2014, 10, 31), None, None)]
    )
    with db.sessions() as session:
        details = event_details(session, event_id)
    assert (
        details.kind,
        details.iris_type,
        details.title,
        details.venue,
        details.description,
        details.audience_count,
    ) == ("iris", "mesterklasse", "Mesterklasse", "Sandvika", "Fiolin", None)
    assert [(d.date, d.start_time) for d in details.days] == [
        (D(2014, 10, 31), None),
        (D(2014, 11, 1), dt.time(10)),
    ]
    assert details.ensemble_ids == {ungdom, junior}
    assert details.partners == ((dextra, "Lærere"),)
    assert details.kept_days == frozenset()


def test_days_with_attendance_are_kept(db) -> None:
    event_id = create_event(db, kind="seminar", title="Helgeseminar", start=D(2014, 2, 8), days=2)
    person = add_person(db, "Åsmund", "Ødegård")
    with db.sessions() as session:
        sunday = session.scalars(
            select(EventDay.id).where(EventDay.event_id == event_id, EventDay.date == D(2014, 2, 9))
        ).one()
    record_attendance(db, sunday, person, "present")
    set_signup(db, event_id, person, attending="yes")
    with db.sessions() as session:
        assert event_details(session, event_id).kept_days == {D(2014, 2, 9)}
        assert signups_count(session, event_id) == 1


def test_unknown_event(db) -> None:
    with db.sessions() as session, pytest.raises(VrusError):
        event_details(session, 999)


def test_choices_in_ensemble_and_norwegian_order(db) -> None:
    with db.sessions() as session:
        choices = planning_choices(session)
    assert [c.name for c in choices.ensembles] == [
        "Ungdomssymfonikerne",
        "Juniorsymfonikerne",
        "Aspiranter",
    ]
    names = [c.name for c in choices.organisations]
    assert names.index("Asker kulturskole") < names.index("Øvre Eiker kulturskole")
    assert names[-1] == "Øvre Eiker kulturskole"
    assert {c.kind for c in choices.organisations if c.name == "Dextra Musica"} == {"partner"}
