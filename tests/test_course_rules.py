"""The built-in course grant rule of 2014 (8 course hours) can be removed for the register and
restored again. Removed, 2014 follows the rule for all years (today's default unless set),
and the course report says that the built-in rule was set aside."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.test_report_course import add_person as add_participant
from tests.test_report_course import attend, make_course, result_for
from vrus.db.models import Setting
from vrus.reports.course_report import course_json, course_report
from vrus.reports.course_rules import (
    HISTORY,
    PREFIX,
    Source,
    course_rules,
    remove_built_in_rule,
    removed_built_in_rules,
    restore_built_in_rule,
    set_course_rule,
    year_overrides,
)
from vrus.reports.language import Translator
from vrus.reports.output import render_text
from vrus.validation import ValidationError

D, T = dt.date, dt.time
SIX_HOURS_IN_2014 = [(D(2014, 3, 8), T(10), T(16))]


def stored(db) -> dict[str, str]:
    with db.sessions() as session:
        rows = session.execute(
            select(Setting.key, Setting.value).where(Setting.key.startswith(PREFIX))
        )
        return dict(rows.all())


def hours_in(db, year: int) -> tuple[object, Source, tuple[str, ...]]:
    with db.sessions() as session:
        applied = course_rules(session, year)
    return applied.rules.min_hours, applied.sources["min_hours"], applied.removed


def test_the_built_in_rule_is_removed_and_restored(db) -> None:
    assert HISTORY[2014]["min_hours"] == 8
    assert hours_in(db, 2014) == (8, Source.HISTORY, ())

    remove_built_in_rule(db, 2014, "min_hours")
    remove_built_in_rule(db, 2014, "min_hours")  # twice is once
    assert hours_in(db, 2014) == (4, Source.DEFAULT, ("min_hours",))
    assert stored(db) == {"course_grant.built_in_removed.min_hours.2014": "1"}
    with db.sessions() as session:
        assert removed_built_in_rules(session) == [(2014, "min_hours")]
        # Not a rule set for the year: the settings' list of those does not show it.
        assert year_overrides(session) == []
    assert hours_in(db, 2015) == (4, Source.DEFAULT, ())  # other years are untouched

    restore_built_in_rule(db, 2014, "min_hours")
    restore_built_in_rule(db, 2014, "min_hours")
    assert hours_in(db, 2014) == (8, Source.HISTORY, ())
    assert stored(db) == {}
    with db.sessions() as session:
        assert removed_built_in_rules(session) == []


def test_removed_2014_follows_the_rule_for_all_years_and_its_own_setting_wins(db) -> None:
    set_course_rule(db, "min_hours", 6)
    assert hours_in(db, 2014) == (8, Source.HISTORY, ())  # the built-in rule wins over it
    remove_built_in_rule(db, 2014, "min_hours")
    assert hours_in(db, 2014) == (6, Source.ALL_YEARS, ("min_hours",))
    set_course_rule(db, "min_hours", 5, year=2014)
    assert hours_in(db, 2014) == (5, Source.YEAR, ("min_hours",))


@pytest.mark.parametrize(("year", "name"), [(2015, "min_hours"), (2014, "min_age")])
def test_only_a_built_in_rule_can_be_removed(db, year: int, name: str) -> None:
    with pytest.raises(ValidationError, match=f"no built-in rule for '{name}' in {year}"):
        remove_built_in_rule(db, year, name)
    with pytest.raises(ValidationError, match="no built-in rule"):
        restore_built_in_rule(db, year, name)
    assert stored(db) == {}


def test_the_report_says_the_built_in_rule_was_removed(db) -> None:
    event_id, days = make_course(db, SIX_HOURS_IN_2014, "Helgeseminar 2014")
    for n in range(4):
        attend(db, add_participant(db, f"P{n}", D(1998, 1, 1)), days)
    before = result_for(db, event_id)
    assert not before.qualifies  # 6 hours, and 2014 needed 8
    assert "removed" not in render_text(course_report(before), Translator("en"))

    remove_built_in_rule(db, 2014, "min_hours")
    after = result_for(db, event_id)
    assert after.qualifies  # by the rule for all years: 4 hours
    text = render_text(course_report(after), Translator("en"))
    assert (
        "The built-in rule for 2014 (the course hours) is removed in the register: the rule "
        "for all years applies." in " ".join(text.split())
    )
    assert course_json(after)["rules"]["built_in_removed"] == ["min_hours"]
    assert course_json(before)["rules"]["built_in_removed"] == []
