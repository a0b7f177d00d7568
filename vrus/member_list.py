"""The register as a list: one row per person with their current ensemble and age flags.

Which persons and in which order comes from ``vrus.member_index`` (a snapshot in memory that
follows the register's change journal: fast at 100 000 persons); the list view keeps only the
ordered ids and asks for rows when they are drawn (``rows_for``, one query per block).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased, load_only

from vrus import clock
from vrus.ages import AgeFlag, Limits, age_flags, season_age
from vrus.collation import sort_key
from vrus.consents import consents_in_force
from vrus.db.enums import ConsentKind
from vrus.db.models import (
    Ensemble,
    Instrument,
    Membership,
    Municipality,
    Organisation,
    Person,
)
from vrus.errors import not_in_register
from vrus.member_filter import MemberFilter, SortColumn, Status
from vrus.member_index import MemberIndex
from vrus.reference import municipality_label, now_part_of
from vrus.texts import Text

# Listings are asked for through this module; the filter and the index live beside it.
__all__ = [
    "AgeLimitOverview",
    "MemberFilter",
    "MemberIndex",
    "MemberRow",
    "NameRow",
    "SortColumn",
    "Status",
    "age_limit_overview",
    "count_persons",
    "current_membership_id",
    "member_ids",
    "municipalities_in_register",
    "name_rows",
    "named_person",
    "rows_for",
]


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


def current_membership_id(on: dt.date):
    """The id of a person's membership current on ``on`` (the most recent one begun and not
    ended then), as a subquery correlated with ``Person``; None for a person without one.
    The listings (``vrus.member_index``) apply the same rule in Python."""
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


@cache
def _next_ensemble() -> type[Ensemble]:
    """The ensemble one moves up to. Made when first queried, not on import: an alias makes
    SQLAlchemy configure every mapper (0.1 s), which the window's first paint need not wait
    for."""
    return aliased(Ensemble)


def _base_query(on: dt.date) -> Select:
    next_up = _next_ensemble()
    return (
        select(Person, Membership, Ensemble, Instrument, Municipality, Organisation, next_up)
        .select_from(Person)
        .outerjoin(Membership, Membership.id == current_membership_id(on))
        .outerjoin(Ensemble, Ensemble.id == Membership.ensemble_id)
        .outerjoin(next_up, next_up.id == Ensemble.next_ensemble_id)
        .outerjoin(Instrument, Instrument.id == Membership.instrument_id)
        .outerjoin(Municipality, Municipality.id == Person.municipality_id)
        .outerjoin(Organisation, Organisation.id == Person.culture_school_id)
    )


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


def member_ids(
    session: Session,
    flt: MemberFilter,
    on: dt.date,
    order: SortColumn = SortColumn.NAME,
    descending: bool = False,
) -> list[int]:
    """The ids of the persons matching ``flt``, in the requested order."""
    return MemberIndex.read(session, on, flt.include_erased).select(flt, order, descending)


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


@dataclass(frozen=True)
class NameRow:
    """A person as a list of the people at an event shows them (the sign-up sheet, the
    attendance grid, the lunch list): name, ensemble and instrument on a day."""

    person_id: int
    first_name: str
    last_name: str
    ensemble: str | None
    instrument: str | None
    section: str | None


def name_rows(session: Session, ids: Iterable[int], on: dt.date) -> dict[int, NameRow]:
    """``NameRow``s of the persons ``ids``, with the membership current on ``on`` (the rule of
    ``rows_for``). Only these columns are read: on a server, the lunch and instructor roles
    may read a person's name, and not the birth date, place or consents of a full row."""
    wanted = list(ids)
    if not wanted:
        return {}
    query = (
        select(
            Person.id,
            Person.first_name,
            Person.last_name,
            Ensemble.name,
            Instrument.name_nb,
            Instrument.section,
        )
        .select_from(Person)
        .outerjoin(Membership, Membership.id == current_membership_id(on))
        .outerjoin(Ensemble, Ensemble.id == Membership.ensemble_id)
        .outerjoin(Instrument, Instrument.id == Membership.instrument_id)
        .where(Person.id.in_(wanted))
    )
    return {row[0]: NameRow(*row) for row in session.execute(query)}


def named_person(session: Session, person_id: int) -> Person:
    """The person ``person_id`` with only the names and the archived and erased marks read
    (the rest is read if touched): enough to name them in a message or refuse an archived
    one, and what every role that records for a person may read (see ``name_rows``)."""
    person = session.get(
        Person,
        person_id,
        options=[
            load_only(Person.first_name, Person.last_name, Person.archived_at, Person.erased_at)
        ],
    )
    if person is None:
        raise not_in_register("person", person_id)
    return person


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

    index = MemberIndex.read(session, on, include_erased)

    def rows_with(flags: set[AgeFlag]) -> list[MemberRow]:
        ids = index.select(MemberFilter(flags=flags, include_erased=include_erased))
        rows = rows_for(session, ids, on)
        return [rows[i] for i in ids]

    return AgeLimitOverview(
        ages_out=rows_with({AgeFlag.AGES_OUT}),
        may_move_up=rows_with({AgeFlag.MAY_MOVE_UP}),
        outside_limits=rows_with({AgeFlag.BELOW_MINIMUM, AgeFlag.ABOVE_MAXIMUM}),
    )


def municipalities_in_register(
    session: Session, on: dt.date | None = None, *, present: Iterable[int | None] | None = None
) -> list[tuple[tuple[int, ...], Text | str]]:
    """(ids, label) of the municipalities persons in the register live in, for the filter.

    A municipality of ``on`` (default today) stands for everyone living in it then, whatever
    era they are registered under: "Asker" is Asker 0220 and 3203 and Hurum and Røyken. One
    merged since under another name has an entry of its own as well, "Hurum (now Asker)", to
    narrow the list to those registered there. ``present``: the municipalities the persons
    live in, when the caller knows them (a listing's snapshot), saving a pass over them."""
    on = clock.or_today(on)
    if present is None:
        query = (
            select(Municipality).distinct().join(Person, Person.municipality_id == Municipality.id)
        )
    else:
        query = select(Municipality).where(
            Municipality.id.in_([place for place in present if place is not None])
        )
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
