"""The erasure journal: which persons were erased, kept where a restore cannot undo it.

Restoring a backup replaces the register file, and with it every erasure made after the
backup was taken. So each erasure is also written, ids only, to a file beside the register:
``<database file>.erasures``, owner-only (0600), one JSON object per line::

    {"register": "<the register's register_id>", "person": 17, "at": "2026-12-02T11:00:00+00:00"}

No names and nothing else: the journal must not itself become a copy of what was erased.
``register`` is the register's identity (the setting ``register_id``, made by migration
0004), which a backup of the register carries too; an entry is only ever applied to the
register it was made in, so a backup of another register restored in this place is not
touched. ``at`` is the UTC time of the erasure.

``pending_erasures`` finds the journal's persons that are back (in the register, not erased):
the register was replaced by an older copy, by ``vrus restore``, the window, or by hand with a
file manager. ``vrus.backup`` erases them again after a restore and whenever the register is
opened. A person made after the erasure (a new row that got a freed id, after a backup older
than the erased person was restored) is not the erased person and is never pending.

A server database (PostgreSQL) has no file beside it: the journal does nothing there.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from vrus.db.engine import Database
from vrus.db.models import Person, Setting
from vrus.errors import VrusError
from vrus.logsetup import error_kind
from vrus.private_files import create_private_file, sync_folder
from vrus.texts import translate

log = logging.getLogger(__name__)

JOURNAL_SUFFIX = ".erasures"
REGISTER_ID = "register_id"


class ErasureJournalError(VrusError):
    """The erasure was saved, but the journal could not be written."""


@dataclass(frozen=True)
class JournalEntry:
    register: str
    person: int
    at: dt.datetime  # UTC, without a zone (as stored timestamps are)


def journal_path(db: Database) -> Path | None:
    """``<database file>.erasures`` beside the register; None on a server database."""
    if db.path is None:
        return None
    database = db.path.absolute()
    return database.with_name(database.name + JOURNAL_SUFFIX)


def register_id(db: Database) -> str | None:
    """The register's identity; None when it has none (a register older than migration 0004,
    or a file that is not yet a register)."""
    try:
        with db.sessions() as session:
            setting = session.get(Setting, REGISTER_ID)
            return setting.value if setting is not None else None
    except SQLAlchemyError:
        return None


def set_register_id(db: Database, value: str) -> None:
    """Give the register an identity (``vrus.backup`` does, for an old backup of this
    register that was made before registers had one)."""
    with db.transaction() as session:
        session.merge(Setting(key=REGISTER_ID, value=value))


def _own_register_id(db: Database) -> str:
    """The identity to journal under; made now if the register somehow has none, so that the
    erasure is journaled all the same."""
    existing = register_id(db)
    if existing is not None:
        return existing
    made = str(uuid.uuid4())
    set_register_id(db, made)
    return made


# --- Writing --------------------------------------------------------------------------------


def record_erasures(db: Database, person_ids: Iterable[int], at: dt.datetime) -> None:
    """Append one line per erased person and flush it to the disk.

    Called by ``vrus.erasure.erase_persons`` after its transaction committed. On a server
    database (a PostgreSQL URL) it does nothing: there is no file beside the register, and a
    server is restored by its own tools. Raises ``ErasureJournalError`` when the file cannot
    be written (the erasure itself stays done).
    """
    path = journal_path(db)
    ids = list(dict.fromkeys(person_ids))
    if path is None or not ids:
        return
    register = _own_register_id(db)
    stamp = _utc_text(at)
    lines = "".join(
        json.dumps({"register": register, "person": person_id, "at": stamp}) + "\n"
        for person_id in ids
    )
    try:
        _append(path, lines.encode("utf-8"))
    except OSError as error:
        log.error("the erasure journal could not be written: %s", error_kind(error))
        raise ErasureJournalError(
            translate(
                "Core",
                "the erasure was saved, but the erasure journal {path} could not be written "
                "({reason}): a backup restored later may bring the person back",
            ).format(path=str(path), reason=error.strerror or str(error))
        ) from None


def _append(path: Path, data: bytes) -> None:
    created = create_private_file(path) is not None
    flags = os.O_RDWR | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)  # read: the last byte
    fd = os.open(path, flags)
    try:
        os.fchmod(fd, 0o600)  # a journal copied in with other permissions becomes private
        size = os.fstat(fd).st_size
        # A line cut short (a crash while writing) must not swallow the next entry.
        if size and os.pread(fd, 1, size - 1) != b"\n":
            data = b"\n" + data
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        sync_folder(path.parent)


def _utc_text(at: dt.datetime) -> str:
    utc = at.astimezone(dt.UTC) if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return utc.replace(microsecond=0).isoformat()


# --- Reading --------------------------------------------------------------------------------


def read_journal(path: Path) -> list[JournalEntry]:
    """Every valid entry of a journal file, in order; a damaged line is skipped with a
    warning that names its number only (never what it holds)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    entries = []
    for number, line in enumerate(raw.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        entry = _parse(line)
        if entry is None:
            log.warning("erasure journal: line %d is not a valid entry; skipped", number)
            continue
        entries.append(entry)
    return entries


def _parse(line: str) -> JournalEntry | None:
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    register, person, at = data.get("register"), data.get("person"), data.get("at")
    if not isinstance(register, str) or not register:
        return None
    if not isinstance(person, int) or isinstance(person, bool) or person <= 0:
        return None
    if not isinstance(at, str):
        return None
    try:
        when = dt.datetime.fromisoformat(at)
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return JournalEntry(register, person, when)


def pending_entries(db: Database) -> dict[int, dt.datetime]:
    """The journal's persons of this register who are back, with when they were erased.

    Back means: the person is in the register, is not erased, and was made before the
    erasure (a later person with the same id is someone else).
    """
    path = journal_path(db)
    if path is None or not path.is_file():
        return {}
    register = register_id(db)
    if register is None:
        return {}
    erased: dict[int, list[dt.datetime]] = {}
    for entry in read_journal(path):
        if entry.register == register:
            erased.setdefault(entry.person, []).append(entry.at)
    if not erased:
        return {}
    with db.sessions() as session:
        rows = session.execute(
            select(Person.id, Person.created_at).where(
                Person.id.in_(erased), Person.erased_at.is_(None)
            )
        ).all()
    pending = {}
    for person_id, created in rows:
        times = [at for at in erased[person_id] if created is None or created <= at]
        if times:
            pending[person_id] = min(times)
    return dict(sorted(pending.items()))


def pending_erasures(db: Database) -> list[int]:
    """The ids of ``pending_entries``: erased in this register, and back in it."""
    return list(pending_entries(db))
