"""Schema migrations run from code at every start, with a backup of the file first."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect
from sqlalchemy.exc import DBAPIError

from vrus.db.engine import Database, connect, sqlite_file
from vrus.errors import DatabaseError

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
        raise DatabaseError(f"{path} is not a VRUS database (not an SQLite file)")


def backup_file(path: Path, label: str) -> Path:
    """Copy the database beside itself with SQLite's online backup API (consistent even with
    a WAL file next to it), readable by the owner only."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}.bak")
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    os.chmod(target, 0o600)
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
        raise DatabaseError(
            f"{db.display_name} was made by a newer VRUS (schema {current}); update VRUS")
    if current is None and has_tables:
        raise DatabaseError(f"{db.display_name} is not a VRUS database (unknown tables)")
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


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open the register at ``url``, upgrading it to the current schema."""
    path = sqlite_file(url)
    if path is not None:
        check_sqlite_header(path)
    db = connect(url)
    try:
        if migrate:
            upgrade(db)
    except DBAPIError as error:
        db.close()
        raise DatabaseError(f"cannot open the database {db.display_name}: {error.orig}") from error
    except BaseException:
        db.close()
        raise
    return db
