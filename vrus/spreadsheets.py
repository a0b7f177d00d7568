"""What every spreadsheet VRUS writes has in common, the exports and the reports alike.

- CSV: UTF-8 with a byte order mark, so that Excel reads "Bærum" and not "BÃ¦rum"; CRLF
  line ends; a field quoted only when it must be. The caller chooses the separator: ";" for
  Norwegian Excel, where the comma is the decimal sign.
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
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # openpyxl is imported by the XLSX writers only, when they run
    from openpyxl.cell.cell import Cell

XlsxValue = str | int | float | dt.date | dt.time | None

# openpyxl's ILLEGAL_CHARACTERS_RE (a test keeps them equal), here so that a CSV export does
# not load openpyxl.
_NOT_IN_WORKBOOKS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def csv_bytes(rows: Iterable[Iterable[str]], *, delimiter: str = ";") -> bytes:
    """``rows`` as a CSV file's bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
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
