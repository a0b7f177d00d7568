"""Instrumentation: the orchestra's members per instrument against the target count.

Counted on the season's report day (today in the current season, the last day of a past
one) with the member list's rule for "current membership", by the instrument of that
membership. Gaps come first, largest first, then the instruments that are full, in score
order. The four instruments the culture schools do not teach (oboe, bassoon, viola, double
bass: ``hard_to_recruit``) are marked. The juniors and aspirants playing each instrument are
shown beside it: they are who may fill the gap in a year or two.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vrus import clock
from vrus.db.models import Instrument, Membership, Person
from vrus.member_list import current_membership_id
from vrus.reference import InstrumentRow, instruments
from vrus.reports.common import (
    EnsembleInfo,
    Period,
    ensembles,
    main_ensemble,
    season_period,
)
from vrus.reports.labels import NO_INSTRUMENT, SECTIONS, YES
from vrus.reports.tables import Chart, Column, Kind, Report, Series, Table
from vrus.texts import bilingual, translate


@dataclass(frozen=True)
class InstrumentLine:
    instrument: InstrumentRow | None  # None: members without an instrument on record
    members: dict[int, int]  # ensemble id -> active members playing it

    def count(self, ensemble_id: int | None) -> int:
        return self.members.get(ensemble_id, 0) if ensemble_id is not None else 0

    def missing(self, main_id: int | None) -> int:
        target = self.instrument.target_count if self.instrument else None
        return max(0, (target or 0) - self.count(main_id))


@dataclass
class Instrumentation:
    period: Period
    day: dt.date
    ensembles: list[EnsembleInfo]
    main: EnsembleInfo | None
    lines: list[InstrumentLine]  # gaps first, then score order

    @property
    def gaps(self) -> list[InstrumentLine]:
        main_id = self.main.id if self.main else None
        return [line for line in self.lines if line.missing(main_id)]


def _active_members(session: Session, day: dt.date) -> dict[str | None, Counter[int]]:
    """Instrument (its Bokmål name; None: none on record) -> ensemble id -> members active
    on ``day`` (not archived; erased persons count), by their current membership. Counted
    in the database: reading every member's row took a second at 10 000 persons."""
    names = dict(session.execute(select(Instrument.id, Instrument.name_nb)).all())
    query = (
        select(Membership.ensemble_id, Membership.instrument_id, func.count())
        .select_from(Person)
        .join(Membership, Membership.id == current_membership_id(day))
        .where(Person.archived_at.is_(None))
        .group_by(Membership.ensemble_id, Membership.instrument_id)
    )
    counts: dict[str | None, Counter[int]] = {}
    for ensemble_id, instrument_id, members in session.execute(query):
        name = names[instrument_id] if instrument_id is not None else None
        counts.setdefault(name, Counter())[ensemble_id] += members
    return counts


def instrumentation(
    session: Session, season: int | None = None, *, today: dt.date | None = None
) -> Instrumentation:
    today = clock.or_today(today)
    period = season_period(session, season, today)
    day = period.report_day(today)
    found = ensembles(session)
    main = main_ensemble(found)
    counts = _active_members(session, day)
    known = instruments(session)
    lines = [InstrumentLine(i, dict(counts.get(i.name_nb, Counter()))) for i in known]
    if None in counts:
        lines.append(InstrumentLine(None, dict(counts[None])))
    main_id = main.id if main else None
    order = {line.instrument.id if line.instrument else 0: n for n, line in enumerate(lines)}

    def rank(line: InstrumentLine) -> tuple:
        position = order[line.instrument.id if line.instrument else 0]
        missing = line.missing(main_id)
        hard = bool(line.instrument and line.instrument.hard_to_recruit)
        return (0, -missing, not hard, position) if missing else (1, 0, False, position)

    return Instrumentation(period, day, found, main, sorted(lines, key=rank))


# --- the document -------------------------------------------------------------------------


def _table(report: Instrumentation) -> Table:
    main_id = report.main.id if report.main else None
    others = [e for e in report.ensembles if e != report.main]
    columns = [
        Column(translate("Core", "Instrument")),
        Column(translate("Core", "Section")),
        Column(translate("Core", "Target"), Kind.INT),
        Column(report.main.name if report.main else translate("Core", "Members"), Kind.INT),
        Column(translate("Core", "Missing"), Kind.INT),
    ]
    columns += [Column(e.name, Kind.INT) for e in others]
    columns.append(Column(translate("Core", "Hard to recruit")))
    table = Table(
        translate("Core", "Members per instrument on {day}").format(day=report.day),
        columns,
        key="instruments",
        total_rows=1,
        mark_note=translate("Core", "fewer members than the target"),
        notes=[
            translate(
                "Core",
                "Hard to recruit: not taught at the culture schools "
                "(oboe, bassoon, viola, double bass).",
            )
        ],
    )
    for line in report.lines:
        instrument = line.instrument
        table.add(
            [
                bilingual(instrument.name_nb, instrument.name_en) if instrument else NO_INSTRUMENT,
                SECTIONS.get(instrument.section) if instrument else None,
                instrument.target_count if instrument else None,
                line.count(main_id),
                line.missing(main_id)
                if instrument and instrument.target_count is not None
                else None,
                *[line.count(e.id) for e in others],
                YES if instrument and instrument.hard_to_recruit else "",
            ],
            marked=bool(line.missing(main_id)),
        )
    targets = [
        line.instrument.target_count
        for line in report.lines
        if line.instrument and line.instrument.target_count is not None
    ]
    table.add(
        [
            translate("Core", "All instruments"),
            "",
            sum(targets),
            sum(line.count(main_id) for line in report.lines),
            sum(line.missing(main_id) for line in report.lines),
            *[sum(line.count(e.id) for line in report.lines) for e in others],
            "",
        ]
    )
    return table


def _chart(report: Instrumentation) -> Chart:
    main_id = report.main.id if report.main else None
    shown = sorted(
        (
            (line.instrument, line.count(main_id))
            for line in report.lines
            if line.instrument is not None
        ),
        key=lambda pair: pair[0].sort_order,
    )
    return Chart(
        title=translate("Core", "Members against the target, in score order"),
        categories=tuple(bilingual(i.name_nb, i.name_en) for i, _ in shown),
        series=(
            Series(
                report.main.name if report.main else translate("Core", "Members"),
                tuple(float(count) for _, count in shown),
            ),
            Series(
                translate("Core", "Target"),
                tuple(float(instrument.target_count or 0) for instrument, _ in shown),
            ),
        ),
    )


def instrumentation_json(report: Instrumentation) -> dict:
    main_id = report.main.id if report.main else None
    return {
        "season": str(report.period.year),
        "day": report.day.isoformat(),
        "main_ensemble": report.main.name if report.main else None,
        "instruments": [
            {
                "instrument": line.instrument.name_nb if line.instrument else None,
                "instrument_en": line.instrument.name_en if line.instrument else None,
                "section": line.instrument.section if line.instrument else None,
                "target": line.instrument.target_count if line.instrument else None,
                # In the ensembles' order, whatever order they were counted in.
                "members": {
                    e.name: line.members[e.id] for e in report.ensembles if e.id in line.members
                },
                "missing": line.missing(main_id),
                "hard_to_recruit": bool(line.instrument and line.instrument.hard_to_recruit),
            }
            for line in report.lines
        ],
    }


def instrumentation_report(report: Instrumentation) -> Report:
    gaps = report.gaps
    missing = sum(line.missing(report.main.id if report.main else None) for line in gaps)
    headline = translate("Core", "{n} instruments below target, {missing} players missing").format(
        n=len(gaps), missing=missing
    )
    return Report(
        kind="instrumentation",
        kicker=translate("Core", "Instrumentation"),
        title=translate("Core", "Instrumentation against the target, season {season}").format(
            season=report.period.year
        ),
        headline=headline,
        tables=[_table(report)],
        charts=[_chart(report)],
        data=instrumentation_json(report),
        file_label=str(report.period.year),
    )
