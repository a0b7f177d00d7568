"""Reading the member import's file: line endings, encodings, long cells, odd sheets.

Every file either reads correctly or is refused with a message naming the file (and row),
and a refused file changes nothing in the register.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from vrus.cli import main
from vrus.db.engine import Database
from vrus.db.models import Person
from vrus.importing import ImportFileError, import_members
from vrus.importing.report import ImportReport
from vrus.importing.sources import read_table

TODAY = dt.date(2026, 12, 2)
HEADER = ["Fornavn", "Etternavn", "Fødselsdato", "Kommune"]
ROWS = [
    ["Åsmund", "Ødegård", "03.05.2010", "Bærum"],
    ["Sølvi", "Aasen", "14.11.2014", "Asker"],
]


def text_of(rows: list[list[str]], newline: str = "\r\n") -> str:
    return "".join(";".join(row) + newline for row in rows)


def run(db: Database, path: Path, *, dry_run: bool = False) -> ImportReport:
    return import_members(db, path, dry_run=dry_run, today=TODAY)


def persons(db: Database) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def cli(register: str, path: Path) -> int:
    return main(["--db", register, "import", "members", str(path)])


def assert_refused(
    db: Database, db_path: Path, path: Path, capsys: pytest.CaptureFixture[str], *words: str
) -> None:
    before = persons(db)
    with pytest.raises(ImportFileError) as caught:
        run(db, path, dry_run=True)
    message = str(caught.value)
    assert path.name in message
    for word in words:
        assert word in message
    assert "unexpected" not in message
    capsys.readouterr()
    assert cli(db_path, path) == 1
    err = capsys.readouterr().err
    assert path.name in err
    assert "unexpected" not in err.lower()
    assert persons(db) == before


# --- 1. Line endings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "newlines", [["\r"] * 3, ["\r", "\n", "\r\n"], ["\n", "\r\n", "\r"]], ids=str
)
def test_old_mac_and_mixed_line_endings_read_correctly(
    db: Database, tmp_path: Path, newlines: list[str]
) -> None:
    rows = [HEADER, *ROWS]
    path = tmp_path / "members.csv"
    path.write_bytes(
        "".join(";".join(r) + nl for r, nl in zip(rows, newlines, strict=True)).encode()
    )
    table = read_table(path)
    assert table.headers == HEADER
    assert [r[0] for r in table.rows] == ["Åsmund", "Sølvi"]
    assert table.numbers == [2, 3]
    report = run(db, path)
    assert report.ok, report.problems
    assert persons(db) == 2


# --- 2. UTF-16 without a BOM ---------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(db: Database, tmp_path: Path, codec: str) -> None:
    path = tmp_path / "members.csv"
    path.write_bytes(text_of([HEADER, *ROWS]).encode(codec))
    table = read_table(path)
    assert table.encoding == "UTF-16"
    assert table.headers == HEADER
    assert table.rows[1][:2] == ["Sølvi", "Aasen"]
    assert run(db, path, dry_run=True).ok
    assert cli(db.url, path) == 0
    assert persons(db) == 2


# --- 3. A cell beyond the csv module's limit -------------------------------------------------


def test_huge_cell_is_refused_naming_row_and_column(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "members.csv"
    rows = [HEADER, ROWS[0], ["Sølvi", "x" * 200_000, "14.11.2014", "Asker"]]
    path.write_text(text_of(rows), encoding="utf-8")
    assert_refused(db, db.url, path, capsys, "row 3", "column 2", "10 000")


def test_cell_just_over_ten_thousand_is_refused(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "members.csv"
    path.write_text(text_of([HEADER, ["y" * 10_001, *ROWS[0][1:]]]), encoding="utf-8")
    assert_refused(db, db.url, path, capsys, "row 2", "column 1")


# --- 4. More values than headers ------------------------------------------------------------


def test_row_with_more_values_than_header_is_refused(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "members.csv"
    path.write_text(text_of([HEADER, ROWS[0], [*ROWS[1], "Fiolin"]]), encoding="utf-8")
    assert_refused(db, db.url, path, capsys, "row 3", "(4)")


def test_trailing_empty_cells_beyond_header_are_fine(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text(text_of([HEADER, [*ROWS[0], "", ""]]), encoding="utf-8")
    assert run(db, path).ok
    assert persons(db) == 1


# --- 5. Header only -------------------------------------------------------------------------


def test_header_only_file_is_refused(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "members.csv"
    path.write_text(text_of([HEADER, ["", "", "", ""]]), encoding="utf-8")
    assert_refused(db, db.url, path, capsys, "no rows to import")


# --- 6. XLSX with an empty first sheet -----------------------------------------------------


def test_xlsx_reads_first_sheet_with_data(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Forside"
    members = workbook.create_sheet("Medlemmer")
    for row in [HEADER, *ROWS]:
        members.append(row)
    path = tmp_path / "members.xlsx"
    workbook.save(path)
    report = run(db, path, dry_run=True)
    assert report.sheet == "Medlemmer"
    assert report.ok
    capsys.readouterr()
    assert cli(db.url, path) == 0
    assert "Medlemmer" in capsys.readouterr().out
    assert persons(db) == 2


def test_xlsx_with_only_empty_sheets_is_empty(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = openpyxl.Workbook()
    workbook.create_sheet("Tom")
    path = tmp_path / "members.xlsx"
    workbook.save(path)
    assert_refused(db, db.url, path, capsys, "empty")


# --- Any bytes ------------------------------------------------------------------------------


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.tuples(
        # A byte order mark promises an encoding the rest may not keep.
        st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]),
        st.one_of(
            st.binary(max_size=400),
            st.lists(
                st.sampled_from(
                    [b";", b",", b"\t", b'"', b"\r", b"\n", b"\x00", b"a", b"\xc3\xa5", b"\xff"]
                ),
                max_size=200,
            ).map(b"".join),
        ),
    ).map(b"".join)
)
def test_csv_reading_never_crashes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.csv"
    path.write_bytes(data)
    try:
        table = read_table(path)
    except ImportFileError as error:
        assert str(error)
    else:
        assert table.rows
        assert len(table.rows) == len(table.numbers)


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe\x00\x00garbage", b"\xef\xbb\xbfFornavn\xff;Etternavn\r\n", b"\xfe\xff\x00A\x00"],
)
def test_a_byte_order_mark_the_rest_does_not_keep_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "medlemmer.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFileError, match="medlemmer.csv: the text encoding is not recognised"):
        read_table(path)
    assert path.read_bytes() == data
