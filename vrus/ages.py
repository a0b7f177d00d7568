"""Age rules of the ensembles.

Norwegian youth ensembles count the age a person turns in the season's year: a member born
in 2008 is 18 in the 2026 season all year, whatever the birthday. Limits come from the
``ensembles`` rows, so changing a limit in Settings changes every flag.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class AgeFlag(StrEnum):
    BELOW_MINIMUM = "below_minimum"
    ABOVE_MAXIMUM = "above_maximum"
    AGES_OUT = "ages_out"  # reaches the maximum this season: gone after it
    MAY_MOVE_UP = "may_move_up"  # old enough for the next ensemble up


@dataclass(frozen=True)
class Limits:
    min_age: int | None
    max_age: int | None


def season_age(birth_date: dt.date | None, season_year: int) -> int | None:
    """The age a person turns in ``season_year``; None when the birth date is unknown."""
    if birth_date is None:
        return None
    return season_year - birth_date.year


def age_flags(age: int | None, limits: Limits, next_up: Limits | None = None) -> set[AgeFlag]:
    """Flags for a person of ``age`` in an ensemble with ``limits``.

    ``next_up`` are the limits of the ensemble a member of this one moves up to (the
    orchestra for a junior); a person who has reached its minimum may move up.
    """
    flags: set[AgeFlag] = set()
    if age is None:
        return flags
    if limits.min_age is not None and age < limits.min_age:
        flags.add(AgeFlag.BELOW_MINIMUM)
    if limits.max_age is not None:
        if age > limits.max_age:
            flags.add(AgeFlag.ABOVE_MAXIMUM)
        elif age == limits.max_age:
            flags.add(AgeFlag.AGES_OUT)
    if next_up is not None and next_up.min_age is not None and age >= next_up.min_age:
        flags.add(AgeFlag.MAY_MOVE_UP)
    return flags
