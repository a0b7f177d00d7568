"""Turning a plain register into an encrypted one and back, and putting a recovered key back.

``encrypt_register`` converts the register file and every backup beside it (the backups
folder and the copies made before upgrades), so that no plain copy of the children's data
stays behind; ``decrypt_copy`` writes a plain copy for someone who needs one. Both go through
SQLCipher's ``sqlcipher_export`` and check the result (SQLite's quick check, and the same
rows in every table: count and checksum) before the original goes: a conversion that fails
its check leaves the original as it was.

A plain file that has been converted is overwritten with zeros before it is deleted, so its
pages are not left readable on the disk (on a disk that writes in place; an SSD or a
copy-on-write file system may keep old blocks, which only whole-disk encryption covers).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from vrus.backup import BACKUP_SUFFIXES  # a plain copy takes a backup's endings
from vrus.backup_files import list_backups
from vrus.db import driver
from vrus.db.engine import Database
from vrus.db.keys import (
    KEY_STORE,
    RegisterKey,
    key_file_path,
    key_store_name,
    new_secret,
    no_key_store,
    read_key_file,
    remember_key_file,
    store_key,
    write_new_key_file,
)
from vrus.db.sqlite_files import export_database
from vrus.errors import VrusError
from vrus.logsetup import error_kind
from vrus.private_files import check_target, create_numbered_private_file
from vrus.texts import translate

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Encrypted:
    """What ``encrypt_register`` did."""

    key: RegisterKey
    backups_converted: int = 0
    backups_deleted: int = 0  # plain backups that could not be read (damaged): scrubbed


class ConversionError(VrusError):
    """A converted copy did not match its original; the original is left as it was."""


# --- checking a copy ---------------------------------------------------------------------------


def table_digests(connection: driver.Connection) -> dict[str, tuple[int, str]]:
    """Every table's row count and a SHA-256 over its rows in rowid order."""
    names = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    digests = {}
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        digest = hashlib.sha256()
        count = 0
        for row in connection.execute(f"SELECT * FROM {quoted} ORDER BY rowid"):
            digest.update(repr(tuple(row)).encode("utf-8"))
            count += 1
        digests[name] = (count, digest.hexdigest())
    return digests


def _digests_of(path: Path, key: RegisterKey | None) -> dict[str, tuple[int, str]]:
    connection = driver.connect_file(path, key, read_only=True)
    try:
        return table_digests(connection)
    finally:
        connection.close()


def check_copy(original: dict[str, tuple[int, str]], copy: Path, key: RegisterKey | None) -> None:
    """Refuse ``copy`` unless it is intact and holds the same rows as the original."""
    connection = driver.connect_file(copy, key, read_only=True)
    try:
        problems = [str(r[0]) for r in connection.execute("PRAGMA quick_check")]
        copied = table_digests(connection)
    finally:
        connection.close()
    if problems != ["ok"]:
        raise ConversionError(
            translate("Core", "the converted copy failed its check: {problem}").format(
                problem=problems[0]
            )
        )
    differing = sorted(
        name for name in original.keys() | copied.keys() if original.get(name) != copied.get(name)
    )
    if differing:
        raise ConversionError(
            translate(
                "Core", "the converted copy differs from the register in the table {table}"
            ).format(table=differing[0])
        )


# --- removing a plain file -----------------------------------------------------------------------


def _zero(handle: int, size: int) -> None:
    os.lseek(handle, 0, os.SEEK_SET)
    block = b"\0" * 65536
    left = size
    while left > 0:
        left -= os.write(handle, block[: min(left, len(block))])
    os.fsync(handle)


def scrub(path: Path) -> None:
    """Overwrite the file with zeros, then delete it (and a -wal, -shm beside it)."""
    for each in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        if not each.is_file():
            continue
        handle = os.open(each, os.O_WRONLY)
        try:
            _zero(handle, each.stat().st_size)
        finally:
            os.close(handle)
        each.unlink()


def _replace_scrubbing(original: Path, converted: Path) -> None:
    """Put ``converted`` in the place of ``original`` in one step (a crash leaves one or the
    other there, never neither), then zero the original's content, which this process still
    holds open though its name is gone."""
    if os.name == "nt":  # Windows replaces no file that is open: replaced, not zeroed
        os.replace(converted, original)
        return
    handle = os.open(original, os.O_WRONLY)
    try:
        size = os.fstat(handle).st_size
        os.replace(converted, original)
        _zero(handle, size)
    finally:
        os.close(handle)
    for suffix in ("-wal", "-shm", "-journal"):
        leftover = original.with_name(original.name + suffix)
        if leftover.is_file():
            scrub(leftover)


def convert_file(
    path: Path, source_key: RegisterKey | None, target_key: RegisterKey | None
) -> None:
    """Re-write the database file ``path`` in place with ``target_key`` (None: plain),
    checked against the original before it replaces it."""
    original = _digests_of(path, source_key)
    converted = create_numbered_private_file(path.parent, f".{path.name}.converting", ".part")
    try:
        export_database(path, source_key, converted, target_key)
        check_copy(original, converted, target_key)
        _replace_scrubbing(path, converted)
    finally:
        converted.unlink(missing_ok=True)


# --- the register ---------------------------------------------------------------------------


def _hold_alone(database: Path) -> driver.Connection:
    """A connection that proves nobody else has the register open (leaving WAL mode needs
    every other connection closed) and keeps it so while it is converted."""
    connection = driver.sqlcipher.connect(str(database), timeout=1.0)
    driver.quiet_sqlcipher(connection)
    try:
        connection.execute("PRAGMA journal_mode=DELETE").fetchall()
    except driver.OperationalError as error:
        connection.close()
        if "locked" in str(error) or "busy" in str(error):
            raise VrusError(
                translate(
                    "Core",
                    "{path} is in use by another VRUS window or program; close it and try again",
                ).format(path=str(database))
            ) from None
        raise
    except BaseException:
        connection.close()
        raise
    # A read transaction kept open holds SQLite's shared lock: a VRUS window started meanwhile
    # can read but not save until the converted file is in place.
    connection.execute("BEGIN")
    connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    return connection


def _key_for_encrypting(
    database: Path, key: RegisterKey | None, key_file_target: Path | None
) -> RegisterKey:
    """The key given, the key file named (``VRUS_KEY_FILE``), a new key for the key store,
    or a new key file at ``key_file_target``; refused when there is none of these."""
    if key is not None:
        return key
    named = key_file_path(None)
    if named is not None:
        return read_key_file(named)
    name = key_store_name()
    if name is not None:
        return RegisterKey(new_secret(), KEY_STORE, name)
    if key_file_target is not None:
        return write_new_key_file(key_file_target)
    raise VrusError(no_key_store())


def encrypt_register(
    db_path: Path,
    key: RegisterKey | None = None,
    *,
    key_file_target: Path | None = None,
    progress: Progress | None = None,
) -> Encrypted:
    """Encrypt the plain register at ``db_path`` and every backup beside it; see the module.

    Nobody may have the register open (close the window's own ``Database`` first). A new key
    for the key store is stored there only once the encrypted copy has passed its check; a new
    key file at ``key_file_target`` is remembered for the register on this computer.
    """
    database = Path(db_path).absolute()
    if not database.is_file() or database.stat().st_size == 0:
        raise VrusError(
            translate("Core", "{path}: no register there to encrypt").format(path=str(database))
        )
    if not driver.has_plain_header(database):
        raise VrusError(translate("Core", "{path} is encrypted already").format(path=str(database)))
    backups = [info.path for info in list_backups(database, check=False)]
    total = 1 + len(backups)
    key = _key_for_encrypting(database, key, key_file_target)
    try:
        held = _hold_alone(database)
    except BaseException:
        _forget_new_key_file(key, key_file_target)
        raise
    try:
        original = table_digests(held)
        converted = create_numbered_private_file(
            database.parent, f".{database.name}.encrypting", ".part"
        )
        try:
            export_database(database, None, converted, key)
            check_copy(original, converted, key)
            if key.source == KEY_STORE:
                key = store_key(database, key.secret)
            held.close()
            _replace_scrubbing(database, converted)
        finally:
            converted.unlink(missing_ok=True)
    except BaseException:
        with suppress(*driver.Error):
            held.rollback()
            held.execute("PRAGMA journal_mode=WAL").fetchall()  # as it was: in WAL mode
        held.close()
        if driver.has_plain_header(database):
            _forget_new_key_file(key, key_file_target)
        raise
    if key_file_target is not None and key.source != KEY_STORE:
        remember_key_file(database, Path(key.location))  # (VRUS_KEY_FILE's is named anyway)
    log.info("encrypted the register")
    if progress is not None:
        progress(1, total)
    done, deleted = _encrypt_backups(backups, key, progress, total)
    return Encrypted(key, done, deleted)


def _forget_new_key_file(key: RegisterKey, key_file_target: Path | None) -> None:
    """The key file made for an encryption that did not happen opens nothing: delete it."""
    if key_file_target is None or key.source == KEY_STORE:
        return
    made = Path(key.location)
    if made == Path(key_file_target).expanduser().absolute():  # never VRUS_KEY_FILE's file
        with suppress(OSError):
            made.unlink()


def _encrypt_backups(
    backups: list[Path], key: RegisterKey, progress: Progress | None, total: int
) -> tuple[int, int]:
    """Encrypt each plain backup in place; a plain one that cannot be read is scrubbed (it
    would otherwise stay behind as a plain copy of the children's data)."""
    converted = deleted = 0
    for step, path in enumerate(backups, start=2):
        if path.is_file() and driver.has_plain_header(path):
            try:
                convert_file(path, None, key)
                converted += 1
            except (VrusError, OSError, *driver.Error) as error:
                log.warning(
                    "a plain backup could not be encrypted (%s); scrubbed", error_kind(error)
                )
                with suppress(OSError):
                    scrub(path)
                deleted += 1
        if progress is not None:
            progress(step, total)
    if converted or deleted:
        log.info("encrypted %d backup(s), scrubbed %d unreadable one(s)", converted, deleted)
    return converted, deleted


# --- a plain copy ------------------------------------------------------------------------------


def decrypt_copy(db: Database, target: Path | str) -> Path:
    """Write a plain, checked copy of the encrypted register to the new file ``target``."""
    if db.path is None or db.key is None:
        raise VrusError(
            translate("Core", "the register is not encrypted: 'vrus backup -o FILE' copies it")
        )
    path = check_target(target)
    if path.suffix.lower() not in BACKUP_SUFFIXES:
        raise VrusError(
            translate(
                "Core",
                "{path}: a copy of the register is a database file; give it a name "
                "ending in .sqlite3",
            ).format(path=str(path))
        )
    if path.exists():
        raise VrusError(
            translate("Core", "{path} already exists; choose another name").format(path=str(path))
        )
    original = _digests_of(db.path, db.key)
    try:
        export_database(db.path, db.key, path, None)
        check_copy(original, path, None)
    except BaseException:
        with suppress(OSError):
            scrub(path)
        raise
    log.info("wrote a plain copy of the encrypted register")
    return path


# --- the recovery key ---------------------------------------------------------------------------


def import_recovery_key(db_path: Path, text: str) -> RegisterKey:
    """Keep the key typed from the recovery sheet in the key store for the register at
    ``db_path``, after checking that it opens the register there (if one is there yet: on a
    new computer the key goes in first, then the backup is restored)."""
    from vrus.recovery_code import parse_recovery

    secret = parse_recovery(text)
    database = Path(db_path).absolute()
    candidate = RegisterKey(secret, KEY_STORE, key_store_name() or "")
    if database.is_file() and database.stat().st_size > 0:
        if driver.has_plain_header(database):
            raise VrusError(
                translate("Core", "{path} is not encrypted: it needs no key").format(
                    path=str(database)
                )
            )
        if not driver.key_opens(database, candidate):
            raise VrusError(
                translate(
                    "Core",
                    "this recovery key does not open {path}: is it this register's "
                    "sheet? (a backup made elsewhere is restored with its own key: "
                    "'vrus restore FILE --backup-key-file KEYFILE')",
                ).format(path=str(database))
            )
    stored = store_key(database, secret)
    log.info("a recovery key was put into the key store")
    return stored
