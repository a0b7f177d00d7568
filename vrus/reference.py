"""Settings edits of the reference data: municipalities, instruments, ensembles, organisations.

Each edit is one transaction and validates first, so a bad value changes nothing. Also how
views show a stored municipality that has since been merged ("Hurum (now Asker)").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vrus.collation import sort_key
from vrus.db.engine import Database
from vrus.db.enums import OrganisationKind
from vrus.db.models import Ensemble, Instrument, Municipality, Organisation
from vrus.errors import not_in_register
from vrus.texts import Text, translate
from vrus.validation import ValidationError


def _count(value: Any, field: str, *, maximum: int = 10_000_000) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(
            field, translate("Core", "'{value}' is not a whole number").format(value=value)
        ) from None
    if not 0 <= number <= maximum:
        raise ValidationError(
            field, translate("Core", "must be between 0 and {maximum}").format(maximum=maximum)
        )
    return number


def _get(session, model: type, row_id: int, what: str):
    row = session.get(model, row_id)
    if row is None:
        raise not_in_register(what, row_id)
    return row


def update_municipality(
    db: Database,
    municipality_id: int,
    *,
    population: Any = ...,
    population_year: Any = ...,
    in_region: bool | None = None,
) -> None:
    with db.transaction() as session:
        row = _get(session, Municipality, municipality_id, "municipality")
        if population is not ...:
            row.population = _count(population, "population")
        if population_year is not ...:
            row.population_year = _count(population_year, "population_year", maximum=2200)
        if in_region is not None:
            row.in_region = bool(in_region)


def update_instrument(
    db: Database,
    instrument_id: int,
    *,
    target_count: Any = ...,
    hard_to_recruit: bool | None = None,
) -> None:
    with db.transaction() as session:
        row = _get(session, Instrument, instrument_id, "instrument")
        if target_count is not ...:
            row.target_count = _count(target_count, "target_count", maximum=200)
        if hard_to_recruit is not None:
            row.hard_to_recruit = bool(hard_to_recruit)


def update_ensemble_limits(db: Database, ensemble_id: int, min_age: Any, max_age: Any) -> None:
    """Change an ensemble's age limits; every age flag follows at once."""
    low = _count(min_age, "min_age", maximum=99)
    high = _count(max_age, "max_age", maximum=99)
    if low is not None and high is not None and low > high:
        raise ValidationError(
            "min_age",
            translate("Core", "the lower limit {low} is above the upper {high}").format(
                low=low, high=high
            ),
        )
    with db.transaction() as session:
        row = _get(session, Ensemble, ensemble_id, "ensemble")
        row.min_age, row.max_age = low, high


def save_organisation(
    db: Database,
    organisation_id: int | None,
    *,
    name: str,
    kind: str,
    municipality_id: int | None = None,
    website: str | None = None,
    notes: str | None = None,
) -> int:
    """Create (``organisation_id`` None) or update a culture school, partner or funder."""
    clean_name = " ".join((name or "").split())
    if not clean_name:
        raise ValidationError("name", translate("Core", "is required"))
    if kind not in {k.value for k in OrganisationKind}:
        raise ValidationError(
            "kind", translate("Core", "'{kind}' is not a kind of organisation").format(kind=kind)
        )
    with db.transaction() as session:
        clash = session.scalar(
            select(Organisation.id).where(func.lower(Organisation.name) == clean_name.lower())
        )
        if clash is not None and clash != organisation_id:
            raise ValidationError(
                "name",
                translate("Core", "an organisation called '{name}' exists").format(name=clean_name),
            )
        row = (
            Organisation()
            if organisation_id is None
            else _get(session, Organisation, organisation_id, "organisation")
        )
        row.name, row.kind, row.municipality_id = clean_name, kind, municipality_id
        row.website = (website or "").strip() or None
        row.notes = (notes or "").strip() or None
        session.add(row)
        session.flush()
        return row.id


# --- Reading, for the Settings tables and the choice lists --------------------------------


@dataclass(frozen=True)
class MunicipalityRow:
    id: int
    number: str
    name: str
    county: str | None
    population: int | None
    population_year: int | None
    in_region: bool
    valid_from: dt.date | None
    valid_to: dt.date | None


class _Named(Protocol):
    @property
    def name(self) -> str: ...


def is_renumbering(row: _Named, successor: _Named, predecessors_of_successor: int) -> bool:
    """Whether ``successor`` is ``row`` under a new number, with the same borders: the same
    name, and ``row`` its only predecessor (Bærum 0219 -> 3024 -> 3201). A merger (Asker 0220
    -> 3025, with Røyken and Hurum) or a new name (Sande -> Holmestrand) is not. The import
    and the reports' population figures both follow this rule."""
    return predecessors_of_successor == 1 and successor.name.casefold() == row.name.casefold()


def now_part_of(municipality: Municipality, on: dt.date) -> Municipality | None:
    """What a municipality that had ended by ``on`` had become then (Hurum: Asker 3203);
    None while it is valid, or when it ended without a successor valid that day."""
    if municipality.valid_on(on):
        return None
    row, seen = municipality, {municipality.id}
    while row.successor is not None and row.successor.id not in seen:
        row = row.successor
        seen.add(row.id)
        if row.valid_on(on):
            return row
    return None


def municipality_label(name: str, now: str | None) -> Text | str:
    """A stored municipality as views show it: "Hurum (now Asker)" when it has been merged
    into another, the name alone otherwise (Asker 0220 renumbered to 3203 is still Asker).
    The register keeps Hurum: a report on 2014 needs it."""
    if now is None or now == name:
        return name
    return translate("Core", "{name} (now {current})").format(name=name, current=now)


def municipality_shown(
    session: Session, municipality_id: int | None, on: dt.date
) -> Text | str | None:
    """The label of one stored municipality on ``on``; None for none."""
    row = session.get(Municipality, municipality_id) if municipality_id is not None else None
    if row is None:
        return None
    now = now_part_of(row, on)
    return municipality_label(row.name, now.name if now else None)


def municipalities(session: Session, on: dt.date | None = None) -> list[MunicipalityRow]:
    """Municipalities in Norwegian order (then oldest first); only those valid ``on`` if given."""
    rows = [
        MunicipalityRow(
            m.id,
            m.number,
            m.name,
            m.county,
            m.population,
            m.population_year,
            bool(m.in_region),
            m.valid_from,
            m.valid_to,
        )
        for m in session.scalars(select(Municipality))
        if on is None or m.valid_on(on)
    ]
    return sorted(rows, key=lambda r: (sort_key(r.name), r.valid_from or dt.date.min, r.id))


@dataclass(frozen=True)
class InstrumentRow:
    id: int
    name_nb: str
    name_en: str
    section: str
    target_count: int | None
    hard_to_recruit: bool
    sort_order: int


def instruments(session: Session) -> list[InstrumentRow]:
    """Instruments in score order (strings, woodwind, brass, percussion, other)."""
    query = select(Instrument).order_by(Instrument.sort_order, Instrument.id)
    return [
        InstrumentRow(
            i.id,
            i.name_nb,
            i.name_en,
            i.section,
            i.target_count,
            bool(i.hard_to_recruit),
            i.sort_order,
        )
        for i in session.scalars(query)
    ]


@dataclass(frozen=True)
class EnsembleRow:
    id: int
    name: str
    short_name: str
    min_age: int | None
    max_age: int | None
    next_ensemble: str | None
    sort_order: int


def ensembles(session: Session) -> list[EnsembleRow]:
    query = select(Ensemble).order_by(Ensemble.sort_order, Ensemble.id)
    return [
        EnsembleRow(
            e.id,
            e.name,
            e.short_name,
            e.min_age,
            e.max_age,
            e.next_ensemble.name if e.next_ensemble else None,
            e.sort_order,
        )
        for e in session.scalars(query)
    ]


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    kind: str
    municipality_id: int | None
    municipality: str | None
    website: str | None
    notes: str | None


def organisations(session: Session, kind: str | None = None) -> list[OrganisationRow]:
    """Organisations in Norwegian order of name; of one kind if given (culture schools)."""
    query = select(Organisation).where(Organisation.archived.is_(False))
    if kind is not None:
        query = query.where(Organisation.kind == kind)
    rows = [
        OrganisationRow(
            o.id,
            o.name,
            o.kind,
            o.municipality_id,
            o.municipality.name if o.municipality else None,
            o.website,
            o.notes,
        )
        for o in session.scalars(query)
    ]
    return sorted(rows, key=lambda r: sort_key(r.name))
