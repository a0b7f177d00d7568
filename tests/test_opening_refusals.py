"""Opening a register refuses what is not one, in one line, and changes nothing (issue 13)."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from vrus.cli import main


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "unexpected error" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("vrus: error: "), err
    return err.strip()


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.name: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.iterdir())
        if path.is_file()
    } | {path.name: (b"", 0) for path in folder.iterdir() if path.is_dir()}


@pytest.mark.parametrize("name", ["no-such-folder/vrus.sqlite3", "vrsu.sqlite3"])
def test_check_on_a_mistyped_path_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    missing = tmp_path / name
    assert main(["--db", str(missing), "check"]) == 1
    assert _error_line(capsys) == (
        f"vrus: error: {missing}: no register there (the file does not exist)"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_new_register_still_starts_where_its_folder_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "vrus.sqlite3"
    assert main(["--db", str(new), "events", "list"]) == 0
    assert new.exists()


@pytest.mark.parametrize("command", [["check"], ["events", "list"]])
def test_another_programs_sqlite_file_is_left_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    foreign = tmp_path / "photos.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO photo (name) VALUES ('concert')")
    connection.commit()
    connection.close()
    before = _snapshot(tmp_path)
    assert main(["--db", str(foreign), *command]) == 1
    assert _error_line(capsys) == (
        f"vrus: error: {foreign} is not a VRUS database (unknown tables)"
    )
    assert _snapshot(tmp_path) == before  # no -wal, -shm or backups/ beside it


@pytest.mark.sqlite_only("a SQLite file")
@pytest.mark.parametrize("command", [["check"], ["events", "list"]])
def test_a_register_of_a_newer_vrus_asks_for_an_update(
    db, db_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    db.close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = _snapshot(db_path.parent)
    assert main(["--db", str(db_path), *command]) == 1
    assert _error_line(capsys) == (
        f"vrus: error: {db_path} was made by a newer VRUS (schema 9999); update VRUS"
    )
    after = _snapshot(db_path.parent)
    assert after[db_path.name] == before[db_path.name]
    # Nothing but SQLite's own index of a WAL register's journal appears beside it.
    assert set(after) - set(before) <= {f"{db_path.name}-shm", f"{db_path.name}-wal"}


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("not a url", "not a database URL"),
        ("sqlite:///", "the URL names no database file"),
        ("postgresql://", "not installed (install vrus[server] for PostgreSQL)"),
        (
            "postgresql+psycopg://vrus:secret@localhost/vrus",
            "not installed (install vrus[server] for PostgreSQL)",
        ),
    ],
)
def test_a_bad_database_url_is_one_line_naming_the_variable(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    url: str,
    problem: str,
) -> None:
    if url.startswith("postgresql") and any(
        importlib.util.find_spec(driver) for driver in ("psycopg", "psycopg2")
    ):
        pytest.skip("a PostgreSQL driver is installed: this would connect")
    monkeypatch.setenv("VRUS_DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)
    for command in (["check"], ["events", "list"]):
        assert main(command) == 1
        line = _error_line(capsys)
        assert line.startswith("vrus: error: VRUS_DATABASE_URL: "), line
        assert problem in line
        assert "secret" not in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["check"], ["events", "list"], ["backup"]])
def test_a_pipe_or_a_device_is_no_register(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """Reading a named pipe's header would wait for ever; a device is nobody's register."""
    pipe = tmp_path / "vrus.sqlite3"
    os.mkfifo(pipe)
    assert main(["--db", str(pipe), *command]) == 1
    assert _error_line(capsys) == f"vrus: error: {pipe} is not a database file (a device or a pipe)"
    assert main(["--db", os.devnull, *command]) == 1
    assert _error_line(capsys) == (
        f"vrus: error: {os.devnull} is not a database file (a device or a pipe)"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["vrus.sqlite3"] and pipe.is_fifo()


def test_check_on_an_empty_file_leaves_it_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "vrus.sqlite3"
    empty.touch(mode=0o644)
    before = _snapshot(tmp_path)
    assert main(["--db", str(empty), "check"]) == 1
    assert _error_line(capsys) == f"vrus: error: {empty}: no register there (the file is empty)"
    assert _snapshot(tmp_path) == before and stat.S_IMODE(empty.stat().st_mode) == 0o644


@pytest.mark.sqlite_only("a SQLite file")
@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (os.mkfifo, "not a database file (a device or a pipe)"),
        (os.mkdir, "it is a folder"),
        (lambda _path: None, "the file does not exist"),
    ],
)
def test_restore_names_what_the_offered_file_is(
    db_path: Path, db, tmp_path: Path, capsys: pytest.CaptureFixture[str], make, reason: str
) -> None:
    offered = tmp_path / "offered.sqlite3"
    make(offered)
    db.close()
    before = db_path.read_bytes()
    assert main(["--db", str(db_path), "restore", str(offered)]) == 1
    assert _error_line(capsys) == f"vrus: error: {offered} cannot be restored: {reason}"
    assert db_path.read_bytes() == before


def test_a_place_where_no_register_can_be_made_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    inside = a_file / "vrus.sqlite3"
    assert main(["--db", str(inside), "events", "list"]) == 1
    line = _error_line(capsys)
    assert line.startswith(f"vrus: error: {inside}: the register cannot be opened here (")
    assert a_file.read_text(encoding="utf-8") == "not a folder"


def test_a_nul_in_the_database_url_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VRUS_DATABASE_URL", "sqlite:///vrus%00.sqlite3")
    assert main(["events", "list"]) == 1
    assert _error_line(capsys) == (
        "vrus: error: 'vrus\\x00.sqlite3': not a file name (it holds a NUL character)"
    )
