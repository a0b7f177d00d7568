"""Schema migrations run from code at every start, with a backup of the file first."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shlex
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect
from sqlalchemy.exc import DBAPIError

from vrus import clock
from vrus.dates import format_date
from vrus.db.engine import BUSY_TIMEOUT_MS, Database, connect, sqlite_file
from vrus.errors import DatabaseError
from vrus.paths import default_database_path
from vrus.texts import translate

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    scripts = ScriptDirectory.from_config(alembic_config())
    return {script.revision for script in scripts.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


@dataclass
class MigrationState:
    current: str | None
    head: str
    backup: Path | None = None

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def check_sqlite_header(path: Path) -> None:
    """Refuse a file that is not a SQLite database before SQLite or Alembic trip over it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(translate(
            "Core", "{path} is not a VRUS database (not an SQLite file)").format(path=str(path)))


def copy_database(source: Path, target: Path) -> None:
    """Copy ``source`` into ``target`` with SQLite's online backup API: consistent even while
    another connection writes (it copies the last committed state, WAL included), and a
    self-contained file (rollback journal, no -wal beside it), readable by the owner only."""
    source_connection = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dest = sqlite3.connect(str(target))
        try:
            source_connection.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        source_connection.close()
    os.chmod(target, 0o600)


def backup_file(path: Path, label: str) -> Path:
    """Copy the database beside itself (``<file>.<label>-<stamp>.bak``) with SQLite's online
    backup API, readable by the owner only."""
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}.bak")
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        copy_database(path, target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def _has_foreign_tables(connection: Connection) -> bool:
    """Tables, but no VRUS schema version: someone else's database."""
    return bool(set(inspect(connection).get_table_names()) - {"alembic_version"})


def upgrade(db: Database) -> MigrationState:
    """Bring ``db`` to the newest schema; back the file up first if it has data to lose."""
    head = head_revision()
    with db.engine.connect() as connection:
        current = current_revision(connection)
        has_tables = _has_foreign_tables(connection)
    if current is not None and current not in known_revisions():
        raise DatabaseError(translate(
            "Core", "{database} was made by a newer VRUS (schema {revision}); update VRUS").format(
                database=db.display_name, revision=current))
    if current is None and has_tables:
        raise DatabaseError(translate(
            "Core", "{database} is not a VRUS database (unknown tables)").format(
                database=db.display_name))
    state = MigrationState(current=current, head=head)
    if state.up_to_date:
        return state
    if db.path is not None and current is not None:
        state.backup = backup_file(db.path, f"before-{head}")
        log.info("backed up database before migrating to %s", head)
    with db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    log.info("database migrated from %s to %s", current, head)
    return state


def downgrade(db: Database, revision: str = "base") -> None:
    with db.engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


class DamagedDatabaseError(DatabaseError):
    """SQLite's integrity check failed: the file must not be used as it is.

    ``backup`` is the newest backup that passes the checks (None when there is none): the
    window offers to restore it, the command line names it with the command that does.
    ``message`` is the ``Text`` the window translates.
    """

    def __init__(self, path: Path, problems: list[str], backup: Path | None,
                 taken: dt.datetime | None = None) -> None:
        self.path, self.problems, self.backup = path, problems, backup
        problem = first_problem(problems)
        if backup is not None:
            self.message = translate(
                "Core", "{path} is damaged (integrity check: {problem}); the newest good "
                "backup is from {date}: restore it with {command}").format(
                path=str(path), problem=problem, date=_format_taken(taken),
                command=restore_command(path, backup))
        else:
            self.message = translate(
                "Core", "{path} is damaged (integrity check: {problem}) and no good backup "
                "was found; keep the file as it is and ask for help").format(
                path=str(path), problem=problem)
        super().__init__(str(self.message))


def first_problem(problems: list[str]) -> str:
    """The first line that says something ("*** in database main ***" does not), shortened."""
    lines = [line.strip() for problem in problems for line in problem.splitlines()]
    useful = [line for line in lines if line and not line.startswith("***")]
    text = useful[0] if useful else "unknown problem"
    return text if len(text) <= 120 else text[:117] + "..."


def _format_taken(taken: dt.datetime | None) -> str:
    return "?" if taken is None else f"{format_date(taken.date())} {taken:%H:%M}"


def restore_command(database: Path, backup: Path) -> str:
    """The command that restores ``backup`` into ``database``, ready to paste."""
    db_option = "" if database == default_database_path() else f"--db {shlex.quote(str(database))} "
    return f"vrus {db_option}restore {shlex.quote(str(backup))}"


def integrity_problems(db: Database) -> list[str]:
    """``PRAGMA quick_check`` on a SQLite register: empty when it is intact.

    A file damaged so badly that SQLite refuses to read it counts as a problem too; a file
    that is only busy ("database is locked") raises, it is not damaged.
    """
    try:
        with db.engine.connect() as connection:
            rows = connection.exec_driver_sql("PRAGMA quick_check").scalars().all()
    except DBAPIError as error:
        if isinstance(error.orig, sqlite3.DatabaseError) and not isinstance(
                error.orig, sqlite3.OperationalError):
            return [str(error.orig)]
        raise
    return [str(row) for row in rows if row != "ok"]


def verify_integrity(db: Database) -> None:
    """Refuse a damaged SQLite register, naming the newest good backup."""
    path = db.path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return
    problems = integrity_problems(db)
    if not problems:
        return
    log.error("integrity check of %s failed: %s", path, first_problem(problems))
    # Imported here: vrus.backup builds on this module.
    from vrus.backup import newest_good_backup

    good = newest_good_backup(path)
    raise DamagedDatabaseError(path, problems, good.path if good else None,
                               good.taken if good else None)


def open_database(url: str, *, migrate: bool = True, verify: bool | None = None) -> Database:
    """Open the register at ``url``: check it is intact, then upgrade it to the current schema.

    ``verify`` (default: as ``migrate``) runs SQLite's quick check first and refuses a damaged
    file with ``DamagedDatabaseError``. ``migrate=False`` opens the file as found: ``vrus
    check`` reports its state, ``vrus restore`` replaces it.
    """
    path = sqlite_file(url)
    if path is not None:
        check_sqlite_header(path)
    db = connect(url)
    try:
        if migrate if verify is None else verify:
            verify_integrity(db)
        if migrate:
            upgrade(db)
    except DBAPIError as error:
        db.close()
        raise DatabaseError(translate("Core", "cannot open the database {database}: {reason}")
                            .format(database=db.display_name, reason=str(error.orig))) from error
    except BaseException:
        db.close()
        raise
    return db
