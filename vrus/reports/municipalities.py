"""Municipalities across the reforms: which row of a given time a person's municipality
counts under, and which population figures belong to a row.

A person's register entry may point at a municipality row of any era (entered in 2014 as
Røyken, or in 2025 as today's Asker). A report on one season counts everyone under the rows
valid on that season's reference day:

- the row itself, if it is valid that day;
- forward, if the row had ended by then: its successor, followed until a valid row (Røyken
  2014 counts under Asker in 2026); this is certain;
- backward, if the row began after that day (today's Asker in a 2014 report): its
  predecessors valid then. Exactly one (today's Bærum -> Bærum 2014): counted there. Several
  (Asker <- Asker, Hurum, Røyken): the register cannot tell which, so the person is listed
  under "unknown predecessor" with the candidates, rather than guessed into one of them.
  "Exactly one" means one known to the register: today's Holmestrand has only Sande among
  its predecessors here, although old Holmestrand (never in the region) is part of it too.

Populations are stored for the 2014 municipalities only. A later row without figures of its
own gets the sum of its predecessors' (Asker 2026 = Asker + Hurum + Røyken), for the years
all of them have; the report names the parts, so the reader sees where a figure comes from.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus.collation import sort_key
from vrus.db.models import Municipality, MunicipalityPopulation

MAX_CHAIN = 20  # longer successor chains than this are a data error (a cycle)


class How(StrEnum):
    SAME = "same"  # the row is valid that day
    SUCCESSOR = "successor"  # followed forward through a merger or renumbering
    PREDECESSOR = "predecessor"  # the one predecessor valid that day
    AMBIGUOUS = "ambiguous"  # several predecessors: unknown which
    GONE = "gone"  # ended without a successor valid that day


@dataclass(frozen=True)
class Placement:
    how: How
    municipality_id: int  # the row counted under; for AMBIGUOUS / GONE the person's own row
    candidates: tuple[int, ...] = ()  # AMBIGUOUS: the predecessors it could be

    @property
    def placed(self) -> bool:
        return self.how not in (How.AMBIGUOUS, How.GONE)


@dataclass(frozen=True)
class Figure:
    """A population figure: persons on 1 January of ``year``; ``parts`` are the rows summed
    when the municipality has no figure of its own (empty when it has)."""

    persons: int
    year: int
    parts: tuple[str, ...] = ()


Series = dict[int, tuple[int, tuple[str, ...]]]  # year -> (persons, parts)


class Atlas:
    """Every municipality row with its predecessors and population data, loaded once."""

    def __init__(self, session: Session) -> None:
        self.rows: dict[int, Municipality] = {
            m.id: m for m in session.scalars(select(Municipality).order_by(Municipality.id))}
        self.predecessors: dict[int, list[int]] = defaultdict(list)
        for row in self.rows.values():
            if row.successor_id is not None and row.successor_id in self.rows:
                self.predecessors[row.successor_id].append(row.id)
        self._totals: dict[int, dict[int, int]] = defaultdict(dict)
        self._ages: dict[int, dict[int, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
        for mid, year, age, persons in session.execute(select(
                MunicipalityPopulation.municipality_id, MunicipalityPopulation.year,
                MunicipalityPopulation.age, MunicipalityPopulation.persons)):
            if age is None:
                self._totals[mid][year] = persons
            else:
                self._ages[mid][year][age] = persons
        for row in self.rows.values():
            # The figure typed in Settings counts too, unless the table has that year.
            if row.population is not None and row.population_year is not None:
                self._totals[row.id].setdefault(row.population_year, row.population)

    # -- which row -----------------------------------------------------------------------------

    def valid_on(self, day: dt.date) -> list[Municipality]:
        return [row for row in self.rows.values() if row.valid_on(day)]

    def place(self, municipality_id: int, day: dt.date) -> Placement:
        row = self.rows[municipality_id]
        if row.valid_on(day):
            return Placement(How.SAME, row.id)
        if row.valid_from is not None and day < row.valid_from:
            return self._backward(row, day)
        current = row
        for _ in range(MAX_CHAIN):
            if current.successor_id is None or current.successor_id not in self.rows:
                break
            current = self.rows[current.successor_id]
            if current.valid_on(day):
                return Placement(How.SUCCESSOR, current.id)
        return Placement(How.GONE, row.id)

    def _backward(self, row: Municipality, day: dt.date) -> Placement:
        found = sorted(self._valid_predecessors(row.id, day, 0))
        if len(found) == 1:
            return Placement(How.PREDECESSOR, found[0])
        if found:
            return Placement(How.AMBIGUOUS, row.id, tuple(found))
        return Placement(How.GONE, row.id)

    def _valid_predecessors(self, municipality_id: int, day: dt.date, depth: int) -> set[int]:
        found: set[int] = set()
        if depth > MAX_CHAIN:
            return found
        for pid in self.predecessors.get(municipality_id, []):
            if self.rows[pid].valid_on(day):
                found.add(pid)
            else:
                found |= self._valid_predecessors(pid, day, depth + 1)
        return found

    # -- populations ---------------------------------------------------------------------------

    def population(self, municipality_id: int, year: int) -> Figure | None:
        """Inhabitants on 1 January: the season's year if there is a figure for it, else the
        newest before it, else the oldest after it (a season before the data begins)."""
        return _pick(self._series(municipality_id, self._own_totals, 0), year)

    def residents(self, municipality_id: int, year: int, band: tuple[int, int]
                  ) -> Figure | None:
        """Residents aged ``band`` (inclusive) on 1 January, chosen like ``population``;
        only years with a figure for every age of the band count."""
        def own(mid: int) -> dict[int, int]:
            ages = range(band[0], band[1] + 1)
            return {y: sum(by_age[a] for a in ages) for y, by_age in self._ages[mid].items()
                    if all(a in by_age for a in ages)}

        return _pick(self._series(municipality_id, own, 0), year)

    def _own_totals(self, municipality_id: int) -> dict[int, int]:
        return self._totals.get(municipality_id, {})

    def _series(self, municipality_id: int, own, depth: int) -> Series:
        mine = own(municipality_id)
        if mine:
            return {year: (persons, ()) for year, persons in mine.items()}
        parts = self.predecessors.get(municipality_id, [])
        if not parts or depth > MAX_CHAIN:
            return {}
        series = [self._series(pid, own, depth + 1) for pid in parts]
        names = [self._leaf_names(pid, s) for pid, s in zip(parts, series, strict=True)]
        common = set.intersection(*(set(s) for s in series))
        # Every predecessor must have the year: a sum missing one part would be too low.
        every = tuple(sorted({n for group in names for n in group}, key=sort_key))
        return {year: (sum(s[year][0] for s in series), every) for year in common}

    def _leaf_names(self, municipality_id: int, series: Series) -> tuple[str, ...]:
        any_year = next(iter(series.values()), None)
        if any_year is not None and any_year[1]:
            return any_year[1]
        return (self.rows[municipality_id].name,)


def _pick(series: Series, year: int) -> Figure | None:
    if not series:
        return None
    earlier = [y for y in series if y <= year]
    chosen = max(earlier) if earlier else min(series)
    persons, parts = series[chosen]
    return Figure(persons, chosen, parts)
