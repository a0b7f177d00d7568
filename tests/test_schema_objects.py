"""A register or a backup carrying a trigger or a view VRUS did not make (its only triggers
are the change journal's, ``vrus.db.journal``): ``vrus check`` reports it as a problem and
``vrus restore`` refuses the backup, both without writing to the file they look at."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.factories import add_person
from vrus.backup import backup_now
from vrus.backup_files import check_backup_file
from vrus.cli import main
from vrus.db.engine import Database
from vrus.db.journal import sqlite_triggers

pytestmark = pytest.mark.sqlite_only("what SQLite's file may hold besides VRUS's tables")

# kind: the statement that adds one to a register (the trigger copies names elsewhere)
ADDED = {
    "trigger": "CREATE TRIGGER copy_names AFTER INSERT ON persons "
    "BEGIN INSERT INTO settings (key, value) VALUES ('x' || new.id, new.first_name); END",
    "view": "CREATE VIEW copy_names AS SELECT first_name, last_name FROM persons",
}


def add_object(path: Path, kind: str) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(ADDED[kind])
        connection.commit()
    finally:
        connection.close()


def schema(path: Path) -> list[tuple[str, str, str]]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()
    finally:
        connection.close()


def settings_rows(path: Path) -> int:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM settings").fetchone()[0]
    finally:
        connection.close()


def test_a_register_as_vrus_makes_it_has_neither(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert db.path is not None
    db.close()
    assert main(["--db", str(db.path), "check"]) == 0
    out = capsys.readouterr().out
    assert "Triggers and views: none" in out and "Result: OK" in out


@pytest.mark.parametrize("kind", ["trigger", "view"])
def test_check_reports_a_trigger_or_a_view_and_writes_nothing(
    db: Database, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_person(db, "Kari", "Nordmann")
    path = db.path
    assert path is not None
    db.close()
    add_object(path, kind)
    before, settings_before = schema(path), settings_rows(path)

    assert main(["--db", str(path), "check"]) == 1
    out, err = capsys.readouterr()
    line = next(line for line in out.splitlines() if line.startswith("Triggers and views: "))
    assert line.startswith(
        f"Triggers and views: the register contains a {kind} 'copy_names' that VRUS did not "
        "make; VRUS makes no such triggers and no views"
    )
    assert out.splitlines()[-1] == "Result: PROBLEMS FOUND"
    assert "Traceback" not in err
    # Looked at, not changed: the object is still there and the trigger never fired.
    assert schema(path) == before
    assert settings_rows(path) == settings_before


@pytest.mark.parametrize("kind", ["trigger", "view"])
def test_restore_refuses_a_backup_with_a_trigger_or_a_view(
    db: Database, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_person(db, "Kari", "Nordmann")
    backup = backup_now(db)
    add_person(db, "Ola", "Etterbackup")
    path = db.path
    assert path is not None
    db.close()
    add_object(backup, kind)
    backup_bytes, register_schema = backup.read_bytes(), schema(path)

    revision, problem = check_backup_file(backup)
    assert revision is not None
    assert str(problem) == f"it contains a {kind} 'copy_names' that VRUS did not make"

    assert main(["--db", str(path), "restore", str(backup)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"vrus: error: {backup} cannot be restored: it contains a {kind} 'copy_names' "
        "that VRUS did not make\n"
    )
    # Nothing was restored, and the backup was only read.
    assert backup.read_bytes() == backup_bytes
    assert schema(path) == register_schema
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        names = {row[0] for row in connection.execute("SELECT last_name FROM persons")}
    finally:
        connection.close()
    assert "Etterbackup" in names


def test_a_name_from_the_file_is_shown_on_one_line(db: Database) -> None:
    backup = backup_now(db)
    connection = sqlite3.connect(backup)
    try:
        connection.execute('CREATE VIEW "two\nlines" AS SELECT 1')
        connection.commit()
    finally:
        connection.close()
    _revision, problem = check_backup_file(backup)
    assert str(problem) == "it contains a view 'two?lines' that VRUS did not make"


def test_the_journal_triggers_are_vrus_own(db: Database) -> None:
    assert db.path is not None
    found = {name: sql for kind, name, sql in schema(db.path) if kind == "trigger"}
    assert found == sqlite_triggers()


def test_a_journal_trigger_rewritten_by_another_program_is_foreign(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """Our name is not enough: the text must be ours word for word."""
    path = db.path
    assert path is not None
    db.close()
    connection = sqlite3.connect(path)
    try:
        connection.execute("DROP TRIGGER persons_insert_journal")
        connection.execute(
            "CREATE TRIGGER persons_insert_journal AFTER INSERT ON persons BEGIN "
            "INSERT INTO settings (key, value) VALUES ('x' || new.id, new.first_name); END"
        )
        connection.commit()
    finally:
        connection.close()
    assert main(["--db", str(path), "check"]) == 1
    out = capsys.readouterr().out
    assert "a trigger 'persons_insert_journal' that VRUS did not make" in out
