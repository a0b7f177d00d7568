"""Schema migrations (Alembic) run from code at every start, with a copy of the file first.

Opening a register (checks, then this) is ``vrus.opening``; copying SQLite files is
``vrus.db.sqlite_files``; the integrity check is ``vrus.db.integrity``.

Alembic is imported only when a register is to be migrated, or its version is not the
newest: reading the version and comparing it with ``HEAD_REVISION`` is plain SQL, so the
start of every command and of the window on a current register skips Alembic's import
(about a sixth of a second; see ``tests/test_startup_imports.py``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from vrus.db.engine import Database
from vrus.db.sqlite_files import backup_file
from vrus.errors import DatabaseError
from vrus.texts import Text, translate

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# The newest migration in ``migrations/versions``. A new migration changes it too:
# ``tests/test_startup_imports.py`` asks Alembic for the head and fails until they agree.
HEAD_REVISION = "0009"

VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The schema version this VRUS makes (known without importing Alembic)."""
    return HEAD_REVISION


def alembic_head() -> str:
    """The head as Alembic finds it in the migrations folder (what ``HEAD_REVISION`` says)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return {script.revision for script in scripts.walk_revisions()}


def is_known_revision(revision: str) -> bool:
    """A schema version of this VRUS or an older one; the newest is known without Alembic."""
    return revision == HEAD_REVISION or revision in known_revisions()


def current_revision(connection: Connection) -> str | None:
    """The register's schema version as Alembic keeps it; None where it has none (a new
    file, or another program's database). Plain SQL, as Alembic reads it."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    row = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).first()
    return None if row is None else str(row[0])


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
    return bool(set(inspect(connection).get_table_names()) - {VERSION_TABLE})


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
        has_tables = current is None and _has_foreign_tables(connection)
    state = MigrationState(current=current, head=head)
    if state.up_to_date:
        return state  # the usual start: nothing to do, and Alembic is not even imported
    if current is not None and not is_known_revision(current):
        raise DatabaseError(newer_vrus(db.display_name, current))
    if current is None and has_tables:
        raise DatabaseError(not_a_vrus_database(db.display_name))
    if db.path is not None and current is not None:
        state.backup = backup_file(db.path, f"before-{head}", db.key)
        log.info("backed up database before migrating to %s", head)
    from alembic import command

    with db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    log.info("database migrated from %s to %s", current, head)
    return state


def downgrade(db: Database, revision: str = "base") -> None:
    from alembic import command

    with db.engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)
