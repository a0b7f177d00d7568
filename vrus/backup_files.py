"""The backups beside a register: where they live, what they are called, which are good.

Read by ``vrus.backup`` (making, pruning and restoring backups) and by ``vrus.opening``, which
names the newest good backup when a register is damaged; it opens files read-only and writes
nothing but an empty, owner-only file for a new backup to be copied into. The layout of the
backups folder is described in ``vrus.backup``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vrus.db import driver
from vrus.db.engine import Database
from vrus.db.integrity import (
    SCHEMA_OBJECTS_SQL,
    first_problem,
    foreign_object_text,
    foreign_objects,
)
from vrus.db.keys import RegisterKey
from vrus.db.migrate import is_known_revision
from vrus.errors import VrusError
from vrus.private_files import create_numbered_private_file
from vrus.texts import Text, translate

log = logging.getLogger(__name__)

BACKUP_DIR_NAME = "backups"

DAILY = "daily"
CLOSE = "close"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
KINDS = (DAILY, CLOSE, MANUAL, BEFORE_RESTORE)
PRUNED_KINDS = frozenset({DAILY, CLOSE, MANUAL})

STAMP = "%Y%m%d-%H%M%S"
# After "<database file>.": kind, time stamp, a counter when two fall in the same second.
_NAME_TAIL = re.compile(
    r"(?P<kind>[a-z0-9]+(?:-[a-z0-9]+)*?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.bak"
)


class BackupError(VrusError):
    """A backup or a restore could not be done; ``message`` is the ``Text`` to translate."""

    def __init__(self, message: Text | str) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: what the window's restore dialog lists."""

    path: Path
    kind: str  # daily, close, manual, before-restore or before-<schema revision>
    taken: dt.datetime  # local time, from the file name
    size: int  # bytes
    revision: str | None = None  # the schema version inside; None when not checked or none
    problem: Text | None = None  # why it cannot be restored; None when it passed
    checked: bool = False  # revision and problem were filled in by opening the file

    @property
    def ok(self) -> bool:
        """Checked and good: a known schema version and an intact file."""
        return self.checked and self.problem is None

    @property
    def automatic(self) -> bool:
        return self.kind in (DAILY, CLOSE)


# --- Where backups live -----------------------------------------------------------------------


def database_file(db: Database | Path | str) -> Path:
    if isinstance(db, Database):
        if db.path is None:
            raise BackupError(
                translate(
                    "Core", "{database} is a server database: use the server's own backups"
                ).format(database=db.display_name)
            )
        return db.path.absolute()
    return Path(db).absolute()


def backup_dir(db: Database | Path | str) -> Path:
    """The backups folder of a register: ``backups`` beside the database file."""
    return database_file(db).parent / BACKUP_DIR_NAME


def parse_name(database: Path, file: Path) -> tuple[str, dt.datetime, int] | None:
    """(kind, time taken, counter) when ``file`` is one of VRUS's backups of ``database``."""
    prefix = database.name + "."
    if not file.name.startswith(prefix):
        return None
    match = _NAME_TAIL.fullmatch(file.name[len(prefix) :])
    if match is None:
        return None
    try:
        taken = dt.datetime.strptime(match["stamp"], STAMP)
    except ValueError:
        return None
    return match["kind"], taken, int(match["n"] or 1)


def new_backup_file(folder: Path, database: Path, kind: str, now: dt.datetime) -> Path:
    """Create an empty, owner-only file with a name no other backup has."""
    return create_numbered_private_file(
        folder, f"{database.name}.{kind}-{now.strftime(STAMP)}", ".bak"
    )


# --- Checking a file --------------------------------------------------------------------------


def open_read_only(path: Path, key: RegisterKey | None = None) -> Any:
    """Open a database file read-only, creating nothing beside it; with ``key`` when it is
    encrypted (see ``vrus.db.driver.connect_file``)."""
    return driver.connect_file(
        path, key if not driver.has_plain_header(path) else None, read_only=True
    )


def key_of(db: Database | Path | str, key: RegisterKey | None = None) -> RegisterKey | None:
    """The key a register's backups are encrypted with: its own (or the one given)."""
    return db.key if isinstance(db, Database) else key


def check_backup_file(path: Path, key: RegisterKey | None = None) -> tuple[str | None, Text | None]:
    """(schema revision, problem) of a file offered as a backup; problem None = restorable.

    Restorable means: an SQLite file (plain, or encrypted with ``key``, the register's key)
    with a VRUS schema version this program knows, which passes SQLite's quick check and
    holds no trigger or view (VRUS makes none: another program put it there).
    """
    path = Path(path)
    if path.is_dir():
        return None, translate("Core", "it is a folder")
    if path.exists() and not path.is_file():
        return None, translate("Core", "not a database file (a device or a pipe)")
    if not path.is_file():
        return None, translate("Core", "the file does not exist")
    plain = driver.has_plain_header(path)
    if not plain and not driver.may_be_encrypted(path):
        return None, translate("Core", "not a VRUS database (not an SQLite file)")
    if not plain and key is None:
        return None, translate(
            "Core",
            "encrypted, and this computer holds no key for it: enter its recovery key first "
            "('vrus key import' on a new computer), or give it with --backup-key-file",
        )
    if not plain and key is not None and not driver.key_opens(path, key):
        return None, translate(
            "Core",
            "encrypted with another key than this register's (a backup from another "
            "computer? restore it with that register's recovery key: --backup-key-file, or "
            "Another file… in the window)",
        )
    try:
        connection = open_read_only(path, key)
        try:
            try:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            except driver.OperationalError:
                return None, translate("Core", "not a VRUS database (no schema version)")
            revision = row[0] if row else None
            if revision is None:
                return None, translate("Core", "not a VRUS database (no schema version)")
            if not is_known_revision(revision):
                return revision, translate(
                    "Core", "made by a newer VRUS (schema {revision})"
                ).format(revision=revision)
            rows = [str(r[0]) for r in connection.execute("PRAGMA quick_check")]
            found = foreign_objects(connection.execute(SCHEMA_OBJECTS_SQL).fetchall())
        finally:
            connection.close()
    except driver.DatabaseError as error:
        return None, translate("Core", "damaged: {reason}").format(reason=str(error))
    if rows != ["ok"]:
        return revision, translate("Core", "damaged: {reason}").format(reason=first_problem(rows))
    if found:
        return revision, foreign_object_text(*found[0])
    return revision, None


def inspect_backup(path: Path, key: RegisterKey | None = None) -> BackupInfo:
    """A file's details and whether it can be restored into the register whose key is ``key``
    (any file, also one not in the folder)."""
    path = Path(path).absolute()
    revision, problem = check_backup_file(path, key)
    size = path.stat().st_size if path.is_file() else 0
    taken = dt.datetime.fromtimestamp(path.stat().st_mtime) if path.is_file() else dt.datetime.min
    kind = MANUAL
    for candidate in _database_names(path):
        parsed = parse_name(path.with_name(candidate), path)
        if parsed is not None:
            kind, taken, _ = parsed
            break
    return BackupInfo(path, kind, taken, size, revision, problem, checked=True)


def _database_names(path: Path) -> Iterator[str]:
    """The database names a backup's file name may start with ("register.sqlite3", ...)."""
    parts = path.name.split(".")
    for end in range(len(parts) - 1, 0, -1):
        yield ".".join(parts[:end])


# --- Listing ----------------------------------------------------------------------------------


def list_backups(
    db: Database | Path | str, *, check: bool = True, key: RegisterKey | None = None
) -> list[BackupInfo]:
    """This register's backups, newest first: the folder's and the before-migration ones
    beside the database. ``check`` opens each (with the register's key, or ``key`` when
    ``db`` is a file) to fill in ``revision`` and ``problem``."""
    database = database_file(db)
    key = key_of(db, key)
    found: list[tuple[dt.datetime, int, int, BackupInfo]] = []
    places = [(backup_dir(database), None), (database.parent, "before-")]
    for folder, kind_prefix in places:
        if not folder.is_dir():
            continue
        for file in folder.iterdir():
            parsed = parse_name(database, file)
            if parsed is None or not file.is_file():
                continue
            kind, taken, counter = parsed
            if kind_prefix is not None and not kind.startswith(kind_prefix):
                continue
            stat = file.stat()
            info = BackupInfo(file, kind, taken, stat.st_size)
            if check:
                revision, problem = check_backup_file(file, key)
                info = BackupInfo(file, kind, taken, info.size, revision, problem, checked=True)
            # Two backups in the same second: the counter, then the file's own time decide.
            found.append((taken, counter, stat.st_mtime_ns, info))
    found.sort(key=lambda item: item[:3], reverse=True)
    return [item[3] for item in found]


def newest_good_backup(
    db: Database | Path | str, key: RegisterKey | None = None
) -> BackupInfo | None:
    """The newest backup that passes the checks (opening only as many as needed)."""
    key = key_of(db, key)
    for info in list_backups(db, check=False):
        revision, problem = check_backup_file(info.path, key)
        if problem is None:
            return BackupInfo(
                info.path, info.kind, info.taken, info.size, revision, None, checked=True
            )
        log.warning("a backup cannot be restored (%s)", problem.source)
    return None


# --- Making backups ---------------------------------------------------------------------------
