"""The season calendar: every event of a season as an iCalendar file (RFC 5545) for the
families' calendars (Google, Apple, Outlook), from ``vrus calendar`` and the Events page.

One VEVENT per event day, at the day's real times in Europe/Oslo (TZID and a VTIMEZONE in the
file, so a phone abroad still shows the rehearsal at 10.00 Norwegian time); a day without
times is an all-day event. Importing an updated file must update the events, not add them a
second time, so each day's UID is built from what does not change: the register's identity
(``vrus.erasure_journal.register_id``), the event's id and the day's place in the event
(``<register>-event-12-day-1@vrus``). Its SEQUENCE is the event's ``version``, which rises
with every change of the event or its days, so calendars take the new file as the newer one.
A cancelled event stays in the file with STATUS:CANCELLED (and "CANCELLED:" before its
title), so calendars that have it drop or strike it.

The file goes to the families, so it holds nothing personal: no names of members, guardians
or staff, no e-mail addresses or phone numbers; only the events, their venue, the invited
ensembles and the coordinator's description. Its text is in Bokmål (the families' language)
through the same catalogue as the printed reports (``vrus.reports.language``).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone
from icalendar import Event as CalendarEntry
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from vrus import __version__, clock
from vrus.collation import sort_key
from vrus.db.engine import Database
from vrus.db.enums import DutyTask, EventKind, IrisType
from vrus.db.models import Ensemble, Event, EventEnsemble, VolunteerDuty
from vrus.erasure_journal import register_id
from vrus.errors import VrusError, not_in_register
from vrus.private_files import check_target, write_private_file
from vrus.reports.labels import EVENT_KINDS, IRIS_TYPES, join
from vrus.reports.language import DEFAULT_LANGUAGE, Translator
from vrus.seasons import current_season_year, season_by_year
from vrus.texts import Text, translate

ORCHESTRA = "Vestregionens Ungdomssymfonikere"  # as the printouts' header says it
SHORT_NAME = "VRUS"
ZONE = "Europe/Oslo"
OSLO = ZoneInfo(ZONE)
SUFFIX = ".ics"
UID_DOMAIN = "vrus"

# What a family packs. Concerts want the concert clothes instead of a stand; an inspiration
# concert is listened to, so nothing to bring.
BRING_REHEARSAL = translate(
    "Core", "Bring your instrument, a music stand, your music and a pencil."
)
BRING_CONCERT = translate("Core", "Bring your instrument and your music; wear concert clothes.")
CONCERTS = {EventKind.CONCERT.value, IrisType.KONSERT.value}
LISTENING = {IrisType.INSPIRASJONSKONSERT.value}


@dataclass(frozen=True)
class CalendarDay:
    number: int  # the day's place in the event: 1, 2, ...
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    lunch: bool  # lunch is served (a seminar day, or a day someone is on lunch duty)


@dataclass(frozen=True)
class CalendarEvent:
    id: int
    kind: str
    iris_type: str | None
    title: str
    venue: str | None
    description: str | None
    ensembles: tuple[str, ...]  # the invited ensembles, in ensemble order
    signup_deadline: dt.date | None
    cancelled: bool
    version: int
    changed_at: dt.datetime | None  # UTC, without a zone (as stored)
    days: tuple[CalendarDay, ...]


@dataclass(frozen=True)
class SeasonCalendar:
    year: int
    ensemble: str | None  # the ensemble's name when only its events are in it
    events: tuple[CalendarEvent, ...]
    first_date: dt.date  # the season's period (the VTIMEZONE covers it)
    last_date: dt.date

    @property
    def day_count(self) -> int:
        return sum(len(event.days) for event in self.events)


@dataclass(frozen=True)
class CalendarFile:
    path: Path
    events: int
    days: int


def file_name(year: int, ensemble_short_name: str | None = None) -> str:
    """The name to suggest: ``VRUS-2027.ics``, ``VRUS-2027-junior.ics`` for one ensemble."""
    part = f"-{ensemble_short_name}" if ensemble_short_name else ""
    return f"{SHORT_NAME}-{year}{part}{SUFFIX}"


# --- what goes into the file ------------------------------------------------------------------


def _lunch_days(session: Session, day_ids: list[int]) -> set[int]:
    """Days with a parent on lunch duty (lunch is served there, even outside a seminar)."""
    if not day_ids:
        return set()
    query = select(VolunteerDuty.event_day_id).where(
        VolunteerDuty.event_day_id.in_(day_ids), VolunteerDuty.task == DutyTask.LUNCH.value
    )
    return set(session.scalars(query))


def _calendar_event(event: Event, lunch_days: set[int]) -> CalendarEvent:
    days = sorted(event.days, key=lambda d: d.date)
    seminar = event.kind == EventKind.SEMINAR.value
    invited = sorted(
        (link.ensemble for link in event.invited), key=lambda e: (e.sort_order, sort_key(e.name))
    )
    return CalendarEvent(
        id=event.id,
        kind=event.kind,
        iris_type=event.iris_type,
        title=event.title,
        venue=event.venue,
        description=event.description,
        ensembles=tuple(e.name for e in invited),
        signup_deadline=event.signup_deadline,
        cancelled=bool(event.cancelled),
        version=event.version,
        changed_at=event.changed_at,
        days=tuple(
            CalendarDay(n, d.date, d.start_time, d.end_time, seminar or d.id in lunch_days)
            for n, d in enumerate(days, start=1)
        ),
    )


def calendar_events(session: Session, year: int, ensemble_id: int | None = None) -> SeasonCalendar:
    """The season's events in date order; with ``ensemble_id``, only those it is invited to.
    Refuses a season the register does not have and an unknown ensemble."""
    season = season_by_year(session, year)
    if season is None:
        raise VrusError(
            translate("Core", "there is no season {year} in the register").format(year=year)
        )
    query = (
        select(Event)
        .where(Event.season_id == season.id)
        .options(
            selectinload(Event.days),
            selectinload(Event.invited).selectinload(EventEnsemble.ensemble),
        )
    )
    ensemble = None
    if ensemble_id is not None:
        ensemble = session.get(Ensemble, ensemble_id) if isinstance(ensemble_id, int) else None
        if ensemble is None:
            raise not_in_register("ensemble", ensemble_id)
        query = query.where(
            Event.id.in_(
                select(EventEnsemble.event_id).where(EventEnsemble.ensemble_id == ensemble_id)
            )
        )
    found = [event for event in session.scalars(query) if event.days]
    lunch_days = _lunch_days(session, [d.id for event in found for d in event.days])
    events = sorted(
        (_calendar_event(event, lunch_days) for event in found),
        key=lambda e: (
            e.days[0].date,
            e.days[0].start_time or dt.time.min,
            sort_key(e.title),
            e.id,
        ),
    )
    dates = [season.start_date, season.end_date, *(d.date for e in events for d in e.days)]
    return SeasonCalendar(
        year=year,
        ensemble=ensemble.name if ensemble is not None else None,
        events=tuple(events),
        first_date=min(dates),
        last_date=max(dates),
    )


# --- the iCalendar text -----------------------------------------------------------------------


def day_uid(register: str, event_id: int, number: int) -> str:
    return f"{register}-event-{event_id}-day-{number}@{UID_DOMAIN}"


def _summary(event: CalendarEvent, day: CalendarDay) -> Text | str:
    summary: Text | str = event.title
    if len(event.days) > 1:
        summary = translate("Core", "{title} (day {number} of {count})").format(
            title=event.title, number=day.number, count=len(event.days)
        )
    if event.cancelled:
        summary = translate("Core", "CANCELLED: {summary}").format(summary=summary)
    return summary


def _kind(event: CalendarEvent) -> Text:
    kind = EVENT_KINDS.get(event.kind, translate("Core", "Event"))
    if event.iris_type in IRIS_TYPES:
        return translate("Core", "{kind}: {type}").format(
            kind=kind, type=IRIS_TYPES[event.iris_type]
        )
    return kind


def _bring(event: CalendarEvent) -> Text | None:
    if event.iris_type in LISTENING:
        return None
    if event.kind in CONCERTS or event.iris_type in CONCERTS:
        return BRING_CONCERT
    return BRING_REHEARSAL


def _description(event: CalendarEvent, day: CalendarDay, tr: Translator) -> str:
    lines: list[Text | str] = []
    if event.cancelled:
        lines.append(translate("Core", "This event is cancelled."))
    lines.append(_kind(event))
    if event.ensembles:
        lines.append(
            translate("Core", "For {ensembles}.").format(ensembles=join(list(event.ensembles)))
        )
    if event.description:
        lines.append(event.description.strip())
    if not event.cancelled:
        bring = _bring(event)
        if bring is not None:
            lines.append(bring)
        if day.lunch:
            lines.append(translate("Core", "Lunch is served."))
        if event.signup_deadline is not None:
            lines.append(
                translate("Core", "Sign up by {deadline}.").format(deadline=event.signup_deadline)
            )
    return "\n".join(tr(line) for line in lines)


def _times(day: CalendarDay) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    """DTSTART and DTEND: local Oslo times, or the whole day (DTEND is the next day, RFC 5545
    3.6.1) when the day has no start time. A start without an end has no DTEND."""
    if day.start_time is None:
        return day.date, day.date + dt.timedelta(days=1)
    start = dt.datetime.combine(day.date, day.start_time, tzinfo=OSLO)
    end = dt.datetime.combine(day.date, day.end_time, tzinfo=OSLO) if day.end_time else None
    return start, end


def _calendar_name(calendar: SeasonCalendar) -> Text:
    if calendar.ensemble is not None:
        return translate("Core", "{orchestra}: {ensemble}, season {season}").format(
            orchestra=ORCHESTRA, ensemble=calendar.ensemble, season=str(calendar.year)
        )
    return translate("Core", "{orchestra}, season {season}").format(
        orchestra=ORCHESTRA, season=str(calendar.year)
    )


def _entry(
    event: CalendarEvent, day: CalendarDay, register: str, now: dt.datetime, tr: Translator
) -> CalendarEntry:
    entry = CalendarEntry()
    entry.add("uid", day_uid(register, event.id, day.number))
    entry.add("dtstamp", now)
    start, end = _times(day)
    entry.add("dtstart", start)
    if end is not None:
        entry.add("dtend", end)
    entry.add("summary", tr(_summary(event, day)))
    if event.venue:
        entry.add("location", event.venue)
    entry.add("description", _description(event, day, tr))
    entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    entry.add("sequence", event.version)
    if event.changed_at is not None:
        entry.add("last-modified", event.changed_at.replace(tzinfo=dt.UTC))
    return entry


def calendar_bytes(
    calendar: SeasonCalendar,
    register: str,
    *,
    now: dt.datetime,
    language: str = DEFAULT_LANGUAGE,
) -> bytes:
    """The iCalendar file of ``calendar``; ``now`` (UTC, without a zone) is its DTSTAMP."""
    tr = Translator(language)
    stamp = now.replace(tzinfo=dt.UTC)
    ical = Calendar()
    ical.add("prodid", f"-//{ORCHESTRA}//VRUS {__version__}//{language.upper()}")
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    ical.add("method", "PUBLISH")
    name = tr(_calendar_name(calendar))
    ical.add("name", name)
    ical.add("x-wr-calname", name)
    ical.add("x-wr-timezone", ZONE)
    # Always there, also in a season without timed days: a calendar needs one component.
    ical.add_component(
        Timezone.from_tzid(
            ZONE,
            first_date=dt.date(calendar.first_date.year, 1, 1),
            last_date=dt.date(calendar.last_date.year + 1, 1, 1),
        )
    )
    for event in calendar.events:
        for day in event.days:
            ical.add_component(_entry(event, day, register, stamp, tr))
    return ical.to_ical()


def _made(
    db: Database, year: int | None, ensemble_id: int | None, language: str, today: dt.date | None
) -> tuple[SeasonCalendar, bytes]:
    season = year if year is not None else current_season_year(today)
    with db.sessions() as session:
        calendar = calendar_events(session, season, ensemble_id)
    # A register older than its identity (none before migration 0004) still gets UIDs that
    # stay the same from one export to the next.
    register = register_id(db) or SHORT_NAME.lower()
    return calendar, calendar_bytes(calendar, register, now=clock.utc_now(), language=language)


def season_calendar(
    db: Database,
    year: int | None = None,
    *,
    ensemble_id: int | None = None,
    language: str = DEFAULT_LANGUAGE,
    today: dt.date | None = None,
) -> bytes:
    """The iCalendar file of the season ``year`` (default: the current season), of the events
    ``ensemble_id`` is invited to if given."""
    return _made(db, year, ensemble_id, language, today)[1]


def write_season_calendar(
    db: Database,
    path: str | os.PathLike[str],
    year: int | None = None,
    *,
    ensemble_id: int | None = None,
    language: str = DEFAULT_LANGUAGE,
    today: dt.date | None = None,
) -> CalendarFile:
    """Write the season's calendar to ``path`` (replacing a file there, as every export
    does, in one piece: a reader never finds half a calendar)."""
    target = check_target(path)  # a missing folder is refused before any work
    calendar, data = _made(db, year, ensemble_id, language, today)
    written = write_private_file(target, data)
    return CalendarFile(written, len(calendar.events), calendar.day_count)
