"""Backups of the register, and restoring one: SQLite's online backup API, no Qt.

Where and what
- A ``backups`` folder beside the database (0700), every file in it 0600, named
  ``<database file>.<kind>-<yyyymmdd-hhmmss>[-n].bak`` with the kinds
  ``daily`` (the first start of a day, ``on_open``), ``close`` (closing after something was
  saved, ``on_close``), ``manual`` (``vrus backup``, the window's "Back up now") and
  ``before-restore`` (the register as it was before ``restore`` replaced it).
- Before a migration ``vrus.db.migrate`` writes ``<database file>.before-<revision>-….bak``
  beside the database itself, as it always has; those are listed here too.

Every backup is a complete, self-contained SQLite file (no -wal beside it) that is checked
(``PRAGMA quick_check`` and a known schema version) right after it is written: a copy that
fails is deleted and reported, never kept in place of a good one.

Backups expire, because each one still holds every person erased after it was taken
(``prune_backups``, after every backup made into the folder and on ``vrus backup --keep`` or
``--max-age``): of the daily, close and manual backups in the folder the newest N are kept
(the register setting ``backups.keep``, default 10); any backup older than the register
setting ``backups.max_age_days`` (default 90 days) is deleted whatever the count, and so are
the safety copies made before a restore (in the folder) and before a migration (beside the
database) once they are that old. The newest good backup of all is always kept, however old,
so that a register is never left with none. A file that does not carry this database's name
in this pattern is left alone.

Restoring a backup brings back every person erased after it was taken; the erasure journal
beside the register (``vrus.erasure_journal``) remembers them, and ``restore`` erases them
again right after copying the backup in, and says how many (``Restored``). ``on_open`` does
the same for a register replaced by hand with an older copy. A backup of another register
(another ``register_id``) is never touched by this register's journal.

On a server database (PostgreSQL) ``backup_now`` writes a portable register file
(``vrus.server.portable``: a new SQLite file, checked, encrypted like a new register) into
``server-backups`` in the user data folder or where told; the automatic functions do nothing
there (the server's own backups run on the server), and listing and pruning refuse.

The window and ``vrus.cli`` call ``on_open`` after opening the register and ``on_close``
before closing it; a failed automatic backup comes back as a warning to show, and erasures
applied again as a notice to show, never as an error that stops the program.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, event
from sqlalchemy.exc import SQLAlchemyError

from vrus import clock
from vrus.backup_files import (
    BEFORE_RESTORE,
    CLOSE,
    DAILY,
    MANUAL,
    PRUNED_KINDS,
    BackupError,
    BackupInfo,
    backup_dir,
    check_backup_file,
    database_file,
    key_of,
    list_backups,
    new_backup_file,
    newest_good_backup,
    open_read_only,
    parse_name,
)
from vrus.db import driver
from vrus.db.engine import NOT_CONTENT, Database, prepare_sqlite_file, sqlite_url
from vrus.db.keys import RegisterKey
from vrus.db.models import Setting
from vrus.db.sqlite_files import copy_database, export_database
from vrus.erasure import erase_persons
from vrus.erasure_journal import pending_entries, set_register_id
from vrus.errors import VrusError
from vrus.logsetup import error_kind
from vrus.opening import open_database
from vrus.paths import private_dir
from vrus.private_files import check_target, create_private_file, private_file
from vrus.texts import Text, translate

log = logging.getLogger(__name__)

KEEP_SETTING = "backups.keep"
DEFAULT_KEEP = 10
MAX_KEEP = 1000
MAX_AGE_SETTING = "backups.max_age_days"
DEFAULT_MAX_AGE_DAYS = 90
MAX_AGE_DAYS = 3650
# The endings a copy of the register may have: a backup named "x.pdf" would open in nothing.
BACKUP_SUFFIXES = (".sqlite3", ".sqlite", ".db", ".bak")
# How long restore waits for the register to become free before saying it is in use.
_EXCLUSIVE_TIMEOUT_S = 1.0


@dataclass(frozen=True)
class AutoBackup:
    """What ``on_open`` or ``on_close`` did."""

    path: Path | None = None  # the backup written; None when none was due
    warning: Text | None = None  # a backup was due and failed: show it, then carry on
    # Persons erased earlier were back (the register was replaced by an older copy by hand)
    # and were erased again, or could not be: show it too.
    notice: Text | None = None


@dataclass(frozen=True)
class Restored:
    """What ``restore`` did."""

    safety: Path | None  # the register as it was before; None when there was none
    reapplied: tuple[int, ...] = ()  # the persons erased after the backup, erased again
    warning: Text | None = None  # the erasures could not be applied again (on_open retries)

    @property
    def notice(self) -> Text | None:
        """What to tell the user: how many erasures were applied again (None for none)."""
        count = len(self.reapplied)
        if count == 0:
            return None
        if count == 1:
            return translate("Core", "1 erasure made after this backup was applied again")
        return translate(
            "Core", "{count} erasures made after this backup were applied again"
        ).format(count=count)


def backup_now(
    db: Database | Path | str,
    target: Path | str | None = None,
    *,
    kind: str = MANUAL,
    now: dt.datetime | None = None,
    key: RegisterKey | None = None,
) -> Path:
    """Copy the register with SQLite's online backup API and check the copy; an encrypted
    register (its ``Database``, or ``key`` with a file) is copied encrypted with its key.

    Without ``target`` the copy goes into the backups folder under a name that says what
    kind of backup it is and when it was taken, and older backups beyond the number to keep
    are deleted (``prune_backups``). A ``target`` that exists is not overwritten.
    Raises ``BackupError`` when the copy cannot be written or does not pass the check (the
    copy is then deleted). Other windows may go on working meanwhile.
    """
    if isinstance(db, Database) and db.path is None:
        # A server register: a portable register file of it (vrus.server.portable).
        from vrus.server.portable import write_portable_copy

        return write_portable_copy(db, target, kind=kind, now=now).path
    database = database_file(db)
    key = key_of(db, key)
    if not database.is_file():
        raise BackupError(translate("Core", "{path} does not exist").format(path=str(database)))
    if target is None:
        folder = private_dir(backup_dir(database))
        path = new_backup_file(folder, database, kind, now or clock.local_now())
    else:
        path = check_target(target)
        if path.suffix.lower() not in BACKUP_SUFFIXES:
            raise BackupError(
                translate(
                    "Core",
                    "{path}: a backup is a database file; give it a name ending in .sqlite3 "
                    "(for a spreadsheet, use 'vrus export')",
                ).format(path=str(path))
            )
        if create_private_file(path) is None:  # never over anything, not even through a link
            raise BackupError(
                translate("Core", "{path} already exists; choose another name").format(
                    path=str(path)
                )
            )
    try:
        copy_database(database, path, key)
    except (OSError, *driver.Error) as error:
        path.unlink(missing_ok=True)
        log.error("a backup failed: %s", error_kind(error))
        raise BackupError(
            translate("Core", "the backup to {path} failed: {reason}").format(
                path=str(path), reason=str(error)
            )
        ) from error
    _revision, problem = check_backup_file(path, key)
    if problem is not None:
        path.unlink(missing_ok=True)
        log.error("a backup did not pass the check (%s); deleted", problem.source)
        raise BackupError(
            translate("Core", "the backup of {path} was not kept: {problem}").format(
                path=str(database), problem=problem
            )
        )
    log.info("backed up the register (%s)", kind)
    if target is None and kind in PRUNED_KINDS and isinstance(db, Database):
        prune_backups(db)
    return path


def daily_backup_if_due(db: Database, today: dt.date | None = None) -> Path | None:
    """The first start of a day backs the register up (and prunes); later ones do nothing.

    Any backup from ``today`` counts, so a register closed and opened again the same day is
    not copied twice. Returns the new backup, or None when none was due (or on a server).
    """
    if not _has_content(db):
        return None
    today = clock.or_today(today)
    if any(info.taken.date() == today for info in list_backups(db, check=False)):
        return None
    now = dt.datetime.combine(today, clock.local_now().time())
    return backup_now(db, kind=DAILY, now=now)


def _setting(db: Database, key: str) -> str | None:
    try:
        with db.sessions() as session:
            setting = session.get(Setting, key)
            return setting.value if setting is not None else None
    except SQLAlchemyError:  # a register not migrated yet has no settings table
        return None


def _number_setting(db: Database, key: str, default: int) -> int:
    value = _setting(db, key)
    try:
        return int(value) if value is not None else default
    except ValueError:
        log.warning("setting %s is not a number; using %d", key, default)
        return default


def backups_to_keep(db: Database) -> int:
    """The setting ``backups.keep``: how many daily, close and manual backups to keep."""
    return min(max(_number_setting(db, KEEP_SETTING, DEFAULT_KEEP), 1), MAX_KEEP)


def set_backups_to_keep(db: Database, count: int) -> None:
    if not 1 <= count <= MAX_KEEP:
        raise BackupError(
            translate("Core", "keep between 1 and {most} backups").format(most=MAX_KEEP)
        )
    with db.transaction() as session:
        session.merge(Setting(key=KEEP_SETTING, value=str(count)))


def backups_max_age(db: Database) -> int:
    """The setting ``backups.max_age_days``: backups older than this many days are deleted
    (0 or none set: the default, 90)."""
    days = _number_setting(db, MAX_AGE_SETTING, DEFAULT_MAX_AGE_DAYS)
    return DEFAULT_MAX_AGE_DAYS if days <= 0 else min(days, MAX_AGE_DAYS)


def set_backups_max_age(db: Database, days: int) -> None:
    """Keep backups for ``days`` days (1 to 3650); 0 goes back to the default."""
    if not 0 <= days <= MAX_AGE_DAYS:
        raise BackupError(
            translate(
                "Core", "keep backups between 1 and {most} days (0: the default, {default})"
            ).format(most=MAX_AGE_DAYS, default=DEFAULT_MAX_AGE_DAYS)
        )
    with db.transaction() as session:
        if days == 0:
            setting = session.get(Setting, MAX_AGE_SETTING)
            if setting is not None:
                session.delete(setting)
        else:
            session.merge(Setting(key=MAX_AGE_SETTING, value=str(days)))


def prune_backups(
    db: Database,
    keep: int | None = None,
    *,
    max_age_days: int | None = None,
    now: dt.datetime | None = None,
) -> list[Path]:
    """Delete what has expired (``keep`` and ``max_age_days`` default to the settings); returns
    what was deleted.

    Expired are the daily, close and manual backups in the folder beyond the newest ``keep``,
    and every one of them, and every safety copy made before a restore or a migration, taken
    more than ``max_age_days`` days before ``now`` (the local time, as in the file names).
    The newest good backup of all is never deleted, however old.
    """
    keep = backups_to_keep(db) if keep is None else keep
    max_age = backups_max_age(db) if max_age_days is None else max_age_days
    oldest = (now or clock.local_now()) - dt.timedelta(days=max_age)
    database = database_file(db)
    folder = backup_dir(database)
    expired = []
    counted = 0
    for info in list_backups(database, check=False):
        if info.kind in PRUNED_KINDS and info.path.parent == folder:
            counted += 1
            if counted > keep or info.taken < oldest:
                expired.append(info)
        elif _is_safety_copy(info, database) and info.taken < oldest:
            expired.append(info)
    if expired:
        # Opened only now, and only as many as needed: usually the newest backup is good.
        newest = newest_good_backup(database)
        expired = [info for info in expired if newest is None or info.path != newest.path]
    deleted = []
    for info in expired:
        try:
            _delete_backup(info.path)
        except OSError as error:
            log.warning("could not delete an old backup: %s", error_kind(error))
            continue
        deleted.append(info.path)
    if deleted:
        log.info("deleted %d old backup(s)", len(deleted))
    return deleted


def _is_safety_copy(info: BackupInfo, database: Path) -> bool:
    """A copy made before a restore (in the folder) or before a migration (beside the
    database): kept for a while in case the restore or the upgrade went wrong."""
    if info.path.parent == backup_dir(database):
        return info.kind == BEFORE_RESTORE
    return info.path.parent == database.parent and info.kind.startswith("before-")


def _delete_backup(path: Path) -> None:
    """The file, and a -wal beside it (a safety copy of a damaged register can have one).

    Deleting is enough: the backups are SQLite copies written with ``secure_delete``."""
    os.remove(path)
    for suffix in ("-wal", "-shm"):
        with suppress(FileNotFoundError):
            os.remove(path.with_name(path.name + suffix))


# --- Automatic backups: start and close -------------------------------------------------------

# Database files opened with ``on_open`` in this process, and those written to since their
# last backup (by file, so it holds across ``engine.dispose()`` and the engine's copies).
_TRACKED: set[str] = set()
_CHANGED: set[str] = set()
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "ALTER", "DROP")


def _key(path: Path | str) -> str:
    return str(Path(path).absolute())


def _note_write(connection: Connection, _cursor: object, statement: str, *_rest: object) -> None:
    if connection.get_execution_options().get(NOT_CONTENT):
        return  # the window's presence row: nothing of the register's content
    if statement.lstrip()[:7].upper().startswith(_WRITES):
        database = connection.engine.url.database
        if database:
            _CHANGED.add(_key(database))


def _track_changes(db: Database) -> None:
    assert db.path is not None
    if not event.contains(db.engine, "after_cursor_execute", _note_write):
        event.listen(db.engine, "after_cursor_execute", _note_write)
    _TRACKED.add(_key(db.path))


def _has_content(db: Database) -> bool:
    """A SQLite file with something in it ('vrus check' on a new path creates an empty one)."""
    return db.path is not None and db.path.is_file() and db.path.stat().st_size > 0


def has_unsaved_backup(db: Database) -> bool:
    """Something was written since ``on_open`` or the last close backup (or, not opened with
    ``on_open``, nobody knows: then yes)."""
    if db.path is None:
        return False
    key = _key(db.path)
    return key not in _TRACKED or key in _CHANGED


def on_open(db: Database, today: dt.date | None = None) -> AutoBackup:
    """Call right after opening the register: persons erased earlier who are back (the file
    was replaced by an older copy by hand) are erased again, then the day's first start backs
    the register up.

    Also starts noting writes, so ``on_close`` backs up only when something was saved.
    """
    if db.path is None:
        return AutoBackup()
    _track_changes(db)
    notice = _erase_again_on_open(db)
    try:
        return AutoBackup(path=daily_backup_if_due(db, today), notice=notice)
    except (BackupError, OSError, *driver.Error, SQLAlchemyError) as error:
        log.warning("daily backup failed: %s", error_kind(error))
        return AutoBackup(
            warning=_warning(translate("Core", "the daily backup failed: {reason}"), error),
            notice=notice,
        )


def reapply_erasures(db: Database) -> list[int]:
    """Erase again the persons the erasure journal says were erased in this register and
    who are back in it (``vrus.erasure_journal.pending_entries``); returns their ids.

    Each is erased as of the time it first was (the memberships it closed, the sign-ups for
    events after it), and not journaled again.
    """
    by_time: dict[dt.datetime, list[int]] = {}
    for person_id, at in pending_entries(db).items():
        by_time.setdefault(at, []).append(person_id)
    erased: list[int] = []
    for at, person_ids in sorted(by_time.items()):
        erased.extend(erase_persons(db, person_ids, now=at, journal=False))
    if erased:
        log.info("applied %d erasure(s) from the erasure journal again", len(erased))
    return sorted(erased)


_REAPPLY_ERRORS = (VrusError, OSError, *driver.Error, SQLAlchemyError)


def _erase_again_on_open(db: Database) -> Text | None:
    try:
        count = len(reapply_erasures(db))
    except _REAPPLY_ERRORS as error:
        log.warning("applying the erasure journal failed: %s", error_kind(error))
        return _reapply_failed(error)
    if count == 0:
        return None
    if count == 1:
        return translate(
            "Core",
            "1 person erased earlier was back in the register (an older copy of it was put "
            "in its place) and was erased again",
        )
    return translate(
        "Core",
        "{count} persons erased earlier were back in the register (an older copy of it was "
        "put in its place) and were erased again",
    ).format(count=count)


def _reapply_failed(error: BaseException) -> Text:
    reason = error.message if isinstance(error, VrusError) else str(error)
    return translate(
        "Core",
        "persons erased earlier are back in the register and could not be erased again "
        "({reason}); VRUS tries again the next time it opens the register",
    ).format(reason=str(reason))


def on_close(db: Database) -> AutoBackup:
    """Call before closing the register: back it up when something was saved since it was
    opened (a window that only looked at the register makes no copy), then prune."""
    if db.path is None or not _has_content(db) or not has_unsaved_backup(db):
        return AutoBackup()
    try:
        path = backup_now(db, kind=CLOSE)
    except (BackupError, OSError, *driver.Error, SQLAlchemyError) as error:
        log.warning("backup on close failed: %s", error_kind(error))
        return AutoBackup(
            warning=_warning(translate("Core", "the backup on closing failed: {reason}"), error)
        )
    _CHANGED.discard(_key(db.path))
    return AutoBackup(path=path)


def _warning(template: Text, error: BaseException) -> Text:
    reason = error.message if isinstance(error, BackupError) else str(error)
    return template.format(reason=str(reason))


# --- Restoring --------------------------------------------------------------------------------


@contextmanager
def _exclusive(database: Path, key: RegisterKey | None) -> Iterator[driver.Connection | None]:
    """The live register, opened so that nothing else can use it while it is replaced.

    Leaving WAL mode needs every other connection closed, so it doubles as the test that no
    other VRUS window or process has the register open. Yields None when the file is not
    readable as a database at all (it is then replaced whole).
    """
    connection = driver.connect_file(database, key, timeout=_EXCLUSIVE_TIMEOUT_S)
    try:
        try:
            connection.execute("PRAGMA journal_mode=DELETE").fetchall()
        except driver.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise BackupError(
                    translate(
                        "Core",
                        "{path} is in use by another VRUS window or program; close it "
                        "and restore again",
                    ).format(path=str(database))
                ) from None
            raise
        except driver.DatabaseError:
            connection.close()
            yield None
            return
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        yield connection
    finally:
        connection.close()


def _safety_copy(live: driver.Connection | None, database: Path, key: RegisterKey | None) -> Path:
    """The register as it is, into the backups folder, before it is replaced.

    With the backup API when SQLite can read it; byte for byte (with its -wal) when not.
    """
    folder = private_dir(backup_dir(database))
    target = new_backup_file(folder, database, BEFORE_RESTORE, clock.local_now())
    if live is not None:
        try:
            dest = driver.connect_file(target, key)
            try:
                live.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
            os.chmod(target, 0o600)
            return target
        except driver.DatabaseError as error:
            log.warning(
                "safety copy with the backup API failed (%s); copying the file", error_kind(error)
            )
    _copy_file(database, target)
    wal = database.with_name(database.name + "-wal")
    if wal.exists():
        _copy_file(wal, target.with_name(target.name + "-wal"))
    return target


def _copy_file(source: Path, target: Path) -> None:
    with source.open("rb") as original, private_file(target) as copy:
        shutil.copyfileobj(original, copy)


def _remove_database_files(database: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            database.with_name(database.name + suffix).unlink()


def restore(
    db_path: Path | str,
    backup_path: Path | str,
    key: RegisterKey | None = None,
    *,
    backup_key: RegisterKey | None = None,
) -> Restored:
    """Replace the register at ``db_path`` with ``backup_path``; returns the safety copy of
    the register as it was (None when there was no register) and the erasures applied again.
    ``key`` is the register's key (None: a plain register): the backup must open with it (or
    be plain), and stays encrypted with it in the register. ``backup_key`` opens a backup
    encrypted with another key (its recovery key: a backup from another computer); it is
    re-encrypted with the register's key as it is copied in.

    In order: the backup must be a VRUS database of a known schema version that passes the
    quick check; no other connection may have the register open (close the window's own
    ``Database`` first); the register as it is goes into the backups folder
    (``before-restore``); the backup is copied into the live file with the backup API; a
    backup of an older schema is upgraded; and the persons erased after the backup was taken
    are erased again (the erasure journal beside the register). Raises ``BackupError``
    (nothing changed) or, when the upgrade after copying fails, the error of opening it.
    """
    database = Path(db_path).absolute()
    source = Path(backup_path).absolute()
    if database.exists() and source.exists() and database.samefile(source):
        raise BackupError(
            translate("Core", "{path} is the register itself").format(path=str(source))
        )
    revision, problem = check_backup_file(source, backup_key or key)
    if problem is not None:
        raise BackupError(
            translate("Core", "{path} cannot be restored: {problem}").format(
                path=str(source), problem=problem
            )
        )
    identity = _identity_to_keep(database, source, key)
    try:
        safety = _replace(database, source, key, backup_key or key)
    except (*driver.Error, OSError) as error:
        log.exception("restoring a backup failed")
        raise BackupError(
            translate("Core", "restoring {path} failed: {reason}").format(
                path=str(source), reason=str(error)
            )
        ) from error
    os.chmod(database, 0o600)
    log.info(
        "restored a backup (schema %s); the previous register %s",
        revision,
        "is kept in the backups folder" if safety is not None else "was not there",
    )
    # Checks the result and upgrades an older schema (with its own before-migration backup).
    restored = open_database(sqlite_url(database), key=key)
    try:
        if identity is not None:
            set_register_id(restored, identity)
            log.info("the restored backup had no register identity; it keeps the register's")
        return _erase_again_after_restore(restored, safety)
    finally:
        restored.close()


def _erase_again_after_restore(db: Database, safety: Path | None) -> Restored:
    try:
        return Restored(safety, tuple(reapply_erasures(db)))
    except _REAPPLY_ERRORS as error:
        log.warning("applying the erasure journal after a restore failed: %s", error_kind(error))
        return Restored(safety, warning=_reapply_failed(error))


def _file_register_id(path: Path, key: RegisterKey | None) -> str | None:
    """The ``register_id`` inside a database file, read-only; None when it has none (made
    before registers had one) or cannot be read."""
    if not path.is_file():
        return None
    try:
        connection = open_read_only(path, key)
        try:
            row = connection.execute(
                "SELECT value FROM settings WHERE key = 'register_id'"
            ).fetchone()
        finally:
            connection.close()
    except driver.Error:
        return None
    return str(row[0]) if row else None


def _identity_to_keep(database: Path, source: Path, key: RegisterKey | None) -> str | None:
    """The identity a restored backup must take: the register's own, when the backup was made
    of this register before registers had one (the upgrade would give it a new one, and the
    erasures made since would never apply to it). Only this register's own copies qualify,
    in the backups folder or beside the register: a backup of another register never takes
    this register's identity, so this register's journal never erases anyone in it.
    """
    if parse_name(database, source) is None:
        return None
    if source.parent not in (backup_dir(database), database.parent):
        return None
    if _file_register_id(source, key) is not None:
        return None
    return _file_register_id(database, key)


def _replace(
    database: Path, source: Path, key: RegisterKey | None, source_key: RegisterKey | None
) -> Path | None:
    """Copy ``source`` over the live file; the safety copy of what was there, if anything.

    The backup API writes the whole copy in one transaction on the live file: if it fails,
    the register is left as it was. A live file too damaged to be written into that way (its
    old pages are read to journal them) is replaced whole; its safety copy is kept.
    """
    safety: Path | None = None
    replaced = False
    if database.is_file() and database.stat().st_size > 0:
        with _exclusive(database, key) as live:
            safety = _safety_copy(live, database, key)
            if live is not None:
                try:
                    _copy_into(source, source_key, live, key, database)
                    replaced = True
                except (*driver.DatabaseError, MemoryError) as error:
                    # SQLCipher says "out of memory" for a page that does not decrypt.
                    log.warning(
                        "the damaged register could not be written into (%s); replacing the file",
                        error_kind(error),
                    )
        if not replaced:  # not readable as a database: its copy is kept, the file replaced
            _remove_database_files(database)
    if not replaced:
        prepare_sqlite_file(database)
        fresh = driver.connect_file(database, key)
        try:
            _copy_into(source, source_key, fresh, key, database)
        finally:
            fresh.close()
    return safety


def _copy_into(
    source: Path,
    source_key: RegisterKey | None,
    live: driver.Connection,
    key: RegisterKey | None,
    database: Path,
) -> None:
    """The backup (opened with ``source_key``) into the live register (``key``). A backup of
    another kind or key than the register (a plain one made before the register was
    encrypted, one from another computer) is first written with the register's key into the
    backups folder: SQLCipher's backup API copies between files of the same kind only."""
    plain_source = driver.has_plain_header(source)
    same = (plain_source and key is None) or (
        not plain_source
        and key is not None
        and (source_key is None or source_key.secret == key.secret)
    )
    if not same:
        folder = private_dir(backup_dir(database))
        converted = new_backup_file(folder, database, "converting", clock.local_now())
        try:
            export_database(source, None if plain_source else source_key, converted, key)
            _copy_into(converted, key, live, key, database)
        finally:
            converted.unlink(missing_ok=True)
        return
    backup = open_read_only(source, key)
    try:
        backup.backup(live)
    finally:
        backup.close()
