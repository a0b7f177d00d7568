"""Backups (automatic and by hand), restore, and the integrity check when opening."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from tests.factories import add_person
from vrus import backup_files, clock
from vrus.backup import (
    AutoBackup,
    backup_now,
    backups_max_age,
    backups_to_keep,
    daily_backup_if_due,
    on_close,
    on_open,
    prune_backups,
    restore,
    set_backups_max_age,
    set_backups_to_keep,
)
from vrus.backup_files import (
    BackupError,
    backup_dir,
    inspect_backup,
    list_backups,
    newest_good_backup,
)
from vrus.cli import main
from vrus.cli.files import (
    add_commands,
    cmd_backup,
    cmd_backup_keep,
    cmd_backup_list,
    cmd_backup_max_age,
    cmd_restore,
)
from vrus.db.engine import Database, connect, sqlite_url
from vrus.db.integrity import DamagedDatabaseError
from vrus.db.migrate import current_revision, downgrade, head_revision, upgrade
from vrus.db.models import Person, Setting
from vrus.demo import load_demo
from vrus.erasure import erase_persons
from vrus.errors import DatabaseError
from vrus.opening import open_database
from vrus.paths import private_dir
from vrus.persons import create_person, update_person

pytestmark = pytest.mark.sqlite_only(
    "backups of the SQLite file; a server's: tests/test_server_backup.py"
)

TODAY = dt.date(2026, 3, 1)


# --- Helpers -------------------------------------------------------------------------------


@pytest.fixture
def demo_db(db: Database) -> Database:
    load_demo(db, today=TODAY)
    return db


def persons(path: Path) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute("SELECT count(*) FROM persons").fetchone()[0]
    finally:
        raw.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def corrupt_persons_table(path: Path) -> None:
    """Overwrite the cell pointers of the persons table's root b-tree page with 0xFF: SQLite's
    quick check (or any read of the table) then finds the file malformed, every time.

    Every connection must be closed first, so the WAL has been checkpointed into the file.
    """
    assert not path.with_name(path.name + "-wal").exists(), "close the database first"
    raw = sqlite3.connect(path)
    try:
        root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'persons'").fetchone()[
            0
        ]
        page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    finally:
        raw.close()
    start = (root - 1) * page_size + (100 if root == 1 else 0)
    with path.open("r+b") as handle:
        handle.seek(start)
        page_type = handle.read(1)[0]
        header = 8 if page_type in (0x0A, 0x0D) else 12  # leaf or interior page
        handle.seek(start + header)
        handle.write(b"\xff" * 16)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


# --- Making backups ------------------------------------------------------------------------


def test_backup_goes_into_a_private_folder_beside_the_database(
    demo_db: Database, db_path: Path
) -> None:
    path = backup_now(demo_db)
    folder = db_path.parent / "backups"
    assert path.parent == folder == backup_dir(demo_db)
    assert mode(folder) == 0o700 and mode(path) == 0o600
    assert path.name.startswith("register.sqlite3.manual-") and path.suffix == ".bak"
    # A complete, self-contained copy: no -wal or -shm beside it.
    assert names(folder) == [path.name]
    assert persons(path) == persons(db_path) == 78
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    raw.close()


def test_backup_to_a_chosen_file(demo_db: Database, tmp_path: Path) -> None:
    target = tmp_path / "kopi.sqlite3"
    assert backup_now(demo_db, target) == target
    assert mode(target) == 0o600 and persons(target) == 78
    with pytest.raises(BackupError, match="already exists"):
        backup_now(demo_db, target)
    with pytest.raises(BackupError, match="use 'vrus export'"):
        backup_now(demo_db, tmp_path / "medlemmer.xlsx")
    for name in ("kopi.pdf", "kopi.txt", "kopi"):
        with pytest.raises(BackupError, match="give it a name ending in .sqlite3"):
            backup_now(demo_db, tmp_path / name)
        assert not (tmp_path / name).exists()


def test_backup_while_another_window_is_writing(demo_db: Database, db_path: Path) -> None:
    """The online backup copies the last committed state; the writer is not disturbed."""
    other = connect(sqlite_url(db_path))
    try:
        with other.transaction() as session:
            session.add(Person(first_name="Ny", last_name="Person"))
            session.flush()
            copy = backup_now(demo_db)  # in the middle of the other's transaction
        assert persons(copy) == 78
        assert persons(db_path) == 79
    finally:
        other.close()


def test_daily_backup_once_a_day(demo_db: Database) -> None:
    first = daily_backup_if_due(demo_db, TODAY)
    assert first is not None and ".daily-20260301-" in first.name
    assert daily_backup_if_due(demo_db, TODAY) is None
    assert daily_backup_if_due(demo_db, TODAY + dt.timedelta(days=1)) is not None
    # A backup of any kind from that day counts: closing and opening again copies nothing.
    backup_now(demo_db, kind=backup_files.CLOSE, now=dt.datetime(2026, 3, 5, 18, 0))
    assert daily_backup_if_due(demo_db, dt.date(2026, 3, 5)) is None


@pytest.mark.today("2026-03-10")  # the backups below are days old, not months
def test_keep_setting_and_pruning(demo_db: Database, db_path: Path) -> None:
    assert backups_to_keep(demo_db) == 10
    made = [
        backup_now(demo_db, kind=kind, now=dt.datetime(2026, 3, day, 12, 0))
        for day, kind in enumerate(["daily", "close", "manual", "daily", "close"], 1)
    ]
    safety = backup_now(demo_db, kind=backup_files.BEFORE_RESTORE, now=dt.datetime(2026, 2, 1))
    folder = backup_dir(demo_db)
    strangers = [
        folder / "notes.txt",
        folder / "other.sqlite3.daily-20260101-120000.bak",
        folder / "register.sqlite3.daily-yesterday.bak",
    ]
    for stranger in strangers:
        stranger.write_text("not ours", encoding="utf-8")
    migration = db_path.with_name("register.sqlite3.before-0002-20260220-120000.bak")
    migration.write_bytes(made[0].read_bytes())

    set_backups_to_keep(demo_db, 3)
    assert backups_to_keep(demo_db) == 3
    with pytest.raises(BackupError):
        set_backups_to_keep(demo_db, 0)
    deleted = prune_backups(demo_db)
    assert sorted(deleted) == sorted(made[:2])
    assert names(folder) == sorted(
        [p.name for p in made[2:]] + [safety.name] + [s.name for s in strangers]
    )
    assert migration.exists()
    # Every new backup in the folder prunes: the oldest of the kept three goes.
    newest = backup_now(demo_db, kind="manual", now=dt.datetime(2026, 3, 9, 12, 0))
    assert [
        b.path
        for b in list_backups(demo_db, check=False)
        if b.kind != "before-restore" and b.path.parent == folder
    ] == [newest, made[4], made[3]]


def dated(good: Path, place: Path, kind: str, days_ago: float) -> Path:
    """A copy of ``good`` named as a backup taken ``days_ago`` days before now."""
    taken = clock.local_now() - dt.timedelta(days=days_ago)
    path = place / f"register.sqlite3.{kind}-{taken:%Y%m%d-%H%M%S}.bak"
    path.write_bytes(good.read_bytes())
    return path


def test_backups_expire_by_age_the_safety_copies_too(demo_db: Database, db_path: Path) -> None:
    assert backups_max_age(demo_db) == 90
    good = backup_now(demo_db, tmp := db_path.with_name("copy.bak"))
    folder = private_dir(backup_dir(demo_db))
    beside = db_path.parent
    old = [
        dated(good, folder, "daily", 100),
        dated(good, folder, "close", 91),
        dated(good, folder, "manual", 400),
        dated(good, folder, "before-restore", 120),
        dated(good, beside, "before-0003", 200),
    ]
    wal = old[3].with_name(old[3].name + "-wal")  # a safety copy of a damaged register
    wal.write_bytes(b"wal")
    young = [
        dated(good, folder, "daily", 1),
        dated(good, folder, "manual", 89),
        dated(good, folder, "before-restore", 30),
        dated(good, beside, "before-0004", 10),
    ]
    strangers = [
        dated(good, folder, "before-0003", 300),  # not where VRUS puts it: not VRUS's
        folder / "other.sqlite3.daily-20200101-120000.bak",
        folder / "register.sqlite3.daily-long-ago.bak",
        beside / "register.sqlite3.daily-20200101-120000.bak",  # a daily is never beside it
    ]
    for stranger in strangers[1:]:
        stranger.write_text("not ours", encoding="utf-8")

    assert sorted(prune_backups(demo_db)) == sorted(old)  # fewer than 10: by age alone
    assert not wal.exists()
    assert all(path.exists() for path in young + strangers + [tmp])

    # A shorter age, from the setting: the same rule, nothing else gone.
    set_backups_max_age(demo_db, 20)
    assert backups_max_age(demo_db) == 20
    assert sorted(prune_backups(demo_db)) == sorted(young[1:3])
    assert young[0].exists() and young[3].exists()


def test_the_newest_good_backup_is_kept_however_old(demo_db: Database, db_path: Path) -> None:
    good = backup_now(demo_db, db_path.with_name("copy.bak"))
    folder = private_dir(backup_dir(demo_db))
    oldest = dated(good, folder, "daily", 500)
    assert prune_backups(demo_db) == []  # the only one: never left with none
    safety = dated(good, folder, "before-restore", 300)
    broken = dated(good, folder, "manual", 200)
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 2000)
    # The newest, but not good: gone; the newest good of all kinds stays.
    assert sorted(prune_backups(demo_db)) == sorted([oldest, broken])
    assert safety.exists()
    assert [b.path for b in list_backups(demo_db, check=False)] == [safety]


def test_max_age_setting(demo_db: Database) -> None:
    assert backups_max_age(demo_db) == 90
    set_backups_max_age(demo_db, 3650)
    assert backups_max_age(demo_db) == 3650
    set_backups_max_age(demo_db, 0)  # back to the default
    assert backups_max_age(demo_db) == 90
    for wrong in (-1, 3651):
        with pytest.raises(BackupError, match="keep backups between 1 and 3650 days"):
            set_backups_max_age(demo_db, wrong)
    for stored, meant in (("0", 90), ("abc", 90), ("99999", 3650), ("7", 7)):
        with demo_db.transaction() as session:
            session.merge(Setting(key="backups.max_age_days", value=stored))
        assert backups_max_age(demo_db) == meant


@pytest.mark.today("2026-03-03")
def test_list_backups_newest_first_with_their_state(demo_db: Database, db_path: Path) -> None:
    old = backup_now(demo_db, kind="daily", now=dt.datetime(2026, 3, 1, 8, 0))
    new = backup_now(demo_db, kind="close", now=dt.datetime(2026, 3, 2, 20, 0))
    broken = backup_now(demo_db, kind="manual", now=dt.datetime(2026, 3, 3, 9, 0))
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 2000)
    migration = db_path.with_name("register.sqlite3.before-0002-20260228-100000.bak")
    migration.write_bytes(old.read_bytes())

    found = list_backups(demo_db)
    assert [b.path for b in found] == [broken, new, old, migration]
    assert [b.kind for b in found] == ["manual", "close", "daily", "before-0002"]
    assert found[1].taken == dt.datetime(2026, 3, 2, 20, 0)
    assert found[1].size == new.stat().st_size
    assert found[1].revision == head_revision() and found[1].ok
    assert not found[0].ok and "damaged" in str(found[0].problem)
    assert newest_good_backup(demo_db).path == new


def test_checks_of_a_file_offered_for_restore(demo_db: Database, tmp_path: Path) -> None:
    text_file = tmp_path / "medlemmer.csv"
    text_file.write_text("Fornavn;Etternavn\n", encoding="utf-8")
    foreign = tmp_path / "recipes.sqlite3"
    raw = sqlite3.connect(foreign)
    raw.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)")
    raw.close()
    newer = backup_now(demo_db, tmp_path / "newer.bak")
    raw = sqlite3.connect(newer)
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.commit()
    raw.close()
    assert "not an SQLite file" in str(inspect_backup(text_file).problem)
    assert "no schema version" in str(inspect_backup(foreign).problem)
    assert "newer VRUS (schema 9999)" in str(inspect_backup(newer).problem)
    assert "does not exist" in str(inspect_backup(tmp_path / "missing.bak").problem)
    good = inspect_backup(backup_now(demo_db))
    assert good.ok and good.kind == "manual" and good.revision == head_revision()
    # Checking created nothing beside the files (no -wal, no -shm).
    assert not [
        p
        for p in tmp_path.rglob("*")
        if p.name.endswith(("-wal", "-shm")) and not p.name.startswith("register.sqlite3-")
    ]


# --- Automatic backups on start and close ----------------------------------------------------


def test_on_open_and_on_close(demo_db: Database) -> None:
    opened = on_open(demo_db, TODAY)
    assert opened.path is not None and opened.warning is None
    assert on_open(demo_db, TODAY) == AutoBackup()  # once a day
    assert on_close(demo_db) == AutoBackup()  # nothing saved: no copy
    with demo_db.sessions() as session:
        pid = session.scalars(select(Person.id)).first()
    update_person(demo_db, pid, {"notes": "ny merknad"})
    closed = on_close(demo_db)
    assert closed.path is not None and ".close-" in closed.path.name
    raw = sqlite3.connect(closed.path)
    assert raw.execute("SELECT notes FROM persons WHERE id = ?", (pid,)).fetchone() == (
        "ny merknad",
    )
    raw.close()
    assert on_close(demo_db) == AutoBackup()  # that change is backed up now
    demo_db.close()  # closing the engine (as 'vrus restore' does first) changes nothing
    assert on_close(demo_db) == AutoBackup()


def test_nothing_to_back_up_in_an_empty_file(db_path: Path) -> None:
    db = open_database(sqlite_url(db_path), migrate=False)  # 'vrus check' on a new path
    assert on_open(db, TODAY) == AutoBackup() == on_close(db)
    db.close()
    assert not (db_path.parent / "backups").exists()


def test_a_failing_automatic_backup_is_a_warning(demo_db: Database, db_path: Path) -> None:
    (db_path.parent / "backups").write_text("a file where the folder should be")
    result = on_open(demo_db, TODAY)
    assert result.path is None
    assert str(result.warning).startswith("the daily backup failed: ")


def test_no_backups_of_a_server_database() -> None:
    server = Database(
        url="postgresql://vrus@server/vrus",
        engine=None,  # type: ignore[arg-type]
        sessions=None,
    )  # type: ignore[arg-type]
    assert on_open(server) == AutoBackup() == on_close(server)
    assert daily_backup_if_due(server) is None
    # There is no backups folder beside a server; backup_now writes a portable register file
    # of it instead (tests/test_server_backup.py).
    with pytest.raises(BackupError, match="server's own backups"):
        list_backups(server)


# --- Restore ---------------------------------------------------------------------------------


def test_restore_puts_the_backup_back_and_keeps_a_safety_copy(
    demo_db: Database, db_path: Path
) -> None:
    saved = backup_now(demo_db)
    create_person(demo_db, {"first_name": "Etter", "last_name": "Backup"})
    demo_db.close()

    safety = restore(db_path, saved).safety
    assert safety is not None and ".before-restore-" in safety.name
    assert persons(db_path) == 78 and persons(safety) == 79
    assert mode(db_path) == 0o600 and mode(safety) == 0o600
    db = open_database(sqlite_url(db_path))
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA quick_check").scalar() == "ok"
    db.close()


def test_restore_refuses_while_the_register_is_open(demo_db: Database, db_path: Path) -> None:
    saved = backup_now(demo_db)
    with demo_db.sessions() as session:  # a window that has read from it
        session.execute(text("SELECT 1"))
    with pytest.raises(BackupError, match="in use by another VRUS window"):
        restore(db_path, saved)
    assert persons(db_path) == 78
    assert [b.kind for b in list_backups(demo_db, check=False)] == ["manual"]  # no copy made


def test_restore_refuses_a_bad_file_and_changes_nothing(
    demo_db: Database, db_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.bak"
    bad.write_text("not a database", encoding="utf-8")
    demo_db.close()
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="cannot be restored: not a VRUS database"):
        restore(db_path, bad)
    with pytest.raises(BackupError, match="is the register itself"):
        restore(db_path, db_path)
    assert db_path.read_bytes() == before
    assert not backup_dir(db_path).exists()


def test_restore_of_an_older_schema_upgrades_it(db_path: Path, tmp_path: Path) -> None:
    old = connect(sqlite_url(tmp_path / "old.sqlite3"))
    upgrade(old)
    downgrade(old, "0001")
    old.close()
    saved = backup_now(tmp_path / "old.sqlite3", tmp_path / "old.bak")
    assert inspect_backup(saved).revision == "0001"
    open_database(sqlite_url(db_path)).close()

    restore(db_path, saved)
    db = open_database(sqlite_url(db_path), migrate=False)
    with db.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
    db.close()
    # Upgrading made its own before-migration backup of the restored file.
    assert list(db_path.parent.glob("register.sqlite3.before-*-*.bak"))


def test_restore_over_a_file_sqlite_cannot_read_at_all(demo_db: Database, db_path: Path) -> None:
    saved = backup_now(demo_db)
    demo_db.close()
    wreck = b"SQLite format 3\x00" + bytes(range(256)) * 64
    db_path.write_bytes(wreck)
    safety = restore(db_path, saved).safety
    assert safety is not None and safety.read_bytes() == wreck  # kept byte for byte
    assert persons(db_path) == 78


def test_restore_into_a_new_place(demo_db: Database, tmp_path: Path) -> None:
    saved = backup_now(demo_db)
    target = tmp_path / "elsewhere" / "vrus.sqlite3"
    target.parent.mkdir()
    assert restore(target, saved).safety is None
    assert persons(target) == 78 and mode(target) == 0o600


# --- The integrity check when opening ------------------------------------------------------


@pytest.fixture
def damaged(demo_db: Database, db_path: Path) -> Iterator[Path]:
    """A demo register with a good backup, then damaged."""
    backup_now(demo_db, kind="daily", now=dt.datetime(2026, 3, 1, 9, 30))
    demo_db.close()
    corrupt_persons_table(db_path)
    yield db_path


def test_a_damaged_register_is_refused_naming_the_backup(damaged: Path) -> None:
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(sqlite_url(damaged))
    error = caught.value
    good = backup_dir(damaged) / next(iter(names(backup_dir(damaged))))
    assert error.backup == good
    message = str(error)
    assert message.startswith(f"{damaged} is damaged (integrity check: ")
    assert "the newest good backup is from 01.03.2026 09:30" in message
    assert message.endswith(f"restore it with vrus --db {damaged} restore {good}")
    assert "\n" not in message


def test_the_damaged_file_is_found_by_the_check_and_fixed_by_restore(damaged: Path) -> None:
    good = newest_good_backup(damaged)
    assert good is not None
    safety = restore(damaged, good.path).safety
    db = open_database(sqlite_url(damaged))  # opens again: intact
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 78
    db.close()
    assert safety is not None and safety.exists()  # the damaged file is kept, not thrown away


def test_a_damaged_register_without_backups(demo_db: Database, db_path: Path) -> None:
    demo_db.close()
    corrupt_persons_table(db_path)
    with pytest.raises(DamagedDatabaseError, match="no good backup was found"):
        open_database(sqlite_url(db_path))


def test_damage_on_the_command_line(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(damaged), "events", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("vrus: error: ")
    assert "is damaged" in err and " restore " in err
    # 'vrus check' opens the file as found and reports, with the way out.
    assert main(["--db", str(damaged), "check"]) == 1
    out = capsys.readouterr().out
    assert "Integrity check: database disk image is malformed" in out
    assert "Newest good backup: " in out and "Result: PROBLEMS FOUND" in out


def test_a_truncated_file_is_a_clear_error(demo_db: Database, db_path: Path) -> None:
    demo_db.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DatabaseError, match="is damaged"):
        open_database(sqlite_url(db_path))


def test_an_intact_register_opens_and_migrate_false_skips_the_check(damaged: Path) -> None:
    db = open_database(sqlite_url(damaged), migrate=False)  # as 'vrus check' and restore do
    db.close()
    with pytest.raises(DamagedDatabaseError):
        open_database(sqlite_url(damaged), migrate=False, verify=True)


# --- Commands ------------------------------------------------------------------------------


def test_backup_and_restore_commands(demo_db: Database, db_path: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    assert cmd_backup(demo_db, out=out) == 0
    written = Path(out.getvalue().strip().removeprefix("Backup written to "))
    assert written.exists() and written.parent == backup_dir(demo_db)
    out = io.StringIO()
    cmd_backup(demo_db, output=str(tmp_path / "usb.bak"), out=out)
    assert out.getvalue() == f"Backup written to {tmp_path / 'usb.bak'}\n"
    out = io.StringIO()
    cmd_backup_list(demo_db, out=out)
    assert "manual" in out.getvalue() and " ok " in out.getvalue()

    create_person(demo_db, {"first_name": "Etter", "last_name": "Backup"})
    out = io.StringIO()
    assert cmd_restore(demo_db, file=str(written), out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == f"Restored {written} into {db_path}"
    assert lines[1].startswith("The register as it was is kept in ")
    assert persons(db_path) == 78

    db = open_database(sqlite_url(db_path))
    backup_now(db)
    out = io.StringIO()
    cmd_backup_keep(db, count=1, out=out)
    assert out.getvalue() == "Keeping the newest 1 backups; 1 older deleted\n"
    db.close()


def test_max_age_command(demo_db: Database, db_path: Path) -> None:
    good = backup_now(demo_db, db_path.with_name("copy.bak"))
    folder = private_dir(backup_dir(demo_db))
    dated(good, folder, "daily", 2)
    month = dated(good, folder, "daily", 31)
    out = io.StringIO()
    assert cmd_backup_max_age(demo_db, days=30, out=out) == 0
    assert out.getvalue() == "Keeping backups for 30 days; 1 older deleted\n"
    assert not month.exists() and backups_max_age(demo_db) == 30
    out = io.StringIO()
    cmd_backup_max_age(demo_db, days=0, out=out)
    assert out.getvalue() == "Keeping backups for 90 days; 0 older deleted\n"
    with pytest.raises(BackupError):
        cmd_backup_max_age(demo_db, days=4000, out=io.StringIO())


def test_commands_are_registered() -> None:
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["backup", "-o", "x.bak"])
    assert args.output == "x.bak" and not args.list and args.keep is None
    assert parser.parse_args(["backup", "--keep", "5"]).keep == 5
    assert parser.parse_args(["backup", "--max-age", "30"]).max_age == 30
    with pytest.raises(SystemExit):  # one thing at a time
        parser.parse_args(["backup", "--list", "--max-age", "30"])
    args = parser.parse_args(["restore", "x.bak"])
    assert args.file == "x.bak" and args.migrate is False  # opened as found
    args = parser.parse_args(["export", "attendance", "oppmote.xlsx"])
    assert (args.what, args.file) == ("attendance", "oppmote.xlsx")
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "staff", "x.csv"])


# --- Erasures survive a restore --------------------------------------------------------------


def two_persons(db: Database) -> list[int]:
    with db.sessions() as session:
        return list(session.scalars(select(Person.id).order_by(Person.id).limit(2)))


def erased(path: Path, person_ids: list[int]) -> dict[int, tuple[str, str | None]]:
    raw = sqlite3.connect(path)
    try:
        return {
            pid: raw.execute(
                "SELECT first_name, erased_at FROM persons WHERE id = ?", (pid,)
            ).fetchone()
            for pid in person_ids
        }
    finally:
        raw.close()


def test_restore_erases_again_what_was_erased_after_the_backup(
    demo_db: Database, db_path: Path
) -> None:
    saved = backup_now(demo_db)
    ids = two_persons(demo_db)
    assert erase_persons(demo_db, ids) == ids
    after = erased(db_path, ids)
    demo_db.close()

    restored = restore(db_path, saved)
    assert restored.reapplied == tuple(ids) and restored.warning is None
    assert str(restored.notice) == "2 erasures made after this backup were applied again"
    assert erased(db_path, ids) == after  # erased again, as of the first erasure
    assert all(first == "Anonymisert" for first, _ in after.values())
    # Restoring the register as it was before (erased already) has nothing to apply.
    again = restore(db_path, restored.safety)
    assert again.reapplied == () and again.notice is None


def test_restore_command_says_what_it_erased_again(demo_db: Database, db_path: Path) -> None:
    saved = backup_now(demo_db)
    [person, _] = two_persons(demo_db)
    erase_persons(demo_db, [person])
    out, err = io.StringIO(), io.StringIO()
    assert cmd_restore(demo_db, file=str(saved), out=out, err=err) == 0
    assert out.getvalue().splitlines()[-1] == ("1 erasure made after this backup was applied again")
    assert err.getvalue() == ""
    assert erased(db_path, [person])[person][1] is not None


def test_a_backup_put_back_by_hand_is_erased_again_on_opening(
    demo_db: Database, db_path: Path
) -> None:
    saved = backup_now(demo_db)
    ids = two_persons(demo_db)
    erase_persons(demo_db, ids[:1])
    demo_db.close()
    db_path.write_bytes(saved.read_bytes())  # a file manager's copy over the register
    db_path.with_name(db_path.name + "-wal").unlink(missing_ok=True)
    db_path.with_name(db_path.name + "-shm").unlink(missing_ok=True)
    assert erased(db_path, ids[:1])[ids[0]][1] is None  # back

    db = open_database(sqlite_url(db_path))
    try:
        opened = on_open(db, TODAY)
        assert str(opened.notice) == (
            "1 person erased earlier was back in the register (an older copy of it was put "
            "in its place) and was erased again"
        )
        assert erased(db_path, ids)[ids[0]][1] is not None
        assert erased(db_path, ids)[ids[1]][1] is None
        assert on_open(db, TODAY).notice is None  # once
    finally:
        db.close()


def test_a_backup_of_another_register_is_never_touched(
    demo_db: Database, db_path: Path, tmp_path: Path
) -> None:
    other = backup_now(demo_db, tmp_path / "other.sqlite3")
    raw = sqlite3.connect(other)
    raw.execute("UPDATE settings SET value = 'another-register' WHERE key = 'register_id'")
    raw.commit()
    raw.close()
    ids = two_persons(demo_db)
    erase_persons(demo_db, ids)
    demo_db.close()

    restored = restore(db_path, other)
    assert restored.reapplied == () and restored.notice is None
    assert all(at is None for _, at in erased(db_path, ids).values())
    db = open_database(sqlite_url(db_path))
    assert on_open(db, TODAY).notice is None
    db.close()
    assert all(at is None for _, at in erased(db_path, ids).values())


def _before_the_identity(db: Database, place: Path) -> Path:
    """A copy of the register as it was before registers had an identity (schema 0003)."""
    backup_now(db, place)
    copy = connect(sqlite_url(place))
    downgrade(copy, "0003")
    copy.close()
    raw = sqlite3.connect(place)
    raw.execute("PRAGMA journal_mode=DELETE")
    raw.close()
    return place


def identity_in(path: Path) -> str | None:
    raw = sqlite3.connect(path)
    try:
        row = raw.execute("SELECT value FROM settings WHERE key = 'register_id'").fetchone()
        return row[0] if row else None
    finally:
        raw.close()


def test_an_old_copy_of_this_register_takes_its_identity(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    """The copy made before the upgrade to identities, restored after an erasure: the upgrade
    of the copy would give it a new identity, and the erasure would never apply."""
    ids = [add_person(db, "Åsmund", "Ødegård"), add_person(db, "Zoë", "Nguyễn")]
    identity = identity_in(db_path)
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
    own = _before_the_identity(db, db_path.with_name(f"register.sqlite3.before-0004-{stamp}.bak"))
    stranger = _before_the_identity(db, tmp_path / "from-a-colleague.sqlite3")
    assert identity is not None and identity_in(own) is None
    erase_persons(db, ids[:1])
    db.close()

    # This register's own copy, beside it: the register's identity, so its erasures.
    assert restore(db_path, own).reapplied == (ids[0],)
    assert identity_in(db_path) == identity
    assert erased(db_path, ids)[ids[0]][1] is not None
    # A copy not known to be this register's: an identity of its own, nobody erased in it.
    assert restore(db_path, stranger).reapplied == ()
    assert identity_in(db_path) not in (None, identity)
    assert erased(db_path, ids)[ids[0]][1] is None
