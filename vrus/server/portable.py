"""A server register as a portable register file, and such a file restored onto a server.

``vrus backup`` on a server (and the window's "Back up now") writes the whole register into a
new SQLite file, migrated to this VRUS's schema, id for id, checked table by table like a
move (``vrus.server.register_copy``), read from one consistent state of the server. It is an
ordinary register file: ``vrus restore`` takes it back onto a server, ``vrus transfer`` moves
it into an empty server database, and VRUS opens it as a register of its own.

Encrypted like any new register: a server register has no key of its own, so the file gets
the key file's key (``--key-file``, ``VRUS_KEY_FILE``) or a new key kept in this computer's
key store under the file's path (``vrus.db.keys.key_for_new_register``); with neither it is
written plain, and says so. Without a file name it goes into ``server-backups`` in the user
data folder, named after the server and database, the kind and the time, like the backups
beside a register file.

Restoring onto a server replaces every row of the server database in one transaction, after
writing the server register as it was into that folder (the safety copy). Persons erased on
the server after the backup was taken are erased again: on a server the register itself, not
a journal beside a file, remembers them (each erased person keeps a row with its time).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from vrus import clock
from vrus.backup_files import (
    BEFORE_RESTORE,
    MANUAL,
    BackupError,
    check_backup_file,
    new_backup_file,
)
from vrus.db import driver
from vrus.db.engine import Database, sqlite_url
from vrus.db.keys import KEY_STORE, RegisterKey, find_key, forget_key, key_for_new_register
from vrus.db.models import Person
from vrus.db.sqlite_files import copy_database
from vrus.erasure import erase_persons
from vrus.erasure_journal import register_id
from vrus.opening import open_database
from vrus.paths import private_dir, user_data_dir
from vrus.private_files import check_target, create_private_file
from vrus.server.register_copy import Progress, TableCopy, copy_register
from vrus.texts import translate

log = logging.getLogger(__name__)

SERVER_BACKUPS = "server-backups"
# The endings a register file may have (as for the backups of a file, vrus.backup).
SUFFIXES = (".sqlite3", ".sqlite", ".db", ".bak")


@dataclass(frozen=True)
class PortableCopy:
    """A portable register file written: where, with which key (None: plain), what is in it."""

    path: Path
    key: RegisterKey | None
    tables: tuple[TableCopy, ...]

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


@dataclass(frozen=True)
class ServerRestored:
    """What ``restore_to_server`` did."""

    safety: Path  # the server register as it was, as a portable file
    tables: tuple[TableCopy, ...]
    reapplied: tuple[int, ...] = ()  # persons erased on the server after the backup, again

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


def server_backup_dir() -> Path:
    """``server-backups`` in the user data folder (0700)."""
    return private_dir(user_data_dir() / SERVER_BACKUPS)


def _stand_in(db: Database) -> Path:
    """The name the server's backups are made under: ``<host>-<database>`` (no user)."""
    parsed = make_url(db.url)
    name = f"{parsed.host or 'localhost'}-{parsed.database or 'vrus'}"
    return server_backup_dir() / re.sub(r"[^A-Za-z0-9._-]+", "_", name)


def _new_file(db: Database, target: Path | str | None, kind: str, now: dt.datetime) -> Path:
    if target is None:
        return new_backup_file(server_backup_dir(), _stand_in(db), kind, now)
    path = check_target(target)
    if path.suffix.lower() not in SUFFIXES:
        raise BackupError(
            translate(
                "Core",
                "{path}: a backup is a database file; give it a name ending in .sqlite3 "
                "(for a spreadsheet, use 'vrus export')",
            ).format(path=str(path))
        )
    if create_private_file(path) is None:
        raise BackupError(
            translate("Core", "{path} already exists; choose another name").format(path=str(path))
        )
    return path


def write_portable_copy(
    db: Database,
    target: Path | str | None = None,
    *,
    kind: str = MANUAL,
    key_file: str | None = None,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> PortableCopy:
    """Copy the server register ``db`` into a new register file (see the module); the file
    is deleted again if anything fails. Raises ``BackupError``."""
    if db.path is not None:
        raise BackupError(
            translate(
                "Core", "{database} is a register file: back it up with 'vrus backup'"
            ).format(database=db.display_name)
        )
    path = _new_file(db, target, kind, now or clock.local_now())
    key: RegisterKey | None = None
    try:
        key = key_for_new_register(path, key_file)
        copy = open_database(sqlite_url(path), key=key, encrypt=key is not None, new_key=False)
        try:
            result = copy_register(db, copy, progress=progress)
        finally:
            copy.close()
        _self_contained(path, key)
        _revision, problem = check_backup_file(path, key)
        if problem is not None:
            raise BackupError(
                translate("Core", "the backup of {database} was not kept: {problem}").format(
                    database=db.display_name, problem=problem
                )
            )
    except DBAPIError as error:
        _discard(path, key)
        raise BackupError(
            translate("Core", "the backup of {database} failed: {reason}").format(
                database=db.display_name, reason=_reason(error)
            )
        ) from None
    except BaseException:
        _discard(path, key)
        raise
    log.info("wrote a portable copy of the server register (%s, %d rows)", kind, result.rows)
    return PortableCopy(path, key, result.tables)


def _reason(error: DBAPIError) -> str:
    return str(error.orig or error).strip().splitlines()[0]


def _self_contained(path: Path, key: RegisterKey | None) -> None:
    """No -wal beside the file: a backup is one file, whatever copies it."""
    connection = driver.connect_file(path, key)
    try:
        connection.execute("PRAGMA journal_mode=DELETE").fetchall()
    finally:
        connection.close()


def _discard(path: Path, key: RegisterKey | None) -> None:
    for each in (path, *path.parent.glob(path.name + "*")):
        with suppress(OSError):
            each.unlink()
    if key is not None and key.source == KEY_STORE:
        forget_key(path)  # the entry was made for this file


# --- Restoring onto a server -----------------------------------------------------------------


def _erased(db: Database) -> tuple[str | None, dict[int, dt.datetime]]:
    """The register's identity and its erased persons, with when each was erased."""
    with db.sessions() as session:
        rows = session.execute(
            select(Person.id, Person.erased_at).where(Person.erased_at.is_not(None))
        ).all()
    return register_id(db), {person_id: at for person_id, at in rows if at is not None}


def _erase_again(db: Database, identity: str | None, erased: dict[int, dt.datetime]) -> list[int]:
    """Erase again the persons erased before the restore who are back (same register, the
    same person: made before the erasure), each as of when it first was erased."""
    if not erased or identity is None or register_id(db) != identity:
        return []
    with db.sessions() as session:
        back = session.execute(
            select(Person.id, Person.created_at).where(
                Person.id.in_(erased), Person.erased_at.is_(None)
            )
        ).all()
    by_time: dict[dt.datetime, list[int]] = {}
    for person_id, created in back:
        at = erased[person_id]
        if created is None or created <= at:
            by_time.setdefault(at, []).append(person_id)
    done: list[int] = []
    for at, ids in sorted(by_time.items()):
        done.extend(erase_persons(db, ids, now=at, journal=False))
    return sorted(done)


def restore_to_server(
    db: Database,
    file: Path | str,
    *,
    backup_key: RegisterKey | None = None,
    progress: Progress | None = None,
) -> ServerRestored:
    """Replace every row of the server register ``db`` with the register file ``file`` (a
    portable copy, a backup of a register file, a register file), after a safety copy of the
    server register. The file itself is not changed: a copy of it is brought to this VRUS's
    schema first. Raises ``BackupError`` (the server register as it was)."""
    source = Path(file).expanduser().absolute()
    key = backup_key or find_key(source)
    _revision, problem = check_backup_file(source, key)
    if problem is not None:
        raise BackupError(
            translate("Core", "{path} cannot be restored: {problem}").format(
                path=str(source), problem=problem
            )
        )
    identity, erased = _erased(db)
    safety = write_portable_copy(db, kind=BEFORE_RESTORE)
    work = new_backup_file(server_backup_dir(), _stand_in(db), "restoring", clock.local_now())
    try:
        copy_database(source, work, key if not driver.has_plain_header(source) else None)
        register = open_database(sqlite_url(work), key=key, new_key=False)
        try:
            result = copy_register(register, db, progress=progress)
        finally:
            register.close()
    except DBAPIError as error:
        raise BackupError(
            translate("Core", "restoring {path} failed: {reason}").format(
                path=str(source), reason=_reason(error)
            )
        ) from None
    finally:
        for each in (work, *work.parent.glob(work.name + "*")):
            with suppress(OSError):
                each.unlink()
    log.info("restored a register file onto the server (%d rows)", result.rows)
    reapplied = _erase_again(db, identity, erased)
    return ServerRestored(safety.path, result.tables, tuple(reapplied))
