"""Writing one table to CSV or XLSX, chosen by the file name.

CSV is what Norwegian Excel opens with a double click: UTF-8 with a byte order mark (so Excel
reads "Ødegård" rather than "Ã˜degÃ¥rd"), semicolons between the cells (Excel's list
separator in Norway, where the comma is the decimal sign), CRLF line ends, dates as
dd.mm.yyyy. XLSX has real date cells shown as dd.mm.yyyy, text cells for everything else
(a postal code keeps its leading zero), a bold, frozen header row with filters.

The files hold personal data: they are written to a temporary file readable by the owner only
and moved into place when complete, so a failure never leaves half a file behind and an
existing file that was readable by others is replaced by one that is not.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from vrus.dates import format_date
from vrus.errors import VrusError
from vrus.texts import Text, translate

Cell = str | int | dt.date | dt.time | None
FORMATS = (".csv", ".xlsx")

_MAX_WIDTH = 60  # characters; longer cells wrap in Excel rather than widen the column
_SHEET_TITLE_MAX = 31  # Excel's limit


class ExportError(VrusError):
    """The file cannot be written; ``message`` is the ``Text`` the window translates."""

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
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise ExportError(translate("Core", "{path} is a folder").format(path=str(target)))
    if target.suffix.lower() not in FORMATS:
        raise ExportError(translate(
            "Core", "{file}: choose a file name ending in .csv or .xlsx").format(file=target.name))
    if not target.parent.is_dir():
        raise ExportError(translate("Core", "the folder {folder} does not exist").format(
            folder=str(target.parent)))
    return target


def write_sheet(sheet: Sheet, path: str | os.PathLike[str]) -> Path:
    """Write ``sheet`` as CSV or XLSX (by the file name's ending), owner-readable only."""
    target = check_target(path)
    try:
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                         suffix=".part")
    except OSError as error:
        raise _cannot_write(target, error) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if target.suffix.lower() == ".csv":
                _write_csv(sheet, handle)
            else:
                _write_xlsx(sheet, handle)
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _cannot_write(target, error) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _cannot_write(target: Path, error: OSError) -> ExportError:
    return ExportError(translate("Core", "cannot write {path}: {reason}").format(
        path=str(target), reason=error.strerror or str(error)))


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


def _write_csv(sheet: Sheet, handle: IO[bytes]) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(sheet.headers)
    writer.writerows([as_text(value) for value in row] for row in sheet.rows)
    text.flush()
    text.detach()  # the caller closes the file


def _write_xlsx(sheet: Sheet, handle: IO[bytes]) -> None:
    # Only workbooks need openpyxl: importing it here keeps it out of every other command.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
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
        heading = WriteOnlyCell(worksheet, value=title)
        heading.font = bold
        header.append(heading)
    worksheet.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")

    def cell(value: Cell) -> object:
        if isinstance(value, dt.date | dt.time):
            # types-openpyxl leaves date and time out here; Cell(value=...) takes them.
            dated = WriteOnlyCell(worksheet, value=value)  # type: ignore[arg-type]
            dated.number_format = ("HH:MM" if isinstance(value, dt.time) else
                                   "DD.MM.YYYY HH:MM" if isinstance(value, dt.datetime) else
                                   "DD.MM.YYYY")
            return dated
        if isinstance(value, str):
            # Control characters cannot be stored in a workbook (they are never meaningful).
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if "\n" in value:
                multiline = WriteOnlyCell(worksheet, value=value)
                multiline.alignment = wrap
                return multiline
        return value

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
        for index, value in enumerate(row[:len(widths)]):
            length = max((len(line) for line in as_text(value).splitlines()), default=0)
            if length > widths[index]:
                widths[index] = length
    return [min(max(width, 6), _MAX_WIDTH) + 2 for width in widths]
