"""SQLite files as files: telling one from other files, and copying one consistently."""

from __future__ import annotations

import os
from pathlib import Path

from vrus import clock, collation
from vrus.db import driver
from vrus.db.engine import BUSY_TIMEOUT_MS, not_a_file
from vrus.db.keys import RegisterKey
from vrus.db.models import COLLATION
from vrus.errors import DatabaseError
from vrus.private_files import create_numbered_private_file, create_private_file
from vrus.texts import translate

SQLITE_HEADER = driver.SQLITE_HEADER


def check_sqlite_header(path: Path) -> None:
    """Refuse a file that is not a SQLite database before SQLite or Alembic trip over it."""
    if "\x00" in str(path):  # only an URL can carry it ("%00"); no file is named so
        raise DatabaseError(
            translate("Core", "{path}: not a file name (it holds a NUL character)").format(
                path=repr(str(path))
            )
        )
    if path.is_dir():
        raise DatabaseError(not_a_file(path))
    if not path.exists():
        return
    if not path.is_file():  # reading a pipe would wait for ever, a device is nobody's register
        raise DatabaseError(
            translate("Core", "{path} is not a database file (a device or a pipe)").format(
                path=str(path)
            )
        )
    if path.stat().st_size == 0 or driver.has_plain_header(path):
        return
    if not driver.may_be_encrypted(path):
        raise DatabaseError(
            translate("Core", "{path} is not a VRUS database (not an SQLite file)").format(
                path=str(path)
            )
        )


def copy_database(source: Path, target: Path, key: RegisterKey | None = None) -> None:
    """Copy ``source`` into ``target`` with SQLite's online backup API: consistent even while
    another connection writes (it copies the last committed state, WAL included), and a
    self-contained file (rollback journal, no -wal beside it), readable by the owner only.
    An encrypted register (``key``) is copied encrypted with the same key."""
    create_private_file(target)  # before SQLite would create it readable by others
    source_connection = driver.connect_file(source, key, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dest = driver.connect_file(target, key)
        try:
            source_connection.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        source_connection.close()
    os.chmod(target, 0o600)


def export_database(
    source: Path, source_key: RegisterKey | None, target: Path, target_key: RegisterKey | None
) -> None:
    """Write ``source`` (opened with ``source_key``) into the new file ``target``, encrypted
    with ``target_key`` or plain without, through SQLCipher's ``sqlcipher_export``: the way
    between a plain and an encrypted file, which the backup API does not go. ``target`` is
    made owner-only first and must be new or empty; it is deleted again on failure."""
    made = create_private_file(target)
    if made is None and target.stat().st_size > 0:
        raise DatabaseError(
            translate("Core", "{path} already exists; choose another name").format(path=str(target))
        )
    connection = driver.sqlcipher.connect(str(source), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        if source_key is not None:
            driver.unlock(connection, source_key)
        else:
            driver.quiet_sqlcipher(connection)
        connection.create_collation(COLLATION, collation.compare)
        attach_key = target_key.pragma().split("=", 1)[1].strip() if target_key else "''"
        connection.execute(f"ATTACH DATABASE ? AS converted KEY {attach_key}", (str(target),))
        try:
            connection.execute("SELECT sqlcipher_export('converted')").fetchall()
        finally:
            connection.execute("DETACH DATABASE converted")
    except BaseException:
        connection.close()
        target.unlink(missing_ok=True)
        raise
    connection.close()
    os.chmod(target, 0o600)


def backup_file(path: Path, label: str, key: RegisterKey | None = None) -> Path:
    """Copy the database beside itself (``<file>.<label>-<stamp>.bak``) with SQLite's online
    backup API, readable by the owner only, never over another file; encrypted with ``key``
    like the register."""
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
    target = create_numbered_private_file(path.parent, f"{path.name}.{label}-{stamp}", ".bak")
    try:
        copy_database(path, target, key)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target
