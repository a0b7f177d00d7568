"""Moving a SQLite register onto a PostgreSQL server: ``vrus transfer --to URL``.

The source is a real register file (the demo season, plain or encrypted), the target a real
database on the test run's server, bare or set up. What is compared is every row of every
table, read by plain SELECTs on both sides (not by the checksums under test), and a members
export made from each.
"""

from __future__ import annotations

import datetime as dt
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from tests.factories import add_person
from tests.pg_server import Databases
from vrus.cli import main
from vrus.db.engine import Database, sqlite_url
from vrus.db.models import Base, Person, Presence
from vrus.demo import load_demo
from vrus.errors import DatabaseError, VrusError
from vrus.exporting import export
from vrus.opening import open_database
from vrus.server import moved, register_copy
from vrus.server.register_copy import SESSION_TABLES
from vrus.server.transfer import FILLED_BY_SETUP, transfer

pytestmark = pytest.mark.sqlite_only("the source of a move is a register file")

DEMO_DAY = dt.date(2026, 11, 26)


# --- Helpers -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo season in a plain register file, made once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(sqlite_url(path), encrypt=False)
    try:
        load_demo(db, today=DEMO_DAY)
    finally:
        db.close()
    return path


@pytest.fixture
def register(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A copy of the demo register, open."""
    path = tmp_path / "demo-copy.sqlite3"  # not db_path: tests may take ``db`` too
    shutil.copy2(demo_file, path)
    db = open_database(sqlite_url(path))
    yield db
    db.close()


@pytest.fixture
def server(pg_databases: Databases) -> Iterator[Databases]:
    """The run's databases; every database a test asks for is dropped after it."""
    made: list[str] = []
    original = pg_databases.fresh

    def fresh(*, migrated: bool = True) -> str:
        url = original(migrated=migrated)
        made.append(url)
        return url

    pg_databases.fresh = fresh  # type: ignore[method-assign]
    yield pg_databases
    pg_databases.fresh = original  # type: ignore[method-assign]
    for url in made:
        pg_databases.drop(url)


def dump(db: Database) -> dict[str, dict[tuple[Any, ...], tuple[Any, ...]]]:
    """Every row of every table of the register (not who has it open), by primary key."""
    tables: dict[str, dict[tuple[Any, ...], tuple[Any, ...]]] = {}
    with db.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in SESSION_TABLES:
                continue
            keys = [column.name for column in table.primary_key.columns]
            tables[table.name] = {
                tuple(row._mapping[k] for k in keys): tuple(row)
                for row in connection.execute(select(table))
            }
    return tables


def server_dump(url: str) -> dict[str, dict[tuple[Any, ...], tuple[Any, ...]]]:
    db = open_database(url)
    try:
        return dump(db)
    finally:
        db.close()


def members_export(db: Database, path: Path) -> bytes:
    export(db, "members", path, include_archived=True)
    return path.read_bytes()


def writable(path: Path) -> bool:
    return bool(path.stat().st_mode & stat.S_IWUSR)


# --- Moving --------------------------------------------------------------------------------


@pytest.mark.parametrize("migrated", [False, True], ids=["bare", "set-up"])
def test_every_row_moves_with_its_id(
    register: Database, server: Databases, tmp_path: Path, migrated: bool
) -> None:
    url = server.fresh(migrated=migrated)
    before = dump(register)
    progress: list[tuple[int, int]] = []

    report = transfer(register, url, progress=lambda done, total: progress.append((done, total)))

    assert report.set_up is not migrated
    after = server_dump(url)
    assert after == before
    assert before["persons"] and before["attendance"] and before["register_changes"]
    assert {t.name: t.rows for t in report.tables} == {n: len(rows) for n, rows in before.items()}
    # The members as a user sees them, exported from each side.
    target = open_database(url)
    try:
        assert members_export(target, tmp_path / "server.csv") == members_export(
            register, tmp_path / "file.csv"
        )
    finally:
        target.close()
    # The progress went up to its total, never beyond.
    assert progress[-1][0] == progress[-1][1] == 2 * report.rows
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


def test_the_moved_file_is_read_only_with_a_note_and_refuses_to_open(
    register: Database, server: Databases, frozen_clock: dt.date
) -> None:
    day = frozen_clock.strftime("%d.%m.%Y")  # the day of the move: today
    url = server.fresh()
    path = register.path
    assert path is not None
    mode = stat.S_IMODE(path.stat().st_mode)

    report = transfer(register, url)
    register.close()

    assert stat.S_IMODE(path.stat().st_mode) == mode & ~0o222  # read bits kept
    note = report.note.read_text(encoding="utf-8")
    assert report.note == path.with_name(path.name + ".moved.txt")
    assert stat.S_IMODE(report.note.stat().st_mode) == 0o600
    assert day in note and moved.server_address(url) in note
    assert "postgres@" not in note  # where, not who
    with pytest.raises(DatabaseError, match="moved to the server") as refused:
        open_database(sqlite_url(path))
    assert moved.server_address(url) in str(refused.value)
    assert day in str(refused.value)
    # Looking at it (vrus check opens without migrating) leaves it read-only.
    open_database(sqlite_url(path), migrate=False).close()
    assert not writable(path)


def test_who_has_either_database_open_is_not_copied(register: Database, server: Databases) -> None:
    """The windows open on the file are not on the server; those on the server stay."""
    url = server.fresh()

    def announce(db: Database, user: str) -> None:
        now = dt.datetime(2026, 12, 2, 11, 0)
        with db.transaction() as session:
            session.add(
                Presence(user_name=user, host="pc", program="vrus", started_at=now, seen_at=now)
            )

    announce(register, "on-the-file")
    target = open_database(url)
    try:
        announce(target, "on-the-server")
        transfer(register, url)
        with target.sessions() as session:
            assert session.scalars(select(Presence.user_name)).all() == ["on-the-server"]
    finally:
        target.close()


def test_new_rows_on_the_server_get_fresh_ids(register: Database, server: Databases) -> None:
    url = server.fresh()
    with register.sessions() as session:
        highest = session.scalar(select(func.max(Person.id)))
    transfer(register, url)

    target = open_database(url)
    try:
        assert add_person(target, "Ny", "Person") == highest + 1
        with target.engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                (key,) = (
                    table.primary_key.columns if len(table.primary_key.columns) == 1 else (None,)
                )
                if key is None:
                    continue
                sequence = connection.scalar(
                    select(func.pg_get_serial_sequence(table.name, key.name))
                )
                if sequence is None:
                    continue
                largest = connection.scalar(select(func.max(key))) or 0
                assert connection.scalar(select(func.nextval(sequence))) > largest, table.name
    finally:
        target.close()


def test_a_database_in_use_is_refused_and_left_as_it_was(
    register: Database, server: Databases, db: Database
) -> None:
    url = server.fresh()
    transfer(register, url)
    before = server_dump(url)
    other = db.path
    assert other is not None
    add_person(db, "Kari", "Nordmann")

    with pytest.raises(VrusError, match=r"already holds a register \(rows in \w+\)"):
        transfer(db, url)

    assert server_dump(url) == before
    assert writable(other)
    assert not moved.note_path(other).exists()


def test_a_checksum_that_differs_rolls_everything_back(
    register: Database, server: Databases, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = server.fresh()
    set_up = server_dump(url)
    real = register_copy.checksum_of

    def tampered(connection, table, on_batch=None):  # the server's side of one table
        if table.name != "signups":
            return real(connection, table, on_batch)
        # As many rows, one value different: as if a note had changed on the way.
        checksum = register_copy.Checksum(table)
        for number, row in enumerate(connection.execute(select(table))):
            values = list(row)
            if number == 0:
                values[list(table.columns.keys()).index("note")] = "changed on the way"
            checksum.add(values)
        return checksum

    monkeypatch.setattr(register_copy, "checksum_of", tampered)
    path = register.path
    assert path is not None

    with pytest.raises(VrusError, match="signups does not match"):
        transfer(register, url)

    assert server_dump(url) == set_up
    assert all(not rows for name, rows in set_up.items() if name not in FILLED_BY_SETUP)
    assert writable(path)
    assert not moved.note_path(path).exists()
    # The same register moves once the check passes.
    monkeypatch.setattr(register_copy, "checksum_of", real)
    transfer(register, url)
    assert not writable(path)


def test_an_encrypted_register_moves(server: Databases, tmp_path: Path, key_store) -> None:
    path = tmp_path / "encrypted.sqlite3"
    source = open_database(sqlite_url(path))
    try:
        assert source.encrypted
        load_demo(source, today=DEMO_DAY)
        before = dump(source)
        url = server.fresh(migrated=False)
        transfer(source, url)
    finally:
        source.close()
    assert server_dump(url) == before
    assert not writable(path)


def test_a_sequence_continues_after_rows_deleted_at_the_end(
    db: Database, server: Databases
) -> None:
    """The sequence follows the highest id copied, not the number of rows."""
    first = add_person(db, "A", "A")
    last = add_person(db, "B", "B")
    with db.transaction() as session:
        session.execute(text("DELETE FROM persons WHERE id = :id"), {"id": first})
    url = server.fresh()
    transfer(db, url)
    target = open_database(url)
    try:
        assert add_person(target, "C", "C") == last + 1
    finally:
        target.close()


# --- What is refused -----------------------------------------------------------------------


def test_a_value_sqlite_let_through_is_refused_naming_the_table(
    db: Database, server: Databases
) -> None:
    """SQLite never checks a text column's length; PostgreSQL does: the move stops there."""
    person = add_person(db, "Kari", "Nordmann")
    with db.transaction() as session:
        session.execute(
            text("UPDATE persons SET first_name = :name WHERE id = :id"),
            {"name": "K" * 150, "id": person},
        )
    url = server.fresh()
    set_up = server_dump(url)
    with pytest.raises(
        VrusError, match=r"the rows of persons could not be copied \(value too long"
    ) as refused:
        transfer(db, url)
    assert "KKK" not in str(refused.value)  # the value stays out of the message
    assert server_dump(url) == set_up
    assert db.path is not None and writable(db.path)


def test_a_file_is_not_a_server(register: Database, tmp_path: Path) -> None:
    with pytest.raises(VrusError, match="register file: a register moves to a server"):
        transfer(register, sqlite_url(tmp_path / "other.sqlite3"))
    assert not (tmp_path / "other.sqlite3").exists()


def test_another_programs_database_is_refused(register: Database, server: Databases) -> None:
    url = server.fresh(migrated=False)
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE invoices (id integer primary key)")
    engine.dispose()
    with pytest.raises(VrusError, match="tables of another program"):
        transfer(register, url)
    assert register.path is not None and writable(register.path)


# --- The command ---------------------------------------------------------------------------


def test_the_command_prints_each_table_and_the_check(
    register: Database, server: Databases, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.fresh(migrated=False)
    path = register.path
    assert path is not None
    counts = {name: len(rows) for name, rows in dump(register).items()}
    register.close()

    assert main(["--db", str(path), "transfer", "--to", url]) == 0

    out = capsys.readouterr().out
    lines = dict(line.rsplit(None, 1) for line in out.splitlines() if line.split()[0] in counts)
    assert {name: int(rows) for name, rows in lines.items()} == counts
    assert f"checked: {len(counts)} tables, {sum(counts.values())} rows" in out
    assert moved.server_address(url) in out
    assert not writable(path)

    # Again: the file now says where the register went.
    assert main(["--db", str(path), "transfer", "--to", url]) == 1
    assert "was moved to the server" in capsys.readouterr().err


def test_the_command_refuses_a_database_in_use_in_one_line(
    register: Database, db: Database, server: Databases, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.fresh()
    transfer(register, url)
    assert db.path is not None
    path = db.path
    db.close()
    assert main(["--db", str(path), "transfer", "--to", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("vrus: error: ") and err.count("\n") == 1
    assert "already holds a register" in err and "Nothing was changed" in err
    assert writable(path)
