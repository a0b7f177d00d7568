"""The register as an ordered, searchable list in memory, fast at 100 000 persons.

A member listing (the Members table, search as you type, a click on a column header) is
answered from a snapshot of what each person's place in a listing depends on: the names' sort
keys (stored beside the names, ``vrus.collation.name_key``), birth date, current membership,
municipality, culture school and photo consent. Ordering and filtering are Python over the
snapshot: no collation called back per comparison, no query per keystroke or per click. The
orders and filters are the ones the member list always had in SQL (``tests/member_oracle.py``
keeps that version, and the tests compare the two).

The snapshot follows the register through its change journal (``register_changes``, written
by triggers, ``vrus.db.journal``): ``MemberIndex.member_ids`` reads the journal rows since it
last looked and re-reads only the persons named there, whoever changed them. A row without a
person (the ensembles, instruments, municipalities or organisations changed), a pruned
journal, another day, many persons at once or a database without the journal reads
everything again.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from vrus.ages import AgeFlag, Limits, age_flags, season_age
from vrus.collation import key_fold, search_fold, sort_key
from vrus.consents import in_force as consent_in_force
from vrus.db.enums import ConsentKind
from vrus.db.models import (
    Consent,
    Ensemble,
    Instrument,
    Membership,
    Municipality,
    Organisation,
    Person,
    RegisterChange,
)
from vrus.member_filter import MemberFilter, SortColumn, Status

# More changed persons than this are read faster all at once than one IN list at a time.
REREAD_LIMIT = 500
BATCH = 500  # ids per IN list
SEARCHES_KEPT = 32  # recent searches kept per listing, so Backspace answers at once

# Most urgent first when sorting by flags: outside the limits, then leaving, then moving up.
_FLAG_RANK = {
    AgeFlag.ABOVE_MAXIMUM: 0,
    AgeFlag.BELOW_MINIMUM: 1,
    AgeFlag.AGES_OUT: 2,
    AgeFlag.MAY_MOVE_UP: 3,
}


@dataclass(slots=True)
class Listed:
    """One person as a listing sees them."""

    person_id: int
    last_key: str
    first_key: str
    words: str  # " " + the folded name's words, so " " + a prefix finds a word start
    birth_date: dt.date | None
    archived: bool
    municipality_id: int | None
    school_id: int | None
    ensemble_id: int | None = None  # of the current membership; None without one
    instrument_id: int | None = None
    photo: bool = False  # a photo consent in force on the snapshot's day


@dataclass
class _Reference:
    """The small tables every listing depends on, read whole."""

    ensembles: dict[int, tuple[int | None, Limits, Limits | None]]  # sort order, limits, next
    instruments: dict[int, tuple[int | None, str | None]]  # sort order, section
    municipality_rank: dict[int, int]  # by name, Norwegian order; eras of one name tie
    school_rank: dict[int, int]

    @classmethod
    def read(cls, session: Session) -> _Reference:
        rows = session.execute(
            select(
                Ensemble.id,
                Ensemble.sort_order,
                Ensemble.min_age,
                Ensemble.max_age,
                Ensemble.next_ensemble_id,
            )
        ).all()
        limits = {row[0]: Limits(row[2], row[3]) for row in rows}
        ensembles: dict[int, tuple[int | None, Limits, Limits | None]] = {}
        for ensemble_id, order, _lo, _hi, next_id in rows:
            next_up = limits.get(next_id) if next_id is not None else None
            # As the SQL had it: the next ensemble's limits count only with a minimum.
            if next_up is not None and next_up.min_age is None:
                next_up = None
            ensembles[ensemble_id] = (order, limits[ensemble_id], next_up)
        instruments: dict[int, tuple[int | None, str | None]] = {
            row[0]: (row[1], row[2])
            for row in session.execute(
                select(Instrument.id, Instrument.sort_order, Instrument.section)
            )
        }
        return cls(
            ensembles,
            instruments,
            _name_ranks(session.execute(select(Municipality.id, Municipality.name)).all()),
            _name_ranks(session.execute(select(Organisation.id, Organisation.name)).all()),
        )


def _name_ranks(rows: Iterable[tuple[int, str]]) -> dict[int, int]:
    """id -> place of its name in Norwegian order; equal names share a place."""
    names = sorted({name for _id, name in rows}, key=sort_key)
    place = {name: number for number, name in enumerate(names)}
    return {row_id: place[name] for row_id, name in rows}


class Snapshot:
    """Every person a listing can show (erased ones only for reports), on one day."""

    def __init__(self, on: dt.date, include_erased: bool, reference: _Reference) -> None:
        self.on = on
        self.include_erased = include_erased
        self.reference = reference
        self.persons: dict[int, Listed] = {}
        self._flags: dict[tuple[int, int | None], frozenset[AgeFlag]] = {}

    @classmethod
    def read(cls, session: Session, on: dt.date, include_erased: bool = False) -> Snapshot:
        """Everyone, in name order (the order of ``persons``)."""
        snapshot = cls(on, include_erased, _Reference.read(session))
        snapshot.persons = snapshot._read(session, None)
        return snapshot

    def reread(self, session: Session, ids: set[int]) -> None:
        """Read these persons again: changed, new, erased or gone."""
        wanted = sorted(ids)
        for start in range(0, len(wanted), BATCH):
            chunk = wanted[start : start + BATCH]
            fresh = self._read(session, chunk)
            for person_id in chunk:
                self.persons.pop(person_id, None)
                if person_id in fresh:
                    self.persons[person_id] = fresh[person_id]

    def _read(self, session: Session, ids: list[int] | None) -> dict[int, Listed]:
        query = select(
            Person.id,
            Person.last_name_key,
            Person.first_name_key,
            Person.birth_date,
            Person.archived_at.is_not(None),
            Person.municipality_id,
            Person.culture_school_id,
        ).order_by(Person.last_name_key, Person.first_name_key, Person.id)
        if not self.include_erased:
            query = query.where(Person.erased_at.is_(None))
        if ids is not None:
            query = query.where(Person.id.in_(ids))
        persons = {
            pid: Listed(pid, last, first, _words(first, last), born, archived, place, school)
            for pid, last, first, born, archived, place, school in session.execute(query)
        }
        for person_id, (ensemble_id, instrument_id) in self._memberships(session, ids).items():
            listed = persons.get(person_id)
            if listed is not None:
                listed.ensemble_id, listed.instrument_id = ensemble_id, instrument_id
        for person_id in self._photo_consents(session, ids):
            if person_id in persons:
                persons[person_id].photo = True
        return persons

    def _memberships(self, session: Session, ids: list[int] | None) -> dict[int, tuple]:
        """person -> (ensemble, instrument) of the most recent membership active on the day."""
        on = self.on
        query = select(
            Membership.person_id,
            Membership.start_date,
            Membership.id,
            Membership.ensemble_id,
            Membership.instrument_id,
        ).where(
            Membership.start_date <= on,
            or_(Membership.end_date.is_(None), Membership.end_date >= on),
        )
        if ids is not None:
            query = query.where(Membership.person_id.in_(ids))
        newest: dict[int, tuple] = {}
        for person_id, started, membership_id, ensemble_id, instrument_id in session.execute(query):
            kept = newest.get(person_id)
            if kept is None or (started, membership_id) > kept[:2]:
                newest[person_id] = (started, membership_id, ensemble_id, instrument_id)
        return {person_id: kept[2:] for person_id, kept in newest.items()}

    def _photo_consents(self, session: Session, ids: list[int] | None) -> set[int]:
        query = select(Consent.person_id).where(
            Consent.kind == ConsentKind.PHOTO.value, consent_in_force(self.on)
        )
        if ids is not None:
            query = query.where(Consent.person_id.in_(ids))
        return set(session.scalars(query))

    def flags(self, listed: Listed) -> frozenset[AgeFlag]:
        if listed.ensemble_id is None:
            return frozenset()
        age = season_age(listed.birth_date, self.on.year)
        key = (listed.ensemble_id, age)
        found = self._flags.get(key)
        if found is None:
            ensemble = self.reference.ensembles.get(listed.ensemble_id)
            found = (
                frozenset(age_flags(age, ensemble[1], ensemble[2]))
                if ensemble is not None
                else frozenset()
            )
            self._flags[key] = found
        return found


def _words(first_key: str, last_key: str) -> str:
    return " " + " ".join(f"{key_fold(first_key)} {key_fold(last_key)}".split())


# --- Orders ---------------------------------------------------------------------------------

# What a listing is sorted by first; then always by last name, first name and id, all in the
# same direction. None (no ensemble, no municipality...) comes last in either direction, as
# NULLS LAST did in SQL. Name order itself has no first part.
Primary = Callable[[Listed], object]


def _primary(snapshot: Snapshot, order: SortColumn) -> Primary:
    ref = snapshot.reference

    def ensemble_order(p: Listed) -> int | None:
        found = ref.ensembles.get(p.ensemble_id) if p.ensemble_id is not None else None
        return found[0] if found else None

    def instrument(p: Listed) -> tuple[int | None, str | None]:
        found = ref.instruments.get(p.instrument_id) if p.instrument_id is not None else None
        return found or (None, None)

    def section(p: Listed) -> tuple[str, int] | None:
        sort_order, name = instrument(p)
        return None if name is None else (name, -1 if sort_order is None else sort_order)

    def flag_rank(p: Listed) -> int:
        return min((_FLAG_RANK[flag] for flag in snapshot.flags(p)), default=len(_FLAG_RANK))

    primaries: dict[SortColumn, Primary] = {
        SortColumn.FIRST_NAME: lambda p: p.first_key,
        SortColumn.AGE: lambda p: p.birth_date,
        SortColumn.ENSEMBLE: ensemble_order,
        SortColumn.INSTRUMENT: lambda p: instrument(p)[0],
        SortColumn.SECTION: section,
        SortColumn.MUNICIPALITY: lambda p: (
            ref.municipality_rank.get(p.municipality_id) if p.municipality_id else None
        ),
        SortColumn.CULTURE_SCHOOL: lambda p: (
            ref.school_rank.get(p.school_id) if p.school_id else None
        ),
        SortColumn.STATUS: lambda p: 2 if p.archived else int(p.ensemble_id is None),
        SortColumn.FLAGS: flag_rank,
        SortColumn.PHOTOS: lambda p: int(p.photo),
    }
    return primaries.get(order, lambda p: "")


class _Ordering:
    """Everyone in one order, kept sorted as persons change.

    Kept ascending by (first part, last name, first name, id) in two runs, those with a first
    part and those without; a reversed order reads each run backwards. Built by a stable sort
    of the name order on the first part alone, which is much cheaper than whole keys."""

    def __init__(
        self, snapshot: Snapshot, order: SortColumn, descending: bool, by_name: list[int]
    ) -> None:
        self._persons = persons = snapshot.persons
        self._first = first = _primary(snapshot, order)
        self.reverse = descending != (order is SortColumn.AGE)  # ascending age: born last
        firsts: dict[int, Any] = {pid: first(persons[pid]) for pid in by_name}
        self.head = [pid for pid in by_name if firsts[pid] is not None]
        self.tail = [pid for pid in by_name if firsts[pid] is None]
        self.head.sort(key=firsts.__getitem__)

    @classmethod
    def by_name(cls, snapshot: Snapshot) -> _Ordering:
        """Last name, first name, id: the order the snapshot was read in."""
        ordering = cls.__new__(cls)
        ordering._persons = snapshot.persons
        ordering._first = _primary(snapshot, SortColumn.NAME)
        ordering.reverse = False
        ordering.head, ordering.tail = list(snapshot.persons), []
        return ordering

    def _head_key(self, person_id: int) -> tuple:
        p = self._persons[person_id]
        return (self._first(p), p.last_key, p.first_key, person_id)

    def _tail_key(self, person_id: int) -> tuple:
        p = self._persons[person_id]
        return (p.last_key, p.first_key, person_id)

    def ids(self) -> list[int]:
        if self.reverse:
            return self.head[::-1] + self.tail[::-1]
        return self.head + self.tail

    def remove(self, person_id: int) -> None:
        for run in (self.head, self.tail):
            try:
                run.remove(person_id)
                return
            except ValueError:
                continue

    def add(self, person_id: int) -> None:
        """Place a person (already in the snapshot) where their key belongs."""
        if self._first(self._persons[person_id]) is not None:
            bisect.insort(self.head, person_id, key=self._head_key)
        else:
            bisect.insort(self.tail, person_id, key=self._tail_key)


# --- Filters --------------------------------------------------------------------------------


def _test(snapshot: Snapshot, flt: MemberFilter) -> Callable[[Listed], bool] | None:
    """Whether a person passes ``flt`` apart from its search; None when everyone does."""
    tests: list[Callable[[Listed], bool]] = []
    if flt.status is Status.ARCHIVED:
        tests.append(lambda p: p.archived)
    elif flt.status is None:
        tests.append(lambda p: not p.archived)
    elif flt.status is Status.ACTIVE:
        tests.append(lambda p: not p.archived and p.ensemble_id is not None)
    elif flt.status is Status.FORMER:
        tests.append(lambda p: not p.archived and p.ensemble_id is None)
    if flt.ensemble_ids:
        ensembles = set(flt.ensemble_ids)
        tests.append(lambda p: p.ensemble_id in ensembles)
    if flt.instrument_ids:
        instruments = set(flt.instrument_ids)
        tests.append(lambda p: p.instrument_id in instruments)
    if flt.sections:
        sections = set(flt.sections)
        of = snapshot.reference.instruments

        def in_section(p: Listed) -> bool:
            found = of.get(p.instrument_id) if p.instrument_id is not None else None
            return found is not None and found[1] in sections

        tests.append(in_section)
    if flt.municipality_ids:
        places = set(flt.municipality_ids)
        tests.append(lambda p: p.municipality_id in places)
    if flt.flags:
        wanted = frozenset(flt.flags)
        tests.append(lambda p: bool(snapshot.flags(p) & wanted))
    if not tests:
        return None
    if len(tests) == 1:
        return tests[0]
    return lambda p: all(test(p) for test in tests)


def _search_parts(needle: str) -> tuple[str, ...]:
    return tuple(" " + part for part in search_fold(needle).split())


def _narrower(parts: tuple[str, ...], than: tuple[str, ...]) -> bool:
    """Whether everyone matching ``parts`` also matches ``than`` (typed on from it)."""
    return len(than) <= len(parts) and all(
        new.startswith(old) for old, new in zip(than, parts, strict=False)
    )


@dataclass
class _Listing:
    """One filter's persons in one order, with their words, and recent searches in it."""

    ids: list[int]
    words: list[str]
    searches: OrderedDict[tuple[str, ...], tuple[list[int], list[str]]] = field(
        default_factory=OrderedDict
    )

    def search(self, parts: tuple[str, ...]) -> list[int]:
        if not parts:
            return list(self.ids)
        found = self.searches.get(parts)
        if found is None:
            ids, words = self._narrowest_known(parts)
            kept = _matching(ids, words, parts)
            found = ([pid for pid, _w in kept], [w for _pid, w in kept])
            self.searches[parts] = found
            if len(self.searches) > SEARCHES_KEPT:
                self.searches.popitem(last=False)
        else:
            self.searches.move_to_end(parts)
        return list(found[0])

    def _narrowest_known(self, parts: tuple[str, ...]) -> tuple[list[int], list[str]]:
        """A kept search this one narrows, the shortest; else everyone."""
        best = (self.ids, self.words)
        for earlier, found in self.searches.items():
            if _narrower(parts, earlier) and len(found[0]) < len(best[0]):
                best = found
        return best


def _matching(ids: list[int], words: list[str], parts: tuple[str, ...]) -> list[tuple[int, str]]:
    pairs = zip(ids, words, strict=True)
    if len(parts) == 1:  # most keystrokes: one loop without a generator per person
        part = parts[0]
        return [(pid, w) for pid, w in pairs if part in w]
    return [(pid, w) for pid, w in pairs if all(part in w for part in parts)]


# --- The index ------------------------------------------------------------------------------


_BY_NAME = (SortColumn.NAME, False)


@dataclass(frozen=True)
class FullRead:
    """Everything a listing needs, read in one transaction, with the journal's place then."""

    snapshot: Snapshot
    seq: int


def read_everything(session: Session, on: dt.date, include_erased: bool = False) -> FullRead:
    """Safe in any thread: builds new objects only, touches no index."""
    # The journal's place first, in the same read transaction as the rows: a change
    # committed after it is seen again next time, never lost.
    seq = session.scalar(select(func.max(RegisterChange.seq))) or 0 if _journalled(session) else 0
    return FullRead(Snapshot.read(session, on, include_erased), seq)


class MemberIndex:
    """Member listings over a snapshot that follows the register.

    ``invalidate`` after a change to the register (the window does it on its
    register-changed signal): the next listing reads the change journal and re-reads the
    persons changed. ``reload`` drops everything."""

    def __init__(self) -> None:
        self._snapshot: Snapshot | None = None
        self._seq = 0
        self._checked = False
        self._holding = False
        self._orderings: dict[tuple[SortColumn, bool], _Ordering] = {}
        self._listings: dict[tuple, _Listing] = {}
        # Who the last ``follow`` found changed: None after reading everything.
        self.changed: set[int] | None = None

    @classmethod
    def read(cls, session: Session, on: dt.date, include_erased: bool = False) -> MemberIndex:
        """An index of the register as ``session`` sees it (for one report or command)."""
        index = cls()
        index.install(read_everything(session, on, include_erased))
        return index

    def invalidate(self) -> None:
        self._checked = False

    def reload(self) -> None:
        self._snapshot = None
        self._checked = False

    def hold(self) -> None:
        """Answer from the snapshot as it is (none yet: nobody) until ``install``: everything
        is being read in another thread, and the listing must not wait for it."""
        self._holding = True

    @property
    def snapshot(self) -> Snapshot | None:
        return self._snapshot

    @property
    def holding(self) -> bool:
        return self._holding

    def member_ids(
        self,
        session_factory: Callable[[], Session],
        flt: MemberFilter,
        on: dt.date,
        order: SortColumn = SortColumn.NAME,
        descending: bool = False,
    ) -> list[int]:
        """The ids of the persons matching ``flt`` on ``on``, in the requested order."""
        snapshot = self._snapshot
        if self._holding:
            return self.select(flt, order, descending) if snapshot is not None else []
        if (
            not self._checked
            or snapshot is None
            or snapshot.on != on
            or snapshot.include_erased != flt.include_erased
        ):
            with session_factory() as session:
                self.follow(session, on, flt.include_erased)
        return self.select(flt, order, descending)

    def follow(
        self,
        session: Session,
        on: dt.date,
        include_erased: bool = False,
        *,
        everything: bool = True,
    ) -> bool:
        """Bring the snapshot up to the register: the changed persons, or everything.

        With ``everything=False``, a change that needs everything read is left undone and
        False returned (the caller reads it in another thread and ``install``s it)."""
        snapshot = self._snapshot
        if (
            snapshot is None
            or snapshot.on != on
            or snapshot.include_erased != include_erased
            or not _journalled(session)
        ):
            return self._everything(session, on, include_erased, everything)
        changes = session.execute(
            select(RegisterChange.seq, RegisterChange.person_id)
            .where(RegisterChange.seq > self._seq)
            .order_by(RegisterChange.seq)
        ).all()
        named = {person_id for _seq, person_id in changes}
        if changes and (
            changes[0][0] != self._seq + 1 or None in named or len(named) > REREAD_LIMIT
        ):
            # Pruned past us, or the ensembles and the like changed, or very many persons.
            return self._everything(session, on, include_erased, everything)
        self._checked = True
        self.changed = set()
        if not changes:
            return True
        changed = {person_id for person_id in named if person_id is not None}
        for person_id in changed:
            for ordering in self._orderings.values():
                ordering.remove(person_id)
        snapshot.reread(session, changed)
        for person_id in changed:
            if person_id in snapshot.persons:
                for ordering in self._orderings.values():
                    ordering.add(person_id)
        self._listings.clear()
        self._seq = changes[-1][0]
        self.changed = changed
        return True

    def _everything(self, session: Session, on: dt.date, include_erased: bool, now: bool) -> bool:
        if not now:
            return False
        self.install(read_everything(session, on, include_erased))
        return True

    def install(self, read: FullRead) -> None:
        """Take a snapshot read whole (here or in another thread) as the listing's."""
        self._seq = read.seq
        self._snapshot = read.snapshot
        self._orderings = {_BY_NAME: _Ordering.by_name(read.snapshot)}
        self._listings = {}
        self._checked = True
        self._holding = False
        self.changed = None

    def select(
        self, flt: MemberFilter, order: SortColumn = SortColumn.NAME, descending: bool = False
    ) -> list[int]:
        """The persons of the snapshot matching ``flt``, in order (no reading)."""
        snapshot = self._snapshot
        assert snapshot is not None, "read or follow the register first"
        return self._listing(snapshot, flt, order, descending).search(_search_parts(flt.search))

    def flags(self, person_id: int) -> frozenset[AgeFlag]:
        snapshot = self._snapshot
        assert snapshot is not None
        listed = snapshot.persons.get(person_id)
        return snapshot.flags(listed) if listed is not None else frozenset()

    def _listing(
        self, snapshot: Snapshot, flt: MemberFilter, order: SortColumn, descending: bool
    ) -> _Listing:
        key = (flt.narrowing(), order, descending)
        listing = self._listings.get(key)
        if listing is None:
            ordering = self._orderings.get((order, descending))
            if ordering is None:
                by_name = self._orderings[_BY_NAME].head
                ordering = _Ordering(snapshot, order, descending, by_name)
                # Keep the name order (every other is built from it) and the one in use.
                self._orderings = {_BY_NAME: self._orderings[_BY_NAME]}
                self._orderings[(order, descending)] = ordering
            persons = snapshot.persons
            ids = ordering.ids()
            test = _test(snapshot, flt)
            if test is not None:
                ids = [pid for pid in ids if test(persons[pid])]
            listing = _Listing(ids, [persons[pid].words for pid in ids])
            # The listing in use only: another filter or order is built anew (tens of ms at
            # 100 000), and memory stays one list of ids and one of words.
            self._listings = {key: listing}
        return listing


def _journalled(session: Session) -> bool:
    """The change journal is written by triggers on SQLite (migration 0006) and PostgreSQL
    (0008, in commit order: a reader's place is never passed by a late commit)."""
    bind = session.get_bind()
    return bind.dialect.name in ("sqlite", "postgresql")
