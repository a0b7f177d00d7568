"""Reading a spreadsheet into rows: CSV (any delimiter and encoding Excel writes) or XLSX.

The result keeps each row's number as the user sees it in the spreadsheet, so every problem
the import reports can be found by scrolling to that row.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vrus.errors import VrusError
from vrus.spreadsheets import csv_unmarked
from vrus.texts import Text, translate

Cell = str | int | float | bool | dt.date | None

_DELIMITERS = {";": "semicolon", ",": "comma", "\t": "tab"}
_SNIFF_RECORDS = 20
_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_OLD_EXCEL_SUFFIXES = {".xls", ".ods", ".numbers"}
# VRUS keeps no value longer than this; a longer cell is refused before the csv module's own
# limit (131 072) can fail with a message no user understands.
_LONGEST_CELL = 10_000
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")


class ImportFileError(VrusError):
    """The file cannot be read as a table at all (missing, wrong format, unknown encoding).

    ``str(error)`` is English; ``message`` is the ``Text`` the window translates.
    """

    def __init__(self, message: Text | str) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class Table:
    """A spreadsheet's header and data rows; ``numbers[i]`` is the row number of ``rows[i]``."""

    headers: list[str]
    header_row: int
    rows: list[list[Cell]]
    numbers: list[int]
    encoding: str | None = None  # as shown to the user, e.g. "UTF-8 with BOM"
    delimiter: str | None = None  # the character; None for a workbook
    sheet: str | None = None

    @property
    def delimiter_name(self) -> str | None:
        return _DELIMITERS.get(self.delimiter or "")


def read_table(path: str | Path) -> Table:
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(
            translate("Core", "{path} does not exist or is not a file").format(path=str(path))
        )
    suffix = path.suffix.lower()
    if suffix in _OLD_EXCEL_SUFFIXES:
        raise ImportFileError(
            translate(
                "Core",
                "{file}: this kind of spreadsheet cannot be read; in Excel, use Save As "
                "and choose Excel Workbook (.xlsx) or CSV",
            ).format(file=path.name)
        )
    if suffix in _XLSX_SUFFIXES or zipfile.is_zipfile(path):
        return _read_xlsx(path)
    return _read_csv(path)


# --- CSV -----------------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding's display name.

    Order matters: a BOM is certain; UTF-8 almost never decodes text that was written in
    Windows-1252 (its multi-byte sequences are strict), so trying UTF-8 first and falling back
    to Windows-1252, what Norwegian Excel writes for "CSV (semikolondelt)", is safe.
    """
    try:
        return _decoded(data)
    except UnicodeDecodeError:  # a BOM that promised more than the file keeps, or no text
        raise ImportFileError(
            translate(
                "Core",
                "{file}: the text encoding is not recognised; save the file again as "
                "CSV UTF-8 from Excel",
            ).format(file=name)
        ) from None


def _decoded(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" export.
        return data.decode("utf-16"), "UTF-16"
    # UTF-16 without a BOM: ASCII text shows a NUL in every other byte.
    sample = data[:2000]
    if len(sample) >= 2 and sample.count(0) * 3 >= len(sample):
        odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
        codec = "utf-16-le" if odd_nuls >= even_nuls else "utf-16-be"
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode(codec), "UTF-16"
    if b"\x00" in data:
        raise UnicodeDecodeError("none", data, 0, 1, "a NUL byte in text")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252"), "Windows-1252"


def _sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first records into the most, equally wide, columns.

    Counting characters in the header alone is fooled by a header such as "Navn, fornavn";
    parsing a few records with each candidate and asking for a consistent width is not.
    """

    def score(delimiter: str) -> tuple[bool, bool, int]:
        try:
            records = [
                r for r in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in r)
            ]
        except csv.Error:
            return (False, False, 0)
        if not records:
            return (False, False, 0)
        width = len(records[0])
        splits = width > 1
        return (splits and all(len(r) == width for r in records), splits, width)

    best = max(_DELIMITERS, key=score)
    return best if score(best)[1] else ","


def _read_csv(path: Path) -> Table:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(
            translate("Core", "{file}: cannot be read ({reason})").format(
                file=path.name, reason=error.strerror
            )
        ) from None
    text, encoding = _decode(data, path.name)
    # Old Mac files end lines with CR alone, and an edited file may mix CR, LF and CRLF: the
    # csv module reads all three when it is given the lines one by one (a StringIO would split
    # on LF only). str.splitlines would also split on form feeds and the like, so it is not used.
    lines = _LINE.findall(text)
    delimiter: str | None = None
    # Excel writes and honours a first line "sep=;" and then hides it: the header shows as row 1.
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter = lines[0].strip()[4]
        lines = lines[1:]
    # Every cell is measured against _LONGEST_CELL instead, for a message that names it. The
    # limit is process-wide; imports run one at a time.
    old_limit = csv.field_size_limit(2**31 - 1)
    try:
        if delimiter is None:
            delimiter = _sniff_delimiter(lines[:_SNIFF_RECORDS])
        records = csv.reader(lines, delimiter=delimiter)
        table = _table(_checked_records(records, path.name), path.name, limit_extra=True)
    finally:
        csv.field_size_limit(old_limit)
    table.encoding, table.delimiter = encoding, delimiter
    return table


def _checked_records(
    records: Iterator[list[str]], name: str
) -> Iterator[tuple[int, Iterable[object]]]:
    """Numbered records; a cell too long for the register or broken quoting is refused."""
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFileError(
                translate("Core", "{file}, row {row}: the row cannot be read ({reason})").format(
                    file=name, row=number + 1, reason=str(error)
                )
            ) from None
        number += 1
        for column, cell in enumerate(record, 1):
            if len(cell) > _LONGEST_CELL:
                raise ImportFileError(
                    translate(
                        "Core",
                        "{file}, row {row}, column {column}: longer than {limit} characters",
                    ).format(file=name, row=number, column=column, limit="10 000")
                )
        yield number, [csv_unmarked(cell) for cell in record]


# --- XLSX ----------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> Table:
    # Only workbooks need openpyxl: importing it here keeps it out of every other command.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as error:
        raise ImportFileError(
            translate("Core", "{file}: not a readable Excel workbook ({reason})").format(
                file=path.name, reason=str(error)
            )
        ) from None
    try:
        # The first sheet with anything in it: a workbook may open on an empty cover sheet.
        for sheet in workbook.worksheets:
            # min_row/min_col = 1 so the n-th row yielded is row n, even when the data starts lower.
            rows = sheet.iter_rows(min_row=1, min_col=1, values_only=True)
            if not any(clean_cell(value) is not None for row in rows for value in row):
                continue
            rows = sheet.iter_rows(min_row=1, min_col=1, values_only=True)
            table = _table(enumerate(rows, 1), path.name)
            table.sheet = sheet.title
            break
        else:
            raise ImportFileError(
                translate("Core", "{file}: the file is empty").format(file=path.name)
            )
    finally:
        workbook.close()
    return table


# --- Both ----------------------------------------------------------------------------------


def clean_cell(value: object) -> Cell:
    """Empty cells become None, text is stripped and composed (NFC), whole floats become int.

    Excel stores every number as a float: a phone 91234567 arrives as 91234567.0.
    """
    if value is None:
        return None
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value).strip()
        return text or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.time):
        return str(value)
    return value  # type: ignore[return-value]


def _table(
    numbered: Iterable[tuple[int, Iterable[object]]], name: str, *, limit_extra: bool = False
) -> Table:
    """Header = the first row with anything in it; empty rows after it are skipped.

    A row with values beyond the last header (a CSV with ``limit_extra``) is refused rather
    than losing them silently; a header without rows is refused too.
    """
    rows_iter: Iterator[tuple[int, Iterable[object]]] = iter(numbered)
    for number, raw in rows_iter:
        cells = [clean_cell(value) for value in raw]
        if any(cell is not None for cell in cells):
            headers = ["" if cell is None else str(cell) for cell in cells]
            header_row = number
            break
    else:
        raise ImportFileError(translate("Core", "{file}: the file is empty").format(file=name))
    table = Table(headers=headers, header_row=header_row, rows=[], numbers=[])
    for number, raw in rows_iter:
        cells = [clean_cell(value) for value in raw]
        if any(cell is not None for cell in cells):
            if limit_extra and any(cell is not None for cell in cells[len(headers) :]):
                raise ImportFileError(
                    translate(
                        "Core",
                        "{file}, row {row}: the row has more values than the header has "
                        "columns ({columns}); check the delimiter and quotes in this row",
                    ).format(file=name, row=number, columns=len(headers))
                )
            table.rows.append(cells)
            table.numbers.append(number)
    if not table.rows:
        raise ImportFileError(
            translate("Core", "{file}: the file has a header but no rows to import").format(
                file=name
            )
        )
    return table
