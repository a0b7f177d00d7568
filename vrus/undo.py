"""Undo and redo of one user action, exactly, from snapshots of the rows it may touch.

An action (a core command, one transaction of its own) is recorded between two snapshots of
a ``Scope``: every row, all columns, of the tables the scope names. Undo writes the rows of
the snapshot before back, redo those of the snapshot after, each in ONE transaction, and
only over a register that still holds what the other snapshot holds: a row another user or
another action changed meanwhile refuses the undo (``StepConflict``) and nothing is changed.
Field edits of persons keep their own undo (``vrus.persons.undo_changes``).

Public API::

    Scope(persons=(), guardians=(), events=(), staff=(), *, municipalities=(),
          populations=(), organisations=(), instruments=(), ensembles=(), settings=())
        ids: any iterables of int; settings: of str (the settings' keys). Frozen;
        ``a | b`` unites two scopes. What each names:
        persons={id}:   the person's row, memberships, person_instruments, person_diets,
                        allergies, person_guardians, the guardians linked (their rows),
                        consents, signups (+ their signup_absences), attendance;
        guardians={id}: the guardian's row, all their person_guardians links,
                        volunteer_duties, consents they gave;
        events={id}:    the event's row, event_days, event_ensembles, event_partners,
                        signups (+ signup_absences), attendance and volunteer_duties of its
                        days, event_staff;
        staff={id}:     the staff member's row, their event_staff rows;
        municipalities={id}, organisations={id} (+ their contact_persons),
        instruments={id}, ensembles={id}: the reference table's row (Settings);
        populations={municipality id}: the population figures stored for the
                        municipality (municipality_populations; an import's new ones too);
        settings={key}: the register setting's row; a key without a row before the action
                        is absent before (undo removes the row the action stored).
        An undo that would delete a row another row outside the step still refers to (an
        organisation made a person's culture school since) is refused, as a conflict.

    snapshot(session, scope) -> Snapshot
        The rows the scope names now; ``Snapshot.rows``: table name -> primary key (a tuple)
        -> {column name: value}.

    record(db, action, scope=Scope(), *, extra=None) -> tuple[result, Step]
        Snapshot, ``result = action()`` (no arguments; the core command opening its own
        transaction), snapshot again. ``extra(result) -> Scope`` names rows the action
        CREATED (known only afterwards: a new person's or guardian's id); rows of those ids
        count as absent before. Existing rows the action touches belong in ``scope``;
        only kinds keyed by a row's own id can grow (settings, populations: in ``scope``).
        Exceptions of ``action`` pass through unchanged (no step).

    with recording(db, scope) as recorder:      # the same for several calls in a row
        ...; recorder.grow(Scope(...))          # ids created, as ``extra`` above
    recorder.step                               # the Step, once the block ended normally

    Step (frozen): .scope, .before, .after (Snapshots), .changed (bool: the action changed
        any row; a step that changed nothing need not be pushed), .person_ids (frozenset:
        the persons whose rows it changed, for announcing).

    undo(db, step) -> None      # the register back to ``step.before``, one transaction
    redo(db, step) -> None      # and forward to ``step.after`` again
        Both raise ``StepConflict`` (a ``vrus.errors.VrusError``) and change nothing when the
        scope's rows are not what the other snapshot holds (compared without ``version``
        and the time stamps the database keeps, ``updated_at``/``recorded_at``, which field
        edits and their undo move). Undo and redo can be repeated.

Row versions (``version``) are never set back: every row written gets its version raised
(a row put back gets the version it had plus one), so an editor still showing an older
state notices. The rows are written through the ORM, so the audit trail records the undo.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Column, Table, bindparam, func, select, tuple_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from vrus.db.engine import Database
from vrus.db.models import Base
from vrus.errors import VrusError
from vrus.texts import translate

T = TypeVar("T")
Key = tuple[Any, ...]  # a row's primary key, in the table's primary key order
Row = dict[str, Any]  # column name -> value
Rows = dict[str, dict[Key, Row]]  # table name -> key -> row

# What a scope's ids name, per kind: table -> the column holding the id, or the table (named
# earlier in the same kind) whose rows lead to these through their one foreign key between
# them (a sign-up's day absences, the guardians a person's links point to).
SCOPE_TABLES: dict[str, dict[str, str]] = {
    "persons": {
        "persons": "id",
        "memberships": "person_id",
        "person_instruments": "person_id",
        "person_diets": "person_id",
        "allergies": "person_id",
        "person_guardians": "person_id",
        "guardians": "person_guardians",
        "consents": "person_id",
        "signups": "person_id",
        "signup_absences": "signups",
        "attendance": "person_id",
    },
    "guardians": {
        "guardians": "id",
        "person_guardians": "guardian_id",
        "volunteer_duties": "guardian_id",
        "consents": "given_by_guardian_id",
    },
    "events": {
        "events": "id",
        "event_days": "event_id",
        "event_ensembles": "event_id",
        "event_partners": "event_id",
        "signups": "event_id",
        "signup_absences": "signups",
        "attendance": "event_days",
        "volunteer_duties": "event_days",
        "event_staff": "event_id",
    },
    "staff": {"staff_members": "id", "event_staff": "staff_id"},
    # The reference data and settings edited on the Settings page.
    "municipalities": {"municipalities": "id"},
    "populations": {"municipality_populations": "municipality_id"},
    "organisations": {"organisations": "id", "contact_persons": "organisation_id"},
    "instruments": {"instruments": "id"},
    "ensembles": {"ensembles": "id"},
    "settings": {"settings": "key"},
}
KINDS = tuple(SCOPE_TABLES)
_CHUNK = 300  # keys per statement: SQLite limits a statement's bound values


def _ids(values: Iterable[int]) -> frozenset[int]:
    return frozenset(int(value) for value in values)


def _keys(values: Iterable[str] | str) -> frozenset[str]:
    # One key given as a string is that key, not its letters.
    return frozenset({values} if isinstance(values, str) else (str(value) for value in values))


@dataclass(frozen=True)
class Scope:
    """The rows an action may touch, by the ids they are keyed by (see the module's text)."""

    persons: frozenset[int] = frozenset()
    guardians: frozenset[int] = frozenset()
    events: frozenset[int] = frozenset()
    staff: frozenset[int] = frozenset()
    municipalities: frozenset[int] = frozenset()
    populations: frozenset[int] = frozenset()
    organisations: frozenset[int] = frozenset()
    instruments: frozenset[int] = frozenset()
    ensembles: frozenset[int] = frozenset()
    settings: frozenset[str] = frozenset()

    def __init__(
        self,
        persons: Iterable[int] = (),
        guardians: Iterable[int] = (),
        events: Iterable[int] = (),
        staff: Iterable[int] = (),
        *,
        municipalities: Iterable[int] = (),
        populations: Iterable[int] = (),
        organisations: Iterable[int] = (),
        instruments: Iterable[int] = (),
        ensembles: Iterable[int] = (),
        settings: Iterable[str] | str = (),
    ) -> None:
        object.__setattr__(self, "persons", _ids(persons))
        object.__setattr__(self, "guardians", _ids(guardians))
        object.__setattr__(self, "events", _ids(events))
        object.__setattr__(self, "staff", _ids(staff))
        object.__setattr__(self, "municipalities", _ids(municipalities))
        object.__setattr__(self, "populations", _ids(populations))
        object.__setattr__(self, "organisations", _ids(organisations))
        object.__setattr__(self, "instruments", _ids(instruments))
        object.__setattr__(self, "ensembles", _ids(ensembles))
        object.__setattr__(self, "settings", _keys(settings))

    def __or__(self, other: Scope) -> Scope:
        united: dict[str, Any] = {kind: self.ids(kind) | other.ids(kind) for kind in KINDS}
        return Scope(**united)

    def ids(self, kind: str) -> frozenset[Any]:
        """The ids (for ``settings`` the keys) of ``kind``."""
        value: frozenset[Any] = getattr(self, kind)
        return value

    def __bool__(self) -> bool:
        return any(self.ids(kind) for kind in KINDS)


@dataclass(frozen=True)
class Snapshot:
    """Rows as read: table name -> primary key -> {column: value}."""

    rows: Rows = field(default_factory=dict)

    def row(self, table: str, key: Key) -> Row | None:
        return self.rows.get(table, {}).get(key)

    def keys(self, table: str) -> set[Key]:
        return set(self.rows.get(table, {}))


class StepConflict(VrusError):
    """An undo or redo met rows changed since (by another user or another action)."""

    def __init__(self, tables: Iterable[str] = ()) -> None:
        super().__init__(
            translate(
                "Core",
                "the same details were changed again meanwhile (in another window or by "
                "another user); nothing was changed",
            )
        )
        self.tables = tuple(sorted(set(tables)))


@dataclass(frozen=True)
class Step:
    """One recorded action: its scope and the rows before and after it."""

    scope: Scope
    before: Snapshot
    after: Snapshot
    # The highest version each row was seen at: a row deleted and put back again continues
    # from there (an undo's bookkeeping, not part of what the step is).
    seen: dict[tuple[str, Key], int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def changed(self) -> bool:
        return bool(_differing(self.before.rows, self.after.rows, _values))

    @property
    def person_ids(self) -> frozenset[int]:
        """The persons whose own rows the action changed (a guardian's: none)."""
        found: set[int] = set()
        for table, key in _differing(self.before.rows, self.after.rows, _values):
            for row in (self.before.row(table, key), self.after.row(table, key)):
                if row is None:
                    continue
                person = row["id"] if table == "persons" else row.get("person_id")
                if person is not None:
                    found.add(person)
        return frozenset(found)


# --- the schema, read from the models ---------------------------------------------------------


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


@cache
def _mapper(name: str) -> Mapper[Any]:
    for mapper in Base.registry.mappers:
        if mapper.local_table is _table(name):
            return mapper
    raise LookupError(name)


def _pk(name: str) -> tuple[Column[Any], ...]:
    return tuple(_table(name).primary_key.columns)


def _key(name: str, row: Mapping[str, Any]) -> Key:
    return tuple(row[column.name] for column in _pk(name))


@cache
def _version_column(name: str) -> str | None:
    column = _mapper(name).version_id_col
    return None if column is None else str(column.name)


@cache
def _stamps(name: str) -> frozenset[str]:
    """Columns the database layer moves on every UPDATE (``updated_at``, ``recorded_at``)."""
    return frozenset(column.name for column in _table(name).columns if column.onupdate is not None)


def _link(table: str, through: str) -> tuple[str, str]:
    """(column of ``table``, column of ``through``): the one foreign key between them."""
    found = [
        (fk.parent.name, fk.column.name)
        for fk in _table(table).foreign_keys
        if fk.column.table is _table(through)
    ]
    found += [
        (fk.column.name, fk.parent.name)
        for fk in _table(through).foreign_keys
        if fk.column.table is _table(table)
    ]
    if len(found) != 1:
        raise LookupError(f"{table} and {through}: {len(found)} foreign keys")
    return found[0]


def _scope_tables() -> set[str]:
    return {table for tables in SCOPE_TABLES.values() for table in tables}


def _ordered(tables: Iterable[str]) -> list[str]:
    """``tables`` parents first (the order rows can be inserted in)."""
    wanted = set(tables)
    return [table.name for table in Base.metadata.sorted_tables if table.name in wanted]


# --- reading ---------------------------------------------------------------------------------


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _select(
    session: Session, name: str, column: str, values: Iterable[Any], lock: bool
) -> list[Row]:
    wanted = sorted({value for value in values if value is not None})
    table = _table(name)
    rows: list[Row] = []
    for part in _chunks(wanted):
        query = select(table).where(table.c[column].in_(part))
        if lock:
            query = query.with_for_update()  # a server: nobody writes them until the commit
        rows.extend(dict(row._mapping) for row in session.execute(query))
    return rows


def _by_key(session: Session, name: str, keys: Iterable[Key], lock: bool) -> list[Row]:
    wanted = sorted(keys, key=repr)
    table = _table(name)
    columns = _pk(name)
    rows: list[Row] = []
    for part in _chunks(wanted):
        if len(columns) == 1:
            condition = columns[0].in_([key[0] for key in part])
        else:
            condition = tuple_(*columns).in_(part)
        query = select(table).where(condition)
        if lock:
            query = query.with_for_update()
        rows.extend(dict(row._mapping) for row in session.execute(query))
    return rows


def _read(session: Session, scope: Scope, lock: bool = False) -> Rows:
    found: Rows = {}
    for kind in KINDS:
        ids = scope.ids(kind)
        if not ids:
            continue
        chosen: dict[str, list[Row]] = {}
        for table, via in SCOPE_TABLES[kind].items():
            if via in _table(table).c:
                rows = _select(session, table, via, ids, lock)
            else:
                mine, theirs = _link(table, via)
                rows = _select(session, table, mine, (r[theirs] for r in chosen[via]), lock)
            chosen[table] = rows
            into = found.setdefault(table, {})
            for row in rows:
                into[_key(table, row)] = row
    return found


def _read_also(session: Session, found: Rows, keys: Mapping[str, set[Key]], lock: bool) -> Rows:
    """``found`` with the rows of ``keys`` it lacks (rows the scope no longer leads to)."""
    for table, wanted in keys.items():
        missing = wanted - set(found.get(table, {}))
        if missing:
            into = found.setdefault(table, {})
            for row in _by_key(session, table, missing, lock):
                into[_key(table, row)] = row
    return found


def snapshot(session: Session, scope: Scope) -> Snapshot:
    """Every row ``scope`` names, all columns, as the register holds them now."""
    return Snapshot(_read(session, scope))


def _top_ids(session: Session) -> dict[str, int]:
    """The highest id of each table keyed by one integer id: rows above it are new."""
    tables = sorted(t for t in _scope_tables() if [c.name for c in _pk(t)] == ["id"])
    query = select(*(select(func.max(_table(t).c.id)).scalar_subquery() for t in tables))
    values = session.execute(query).one()
    return {table: int(value or 0) for table, value in zip(tables, values, strict=True)}


# --- comparing ---------------------------------------------------------------------------------


def _values(table: str, row: Row) -> Row:
    """What undo writes back: every column but the version, which only ever rises."""
    version = _version_column(table)
    return {name: value for name, value in row.items() if name != version}


def _compared(table: str, row: Row) -> Row:
    """What must be as the step left it: neither the version nor the time stamps (field
    edits and their own undo move them, the values stay)."""
    skip = _stamps(table) | {_version_column(table)}
    return {name: value for name, value in row.items() if name not in skip}


def _differing(a: Rows, b: Rows, seen: Callable[[str, Row], Row]) -> set[tuple[str, Key]]:
    """The rows (table, key) that differ between ``a`` and ``b`` (as ``seen`` shows a row),
    a row in one and not the other included."""
    found = set()
    for table in set(a) | set(b):
        rows_a, rows_b = a.get(table, {}), b.get(table, {})
        for key in set(rows_a) | set(rows_b):
            row_a, row_b = rows_a.get(key), rows_b.get(key)
            if row_a is None or row_b is None or seen(table, row_a) != seen(table, row_b):
                found.add((table, key))
    return found


def _all_keys(*snapshots: Rows) -> dict[str, set[Key]]:
    keys: dict[str, set[Key]] = {}
    for rows in snapshots:
        for table, by_key in rows.items():
            keys.setdefault(table, set()).update(by_key)
    return keys


# --- recording ---------------------------------------------------------------------------------


class Recorder:
    """The snapshots around an action; ``grow`` names the rows it created."""

    def __init__(self, db: Database, scope: Scope) -> None:
        self._db = db
        self._scope = scope
        self._created = Scope()
        self._step: Step | None = None
        with db.sessions() as session:
            self._before = _read(session, scope)
            self._tops = _top_ids(session)

    def grow(self, created: Scope) -> None:
        """Add the ids of rows the action created (a new person): absent before it."""
        for kind in KINDS:
            root, via = next(iter(SCOPE_TABLES[kind].items()))
            if via != "id" and created.ids(kind):
                # A setting's key or a municipality's figures: rows of it may exist already,
                # and only a snapshot before tells which.
                raise ValueError(f"{kind} are named in the scope, not grown")
            old = [i for i in created.ids(kind) if i <= self._tops.get(root, 0)]
            if old:
                # Not the user's error: an existing row named as new would be deleted by undo.
                raise ValueError(f"{kind} {old} existed before the action; name them in scope")
        self._created = self._created | created

    @property
    def step(self) -> Step:
        if self._step is None:
            raise RuntimeError("the recorded action has not finished")
        return self._step

    def finish(self) -> Step:
        scope = self._scope | self._created
        with self._db.sessions() as session:
            after = _read_also(session, _read(session, scope), _all_keys(self._before), False)
        before = {table: dict(rows) for table, rows in self._before.items()}
        for table, rows in after.items():
            for key, row in rows.items():
                if key not in before.get(table, {}) and not self._is_new(table, key):
                    # An existing row the scope reaches only now (a sibling's guardian just
                    # linked): the action did not write it.
                    before.setdefault(table, {})[key] = row
        self._step = Step(scope, Snapshot(before), Snapshot(after))
        return self._step

    def _is_new(self, table: str, key: Key) -> bool:
        """A row found only after the action: made by it (a row of a link table, or an id
        above the highest before), or one that was there but not in reach before."""
        if table not in self._tops:
            return True
        return bool(key[0] > self._tops[table])


@contextmanager
def recording(db: Database, scope: Scope = Scope()) -> Iterator[Recorder]:  # noqa: B008 - frozen
    """Record the core calls made in the block as one step (``recorder.step`` afterwards)."""
    recorder = Recorder(db, scope)
    yield recorder
    recorder.finish()


def record(
    db: Database,
    action: Callable[[], T],
    scope: Scope = Scope(),  # noqa: B008 - frozen
    *,
    extra: Callable[[T], Scope] | None = None,
) -> tuple[T, Step]:
    """Run ``action`` and return its result with the step that undoes it."""
    with recording(db, scope) as recorder:
        result = action()
        if extra is not None:
            recorder.grow(extra(result))
    return result, recorder.step


# --- undoing and redoing -------------------------------------------------------------------------


def undo(db: Database, step: Step) -> None:
    """Put the register back as it was before the step's action, in one transaction."""
    _go(db, step, source=step.after, target=step.before)


def redo(db: Database, step: Step) -> None:
    """Make the step's action again (its rows as it left them), in one transaction."""
    _go(db, step, source=step.before, target=step.after)


def _go(db: Database, step: Step, *, source: Snapshot, target: Snapshot) -> None:
    keys = _all_keys(source.rows, target.rows)
    try:
        with db.transaction() as session:
            now = _read_also(session, _read(session, step.scope, True), keys, True)
            moved = _differing(now, source.rows, _compared)
            if moved:
                raise StepConflict(table for table, _key in moved)
            referring = _referring_from_outside(session, now, target.rows)
            if referring:
                raise StepConflict(referring)
            _note_versions(step, now)
            _write(session, now, target.rows, step.seen)
    except (StaleDataError, IntegrityError):
        # A server: another user's save came between this read and write (or took a key).
        raise StepConflict() from None


def _referring_from_outside(session: Session, now: Rows, target: Rows) -> set[str]:
    """The tables whose rows, outside the step, refer to a row it would delete (a new
    organisation made a person's culture school since): the database would set their
    reference to NULL or remove them unseen, or refuse the deletion."""
    found: set[str] = set()
    for table, rows in now.items():
        gone = set(rows) - set(target.get(table, {}))
        if not gone:
            continue
        for child in Base.metadata.sorted_tables:
            held = set(now.get(child.name, {}))
            for fk in child.foreign_keys:
                if fk.column.table is not _table(table):
                    continue
                values = (rows[key][fk.column.name] for key in gone)
                for row in _select(session, child.name, fk.parent.name, values, False):
                    if _key(child.name, row) not in held:
                        found.add(child.name)
    return found


def _note_versions(step: Step, rows: Rows) -> None:
    for table, by_key in rows.items():
        version = _version_column(table)
        if version is None:
            continue
        for key, row in by_key.items():
            seen = step.seen.get((table, key), 0)
            step.seen[(table, key)] = max(seen, int(row[version]))


def _write(session: Session, now: Rows, target: Rows, seen: Mapping[tuple[str, Key], int]) -> None:
    """Make the rows ``now`` into ``target``: deletions children first, then insertions
    parents first (with their old ids), then updates.

    One flush per table, not per row, and the rows to delete or change loaded per table in
    a few queries: an import of a few hundred persons is tens of thousands of rows."""
    tables = _ordered(set(now) | set(target))
    with session.no_autoflush:
        # Held here: the identity map keeps only weak references.
        loaded = [_load(session, table, _touched(table, now, target)) for table in tables]
        for table in reversed(tables):
            gone = set(now.get(table, {})) - set(target.get(table, {}))
            cls = _mapper(table).class_
            for key in sorted(gone, key=repr):
                session.delete(session.get_one(cls, key))
            session.flush()
        for table in tables:
            added = [
                (key, row)
                for key, row in sorted(
                    target.get(table, {}).items(), key=lambda item: repr(item[0])
                )
                if key not in now.get(table, {})
            ]
            if added:
                _insert(session, table, added, seen)
        for table in tables:
            for key, row in target.get(table, {}).items():
                current = now.get(table, {}).get(key)
                if current is not None and _values(table, current) != _values(table, row):
                    _update(session, table, key, row)
        session.flush()
    del loaded


def _touched(table: str, now: Rows, target: Rows) -> list[Key]:
    """The keys of ``table``'s rows that are deleted or changed (loaded before writing)."""
    wanted = target.get(table, {})
    return [
        key
        for key, row in now.get(table, {}).items()
        if key not in wanted or _values(table, row) != _values(table, wanted[key])
    ]


_CHUNK = 500  # keys per query: well under SQLite's limit of bound parameters


def _load(session: Session, table: str, keys: list[Key]) -> list[Any]:
    """Bring the rows into the session's identity map, so that ``get_one`` asks nothing
    (while the caller holds the list returned)."""
    cls, pk = _mapper(table).class_, _pk(table)
    found: list[Any] = []
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        where = (
            pk[0].in_([key[0] for key in chunk])
            if len(pk) == 1
            else tuple_(*pk).in_([tuple(key) for key in chunk])
        )
        found.extend(session.scalars(select(cls).where(where)))
    return found


def _attributes(table: str, row: Row) -> Iterator[tuple[str, Any]]:
    mapper = _mapper(table)
    for column in _table(table).columns:
        yield mapper.get_property_by_column(column).key, row[column.name]


def _insert(
    session: Session, table: str, rows: list[tuple[Key, Row]], seen: Mapping[tuple[str, Key], int]
) -> None:
    cls = _mapper(table).class_
    made = []
    for _key, row in rows:
        obj = cls()
        for name, value in _attributes(table, row):
            setattr(obj, name, value)
        session.add(obj)
        made.append(obj)
    session.flush()
    version = _version_column(table)
    if version is None:
        return
    # The ORM starts a new row's version at 1; a row put back continues its own count from
    # the highest it was seen at (and keeps its time stamps, which an UPDATE would otherwise
    # move). One statement for the table's rows.
    stamps = sorted(_stamps(table))
    t = _table(table)
    statement = (
        update(t)
        .where(*(column == bindparam(f"pk_{column.name}") for column in _pk(table)))
        .values({name: bindparam(f"v_{name}") for name in [*stamps, version]})
    )
    session.execute(
        statement,
        [
            {
                **{f"pk_{column.name}": row[column.name] for column in _pk(table)},
                **{f"v_{name}": row[name] for name in stamps},
                f"v_{version}": max(int(row[version]), seen.get((table, key), 0)) + 1,
            }
            for key, row in rows
        ],
    )
    for obj in made:
        session.expire(obj)


def _update(session: Session, table: str, key: Key, row: Row) -> None:
    obj = session.get_one(_mapper(table).class_, key)
    stamps = _stamps(table)
    version = _version_column(table)
    for name, value in _attributes(table, row):
        if name == version:
            continue  # the ORM raises it
        if getattr(obj, name) != value:
            setattr(obj, name, value)
        elif name in stamps:
            # Written as it was, not stamped with the time of the undo.
            flag_modified(obj, name)
