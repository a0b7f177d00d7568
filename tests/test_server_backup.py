"""``vrus backup`` and ``vrus restore`` on a server register: a portable register file, and
taking it back (``vrus.server.portable``).

The round trip: a register file moves to a server, the server is backed up into a file, the
file moves into another server database and is restored onto a third that was in use; every
row of every table is equal at each step (read with plain SELECTs, not the checksums).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from tests.factories import add_person
from tests.pg_server import Databases
from tests.test_transfer import (  # noqa: F401 - fixtures
    demo_file,
    dump,
    register,
    server,
    server_dump,
    writable,
)
from vrus.backup import backup_now, on_close, on_open
from vrus.backup_files import BackupError, check_backup_file
from vrus.cli import main
from vrus.db import driver
from vrus.db.engine import Database, sqlite_url
from vrus.db.keys import find_key
from vrus.db.models import Person
from vrus.erasure import erase_persons
from vrus.opening import open_database
from vrus.paths import user_data_dir
from vrus.server.portable import SERVER_BACKUPS, restore_to_server, write_portable_copy
from vrus.server.transfer import transfer

pytestmark = pytest.mark.sqlite_only("the register files are SQLite; each server is its own")


@pytest.fixture
def on_server(register: Database, server: Databases) -> tuple[str, dict]:  # noqa: F811
    """The demo register moved to a server: its URL and every row it holds."""
    url = server.fresh()
    before = dump(register)
    transfer(register, url)
    return url, before


def open_server(url: str) -> Database:
    return open_database(url)


def test_a_server_backup_is_a_checked_encrypted_register_file(
    on_server: tuple[str, dict], tmp_path: Path, key_store, capsys: pytest.CaptureFixture[str]
) -> None:
    url, rows = on_server
    target = tmp_path / "season.sqlite3"

    assert main(["--db", url, "backup", "-o", str(target)]) == 0

    out = capsys.readouterr().out
    assert f"Backup written to {target}" in out
    assert f"checked: {len(rows)} tables" in out and "Encrypted with the key store" in out
    assert not driver.has_plain_header(target)
    key = find_key(target)
    assert key is not None
    assert check_backup_file(target, key) == (check_backup_file(target, key)[0], None)
    assert not target.with_name(target.name + "-wal").exists()  # one file by itself
    copy = open_database(sqlite_url(target))
    try:
        assert copy.encrypted
        assert dump(copy) == rows
    finally:
        copy.close()


def test_the_round_trip_loses_nothing(
    on_server: tuple[str, dict],
    server: Databases,  # noqa: F811 - the fixture
    tmp_path: Path,
    key_store,
) -> None:
    url, rows = on_server
    file = tmp_path / "portable.sqlite3"
    assert main(["--db", url, "backup", "-o", str(file)]) == 0

    # Into a bare database with vrus transfer ...
    bare = server.fresh(migrated=False)
    assert main(["--db", str(file), "transfer", "--to", bare]) == 0
    assert server_dump(bare) == rows
    assert not writable(file)

    # ... and onto a server in use with vrus restore (a read-only file restores too).
    busy = server.fresh()
    in_use = open_server(busy)
    try:
        add_person(in_use, "Kari", "Nordmann")
    finally:
        in_use.close()
    assert main(["--db", busy, "restore", str(file)]) == 0
    assert server_dump(busy) == rows
    # New rows after the restore get new ids.
    restored = open_server(busy)
    try:
        highest = max(key[0] for key in rows["persons"])
        assert add_person(restored, "Ny", "Person") == highest + 1
    finally:
        restored.close()


def test_restoring_keeps_the_server_as_it_was_and_erases_again(
    on_server: tuple[str, dict], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, rows = on_server
    db = open_server(url)
    try:
        backup = write_portable_copy(db, tmp_path / "before.sqlite3")
        assert backup.key is None  # no key store, no key file: plain, and the command says so
        person = min(key[0] for key in rows["persons"])
        added = add_person(db, "Etter", "Sikkerhetskopien")
        erase_persons(db, [person])

        restored = restore_to_server(db, backup.path)

        with db.sessions() as session:
            erased = session.scalar(select(Person.erased_at).where(Person.id == person))
            assert erased is not None  # erased after the backup: erased again
            assert session.get(Person, added) is None  # made after the backup: gone
        assert restored.reapplied == (person,)
        assert restored.rows == sum(len(r) for r in rows.values())
        # The safety copy is the server as it was before the restore.
        safety = open_database(sqlite_url(restored.safety))
        try:
            with safety.sessions() as session:
                assert session.get(Person, added) is not None
        finally:
            safety.close()
        assert restored.safety.parent == user_data_dir() / SERVER_BACKUPS
        assert ".before-restore-" in restored.safety.name
    finally:
        db.close()


def test_a_plain_backup_says_so(
    on_server: tuple[str, dict], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _rows = on_server
    target = tmp_path / "plain.sqlite3"
    assert main(["--db", url, "backup", "-o", str(target)]) == 0
    assert driver.has_plain_header(target)
    assert "NOT encrypted" in capsys.readouterr().err


def test_back_up_now_and_the_automatic_backups_on_a_server(
    on_server: tuple[str, dict],
) -> None:
    url, rows = on_server
    db = open_server(url)
    try:
        assert on_open(db).path is None and on_open(db).warning is None
        path = backup_now(db)  # the window's "Back up now"
        assert on_close(db).path is None
    finally:
        db.close()
    assert path.parent == user_data_dir() / SERVER_BACKUPS
    assert ".manual-" in path.name and path.name.endswith(".bak")
    assert "postgres" not in path.name  # the server and the database, not the login
    copy = open_database(sqlite_url(path))
    try:
        assert dump(copy) == rows
    finally:
        copy.close()


def test_a_backup_is_never_written_over_a_file(on_server: tuple[str, dict], tmp_path: Path) -> None:
    url, _rows = on_server
    target = tmp_path / "there.sqlite3"
    target.write_bytes(b"mine")
    db = open_server(url)
    try:
        with pytest.raises(BackupError, match="already exists"):
            write_portable_copy(db, target)
    finally:
        db.close()
    assert target.read_bytes() == b"mine"


def test_a_login_that_may_not_read_everything_writes_no_file(
    server: Databases,  # noqa: F811 - the fixture
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from vrus.server.roles import add_user, setup

    url = server.fresh(migrated=False)
    setup(url)
    name = "reader_" + url.rsplit("/", 1)[1]
    add_user(url, name, "reader", None)
    as_reader = url.replace("postgres@", f"{name}@", 1)
    target = tmp_path / "reader.sqlite3"

    assert main(["--db", as_reader, "backup", "-o", str(target)]) == 1

    err = capsys.readouterr().err
    assert err.startswith("vrus: error: ") and err.count("\n") == 1
    assert "unexpected" not in err
    assert not target.exists()
    assert not list(tmp_path.glob("reader.sqlite3*"))
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.exec_driver_sql(f'DROP OWNED BY "{name}"')
        connection.exec_driver_sql(f'DROP ROLE "{name}"')
    engine.dispose()


def test_a_backup_of_an_older_day_restores_onto_a_server_it_came_from(
    on_server: tuple[str, dict], tmp_path: Path
) -> None:
    """The file given to restore is not changed (its copy is brought up to date)."""
    url, rows = on_server
    db = open_server(url)
    try:
        backup = write_portable_copy(db, tmp_path / "kept.sqlite3")
        before = backup.path.read_bytes()
        restore_to_server(db, backup.path)
        assert backup.path.read_bytes() == before
        assert dump(db) == rows
    finally:
        db.close()
    assert not [p for p in (user_data_dir() / SERVER_BACKUPS).iterdir() if "restoring" in p.name]
