"""The cells of a file summed to one figure per municipality, year and age.

A download may split the figures by sex (07459 has no total for it: Statbank sums the sexes
only when the sex is left out of the selection), so men and women are added up here. A file
with every age 0-105 and no total gives the whole population as their sum, as SSB's own
total would. Regions that are not municipalities (the whole country, counties) are skipped
and counted, and so are SSB's cells without a figure ("." and ".."). Every unreadable cell
is collected; if there is one, nothing is counted and the error names them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from vrus.population.cells import (
    BOTH_SEXES,
    OLDEST,
    Cell,
    age_of,
    check_contents,
    municipality_number,
    persons_of,
    sex_of,
    year_of,
)
from vrus.population.errors import CellError, file_error, located, problems_error
from vrus.texts import Text, translate

Key = tuple[str, int, int | None]  # municipality number, year, age (None: all ages)
MAX_PROBLEMS = 1000  # a wrong file can fail on every cell; the first thousand are enough
ALL_AGES = range(0, OLDEST + 1)
T = TypeVar("T")


@dataclass
class Counts:
    figures: dict[Key, int] = field(default_factory=dict)
    larger_regions: int = 0  # figures for the whole country or a county, skipped
    without_figure: int = 0  # SSB's "." and "..": no figure for that cell
    summed_totals: int = 0  # whole populations added up from every age 0-105


@dataclass(frozen=True)
class _Read:
    key: Key
    sex: str
    persons: int
    where: Text


class _Counter:
    def __init__(self, file: str) -> None:
        self.file = file
        self.counts = Counts()
        self.problems: list[Text] = []
        self.by_sex: dict[Key, dict[str, _Read]] = defaultdict(dict)

    def add(self, cell: Cell) -> None:
        try:
            read = self._read(cell)
        except _Problem as problem:
            if len(self.problems) < MAX_PROBLEMS:
                self.problems.append(problem.text)
            return
        if read is None:
            return
        earlier = self.by_sex[read.key].get(read.sex)
        if earlier is not None and earlier.persons != read.persons:
            number, year, age = read.key
            self.problems.append(
                located(
                    read.where,
                    cell.field("persons"),
                    translate(
                        "Core",
                        "the figure for {number}, {year}, {age} is also given as {other} ({where})",
                    ).format(
                        number=number,
                        year=year,
                        age=_age_word(age),
                        other=earlier.persons,
                        where=earlier.where,
                    ),
                )
            )
            return
        self.by_sex[read.key][read.sex] = read

    def _read(self, cell: Cell) -> _Read | None:
        number = _field(cell, "region", municipality_number, cell.region)
        year = _field(cell, "year", year_of, cell.year)
        age = None if cell.age is None else _field(cell, "age", age_of, cell.age)
        sex = BOTH_SEXES if cell.sex is None else _field(cell, "sex", sex_of, cell.sex)
        if cell.contents is not None:
            _field(cell, "contents", check_contents, cell.contents)
        persons = _field(cell, "persons", persons_of, cell.persons)
        if number is None:
            self.counts.larger_regions += 1
            return None
        if persons is None:
            self.counts.without_figure += 1
            return None
        return _Read((number, year, age), sex, persons, cell.where)

    def finish(self) -> Counts:
        if self.problems:
            raise problems_error(self.file, self.problems)
        for key, sexes in self.by_sex.items():
            self.counts.figures[key] = self._both_sexes(sexes)
        self._sum_whole_populations()
        if not self.counts.figures:
            raise file_error(
                self.file, translate("Core", "the file has no figures for any municipality")
            )
        return self.counts

    def _both_sexes(self, sexes: dict[str, _Read]) -> int:
        if BOTH_SEXES in sexes:
            return sexes[BOTH_SEXES].persons
        if {"1", "2"} <= set(sexes):
            return sexes["1"].persons + sexes["2"].persons
        raise file_error(
            self.file,
            translate(
                "Core",
                "the file has figures for one sex only ({where}); choose both sexes, or "
                "none, in Statbank",
            ).format(where=next(iter(sexes.values())).where),
        )

    def _sum_whole_populations(self) -> None:
        ages: dict[tuple[str, int], dict[int | None, int]] = defaultdict(dict)
        for (number, year, age), persons in self.counts.figures.items():
            ages[number, year][age] = persons
        for (number, year), by_age in ages.items():
            if None not in by_age and all(age in by_age for age in ALL_AGES):
                self.counts.figures[number, year, None] = sum(by_age[a] for a in ALL_AGES)
                self.counts.summed_totals += 1


class _Problem(Exception):
    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def _field(cell: Cell, key: str, read: Callable[[Any], T], value: Any) -> T:
    """``read(value)``, with a failure named by the cell's place and the file's field."""
    try:
        return read(value)
    except CellError as error:
        raise _Problem(located(cell.where, cell.field(key), error.message)) from None


def _age_word(age: int | None) -> Text | int:
    return translate("Core", "all ages") if age is None else age


def count_cells(cells: Iterable[Cell], file: str) -> Counts:
    counter = _Counter(file)
    for cell in cells:
        counter.add(cell)
    return counter.finish()
