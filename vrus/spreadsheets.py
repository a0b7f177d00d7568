"""What every spreadsheet VRUS writes has in common, the exports and the reports alike.

- CSV: UTF-8 with a byte order mark, so that Excel reads "Bærum" and not "BÃ¦rum"; CRLF
  line ends; a field quoted only when it must be. The caller chooses the separator: ";" for
  Norwegian Excel, where the comma is the decimal sign. A cell that Excel would run as a
  formula (it starts with "=", "+", "-", "@", a tab or a carriage return) gets a leading "'",
  as OWASP's "CSV injection" page advises, and the import takes that mark off again
  (``csv_unmarked``), so a round trip is exact. A phone number or a plain number ("+46 70 123
  45 67", "-3") cannot call anything and is left readable.
- XLSX: text is stored as text. A name or a note that starts with "=" stays that text in the
  cell and never becomes a live formula; control characters, which a workbook cannot hold
  (and which never mean anything in the register), are left out.

The layout of each sheet is its writer's: ``vrus.exporting.files`` (one table per file) and
``vrus.reports.xlsx`` (a report's tables, one per sheet) and ``vrus.reports.output``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # openpyxl is imported by the XLSX writers only, when they run
    from openpyxl.cell.cell import Cell

XlsxValue = str | int | float | dt.date | dt.time | None

# openpyxl's ILLEGAL_CHARACTERS_RE (a test keeps them equal), here so that a CSV export does
# not load openpyxl.
_NOT_IN_WORKBOOKS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


# What makes Excel, LibreOffice and Google Sheets read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_MARK = "'"
# Digits, spaces and arithmetic without a name or a reference: nothing it could run.
_INERT = re.compile(r"[+-][0-9 .,/()%+-]*")


def csv_cell(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet runs: marked with a leading "'" when it
    would start a formula, or when it starts with the mark already (so the mark that the
    import takes off is always one VRUS added)."""
    if text.startswith(FORMULA_STARTS) and not _INERT.fullmatch(text):
        return CSV_MARK + text
    if text.startswith(CSV_MARK) and text[1:].startswith((*FORMULA_STARTS, CSV_MARK)):
        return CSV_MARK + text
    return text


def csv_unmarked(text: str) -> str:
    """A CSV cell as it was before ``csv_cell`` marked it."""
    if text.startswith(CSV_MARK) and text[1:].startswith((*FORMULA_STARTS, CSV_MARK)):
        return text[1:]
    return text


def csv_rows(rows: Iterable[Iterable[object]]) -> Iterator[list[str]]:
    """``rows`` as CSV cells: ``None`` is empty, everything else its text, made safe."""
    for row in rows:
        yield [csv_cell("" if value is None else str(value)) for value in row]


def csv_bytes(rows: Iterable[Iterable[str]], *, delimiter: str = ";") -> bytes:
    """``rows`` as a CSV file's bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(csv_rows(rows))
    return buffer.getvalue().encode("utf-8-sig")


def set_cell_value(cell: Cell, value: XlsxValue) -> Cell:
    """Put ``value`` in ``cell`` (a worksheet's or a write-only one): text as text, never a
    formula; numbers, dates and times as themselves. Returns the cell."""
    if isinstance(value, str):
        cell.value = _NOT_IN_WORKBOOKS.sub("", value)
        cell.data_type = "s"  # openpyxl makes a formula of any text starting with "="
    else:
        cell.value = value
    return cell
