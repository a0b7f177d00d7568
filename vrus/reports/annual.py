"""The season's summary for the annual report: prose and tables to paste into a document.

What Vestregionen's annual report tells about the orchestra: members and their ages per
ensemble, the seminars held, the concerts, the IRIS activities with their dates (the weekday
printed from the date, so "Søndag 06.03" for a Thursday cannot happen again), attendance,
and who left and why. Counts only, no names: the annual report is public.

"Held" means begun by the report day (today in the current season, the season's last day for
a past one); later events of the season are mentioned as planned.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus import clock
from vrus.ages import season_age
from vrus.db.enums import EndReason, EventKind
from vrus.db.models import Membership, Person
from vrus.reports.attendance import SeasonAttendance, season_attendance
from vrus.reports.common import EnsembleInfo, Period, ensembles, overlapping
from vrus.seasons import EventSummary, list_events

MOVED_UP = EndReason.MOVED_UP.value


@dataclass
class EnsembleYear:
    ensemble: EnsembleInfo
    persons: set[int]
    ages: list[int]
    joined: int  # memberships begun in the season
    left: Counter[str | None]  # end reason -> memberships ended in the season (not moved up)
    moved_up: int

    @property
    def members(self) -> int:
        return len(self.persons)

    @property
    def age_range(self) -> tuple[int, int] | None:
        return (min(self.ages), max(self.ages)) if self.ages else None


@dataclass
class AnnualSummary:
    period: Period
    until: dt.date
    ensembles: list[EnsembleYear]
    members: int  # distinct persons in any ensemble
    events: list[EventSummary]  # the season's events, held or planned
    attendance: SeasonAttendance

    def held(self, kind: str) -> list[EventSummary]:
        return [e for e in self.events if e.kind == kind and e.first_day <= self.until]

    def planned(self, kind: str) -> list[EventSummary]:
        return [e for e in self.events if e.kind == kind and e.first_day > self.until]

    @property
    def seminars(self) -> list[EventSummary]:
        return self.held(EventKind.SEMINAR.value)

    @property
    def concerts(self) -> list[EventSummary]:
        return self.held(EventKind.CONCERT.value)

    @property
    def iris(self) -> list[EventSummary]:
        return self.held(EventKind.IRIS.value)

    @property
    def departures(self) -> Counter[str | None]:
        total: Counter[str | None] = Counter()
        for year in self.ensembles:
            total.update(year.left)
        return total


def _ensemble_years(
    session: Session, period: Period, found: list[EnsembleInfo]
) -> list[EnsembleYear]:
    years = {e.id: EnsembleYear(e, set(), [], 0, Counter(), 0) for e in found}
    ages: dict[int, dict[int, int]] = defaultdict(dict)  # ensemble -> person -> age
    query = (
        select(
            Membership.ensemble_id,
            Membership.person_id,
            Person.birth_date,
            Membership.start_date,
            Membership.end_date,
            Membership.end_reason,
        )
        .join(Person, Person.id == Membership.person_id)
        .where(*overlapping(period))
    )
    for ensemble_id, pid, born, start, end, reason in session.execute(query):
        year = years[ensemble_id]
        year.persons.add(pid)
        if (age := season_age(born, period.year)) is not None:
            ages[ensemble_id][pid] = age
        if period.contains(start):
            year.joined += 1
        if end is not None and period.contains(end):
            if reason == MOVED_UP:
                year.moved_up += 1
            else:
                year.left[reason] += 1
    for ensemble_id, year in years.items():
        year.ages = sorted(ages[ensemble_id].values())
    return [years[e.id] for e in found]


def annual_summary(
    session: Session, season: int | None = None, *, today: dt.date | None = None
) -> AnnualSummary:
    today = clock.or_today(today)
    # Counts only, no names: the averages need none (and the reader role may read none).
    attendance = season_attendance(session, season, today=today, municipalities=False, names=False)
    period = attendance.period
    years = _ensemble_years(session, period, ensembles(session))
    members = len(set().union(*(y.persons for y in years))) if years else 0
    return AnnualSummary(
        period,
        attendance.until,
        years,
        members,
        list_events(session, period.year, today),
        attendance,
    )
