"""What several reports share: the season's period, the ensembles in order, and who was a
member during a period.

A person "was a member in a season" when one of their memberships overlaps the season's
period (started on or before its last day, not ended before its first). Archived persons
count: a report on 2014 must include those who have since left and been archived.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from vrus.db.models import Ensemble, Membership
from vrus.seasons import FIRST_YEAR, LAST_YEAR, current_season_year, season_by_year
from vrus.texts import translate
from vrus.validation import ValidationError


@dataclass(frozen=True)
class Period:
    year: int
    start: dt.date
    end: dt.date

    def report_day(self, today: dt.date) -> dt.date:
        """The day "current members" are taken on: today within the season, else its last
        day for a past season (who was there at the end) or its first for a future one."""
        return min(max(today, self.start), self.end)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            "season",
            translate("Core", "'{year}' is not a season year ({first}-{last})").format(
                year=year, first=FIRST_YEAR, last=LAST_YEAR
            ),
        )
    return year


def season_period(session: Session, year: int | None, today: dt.date | None = None) -> Period:
    """The season's own dates if the register has the season, else the calendar year (so a
    report on a year before any events were entered still works)."""
    year = check_year(year if year is not None else current_season_year(today))
    season = season_by_year(session, year)
    if season is not None:
        return Period(year, season.start_date, season.end_date)
    return Period(year, dt.date(year, 1, 1), dt.date(year, 12, 31))


@dataclass(frozen=True)
class EnsembleInfo:
    id: int
    name: str
    min_age: int | None
    max_age: int | None
    next_id: int | None

    @property
    def band(self) -> tuple[int, int] | None:
        if self.min_age is None or self.max_age is None:
            return None
        return self.min_age, self.max_age


def ensembles(session: Session) -> list[EnsembleInfo]:
    """The ensembles in their display order (the orchestra, the juniors, the aspirants)."""
    rows = session.scalars(select(Ensemble).order_by(Ensemble.sort_order, Ensemble.id))
    return [EnsembleInfo(e.id, e.name, e.min_age, e.max_age, e.next_ensemble_id) for e in rows]


def main_ensemble(found: list[EnsembleInfo]) -> EnsembleInfo | None:
    """The orchestra itself: the ensemble others move up to and that moves up to none
    (Ungdomssymfonikerne); the first in order if the register does not say."""
    targets = {e.next_id for e in found if e.next_id is not None}
    tops = [e for e in found if e.id in targets and e.next_id is None]
    return tops[0] if tops else (found[0] if found else None)


def overlapping(period: Period):
    """The WHERE clause for memberships that overlap ``period``."""
    return (
        Membership.start_date <= period.end,
        or_(Membership.end_date.is_(None), Membership.end_date >= period.start),
    )
