"""The audit trail: who changed what about a person, and who exported or printed their data.

An entry names the actor (the OS user; on a server the database login), the time, the
action, the table and row, the person the row is about, and the names of the fields changed:
never their values, so the trail is not a second copy of the register. It is kept for a set
period (the register setting ``audit.keep_days``) and erased with the person
(``vrus.erasure``).

Changes are recorded by themselves: ``watch`` hooks a listener on the register's sessions
(``vrus.db.engine.connect`` calls it) that turns every ORM flush touching a person-related
table into create/update/delete entries, in the same transaction as the change. Bulk Core
statements (``session.execute(insert(...))``) do not pass through the unit of work; the few
places that write persons that way (the member import) record with ``record`` themselves.
Exports and printouts with health data record with ``record`` too.
"""

from __future__ import annotations

import datetime as dt
import getpass
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, event, func, insert, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from vrus import clock
from vrus.conflicts import store_setting
from vrus.db.enums import AuditAction
from vrus.db.models import (
    Allergy,
    Attendance,
    AuditEntry,
    Base,
    Consent,
    Guardian,
    Membership,
    Person,
    PersonDiet,
    PersonGuardian,
    PersonInstrument,
    Setting,
    SignUp,
    VolunteerDuty,
)
from vrus.errors import VrusError
from vrus.texts import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import UOWTransaction

    from vrus.db.engine import Database

log = logging.getLogger(__name__)

KEEP_SETTING = "audit.keep_days"
DEFAULT_KEEP_DAYS = 730  # two years: long enough to answer "who printed this?"
MIN_KEEP_DAYS, MAX_KEEP_DAYS = 1, 3650
UNKNOWN_ACTOR = "unknown"
CHUNK = 500  # guardian ids per query
_LOGIN = "vrus_login"  # where a server connection keeps its database user (``info``)

# Rows about one person: the person is their ``person_id``.
_OWN_ROWS: tuple[type[Base], ...] = (
    Allergy,
    PersonDiet,
    PersonInstrument,
    PersonGuardian,
    Membership,
    SignUp,
    Attendance,
    Consent,
)
# Rows about a guardian: the persons are the guardian's children.
_GUARDIAN_ROWS: tuple[type[Base], ...] = (Guardian, VolunteerDuty)
_WATCHED: tuple[type[Base], ...] = (Person, *_OWN_ROWS, *_GUARDIAN_ROWS)
WATCHED_TABLES = frozenset(model.__table__.name for model in _WATCHED)
# Kept by the database itself, changed by every edit: listing them would say nothing.
# The name keys are derived from the names (vrus.collation.name_key): the names say it.
BOOKKEEPING = frozenset(
    {
        "id",
        "person_id",
        "created_at",
        "updated_at",
        "version",
        "recorded_at",
        "first_name_key",
        "last_name_key",
    }
)
# A new row's fields that hold nothing (left empty, or a default "no") are not listed.
EMPTY: tuple[object, ...] = (None, "", False)


def actor(session: Session | None = None) -> str:
    """Who is acting: on a server the database login of ``session`` (``current_user``: the
    user as the server knows them, which its row-level security checks entries against);
    otherwise the OS user name."""
    if session is not None and session.get_bind().dialect.name == "postgresql":
        return _login(session.connection())
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment or passwd
        return UNKNOWN_ACTOR
    return name[:100] or UNKNOWN_ACTOR


def _login(connection: Connection) -> str:
    """The connection's database user, asked once per connection (it never changes)."""
    name = connection.info.get(_LOGIN)
    if name is None:
        name = connection.info[_LOGIN] = str(connection.scalar(text("SELECT current_user")))
    return str(name)[:100] or UNKNOWN_ACTOR


def record(
    session: Session,
    action: AuditAction,
    *,
    what: str | None = None,
    person_ids: Iterable[int] = (),
    table_name: str | None = None,
    fields: Iterable[str] = (),
) -> None:
    """Add one entry per person (one without a person when there is none), in the caller's
    transaction: it is saved when the caller's transaction commits, and not otherwise.

    ``what`` is a short description without personal data ("lunch sheet PDF, event 12"):
    never a name, a value or a file name (which can hold a name). ``fields`` are column
    names, for a change made with a bulk statement the listener does not see."""
    who, now = actor(session), clock.utc_now()
    ids: list[int | None] = list(dict.fromkeys(person_ids)) or [None]
    names = ", ".join(fields)[:500] or None
    session.add_all(
        AuditEntry(
            at=now,
            actor=who,
            action=action.value,
            table_name=table_name,
            person_id=person_id,
            fields=names,
            what=what[:200] if what else None,
        )
        for person_id in ids
    )


# --- recording changes by themselves ---------------------------------------------------------


def watch(sessions: sessionmaker[Session]) -> None:
    """Record the changes made through the sessions of ``sessions`` (the register's; called
    once, for a new sessionmaker).

    No ``event.contains`` check first: SQLAlchemy keys its registry by the target's ``id()``,
    and a new sessionmaker can get the id of one freed a moment ago whose entry is still
    there; the check then said "already listening" and that register's changes went
    unrecorded (seen as an audit trail with only the explicit entries, now and then)."""
    event.listen(sessions, "after_flush", _after_flush)


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    """Turn the flush's creates, updates and deletes into entries, in the same transaction.

    After a flush the new rows have their ids, and ``session.new``, ``dirty`` and ``deleted``
    with each attribute's history still describe what this flush wrote."""
    changes = [
        *((obj, AuditAction.CREATE) for obj in session.new),
        *((obj, AuditAction.UPDATE) for obj in session.dirty),
        *((obj, AuditAction.DELETE) for obj in session.deleted),
    ]
    changes = [(obj, action) for obj, action in changes if _watched(obj)]
    if not changes:
        return
    children = _children_of_guardians(session, changes)
    who, now = actor(session), clock.utc_now()
    rows = []
    for obj, action in changes:
        fields = _fields(obj, action)
        if fields is None:
            continue  # in ``dirty`` for a relationship only: its rows have their own entries
        for person_id in _persons_of(obj, children):
            rows.append(
                {
                    "at": now,
                    "actor": who,
                    "action": action.value,
                    "table_name": obj.__tablename__,
                    "row_id": _row_id(obj),
                    "person_id": person_id,
                    "fields": ", ".join(fields)[:500] or None,
                    "what": None,
                }
            )
    if rows:
        # Core, on the flush's own connection: an ORM add here would need another flush.
        session.connection().execute(insert(AuditEntry.__table__), rows)


def _watched(obj: object) -> bool:
    return getattr(obj, "__tablename__", None) in WATCHED_TABLES


def _fields(obj: Any, action: AuditAction) -> list[str] | None:
    """The names of the fields written: set on a new row, changed on an updated one (None
    when no column changed), none for a deleted row."""
    if action is AuditAction.DELETE:
        return []
    state = inspect(obj)
    names = [
        attr.key
        for attr in state.mapper.column_attrs
        if attr.key not in BOOKKEEPING
        and (
            state.dict.get(attr.key) not in EMPTY
            if action is AuditAction.CREATE
            else state.attrs[attr.key].history.has_changes()
        )
    ]
    if action is AuditAction.UPDATE and not names:
        return None
    return names


def _row_id(obj: Any) -> int | None:
    """The row's id; for a link table the id of what the person is linked to."""
    state = inspect(obj)
    if "id" in state.mapper.columns:
        return state.dict.get("id")
    for column in state.mapper.primary_key:
        value = state.dict.get(column.key)
        if column.key != "person_id" and isinstance(value, int):
            return value
    return None


def _guardian_id(obj: Any) -> int | None:
    if isinstance(obj, Guardian):
        return inspect(obj).dict.get("id")
    if isinstance(obj, VolunteerDuty):
        return inspect(obj).dict.get("guardian_id")
    return None


def _children_of_guardians(
    session: Session, changes: list[tuple[Any, AuditAction]]
) -> dict[int, set[int]]:
    """Each guardian's children, as the flush left them (plus links it just removed)."""
    ids = {gid for obj, _ in changes if (gid := _guardian_id(obj)) is not None}
    if not ids:
        return {}
    children: dict[int, set[int]] = {gid: set() for gid in ids}
    wanted = sorted(ids)
    for start in range(0, len(wanted), CHUNK):  # SQLite limits the bound values of a statement
        query = select(PersonGuardian.person_id, PersonGuardian.guardian_id).where(
            PersonGuardian.guardian_id.in_(wanted[start : start + CHUNK])
        )
        for person_id, guardian_id in session.connection().execute(query):
            children[guardian_id].add(person_id)
    for obj, action in changes:
        if action is AuditAction.DELETE and isinstance(obj, PersonGuardian):
            link = inspect(obj).dict
            if link.get("guardian_id") in children and link.get("person_id") is not None:
                children[link["guardian_id"]].add(link["person_id"])
    return children


def _persons_of(obj: Any, children: dict[int, set[int]]) -> list[int | None]:
    """The persons a row is about: one entry is written for each (one without if none)."""
    if isinstance(obj, Person):
        return [inspect(obj).dict.get("id")]
    if isinstance(obj, _GUARDIAN_ROWS):
        gid = _guardian_id(obj)
        linked = children.get(gid, set()) if gid is not None else set()
        found: list[int | None] = [*sorted(linked)]
        return found or [None]
    return [inspect(obj).dict.get("person_id")]


# --- keeping the trail for a set period ------------------------------------------------------


def keep_days(session: Session) -> int:
    """The register setting ``audit.keep_days``: how long entries are kept (default 730)."""
    setting = session.get(Setting, KEEP_SETTING)
    if setting is None:
        return DEFAULT_KEEP_DAYS
    try:
        days = int(setting.value)
    except ValueError:
        log.warning("setting %s is not a number; using %d", KEEP_SETTING, DEFAULT_KEEP_DAYS)
        return DEFAULT_KEEP_DAYS
    return min(max(days, MIN_KEEP_DAYS), MAX_KEEP_DAYS)


def set_keep_days(db: Database, days: int, original: int | None = None) -> None:
    """Keep the trail ``days`` days; ``original`` is the period the user saw (another
    user's other period saved meanwhile is a ``ConflictError``, vrus.conflicts)."""
    if not MIN_KEEP_DAYS <= days <= MAX_KEEP_DAYS:
        raise VrusError(
            translate("Core", "keep the audit trail between {least} and {most} days").format(
                least=MIN_KEEP_DAYS, most=MAX_KEEP_DAYS
            )
        )
    store_setting(
        db,
        KEEP_SETTING,
        days,
        label=translate("Core", "Keep the change history (days)"),
        original=original,
        read=_keep_days_of,
    )


def _keep_days_of(stored: str | None) -> int:
    """The period a stored text gives (``keep_days``), the default for none."""
    try:
        days = int(stored) if stored is not None else DEFAULT_KEEP_DAYS
    except ValueError:
        return DEFAULT_KEEP_DAYS
    return min(max(days, MIN_KEEP_DAYS), MAX_KEEP_DAYS)


def _cutoff(session: Session, today: dt.date) -> dt.datetime:
    """Entries made before this stored (UTC) time are past keeping: those of local days more
    than ``keep_days`` before ``today``."""
    first_kept = today - dt.timedelta(days=keep_days(session))
    local_midnight = dt.datetime.combine(first_kept, dt.time()).astimezone()
    return local_midnight.astimezone(dt.UTC).replace(tzinfo=None)


def expired_entries(session: Session, today: dt.date | None = None) -> int:
    """How many entries are past the keeping period on ``today``."""
    cutoff = _cutoff(session, clock.or_today(today))
    return session.scalar(select(func.count()).where(AuditEntry.at < cutoff)) or 0


def delete_expired_entries(db: Database, today: dt.date | None = None) -> int:
    """Delete the entries past the keeping period; returns how many went."""
    with db.transaction() as session:
        cutoff = _cutoff(session, clock.or_today(today))
        result = session.execute(delete(AuditEntry).where(AuditEntry.at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)


# --- reading, for the editor's History -------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime  # stored, UTC
    actor: str
    action: str  # an AuditAction value
    table_name: str | None
    fields: tuple[str, ...]
    what: str | None


def history(session: Session, person_id: int) -> list[HistoryEntry]:
    """Everything the trail holds about one person, newest first."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.person_id == person_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    return [
        HistoryEntry(
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            table_name=entry.table_name,
            fields=tuple(_split(entry.fields)),
            what=entry.what,
        )
        for entry in session.scalars(query)
    ]


def _split(fields: str | None) -> Iterator[str]:
    for name in (fields or "").split(","):
        if name.strip():
            yield name.strip()
