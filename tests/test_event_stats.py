"""Season statistics against numbers worked out by hand.

The season (until 30.06.2014):
- Seminar 1, Sat 18.01 + Sun 19.01, invites the orchestra: Anna, Bjørn, Dina (Dina leaves
  31.01). Attendance: Sat Anna present, Bjørn absent, Dina present; Sun Anna present, Bjørn
  excused, Dina present.
- Seminar 2, Sat 08.02 + Sun 09.02, invites orchestra and juniors: Anna, Bjørn, Carl (Dina
  has left; Eva is archived). Sat Anna, Bjørn, Carl present; Sun Anna absent, Bjørn present,
  Carl not recorded.
- Concert 15.03, invites the juniors: Carl. Carl present, and Anna came along (extra).
- Seminar 3, 05.04: nothing recorded yet, so not a counted day.
- Seminar 4, 06.12: after ``until``.

Rates (present / invited counted days): Anna 3/4, Bjørn 2/4 (1 excused), Carl 2/3 (the
unrecorded Sunday counts as not present), Dina 2/2; Anna has 1 extra day.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.attendance import record_attendance
from vrus.db.models import Ensemble, Event, Municipality, Person
from vrus.event_stats import attendance_rates, participation_by_municipality, turnout
from vrus.events import create_event
from vrus.memberships import end_membership, start_membership
from vrus.persons import archive_person
from vrus.reports.attendance import attendance_report, season_attendance
from vrus.reports.language import Translator
from vrus.reports.output import render_text

D = dt.date
UNTIL = D(2014, 6, 30)


def _ensemble(db, short: str) -> int:
    with db.transaction() as session:
        return session.scalars(select(Ensemble.id).where(Ensemble.short_name == short)).one()


def _member(db, first: str, short: str, municipality: str | None) -> int:
    pid = add_person(db, first, "Hansen")
    with db.transaction() as session:
        person = session.get(Person, pid)
        person.municipality_id = (
            None
            if municipality is None
            else session.scalars(
                select(Municipality.id).where(Municipality.number == municipality)
            ).one()
        )
    start_membership(db, pid, _ensemble(db, short), None, D(2013, 8, 15))
    return pid


def _event(db, kind: str, start: dt.date, days: int, *ensembles: str) -> list[int]:
    event_id = create_event(
        db,
        kind=kind,
        title=f"{kind} {start:%d.%m}",
        start=start,
        days=days,
        ensemble_ids=[_ensemble(db, e) for e in ensembles],
    )
    with db.transaction() as session:
        return [d.id for d in session.get(Event, event_id).days]


@pytest.fixture
def season(db) -> dict[str, int]:
    anna = _member(db, "Anna", "ungdom", "0220")  # Asker 2014
    bjorn = _member(db, "Bjørn", "ungdom", "0627")  # Røyken, merged into Asker in 2020
    carl = _member(db, "Carl", "junior", "0219")  # Bærum
    dina = _member(db, "Dina", "ungdom", None)
    with db.transaction() as session:
        dina_membership = session.get(Person, dina).memberships[0].id
    end_membership(db, dina_membership, D(2014, 1, 31), "aged_out")
    eva = _member(db, "Eva", "ungdom", "0220")
    archive_person(db, eva)
    s1 = _event(db, "seminar", D(2014, 1, 18), 2, "ungdom")
    s2 = _event(db, "seminar", D(2014, 2, 8), 2, "ungdom", "junior")
    (concert,) = _event(db, "concert", D(2014, 3, 15), 1, "junior")
    _event(db, "seminar", D(2014, 4, 5), 1, "ungdom")
    (december,) = _event(db, "seminar", D(2014, 12, 6), 1, "ungdom")
    for day, pid, status in [
        (s1[0], anna, "present"),
        (s1[0], bjorn, "absent"),
        (s1[0], dina, "present"),
        (s1[1], anna, "present"),
        (s1[1], bjorn, "excused"),
        (s1[1], dina, "present"),
        (s2[0], anna, "present"),
        (s2[0], bjorn, "present"),
        (s2[0], carl, "present"),
        (s2[1], anna, "absent"),
        (s2[1], bjorn, "present"),
        (concert, carl, "present"),
        (concert, anna, "present"),
        (december, bjorn, "present"),
    ]:
        record_attendance(db, day, pid, status)
    return {
        "anna": anna,
        "bjorn": bjorn,
        "carl": carl,
        "dina": dina,
        "eva": eva,
        "s1_sat": s1[0],
        "s2_sun": s2[1],
        "concert": concert,
    }


def test_attendance_rate_per_member(db, season) -> None:
    with db.transaction() as session:
        rates = {r.person_id: r for r in attendance_rates(session, 2014, until=UNTIL)}
    name = {season[key]: key for key in ("anna", "bjorn", "carl", "dina", "eva")}
    got = {
        name[pid]: (r.invited_days, r.present_days, r.excused_days, r.extra_days, r.rate)
        for pid, r in rates.items()
    }
    assert got == {
        "anna": (4, 3, 0, 1, 0.75),
        "bjorn": (4, 2, 1, 0, 0.5),
        "carl": (3, 2, 0, 0, pytest.approx(2 / 3)),
        "dina": (2, 2, 0, 0, 1.0),
    }
    assert rates[season["carl"]].ensemble == "Juniorsymfonikerne"
    assert rates[season["dina"]].ensemble is None  # no longer a member at the end


def test_until_limits_the_counted_days(db, season) -> None:
    with db.transaction() as session:
        rates = {r.person_id: r for r in attendance_rates(session, 2014, until=D(2014, 1, 18))}
        assert attendance_rates(session, 2013, until=UNTIL) == []
        everything = {
            r.person_id: r for r in attendance_rates(session, 2014, until=D(2014, 12, 31))
        }
    assert (rates[season["anna"]].invited_days, rates[season["anna"]].rate) == (1, 1.0)
    assert rates[season["bjorn"]].rate == 0.0
    # December counts once it has passed: Bjørn 3 of 5.
    assert (everything[season["bjorn"]].present_days, everything[season["bjorn"]].invited_days) == (
        3,
        5,
    )


def test_turnout_per_day(db, season) -> None:
    with db.transaction() as session:
        rows = turnout(session, 2014, until=UNTIL)
    assert [(r.date, r.invited, r.present, r.present_invited, r.unannounced) for r in rows] == [
        (D(2014, 1, 18), 3, 2, 2, 0),
        (D(2014, 1, 19), 3, 2, 2, 0),
        (D(2014, 2, 8), 3, 3, 3, 0),
        (D(2014, 2, 9), 3, 1, 1, 0),
        (D(2014, 3, 15), 1, 2, 1, 1),
    ]
    assert [r.share for r in rows] == [
        pytest.approx(2 / 3),
        pytest.approx(2 / 3),
        1.0,
        pytest.approx(1 / 3),
        1.0,
    ]
    assert rows[-1].kind == "concert" and rows[0].day_id == season["s1_sat"]


def test_participation_per_municipality(db, season) -> None:
    with db.transaction() as session:
        in_season = participation_by_municipality(session, 2014, until=UNTIL)
        today = participation_by_municipality(session, 2014, until=UNTIL, todays_terms=True)
    assert [(r.name, r.persons, r.in_region) for r in in_season] == [
        ("Asker", 1, True),
        ("Bærum", 1, True),
        ("Røyken", 1, True),
        (None, 1, False),
    ]
    assert [(r.name, r.persons) for r in today] == [("Asker", 2), ("Bærum", 1), (None, 1)]
    with db.transaction() as session:
        asker_now = session.get(Municipality, today[0].municipality_id)
        assert asker_now.number == "3203"


def test_a_season_without_events_has_empty_statistics(db) -> None:
    add_person(db, "Åse", "Lie")
    with db.transaction() as session:
        assert attendance_rates(session, 2014) == []
        assert turnout(session, 2014) == []
        assert participation_by_municipality(session, 2014) == []


def test_a_municipality_merged_since_counts_under_todays_successor(db, season) -> None:
    """Anna registered under Hurum (as a 2014 list says it): herself in 2014, and with
    Bjørn (Røyken) under today's Asker in today's terms, as the coverage report counts."""
    with db.transaction() as session:
        session.get(Person, season["anna"]).municipality_id = session.scalars(
            select(Municipality.id).where(Municipality.number == "0628")
        ).one()
    with db.transaction() as session:
        in_season = participation_by_municipality(session, 2014, until=UNTIL)
        today = participation_by_municipality(session, 2014, until=UNTIL, todays_terms=True)
    assert [(r.name, r.persons) for r in in_season] == [
        ("Bærum", 1),
        ("Hurum", 1),
        ("Røyken", 1),
        (None, 1),
    ]
    assert [(r.name, r.persons) for r in today] == [("Asker", 2), ("Bærum", 1), (None, 1)]


def _register_anna(db, season, number: str, postal_code: str | None) -> None:
    with db.transaction() as session:
        anna = session.get(Person, season["anna"])
        anna.municipality_id = session.scalars(
            select(Municipality.id).where(Municipality.number == number)
        ).one()
        anna.postal_code = postal_code


def test_a_later_municipality_is_placed_in_the_season_as_the_coverage_report_does(
    db, season
) -> None:
    """Anna registered under today's Asker (3203) in the 2014 attendance: by her postal code
    where it decides; without one she is listed as not placeable, never dropped."""
    _register_anna(db, season, "3203", "3440")  # Røyken's postal code
    with db.transaction() as session:
        rows = participation_by_municipality(session, 2014, until=UNTIL)
    assert [(r.name, r.persons, r.placed) for r in rows] == [
        ("Bærum", 1, True),
        ("Røyken", 2, True),
        (None, 1, True),
    ]

    _register_anna(db, season, "3203", None)
    with db.transaction() as session:
        rows = participation_by_municipality(session, 2014, until=UNTIL)
    assert [(r.name, r.number, r.persons, r.placed, r.in_region) for r in rows] == [
        ("Bærum", "0219", 1, True, True),
        ("Røyken", "0627", 1, True, True),
        ("Asker", "3203", 1, False, False),
        (None, None, 1, True, False),
    ]
    with db.sessions() as session:
        report = attendance_report(season_attendance(session, 2014, today=UNTIL))
    text = render_text(report, Translator("en"))
    assert "Asker (3203): cannot be placed among the municipalities of 2014" in text
    assert "Municipalities as they were in 2014" in text
