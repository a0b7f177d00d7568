"""What an import found and did, in words the coordinator can act on.

Messages are ``vrus.texts.Text``: ``str()`` gives the English the command line prints, and the
window shows the same message in its own language with ``vrus.ui.common.messages.ui_text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from vrus.texts import Text, as_text, translate

if TYPE_CHECKING:
    from vrus.undo import Step

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding; ``row`` is the spreadsheet's own row number (the header is row 1)."""

    row: int
    # The header as written in the file, or the field's label when the file has no such
    # column; "" when the whole row is meant.
    column: Text | str
    message: Text
    severity: Severity = "error"

    def text(self) -> Text:
        """The whole finding in one line: "row 7, Fødselsdato: '31.02.2010' is not a real date"."""
        if self.column:
            where = translate("Core", "row {row}, {column}: {message}")
            return where.format(row=self.row, column=self.column, message=self.message)
        return translate("Core", "row {row}: {message}").format(row=self.row, message=self.message)

    def __str__(self) -> str:
        return str(self.text())


def _rows(number: int) -> Text:
    # Bokmål and English share the plural rule (one, other), so the core can choose the form.
    found = translate("Core", "{count} row") if number == 1 else translate("Core", "{count} rows")
    return found.format(count=number)


def _errors(number: int) -> Text:
    found = (
        translate("Core", "{count} error") if number == 1 else translate("Core", "{count} errors")
    )
    return found.format(count=number)


def _warnings(number: int) -> Text:
    found = (
        translate("Core", "{count} warning")
        if number == 1
        else translate("Core", "{count} warnings")
    )
    return found.format(count=number)


# How the file was read, as ``sources`` names it; names of encodings stay as they are.
_SOURCE_WORDS = {
    "UTF-8 with BOM": translate("Core", "UTF-8 with BOM"),
    "comma": translate("Core", "comma"),
    "semicolon": translate("Core", "semicolon"),
    "tab": translate("Core", "tab"),
}


def _source_word(name: str) -> Text:
    return _SOURCE_WORDS.get(name) or as_text(name)


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
    # Undoes the import that was applied, when it was asked to be undoable (the window's).
    step: Step | None = field(default=None, compare=False, repr=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def source_text(self) -> Text:
        """How the file was read: "Windows-1252, semicolon" or the workbook's sheet."""
        if self.sheet is not None:
            return translate("Core", "Excel workbook, sheet '{sheet}'").format(sheet=self.sheet)
        parts = [_source_word(part) for part in (self.encoding, self.delimiter) if part]
        if len(parts) == 2:
            return translate("Core", "{encoding}, {delimiter}").format(
                encoding=parts[0], delimiter=parts[1]
            )
        return parts[0] if parts else as_text("")

    def source(self) -> str:
        return str(self.source_text())

    def summary_text(self) -> Text:
        """The one-line summary; ``str()`` of it is ``summary()``, ``ui_text`` translates it."""
        if self.applied:
            counts = translate("Core", "{created} created, {updated} updated")
            outcome = translate("Core", "Imported.")
        else:
            counts = translate("Core", "{created} to create, {updated} to update")
            outcome = (
                translate("Core", "Dry run: nothing was written.")
                if self.ok and self.dry_run
                else translate("Core", "Nothing was written.")
            )
        return translate(
            "Core", "{file} ({source}): {rows}; {counts}; {errors}, {warnings}. {outcome}"
        ).format(
            file=self.file,
            source=self.source_text(),
            rows=_rows(self.rows),
            counts=counts.format(created=self.created, updated=self.updated),
            errors=_errors(len(self.errors)),
            warnings=_warnings(len(self.warnings)),
            outcome=outcome,
        )

    def summary(self) -> str:
        return str(self.summary_text())

    def lines(self) -> list[str]:
        """The summary, then every problem in row order, errors before warnings in a row."""
        ordered = sorted(self.problems, key=lambda p: (p.row, p.severity != "error"))
        return [self.summary(), *(f"{p.severity}: {p}" for p in ordered)]
