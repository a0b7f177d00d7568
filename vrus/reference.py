"""Settings edits of the reference data: municipalities, instruments, ensembles, organisations.

Each edit is one transaction and validates first, so a bad value changes nothing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from vrus.db.engine import Database
from vrus.db.enums import OrganisationKind
from vrus.db.models import Ensemble, Instrument, Municipality, Organisation
from vrus.errors import VrusError
from vrus.validation import ValidationError


def _count(value: Any, field: str, *, maximum: int = 10_000_000) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(field, f"'{value}' is not a whole number") from None
    if not 0 <= number <= maximum:
        raise ValidationError(field, f"must be between 0 and {maximum}")
    return number


def _get(session, model: type, row_id: int, what: str):
    row = session.get(model, row_id)
    if row is None:
        raise VrusError(f"{what} {row_id} is not in the register")
    return row


def update_municipality(db: Database, municipality_id: int, *, population: Any = ...,
                        population_year: Any = ..., in_region: bool | None = None) -> None:
    with db.transaction() as session:
        row = _get(session, Municipality, municipality_id, "municipality")
        if population is not ...:
            row.population = _count(population, "population")
        if population_year is not ...:
            row.population_year = _count(population_year, "population_year", maximum=2200)
        if in_region is not None:
            row.in_region = bool(in_region)


def update_instrument(db: Database, instrument_id: int, *, target_count: Any = ...,
                      hard_to_recruit: bool | None = None) -> None:
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
        raise ValidationError("min_age", f"the lower limit {low} is above the upper {high}")
    with db.transaction() as session:
        row = _get(session, Ensemble, ensemble_id, "ensemble")
        row.min_age, row.max_age = low, high


def save_organisation(db: Database, organisation_id: int | None, *, name: str,
                      kind: str, municipality_id: int | None = None,
                      website: str | None = None, notes: str | None = None) -> int:
    """Create (``organisation_id`` None) or update a culture school, partner or funder."""
    clean_name = " ".join((name or "").split())
    if not clean_name:
        raise ValidationError("name", "is required")
    if kind not in {k.value for k in OrganisationKind}:
        raise ValidationError("kind", f"'{kind}' is not a kind of organisation")
    with db.transaction() as session:
        clash = session.scalar(select(Organisation.id).where(
            func.lower(Organisation.name) == clean_name.lower()))
        if clash is not None and clash != organisation_id:
            raise ValidationError("name", f"an organisation called '{clean_name}' exists")
        row = (Organisation() if organisation_id is None
               else _get(session, Organisation, organisation_id, "organisation"))
        row.name, row.kind, row.municipality_id = clean_name, kind, municipality_id
        row.website = (website or "").strip() or None
        row.notes = (notes or "").strip() or None
        session.add(row)
        session.flush()
        return row.id
