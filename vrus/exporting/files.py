"""Writing one table to CSV or XLSX, chosen by the file name.

CSV is what Norwegian Excel opens with a double click: UTF-8 with a byte order mark (so Excel
reads "Ødegård" rather than "Ã˜degÃ¥rd"), semicolons between the cells (Excel's list
separator in Norway, where the comma is the decimal sign), CRLF line ends, dates as
dd.mm.yyyy. XLSX has real date cells shown as dd.mm.yyyy, text cells for everything else
(a postal code keeps its leading zero), a bold, frozen header row with filters.

The files hold personal data: they are written as every private file is
(``vrus.private_files``: owner-only, complete or not at all); what CSV and XLSX cells have in
common with the reports' is in ``vrus.spreadsheets``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from vrus import private_files
from vrus.dates import format_date
from vrus.errors import VrusError
from vrus.spreadsheets import csv_bytes, set_cell_value
from vrus.texts import Text, translate

Cell = str | int | dt.date | dt.time | None
FORMATS = (".csv", ".xlsx")

_MAX_WIDTH = 60  # characters; longer cells wrap in Excel rather than widen the column
_SHEET_TITLE_MAX = 31  # Excel's limit


class ExportError(VrusError):
    """The file name is not one to export to; ``message`` is the ``Text`` the window
    translates. (A file that cannot be written is a ``vrus.private_files.FileWriteError``.)"""

    def __init__(self, message: Text | str) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class Sheet:
    """A table to write: the sheet's title (XLSX), the header row and the data rows."""

    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


def check_target(path: str | os.PathLike[str]) -> Path:
    """The path to write, refused early when its ending or folder cannot work."""
    target = private_files.check_target(path)
    if target.suffix.lower() not in FORMATS:
        raise ExportError(
            translate("Core", "{file}: choose a file name ending in .csv or .xlsx").format(
                file=target.name
            )
        )
    return target


def write_sheet(sheet: Sheet, path: str | os.PathLike[str]) -> Path:
    """Write ``sheet`` as CSV or XLSX (by the file name's ending), owner-readable only."""
    target = check_target(path)
    with private_files.private_file(target) as handle:
        if target.suffix.lower() == ".csv":
            rows = [sheet.headers, *([as_text(value) for value in row] for row in sheet.rows)]
            handle.write(csv_bytes(rows))
        else:
            _write_xlsx(sheet, handle)
    return target


def as_text(value: Cell) -> str:
    """A cell as the CSV file has it."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    return str(value)


def _write_xlsx(sheet: Sheet, handle: IO[bytes]) -> None:
    # Only workbooks need openpyxl: importing it here keeps it out of every other command.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet.title[:_SHEET_TITLE_MAX])
    worksheet.freeze_panes = "A2"
    for index, width in enumerate(_widths(sheet), 1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header = []
    for title in sheet.headers:
        heading = set_cell_value(WriteOnlyCell(worksheet), title)
        heading.font = bold
        header.append(heading)
    worksheet.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")

    def cell(value: Cell) -> object:
        if value is None or isinstance(value, int):
            return value
        written = set_cell_value(WriteOnlyCell(worksheet), value)
        if isinstance(value, dt.date | dt.time):
            written.number_format = (
                "HH:MM"
                if isinstance(value, dt.time)
                else "DD.MM.YYYY HH:MM"
                if isinstance(value, dt.datetime)
                else "DD.MM.YYYY"
            )
        elif "\n" in value:
            written.alignment = wrap
        return written

    for row in sheet.rows:
        worksheet.append([cell(value) for value in row])
    if sheet.headers:
        last = get_column_letter(len(sheet.headers))
        worksheet.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
    workbook.save(handle)


def _widths(sheet: Sheet) -> list[float]:
    """Column widths from the longest header or cell (in characters), within limits."""
    widths = [len(title) for title in sheet.headers]
    for row in sheet.rows:
        for index, value in enumerate(row[: len(widths)]):
            length = max((len(line) for line in as_text(value).splitlines()), default=0)
            if length > widths[index]:
                widths[index] = length
    return [min(max(width, 6), _MAX_WIDTH) + 2 for width in widths]
