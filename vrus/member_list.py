"""The register as a list: one row per person with their current ensemble and age flags.

Sorting and filtering happen in SQL; the list view keeps only the ordered ids and asks for
rows when they are drawn (``rows_for``). Name search folds case and accents in Python over a
small in-memory index of names, because a portable SQL expression for "ignore accents but
keep Æ, Ø, Å distinct" does not exist.

Search as you type must answer within a frame at 10 000 persons, while the ordered query
takes ~100 ms there (the Norwegian collation is a Python callback). ``MemberIndex`` keeps the
query's result, with each name folded once, for one combination of filters and order, so a
keystroke only scans that list; whoever changes the register calls ``invalidate``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from vrus import clock
from vrus.ages import AgeFlag, Limits, age_flags, season_age
from vrus.collation import search_fold, sort_key
from vrus.consents import consents_in_force
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
)
from vrus.reference import municipality_label, now_part_of
from vrus.texts import Text


class Status(StrEnum):
    ACTIVE = "active"
    FORMER = "former"  # no current membership
    ARCHIVED = "archived"


class SortColumn(StrEnum):
    NAME = "name"
    FIRST_NAME = "first_name"
    AGE = "age"
    ENSEMBLE = "ensemble"
    INSTRUMENT = "instrument"
    SECTION = "section"
    MUNICIPALITY = "municipality"
    CULTURE_SCHOOL = "culture_school"
    STATUS = "status"
    FLAGS = "flags"
    PHOTOS = "photos"  # without a photo consent in force first


@dataclass
class MemberFilter:
    search: str = ""
    ensemble_ids: set[int] = field(default_factory=set)
    instrument_ids: set[int] = field(default_factory=set)
    sections: set[str] = field(default_factory=set)
    municipality_ids: set[int] = field(default_factory=set)
    status: Status | None = Status.ACTIVE
    flags: set[AgeFlag] = field(default_factory=set)
    # An erased person is a row for statistics only: counted by reports on past seasons and
    # past events (True), never listed, found or invited (the default).
    include_erased: bool = False


@dataclass(frozen=True)
class MemberRow:
    person_id: int
    first_name: str
    last_name: str
    birth_date: dt.date | None
    age: int | None
    ensemble: str | None
    instrument: str | None
    section: str | None
    municipality: str | None
    municipality_in_region: bool | None
    culture_school: str | None
    status: Status
    flags: frozenset[AgeFlag]
    municipality_now: str | None = None  # what a municipality merged since is part of now
    # No photo consent in force on the list's day: keep the person out of published photos.
    no_photos: bool = False

    @property
    def name(self) -> str:
        return f"{self.last_name}, {self.first_name}"

    @property
    def municipality_label(self) -> Text | str | None:
        """ "Hurum (now Asker)": the stored municipality, and what it is part of now."""
        if self.municipality is None:
            return None
        return municipality_label(self.municipality, self.municipality_now)


def _current_membership_id(on: dt.date):
    """The person's current membership: the most recent one active on ``on``."""
    return (
        select(Membership.id)
        .where(
            Membership.person_id == Person.id,
            Membership.start_date <= on,
            or_(Membership.end_date.is_(None), Membership.end_date >= on),
        )
        .order_by(Membership.start_date.desc(), Membership.id.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )


NextEnsemble = aliased(Ensemble)


def _base_query(on: dt.date) -> Select:
    return (
        select(Person, Membership, Ensemble, Instrument, Municipality, Organisation, NextEnsemble)
        .select_from(Person)
        .outerjoin(Membership, Membership.id == _current_membership_id(on))
        .outerjoin(Ensemble, Ensemble.id == Membership.ensemble_id)
        .outerjoin(NextEnsemble, NextEnsemble.id == Ensemble.next_ensemble_id)
        .outerjoin(Instrument, Instrument.id == Membership.instrument_id)
        .outerjoin(Municipality, Municipality.id == Person.municipality_id)
        .outerjoin(Organisation, Organisation.id == Person.culture_school_id)
    )


def _apply_filter(query: Select, flt: MemberFilter) -> Select:
    # status None = everyone in the register who is not archived, with or without a
    # current membership; archived persons only show when asked for.
    if not flt.include_erased:
        query = query.where(Person.erased_at.is_(None))
    if flt.status is Status.ARCHIVED:
        query = query.where(Person.archived_at.is_not(None))
    elif flt.status is None:
        query = query.where(Person.archived_at.is_(None))
    elif flt.status is Status.ACTIVE:
        query = query.where(Person.archived_at.is_(None), Membership.id.is_not(None))
    elif flt.status is Status.FORMER:
        query = query.where(Person.archived_at.is_(None), Membership.id.is_(None))
    if flt.ensemble_ids:
        query = query.where(Membership.ensemble_id.in_(flt.ensemble_ids))
    if flt.instrument_ids:
        query = query.where(Membership.instrument_id.in_(flt.instrument_ids))
    if flt.sections:
        query = query.where(Instrument.section.in_(flt.sections))
    if flt.municipality_ids:
        query = query.where(Person.municipality_id.in_(flt.municipality_ids))
    return query


_STATUS_RANK = case((Person.archived_at.is_not(None), 2), (Membership.id.is_(None), 1), else_=0)


_ORDER = {
    SortColumn.NAME: (Person.last_name, Person.first_name),
    SortColumn.FIRST_NAME: (Person.first_name, Person.last_name),
    # Sorted by birth date, reversed below: a later birth date is a lower age.
    SortColumn.AGE: (Person.birth_date,),
    SortColumn.ENSEMBLE: (Ensemble.sort_order, Person.last_name),
    SortColumn.INSTRUMENT: (Instrument.sort_order, Person.last_name),
    SortColumn.SECTION: (Instrument.section, Instrument.sort_order, Person.last_name),
    SortColumn.MUNICIPALITY: (Municipality.name, Person.last_name),
    SortColumn.CULTURE_SCHOOL: (Organisation.name, Person.last_name),
    SortColumn.STATUS: (_STATUS_RANK, Person.last_name, Person.first_name),
    # By name in SQL; the flags are computed in Python and ordered there (stable sort).
    SortColumn.FLAGS: (Person.last_name, Person.first_name),
}
# Most urgent first when sorting by flags: outside the limits, then leaving, then moving up.
_FLAG_RANK = {
    AgeFlag.ABOVE_MAXIMUM: 0,
    AgeFlag.BELOW_MINIMUM: 1,
    AgeFlag.AGES_OUT: 2,
    AgeFlag.MAY_MOVE_UP: 3,
}


def _photo_consent_rank(on: dt.date) -> ColumnElement[int]:
    """0 without a photo consent in force on ``on``, 1 with one (SQL, for sorting)."""
    holds = (
        select(Consent.id)
        .where(
            Consent.person_id == Person.id,
            Consent.kind == ConsentKind.PHOTO.value,
            consent_in_force(on),
        )
        .correlate(Person)
        .exists()
    )
    return case((holds, 1), else_=0)


def _to_row(result: Sequence, on: dt.date, consents: frozenset[ConsentKind]) -> MemberRow:
    person, membership, ensemble, instrument, municipality, school, next_up = result
    season_year = on.year
    age = season_age(person.birth_date, season_year)
    flags: set[AgeFlag] = set()
    if ensemble is not None:
        flags = age_flags(
            age,
            Limits(ensemble.min_age, ensemble.max_age),
            Limits(next_up.min_age, next_up.max_age) if next_up else None,
        )
    if person.archived_at is not None:
        status = Status.ARCHIVED
    else:
        status = Status.ACTIVE if membership is not None else Status.FORMER
    return MemberRow(
        person_id=person.id,
        first_name=person.first_name,
        last_name=person.last_name,
        birth_date=person.birth_date,
        age=age,
        ensemble=ensemble.name if ensemble else None,
        instrument=instrument.name_nb if instrument else None,
        section=instrument.section if instrument else None,
        municipality=municipality.name if municipality else None,
        municipality_in_region=municipality.in_region if municipality else None,
        culture_school=school.name if school else None,
        status=status,
        flags=frozenset(flags),
        municipality_now=_now_name(municipality, on),
        no_photos=ConsentKind.PHOTO not in consents,
    )


def _now_name(municipality: Municipality | None, on: dt.date) -> str | None:
    now = now_part_of(municipality, on) if municipality is not None else None
    return now.name if now is not None else None


def matches_search(first: str, last: str, needle: str) -> bool:
    """Every word of the search must begin a word of the name, in any order."""
    words = search_fold(f"{first} {last}").split()
    return all(any(w.startswith(part) for w in words) for part in search_fold(needle).split())


@dataclass(frozen=True)
class _Candidate:
    person_id: int
    words: str  # " " + the folded name words, so " " + prefix finds a word start
    flags: frozenset[AgeFlag]


def _search_parts(needle: str) -> list[str]:
    return [" " + part for part in search_fold(needle).split()]


def _candidates(
    session: Session, flt: MemberFilter, on: dt.date, order: SortColumn, descending: bool
) -> list[_Candidate]:
    """Everyone matching ``flt`` apart from its search and flags, in the requested order."""
    reverse = descending != (order is SortColumn.AGE)
    # Blanks (no ensemble, no municipality) last either way: the coordinator sorts to see
    # who plays what, not who plays nothing.
    ordering = (
        (_photo_consent_rank(on), Person.last_name, Person.first_name)
        if order is SortColumn.PHOTOS
        else _ORDER[order]
    )
    columns = [(c.desc() if reverse else c.asc()).nulls_last() for c in ordering]
    query = _apply_filter(_base_query(on), flt).order_by(*columns, Person.id)
    query = query.with_only_columns(
        Person.id,
        Person.first_name,
        Person.last_name,
        Person.birth_date,
        Ensemble.id,
        Ensemble.min_age,
        Ensemble.max_age,
        NextEnsemble.min_age,
        NextEnsemble.max_age,
    )
    found = []
    for pid, first, last, born, ensemble, lo, hi, next_lo, next_hi in session.execute(query):
        flags: frozenset[AgeFlag] = frozenset()
        if ensemble is not None:
            flags = frozenset(
                age_flags(
                    season_age(born, on.year),
                    Limits(lo, hi),
                    Limits(next_lo, next_hi) if next_lo is not None else None,
                )
            )
        found.append(_Candidate(pid, " " + search_fold(f"{first} {last}"), flags))
    if order is SortColumn.FLAGS:
        found.sort(key=_flag_rank, reverse=descending)
    return found


def _flag_rank(candidate: _Candidate) -> int:
    return min((_FLAG_RANK[f] for f in candidate.flags), default=len(_FLAG_RANK))


def _narrow(candidates: Iterable[_Candidate], flt: MemberFilter) -> list[int]:
    parts = _search_parts(flt.search)
    wanted = flt.flags
    return [
        c.person_id
        for c in candidates
        if (not wanted or c.flags & wanted) and all(p in c.words for p in parts)
    ]


def member_ids(
    session: Session,
    flt: MemberFilter,
    on: dt.date,
    order: SortColumn = SortColumn.NAME,
    descending: bool = False,
) -> list[int]:
    """The ids of the persons matching ``flt``, in the requested order."""
    return _narrow(_candidates(session, flt, on, order, descending), flt)


class MemberIndex:
    """``member_ids`` with the last query kept, for search as you type.

    The kept list holds, for one combination of filters (search and flags aside), day and
    order, every matching person's folded name and flags; a new search or flag filter only
    scans it. ``invalidate`` after any change to the register (the window does it on its
    register-changed signal); a different filter, day or order queries afresh by itself.
    """

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._candidates: list[_Candidate] = []

    def invalidate(self) -> None:
        self._key = None
        self._candidates = []

    def member_ids(
        self,
        session_factory: Callable[[], Session],
        flt: MemberFilter,
        on: dt.date,
        order: SortColumn = SortColumn.NAME,
        descending: bool = False,
    ) -> list[int]:
        key = (
            flt.status,
            flt.include_erased,
            frozenset(flt.ensemble_ids),
            frozenset(flt.instrument_ids),
            frozenset(flt.sections),
            frozenset(flt.municipality_ids),
            on,
            order,
            descending,
        )
        if key != self._key:
            with session_factory() as session:
                self._candidates = _candidates(session, flt, on, order, descending)
            self._key = key
        return _narrow(self._candidates, flt)


def count_persons(session: Session, *, include_archived: bool = False) -> int:
    """Persons in the register; archived ones only when asked for."""
    query = select(func.count(Person.id)).where(Person.erased_at.is_(None))
    if not include_archived:
        query = query.where(Person.archived_at.is_(None))
    return session.scalar(query) or 0


def rows_for(session: Session, ids: Iterable[int], on: dt.date) -> dict[int, MemberRow]:
    """Full rows for the given ids (the ones about to be drawn)."""
    wanted = list(ids)
    if not wanted:
        return {}
    query = _base_query(on).where(Person.id.in_(wanted))
    consents = consents_in_force(session, wanted, on)
    return {
        row.person_id: row
        for row in (
            _to_row(result, on, consents[result[0].id]) for result in session.execute(query)
        )
    }


@dataclass
class AgeLimitOverview:
    """The age-limit panel for a season: who ages out, who may move up, who is outside."""

    ages_out: list[MemberRow]
    may_move_up: list[MemberRow]
    outside_limits: list[MemberRow]


def age_limit_overview(
    session: Session, on: dt.date, *, include_erased: bool = False
) -> AgeLimitOverview:
    """Who ages out, may move up or is outside the limits on ``on``; a report on a past
    season counts erased persons too (``include_erased``), the window's panel never does."""

    def rows_with(flags: set[AgeFlag]) -> list[MemberRow]:
        ids = member_ids(session, MemberFilter(flags=flags, include_erased=include_erased), on)
        rows = rows_for(session, ids, on)
        return [rows[i] for i in ids]

    return AgeLimitOverview(
        ages_out=rows_with({AgeFlag.AGES_OUT}),
        may_move_up=rows_with({AgeFlag.MAY_MOVE_UP}),
        outside_limits=rows_with({AgeFlag.BELOW_MINIMUM, AgeFlag.ABOVE_MAXIMUM}),
    )


def municipalities_in_register(
    session: Session, on: dt.date | None = None
) -> list[tuple[tuple[int, ...], Text | str]]:
    """(ids, label) of the municipalities persons in the register live in, for the filter.

    A municipality of ``on`` (default today) stands for everyone living in it then, whatever
    era they are registered under: "Asker" is Asker 0220 and 3203 and Hurum and Røyken. One
    merged since under another name has an entry of its own as well, "Hurum (now Asker)", to
    narrow the list to those registered there."""
    on = clock.or_today(on)
    query = select(Municipality).distinct().join(Person, Person.municipality_id == Municipality.id)
    # By name: eras of one name that ``on`` cannot tell apart (Asker 0220 and 3203 on a day
    # before 2020) are one choice, as a person would see them.
    groups: dict[str, set[int]] = {}
    narrower: list[tuple[tuple[int, ...], Text | str]] = []
    for stored in session.scalars(query):
        now = now_part_of(stored, on) or stored
        groups.setdefault(now.name, set()).add(stored.id)
        if now.name != stored.name:
            narrower.append(((stored.id,), municipality_label(stored.name, now.name)))
    rows = [(tuple(sorted(ids)), name) for name, ids in groups.items()] + narrower
    return sorted(rows, key=lambda row: (sort_key(str(row[1])), row[0]))
