"""The shape every report takes before it is written out: a title, some lines of context,
prose, tables and charts.

Reports compute their figures into their own dataclasses, then describe themselves as a
``Report`` made of these parts; ``vrus.reports.output`` writes any ``Report`` as text, CSV,
JSON, XLSX or PDF, and the window can show the same tables. Labels are ``Text`` (English
source, translated where shown) or plain strings (names from the register). Cells keep their
type (int, float, date), so a spreadsheet gets numbers, not text, and each output formats
them for its language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from vrus.texts import Text

Label = Text | str
Cell = Label | int | float | dt.date | dt.time | None


class Kind(StrEnum):
    """How a column's values are shown."""

    TEXT = "text"
    INT = "int"
    NUMBER = "number"  # a float with ``digits`` decimals
    PERCENT = "percent"  # a share 0..1 shown as a percentage with ``digits`` decimals
    DATE = "date"  # dd.mm.yyyy
    DAY = "day"  # the weekday spelled out, then dd.mm.yyyy
    TIME = "time"  # 10.00 in Bokmål, 10:00 in English


NUMERIC = frozenset({Kind.INT, Kind.NUMBER, Kind.PERCENT})


@dataclass(frozen=True)
class Column:
    label: Label
    kind: Kind = Kind.TEXT
    digits: int = 1  # decimals for Kind.NUMBER and Kind.PERCENT
    wrap: bool = True  # False: never broken over lines in print (a person's name)

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC


@dataclass
class Table:
    """One table. ``marked`` rows need attention (nobody from a municipality, a gap in the
    instrumentation, a participant who does not count); ``total_rows`` at the end are sums."""

    title: Label
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    notes: list[Label] = field(default_factory=list)
    marked: set[int] = field(default_factory=set)
    total_rows: int = 0
    mark_note: Label | None = None  # what a marked row means, printed under the table
    key: str = ""  # a stable name for scripts and sheet lookups ("municipalities")
    sheet: Label | None = None  # a short name for the spreadsheet tab (31 characters)
    new_page: bool = False  # printed from the top of a page (a list handed out by itself)

    def add(self, row: Sequence[Cell], *, marked: bool = False) -> None:
        if len(row) != len(self.columns):
            raise ValueError(f"row has {len(row)} cells, the table {len(self.columns)} columns")
        if marked:
            self.marked.add(len(self.rows))
        self.rows.append(list(row))

    def is_total(self, index: int) -> bool:
        return index >= len(self.rows) - self.total_rows


@dataclass(frozen=True)
class Series:
    label: Label
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """Bars per category (a municipality, an instrument); several series side by side, or
    stacked when they are parts of one whole (members per ensemble)."""

    title: Label
    categories: tuple[Label, ...]
    series: tuple[Series, ...]
    stacked: bool = False


@dataclass
class Report:
    """A whole report. ``data`` is its JSON form (each report defines the shape), or
    ``make_data`` makes it when the JSON is asked for (large reports: the window and the
    printout never need it)."""

    kind: str  # "coverage", "instrumentation", ...: file names and the command line
    title: Label
    kicker: Label  # what the document is, printed small above the title
    headline: Label | None = None  # the one finding, printed large under the title
    alert: bool = False  # the headline is bad news (the course does not qualify)
    lines: list[Label] = field(default_factory=list)  # facts under the title
    paragraphs: list[Label] = field(default_factory=list)  # prose (the annual summary)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    make_data: Callable[[], dict[str, Any]] | None = None
    wide: bool = False  # landscape pages for many columns
    file_label: str = ""  # goes into the default file name ("2026", an event's title)

    def json_data(self) -> dict[str, Any]:
        if not self.data and self.make_data is not None:
            self.data = self.make_data()
        return self.data

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)
