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
  (Asker <- Asker, Hurum, Røyken): the person's postal code decides where Posten's register
  of 2018 puts it in one of them (``vrus.postal_codes``, for seasons before 2020); otherwise
  the register cannot tell which, so the person is listed under "unknown predecessor" with
  the candidates, rather than guessed into one of them.
  Parts of a municipality that were never in the region are not rows of the register, but
  the postal code table knows them: today's Holmestrand is Sande plus old Holmestrand and Hof.
  A member of it with a postal code of old Holmestrand lived outside the region before 2020
  (``OUTSIDE``), and one without a postal code could be either (``AMBIGUOUS``), never
  counted as Sande on a guess.

Populations are stored per row and year: for the 2014 municipalities (2010-2018) and for those
of 2024 (2019-2026, recomputed by SSB to the 2024 borders), and whatever a user imports. A
row's figures for a year come, in this order, from:

- the row itself;
- a renumbered successor: the successor has this row as its only predecessor and its name,
  so the borders are the same (Asker 3025 of 2020-2023 gets the figures of Asker 3203);
  a successor with another name is a merger whose other parts the register does not hold
  (Sande -> Holmestrand), and gives nothing;
- the sum of its predecessors' (Asker 2024 = Asker + Hurum + Røyken), for the years all of
  them have; the report names the parts, so the reader sees where a figure comes from.

A report takes the season's year, else the newest before it, else the oldest after it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus import postal_codes
from vrus.collation import sort_key
from vrus.db.models import Municipality, MunicipalityPopulation
from vrus.reference import is_renumbering

MAX_CHAIN = 20  # longer successor chains than this are a data error (a cycle)


class How(StrEnum):
    SAME = "same"  # the row is valid that day
    SUCCESSOR = "successor"  # followed forward through a merger or renumbering
    PREDECESSOR = "predecessor"  # the one predecessor valid that day
    POSTAL_CODE = "postal_code"  # the predecessor the person's postal code lay in
    OUTSIDE = "outside"  # the postal code lay in a part that was not in the region then
    AMBIGUOUS = "ambiguous"  # several predecessors: unknown which
    GONE = "gone"  # ended without a successor valid that day


@dataclass(frozen=True)
class Placement:
    how: How
    # The row counted under; for AMBIGUOUS / OUTSIDE / GONE the person's own row.
    municipality_id: int
    candidates: tuple[int, ...] = ()  # AMBIGUOUS: the predecessors it could be
    # AMBIGUOUS / OUTSIDE: names of parts that were outside the region (and the register).
    outside: tuple[str, ...] = ()

    @property
    def placed(self) -> bool:
        return self.how not in (How.AMBIGUOUS, How.OUTSIDE, How.GONE)


@dataclass(frozen=True)
class Figure:
    """A population figure: persons on 1 January of ``year``; ``parts`` are the rows summed
    when the municipality has no figure of its own (empty for its own, or for a renumbered
    successor's: the same municipality under another number)."""

    persons: int
    year: int
    parts: tuple[str, ...] = ()


Series = dict[int, tuple[int, tuple[str, ...]]]  # year -> (persons, parts)
Own = Callable[[int], dict[int, int]]  # a row's own figures: municipality id -> {year: persons}


class Atlas:
    """Every municipality row with its predecessors and population data, loaded once."""

    def __init__(self, session: Session) -> None:
        self.rows: dict[int, Municipality] = {
            m.id: m for m in session.scalars(select(Municipality).order_by(Municipality.id))
        }
        self.predecessors: dict[int, list[int]] = defaultdict(list)
        for row in self.rows.values():
            if row.successor_id is not None and row.successor_id in self.rows:
                self.predecessors[row.successor_id].append(row.id)
        self._totals: dict[int, dict[int, int]] = defaultdict(dict)
        self._ages: dict[int, dict[int, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
        for mid, year, age, persons in session.execute(
            select(
                MunicipalityPopulation.municipality_id,
                MunicipalityPopulation.year,
                MunicipalityPopulation.age,
                MunicipalityPopulation.persons,
            )
        ):
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

    def place(
        self, municipality_id: int, day: dt.date, postal_code: str | None = None
    ) -> Placement:
        """Where a person registered under ``municipality_id`` counts on ``day``; the postal
        code matters only where a later municipality has several predecessors."""
        row = self.rows[municipality_id]
        if row.valid_on(day):
            return Placement(How.SAME, row.id)
        if row.valid_from is not None and day < row.valid_from:
            return self._backward(row, day, postal_code)
        current = row
        for _ in range(MAX_CHAIN):
            if current.successor_id is None or current.successor_id not in self.rows:
                break
            current = self.rows[current.successor_id]
            if current.valid_on(day):
                return Placement(How.SUCCESSOR, current.id)
        return Placement(How.GONE, row.id)

    def _backward(self, row: Municipality, day: dt.date, postal_code: str | None) -> Placement:
        found = sorted(self._valid_predecessors(row.id, day, 0))
        outside = self._parts_outside(row, day)
        if len(found) == 1 and not outside:
            return Placement(How.PREDECESSOR, found[0])  # a renumbering: certain
        by_code = self._by_postal_code(row, day, postal_code, found, outside)
        if by_code is not None:
            return by_code
        if found or len(outside) > 1:
            return Placement(How.AMBIGUOUS, row.id, tuple(found), tuple(outside.values()))
        if outside:
            return Placement(How.OUTSIDE, row.id, outside=tuple(outside.values()))
        return Placement(How.GONE, row.id)

    def _last(self, row: Municipality) -> Municipality:
        """The end of the row's chain of successors (today's municipality, for the reforms)."""
        for _ in range(MAX_CHAIN):
            if row.successor_id is None or row.successor_id not in self.rows:
                break
            row = self.rows[row.successor_id]
        return row

    def _parts_outside(self, row: Municipality, day: dt.date) -> dict[str, str]:
        """{number: name} of the parts of ``row`` before 2020 that are not rows of the
        register (old Holmestrand in today's Holmestrand), from the postal code table."""
        if day > postal_codes.VALID_UNTIL:
            return {}
        known = {r.number for r in self.rows.values()}
        return {
            number: name
            for number, name in postal_codes.parts_of(self._last(row).number).items()
            if number not in known
        }

    def _by_postal_code(
        self,
        row: Municipality,
        day: dt.date,
        postal_code: str | None,
        found: list[int],
        outside: dict[str, str],
    ) -> Placement | None:
        """The predecessor (or the part outside the region) the postal code lay in, when the
        table knows the code and puts it in the same municipality of today as ``row``; a code
        elsewhere (a typing error, an address out of date) decides nothing."""
        entry = postal_codes.before_reform(postal_code)
        if (
            entry is None
            or day > postal_codes.VALID_UNTIL
            or entry.number_2024 != self._last(row).number
        ):
            return None
        matches = [pid for pid in found if self.rows[pid].number == entry.number]
        if len(matches) == 1:
            return Placement(How.POSTAL_CODE, matches[0])
        if entry.number in outside:
            return Placement(How.OUTSIDE, row.id, outside=(outside[entry.number],))
        return None

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
        return _pick(self._series(municipality_id, self._own_totals), year)

    def residents(self, municipality_id: int, year: int, band: tuple[int, int]) -> Figure | None:
        """Residents aged ``band`` (inclusive) on 1 January, chosen like ``population``;
        only years with a figure for every age of the band count."""

        def own(mid: int) -> dict[int, int]:
            ages = range(band[0], band[1] + 1)
            return {
                y: sum(by_age[a] for a in ages)
                for y, by_age in self._ages[mid].items()
                if all(a in by_age for a in ages)
            }

        return _pick(self._series(municipality_id, own), year)

    def formed_from(self, municipality_id: int) -> tuple[str, ...]:
        """The names of the earliest rows the register knows ``municipality_id`` was formed
        from (Asker 2024: Asker, Hurum, Røyken; Holmestrand: Sande only); empty for a row
        without predecessors."""
        names: set[str] = set()
        todo, seen = list(self.predecessors.get(municipality_id, [])), set()
        while todo:
            pid = todo.pop()
            if pid in seen:
                continue  # a cycle in hand-made data
            seen.add(pid)
            earlier = self.predecessors.get(pid, [])
            if earlier:
                todo.extend(earlier)
            else:
                names.add(self.rows[pid].name)
        return tuple(sorted(names, key=sort_key))

    def _own_totals(self, municipality_id: int) -> dict[int, int]:
        return self._totals.get(municipality_id, {})

    def _series(self, municipality_id: int, own: Own) -> Series:
        """Every year with a figure for the row's area: its own, else a renumbered
        successor's, else the sum of its predecessors' (the module docstring says why)."""
        series = self._predecessor_sum(municipality_id, own, 0)
        series.update(self._renumbered(municipality_id, own))
        series.update(_plain(own(municipality_id)))
        return series

    def _renumbered(self, municipality_id: int, own: Own) -> Series:
        """Figures of the successors that are this row under another number."""
        series: Series = {}
        row = self.rows[municipality_id]
        for _ in range(MAX_CHAIN):
            successor = self._renumbering_of(row)
            if successor is None:
                break
            for year, figure in _plain(own(successor.id)).items():
                series.setdefault(year, figure)  # the nearest successor first
            row = successor
        return series

    def _renumbering_of(self, row: Municipality) -> Municipality | None:
        successor = self.rows.get(row.successor_id) if row.successor_id is not None else None
        if successor is None:
            return None
        count = len(self.predecessors.get(successor.id, []))
        return successor if is_renumbering(row, successor, count) else None

    def _earlier(self, municipality_id: int, own: Own, depth: int) -> Series:
        """A predecessor's figures: its own, else the sum of its own predecessors'."""
        series = self._predecessor_sum(municipality_id, own, depth)
        series.update(_plain(own(municipality_id)))
        return series

    def _predecessor_sum(self, municipality_id: int, own: Own, depth: int) -> Series:
        parts = self.predecessors.get(municipality_id, [])
        if not parts or depth > MAX_CHAIN:
            return {}
        series = [self._earlier(pid, own, depth + 1) for pid in parts]
        # Every predecessor must have the year: a sum missing one part would be too low.
        common = set.intersection(*(set(s) for s in series))
        return {
            year: (
                sum(s[year][0] for s in series),
                self._part_names(parts, [s[year] for s in series]),
            )
            for year in common
        }

    def _part_names(
        self, parts: list[int], figures: list[tuple[int, tuple[str, ...]]]
    ) -> tuple[str, ...]:
        """The rows whose own figures a sum adds up: a part's own parts, else its name."""
        names = {
            n
            for pid, (_persons, inner) in zip(parts, figures, strict=True)
            for n in (inner or (self.rows[pid].name,))
        }
        return tuple(sorted(names, key=sort_key))


def _plain(figures: dict[int, int]) -> Series:
    """A row's own figures as a series (no parts to name)."""
    return {year: (persons, ()) for year, persons in figures.items()}


def _pick(series: Series, year: int) -> Figure | None:
    if not series:
        return None
    earlier = [y for y in series if y <= year]
    chosen = max(earlier) if earlier else min(series)
    persons, parts = series[chosen]
    return Figure(persons, chosen, parts)
