"""Attendance over a season: per member, per event and per municipality.

The figures are ``vrus.event_stats``'s (the definitions are there: counted days, invited,
extra days); this module only arranges them for print and export. Up to today in the
current season, the whole season for a past one.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from itertools import groupby

from sqlalchemy.orm import Session

from vrus import clock
from vrus.event_stats import (
    DayTurnout,
    MemberRate,
    MunicipalityParticipation,
    attendance_rates,
    counted_days,
    participation_by_municipality,
    turnout,
)
from vrus.reports.common import Period, season_period
from vrus.reports.labels import EVENT_KINDS
from vrus.reports.tables import Column, Kind, Label, Report, Table
from vrus.texts import Text, translate


@dataclass
class SeasonAttendance:
    period: Period
    until: dt.date
    today_terms: bool
    members: list[MemberRate]
    days: list[DayTurnout]
    municipalities: list[MunicipalityParticipation]
    # False: computed without names (``season_attendance``), so no table per member.
    named: bool = True

    @property
    def average_rate(self) -> float | None:
        rates = [m.rate for m in self.members if m.rate is not None]
        # fsum: the same to the last digit whatever the members' order (by name, or by id
        # when computed without names).
        return math.fsum(rates) / len(rates) if rates else None

    @property
    def average_turnout(self) -> float | None:
        """Present of the invited over all counted days together."""
        invited = sum(d.invited for d in self.days)
        return sum(d.present_invited for d in self.days) / invited if invited else None


def season_attendance(
    session: Session,
    season: int | None = None,
    *,
    today_terms: bool = False,
    today: dt.date | None = None,
    municipalities: bool = True,
    names: bool = True,
) -> SeasonAttendance:
    """``municipalities=False`` leaves out the participation per municipality; ``names=False``
    reads no names, for the averages alone (the annual report, the reader role)."""
    today = clock.or_today(today)
    period = season_period(session, season, today)
    until = min(today, period.end)
    # The counted days with who came and who was invited: loaded once for all three figures.
    counted = counted_days(session, period.year, until)
    return SeasonAttendance(
        period,
        until,
        today_terms,
        attendance_rates(session, period.year, until, counted=counted, names=names),
        turnout(session, period.year, until, counted=counted),
        participation_by_municipality(
            session, period.year, until, todays_terms=today_terms, today=today, counted=counted
        )
        if municipalities
        else [],
        named=names,
    )


# --- the document -------------------------------------------------------------------------


def _member_table(report: SeasonAttendance) -> Table:
    columns = [
        Column(translate("Core", "Name"), wrap=False),
        Column(translate("Core", "Ensemble"), wrap=False),
        Column(translate("Core", "Invited days"), Kind.INT),
        Column(translate("Core", "Present"), Kind.INT),
        Column(translate("Core", "Excused"), Kind.INT),
        Column(translate("Core", "Attendance"), Kind.PERCENT, 0),
        Column(translate("Core", "Extra days"), Kind.INT),
    ]
    table = Table(
        translate("Core", "Attendance per member"),
        columns,
        key="members",
        sheet=translate("Core", "Per member"),
        mark_note=translate("Core", "present on less than half of the invited days"),
        notes=[
            translate(
                "Core",
                "Extra days: present at an event the member was not "
                "invited to; not part of the attendance.",
            )
        ],
    )
    for m in report.members:
        table.add(
            [
                f"{m.last_name}, {m.first_name}",
                m.ensemble,
                m.invited_days,
                m.present_days,
                m.excused_days,
                m.rate,
                m.extra_days,
            ],
            marked=m.rate is not None and m.rate < 0.5,
        )
    return table


def _event_table(report: SeasonAttendance) -> Table:
    columns = [
        Column(translate("Core", "Event")),
        Column(translate("Core", "Kind")),
        Column(translate("Core", "First day"), Kind.DAY),
        Column(translate("Core", "Days"), Kind.INT),
        Column(translate("Core", "Invited"), Kind.INT),
        Column(translate("Core", "Present (average per day)"), Kind.NUMBER, 1),
        Column(translate("Core", "Turnout of the invited"), Kind.PERCENT, 0),
    ]
    table = Table(
        translate("Core", "Attendance per event"),
        columns,
        key="events",
        sheet=translate("Core", "Per event"),
    )
    for _, group in groupby(report.days, key=lambda d: d.event_id):
        days = list(group)
        invited = sum(d.invited for d in days)
        table.add(
            [
                days[0].title,
                EVENT_KINDS.get(days[0].kind, days[0].kind),
                days[0].date,
                len(days),
                max(d.invited for d in days),
                sum(d.present for d in days) / len(days),
                sum(d.present_invited for d in days) / invited if invited else None,
            ]
        )
    return table


def _day_table(report: SeasonAttendance) -> Table:
    columns = [
        Column(translate("Core", "Day"), Kind.DAY),
        Column(translate("Core", "Event")),
        Column(translate("Core", "Invited"), Kind.INT),
        Column(translate("Core", "Present"), Kind.INT),
        Column(translate("Core", "Of them invited"), Kind.INT),
        Column(translate("Core", "Turnout of the invited"), Kind.PERCENT, 0),
    ]
    table = Table(
        translate("Core", "Turnout per day"),
        columns,
        key="days",
        sheet=translate("Core", "Per day"),
    )
    for d in report.days:
        table.add([d.date, d.title, d.invited, d.present, d.present_invited, d.share])
    return table


def _municipality_table(report: SeasonAttendance) -> Table:
    columns = [
        Column(translate("Core", "Municipality")),
        Column(translate("Core", "Persons present at least once"), Kind.INT),
    ]
    table = Table(
        translate("Core", "Participants per municipality"),
        columns,
        key="municipalities",
        sheet=translate("Core", "Per municipality"),
    )
    if report.today_terms:
        table.notes.append(translate("Core", "Municipalities in today's terms."))
    else:
        table.notes.append(
            translate(
                "Core",
                "Municipalities as they were in {season}; members registered under a "
                "municipality of another time count under the one valid then.",
            ).format(season=report.period.year)
        )
    for m in report.municipalities:
        table.add([_municipality_name(m, report.period.year), m.persons])
    return table


def _municipality_name(m: MunicipalityParticipation, season: int) -> Text | str:
    if m.name is None:
        return translate("Core", "No municipality recorded")
    if not m.placed:
        return translate(
            "Core", "{name} ({number}): cannot be placed among the municipalities of {season}"
        ).format(name=m.name, number=m.number, season=season)
    if not m.in_region:
        return translate("Core", "{name} (outside the region)").format(name=m.name)
    return m.name


def attendance_json(report: SeasonAttendance) -> dict:
    return {
        "season": str(report.period.year),
        "until": report.until.isoformat(),
        "average_rate": report.average_rate,
        "average_turnout": report.average_turnout,
        "members": [
            {
                "person_id": m.person_id,
                "name": f"{m.last_name}, {m.first_name}",
                "ensemble": m.ensemble,
                "invited_days": m.invited_days,
                "present_days": m.present_days,
                "excused_days": m.excused_days,
                "extra_days": m.extra_days,
                "rate": m.rate,
            }
            for m in (report.members if report.named else [])
        ],
        "days": [
            {
                "event_id": d.event_id,
                "title": d.title,
                "kind": d.kind,
                "date": d.date.isoformat(),
                "invited": d.invited,
                "present": d.present,
                "present_invited": d.present_invited,
                "share": d.share,
            }
            for d in report.days
        ],
        "municipalities": [
            {
                "name": m.name,
                "number": m.number,
                "in_region": m.in_region,
                "placed": m.placed,
                "persons": m.persons,
            }
            for m in report.municipalities
        ],
    }


def attendance_report(report: SeasonAttendance) -> Report:
    lines: list[Label] = [
        translate("Core", "Counted: {n} days with attendance recorded, up to {day}.").format(
            n=len(report.days), day=report.until
        )
    ]
    headline = None
    if report.average_turnout is not None:
        headline = translate("Core", "On average {share} % of the invited came").format(
            share=round(report.average_turnout * 100)
        )
    return Report(
        kind="attendance",
        kicker=translate("Core", "Attendance"),
        title=translate("Core", "Attendance, season {season}").format(season=report.period.year),
        headline=headline,
        lines=lines,
        tables=[
            _event_table(report),
            *([_member_table(report)] if report.named else []),
            _day_table(report),
            _municipality_table(report),
        ],
        make_data=lambda: attendance_json(report),
        file_label=str(report.period.year),
    )
