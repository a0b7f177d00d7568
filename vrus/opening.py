"""Opening a register: refuse what is not one, check that it is intact, then upgrade it.

Every start of VRUS goes through ``open_database``: the window, every command but ``vrus
check`` and ``vrus restore`` (which open the file as it is), and a restore when it is done.
A damaged register is refused naming the newest good backup, which the window offers to
restore.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.exc import DBAPIError

from vrus.backup_files import newest_good_backup
from vrus.db.engine import Database, connect, sqlite_file
from vrus.db.integrity import DamagedDatabaseError, first_problem, integrity_problems
from vrus.db.migrate import known_revisions, newer_vrus, not_a_vrus_database, upgrade
from vrus.db.sqlite_files import check_sqlite_header
from vrus.errors import DatabaseError
from vrus.texts import translate

log = logging.getLogger(__name__)


def verify_integrity(db: Database) -> None:
    """Refuse a damaged SQLite register, naming the newest good backup."""
    path = db.path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return
    problems = integrity_problems(db)
    if not problems:
        return
    # What SQLite found names tables, indexes and pages, never a value; the path stays out.
    log.error("the register failed its integrity check: %s", first_problem(problems))
    good = newest_good_backup(path)
    raise DamagedDatabaseError(
        path, problems, good.path if good else None, good.taken if good else None
    )


def _read_only_look(path: Path) -> tuple[set[str], str | None] | None:
    """The tables and the schema version of an existing SQLite file, read without changing
    it (no WAL switch, nothing created beside it); None if SQLite cannot read it (a damaged
    file is for the integrity check to explain)."""
    try:
        connection = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return tables, revision
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def refuse_foreign_file(path: Path) -> None:
    """Refuse another program's SQLite file, or a register of a newer VRUS, before VRUS
    opens it for writing: a refused file is left byte for byte as it was."""
    if not path.exists() or path.stat().st_size == 0:
        return
    look = _read_only_look(path)
    if look is None:
        return
    tables, revision = look
    if revision is None and tables - {"alembic_version"}:
        raise DatabaseError(not_a_vrus_database(str(path)))
    if revision is not None and revision not in known_revisions():
        raise DatabaseError(newer_vrus(str(path), revision))


def open_database(
    url: str, *, migrate: bool = True, verify: bool | None = None, must_exist: bool = False
) -> Database:
    """Open the register at ``url``: check it is intact, then upgrade it to the current schema.

    ``verify`` (default: as ``migrate``) runs SQLite's quick check first and refuses a damaged
    file with ``DamagedDatabaseError``. ``migrate=False`` opens the file as found: ``vrus
    check`` reports its state, ``vrus restore`` replaces it. ``must_exist`` refuses a SQLite
    file that is not there (a mistyped path) instead of creating it, and the folders to it, as
    a new register (``vrus check``: a check finds a register, it never starts one).
    """
    path = sqlite_file(url)
    if path is not None:
        check_sqlite_header(path)
        if must_exist and not path.exists():
            raise DatabaseError(
                translate("Core", "{path}: no register there (the file does not exist)").format(
                    path=str(path)
                )
            )
        if must_exist and path.stat().st_size == 0:
            raise DatabaseError(
                translate("Core", "{path}: no register there (the file is empty)").format(
                    path=str(path)
                )
            )
        refuse_foreign_file(path)
    db = connect(url)
    try:
        if migrate if verify is None else verify:
            verify_integrity(db)
        if migrate:
            upgrade(db)
    except DBAPIError as error:
        db.close()
        raise DatabaseError(
            translate("Core", "cannot open the database {database}: {reason}").format(
                database=db.display_name, reason=str(error.orig)
            )
        ) from error
    except BaseException:
        db.close()
        raise
    return db
