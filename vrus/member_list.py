"""The register as a list: one row per person with their current ensemble and age flags.

Sorting and filtering happen in SQL; the list view keeps only the ordered ids and asks for
rows when they are drawn (``rows_for``). Name search folds case and accents in Python over a
small in-memory index of names, because a portable SQL expression for "ignore accents but
keep Æ, Ø, Å distinct" does not exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, aliased

from vrus.ages import AgeFlag, Limits, age_flags, season_age
from vrus.collation import search_fold
from vrus.db.models import Ensemble, Instrument, Membership, Municipality, Organisation, Person


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


@dataclass
class MemberFilter:
    search: str = ""
    ensemble_ids: set[int] = field(default_factory=set)
    instrument_ids: set[int] = field(default_factory=set)
    sections: set[str] = field(default_factory=set)
    municipality_ids: set[int] = field(default_factory=set)
    status: Status | None = Status.ACTIVE
    flags: set[AgeFlag] = field(default_factory=set)


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

    @property
    def name(self) -> str:
        return f"{self.last_name}, {self.first_name}"


def _current_membership_id(on: dt.date):
    """The person's current membership: the most recent one active on ``on``."""
    return (select(Membership.id)
            .where(Membership.person_id == Person.id, Membership.start_date <= on,
                   or_(Membership.end_date.is_(None), Membership.end_date >= on))
            .order_by(Membership.start_date.desc(), Membership.id.desc())
            .limit(1).correlate(Person).scalar_subquery())


NextEnsemble = aliased(Ensemble)


def _base_query(on: dt.date) -> Select:
    return (select(Person, Membership, Ensemble, Instrument, Municipality, Organisation,
                   NextEnsemble)
            .select_from(Person)
            .outerjoin(Membership, Membership.id == _current_membership_id(on))
            .outerjoin(Ensemble, Ensemble.id == Membership.ensemble_id)
            .outerjoin(NextEnsemble, NextEnsemble.id == Ensemble.next_ensemble_id)
            .outerjoin(Instrument, Instrument.id == Membership.instrument_id)
            .outerjoin(Municipality, Municipality.id == Person.municipality_id)
            .outerjoin(Organisation, Organisation.id == Person.culture_school_id))


def _apply_filter(query: Select, flt: MemberFilter) -> Select:
    # status None = everyone in the register who is not archived, with or without a
    # current membership; archived persons only show when asked for.
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
}


def _to_row(result: Sequence, season_year: int) -> MemberRow:
    person, membership, ensemble, instrument, municipality, school, next_up = result
    age = season_age(person.birth_date, season_year)
    flags: set[AgeFlag] = set()
    if ensemble is not None:
        flags = age_flags(age, Limits(ensemble.min_age, ensemble.max_age),
                          Limits(next_up.min_age, next_up.max_age) if next_up else None)
    if person.archived_at is not None:
        status = Status.ARCHIVED
    else:
        status = Status.ACTIVE if membership is not None else Status.FORMER
    return MemberRow(
        person_id=person.id, first_name=person.first_name, last_name=person.last_name,
        birth_date=person.birth_date, age=age,
        ensemble=ensemble.name if ensemble else None,
        instrument=instrument.name_nb if instrument else None,
        section=instrument.section if instrument else None,
        municipality=municipality.name if municipality else None,
        municipality_in_region=municipality.in_region if municipality else None,
        culture_school=school.name if school else None,
        status=status, flags=frozenset(flags))


def matches_search(first: str, last: str, needle: str) -> bool:
    """Every word of the search must begin a word of the name, in any order."""
    words = search_fold(f"{first} {last}").split()
    return all(any(w.startswith(part) for w in words) for part in search_fold(needle).split())


def member_ids(session: Session, flt: MemberFilter, on: dt.date,
               order: SortColumn = SortColumn.NAME, descending: bool = False) -> list[int]:
    """The ids of the persons matching ``flt``, in the requested order."""
    reverse = descending != (order is SortColumn.AGE)
    columns = [c.desc() if reverse else c.asc() for c in _ORDER[order]]
    query = _apply_filter(_base_query(on), flt).order_by(*columns, Person.id)
    query = query.with_only_columns(Person.id, Person.first_name, Person.last_name,
                                    Person.birth_date, Ensemble.min_age, Ensemble.max_age,
                                    NextEnsemble.min_age, NextEnsemble.max_age)
    ids = []
    for pid, first, last, born, lo, hi, next_lo, next_hi in session.execute(query):
        if flt.search and not matches_search(first, last, flt.search):
            continue
        if flt.flags:
            flags = age_flags(season_age(born, on.year), Limits(lo, hi),
                              Limits(next_lo, next_hi) if next_lo is not None else None)
            if not flags & flt.flags:
                continue
        ids.append(pid)
    return ids


def rows_for(session: Session, ids: Iterable[int], on: dt.date) -> dict[int, MemberRow]:
    """Full rows for the given ids (the ones about to be drawn)."""
    wanted = list(ids)
    if not wanted:
        return {}
    query = _base_query(on).where(Person.id.in_(wanted))
    return {row.person_id: row for row in
            (_to_row(result, on.year) for result in session.execute(query))}



@dataclass
class AgeLimitOverview:
    """The age-limit panel for a season: who ages out, who may move up, who is outside."""

    ages_out: list[MemberRow]
    may_move_up: list[MemberRow]
    outside_limits: list[MemberRow]


def age_limit_overview(session: Session, on: dt.date) -> AgeLimitOverview:
    def rows_with(flags: set[AgeFlag]) -> list[MemberRow]:
        ids = member_ids(session, MemberFilter(flags=flags), on)
        rows = rows_for(session, ids, on)
        return [rows[i] for i in ids]

    return AgeLimitOverview(
        ages_out=rows_with({AgeFlag.AGES_OUT}),
        may_move_up=rows_with({AgeFlag.MAY_MOVE_UP}),
        outside_limits=rows_with({AgeFlag.BELOW_MINIMUM, AgeFlag.ABOVE_MAXIMUM}),
    )
