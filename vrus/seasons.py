"""Seasons, event days, and a season's events as the events view and the command line list
them.

A season is a named period ("2014": 01.01.2014-31.12.2014). Events belong to the season that
holds their first day; the calendar-year season is made on first use, so the coordinator
never has to create one before entering the year's first seminar.

The list shows every date with its weekday and warns about a seminar day that is not on a
weekend: the 2014 annual report printed "Søndag 06.03" for a Thursday, which a list that
spells out the weekday from the date would have caught.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from vrus import clock
from vrus.collation import sort_key
from vrus.dates import day_text, format_date, format_with_weekday, is_weekend
from vrus.db.enums import AttendanceStatus, EventKind
from vrus.db.models import Attendance, Event, EventEnsemble, EventPartner, Season
from vrus.texts import Text, translate
from vrus.validation import ValidationError, parse_date

FIRST_YEAR = 2000  # the orchestra started in 2008; anything much earlier is a typing mistake
LAST_YEAR = 2100


def current_season_year(today: dt.date | None = None) -> int:
    return clock.or_today(today).year


def season_name(year: int) -> str:
    return str(year)


def _check_year(year: int) -> int:
    if not isinstance(year, int) or isinstance(year, bool) or not (FIRST_YEAR <= year <= LAST_YEAR):
        raise ValidationError(
            "season",
            translate("Core", "'{year}' is not a season year ({first}-{last})").format(
                year=year, first=FIRST_YEAR, last=LAST_YEAR
            ),
        )
    return year


def season_by_year(session: Session, year: int) -> Season | None:
    """The season named after ``year``, if it exists (no row is created)."""
    return session.scalars(select(Season).where(Season.name == season_name(year))).first()


def ensure_season(session: Session, year: int) -> Season:
    """The season ``year`` (01.01-31.12), created if the register does not have it yet."""
    season = season_by_year(session, _check_year(year))
    if season is None:
        season = Season(
            name=season_name(year), start_date=dt.date(year, 1, 1), end_date=dt.date(year, 12, 31)
        )
        session.add(season)
        session.flush()
    return season


def season_of(session: Session, day: dt.date) -> Season:
    """The season that holds ``day``: an existing season whose period covers it (the most
    recently started one if periods overlap), else the calendar-year season, created now."""
    existing = session.scalars(
        select(Season)
        .where(Season.start_date <= day, Season.end_date >= day)
        .order_by(Season.start_date.desc(), Season.id.desc())
    ).first()
    return existing if existing is not None else ensure_season(session, day.year)


def season_years(session: Session) -> list[int]:
    """The years of the calendar-year seasons in the register, oldest first (for a picker)."""
    names = session.scalars(select(Season.name)).all()
    return sorted(int(name) for name in names if name.isdigit())


# --- event days: what the coordinator types for the days of an event -----------------------

MAX_DAYS = 14  # the longest plausible event (a summer course); catches "--days 70" typos

DayPlan = tuple[dt.date, dt.time | None, dt.time | None]


def parse_day(value: Any, field: str) -> dt.date:
    try:
        return parse_date(value)
    except ValidationError as error:
        raise ValidationError(field, error.message) from None


def parse_time(value: Any, field: str) -> dt.time | None:
    if value in (None, "") or isinstance(value, dt.time):
        return value or None
    try:
        return dt.time.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(
            field, translate("Core", "'{value}' is not a time: use hh:mm").format(value=value)
        ) from None


def clean_days(days: Iterable[Sequence[Any]]) -> list[DayPlan]:
    """Days as (date, start, end), sorted; refuses none, duplicates, and ends before starts."""
    cleaned: list[DayPlan] = []
    for day, start, end in days:
        if len(cleaned) == MAX_DAYS:
            raise ValidationError(
                "days",
                translate("Core", "an event can have at most {count} days").format(count=MAX_DAYS),
            )
        date = parse_day(day, "days")
        start_time, end_time = parse_time(start, "start_time"), parse_time(end, "end_time")
        if start_time and end_time and end_time <= start_time:
            raise ValidationError(
                "end_time",
                translate("Core", "{day} ends at {time}, before it starts").format(
                    day=day_text(date), time=f"{end_time:%H:%M}"
                ),
            )
        cleaned.append((date, start_time, end_time))
    dates = [date for date, _, _ in cleaned]
    if not cleaned:
        raise ValidationError("days", translate("Core", "an event needs at least one day"))
    twice = sorted({date for date in dates if dates.count(date) > 1})
    if twice:
        raise ValidationError(
            "days", translate("Core", "{date} is given twice").format(date=format_date(twice[0]))
        )
    return sorted(cleaned, key=lambda plan: plan[0])


# --- the season's events, as the events view and `vrus events list` show them --------------


class WarningCode(StrEnum):
    SEMINAR_NOT_WEEKEND = "seminar_not_weekend"


@dataclass(frozen=True)
class DayWarning:
    """Something about one day the coordinator should look at; ``code`` lets the window
    show its own text, ``message`` is the translatable one, ``text()`` its English form for
    the command line."""

    code: WarningCode
    day: dt.date

    @property
    def message(self) -> Text:
        # SEMINAR_NOT_WEEKEND is the only code so far.
        return translate("Core", "{day} is not a weekend day").format(day=day_text(self.day))

    def text(self) -> str:
        return str(self.message)


def day_warnings(kind: str, dates: Iterable[dt.date]) -> list[DayWarning]:
    """Weekend seminars happen on Saturdays and Sundays; any other day is likely a typing
    mistake in the date (the 2014 report printed "Søndag 06.03" for a Thursday)."""
    if kind != EventKind.SEMINAR.value:
        return []
    return [
        DayWarning(WarningCode.SEMINAR_NOT_WEEKEND, d) for d in sorted(dates) if not is_weekend(d)
    ]


@dataclass(frozen=True)
class DaySummary:
    id: int
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    present: int  # persons recorded present
    recorded: int  # persons with any status recorded

    def label(self, language: str = "nb") -> str:
        return format_with_weekday(self.date, language)


@dataclass(frozen=True)
class EventSummary:
    id: int
    kind: str
    title: str
    iris_type: str | None
    venue: str | None
    project: str | None
    audience_count: int | None
    days: tuple[DaySummary, ...]
    invited: tuple[str, ...]  # ensemble names, in ensemble order
    partners: tuple[str, ...]
    turnout: int | None  # present on the last day up to today with attendance recorded
    day_warnings: tuple[DayWarning, ...]
    cancelled: bool = False  # stays in the season's list, marked (``events.set_cancelled``)

    @property
    def first_day(self) -> dt.date:
        return self.days[0].date

    @property
    def warnings(self) -> list[str]:
        return [warning.text() for warning in self.day_warnings]


def _attendance_counts(session: Session, day_ids: list[int]) -> dict[int, tuple[int, int]]:
    present = func.sum(case((Attendance.status == AttendanceStatus.PRESENT.value, 1), else_=0))
    query = (
        select(Attendance.event_day_id, present, func.count())
        .where(Attendance.event_day_id.in_(day_ids))
        .group_by(Attendance.event_day_id)
    )
    return {day_id: (int(p or 0), n) for day_id, p, n in session.execute(query)}


def _summary(event: Event, counts: dict[int, tuple[int, int]], today: dt.date) -> EventSummary:
    days = tuple(
        DaySummary(d.id, d.date, d.start_time, d.end_time, *counts.get(d.id, (0, 0)))
        for d in sorted(event.days, key=lambda d: d.date)
    )
    recorded_past = [d for d in days if d.date <= today and d.recorded]
    invited = sorted(
        (link.ensemble for link in event.invited), key=lambda e: (e.sort_order, sort_key(e.name))
    )
    return EventSummary(
        id=event.id,
        kind=event.kind,
        title=event.title,
        iris_type=event.iris_type,
        venue=event.venue,
        project=event.project.name if event.project else None,
        audience_count=event.audience_count,
        days=days,
        invited=tuple(e.name for e in invited),
        partners=tuple(sorted((p.organisation.name for p in event.partners), key=sort_key)),
        turnout=recorded_past[-1].present if recorded_past else None,
        day_warnings=tuple(day_warnings(event.kind, (d.date for d in days))),
        cancelled=bool(event.cancelled),
    )


def list_events(
    session: Session, season_year: int, today: dt.date | None = None
) -> list[EventSummary]:
    """The season's events in date order (then start time), with days and turnout."""
    season = season_by_year(session, season_year)
    if season is None:
        return []
    events = session.scalars(
        select(Event)
        .where(Event.season_id == season.id)
        .options(
            selectinload(Event.days),
            selectinload(Event.project),
            selectinload(Event.invited).selectinload(EventEnsemble.ensemble),
            selectinload(Event.partners).selectinload(EventPartner.organisation),
        )
    ).all()
    counts = _attendance_counts(session, [d.id for e in events for d in e.days])
    summaries = [_summary(e, counts, clock.or_today(today)) for e in events if e.days]
    return sorted(
        summaries,
        key=lambda s: (s.first_day, s.days[0].start_time or dt.time.min, sort_key(s.title), s.id),
    )
