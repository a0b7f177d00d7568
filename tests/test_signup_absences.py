"""Migration 0009's core: cancelled events, an event's change stamp and version (the season
calendar's SEQUENCE), and the days a signed-up person skips (a web form's per-day answers)
in the lunch counts, the sign-up sheet and the access export."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.factories import add_person
from vrus.access_export import access_document
from vrus.db.models import Ensemble, Event, Instrument, SignUp, SignUpAbsence
from vrus.events import create_event, set_cancelled, set_event_days, update_event
from vrus.lunch import lunch_plan
from vrus.memberships import start_membership
from vrus.signups import set_signup, signup_sheet

D = dt.date
FIRST_DAY = D(2027, 3, 6)  # a Saturday
BEFORE_DEADLINE = D(2027, 2, 1)


def _id(db, model, **where) -> int:
    with db.transaction() as session:
        query = select(model.id)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return session.scalars(query).one()


def _member(db, first: str, last: str) -> int:
    pid = add_person(db, first, last)
    start_membership(
        db,
        pid,
        _id(db, Ensemble, short_name="ungdom"),
        _id(db, Instrument, name_en="Violin"),
        D(2026, 8, 1),
    )
    return pid


def _seminar(db) -> int:
    return create_event(
        db,
        kind="seminar",
        title="Vårseminar",
        start=FIRST_DAY,
        days=2,
        ensemble_ids=[_id(db, Ensemble, short_name="ungdom")],
        start_time=dt.time(10),
        end_time=dt.time(16),
    )


def _stamp(db, event_id: int) -> tuple[int, dt.datetime | None, bool]:
    with db.transaction() as session:
        event = session.get(Event, event_id)
        return event.version, event.changed_at, event.cancelled


def _skip(db, event_id: int, person_id: int, day_index: int) -> None:
    with db.transaction() as session:
        event = session.get(Event, event_id)
        signup = session.scalars(
            select(SignUp).where(SignUp.event_id == event_id, SignUp.person_id == person_id)
        ).one()
        day = sorted(event.days, key=lambda d: d.date)[day_index]
        signup.absences.append(SignUpAbsence(event_day_id=day.id))


def _lunches(db, event_id: int) -> list[int]:
    with db.transaction() as session:
        plan = lunch_plan(session, event_id, today=BEFORE_DEADLINE)
        return [day.count.member_total for day in plan.days]


def test_cancelling_keeps_the_event_and_raises_its_version(db) -> None:
    event_id = _seminar(db)
    version, changed, cancelled = _stamp(db, event_id)
    assert (changed, cancelled) == (None, False)
    set_cancelled(db, event_id, True)
    after, stamp, cancelled = _stamp(db, event_id)
    assert cancelled and after > version and stamp is not None
    set_cancelled(db, event_id, True)  # nothing to change: nothing written
    assert _stamp(db, event_id)[0] == after
    set_cancelled(db, event_id, False)
    assert _stamp(db, event_id)[0] > after and not _stamp(db, event_id)[2]


def test_changing_the_event_or_its_days_raises_its_version(db) -> None:
    event_id = _seminar(db)
    start = _stamp(db, event_id)[0]
    update_event(db, event_id, title="Vårseminar")  # the same title: no change
    assert _stamp(db, event_id)[0] == start
    update_event(db, event_id, venue="Asker kulturskole")
    venue = _stamp(db, event_id)[0]
    assert venue > start
    set_event_days(
        db,
        event_id,
        [
            (FIRST_DAY, dt.time(10), dt.time(16)),
            (FIRST_DAY + dt.timedelta(1), dt.time(11), dt.time(15)),
        ],
    )
    assert _stamp(db, event_id)[0] > venue and _stamp(db, event_id)[1] is not None


def test_a_skipped_day_leaves_the_person_out_of_that_days_lunch(db) -> None:
    event_id = _seminar(db)
    anna, bjorn = _member(db, "Anna", "Berg"), _member(db, "Bjørn", "Dahl")
    for pid in (anna, bjorn):
        set_signup(db, event_id, pid, attending="yes", wants_lunch=True)
    assert _lunches(db, event_id) == [2, 2]
    _skip(db, event_id, bjorn, 1)
    assert _lunches(db, event_id) == [2, 1]
    with db.transaction() as session:
        rows = {row.person_id: row for row in signup_sheet(session, event_id)}
        sunday = sorted(session.get(Event, event_id).days, key=lambda d: d.date)[1].id
    assert rows[bjorn].absent_days == {sunday} and rows[anna].absent_days == frozenset()
    with db.transaction() as session:
        exported = access_document(session, bjorn)["signups"][0]
    assert exported["not_coming"] == ["2027-03-07"]


def test_an_answer_other_than_yes_drops_the_skipped_days(db) -> None:
    event_id = _seminar(db)
    anna = _member(db, "Anna", "Berg")
    set_signup(db, event_id, anna, attending="yes", wants_lunch=True)
    _skip(db, event_id, anna, 0)
    assert set_signup(db, event_id, anna, attending="no")
    with db.transaction() as session:
        assert session.scalars(select(SignUpAbsence)).all() == []
    set_signup(db, event_id, anna, attending="yes")
    assert _lunches(db, event_id) == [1, 1]
