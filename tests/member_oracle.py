"""The member list as VRUS ordered and filtered it in SQL before 0006 (the Norwegian
collation called back in Python for every comparison): the oracle the in-memory index
(``vrus.member_index``) is compared with. Copied from vrus/member_list.py as it was, with one
deliberate change: every order now ends with last name, first name and id in the listing's
direction (before, some orders broke ties by last name only, and by id always ascending).
Not used by the program."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, case, or_, select
from sqlalchemy.orm import Session, aliased

from vrus.ages import AgeFlag, Limits, age_flags, season_age
from vrus.collation import search_fold
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
from vrus.member_list import MemberFilter, SortColumn, Status


@dataclass(frozen=True)
class _Candidate:
    person_id: int
    words: str
    flags: frozenset[AgeFlag]


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
    SortColumn.ENSEMBLE: (Ensemble.sort_order,),
    SortColumn.INSTRUMENT: (Instrument.sort_order,),
    SortColumn.SECTION: (Instrument.section, Instrument.sort_order),
    SortColumn.MUNICIPALITY: (Municipality.name,),
    SortColumn.CULTURE_SCHOOL: (Organisation.name,),
    SortColumn.STATUS: (_STATUS_RANK,),
    # By name in SQL; the flags are computed in Python and ordered there (stable sort).
    SortColumn.FLAGS: (),
}


# PostgreSQL's ICU collation for Norwegian (nb-NO) files "Aa" with "Å", where VRUS keeps it
# as two A's ("Aaron" among the A's: vrus.collation), so on a server the oracle orders persons
# by their name keys; on SQLite it orders by the collation, which checks the keys as well.
def _server_name(column: Any) -> Any:
    if column is Person.last_name:
        return Person.last_name_key
    if column is Person.first_name:
        return Person.first_name_key
    return column


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


def _search_parts(needle: str) -> list[str]:
    return [" " + part for part in search_fold(needle).split()]


def _candidates(
    session: Session, flt: MemberFilter, on: dt.date, order: SortColumn, descending: bool
) -> list[_Candidate]:
    """Everyone matching ``flt`` apart from its search and flags, in the requested order."""
    reverse = descending != (order is SortColumn.AGE)
    # Blanks (no ensemble, no municipality) last either way: the coordinator sorts to see
    # who plays what, not who plays nothing.
    ordering = (_photo_consent_rank(on),) if order is SortColumn.PHOTOS else _ORDER[order]
    # Then by name and id, in the same direction (changed with the index: the SQL had
    # ties in some orders by last name only, and by id always ascending).
    ordering = (*ordering, Person.last_name, Person.first_name, Person.id)
    if session.get_bind().dialect.name == "postgresql":
        ordering = tuple(_server_name(column) for column in ordering)
    columns = [(c.desc() if reverse else c.asc()).nulls_last() for c in ordering]
    query = _apply_filter(_base_query(on), flt).order_by(*columns)
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


def oracle_member_ids(
    session: Session,
    flt: MemberFilter,
    on: dt.date,
    order: SortColumn = SortColumn.NAME,
    descending: bool = False,
) -> list[int]:
    """The ids of the persons matching ``flt``, in the requested order."""
    return _narrow(_candidates(session, flt, on, order, descending), flt)
