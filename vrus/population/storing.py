"""What an import of population figures would change in the register, and storing it.

A figure belongs to the municipality row with its number; where the register has several
rows with that number, the one valid on 1 January of the figure's year, else the newest (SSB
recomputes older years to today's borders: "K-3203 Asker" 2019 belongs to today's Asker).
A number the register does not have is listed and skipped: a download of every municipality
in Norway is a normal file. Everything is stored in one transaction, or nothing is.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus import clock
from vrus.db.engine import Database
from vrus.db.models import Municipality, MunicipalityPopulation
from vrus.population.counts import Counts, Key
from vrus.population.reading import read_population_file

SOURCE_LENGTH = 200  # MunicipalityPopulation.source


@dataclass(frozen=True)
class Change:
    """A figure to add (``old`` None) or to change."""

    municipality_id: int
    number: str
    name: str
    year: int
    age: int | None  # None: the whole population
    old: int | None
    new: int


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0
    not_in_register: dict[str, set[int]] = field(default_factory=dict)  # number -> years
    counts: Counts = field(default_factory=Counts)

    @property
    def new(self) -> int:
        return sum(1 for c in self.changes if c.old is None)

    @property
    def changed(self) -> int:
        return sum(1 for c in self.changes if c.old is not None)


@dataclass(frozen=True)
class ImportResult:
    file: str
    plan: Plan
    stored: bool  # False for a dry run


def import_population(
    db: Database, path: str | Path, *, dry_run: bool = False, today: dt.date | None = None
) -> ImportResult:
    """Read ``path`` (a download of SSB table 07459) and store its figures, or with
    ``dry_run`` only say what would change. A file that cannot be used raises
    ``PopulationFileError`` before anything is written."""
    counts = read_population_file(path)
    name = Path(path).name
    if dry_run:
        with db.sessions() as session:
            return ImportResult(name, plan_changes(session, counts), stored=False)
    with db.transaction() as session:
        plan = plan_changes(session, counts)
        store(session, plan, source_text(name, clock.or_today(today)))
    return ImportResult(name, plan, stored=True)


def source_text(file: str, today: dt.date) -> str:
    return f"SSB table 07459, 1 January; imported {today.isoformat()} from {file}"[:SOURCE_LENGTH]


def plan_changes(session: Session, counts: Counts) -> Plan:
    rows: dict[str, list[Municipality]] = defaultdict(list)
    for municipality in session.scalars(select(Municipality).order_by(Municipality.id)):
        rows[municipality.number].append(municipality)
    held = _held(session)
    plan = Plan(counts=counts)
    for (number, year, age), persons in sorted(counts.figures.items(), key=_order):
        row = _row_for(rows.get(number, []), year)
        if row is None:
            plan.not_in_register.setdefault(number, set()).add(year)
            continue
        old = held.get((row.id, year, age))
        if old == persons:
            plan.unchanged += 1
        else:
            plan.changes.append(Change(row.id, row.number, row.name, year, age, old, persons))
    return plan


def store(session: Session, plan: Plan, source: str) -> None:
    """Add and change the figures of ``plan``, in the caller's transaction."""
    found = {
        (p.municipality_id, p.year, p.age): p
        for p in session.scalars(select(MunicipalityPopulation))
    }
    for change in plan.changes:
        existing = found.get((change.municipality_id, change.year, change.age))
        if existing is None:
            session.add(
                MunicipalityPopulation(
                    municipality_id=change.municipality_id,
                    year=change.year,
                    age=change.age,
                    persons=change.new,
                    source=source,
                )
            )
        else:
            existing.persons, existing.source = change.new, source


def newest_inhabitants(session: Session) -> dict[int, tuple[int, int]]:
    """municipality id -> (year, inhabitants) of the newest whole-population figure stored
    (imported or loaded with the reference data; the figure typed in Settings is not here)."""
    query = (
        select(
            MunicipalityPopulation.municipality_id,
            MunicipalityPopulation.year,
            MunicipalityPopulation.persons,
        )
        .where(MunicipalityPopulation.age.is_(None))
        .order_by(MunicipalityPopulation.year)
    )
    return {mid: (year, persons) for mid, year, persons in session.execute(query)}


def _held(session: Session) -> dict[tuple[int, int, int | None], int]:
    query = select(
        MunicipalityPopulation.municipality_id,
        MunicipalityPopulation.year,
        MunicipalityPopulation.age,
        MunicipalityPopulation.persons,
    )
    return {(mid, year, age): persons for mid, year, age, persons in session.execute(query)}


def _row_for(rows: list[Municipality], year: int) -> Municipality | None:
    if not rows:
        return None
    day = dt.date(year, 1, 1)
    valid = [row for row in rows if row.valid_on(day)]
    if valid:
        return valid[0]
    return max(rows, key=lambda row: (row.valid_from or dt.date.min, row.id))


def _order(item: tuple[Key, int]) -> tuple[str, int, int]:
    (number, year, age), _persons = item
    return number, year, -1 if age is None else age
