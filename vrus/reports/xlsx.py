"""A report as an Excel workbook: the prose and facts on the first sheet, then a sheet per
table with its title in A1, the column headings in row 3 (frozen), then the rows; numbers are
numbers and dates are dates, so the coordinator can sort and sum without retyping. Text is
text, never a formula (``vrus.spreadsheets``, as the exports)."""

from __future__ import annotations

import datetime as dt
import io
import re

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from vrus.reports.labels import MARKED_LABEL
from vrus.reports.language import Translator
from vrus.reports.tables import Column, Kind, Report, Table
from vrus.spreadsheets import XlsxValue, set_cell_value
from vrus.texts import Text, translate

HEADER_ROW = 3
MARKED_FILL = PatternFill("solid", fgColor="FBDADA")  # the PDF's colour for "needs attention"
HEADER_FILL = PatternFill("solid", fgColor="DCE3EA")
BOLD = Font(bold=True)
SUMMARY = translate("Core", "Summary")
# Excel's own codes: it shows the weekday in the reader's language ("lørdag").
FORMATS = {
    Kind.INT: "#,##0",
    Kind.DATE: "dd.mm.yyyy",
    Kind.DAY: "dddd dd.mm.yyyy",
    Kind.TIME: "hh:mm",
}


def _number_format(column: Column) -> str | None:
    if column.kind is Kind.NUMBER:
        return "#,##0." + "0" * column.digits if column.digits else "#,##0"
    if column.kind is Kind.PERCENT:
        return "0." + "0" * column.digits + "%" if column.digits else "0%"
    return FORMATS.get(column.kind)


def _value(value: object, tr: Translator) -> XlsxValue:
    if value is None or isinstance(value, int | float | dt.date | dt.time):
        return value
    return tr(value if isinstance(value, Text | str) else str(value))


def _put(sheet: Worksheet, row: int, column: int, value: XlsxValue) -> Cell:
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, Cell)  # not a merged cell: these sheets merge none
    return set_cell_value(cell, value)


def _summary_sheet(sheet: Worksheet, report: Report, tr: Translator) -> None:
    title = _put(sheet, 1, 1, tr(report.title))
    title.font = Font(bold=True, size=14)
    row = 3
    headline = [report.headline] if report.headline is not None else []
    for text in [*headline, *report.lines, *report.paragraphs]:
        cell = _put(sheet, row, 1, tr(text))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        row += 1
    sheet.column_dimensions["A"].width = 110


def _table_sheet(sheet: Worksheet, table: Table, tr: Translator) -> None:
    title = _put(sheet, 1, 1, tr(table.title))
    title.font = Font(bold=True, size=13)
    for col, column in enumerate(table.columns, start=1):
        cell = _put(sheet, HEADER_ROW, col, tr(column.label))
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    widths = [min(max(len(tr(c.label)) // 2, 8), 40) for c in table.columns]
    for index, row in enumerate(table.rows):
        number = HEADER_ROW + 1 + index
        for col, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
            cell = _put(sheet, number, col, _value(value, tr))
            if (fmt := _number_format(column)) is not None:
                cell.number_format = fmt
            if index in table.marked:
                cell.fill = MARKED_FILL
            if table.is_total(index):
                cell.font = BOLD
            shown = 12 if column.kind is Kind.DAY else len(str(cell.value or ""))
            widths[col - 1] = min(max(widths[col - 1], shown + 2), 60)
    after = HEADER_ROW + len(table.rows) + 2
    notes = list(table.notes)
    if table.marked and table.mark_note is not None:
        notes.insert(0, MARKED_LABEL.format(what=table.mark_note))
    for offset, note in enumerate(notes):
        _put(sheet, after + offset, 1, tr(note))
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def render_xlsx(report: Report, tr: Translator) -> bytes:
    workbook = Workbook()
    taken: set[str] = set()
    first = workbook.active
    assert isinstance(first, Worksheet)  # a new workbook has one sheet
    first.title = sheet_name(tr(SUMMARY), taken)
    _summary_sheet(first, report, tr)
    for table in report.tables:
        name = sheet_name(tr(table.sheet or table.title), taken)
        _table_sheet(workbook.create_sheet(name), table, tr)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_name(label: str, taken: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\]", " ", label).strip()[:31] or "Sheet"
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.casefold())
    return name
