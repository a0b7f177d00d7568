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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from sqlalchemy import ColumnElement, String, and_, case, cast, func, literal, or_, select
from sqlalchemy.orm import Session

from vrus import clock
from vrus.collation import sort_key
from vrus.db.enums import AttendanceStatus
from vrus.db.models import Attendance, Ensemble, Event, EventDay, Membership, Person
from vrus.reports.municipalities import Atlas
from vrus.seasons import season_by_year
from vrus.signups import invited_by_event

PRESENT, EXCUSED = AttendanceStatus.PRESENT.value, AttendanceStatus.EXCUSED.value


@dataclass(frozen=True)
class CountedDay:
    id: int
    date: dt.date
    event_id: int
    title: str
    kind: str
    present: set[int]  # person ids
    excused: set[int]


@dataclass(frozen=True)
class CountedDays:
    """A season's counted days in date order, and who was invited to each of their events:
    what every figure below starts from. Load it once with ``counted_days`` and pass it to
    several figures (``counted=``) rather than have each load it again."""

    days: list[CountedDay]
    invited: dict[int, set[int]]  # event id -> person ids


def _ids_with(status: str) -> ColumnElement[str]:
    """The ids of the persons with ``status`` on a day, as one "12,15,40" string per day:
    joined in the database, since a season of 10 000 persons has some 100 000 attendance
    rows and reading them one by one took most of the report's time."""
    return func.aggregate_strings(
        cast(case((Attendance.status == status, Attendance.person_id)), String), ","
    )


def _id_set(ids: str | None) -> set[int]:
    return set(map(int, ids.split(","))) if ids else set()


def counted_days(session: Session, season_year: int, until: dt.date | None = None) -> CountedDays:
    """The season's counted days, with who was present or excused on each (absent and not
    recorded differ in nothing the figures count)."""
    season = season_by_year(session, season_year)
    if season is None:
        return CountedDays([], {})
    days = session.execute(
        select(EventDay.id, EventDay.date, Event.id, Event.title, Event.kind)
        .join(Event, Event.id == EventDay.event_id)
        .where(Event.season_id == season.id, EventDay.date <= clock.or_today(until))
        .order_by(EventDay.date, EventDay.id)
    ).all()
    # A day is counted when anyone's attendance was recorded on it: it has a row here.
    recorded = {
        day_id: (_id_set(present), _id_set(excused))
        for day_id, present, excused in session.execute(
            select(Attendance.event_day_id, _ids_with(PRESENT), _ids_with(EXCUSED))
            .where(Attendance.event_day_id.in_([day[0] for day in days]))
            .group_by(Attendance.event_day_id)
        )
    }
    counted = [
        CountedDay(day_id, date, event_id, title, kind, *recorded[day_id])
        for day_id, date, event_id, title, kind in days
        if day_id in recorded
    ]
    return CountedDays(counted, invited_by_event(session, {day.event_id for day in counted}))


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


@dataclass(frozen=True)
class _Named:
    first_name: str
    last_name: str
    ensemble: str | None


def _named(
    session: Session, ids: Iterable[int], on: dt.date, names: bool = True
) -> dict[int, _Named]:
    """Names and the ensemble of the membership current on ``on`` (the member list's rule:
    the most recent one begun and not ended then) of the persons ``ids``; ``names=False``
    reads no names (they are "") for figures that need none.

    One pass over the register rather than a query with the ids in it: a season can count
    more persons than SQLite takes parameters in one statement."""
    wanted = set(ids)
    current = and_(
        Membership.person_id == Person.id,
        Membership.start_date <= on,
        or_(Membership.end_date.is_(None), Membership.end_date >= on),
    )
    name_columns = (Person.first_name, Person.last_name) if names else (literal(""), literal(""))
    query = (
        select(Person.id, *name_columns, Ensemble.name)
        .select_from(Person)
        .outerjoin(Membership, current)
        .outerjoin(Ensemble, Ensemble.id == Membership.ensemble_id)
        .order_by(Person.id, Membership.start_date.desc(), Membership.id.desc())
    )
    named = {}
    for pid, rows in groupby(session.execute(query), key=itemgetter(0)):
        if pid in wanted:
            _, first, last, ensemble = next(rows)
            named[pid] = _Named(first, last, ensemble)
    return named


def attendance_rates(
    session: Session,
    season_year: int,
    until: dt.date | None = None,
    *,
    counted: CountedDays | None = None,
    names: bool = True,
) -> list[MemberRate]:
    """One row per person invited to, or present on, a counted day; in name order.
    ``names=False``: without names (for the averages; the reader role may read no names),
    in the order of the ids."""
    counted = counted or counted_days(session, season_year, until)
    if not counted.days:
        return []
    invited: Counter[int] = Counter()
    present: Counter[int] = Counter()
    excused: Counter[int] = Counter()
    extra: Counter[int] = Counter()
    for day in counted.days:
        asked = counted.invited[day.event_id]
        invited.update(asked)
        present.update(day.present & asked)
        excused.update(day.excused & asked)
        extra.update(day.present - asked)
    people = _named(session, invited.keys() | extra.keys(), counted.days[-1].date, names)
    rates = [
        MemberRate(
            person_id=pid,
            first_name=person.first_name,
            last_name=person.last_name,
            ensemble=person.ensemble,
            invited_days=invited.get(pid, 0),
            present_days=present.get(pid, 0),
            excused_days=excused.get(pid, 0),
            extra_days=extra.get(pid, 0),
            rate=present.get(pid, 0) / invited[pid] if pid in invited else None,
        )
        for pid, person in people.items()
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


def turnout(
    session: Session,
    season_year: int,
    until: dt.date | None = None,
    *,
    counted: CountedDays | None = None,
) -> list[DayTurnout]:
    """Turnout on every counted day of the season, in date order."""
    counted = counted or counted_days(session, season_year, until)
    result = []
    for day in counted.days:
        came = day.present
        asked = counted.invited[day.event_id]
        result.append(
            DayTurnout(
                event_id=day.event_id,
                title=day.title,
                kind=day.kind,
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
    counted: CountedDays | None = None,
) -> list[MunicipalityParticipation]:
    """Distinct persons present at least once, per municipality of the season (or of
    ``today`` in today's terms), in Norwegian name order."""
    counted = counted or counted_days(session, season_year, until)
    came: set[int] = set().union(*(day.present for day in counted.days))
    if not came:
        return []
    atlas = Atlas(session)
    day = _placement_day(session, season_year, todays_terms, today)
    per: Counter[tuple[int | None, bool]] = Counter()
    # Everyone's place in one pass, kept for those who came: the ids would not fit in one
    # statement's parameters in a large register.
    homes: Counter[tuple[int | None, str | None]] = Counter(
        (mid, postal_code)
        for pid, mid, postal_code in session.execute(
            select(Person.id, Person.municipality_id, Person.postal_code)
        )
        if pid in came
    )
    for (mid, postal_code), persons in homes.items():
        if mid is None or mid not in atlas.rows:
            per[None, True] += persons
            continue
        placement = atlas.place(mid, day, postal_code)
        per[placement.municipality_id, placement.placed] += persons
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
