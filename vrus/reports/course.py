"""The course grant report: does a seminar (or a series of seminars treated as one course)
qualify for an adult-education grant, and who are its participants?

- Course hours: the sum over the events' days of end time minus start time. A day without
  both times makes the hours unknown, and the report says which day to fix.
- The course year is the year of the course's last day (a course running over New Year is
  reported when it ends).
- Participants: everyone recorded present on at least one of the days. A participant counts
  when they turn at least ``min_age`` in the course year (``vrus.ages.season_age``: 14 for
  everyone born in the year 14 before, birthday on 31 December included) and attended at
  least ``min_attendance_percent`` of the course hours (75 % exactly counts). Compared in
  whole minutes, so no rounding decides a boundary.
- The course qualifies when its hours are known and at least ``min_hours``, and at least
  ``min_participants`` participants count. Every reason it does not is listed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus import clock
from vrus.ages import season_age
from vrus.collation import sort_key
from vrus.db.enums import AttendanceStatus
from vrus.db.models import Attendance, Person
from vrus.events import get_event
from vrus.reports.course_rules import AppliedRules, course_rules
from vrus.texts import Text, translate
from vrus.validation import ValidationError

PRESENT = AttendanceStatus.PRESENT.value


@dataclass(frozen=True)
class CourseDay:
    id: int
    event_id: int
    title: str
    date: dt.date
    start: dt.time | None
    end: dt.time | None

    @property
    def minutes(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)


@dataclass
class Participant:
    person_id: int
    first_name: str
    last_name: str
    birth_date: dt.date | None
    gender: str | None
    postal_code: str | None
    days: list[CourseDay] = field(default_factory=list)  # present on these
    counts: bool = False
    reasons: list[Text] = field(default_factory=list)  # why not

    @property
    def birth_year(self) -> int | None:
        return self.birth_date.year if self.birth_date else None

    @property
    def minutes(self) -> int:
        return sum(day.minutes or 0 for day in self.days)


@dataclass
class CourseResult:
    events: list[tuple[int, str]]
    days: list[CourseDay]
    applied: AppliedRules
    participants: list[Participant]
    problems: list[Text]  # why the course does not qualify; empty when it does
    warnings: list[Text]  # worth checking, but not deciding

    @property
    def year(self) -> int:
        return self.applied.year

    @property
    def minutes(self) -> int | None:
        found = [day.minutes for day in self.days]
        known = [m for m in found if m is not None]
        return None if len(known) < len(found) else sum(known)

    @property
    def counting(self) -> list[Participant]:
        return [p for p in self.participants if p.counts]

    @property
    def qualifies(self) -> bool:
        return not self.problems

    def share(self, participant: Participant) -> float | None:
        return participant.minutes / self.minutes if self.minutes else None


def _days(session: Session, event_ids: list[int]) -> tuple[list[tuple[int, str]], list[CourseDay]]:
    if not event_ids:
        raise ValidationError("events", translate("Core", "give at least one event"))
    events, days = [], []
    for event_id in dict.fromkeys(event_ids):  # the same event twice is once
        event = get_event(session, event_id)
        events.append((event.id, event.title))
        days += [
            CourseDay(d.id, event.id, event.title, d.date, d.start_time, d.end_time)
            for d in event.days
        ]
    if not days:
        raise ValidationError("events", translate("Core", "the events have no days"))
    return events, sorted(days, key=lambda d: (d.date, d.start or dt.time.min, d.id))


def _participants(session: Session, days: list[CourseDay]) -> list[Participant]:
    by_id = {day.id: day for day in days}
    found: dict[int, Participant] = {}
    query = (
        select(Attendance.event_day_id, Person)
        .join(Person, Person.id == Attendance.person_id)
        .where(Attendance.event_day_id.in_(by_id), Attendance.status == PRESENT)
    )
    for day_id, person in session.execute(query):
        participant = found.setdefault(
            person.id,
            Participant(
                person.id,
                person.first_name,
                person.last_name,
                person.birth_date,
                person.gender,
                person.postal_code,
            ),
        )
        participant.days.append(by_id[day_id])
    return sorted(
        found.values(), key=lambda p: (sort_key(p.last_name), sort_key(p.first_name), p.person_id)
    )


def _judge(participant: Participant, result: CourseResult) -> None:
    rules, year = result.applied.rules, result.year
    reasons = participant.reasons
    age = season_age(participant.birth_date, year)
    if age is None:
        reasons.append(translate("Core", "birth date missing"))
    elif age < rules.min_age:
        reasons.append(
            translate("Core", "turns {age} in {year}, below {least}").format(
                age=age, year=str(year), least=rules.min_age
            )
        )
    total = result.minutes
    if total is None:
        reasons.append(translate("Core", "course hours unknown"))
    elif participant.minutes * 100 < rules.min_attendance_percent * total:
        reasons.append(
            translate("Core", "attended less than {least} % of the hours").format(
                least=rules.min_attendance_percent
            )
        )
    participant.counts = not reasons


def hours(minutes: float | Decimal) -> int | float:
    """Minutes as hours: a whole number when whole (every translator prints an int alike;
    "7.5" becomes "7,5" in Bokmål through the reports' translator)."""
    value = float(minutes) / 60
    return int(value) if value.is_integer() else round(value, 2)


def _course_problems(result: CourseResult) -> list[Text]:
    rules, problems = result.applied.rules, []
    missing = [day for day in result.days if day.minutes is None]
    for day in missing:
        problems.append(
            translate(
                "Core", "{day} ({title}) has no start and end time, so the course hours are unknown"
            ).format(day=day.date, title=day.title)
        )
    minutes = result.minutes  # None exactly when a day is missing its times
    if minutes is not None and minutes < rules.min_minutes:
        problems.append(
            translate("Core", "the course has {hours} hours; at least {least} are needed").format(
                hours=hours(minutes), least=hours(rules.min_minutes)
            )
        )
    counting = len(result.counting)
    if counting < rules.min_participants:
        problems.append(
            translate("Core", "{n} participants count; at least {least} are needed").format(
                n=counting, least=rules.min_participants
            )
        )
    return problems


def _warnings(result: CourseResult, today: dt.date) -> list[Text]:
    came = {day.id for p in result.participants for day in p.days}
    warnings = []
    for day in result.days:
        if day.date > today:
            warnings.append(
                translate("Core", "{day} is still to come: the report will change").format(
                    day=day.date
                )
            )
        elif day.id not in came:
            warnings.append(
                translate("Core", "nobody is recorded present on {day}").format(day=day.date)
            )
    return warnings


def course_result(
    session: Session, event_ids: list[int], *, today: dt.date | None = None
) -> CourseResult:
    """The course made of ``event_ids``: hours, participants, and whether it qualifies."""
    events, days = _days(session, event_ids)
    applied = course_rules(session, days[-1].date.year)
    result = CourseResult(events, days, applied, _participants(session, days), [], [])
    for participant in result.participants:
        _judge(participant, result)
    result.problems = _course_problems(result)
    result.warnings = _warnings(result, clock.or_today(today))
    return result
