"""Writing a ``Report``: text for the terminal, CSV and XLSX for the spreadsheet, JSON for
scripts, PDF for print (``vrus.reports.pdf``).

- Text: aligned columns, numbers right-aligned, marked rows starting with "*".
- CSV: UTF-8 with a byte-order mark, so Excel opens "Bærum" as Bærum and not as "BÃ¦rum"
  (``vrus.spreadsheets``, as the exports). Norwegian Excel expects ";" between fields and a
  decimal comma; English Excel "," and a point: the report's language decides. Several
  tables follow one another, each under its title, with a blank row between.
- XLSX: a sheet per table (and one for the prose), numbers as numbers, dates as dates, the
  header frozen, marked rows shaded.
- JSON: the report's own shape (``Report.data``), or its tables when it has none.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Iterator
from typing import Any

from vrus.reports.labels import MARKED_LABEL
from vrus.reports.language import Translator
from vrus.reports.tables import Column, Report, Table
from vrus.spreadsheets import csv_bytes
from vrus.texts import Text

FORMATS = ("text", "csv", "json", "pdf", "xlsx")
BINARY = frozenset({"pdf", "xlsx"})
EXTENSIONS = {"text": "txt", "csv": "csv", "json": "json", "pdf": "pdf", "xlsx": "xlsx"}
MARK = "*"
HEADER_WRAP = 14  # text columns wrap their heading at about this width


def render(report: Report, fmt: str, tr: Translator) -> bytes:
    """The report in ``fmt`` as bytes (text formats in UTF-8)."""
    if fmt == "text":
        return render_text(report, tr).encode("utf-8")
    if fmt == "csv":
        return render_csv(report, tr)
    if fmt == "json":
        return render_json(report, tr).encode("utf-8")
    if fmt == "xlsx":
        from vrus.reports.xlsx import render_xlsx

        return render_xlsx(report, tr)
    if fmt == "pdf":
        from vrus.reports.pdf import render_pdf

        return render_pdf(report, tr)
    raise ValueError(f"'{fmt}' is not a report format: use {', '.join(FORMATS)}")


def _top_lines(report: Report) -> list:
    return ([report.headline] if report.headline is not None else []) + report.lines


# --- text ---------------------------------------------------------------------------------


def _widths(table: Table, header: list[str], body: list[list[str]]) -> list[int]:
    widths = []
    for index, label in enumerate(header):
        cells = max((len(row[index]) for row in body), default=0)
        longest_word = max((len(w) for w in label.split()), default=0)
        widths.append(max(cells, longest_word, min(len(label), HEADER_WRAP)))
    return widths


def _heading_lines(header: list[str], widths: list[int], columns: list[Column]) -> list[str]:
    wrapped = [
        textwrap.wrap(label, width) or [""] for label, width in zip(header, widths, strict=True)
    ]
    height = max(len(lines) for lines in wrapped)
    lines = []
    for line in range(height):
        parts = []
        for lines_of, width, column in zip(wrapped, widths, columns, strict=True):
            # Bottom-aligned, like a spreadsheet's wrapped heading.
            text = (
                lines_of[line - (height - len(lines_of))] if line >= height - len(lines_of) else ""
            )
            parts.append(text.rjust(width) if column.numeric else text.ljust(width))
        lines.append("  " + "  ".join(parts).rstrip())
    return lines


def table_text(table: Table, tr: Translator) -> list[str]:
    header = [tr(c.label) for c in table.columns]
    body = [[tr.cell(v, c) for v, c in zip(row, table.columns, strict=True)] for row in table.rows]
    widths = _widths(table, header, body)
    title = tr(table.title)
    lines = [title, "-" * len(title), *_heading_lines(header, widths, table.columns)]
    lines.append("  " + "  ".join("-" * w for w in widths))
    # Each column's padding once, not per cell (a member table has thousands of rows).
    pads = [
        (str.rjust if c.numeric else str.ljust, w)
        for c, w in zip(table.columns, widths, strict=True)
    ]
    for index, cells in enumerate(body):
        if table.total_rows and index == len(body) - table.total_rows:
            lines.append("  " + "  ".join("-" * w for w in widths))
        text = "  ".join(pad(cell, w) for cell, (pad, w) in zip(cells, pads, strict=True))
        lines.append((MARK + " " if index in table.marked else "  ") + text.rstrip())
    if table.marked and table.mark_note is not None:
        lines.append(f"{MARK} {tr(MARKED_LABEL.format(what=table.mark_note))}")
    lines += [tr(note) for note in table.notes]
    return lines


def render_text(report: Report, tr: Translator) -> str:
    title = tr(report.title)
    lines = [tr(report.kicker), title, "=" * len(title)]
    lines += [tr(line) for line in _top_lines(report)]
    for paragraph in report.paragraphs:
        lines += ["", *textwrap.wrap(tr(paragraph), 96)]
    for table in report.tables:
        lines += ["", *table_text(table, tr)]
    return "\n".join(lines) + "\n"


# --- CSV ----------------------------------------------------------------------------------


def csv_rows(report: Report, tr: Translator) -> Iterator[list[str]]:
    yield [tr(report.title)]
    yield from ([tr(line)] for line in _top_lines(report))
    yield from ([tr(p)] for p in report.paragraphs)
    for table in report.tables:
        yield []
        yield [tr(table.title)]
        yield [tr(c.label) for c in table.columns]
        for row in table.rows:
            yield [tr.cell(v, c, plain=True) for v, c in zip(row, table.columns, strict=True)]
        yield from ([tr(note)] for note in table.notes)


def render_csv(report: Report, tr: Translator) -> bytes:
    return csv_bytes(csv_rows(report, tr), delimiter=";" if tr.decimal_comma else ",")


# --- JSON ---------------------------------------------------------------------------------


def _json_value(value: Any, tr: Translator | None = None) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Text):
        return tr(value) if tr is not None else str(value)
    return str(value)


def tables_json(report: Report) -> dict[str, Any]:
    """The generic form, for reports without a shape of their own."""
    return {
        "report": report.kind,
        "title": str(report.title),
        "tables": [
            {
                "key": t.key,
                "title": str(t.title),
                "columns": [str(c.label) for c in t.columns],
                "rows": [
                    [v if isinstance(v, int | float | None) else _json_value(v) for v in row]
                    for row in t.rows
                ],
            }
            for t in report.tables
        ],
    }


def render_json(report: Report, tr: Translator | None = None) -> str:
    """Keys and codes in English for scripts; texts (``Text`` values) in ``tr``'s language."""
    data = report.json_data() or tables_json(report)
    return (
        json.dumps(data, ensure_ascii=False, indent=2, default=lambda value: _json_value(value, tr))
        + "\n"
    )


# --- file names ---------------------------------------------------------------------------

FILE_PREFIXES = {
    "coverage": "rekruttering",
    "instrumentation": "besetning",
    "ages": "aldersfordeling",
    "attendance": "oppmote-sesong",
    "annual": "arsrapport",
    "course": "kursrapport",
}


def default_filename(report: Report, fmt: str) -> str:
    """'rekruttering-2026.pdf': Norwegian like the printouts' names, whatever the language."""
    from vrus.printing.layout import slug

    parts = [FILE_PREFIXES.get(report.kind, slug(report.kind)), slug(report.file_label)]
    return "-".join(p for p in parts if p) + "." + EXTENSIONS[fmt]
