"""Ages: the age distribution per ensemble, who ages out after the season, who may move up.

Ages are season ages (the age a member turns in the season's year, ``vrus.ages``), taken on
the season's report day with the member list's flags (``age_limit_overview``), so this
report and the age panel of the member list always agree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus import clock
from vrus.ages import season_age
from vrus.db.models import Ensemble, Instrument, Membership, Person
from vrus.member_list import (
    AgeLimitOverview,
    MemberRow,
    age_limit_overview,
    current_membership_id,
)
from vrus.reports.common import (
    EnsembleInfo,
    Period,
    ensembles,
    season_period,
)
from vrus.reports.tables import Column, Kind, Report, Table
from vrus.texts import bilingual, translate

UNKNOWN_AGE = translate("Core", "Birth date missing")


@dataclass(frozen=True)
class AgedMember:
    age: int | None  # the season age (``vrus.ages``); None: birth date unknown
    ensemble: str  # of the membership current on the report day


@dataclass
class SeasonAges:
    period: Period
    day: dt.date
    ensembles: list[EnsembleInfo]
    members: list[AgedMember]  # active on ``day``
    # Who ages out, may move up, is outside the limits, by name; None: computed without
    # names (``season_ages``), the distribution alone.
    overview: AgeLimitOverview | None
    # Instrument names in Bokmål -> in English, for a report in English.
    english_instruments: dict[str, str] = field(default_factory=dict)

    def distribution(self) -> dict[int | None, Counter[str | None]]:
        """Season age -> ensemble name -> members (None: birth date unknown)."""
        found: dict[int | None, Counter[str | None]] = {}
        for row in self.members:
            found.setdefault(row.age, Counter())[row.ensemble] += 1
        return found

    def ages_of(self, ensemble: str) -> list[int]:
        return sorted(r.age for r in self.members if r.ensemble == ensemble and r.age is not None)


def season_ages(
    session: Session,
    season: int | None = None,
    *,
    today: dt.date | None = None,
    names: bool = True,
) -> SeasonAges:
    """``names=False`` leaves out the lists of members by name (the reader role may read no
    names): the distribution and the ages per ensemble stay."""
    today = clock.or_today(today)
    period = season_period(session, season, today)
    day = period.report_day(today)
    return SeasonAges(
        period,
        day,
        ensembles(session),
        _active_members(session, day),
        age_limit_overview(session, day, include_erased=True) if names else None,
        {nb: en for nb, en in session.execute(select(Instrument.name_nb, Instrument.name_en))},
    )


def _active_members(session: Session, day: dt.date) -> list[AgedMember]:
    """Everyone active on ``day`` by the member list's rule (not archived; erased persons
    count in a report), with their season age and ensemble: only what the tables count,
    read in one query instead of every member's full row (a second at 10 000 persons)."""
    query = (
        select(Person.birth_date, Ensemble.name)
        .select_from(Person)
        .join(Membership, Membership.id == current_membership_id(day))
        .join(Ensemble, Ensemble.id == Membership.ensemble_id)
        .where(Person.archived_at.is_(None))
    )
    return [AgedMember(season_age(born, day.year), name) for born, name in session.execute(query)]


# --- the document -------------------------------------------------------------------------


def _limits(ensemble: EnsembleInfo) -> str:
    if ensemble.min_age is None and ensemble.max_age is None:
        return ""
    return (
        f"{ensemble.min_age if ensemble.min_age is not None else ''}–"
        f"{ensemble.max_age if ensemble.max_age is not None else ''}"
    )


def _distribution_table(report: SeasonAges) -> Table:
    names = [e.name for e in report.ensembles]
    columns = [Column(translate("Core", "Age in {season}").format(season=report.period.year))]
    columns += [Column(name, Kind.INT) for name in names]
    columns.append(Column(translate("Core", "All"), Kind.INT))
    table = Table(
        translate("Core", "Age distribution per ensemble"),
        columns,
        key="distribution",
        total_rows=1,
        sheet=translate("Core", "Ages"),
        notes=[
            translate("Core", "Age limits: {limits}.").format(
                limits=", ".join(f"{e.name} {_limits(e)}" for e in report.ensembles if _limits(e))
            )
        ],
    )
    spread = report.distribution()
    ages = sorted(a for a in spread if a is not None)
    for age in range(ages[0], ages[-1] + 1) if ages else []:
        counts = spread.get(age, Counter())
        table.add([age, *[counts[n] for n in names], sum(counts.values())])
    if None in spread:
        table.add([UNKNOWN_AGE, *[spread[None][n] for n in names], sum(spread[None].values())])
    table.add(
        [
            translate("Core", "Members"),
            *[sum(1 for r in report.members if r.ensemble == n) for n in names],
            len(report.members),
        ]
    )
    return table


def _summary_table(report: SeasonAges) -> Table:
    columns = [
        Column(translate("Core", "Ensemble")),
        Column(translate("Core", "Age limits")),
        Column(translate("Core", "Members"), Kind.INT),
        Column(translate("Core", "Youngest"), Kind.INT),
        Column(translate("Core", "Oldest"), Kind.INT),
        Column(translate("Core", "Average age"), Kind.NUMBER, 1),
    ]
    table = Table(translate("Core", "Ages per ensemble"), columns, key="ensembles")
    for ensemble in report.ensembles:
        ages = report.ages_of(ensemble.name)
        table.add(
            [
                ensemble.name,
                _limits(ensemble),
                sum(1 for r in report.members if r.ensemble == ensemble.name),
                ages[0] if ages else None,
                ages[-1] if ages else None,
                sum(ages) / len(ages) if ages else None,
            ]
        )
    return table


def _people_table(title, key: str, rows: list[MemberRow], empty, english: dict[str, str]) -> Table:
    columns = [
        Column(translate("Core", "Name"), wrap=False),
        Column(translate("Core", "Ensemble"), wrap=False),
        Column(translate("Core", "Instrument")),
        Column(translate("Core", "Age"), Kind.INT),
        Column(translate("Core", "Birth date"), Kind.DATE),
        Column(translate("Core", "Municipality")),
    ]
    table = Table(title, columns, key=key)
    for row in rows:
        table.add(
            [
                row.name,
                row.ensemble,
                bilingual(row.instrument, english.get(row.instrument)) if row.instrument else None,
                row.age,
                row.birth_date,
                row.municipality_label,
            ]
        )
    if not rows:
        table.notes.append(empty)
    return table


def ages_json(report: SeasonAges) -> dict:
    def people(rows: list[MemberRow]) -> list[dict]:
        return [
            {
                "person_id": r.person_id,
                "name": r.name,
                "ensemble": r.ensemble,
                "instrument": r.instrument,
                "age": r.age,
            }
            for r in rows
        ]

    spread = report.distribution()
    return {
        "season": str(report.period.year),
        "day": report.day.isoformat(),
        "distribution": {
            e.name: {
                str(age): counts[e.name]
                for age, counts in sorted(spread.items(), key=lambda i: (i[0] is None, i[0] or 0))
                if counts[e.name]
            }
            for e in report.ensembles
        },
        **(
            {
                "ages_out": people(report.overview.ages_out),
                "may_move_up": people(report.overview.may_move_up),
                "outside_limits": people(report.overview.outside_limits),
            }
            if report.overview is not None
            else {}
        ),
    }


def _people_tables(overview: AgeLimitOverview, english: dict[str, str]) -> list[Table]:
    return [
        _people_table(
            translate("Core", "Ages out after this season"),
            "ages_out",
            overview.ages_out,
            translate("Core", "Nobody reaches the upper age limit this season."),
            english,
        ),
        _people_table(
            translate("Core", "May move up to the next ensemble"),
            "may_move_up",
            overview.may_move_up,
            translate("Core", "Nobody is old enough to move up."),
            english,
        ),
        _people_table(
            translate("Core", "Outside the age limits"),
            "outside_limits",
            overview.outside_limits,
            translate("Core", "Everyone is within the age limits."),
            english,
        ),
    ]


def ages_report(report: SeasonAges) -> Report:
    overview = report.overview
    headline = None
    if overview is not None:
        headline = translate("Core", "{out} age out after this season; {up} may move up").format(
            out=len(overview.ages_out), up=len(overview.may_move_up)
        )
    return Report(
        kind="ages",
        kicker=translate("Core", "Ages"),
        title=translate("Core", "Ages of the members, season {season}").format(
            season=report.period.year
        ),
        headline=headline,
        lines=[
            translate(
                "Core", "Active members on {day}; ages are the ages they turn in {season}."
            ).format(day=report.day, season=report.period.year)
        ],
        tables=[
            _summary_table(report),
            _distribution_table(report),
            *(_people_tables(overview, report.english_instruments) if overview is not None else []),
        ],
        data=ages_json(report),
        file_label=str(report.period.year),
    )
