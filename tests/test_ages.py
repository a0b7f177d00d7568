"""Age flags at the exact boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from vrus.ages import AgeFlag, Limits, age_flags, season_age

ORCHESTRA = Limits(13, 18)
JUNIORS = Limits(8, 13)


def test_season_age_counts_the_age_turned_that_year() -> None:
    assert season_age(dt.date(2008, 12, 31), 2026) == 18
    assert season_age(dt.date(2008, 1, 1), 2026) == 18
    assert season_age(None, 2026) is None


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (12, {AgeFlag.BELOW_MINIMUM}),
        (13, set()),
        (17, set()),
        (18, {AgeFlag.AGES_OUT}),
        (19, {AgeFlag.ABOVE_MAXIMUM}),
    ],
)
def test_orchestra_flags(age: int, expected: set[AgeFlag]) -> None:
    assert age_flags(age, ORCHESTRA) == expected


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (7, {AgeFlag.BELOW_MINIMUM}),
        (8, set()),
        (12, set()),
        (13, {AgeFlag.AGES_OUT, AgeFlag.MAY_MOVE_UP}),
        (14, {AgeFlag.ABOVE_MAXIMUM, AgeFlag.MAY_MOVE_UP}),
    ],
)
def test_junior_flags(age: int, expected: set[AgeFlag]) -> None:
    assert age_flags(age, JUNIORS, next_up=ORCHESTRA) == expected


def test_no_limits_no_flags() -> None:
    assert age_flags(30, Limits(None, None)) == set()
    assert age_flags(None, ORCHESTRA) == set()
