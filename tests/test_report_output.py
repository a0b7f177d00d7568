"""Every report written as text, CSV, JSON, XLSX and PDF from the demo register, and read back
(csv module, openpyxl, pypdf): æøå intact, numbers as numbers, the right tables present."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from vrus.db.engine import Database, sqlite_url
from vrus.db.models import Event, Season
from vrus.demo import load_demo
from vrus.opening import open_database
from vrus.reports import KINDS, build_report
from vrus.reports.language import Translator
from vrus.reports.output import default_filename, render

TODAY = dt.date(2026, 11, 26)
EN = Translator("en")
# A title each report's tables must have, and a value one of its rows must show.
EXPECTED = {
    "coverage": ("Members per municipality, season 2026", "Øvre Eiker"),
    "instrumentation": ("Members per instrument on Thursday 26.11.2026", "Double bass"),
    "ages": ("Age distribution per ensemble", "Ungdomssymfonikerne"),
    "attendance": ("Attendance per event", "Helgeseminar 1"),
    "annual": ("IRIS activities", "Dextramusikernes superhelg"),
    "course": ("Participants: Helgeseminar 1, 17.01.2026–18.01.2026", "Ærøy, Åsmund"),
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = open_database(sqlite_url(tmp_path_factory.mktemp("demo") / "demo.sqlite3"))
    load_demo(database, today=TODAY)
    yield database
    database.close()


@pytest.fixture(scope="module")
def seminar(demo: Database) -> int:
    with demo.transaction() as session:
        return session.scalars(
            select(Event.id)
            .join(Season)
            .where(Season.name == "2026", Event.title == "Helgeseminar 1")
        ).one()


def report_of(demo: Database, kind: str, seminar: int):
    with demo.transaction() as session:
        return build_report(
            session, kind, event_ids=[seminar] if kind == "course" else (), today=TODAY
        )


@pytest.mark.parametrize("kind", KINDS)
def test_csv_reads_back(demo, seminar, kind: str) -> None:
    report = report_of(demo, kind, seminar)
    data = render(report, "csv", EN)
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=","))
    assert rows[0] == [EN(report.title)]
    title, value = EXPECTED[kind]
    assert [title] in rows
    assert any(value in row for row in rows)
    for table in report.tables:  # each table: title, then its header row
        at = rows.index([EN(table.title)])
        assert rows[at + 1] == [EN(c.label) for c in table.columns]


def test_csv_in_bokmal_uses_semicolons_and_decimal_commas(demo, seminar) -> None:
    data = render(report_of(demo, "coverage", seminar), "csv", Translator("nb"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    (baerum,) = [row for row in rows if row[:2] == ["Bærum", "3201"]]
    assert baerum[6] == "133228"  # no thousands separator in a spreadsheet cell
    assert "," in baerum[7] and "." not in baerum[7]  # per 10 000, e.g. "1,24"


@pytest.mark.parametrize("kind", KINDS)
def test_xlsx_reads_back(demo, seminar, kind: str) -> None:
    report = report_of(demo, kind, seminar)
    book = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx", EN)))
    assert len(book.sheetnames) == 1 + len(report.tables)
    assert book.worksheets[0]["A1"].value == EN(report.title)
    title, value = EXPECTED[kind]
    sheets = {sheet["A1"].value: sheet for sheet in book.worksheets[1:]}
    assert title in sheets
    cells = [
        c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
    ]
    assert value in cells
    for sheet, table in zip(book.worksheets[1:], report.tables, strict=True):
        assert [c.value for c in sheet[3]][: len(table.columns)] == [
            EN(c.label) for c in table.columns
        ]
        assert sheet.max_row >= 3 + len(table.rows)


def test_xlsx_keeps_numbers_and_dates(demo, seminar) -> None:
    book = openpyxl.load_workbook(
        io.BytesIO(render(report_of(demo, "coverage", seminar), "xlsx", EN))
    )
    sheet = book.worksheets[1]
    baerum = next(row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0] == "Bærum")
    assert baerum[1] == "3201" and isinstance(baerum[5], int) and baerum[6] == 133228
    assert isinstance(baerum[7], float)
    book = openpyxl.load_workbook(
        io.BytesIO(render(report_of(demo, "annual", seminar), "xlsx", EN))
    )
    iris = next(s for s in book.worksheets if s["A1"].value == "IRIS activities")
    assert isinstance(iris["A4"].value, dt.datetime)
    assert iris["A4"].number_format == "dddd dd.mm.yyyy"


def test_xlsx_text_is_text_never_a_formula() -> None:
    from vrus.reports.tables import Column, Kind, Report, Table

    table = Table(
        title="=1+1",
        columns=[Column("=SUM(A1)"), Column("n", Kind.INT)],
        rows=[['=HYPERLINK("http://example.com";"klikk")', 3], ["@SUM(1)\x07", -2]],
        notes=["+cmd|' /C calc'!A0"],
    )
    report = Report(kind="ages", title="=TITLE()", kicker="k", lines=["-2+3"], tables=[table])
    book = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx", EN)))
    summary, sheet = book.worksheets
    cells = [
        c for s in (summary, sheet) for row in s.iter_rows() for c in row if c.value is not None
    ]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert summary["A1"].value == "=TITLE()" and summary["A3"].value == "-2+3"
    assert (sheet["A1"].value, sheet["A3"].value) == ("=1+1", "=SUM(A1)")
    assert sheet["A4"].value == '=HYPERLINK("http://example.com";"klikk")'
    assert sheet["A5"].value == "@SUM(1)"  # a control character cannot be in a workbook
    assert (sheet["B4"].value, sheet["B5"].value) == (3, -2)  # numbers stay numbers


def test_csv_formulas_are_marked_and_numbers_left_alone() -> None:
    from vrus.reports.tables import Column, Kind, Report, Table

    table = Table(
        title="Tabell",
        columns=[Column("=SUM(A1)"), Column("n", Kind.INT)],
        rows=[['=HYPERLINK("http://example.com";"klikk")', 3], ["@SUM(1)", -2]],
    )
    report = Report(kind="ages", title="t", kicker="k", lines=[], tables=[table])
    text = render(report, "csv", EN).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'=SUM(A1)" in cells and "'@SUM(1)" in cells
    assert '\'=HYPERLINK("http://example.com";"klikk")' in cells
    assert "-2" in cells  # a negative number is a number, not a formula to mark
    assert not [c for c in cells if c.startswith(("=", "@", "+"))]


def test_the_characters_left_out_of_workbooks_are_openpyxls() -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from vrus import spreadsheets

    assert spreadsheets._NOT_IN_WORKBOOKS.pattern == ILLEGAL_CHARACTERS_RE.pattern


def test_csv_is_the_same_writer_as_the_exports() -> None:
    from vrus.reports.tables import Column, Report, Table
    from vrus.spreadsheets import csv_bytes

    report = Report(
        kind="ages",
        title="Bærum",
        kicker="k",
        tables=[Table(title="t", columns=[Column("a;b")], rows=[["x,y"]])],
    )
    nb = render(report, "csv", Translator("nb"))
    assert nb == '\ufeffBærum\r\n\r\nt\r\n"a;b"\r\nx,y\r\n'.encode()
    assert nb == csv_bytes([["Bærum"], [], ["t"], ["a;b"], ["x,y"]])
    assert render(report, "csv", EN) == csv_bytes(
        [["Bærum"], [], ["t"], ["a;b"], ["x,y"]], delimiter=","
    )


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_reads_back(demo, seminar, kind: str) -> None:
    report = report_of(demo, kind, seminar)
    reader = PdfReader(io.BytesIO(render(report, "pdf", EN)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    title, value = EXPECTED[kind]
    assert EN(report.title) in text and title in text and value in text
    assert f"Side 1 av {len(reader.pages)}" in text
    assert reader.metadata.title == EN(report.title)


@pytest.mark.parametrize("kind", KINDS)
def test_json_and_text(demo, seminar, kind: str) -> None:
    report = report_of(demo, kind, seminar)
    data = json.loads(render(report, "json", EN))
    assert isinstance(data, dict) and data
    text = render(report, "text", EN).decode("utf-8")
    title, value = EXPECTED[kind]
    assert title in text and value in text


def test_coverage_pdf_shows_the_summary_and_the_chart(demo, seminar) -> None:
    report = report_of(demo, "coverage", seminar)
    reader = PdfReader(io.BytesIO(render(report, "pdf", EN)))
    first = " ".join(reader.pages[0].extract_text().split())
    assert "10 of 12 municipalities represented in Ungdomssymfonikerne" in first
    assert "Krødsherad" in first  # the municipality with nobody, on the first page
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Members per municipality and ensemble" in text  # the chart's title
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape


def test_annual_summary_prints_weekdays_from_the_dates(demo, seminar) -> None:
    report = report_of(demo, "annual", seminar)
    text = render(report, "text", EN).decode("utf-8")
    assert "Saturday 14.02.2026" in text and "Friday 30.10.2026" in text
    nb = render(report, "text", Translator("nb")).decode("utf-8")
    assert "lørdag 14.02.2026" in nb and "fredag 30.10.2026" in nb


def test_default_file_names() -> None:
    from vrus.reports.tables import Report

    report = Report(kind="course", title="x", kicker="y", file_label="Helgeseminar 1 – Ås")
    assert default_filename(report, "pdf") == "kursrapport-helgeseminar-1-as.pdf"
    report = Report(kind="coverage", title="x", kicker="y", file_label="2026")
    assert default_filename(report, "xlsx") == "rekruttering-2026.xlsx"


def test_written_files_are_private(demo, tmp_path: Path) -> None:
    from vrus.cli.report import cmd_report

    out = io.StringIO()
    cmd_report(demo, "ages", out=out, fmt="xlsx", today=TODAY, folder=tmp_path, language="en")
    path = tmp_path / "aldersfordeling-2026.xlsx"
    assert out.getvalue() == f"Wrote {path.resolve()}\n"
    assert os.stat(path).st_mode & 0o777 == 0o600
