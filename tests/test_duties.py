"""The friends' association's duty roster: assigning parents, families and fairness over a
season, and the warning for a seminar day with nobody on lunch duty."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.db.models import Ensemble, Event, Guardian, Instrument, PersonGuardian, VolunteerDuty
from vrus.duties import (
    RosterWarningCode,
    assign_duty,
    duties_on,
    format_phone,
    guardian_choices,
    season_roster,
    set_duty_lunch,
    unassign_duty,
)
from vrus.errors import VrusError
from vrus.events import create_event
from vrus.memberships import start_membership
from vrus.validation import ValidationError

D = dt.date


def _member(db, first: str, last: str) -> int:
    pid = add_person(db, first, last)
    with db.transaction() as session:
        ungdom = session.scalars(select(Ensemble.id).where(Ensemble.short_name == "ungdom")).one()
        violin = session.scalars(select(Instrument.id).where(Instrument.name_en == "Violin")).one()
    start_membership(db, pid, ungdom, violin, D(2025, 8, 1))
    return pid


def _guardian(db, first: str, last: str, *children: int, phone: str | None = None) -> int:
    with db.transaction() as session:
        guardian = Guardian(first_name=first, last_name=last, phone=phone)
        session.add(guardian)
        session.flush()
        session.add_all(PersonGuardian(person_id=c, guardian_id=guardian.id) for c in children)
        return guardian.id


def _days(db, title: str, start: dt.date, kind: str = "seminar", days: int = 2) -> list[int]:
    event_id = create_event(db, kind=kind, title=title, start=start, days=days)
    with db.transaction() as session:
        return sorted(d.id for d in session.get(Event, event_id).days)


@pytest.fixture
def families(db) -> dict[str, int]:
    """Siblings Åsmund and Åshild share their parents; Zoë has a mother and a step-father
    linked to her only; Minh's father has never been on duty."""
    asmund, ashild = _member(db, "Åsmund", "Ærøy"), _member(db, "Åshild", "Ærøy")
    zoe, minh = _member(db, "Zoë", "de Vries"), _member(db, "Minh", "Nguyễn")
    return {
        "birgitte": _guardian(db, "Birgitte", "Ærøy", asmund, ashild, phone="+4746935111"),
        "espen": _guardian(db, "Espen", "Ærøy", asmund, ashild),
        "ingunn": _guardian(db, "Ingunn", "de Vries", zoe),
        "per": _guardian(db, "Per", "Olsen", zoe),
        "tuan": _guardian(db, "Tuấn", "Nguyễn", minh),
    }


# --- editing ---------------------------------------------------------------------------------


def test_assign_and_unassign(db, families) -> None:
    day, _ = _days(db, "Helgeseminar 1", D(2026, 1, 17))
    duty = assign_duty(db, day, families["birgitte"], "lunch", note="Tar med suppe")
    with db.transaction() as session:
        (entry,) = duties_on(session, [day])[day]
    assert (entry.name, entry.phone, entry.task, entry.note, entry.children) == (
        "Birgitte Ærøy",
        "469 35 111",
        "lunch",
        "Tar med suppe",
        ("Åshild", "Åsmund"),
    )
    set_duty_lunch(db, duty, False)
    with db.transaction() as session:
        assert session.get(VolunteerDuty, duty).wants_lunch is False
    unassign_duty(db, duty)
    with db.transaction() as session:
        assert duties_on(session, [day]) == {}


def test_the_same_task_twice_is_refused_but_two_tasks_are_fine(db, families) -> None:
    day, _ = _days(db, "Helgeseminar 1", D(2026, 1, 17))
    assign_duty(db, day, families["per"], "lunch")
    assign_duty(db, day, families["per"], "coffee_fruit")
    with pytest.raises(ValidationError, match="already on lunch duty on Saturday 17.01.2026"):
        assign_duty(db, day, families["per"], "lunch")


def test_unknown_task_day_or_guardian_is_refused(db, families) -> None:
    day, _ = _days(db, "Helgeseminar 1", D(2026, 1, 17))
    with pytest.raises(ValidationError, match="is not a duty"):
        assign_duty(db, day, families["per"], "dishes")
    with pytest.raises(VrusError, match="event day 9999"):
        assign_duty(db, 9999, families["per"], "lunch")
    with pytest.raises(VrusError, match="guardian 9999"):
        assign_duty(db, day, 9999, "lunch")
    with pytest.raises(ValidationError, match="longer than 200"):
        assign_duty(db, day, families["per"], "lunch", note="x" * 201)


# --- the season's roster ---------------------------------------------------------------------


def test_fairness_counts_per_family_and_lists_families_without_duty(db, families) -> None:
    day1, day2 = _days(db, "Helgeseminar 1", D(2026, 1, 17))
    day3, day4 = _days(db, "Helgeseminar 2", D(2026, 2, 28))
    # The Ærøys: mother twice, father once -> three for the family.
    assign_duty(db, day1, families["birgitte"], "lunch")
    assign_duty(db, day2, families["birgitte"], "lunch")
    assign_duty(db, day3, families["espen"], "setup_clearing")
    # Zoë's step-father counts for Zoë's family.
    assign_duty(db, day4, families["per"], "lunch")
    with db.transaction() as session:
        roster = season_roster(session, 2026)
    shares = {f.label: (f.duties, f.children) for f in roster.families}
    assert shares == {
        "Tuấn Nguyễn": (0, ("Minh",)),
        "Ingunn de Vries / Per Olsen": (1, ("Zoë",)),
        "Birgitte Ærøy / Espen Ærøy": (3, ("Åshild", "Åsmund")),
    }
    assert [f.label for f in roster.families] == list(shares)  # fewest duties first
    assert [f.label for f in roster.families_without_duty] == ["Tuấn Nguyễn"]
    assert roster.families[-1].by_task == {"lunch": 2, "setup_clearing": 1}
    assert roster.fair_share == pytest.approx(4 / 3)


def test_a_seminar_day_without_lunch_duty_is_warned_about(db, families) -> None:
    day1, day2 = _days(db, "Helgeseminar 1", D(2026, 1, 17))
    _days(db, "Samspilltreff", D(2026, 3, 21), kind="iris", days=1)  # no lunch served
    assign_duty(db, day1, families["birgitte"], "lunch")
    assign_duty(db, day2, families["tuan"], "coffee_fruit")
    with db.transaction() as session:
        roster = season_roster(session, 2026)
    assert [(d.date, d.has_lunch_duty) for d in roster.days] == [
        (D(2026, 1, 17), True),
        (D(2026, 1, 18), False),
    ]
    (warning,) = roster.warnings
    assert (warning.code, warning.date) == (RosterWarningCode.NO_LUNCH_DUTY, D(2026, 1, 18))
    assert str(warning.message) == ("Sunday 18.01.2026: nobody is on lunch duty at Helgeseminar 1")


def test_a_non_seminar_day_with_a_duty_is_on_the_roster(db, families) -> None:
    (day,) = _days(db, "Vårkonsert", D(2026, 4, 12), kind="concert", days=1)
    assign_duty(db, day, families["ingunn"], "coffee_fruit")
    with db.transaction() as session:
        roster = season_roster(session, 2026)
    assert [(d.event_title, d.is_seminar) for d in roster.days] == [("Vårkonsert", False)]
    assert roster.warnings == ()


def test_an_unknown_season_has_an_empty_roster(db) -> None:
    with db.transaction() as session:
        roster = season_roster(session, 2031)
    assert (roster.days, roster.families, roster.warnings, roster.fair_share) == ((), (), (), 0.0)
    with db.transaction() as session:
        assert guardian_choices(session, 2031) == []


def test_guardian_choices_are_the_parents_of_this_seasons_children(db, families) -> None:
    _days(db, "Helgeseminar 1", D(2026, 1, 17))
    with db.transaction() as session:
        choices = guardian_choices(session, 2026)
    assert [(c.name, c.children) for c in choices] == [
        ("Ingunn de Vries", ("Zoë",)),
        ("Tuấn Nguyễn", ("Minh",)),
        ("Per Olsen", ("Zoë",)),
        ("Birgitte Ærøy", ("Åshild", "Åsmund")),
        ("Espen Ærøy", ("Åshild", "Åsmund")),
    ]


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+4791234567", "912 34 567"),
        ("+4745678901", "456 78 901"),
        ("+4722334455", "22 33 44 55"),
        (None, ""),
        ("", ""),
        ("+4412345", "+4412345"),
    ],
)
def test_phone_numbers_are_shown_as_norwegians_write_them(stored, shown) -> None:
    assert format_phone(stored) == shown
