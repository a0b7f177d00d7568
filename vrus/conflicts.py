"""Saves that lost a race: what the user wanted, what the register holds now, and a choice.

Every row users edit carries a version (``version`` on the models, raised by the ORM on each
UPDATE). An edit passes the version the user started from; when another user (or window)
saved the same row in between, the edit is refused with a ``ConflictError`` instead of
overwriting theirs. The error carries, for each field the user changed and the other user
changed too, the field's label, the value this user wanted and the value now in the
register, and who changed the row last and when where the audit trail says so.
``resolve(db, conflict, Choice.MINE)`` writes the user's values over the new version in one
transaction (refused again, with a new conflict, if the row moved once more meanwhile);
``Choice.THEIRS`` keeps what is in the register and writes nothing.

A field is in conflict only if someone else changed it: when the caller says what the user
started from (``original``), a field the other user left alone is saved without asking, and
fields equal on both sides are no conflict at all. Without ``original`` every field whose
value differs from the user's is shown. Nothing is overwritten silently either way.

Two ways to lose the race, one outcome: the version read in the transaction is not the one
the user started from (the usual case), or another transaction saved between that read and
this UPDATE (the ORM's ``StaleDataError``, possible on PostgreSQL, where a transaction does
not lock the register as SQLite's BEGIN IMMEDIATE does); ``stale_is_conflict`` turns the
second into the first by reading the row again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from vrus import clock
from vrus.dates import format_date
from vrus.db.enums import (
    Answer,
    AttendanceStatus,
    AuditAction,
    DutyTask,
    Gender,
    GuardianRelation,
)
from vrus.db.models import (
    AuditEntry,
    Ensemble,
    Guardian,
    Instrument,
    Municipality,
    Organisation,
    Project,
    Setting,
)
from vrus.errors import VrusError
from vrus.reports.labels import END_REASONS, EVENT_KINDS, IRIS_TYPES, NO, YES
from vrus.texts import Text, translate

if TYPE_CHECKING:  # types only: the engine loads the audit trail, which imports this module
    from vrus.db.engine import Database

# The version an edit passes for a row that did not exist when the user read it (a sign-up
# not answered, attendance not recorded): versions start at 1.
NO_ROW = 0


class Choice(StrEnum):
    MINE = "mine"  # write the user's values over the other user's
    THEIRS = "theirs"  # keep what is in the register; the user's values are dropped


# Writes the user's values again over the register's ``version``; returns what the edit
# returns (a person's edit: its Change, for undo).
Save = Callable[["Database", int], Any]


@dataclass(frozen=True)
class FieldConflict:
    """One field both users changed: the user's value and the one now in the register, with
    the words to show them (a date as dd.mm.yyyy, a municipality by name)."""

    name: str
    label: Text
    mine: Any
    theirs: Any
    mine_shown: Text | str
    theirs_shown: Text | str


class ConflictError(VrusError):
    """Someone else changed the row since the user read it; ``str(error)`` says so.

    ``what`` names the row ("the sign-up of Åse Ødegård for 'Helgeseminar'"), ``fields``
    are the fields both changed, ``version`` the register's version now (``NO_ROW`` when
    the row is gone), ``changed_by``/``changed_at`` the last change the audit trail knows of
    (None where it keeps none), and ``save`` writes the user's values again."""

    def __init__(
        self,
        message: Text | str,
        *,
        what: Text | str = "",
        fields: tuple[FieldConflict, ...] = (),
        version: int | None = None,
        changed_by: str | None = None,
        changed_at: dt.datetime | None = None,
        save: Save | None = None,
    ) -> None:
        super().__init__(message)
        self.what = what
        self.fields = fields
        self.version = version
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.save = save


def resolve(db: Database, conflict: ConflictError, choice: Choice | str) -> Any:
    """Settle ``conflict`` as the user chose. ``Choice.MINE`` writes the user's values over
    the version now in the register, in one transaction, and returns what the edit returns;
    if the row moved again meanwhile, that raises a new ``ConflictError``. ``Choice.THEIRS``
    writes nothing and returns None."""
    if Choice(choice) is Choice.THEIRS:
        return None
    if conflict.save is None or conflict.version is None:
        raise VrusError(
            translate("Core", "this change cannot be saved again; reload and make it again")
        )
    return conflict.save(db, conflict.version)


# --- finding the fields in conflict ----------------------------------------------------------

FIELD_LABELS: dict[str, Text] = {
    "first_name": translate("Core", "First name"),
    "last_name": translate("Core", "Last name"),
    "birth_date": translate("Core", "Born"),
    "gender": translate("Core", "Gender"),
    "municipality_id": translate("Core", "Municipality"),
    "culture_school_id": translate("Core", "Culture school"),
    "phone": translate("Core", "Phone"),
    "email": translate("Core", "E-mail"),
    "address": translate("Core", "Address"),
    "postal_code": translate("Core", "Postal code"),
    "postal_place": translate("Core", "Postal town"),
    "diet_note": translate("Core", "Diet"),
    "notes": translate("Core", "Notes"),
    "archived_at": translate("Core", "Archived"),
    "kind": translate("Core", "Kind"),
    "title": translate("Core", "Title"),
    "venue": translate("Core", "Venue"),
    "description": translate("Core", "Description"),
    "iris_type": translate("Core", "IRIS type"),
    "audience_count": translate("Core", "Audience"),
    "signup_deadline": translate("Core", "Sign-up deadline"),
    "project_id": translate("Core", "Project"),
    "days": translate("Core", "Days"),
    "attending": translate("Core", "Attending"),
    "wants_lunch": translate("Core", "Lunch"),
    "note": translate("Core", "Note"),
    "status": translate("Core", "Attendance"),
    "instrument_id": translate("Core", "Instrument"),
    "ensemble_id": translate("Core", "Ensemble"),
    "start_date": translate("Core", "Started"),
    "end_date": translate("Core", "Ended"),
    "end_reason": translate("Core", "Why it ended"),
    "end_note": translate("Core", "Note on the end"),
    "task": translate("Core", "Task"),
    "value": translate("Core", "Value"),
    "relation": translate("Core", "Relation"),
}

EMPTY = translate("Core", "(empty)")
_CODES: dict[str, Mapping[str, Text]] = {
    "gender": {
        Gender.FEMALE.value: translate("Core", "female"),
        Gender.MALE.value: translate("Core", "male"),
        Gender.OTHER.value: translate("Core", "other"),
    },
    "attending": {
        Answer.YES.value: translate("Core", "coming"),
        Answer.NO.value: translate("Core", "not coming"),
        Answer.UNKNOWN.value: translate("Core", "not answered"),
    },
    "status": {
        AttendanceStatus.PRESENT.value: translate("Core", "present"),
        AttendanceStatus.ABSENT.value: translate("Core", "absent"),
        AttendanceStatus.EXCUSED.value: translate("Core", "excused absence"),
    },
    "task": {
        DutyTask.LUNCH.value: translate("Core", "lunch"),
        DutyTask.COFFEE_FRUIT.value: translate("Core", "coffee and fruit"),
        DutyTask.SETUP_CLEARING.value: translate("Core", "set-up and clearing"),
    },
    "relation": {
        GuardianRelation.MOTHER.value: translate("Core", "mother"),
        GuardianRelation.FATHER.value: translate("Core", "father"),
        GuardianRelation.GUARDIAN.value: translate("Core", "guardian"),
        GuardianRelation.OTHER.value: translate("Core", "other relation"),
    },
    "kind": EVENT_KINDS,
    "iris_type": IRIS_TYPES,
    "end_reason": END_REASONS,
}
# Ids shown by the name of what they point to.
_NAMES: dict[str, tuple[type, Callable[[Any], str]]] = {
    "municipality_id": (Municipality, lambda row: row.name),
    "culture_school_id": (Organisation, lambda row: row.name),
    "organisation_id": (Organisation, lambda row: row.name),
    "project_id": (Project, lambda row: row.name),
    "instrument_id": (Instrument, lambda row: row.name_nb),
    "ensemble_id": (Ensemble, lambda row: row.name),
    "guardian_id": (Guardian, lambda row: row.full_name),
}


def field_label(name: str) -> Text:
    return FIELD_LABELS.get(name, Text("", name))


def shown(session: Session, name: str, value: Any) -> Text | str:
    """``value`` of field ``name`` as the user reads it."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, dt.datetime):
        return format_date(clock.local_date(value))  # stored timestamps are UTC
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if name in _CODES and value in _CODES[name]:
        return _CODES[name][value]
    if name in _NAMES and isinstance(value, int):
        model, name_of = _NAMES[name]
        row = session.get(model, value)
        return name_of(row) if row is not None else str(value)
    if name == "days":
        return "; ".join(_day_text(*day) for day in value)
    return str(value)


def _day_text(date: dt.date, start: dt.time | None, end: dt.time | None) -> str:
    """An event day as the editor shows it: 05.12.2026 10:00–16:00."""
    times = "–".join(t.strftime("%H:%M") for t in (start, end) if t is not None)
    return f"{format_date(date)} {times}".strip()


def conflicting_fields(
    session: Session,
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    original: Mapping[str, Any] | None = None,
    *,
    moved: bool = True,
) -> tuple[FieldConflict, ...]:
    """The fields of ``mine`` someone else changed: the register's value (``theirs``) is not
    the user's, and not the one the user started from (``original``, where known; without
    it any difference counts once the row's version ``moved``)."""
    started = original or {}
    found = []
    for name, value in mine.items():
        now = theirs.get(name)
        if now == value:
            continue
        if (now != started[name]) if name in started else moved:
            found.append(
                FieldConflict(
                    name,
                    field_label(name),
                    value,
                    now,
                    shown(session, name, value),
                    shown(session, name, now),
                )
            )
    return tuple(found)


def last_change(session: Session, row: Any) -> tuple[str | None, dt.datetime | None]:
    """Who last created or changed ``row`` and when (stored, UTC), as far as the audit
    trail tells (it keeps the rows about persons: persons, guardians, memberships, sign-ups,
    attendance, duties, consents); (None, None) otherwise."""
    row_id = getattr(row, "id", None)
    if row is None or not isinstance(row_id, int):
        return None, None
    query = (
        select(AuditEntry.actor, AuditEntry.at)
        .where(
            AuditEntry.table_name == row.__tablename__,
            AuditEntry.row_id == row_id,
            AuditEntry.action.in_([AuditAction.CREATE.value, AuditAction.UPDATE.value]),
        )
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    )
    try:
        # In a savepoint: on a server a role that may not read the trail (the lunch role)
        # is refused, and the conflict is told without who and when.
        with session.begin_nested():
            entry = session.execute(query).first()
    except DBAPIError:
        return None, None
    return (entry[0], entry[1]) if entry is not None else (None, None)


def values_of(row: Any, names: Mapping[str, Any], absent: Mapping[str, Any]) -> dict[str, Any]:
    """The row's values of the fields ``names``; a missing row stands for ``absent``."""
    if row is None:
        return {name: absent.get(name) for name in names}
    return {name: getattr(row, name) for name in names}


def version_of(row: Any) -> int:
    return NO_ROW if row is None else int(row.version)


def users_changes(values: Mapping[str, Any], original: Mapping[str, Any] | None) -> dict[str, Any]:
    """The fields of ``values`` the user changed from ``original`` (all without it): only
    these are the user's to write, so another user's change of the others stands."""
    if original is None:
        return dict(values)
    return {
        name: value
        for name, value in values.items()
        if name not in original or original[name] != value
    }


def check(
    session: Session,
    row: Any,
    expected_version: int | None,
    mine: Mapping[str, Any],
    *,
    what: Text | str,
    save: Save,
    original: Mapping[str, Any] | None = None,
    absent: Mapping[str, Any] | None = None,
    message: Text | str | None = None,
) -> None:
    """Refuse the edit of ``row`` (None: there is no row) with a ``ConflictError`` if someone
    else changed one of the fields of ``mine`` since the user read it: at version
    ``expected_version`` (None: not known, only ``original`` tells), with the values
    ``original`` (where given). Otherwise return, and the caller writes. ``mine`` holds only
    what the user changed (``users_changes``)."""
    moved = expected_version is not None and version_of(row) != expected_version
    if not moved and original is None:
        return
    theirs = values_of(row, mine, absent or {})
    fields = conflicting_fields(session, mine, theirs, original, moved=moved)
    if fields:
        raise conflict_error(session, row, fields, what=what, save=save, message=message)


def conflict_error(
    session: Session,
    row: Any,
    fields: tuple[FieldConflict, ...],
    *,
    what: Text | str,
    save: Save,
    message: Text | str | None = None,
) -> ConflictError:
    """The conflict over ``row``; its message says ``what`` changed (or is ``message``)."""
    by, at = last_change(session, row)
    return ConflictError(
        message if message is not None else changed_meanwhile(what),
        what=what,
        fields=fields,
        version=version_of(row),
        changed_by=by,
        changed_at=at,
        save=save,
    )


@contextmanager
def stale_is_conflict(
    db: Database,
    reread: Callable[[Session], ConflictError],
    *,
    inserts: bool = False,
) -> Iterator[Session]:
    """One transaction of an edit; when its UPDATE met a row another transaction changed
    after this one read it (``StaleDataError``), ``reread`` makes the conflict from the
    register as it is now, in a new session. With ``inserts`` (an edit that may add the
    row: a sign-up, attendance) a unique key taken meanwhile is the same race: the other
    user added the row first."""
    races: tuple[type[Exception], ...] = (StaleDataError,)
    if inserts:
        races += (IntegrityError,)
    try:
        with db.transaction() as session:
            yield session
    except races:
        with db.sessions() as session:
            raise reread(session) from None


def stale_conflict(
    session: Session,
    row: Any,
    mine: Mapping[str, Any],
    *,
    what: Text | str,
    save: Save,
    absent: Mapping[str, Any] | None = None,
    message: Text | str | None = None,
) -> ConflictError:
    """The conflict of an edit that lost the race after its own read: every field of
    ``mine`` the register now holds otherwise (all of them, if the other save wrote the
    same values: the user still decides)."""
    theirs = values_of(row, mine, absent or {})
    fields = conflicting_fields(session, mine, theirs) or tuple(
        FieldConflict(
            name,
            field_label(name),
            value,
            theirs[name],
            shown(session, name, value),
            shown(session, name, theirs[name]),
        )
        for name, value in mine.items()
    )
    return conflict_error(session, row, fields, what=what, save=save, message=message)


def changed_meanwhile(what: Text | str) -> Text:
    """The message of a conflict: ``what`` names the row ("the sign-up of Åse Ødegård")."""
    return translate(
        "Core", "{what} was changed by someone else meanwhile; nothing was saved"
    ).format(what=what)


# --- the register's settings -----------------------------------------------------------------


def store_setting(
    db: Database,
    key: str,
    value: Any,
    *,
    label: Text,
    original: Any = None,
    read: Callable[[str | None], Any] = lambda stored: stored,
) -> None:
    """Save the register setting ``key`` as ``str(value)`` (``None`` removes it: the default
    applies). ``original`` is the value the user saw (None: not known) and ``read`` turns a
    stored text (None: none stored) into such a value, the default where there is none:
    another user's other value saved meanwhile is a ``ConflictError`` with both."""
    text = None if value is None else str(value)

    def save(again: Database, _version: int) -> None:
        store_setting(again, key, value, label=label, read=read)

    def conflict(session: Session, row: Setting | None) -> ConflictError:
        theirs = read(None if row is None else row.value)
        field = FieldConflict(
            "value", label, value, theirs, _setting_text(value, read), str(theirs)
        )
        what = translate("Core", 'the setting "{setting}"').format(setting=label)
        return conflict_error(session, row, (field,), what=what, save=save)

    def reread(session: Session) -> ConflictError:
        return conflict(session, session.get(Setting, key))

    with stale_is_conflict(db, reread, inserts=True) as session:
        row = session.get(Setting, key)
        if original is not None:
            now = read(None if row is None else row.value)
            if now not in (original, read(text)):
                raise conflict(session, row)
        if text is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(Setting(key=key, value=text))
        else:
            row.value = text
        session.flush()  # a setting another user stored first is met here, as a conflict


def _setting_text(value: Any, read: Callable[[str | None], Any]) -> str:
    return str(read(None)) if value is None else str(value)  # removed: the default again


# The SQLSTATE of a unique key taken: another user added the same row first.
_UNIQUE_VIOLATION = "23505"
T = TypeVar("T")


def _lost_race(error: Exception) -> bool:
    if isinstance(error, StaleDataError):
        return True
    return getattr(getattr(error, "orig", None), "sqlstate", None) == _UNIQUE_VIOLATION


def bulk_transaction(db: Database, work: Callable[[Session], T], *, attempts: int = 3) -> T:
    """A bulk action ("All yes", "Copy from the previous seminar", "All signed up present")
    in one transaction. It acts on what the register holds when it runs, so when another
    user's save overtook it (on a server: a row they changed or added after this one read
    it) it runs again from the register as it is now, which keeps their answers; nothing of
    the first attempt is kept. After ``attempts`` such races it is refused, nothing saved.

    On SQLite the write lock taken at the start keeps others out, so this never repeats."""
    for _attempt in range(attempts):
        try:
            with db.transaction() as session:
                return work(session)
        except (StaleDataError, IntegrityError) as error:
            if not _lost_race(error):
                raise
    raise VrusError(
        translate(
            "Core",
            "other users saved the same rows at the same moment, {n} times over; nothing "
            "was saved: try again",
        ).format(n=attempts)
    )
