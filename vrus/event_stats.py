"""Season statistics: attendance rate per member, turnout per day, participation per
municipality. Counts only, no contact data: these go to the steering group.

Definitions (also in the tests, with hand-computed numbers):

- A **counted day** is a day of an event in the season, on or before ``until`` (default
  today), on which attendance was recorded for at least one person. A day nobody recorded
  yet must not lower everyone's rate.
- A member is **invited** to an event when they are an active member of an invited ensemble
  on its first day (``vrus.signups``), and then to each of its counted days.
- **Attendance rate** = present days / invited days, both over counted days of events the
  member was invited to. Absent, excused and not recorded all count as "not present";
  excused is reported separately so the reader can tell. Days present at events the member
  was not invited to are **extra days**: reported, but in neither numerator nor denominator,
  so coming along to an extra activity never changes the rate. No invited days: rate None.
- **Turnout** per counted day: persons present, of them the invited, and the share of the
  invited who were present (None when nobody was invited).
- **Participation per municipality**: distinct persons present on at least one counted
  day, per municipality valid when the season began (in today's terms: valid today), placed
  as the coverage report places them (``vrus.reports.municipalities.Atlas``): Røyken 2014
  counts for Asker in 2026, today's Bærum for Bærum 0219 in 2014, today's Asker in 2014 by
  the postal code. Someone who cannot be placed counts under the municipality registered,
  marked ``placed=False``, never dropped.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus import clock
from vrus.collation import sort_key
from vrus.db.enums import AttendanceStatus
from vrus.db.models import Attendance, Event, EventDay, Person
from vrus.member_list import rows_for
from vrus.reports.municipalities import Atlas
from vrus.seasons import season_by_year
from vrus.signups import invited_members

PRESENT, EXCUSED = AttendanceStatus.PRESENT.value, AttendanceStatus.EXCUSED.value


@dataclass(frozen=True)
class _Day:
    id: int
    date: dt.date
    event: Event
    statuses: dict[int, str]  # person id -> status


def _counted_days(
    session: Session, season_year: int, until: dt.date | None
) -> tuple[list[_Day], dict[int, set[int]]]:
    """The season's counted days in date order, and who was invited to each event."""
    season = season_by_year(session, season_year)
    if season is None:
        return [], {}
    days = session.scalars(
        select(EventDay)
        .join(Event)
        .where(Event.season_id == season.id, EventDay.date <= clock.or_today(until))
        .order_by(EventDay.date, EventDay.id)
    ).all()
    statuses: dict[int, dict[int, str]] = defaultdict(dict)
    for day_id, pid, status in session.execute(
        select(Attendance.event_day_id, Attendance.person_id, Attendance.status).where(
            Attendance.event_day_id.in_([d.id for d in days])
        )
    ):
        statuses[day_id][pid] = status
    counted = [_Day(d.id, d.date, d.event, statuses[d.id]) for d in days if statuses[d.id]]
    invited = {day.event.id: set(invited_members(session, day.event)) for day in counted}
    return counted, invited


@dataclass(frozen=True)
class MemberRate:
    person_id: int
    first_name: str
    last_name: str
    ensemble: str | None  # on the last counted day
    invited_days: int
    present_days: int
    excused_days: int
    extra_days: int  # present at events not invited to; not part of the rate
    rate: float | None


def attendance_rates(
    session: Session, season_year: int, until: dt.date | None = None
) -> list[MemberRate]:
    """One row per person invited to, or present on, a counted day; in name order."""
    days, invited = _counted_days(session, season_year, until)
    tally: dict[int, Counter[str]] = defaultdict(Counter)
    for day in days:
        for pid in invited[day.event.id]:
            status = day.statuses.get(pid)
            tally[pid].update(["invited"] + ([status] if status else []))
        for pid, status in day.statuses.items():
            if pid not in invited[day.event.id] and status == PRESENT:
                tally[pid]["extra"] += 1
    if not days:
        return []
    people = rows_for(session, tally, days[-1].date)
    rates = [
        MemberRate(
            person_id=pid,
            first_name=people[pid].first_name,
            last_name=people[pid].last_name,
            ensemble=people[pid].ensemble,
            invited_days=t["invited"],
            present_days=t[PRESENT],
            excused_days=t[EXCUSED],
            extra_days=t["extra"],
            rate=t[PRESENT] / t["invited"] if t["invited"] else None,
        )
        for pid, t in tally.items()
    ]
    return sorted(rates, key=lambda r: (sort_key(r.last_name), sort_key(r.first_name), r.person_id))


@dataclass(frozen=True)
class DayTurnout:
    event_id: int
    title: str
    kind: str
    day_id: int
    date: dt.date
    invited: int
    present: int  # everyone present, invited or not
    present_invited: int
    share: float | None  # present_invited / invited

    @property
    def unannounced(self) -> int:
        return self.present - self.present_invited


def turnout(session: Session, season_year: int, until: dt.date | None = None) -> list[DayTurnout]:
    """Turnout on every counted day of the season, in date order."""
    days, invited = _counted_days(session, season_year, until)
    result = []
    for day in days:
        came = {pid for pid, status in day.statuses.items() if status == PRESENT}
        asked = invited[day.event.id]
        result.append(
            DayTurnout(
                event_id=day.event.id,
                title=day.event.title,
                kind=day.event.kind,
                day_id=day.id,
                date=day.date,
                invited=len(asked),
                present=len(came),
                present_invited=len(came & asked),
                share=len(came & asked) / len(asked) if asked else None,
            )
        )
    return result


@dataclass(frozen=True)
class MunicipalityParticipation:
    municipality_id: int | None  # None: persons without a municipality in the register
    name: str | None
    in_region: bool
    persons: int
    number: str | None = None
    placed: bool = True  # False: registered under a municipality the season cannot place


def _placement_day(
    session: Session, season_year: int, today_terms: bool, today: dt.date | None
) -> dt.date:
    if today_terms:
        return clock.or_today(today)
    season = season_by_year(session, season_year)
    return season.start_date if season is not None else dt.date(season_year, 1, 1)


def participation_by_municipality(
    session: Session,
    season_year: int,
    until: dt.date | None = None,
    *,
    todays_terms: bool = False,
    today: dt.date | None = None,
) -> list[MunicipalityParticipation]:
    """Distinct persons present at least once, per municipality of the season (or of
    ``today`` in today's terms), in Norwegian name order."""
    days, _ = _counted_days(session, season_year, until)
    came = {pid for day in days for pid, status in day.statuses.items() if status == PRESENT}
    atlas = Atlas(session)
    day = _placement_day(session, season_year, todays_terms, today)
    per: Counter[tuple[int | None, bool]] = Counter()
    for mid, postal_code in session.execute(
        select(Person.municipality_id, Person.postal_code).where(Person.id.in_(came))
    ):
        if mid is None or mid not in atlas.rows:
            per[None, True] += 1
            continue
        placement = atlas.place(mid, day, postal_code)
        per[placement.municipality_id, placement.placed] += 1
    rows = []
    for (mid, placed), count in per.items():
        place = atlas.rows[mid] if mid is not None else None
        rows.append(
            MunicipalityParticipation(
                mid,
                place.name if place else None,
                bool(place and place.in_region and placed),
                count,
                place.number if place else None,
                placed,
            )
        )
    return sorted(
        rows, key=lambda r: (r.name is None, not r.placed, sort_key(r.name), r.number or "")
    )
