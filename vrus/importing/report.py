"""What an import found and did, in words the coordinator can act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding; ``row`` is the spreadsheet's own row number (the header is row 1)."""

    row: int
    column: str  # the header as written in the file; "" when the whole row is meant
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"row {self.row}, {self.column}" if self.column else f"row {self.row}"
        return f"{where}: {self.message}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


@dataclass
class ImportReport:
    file: str
    encoding: str | None = None  # None for a workbook
    delimiter: str | None = None  # "comma", "semicolon", "tab"; None for a workbook
    sheet: str | None = None  # the sheet read, for a workbook
    rows: int = 0
    created: int = 0  # persons created, or to be created when nothing was written
    updated: int = 0
    problems: list[Problem] = field(default_factory=list)
    applied: bool = False
    dry_run: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def source(self) -> str:
        if self.sheet is not None:
            return f"Excel workbook, sheet '{self.sheet}'"
        return ", ".join(part for part in (self.encoding, self.delimiter) if part)

    def summary(self) -> str:
        if self.applied:
            counts, outcome = f"{self.created} created, {self.updated} updated", "Imported."
        else:
            counts = f"{self.created} to create, {self.updated} to update"
            outcome = ("Dry run: nothing was written." if self.ok and self.dry_run
                       else "Nothing was written.")
        return (f"{self.file} ({self.source()}): {_count(self.rows, 'row')}; {counts}; "
                f"{_count(len(self.errors), 'error')}, {_count(len(self.warnings), 'warning')}."
                f" {outcome}")

    def lines(self) -> list[str]:
        """The summary, then every problem in row order, errors before warnings in a row."""
        ordered = sorted(self.problems, key=lambda p: (p.row, p.severity != "error"))
        return [self.summary(), *(f"{p.severity}: {p}" for p in ordered)]
