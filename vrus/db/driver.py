"""The two SQLite drivers: Python's own ``sqlite3`` for plain registers, ``sqlcipher3`` (the same
API over SQLCipher) for encrypted ones; and opening a register file with its key.

The drivers raise their own exception classes, so code that catches a driver error catches
``Error`` (and friends) from here, which name both.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher

from vrus import collation
from vrus.db.models import COLLATION

if TYPE_CHECKING:
    from vrus.db.keys import RegisterKey

Error = (sqlite3.Error, sqlcipher.Error)
DatabaseError = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
OperationalError = (sqlite3.OperationalError, sqlcipher.OperationalError)
# Either driver's connection; they have the same methods.
Connection = Any

SQLITE_HEADER = b"SQLite format 3\x00"

__all__ = [
    "SQLITE_HEADER",
    "Connection",
    "DatabaseError",
    "Error",
    "OperationalError",
    "connect_file",
    "has_plain_header",
    "key_opens",
    "may_be_encrypted",
    "quiet_sqlcipher",
    "sqlcipher",
    "unlock",
]

_quiet = False


def quiet_sqlcipher(connection: Any) -> None:
    """SQLCipher prints "hmac check failed" to stderr when a key does not fit; VRUS says it
    in its own words instead. The log level is the library's, so once per process is enough."""
    global _quiet
    if not _quiet:
        connection.execute("PRAGMA cipher_log_level = NONE").fetchall()
        _quiet = True


def unlock(connection: Any, key: RegisterKey) -> None:
    """Give a fresh SQLCipher connection its key, before anything else reads the file."""
    quiet_sqlcipher(connection)
    connection.execute(key.pragma())


def connect_file(
    path: Path | str,
    key: RegisterKey | None = None,
    *,
    read_only: bool = False,
    timeout: float = 5.0,
) -> Any:
    """A DB-API connection to the database file ``path``: SQLCipher with ``key``, plain SQLite
    without; the Norwegian collation is registered on it.

    ``read_only`` creates and changes nothing beside the file: a file with a -wal beside it
    needs that WAL read (it may hold the last transactions), for which SQLite keeps its -shm
    file; any other file is opened as immutable.
    """
    path = Path(path)
    target: str = str(path)
    uri = False
    if read_only:
        wal = path.with_name(path.name + "-wal")
        query = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
        target = f"{path.absolute().as_uri()}?{query}"
        uri = True
    if key is None:
        connection: Any = sqlite3.connect(target, timeout=timeout, uri=uri)
    else:
        connection = sqlcipher.connect(target, timeout=timeout, uri=uri)
        try:
            unlock(connection, key)
        except BaseException:
            connection.close()
            raise
    connection.create_collation(COLLATION, collation.compare)
    return connection


def has_plain_header(path: Path) -> bool:
    """The file starts as every plain SQLite database does."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def may_be_encrypted(path: Path) -> bool:
    """Not a plain SQLite file, but shaped like an encrypted one: SQLCipher writes whole pages
    (512 to 65 536 bytes), beginning with 16 random bytes of salt. A text file, a PDF or a
    spreadsheet is hardly ever a whole number of 512-byte blocks."""
    size = path.stat().st_size
    return size > 0 and size % 512 == 0 and not has_plain_header(path)


def key_opens(path: Path, key: RegisterKey) -> bool:
    """``key`` reads the encrypted database at ``path`` (read-only; nothing is written)."""
    try:
        connection = connect_file(path, key, read_only=True)
    except Error:
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        return True
    except Error:
        return False
    finally:
        connection.close()
