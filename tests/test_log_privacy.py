"""Nothing personal reaches the log file, whatever fails.

The register holds a person with a name found nowhere else, and lives in a folder with a
file name found nowhere else. Each test drives one error path through ``vrus`` as it runs
(``vrus.cli.main``, with the real log file of ``vrus.logsetup``), then reads the log file:
it must say what failed (so these tests cannot pass on an empty log) and must hold neither
the name nor the file name. An error's message is where they hide: an ``OSError``'s names
the file, an exception raised with a value carries it, so the log names a failure by its
class only (``vrus.logsetup.error_kind``, ``PrivateFormatter``).
"""

from __future__ import annotations

import csv
import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from tests.factories import add_person
from vrus import logsetup
from vrus.cli import main
from vrus.db import health
from vrus.db.engine import Database, sqlite_url
from vrus.db.models import Person
from vrus.importing import members as member_import
from vrus.opening import open_database

FIRST, LAST = "Zyxwiqa", "Qørtmund"
FILE_WORD = "Vexhollow"  # in the register's folder and file name, and the import file's
SECRETS = (FIRST, LAST, FILE_WORD, "Qrtmund", "Q\\u00f8rtmund", "Q\\xf8rtmund")


@pytest.fixture
def log_text(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], str]]:
    """The real log file of this test (``VRUS_LOG_DIR`` is the test's own folder); the handler
    ``vrus.cli.main`` installs is taken off again afterwards."""
    monkeypatch.setattr(logsetup, "_configured", None)
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield lambda: logsetup.log_file().read_text(encoding="utf-8")
    for handler in root.handlers[:]:
        if handler not in before and isinstance(handler, logsetup.PrivateRotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture
def register(tmp_path: Path, migrated_register: Path) -> tuple[Path, int]:
    """A register in a folder named after nobody in particular, holding the person."""
    folder = tmp_path / f"{FILE_WORD}-mappe"
    folder.mkdir()
    path = folder / f"{FILE_WORD}-register.sqlite3"
    shutil.copy2(migrated_register, path)
    db = open_database(sqlite_url(path))
    person_id = add_person(db, FIRST, LAST)
    db.close()
    return path, person_id


def assert_private(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} is in the log:\n{text}"


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


MEMBER_ROWS = [
    ["Fornavn", "Etternavn", "Fødselsdato", "Kommune"],
    [FIRST, f"{LAST} den yngre", "01.05.2012", "Asker"],
]


def test_an_unexpected_error_in_a_command(
    register: tuple[Path, int],
    log_text: Callable[[], str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _person = register

    def broken(_db: Database) -> None:
        raise RuntimeError(f"{FIRST} {LAST} could not be checked in {path}")

    monkeypatch.setattr(health, "check_database", broken)
    assert main(["--db", str(path), "check"]) == 1
    assert "an unexpected error occurred" in capsys.readouterr().err
    text = log_text()
    assert "unexpected error in command check" in text
    assert "Traceback" in text and "RuntimeError" in text  # the developer still finds the bug
    assert_private(text)


def test_a_failing_statement(
    register: tuple[Path, int],
    log_text: Callable[[], str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A statement given the person's name fails (the same id twice): the error and its
    traceback are logged, the values it was given are not."""
    path, person_id = register

    def insert_again(db: Database) -> None:
        with db.transaction() as session:
            session.add(Person(id=person_id, first_name=FIRST, last_name=LAST))

    monkeypatch.setattr(health, "check_database", insert_again)
    assert main(["--db", str(path), "check"]) == 1
    capsys.readouterr()
    text = log_text()
    assert "IntegrityError" in text and "SQLITE_CONSTRAINT" in text
    assert_private(text)


def test_refused_import_files_named_after_the_person(
    register: tuple[Path, int],
    log_text: Callable[[], str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _person = register
    garbage = tmp_path / f"{FIRST} {LAST} {FILE_WORD}.xlsx"
    garbage.write_bytes(b"\x00\x01 not a workbook")
    missing = tmp_path / f"{FIRST} {LAST} {FILE_WORD}-mangler.csv"
    for file in (garbage, missing):
        assert main(["--db", str(path), "import", "members", str(file)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("vrus: error: ") and err.count("\n") == 1
    text = log_text()
    assert "backed up the register (daily)" in text  # the log is written to
    assert_private(text)


def test_an_import_that_fails_while_writing(
    register: tuple[Path, int],
    log_text: Callable[[], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _person = register
    file = write_csv(tmp_path / f"{FIRST} {LAST} {FILE_WORD}.csv", MEMBER_ROWS)

    def fail_writing(*_args: object, **_kwargs: object) -> None:
        raise IntegrityError(
            "INSERT INTO persons (first_name, last_name) VALUES (?, ?)",
            (FIRST, LAST),
            sqlite3.IntegrityError(f"{FIRST} {LAST} is already there"),
        )

    monkeypatch.setattr(member_import, "write_plan", fail_writing)
    assert main(["--db", str(path), "import", "members", str(file)]) == 1
    assert "the import stopped and nothing was written" in capsys.readouterr().err
    text = log_text()
    assert "a member import failed; rolled back" in text and "IntegrityError" in text
    assert_private(text)


def test_failing_automatic_backups(
    register: tuple[Path, int],
    log_text: Callable[[], str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The backups folder cannot be made (a file has its name): the daily backup at the
    start and the one at closing, after the import wrote, both fail; the OSError names the
    folder, the log does not."""
    path, _person = register
    (path.parent / "backups").write_text("in the way", encoding="utf-8")
    file = write_csv(tmp_path / f"{FIRST} {LAST} {FILE_WORD}.csv", MEMBER_ROWS)
    assert main(["--db", str(path), "import", "members", str(file)]) == 0
    err = capsys.readouterr().err
    assert "the daily backup failed" in err and "the backup on closing failed" in err
    text = log_text()
    assert "daily backup failed: FileExistsError" in text
    assert "backup on close failed: FileExistsError" in text
    assert_private(text)


def test_the_formatter_keeps_the_frames_and_drops_every_message() -> None:
    """The exception, its cause and its context each by class: no message of any of them."""
    formatter = logsetup.PrivateFormatter("%(message)s")

    def fail() -> None:
        try:
            open(f"/nonexistent/{FILE_WORD}/{FIRST}.csv", encoding="utf-8")  # noqa: SIM115
        except OSError as error:
            raise ValueError(f"{FIRST} {LAST}") from error

    try:
        fail()
    except ValueError as error:
        record = logging.LogRecord(
            "vrus", logging.ERROR, __file__, 1, "failed", None, (ValueError, error, None)
        )
        record.exc_info = (type(error), error, error.__traceback__)
    text = formatter.format(record)
    assert "FileNotFoundError (errno 2) (message not logged)" in text
    assert "ValueError (message not logged)" in text
    assert "in fail" in text  # the frames are kept
    assert_private(text)
