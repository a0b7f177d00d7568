"""Schema migrations (Alembic) run from code at every start, with a copy of the file first.

Opening a register (checks, then this) is ``vrus.opening``; copying SQLite files is
``vrus.db.sqlite_files``; the integrity check is ``vrus.db.integrity``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from vrus.db.engine import Database
from vrus.db.sqlite_files import backup_file
from vrus.errors import DatabaseError
from vrus.texts import Text, translate

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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


def _has_foreign_tables(connection: Connection) -> bool:
    """Tables, but no VRUS schema version: someone else's database."""
    return bool(set(inspect(connection).get_table_names()) - {"alembic_version"})


def newer_vrus(database: str, revision: str) -> Text:
    """The refusal of a register whose schema version this VRUS does not know."""
    return translate(
        "Core", "{database} was made by a newer VRUS (schema {revision}); update VRUS"
    ).format(database=database, revision=revision)


def not_a_vrus_database(database: str) -> Text:
    """The refusal of another program's database (tables, no VRUS schema version)."""
    return translate("Core", "{database} is not a VRUS database (unknown tables)").format(
        database=database
    )


def upgrade(db: Database) -> MigrationState:
    """Bring ``db`` to the newest schema; back the file up first if it has data to lose."""
    head = head_revision()
    with db.engine.connect() as connection:
        current = current_revision(connection)
        has_tables = _has_foreign_tables(connection)
    if current is not None and current not in known_revisions():
        raise DatabaseError(newer_vrus(db.display_name, current))
    if current is None and has_tables:
        raise DatabaseError(not_a_vrus_database(db.display_name))
    state = MigrationState(current=current, head=head)
    if state.up_to_date:
        return state
    if db.path is not None and current is not None:
        state.backup = backup_file(db.path, f"before-{head}", db.key)
        log.info("backed up database before migrating to %s", head)
    with db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    log.info("database migrated from %s to %s", current, head)
    return state


def downgrade(db: Database, revision: str = "base") -> None:
    with db.engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)
