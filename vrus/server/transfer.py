"""Moving a SQLite register onto a database server: ``vrus transfer --to URL`` and the window's
"Move the register to a server" wizard.

The server database must be empty: bare (``vrus server setup`` is run on it first) or set up
with nothing in it but what setting up puts there (the reference data, the register's
identity). A database that holds anything else is refused and left as it was: moving a
register never merges two. The rows are copied in one transaction and checked table by table
(``vrus.server.register_copy``); only then is the old file made read-only, with a note beside
it saying where the register now lives (``vrus.server.moved``).
"""

from __future__ import annotations

import importlib.util
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Table, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from vrus import clock
from vrus.db.engine import Database, connect
from vrus.db.migrate import current_revision, head_revision, is_known_revision, newer_vrus
from vrus.errors import VrusError
from vrus.server import moved
from vrus.server.register_copy import CopyResult, Progress, TableCopy, copy_register
from vrus.texts import translate

log = logging.getLogger(__name__)

# What setting a database up puts in it (migration 0002's reference data, 0004's register
# identity, settings the window may write on a first look): rows here do not make a set-up
# database "in use". Every other table must be empty. A table a later migration fills is
# refused here until it is named (the safe side: nothing is ever overwritten unasked).
FILLED_BY_SETUP = frozenset(
    {
        "ensembles",
        "instruments",
        "municipalities",
        "municipality_populations",
        "organisations",
        "projects",
        "settings",
    }
)


@dataclass(frozen=True)
class TransferReport:
    """What ``transfer`` did: every table copied and checked, where to, and how long it took."""

    tables: tuple[TableCopy, ...]
    server: str  # the target without user name and password
    note: Path  # the note beside the old file
    set_up: bool  # the database was bare and was set up first
    seconds: float

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


def server_url(url: str) -> str:
    """``url`` checked to be a server database's (not a file's): the transfer's target."""
    try:
        parsed = make_url(url)
        parsed.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError):
        raise VrusError(
            translate("Core", "not a database URL (like postgresql+psycopg://user@host/database)")
        ) from None
    if parsed.get_backend_name() == "sqlite":
        raise VrusError(
            translate(
                "Core",
                "{url} is a register file: a register moves to a server database "
                "(postgresql+psycopg://user@host/database); to copy a file, use 'vrus backup'",
            ).format(url=parsed.render_as_string(hide_password=True))
        )
    return url


def open_target(url: str) -> Database:
    """The server database, connected (not migrated); a refused connection in one line. A URL
    without a password takes the one the key store keeps for that login."""
    from vrus.server.connection import connection_problem, with_stored_password

    database = connect(with_stored_password(url))
    try:
        with database.engine.connect():
            pass
    except DBAPIError as error:
        database.close()
        raise VrusError(
            connection_problem(error.orig, url)
            or translate("Core", "cannot connect to {database}: {reason}").format(
                database=database.display_name, reason=_first_line(error)
            )
        ) from None
    return database


def _first_line(error: DBAPIError) -> str:
    return str(error.orig or error).strip().splitlines()[0]


def set_up(url: str) -> None:
    """Migrate the database and make its roles (``vrus server setup``); before that command
    exists in this installation, migrating alone."""
    if importlib.util.find_spec("vrus.server.roles") is not None:
        from vrus.server import roles

        setup = getattr(roles, "setup", None)
        if setup is not None:
            setup(url)
            return
    from vrus.opening import open_database

    open_database(url).close()


def ensure_set_up(target: Database) -> bool:
    """Set the database up when it is bare or of an older schema; True when it was bare."""
    with target.engine.connect() as connection:
        revision = current_revision(connection)
        tables = set(inspect(connection).get_table_names())
    if revision == head_revision():
        return False
    if revision is not None and not is_known_revision(revision):
        raise VrusError(newer_vrus(target.display_name, revision))
    if revision is None and tables:
        raise VrusError(
            translate(
                "Core",
                "{database} holds tables of another program; a register moves only into an "
                "empty database",
            ).format(database=target.display_name)
        )
    set_up(target.url)
    return revision is None


def refuse_unless_empty(connection: Connection, tables: Sequence[Table]) -> None:
    """Refuse a database that holds more than setting it up put there."""
    for table in tables:
        if table.name in FILLED_BY_SETUP:
            continue
        if connection.execute(select(*table.primary_key.columns).limit(1)).first() is not None:
            raise VrusError(
                translate(
                    "Core",
                    "{database} already holds a register (rows in {table}); a register moves "
                    "only into an empty database. Nothing was changed.",
                ).format(
                    database=moved.server_address(str(connection.engine.url)), table=table.name
                )
            )


def transfer(source: Database, target_url: str, progress: Progress | None = None) -> TransferReport:
    """Copy the SQLite register ``source`` into the empty server database ``target_url``,
    check it, then make the file read-only with a note where the register now lives.

    Raises ``VrusError`` (the server database and the file as they were, except that a bare
    database may have been set up) when anything is refused or does not check out.
    """
    path = source.path
    if path is None:
        raise VrusError(
            translate("Core", "{database} is already a server database").format(
                database=source.display_name
            )
        )
    started = time.perf_counter()
    target = open_target(server_url(target_url))
    try:
        was_bare = ensure_set_up(target)
        result: CopyResult = copy_register(
            source, target, lock_source=True, before_copy=refuse_unless_empty, progress=progress
        )
    except DBAPIError as error:
        raise VrusError(_refused_by_server(target.display_name, error)) from None
    finally:
        target.close()
    log.info("moved the register to a server: %d tables, %d rows", len(result.tables), result.rows)
    _checkpoint(source)
    try:
        moved.make_read_only(path)
        note = moved.write_note(path, target_url, clock.today())
    except (OSError, VrusError) as error:
        # The register is on the server already: say so, and what is left to do by hand.
        reason = error.message if isinstance(error, VrusError) else error.strerror or str(error)
        raise VrusError(
            translate(
                "Core",
                "the register was moved to {server} and checked, but {path} could not be "
                "marked as moved ({reason}): do not use the file any more",
            ).format(server=moved.server_address(target_url), path=str(path), reason=str(reason))
        ) from None
    return TransferReport(
        tables=result.tables,
        server=moved.server_address(target_url),
        note=note,
        set_up=was_bare,
        seconds=time.perf_counter() - started,
    )


def _refused_by_server(database: str, error: DBAPIError) -> str:
    reason = _first_line(error)
    if "must be owner" in reason or "permission denied" in reason:
        return str(
            translate(
                "Core",
                "{database}: only the database's owner (who ran 'vrus server setup') can move "
                "a register into it ({reason}); nothing was copied",
            ).format(database=database, reason=reason)
        )
    if "lock timeout" in reason:
        return str(
            translate(
                "Core",
                "{database} is in use (another connection holds its tables); nothing was "
                "copied: try again when nobody else is connected",
            ).format(database=database)
        )
    return str(
        translate("Core", "{database}: the copy failed ({reason}); nothing was copied").format(
            database=database, reason=reason
        )
    )


def _checkpoint(source: Database) -> None:
    """Everything the write-ahead log holds goes into the file before it is made read-only,
    so the old file is complete by itself."""
    with source.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
