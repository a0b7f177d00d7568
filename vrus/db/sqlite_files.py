"""SQLite files as files: telling one from other files, and copying one consistently."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from vrus import clock
from vrus.db.engine import BUSY_TIMEOUT_MS, not_a_file
from vrus.errors import DatabaseError
from vrus.private_files import create_numbered_private_file, create_private_file
from vrus.texts import translate

SQLITE_HEADER = b"SQLite format 3\x00"


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
    if path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(
            translate("Core", "{path} is not a VRUS database (not an SQLite file)").format(
                path=str(path)
            )
        )


def copy_database(source: Path, target: Path) -> None:
    """Copy ``source`` into ``target`` with SQLite's online backup API: consistent even while
    another connection writes (it copies the last committed state, WAL included), and a
    self-contained file (rollback journal, no -wal beside it), readable by the owner only."""
    create_private_file(target)  # before SQLite would create it readable by others
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
    backup API, readable by the owner only, never over another file."""
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
    target = create_numbered_private_file(path.parent, f"{path.name}.{label}-{stamp}", ".bak")
    try:
        copy_database(path, target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target
