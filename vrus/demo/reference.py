"""What the demo needs from the reference data the migrations loaded.

The demo never hard-codes ids: it looks municipalities, ensembles, instruments and
organisations up by what a user would recognise (number, short name, English name, name), so
it keeps working after the coordinator has edited the reference data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from vrus.db.enums import OrganisationKind
from vrus.db.models import Ensemble, Instrument, Municipality, Organisation, Project
from vrus.errors import VrusError

# Organisations the demo creates itself (the reference data has no school orchestras). Reset
# deletes exactly these, and loading gets them by name, so repeated demos never duplicate them.
SCHOOL_ORCHESTRA = "Jar skoles strykeorkester"
DEMO_ORGANISATIONS = {SCHOOL_ORCHESTRA: (OrganisationKind.ORCHESTRA, "Bærum")}

ENSEMBLE_KEYS = ("ungdom", "junior", "aspirant")
# Used when an ensemble has no limit of its own (the aspirants): the ages they are recruited at.
DEFAULT_LIMITS = {"ungdom": (13, 18), "junior": (8, 13), "aspirant": (8, 11)}


@dataclass(frozen=True)
class EnsembleRef:
    id: int
    name: str
    min_age: int
    max_age: int
    sort_order: int


@dataclass
class Place:
    """A municipality valid today, with the 2014 population behind it and its culture schools."""

    id: int
    name: str
    in_region: bool
    weight: int = 0
    schools: list[int] = field(default_factory=list)


@dataclass
class Reference:
    ensembles: dict[str, EnsembleRef]
    instruments: dict[str, int]  # English name -> id
    sections: dict[int, str]  # instrument id -> section
    region: list[Place]  # in the region and valid today, largest first
    outside: list[Place]  # valid today, outside the region (Oslo)
    organisations: dict[str, int]  # name -> id
    iris_project_id: int | None


def load_reference(session: Session, today: dt.date) -> Reference:
    ensembles = _ensembles(session)
    rows = session.scalars(select(Instrument).order_by(Instrument.sort_order)).all()
    places = _places(session, today)
    return Reference(
        ensembles=ensembles,
        instruments={row.name_en: row.id for row in rows},
        sections={row.id: row.section for row in rows},
        region=sorted((p for p in places if p.in_region), key=lambda p: (-p.weight, p.id)),
        outside=[p for p in places if not p.in_region],
        organisations=_organisations(session, places),
        iris_project_id=session.scalar(select(Project.id).where(Project.name == "IRIS")),
    )


def _ensembles(session: Session) -> dict[str, EnsembleRef]:
    found = {row.short_name: row for row in session.scalars(select(Ensemble))}
    missing = [key for key in ENSEMBLE_KEYS if key not in found]
    if missing:
        raise VrusError(
            f"the register has no ensemble with short name '{missing[0]}'; "
            "the demo needs ungdom, junior and aspirant"
        )
    refs = {}
    for key in ENSEMBLE_KEYS:
        row = found[key]
        low, high = DEFAULT_LIMITS[key]
        refs[key] = EnsembleRef(
            row.id,
            row.name,
            row.min_age if row.min_age is not None else low,
            row.max_age if row.max_age is not None else high,
            row.sort_order,
        )
    return refs


def _places(session: Session, today: dt.date) -> list[Place]:
    rows = {row.id: row for row in session.scalars(select(Municipality).order_by(Municipality.id))}
    places = {
        row.id: Place(row.id, row.name, row.in_region)
        for row in rows.values()
        if row.valid_on(today)
    }

    def current(municipality_id: int | None) -> Place | None:
        # Follow mergers and renumberings to the row valid today; the bound guards a cycle.
        for _ in range(10):
            if municipality_id is None:
                return None
            if municipality_id in places:
                return places[municipality_id]
            municipality_id = rows[municipality_id].successor_id
        return None

    for row in rows.values():
        place = current(row.id)
        if place is not None and row.population:
            place.weight += row.population
    schools = session.execute(
        select(Organisation.id, Organisation.name, Organisation.municipality_id)
        .where(
            Organisation.kind == OrganisationKind.CULTURE_SCHOOL.value,
            Organisation.archived.is_(False),
        )
        .order_by(Organisation.id)
    )
    for school_id, name, municipality_id in schools:
        place = current(municipality_id)
        if place is None:
            continue
        # The school named after the municipality first: the one most children go to.
        if name.startswith(place.name):
            place.schools.insert(0, school_id)
        else:
            place.schools.append(school_id)
    if not any(p.in_region for p in places.values()):
        raise VrusError(
            f"no municipality in the region is valid on {today:%d.%m.%Y}; "
            "the demo needs the region's municipalities"
        )
    for place in places.values():
        # Municipalities without a 2014 population still get a few members.
        place.weight = max(place.weight, 2000)
    return list(places.values())


def _organisations(session: Session, places: list[Place]) -> dict[str, int]:
    by_name = {p.name: p.id for p in places}
    existing = dict(session.execute(select(Organisation.name, Organisation.id)).all())
    for name, (kind, municipality) in DEMO_ORGANISATIONS.items():
        if name not in existing:
            existing[name] = session.execute(
                insert(Organisation)
                .values(
                    name=name,
                    kind=kind.value,
                    municipality_id=by_name.get(municipality),
                    archived=False,
                    notes="Created by the demo.",
                )
                .returning(Organisation.id)
            ).scalar_one()
    return existing
