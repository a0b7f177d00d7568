"""Opening a register: refuse what is not one, check that it is intact, then upgrade it.

Every start of VRUS goes through ``open_database``: the window, every command but ``vrus
check`` and ``vrus restore`` (which open the file as it is), and a restore when it is done.
A damaged register is refused naming the newest good backup, which the window offers to
restore.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from vrus.backup_files import newest_good_backup
from vrus.db import driver
from vrus.db.engine import Database, connect, sqlite_file
from vrus.db.integrity import DamagedDatabaseError, first_problem, integrity_problems
from vrus.db.keys import KEY_FILE, RegisterKey, find_key, key_for_new_register
from vrus.db.migrate import is_known_revision, newer_vrus, not_a_vrus_database, upgrade
from vrus.db.network_share import refuse_network_share
from vrus.db.sqlite_files import check_sqlite_header
from vrus.errors import DatabaseError
from vrus.server.moved import refuse_moved
from vrus.texts import Text, translate

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
    good = newest_good_backup(path, db.key)
    raise DamagedDatabaseError(
        path, problems, good.path if good else None, good.taken if good else None, key=db.key
    )


def _read_only_look(path: Path, key: RegisterKey | None) -> tuple[set[str], str | None] | None:
    """The tables and the schema version of an existing SQLite file, read without changing
    it (no WAL switch, nothing created beside it); None if SQLite cannot read it (a damaged
    file is for the integrity check to explain)."""
    try:
        connection = driver.connect_file(path, key, read_only=True)
    except driver.Error:
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
    except driver.Error:
        return None
    finally:
        connection.close()


def refuse_foreign_file(path: Path, key: RegisterKey | None = None) -> None:
    """Refuse another program's SQLite file, or a register of a newer VRUS, before VRUS
    opens it for writing: a refused file is left byte for byte as it was."""
    if not path.exists() or path.stat().st_size == 0:
        return
    look = _read_only_look(path, key)
    if look is None:
        return
    tables, revision = look
    if revision is None and tables - {"alembic_version"}:
        raise DatabaseError(not_a_vrus_database(str(path)))
    if revision is not None and not is_known_revision(revision):
        raise DatabaseError(newer_vrus(str(path), revision))


class MissingKeyError(DatabaseError):
    """The register is encrypted and no key this computer has opens it; ``path`` is the file.
    The window offers to enter the recovery key."""

    def __init__(self, message: Text | str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def no_key(path: Path) -> Text:
    """The refusal of an encrypted register this computer holds no key for."""
    return translate(
        "Core",
        "{path}: the register is encrypted and this computer does not hold its key: use "
        "the recovery sheet ('vrus key import'; the window asks for it when it starts)",
    ).format(path=str(path))


def register_key(
    path: Path,
    key_file: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    known: RegisterKey | None = None,
    encrypt: bool = True,
) -> RegisterKey | None:
    """The key the register file at ``path`` opens with; None for a plain register.

    A file not there yet (or empty) is a new register: it gets the key file's key, or a new
    key in the key store (``create``), or none where neither exists. An encrypted file needs
    a key that opens it: one that does not is refused here, read-only, before anything
    writes to the file. ``known`` is a key already known for this register (the one it was
    restored or encrypted with), used instead of looking one up. ``encrypt=False`` makes a
    new register plain whatever keys there are (the window's first-start choice).
    """
    if not path.is_file() or path.stat().st_size == 0:
        if known is not None or not encrypt:
            return known
        return key_for_new_register(path, key_file) if create else find_key(path, key_file)
    if driver.has_plain_header(path):
        return None
    key = known or find_key(path, key_file)
    if key is None:
        raise MissingKeyError(no_key(path), path)
    if not driver.key_opens(path, key):
        if key.source == KEY_FILE:
            raise MissingKeyError(
                translate(
                    "Core",
                    "{path}: the key in {key_file} does not open this register (another "
                    "register's key?); use its recovery sheet",
                ).format(path=str(path), key_file=key.location),
                path,
            )
        raise MissingKeyError(
            translate(
                "Core",
                "{path}: the key this computer holds for it does not open the register; use "
                "the recovery sheet ('vrus key import')",
            ).format(path=str(path)),
            path,
        )
    return key


def open_database(
    url: str,
    *,
    migrate: bool = True,
    verify: bool | None = None,
    must_exist: bool = False,
    key_file: str | os.PathLike[str] | None = None,
    key: RegisterKey | None = None,
    encrypt: bool = True,
    new_key: bool = True,
) -> Database:
    """Open the register at ``url``: check it is intact, then upgrade it to the current schema.

    ``verify`` (default: as ``migrate``) runs SQLite's quick check first and refuses a damaged
    file with ``DamagedDatabaseError``. ``migrate=False`` opens the file as found: ``vrus
    check`` reports its state, ``vrus restore`` replaces it. ``must_exist`` refuses a SQLite
    file that is not there (a mistyped path) instead of creating it, and the folders to it, as
    a new register (``vrus check``: a check finds a register, it never starts one).

    The key of an encrypted register is found by ``register_key`` (``key_file``, the key
    store, a remembered key file; ``key``: one known to open it). A new register is encrypted
    where a key can be had, unless ``encrypt=False``; ``new_key=False`` makes no new key for
    it (``vrus restore`` into a register not there yet: the backup brings its own).
    """
    path = sqlite_file(url)
    known, key = key, None
    if path is not None:
        refuse_network_share(path)  # before a key is made for it or a byte is read
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
        if migrate:  # a moved register's old file is kept as it was (vrus check still reads it)
            refuse_moved(path)
        key = register_key(path, key_file, known=known, encrypt=encrypt, create=new_key)
        refuse_foreign_file(path, key)
    db = connect(url, key)
    try:
        if migrate if verify is None else verify:
            verify_integrity(db)
        if migrate:
            upgrade(db)
    except DBAPIError as error:
        db.close()
        raise DatabaseError(
            _server_problem(url, error)
            or translate("Core", "cannot open the database {database}: {reason}").format(
                database=db.display_name, reason=str(error.orig)
            )
        ) from error
    except BaseException:
        db.close()
        raise
    return db


def _server_problem(url: str, error: DBAPIError) -> Text | None:
    """What is wrong with a server connection, in the words of ``vrus.server.connection``
    (wrong password, no such database, no answer), or None for anything else."""
    if sqlite_file(url) is not None:
        return None
    from vrus.server.connection import connection_problem

    return connection_problem(error.orig, url)
