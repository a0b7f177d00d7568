"""Register actions on persons: create, edit, archive, anonymise; their guardians.

One function per user action, one transaction each, used by the window and the command line
alike. Edits return a ``Change`` holding the values before and after, so the window's undo
(Ctrl+Z) is a call back into the core, not a widget trick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from vrus import clock
from vrus.collation import search_fold, sort_key
from vrus.conflicts import (
    ConflictError,
    Save,
    check,
    conflict_error,
    conflicting_fields,
    stale_conflict,
    stale_is_conflict,
    users_changes,
)
from vrus.db.engine import Database
from vrus.db.enums import Gender
from vrus.db.models import Guardian, Person, PersonGuardian, VolunteerDuty
from vrus.erasure import guardian_not_anonymised
from vrus.errors import VrusError, not_in_register
from vrus.texts import Text, translate
from vrus.validation import (
    NAME_MAX_LENGTH,
    ValidationError,
    free_text,
    normalise_phone,
    one_line,
    require_name,
    validate_birth_date,
    validate_email,
    validate_postal_code,
)

DUPLICATE_BIRTH_WINDOW = dt.timedelta(days=62)


def _optional(validator: Callable[[str], str]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        text = (value or "").strip() if isinstance(value, str) else value
        return validator(text) if text else None

    return check


def _line(field: str, limit: int) -> Callable[[Any], str | None]:
    return lambda value: one_line(value, field, limit)


def _note(field: str, limit: int) -> Callable[[Any], str | None]:
    return lambda value: free_text(value, field, limit)


def _gender(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if value not in {g.value for g in Gender}:
        raise ValidationError(
            "gender", translate("Core", "'{value}' is not a known gender").format(value=value)
        )
    return value


def _birth_date(value: Any) -> dt.date | None:
    return None if value is None else validate_birth_date(value)


# Field name -> cleaner. Only these fields can be set through the register actions.
PERSON_FIELDS: dict[str, Callable[[Any], Any]] = {
    "first_name": lambda v: require_name(v, "first_name"),
    "last_name": lambda v: require_name(v, "last_name"),
    "birth_date": _birth_date,
    "gender": _gender,
    "municipality_id": lambda v: v,
    "culture_school_id": lambda v: v,
    "phone": _optional(normalise_phone),
    "email": _optional(validate_email),
    "address": _line("address", 200),
    "postal_code": _optional(validate_postal_code),
    "postal_place": _line("postal_place", NAME_MAX_LENGTH),
    "diet_note": _note("diet_note", 200),
    "notes": _note("notes", 10_000),
}


def clean_person_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise ``values``; raises ValidationError naming the first bad field."""
    unknown = set(values) - set(PERSON_FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], translate("Core", "is not a field of a person"))
    return {name: PERSON_FIELDS[name](value) for name, value in values.items()}


@dataclass(frozen=True)
class PossibleDuplicate:
    person_id: int
    name: str
    birth_date: dt.date | None
    exact: bool  # same names and the same birth date


def find_possible_duplicates(
    session: Session,
    first_name: str,
    last_name: str,
    birth_date: dt.date | None,
    exclude_id: int | None = None,
) -> list[PossibleDuplicate]:
    """Persons with the same names (ignoring case and accents) and the same or a close birth
    date: the register warns before a second copy of a child is saved."""
    query = select(Person.id, Person.first_name, Person.last_name, Person.birth_date)
    if birth_date is not None:
        query = query.where(
            (Person.birth_date.is_(None))
            | Person.birth_date.between(
                birth_date - DUPLICATE_BIRTH_WINDOW, birth_date + DUPLICATE_BIRTH_WINDOW
            )
        )
    if exclude_id is not None:
        query = query.where(Person.id != exclude_id)
    wanted = (search_fold(first_name), search_fold(last_name))
    found = []
    for pid, first, last, born in session.execute(query):
        if (search_fold(first), search_fold(last)) == wanted:
            found.append(
                PossibleDuplicate(
                    pid, f"{first} {last}", born, exact=born is not None and born == birth_date
                )
            )
    return found


def create_person(db: Database, values: Mapping[str, Any]) -> int:
    """Add a person to the register and return the new id."""
    cleaned = clean_person_fields(values)
    for required in ("first_name", "last_name"):
        if required not in cleaned:
            raise ValidationError(required, translate("Core", "is required"))
    with db.transaction() as session:
        person = Person(**cleaned)
        session.add(person)
        session.flush()
        return person.id


@dataclass(frozen=True)
class Change:
    """What one edit did, so it can be undone: the person's fields before and after."""

    person_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    description: str


def _get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise not_in_register("person", person_id)
    return person


# ``ConflictError`` is vrus.conflicts' (one for every row); importing it from here still works.


def _changed_elsewhere(name: str) -> Text:
    return translate(
        "Core",
        "{name} was changed in another window; reload the person and make the change again",
    ).format(name=name)


@contextmanager
def _editing(db: Database) -> Iterator[Session]:
    """One transaction of person edits; a write that met another window's is a conflict."""
    try:
        with db.transaction() as session:
            yield session
    except StaleDataError:
        raise ConflictError(
            translate(
                "Core",
                "the person was changed in another window at the same moment; reload the "
                "person and make the change again",
            )
        ) from None


def _set_fields(
    session: Session,
    person_id: int,
    values: Mapping[str, Any],
    description: str,
    expected_version: int | None = None,
    original: Mapping[str, Any] | None = None,
    save: Save | None = None,
) -> Change:
    """Write ``values``; with ``expected_version`` or ``original`` (what the user started
    from) and ``save`` (writes them again), first refuse if another user changed one of the
    fields meanwhile (``vrus.conflicts``)."""
    person = _get_person(session, person_id)
    if save is not None:
        check(
            session,
            person,
            expected_version,
            values,
            original=original,
            what=person.full_name,
            message=_changed_elsewhere(person.full_name),
            save=save,
        )
    before = {name: getattr(person, name) for name in values}
    for name, value in values.items():
        setattr(person, name, value)
    return Change(person_id, before, dict(values), description)


def _apply(
    db: Database,
    person_id: int,
    values: Mapping[str, Any],
    description: str,
    expected_version: int | None = None,
    original: Mapping[str, Any] | None = None,
) -> Change:
    """One edit of a person's fields; a conflict's "keep mine" calls this again."""

    def save(again: Database, version: int) -> Change:
        return _apply(again, person_id, values, description, version)

    def reread(session: Session) -> ConflictError:
        person = _get_person(session, person_id)
        return stale_conflict(
            session,
            person,
            values,
            what=person.full_name,
            message=_changed_elsewhere(person.full_name),
            save=save,
        )

    with stale_is_conflict(db, reread) as session:
        return _set_fields(
            session, person_id, values, description, expected_version, original, save
        )


def update_person(
    db: Database,
    person_id: int,
    values: Mapping[str, Any],
    expected_version: int | None = None,
    original: Mapping[str, Any] | None = None,
) -> Change:
    """Change some of a person's fields (validated first; nothing is saved if one is bad).

    ``expected_version`` is the person's ``version`` when the editor loaded it, ``original``
    the values it showed (optional): if another user saved one of these fields in between,
    the edit is refused with a ``ConflictError`` holding both values rather than overwriting
    theirs (``vrus.conflicts.resolve`` then writes the one the user keeps).
    """
    cleaned = users_changes(clean_person_fields(values), original)
    names = ", ".join(sorted(cleaned))
    return _apply(db, person_id, cleaned, f"edit {names}", expected_version, original)


def archive_person(db: Database, person_id: int, now: dt.datetime | None = None) -> Change:
    """Move a person out of the active register; memberships and attendance stay.

    ``archived_at`` is a stored timestamp, so UTC (``vrus.clock``)."""
    return archive_persons(db, [person_id], now)[0]


def archive_persons(
    db: Database, person_ids: Iterable[int], now: dt.datetime | None = None
) -> list[Change]:
    """Archive several persons in one transaction: all of them or, when one cannot be (not
    in the register), none. One change per person, in the order given (an id given twice
    counts once); ``undo_changes`` puts them all back in one transaction."""
    stamp = now or clock.utc_now()
    with _editing(db) as session:
        return [
            _set_fields(session, person_id, {"archived_at": stamp}, "archive")
            for person_id in dict.fromkeys(person_ids)
        ]


def restore_person(db: Database, person_id: int) -> Change:
    with _editing(db) as session:
        return _set_fields(session, person_id, {"archived_at": None}, "restore")


def undo(db: Database, change: Change) -> Change:
    """Put back what ``change`` replaced; returns the change that redoes it."""
    return undo_changes(db, [change])[0]


def undo_changes(db: Database, changes: Sequence[Change]) -> list[Change]:
    """Put back what ``changes`` replaced, the last one first, in one transaction: all of
    them or none. Returns the changes that redo them, in the order they were made (so
    ``undo_changes`` of the result redoes ``changes`` in their own order).

    A field someone else changed after the change was made is not put back over theirs: the
    undo is refused with a ``ConflictError`` (its "keep mine" puts back that person's
    values alone)."""
    with _editing(db) as session:
        return [
            _set_fields(
                session,
                change.person_id,
                _undone(change),
                f"undo {change.description}",
                original=change.after,
                save=_undo_again(change),
            )
            for change in reversed(changes)
        ]


def _undone(change: Change) -> dict[str, Any]:
    """What undoing ``change`` writes: the values before, of the fields it changed."""
    return users_changes(change.before, change.after)


def _undo_again(change: Change) -> Save:
    def save(db: Database, version: int) -> Change:
        return _apply(db, change.person_id, _undone(change), f"undo {change.description}", version)

    return save


def _delete_guardian_if_unused(session: Session, guardian: Guardian) -> None:
    children = session.scalar(
        select(func.count())
        .select_from(PersonGuardian)
        .where(PersonGuardian.guardian_id == guardian.id)
    )
    duties = session.scalar(
        select(func.count())
        .select_from(VolunteerDuty)
        .where(VolunteerDuty.guardian_id == guardian.id)
    )
    if not children and not duties:
        session.delete(guardian)


GUARDIAN_FIELDS: dict[str, Callable[[Any], Any]] = {
    "first_name": lambda v: require_name(v, "first_name"),
    "last_name": lambda v: require_name(v, "last_name"),
    "phone": _optional(normalise_phone),
    "email": _optional(validate_email),
}


def add_guardian(
    db: Database, person_id: int, values: Mapping[str, Any], relation: str | None = None
) -> int:
    """Add a new guardian to a person and return the guardian's id."""
    cleaned = {name: GUARDIAN_FIELDS[name](values.get(name)) for name in GUARDIAN_FIELDS}
    with db.transaction() as session:
        person = _get_person(session, person_id)
        guardian = Guardian(**cleaned)
        person.guardian_links.append(
            PersonGuardian(
                guardian=guardian,
                relation=one_line(relation, "relation", 30),
                sort_order=len(person.guardian_links),
            )
        )
        session.flush()
        return guardian.id


def link_guardian(
    db: Database, person_id: int, guardian_id: int, relation: str | None = None
) -> None:
    """Make an existing guardian (a sibling's parent) a guardian of this person too."""
    with db.transaction() as session:
        person = _get_person(session, person_id)
        if any(link.guardian_id == guardian_id for link in person.guardian_links):
            return
        if session.get(Guardian, guardian_id) is None:
            raise not_in_register("guardian", guardian_id)
        person.guardian_links.append(
            PersonGuardian(
                guardian_id=guardian_id,
                relation=one_line(relation, "relation", 30),
                sort_order=len(person.guardian_links),
            )
        )


def update_guardian(
    db: Database,
    guardian_id: int,
    values: Mapping[str, Any],
    expected_version: int | None = None,
    original: Mapping[str, Any] | None = None,
    *,
    person_id: int | None = None,
    relation: str | None = None,
) -> None:
    """Change a guardian's names, phone or e-mail. ``expected_version`` (and ``original``)
    are what the dialog read: another user's save in between is a ``ConflictError``.

    With ``person_id`` the guardian's relation to that person becomes ``relation`` (None:
    not told) in the same transaction; ``original["relation"]``, where given, is the one the
    dialog showed, and another user's other relation saved meanwhile is a conflict too."""
    unknown = set(values) - set(GUARDIAN_FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], translate("Core", "is not a field of a guardian"))
    cleaned = {name: GUARDIAN_FIELDS[name](value) for name, value in values.items()}
    link = None if person_id is None else (person_id, one_line(relation, "relation", 30))
    _write_guardian(
        db, guardian_id, users_changes(cleaned, original), expected_version, original, link
    )


def _write_guardian(
    db: Database,
    guardian_id: int,
    cleaned: Mapping[str, Any],
    expected_version: int | None,
    original: Mapping[str, Any] | None,
    link: tuple[int, str | None] | None = None,
) -> None:
    def save(again: Database, version: int) -> None:
        _write_guardian(again, guardian_id, cleaned, version, None, link)

    def what(guardian: Guardian) -> Text:
        return translate("Core", "the guardian {name}").format(name=guardian.full_name)

    def get(session: Session) -> Guardian:
        guardian = session.get(Guardian, guardian_id)
        if guardian is None:
            raise not_in_register("guardian", guardian_id)
        return guardian

    def reread(session: Session) -> ConflictError:
        guardian = get(session)
        return stale_conflict(session, guardian, cleaned, what=what(guardian), save=save)

    with stale_is_conflict(db, reread) as session:
        guardian = get(session)
        check(
            session,
            guardian,
            expected_version,
            cleaned,
            original=original,
            what=what(guardian),
            save=save,
        )
        for name, value in cleaned.items():
            setattr(guardian, name, value)
        if link is not None:
            shown = original if original is not None and "relation" in original else None
            _set_relation(session, guardian, link, shown, what(guardian), save)


def _set_relation(
    session: Session,
    guardian: Guardian,
    link: tuple[int, str | None],
    original: Mapping[str, Any] | None,
    what: Text,
    save: Save,
) -> None:
    """Set the guardian's relation to the person of ``link``; with ``original`` (holding the
    relation the user started from) another user's other relation is a ``ConflictError``."""
    person_id, relation = link
    row = session.get(PersonGuardian, (person_id, guardian.id))
    if row is None:
        raise VrusError(translate("Core", "that guardian is not linked to this person"))
    if original is not None and row.relation not in (original["relation"], relation):
        fields = conflicting_fields(
            session, {"relation": relation}, {"relation": row.relation}, original
        )
        raise conflict_error(session, guardian, fields, what=what, save=save)
    row.relation = relation


def remove_guardian(db: Database, person_id: int, guardian_id: int) -> None:
    """Unlink a guardian from a person; the guardian row goes too when nothing else uses it."""
    with db.transaction() as session:
        link = session.get(PersonGuardian, (person_id, guardian_id))
        if link is None:
            raise VrusError(translate("Core", "that guardian is not linked to this person"))
        guardian = link.guardian
        session.delete(link)
        session.flush()
        _delete_guardian_if_unused(session, guardian)


# --- Reading, for the editor ----------------------------------------------------------------


@dataclass(frozen=True)
class GuardianInfo:
    id: int
    first_name: str
    last_name: str
    phone: str | None
    email: str | None
    relation: str | None
    version: int = 1  # as read, for ``update_guardian(expected_version=...)``

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class PersonDetails:
    """A person as the editor shows it: the editable fields, the version they were read at
    (for ``update_person(expected_version=...)``) and the guardians in their order."""

    id: int
    version: int
    values: dict[str, Any]  # every name in PERSON_FIELDS
    archived_at: dt.datetime | None
    guardians: tuple[GuardianInfo, ...]

    @property
    def full_name(self) -> str:
        return f"{self.values['first_name']} {self.values['last_name']}"


def person_details(session: Session, person_id: int) -> PersonDetails:
    person = _get_person(session, person_id)
    links = sorted(person.guardian_links, key=lambda link: (link.sort_order, link.guardian_id))
    return PersonDetails(
        id=person.id,
        version=person.version,
        values={name: getattr(person, name) for name in PERSON_FIELDS},
        archived_at=person.archived_at,
        guardians=tuple(
            GuardianInfo(
                link.guardian.id,
                link.guardian.first_name,
                link.guardian.last_name,
                link.guardian.phone,
                link.guardian.email,
                link.relation,
                link.guardian.version,
            )
            for link in links
        ),
    )


@dataclass(frozen=True)
class GuardianMatch:
    id: int
    full_name: str
    email: str | None
    children: tuple[str, ...]  # the persons this guardian is already linked to


def find_guardians(
    session: Session, text: str, *, exclude_person_id: int | None = None, limit: int = 50
) -> list[GuardianMatch]:
    """Guardians whose names start with every word of ``text`` (case and accents ignored),
    with their children: to link a sibling's parent instead of typing them in again."""
    parts = [" " + part for part in search_fold(text).split()]
    if not parts:
        return []
    query = select(Guardian.id, Guardian.first_name, Guardian.last_name, Guardian.email).where(
        guardian_not_anonymised()
    )
    hits = [
        (gid, first, last, email)
        for gid, first, last, email in session.execute(query)
        if all(p in " " + search_fold(f"{first} {last}") for p in parts)
    ]
    hits.sort(key=lambda hit: (sort_key(hit[2]), sort_key(hit[1]), hit[0]))
    hits = hits[:limit]
    children: dict[int, list[tuple[int, str]]] = {}
    rows = session.execute(
        select(PersonGuardian.guardian_id, Person.id, Person.first_name, Person.last_name)
        .join(Person, Person.id == PersonGuardian.person_id)
        .where(PersonGuardian.guardian_id.in_([hit[0] for hit in hits]))
    )
    for gid, pid, first, last in rows:
        children.setdefault(gid, []).append((pid, f"{first} {last}"))
    found = []
    for gid, first, last, email in hits:
        kids = children.get(gid, [])
        if exclude_person_id is not None and any(pid == exclude_person_id for pid, _ in kids):
            continue  # already this person's guardian
        found.append(
            GuardianMatch(
                gid,
                f"{first} {last}",
                email,
                tuple(sorted((name for _, name in kids), key=sort_key)),
            )
        )
    return found
