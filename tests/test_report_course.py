"""The course grant report at the rules' boundaries, worked out by hand.

A 2026 course of three days: Saturday 10.00-12.00 (2 h), Sunday 10.00-11.00 (1 h) and Monday
10.00-11.00 (1 h): exactly 4 hours, today's minimum. 75 % of 4 hours is 3 hours.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from vrus.attendance import record_attendance
from vrus.db.models import Event, Person, Setting
from vrus.events import create_event, set_event_days
from vrus.reports.course import course_result
from vrus.reports.course_report import course_report
from vrus.reports.course_rules import (
    PREFIX,
    CourseRules,
    Source,
    course_rules,
    set_course_rule,
)
from vrus.reports.language import Translator
from vrus.reports.output import render, render_text
from vrus.validation import ValidationError

D, T = dt.date, dt.time
TODAY = D(2026, 11, 26)
DAYS = [(D(2026, 3, 7), T(10), T(12)), (D(2026, 3, 8), T(10), T(11)), (D(2026, 3, 9), T(10), T(11))]


def add_person(
    db, first: str, born: dt.date | None, gender: str = "female", postal: str = "1390"
) -> int:
    with db.transaction() as session:
        person = Person(
            first_name=first,
            last_name="Kursdeltaker",
            birth_date=born,
            gender=gender,
            postal_code=postal,
        )
        session.add(person)
        session.flush()
        return person.id


def make_course(db, days=DAYS, title: str = "Helgeseminar 3") -> tuple[int, list[int]]:
    event_id = create_event(db, kind="seminar", title=title, start=days[0][0])
    day_ids = set_event_days(db, event_id, days)
    return event_id, day_ids


def attend(db, person_id: int, day_ids: list[int]) -> None:
    for day_id in day_ids:
        record_attendance(db, day_id, person_id, "present")


def result_for(db, *event_ids: int):
    with db.transaction() as session:
        return course_result(session, list(event_ids), today=TODAY)


def by_name(result, first: str):
    (found,) = [p for p in result.participants if p.first_name == first]
    return found


@pytest.fixture
def course(db):
    event_id, days = make_course(db)
    everyone = {
        # Turns 14 on 31 December 2026: counts.
        "Turns14Dec31": (D(2012, 12, 31), days),
        # Born 1 January 2013: turns 13 in 2026, too young however much she attends.
        "Turns13": (D(2013, 1, 1), days),
        # Saturday + Sunday: 3 of 4 hours = exactly 75 %: counts.
        "Exactly75": (D(2008, 6, 1), days[:2]),
        # Saturday only: 2 of 4 hours = 50 %.
        "Half": (D(2008, 6, 1), days[:1]),
        # Sunday + Monday: 2 of 4 hours.
        "TwoHours": (D(2009, 6, 1), days[1:]),
        "NoBirthDate": (None, days),
        "Full": (D(2010, 2, 2), days),
    }
    ids = {}
    for name, (born, present) in everyone.items():
        ids[name] = add_person(db, name, born)
        attend(db, ids[name], present)
    # Recorded absent all three days: not a participant at all.
    absent = add_person(db, "Absent", D(2008, 1, 1))
    for day in days:
        record_attendance(db, day, absent, "absent")
    return event_id, days, ids


def test_course_hours_from_the_days_times(db, course) -> None:
    result = result_for(db, course[0])
    assert [d.minutes for d in result.days] == [120, 60, 60]
    assert result.minutes == 240 and result.year == 2026


def test_turning_14_on_31_december_counts(db, course) -> None:
    result = result_for(db, course[0])
    assert by_name(result, "Turns14Dec31").counts
    turns13 = by_name(result, "Turns13")
    assert not turns13.counts
    assert [str(r) for r in turns13.reasons] == ["turns 13 in 2026, below 14"]


def test_exactly_75_percent_counts_and_less_does_not(db, course) -> None:
    result = result_for(db, course[0])
    exactly = by_name(result, "Exactly75")
    assert exactly.minutes == 180 and result.share(exactly) == 0.75 and exactly.counts
    for name in ("Half", "TwoHours"):
        person = by_name(result, name)
        assert not person.counts
        assert [str(r) for r in person.reasons] == ["attended less than 75 % of the hours"]


def test_missing_birth_date_does_not_count(db, course) -> None:
    assert [str(r) for r in by_name(result_for(db, course[0]), "NoBirthDate").reasons] == [
        "birth date missing"
    ]


def test_participants_are_those_present_at_least_once(db, course) -> None:
    result = result_for(db, course[0])
    assert "Absent" not in {p.first_name for p in result.participants}
    assert len(result.participants) == 7
    assert {p.first_name for p in result.counting} == {"Turns14Dec31", "Exactly75", "Full"}


def test_three_counting_participants_do_not_qualify_four_do(db, course) -> None:
    event_id, days, _ = course
    result = result_for(db, event_id)
    assert not result.qualifies
    assert [str(p) for p in result.problems] == ["3 participants count; at least 4 are needed"]
    fourth = add_person(db, "Fourth", D(2011, 1, 1), gender="male")
    attend(db, fourth, days)
    result = result_for(db, event_id)
    assert result.qualifies and result.problems == [] and len(result.counting) == 4
    assert str(course_report(result).headline) == (
        "The course qualifies for a grant: 4 hours, 4 participants count."
    )


ADULT = D(2008, 1, 1)


def _four_full(db, days: list[int], born: dt.date = ADULT) -> None:
    for n in range(4):
        attend(db, add_person(db, f"P{n}", born), days)


def test_exactly_four_hours_qualifies_less_does_not(db) -> None:
    event_id, days = make_course(db)
    _four_full(db, days)
    assert result_for(db, event_id).qualifies
    short_id, short_days = make_course(db, [(D(2026, 5, 2), T(10), T(13, 59))], "Kort kurs")
    _four_full(db, short_days)
    result = result_for(db, short_id)
    assert not result.qualifies
    assert [str(p) for p in result.problems] == ["the course has 3.98 hours; at least 4 are needed"]
    assert result.minutes == 239


def test_a_day_without_times_makes_the_hours_unknown(db) -> None:
    event_id, days = make_course(db, [(D(2026, 5, 2), T(10), T(16)), (D(2026, 5, 3), None, None)])
    _four_full(db, days)
    result = result_for(db, event_id)
    assert result.minutes is None and not result.qualifies
    assert "has no start and end time" in str(result.problems[0])
    assert all(not p.counts for p in result.participants)


def test_several_events_make_one_course(db) -> None:
    first, first_days = make_course(db, [(D(2026, 1, 17), T(10), T(12))], "Helgeseminar 1")
    second, second_days = make_course(db, [(D(2026, 2, 28), T(10), T(12))], "Helgeseminar 2")
    for n in range(4):
        attend(db, add_person(db, f"Both{n}", D(2008, 1, 1)), first_days + second_days)
    only_first = add_person(db, "OnlyFirst", D(2008, 1, 1))
    attend(db, only_first, first_days)
    result = result_for(db, first, second, first)  # the same event twice counts once
    assert result.minutes == 240 and result.qualifies
    assert [title for _, title in result.events] == ["Helgeseminar 1", "Helgeseminar 2"]
    assert not by_name(result, "OnlyFirst").counts


# --- rules as settings -------------------------------------------------------------------


def test_default_rules_are_todays(db) -> None:
    with db.transaction() as session:
        applied = course_rules(session, 2026)
    assert applied.rules == CourseRules(14, 75, 4, 4)
    assert applied.from_defaults


def test_2014_needed_eight_hours(db) -> None:
    with db.transaction() as session:
        applied = course_rules(session, 2014)
    assert applied.rules.min_hours == 8 and applied.sources["min_hours"] is Source.HISTORY
    event_id, days = make_course(db, [(D(2014, 3, 8), T(10), T(16))], "Helgeseminar 2014")
    _four_full(db, days, born=D(1998, 1, 1))
    result = result_for(db, event_id)
    assert [str(p) for p in result.problems] == ["the course has 6 hours; at least 8 are needed"]
    assert "the course hours (as the rules were in 2014)" in str(
        render_text(course_report(result), Translator("en"))
    )


def test_rules_are_settable_for_all_years_and_for_one_year(db) -> None:
    set_course_rule(db, "min_hours", "6")
    set_course_rule(db, "min_attendance_percent", 80, year=2027)
    set_course_rule(db, "min_hours", "7,5", year=2014)
    with db.transaction() as session:
        assert session.get(Setting, "course_grant.min_hours").value == "6"
        now, then = course_rules(session, 2026), course_rules(session, 2014)
        later = course_rules(session, 2027)
    assert now.rules.min_hours == 6 and now.sources["min_hours"] is Source.ALL_YEARS
    assert then.rules.min_hours == 7.5 and then.sources["min_hours"] is Source.YEAR
    assert later.rules.min_attendance_percent == 80 and now.rules.min_attendance_percent == 75
    set_course_rule(db, "min_hours", None)
    with db.transaction() as session:
        assert course_rules(session, 2026).rules.min_hours == 4


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("min_hours", "0"),
        ("min_age", "fjorten"),
        ("min_attendance_percent", "101"),
        ("min_participants", "2.5"),
        ("max_age", "3"),
    ],
)
def test_bad_rule_values_are_refused(db, name: str, value: str) -> None:
    with pytest.raises(ValidationError):
        set_course_rule(db, name, value)
    with db.transaction() as session:
        # Only the rules: the register's own identity (register_id) is a setting too.
        assert session.scalars(select(Setting).where(Setting.key.startswith(PREFIX))).all() == []


def test_a_broken_stored_value_falls_back(db) -> None:
    with db.transaction() as session:
        session.add(Setting(key="course_grant.min_age", value="many"))
    with db.transaction() as session:
        assert course_rules(session, 2026).rules.min_age == 14


# --- the printable participant list ------------------------------------------------------


def test_participant_list_pdf(db, course) -> None:
    result = result_for(db, course[0])
    data = render(course_report(result), "pdf", Translator("en"))
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split()
    )
    assert "The course does not qualify: 3 participants count; at least 4 are needed." in text
    for name in ("Kursdeltaker, Turns14Dec31", "Kursdeltaker, Exactly75", "1390", "2012"):
        assert name in text
    assert "Signature of the course leader" in text
    with db.transaction() as session:
        assert session.get(Event, course[0]).title in text


def test_unknown_event_is_one_clear_error(db) -> None:
    from vrus.errors import VrusError

    with pytest.raises(VrusError, match="event 999 is not in the register"):
        result_for(db, 999)


def test_year_overrides_lists_the_rules_set_for_one_year(db) -> None:
    from vrus.reports.course_rules import set_course_rule, year_overrides

    set_course_rule(db, "min_hours", 6, year=2015)
    set_course_rule(db, "min_participants", 5, year=2014)
    set_course_rule(db, "min_hours", 5)
    with db.sessions() as session:
        assert year_overrides(session) == [(2014, "min_participants"), (2015, "min_hours")]
