"""The reference data the migration loads: municipalities, populations, instruments, ensembles."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from vrus.db.models import (
    Ensemble,
    Instrument,
    Municipality,
    MunicipalityPopulation,
    Organisation,
    Project,
)

REGION_2014 = [
    "Asker",
    "Bærum",
    "Drammen",
    "Hole",
    "Hurum",
    "Jevnaker",
    "Krødsherad",
    "Lier",
    "Modum",
    "Nedre Eiker",
    "Ringerike",
    "Røyken",
    "Sande",
    "Sigdal",
    "Svelvik",
    "Øvre Eiker",
]


def _valid_on(day: dt.date):
    return ((Municipality.valid_from.is_(None)) | (Municipality.valid_from <= day)) & (
        (Municipality.valid_to.is_(None)) | (Municipality.valid_to >= day)
    )


def test_sixteen_municipalities_of_2014(db) -> None:
    with db.transaction() as session:
        rows = session.scalars(
            select(Municipality)
            .where(_valid_on(dt.date(2014, 6, 1)), Municipality.in_region)
            .order_by(Municipality.name)
        ).all()
        assert [m.name for m in rows] == REGION_2014
        assert all(len(m.number) == 4 for m in rows)
        assert sum(m.population for m in rows) == 417_702
        assert {m.population_year for m in rows} == {2014}
        jevnaker = next(m for m in rows if m.name == "Jevnaker")
        assert (jevnaker.number, jevnaker.county) == ("0532", "Oppland")


def test_mergers_lead_to_todays_municipalities(db) -> None:
    with db.transaction() as session:

        def today_of(number: str) -> str:
            row = session.scalars(select(Municipality).where(Municipality.number == number)).one()
            while row.successor is not None:
                row = row.successor
            assert row.valid_to is None
            return f"{row.number} {row.name} ({row.county})"

        assert today_of("0628") == "3203 Asker (Akershus)"  # Hurum
        assert today_of("0627") == "3203 Asker (Akershus)"  # Røyken
        assert today_of("0711") == "3301 Drammen (Buskerud)"  # Svelvik
        assert today_of("0625") == "3301 Drammen (Buskerud)"  # Nedre Eiker
        assert today_of("0713") == "3903 Holmestrand (Vestfold)"  # Sande
        assert today_of("0532") == "3236 Jevnaker (Akershus)"
        today = session.scalars(
            select(Municipality.name).where(
                _valid_on(dt.date(2026, 11, 26)), Municipality.in_region
            )
        ).all()
        assert len(today) == 12


def test_residents_by_age(db) -> None:
    with db.transaction() as session:
        baerum = session.scalars(select(Municipality).where(Municipality.number == "0219")).one()
        by_age = session.scalar(
            select(MunicipalityPopulation.persons).where(
                MunicipalityPopulation.municipality_id == baerum.id,
                MunicipalityPopulation.year == 2010,
                MunicipalityPopulation.age == 8,
            )
        )
        assert by_age == 1508
        ages = session.scalar(
            select(func.count(func.distinct(MunicipalityPopulation.age))).where(
                MunicipalityPopulation.age.is_not(None)
            )
        )
        assert ages == 14  # 6 to 19
        years = session.scalars(
            select(func.distinct(MunicipalityPopulation.year))
            .join(Municipality)
            .where(Municipality.valid_to.is_not(None), Municipality.valid_from.is_(None))
        ).all()
        assert sorted(years) == list(range(2010, 2019))  # the 2014 municipalities


def test_instruments_and_hard_to_recruit(db) -> None:
    with db.transaction() as session:
        hard = session.scalars(
            select(Instrument.name_en)
            .where(Instrument.hard_to_recruit)
            .order_by(Instrument.name_en)
        ).all()
        assert hard == ["Bassoon", "Double bass", "Oboe", "Viola"]
        sections = set(session.scalars(select(Instrument.section)).all())
        assert sections == {"strings", "woodwind", "brass", "percussion", "other"}


def test_ensembles_with_age_limits(db) -> None:
    with db.transaction() as session:
        rows = session.scalars(select(Ensemble).order_by(Ensemble.sort_order)).all()
        assert [(e.name, e.short_name, e.min_age, e.max_age) for e in rows] == [
            ("Ungdomssymfonikerne", "ungdom", 13, 18),
            ("Juniorsymfonikerne", "junior", 8, 13),
            ("Aspiranter", "aspirant", None, None),
        ]
        assert [e.next_ensemble.short_name if e.next_ensemble else None for e in rows] == [
            None,
            "ungdom",
            "junior",
        ]


def test_organisations_and_iris(db) -> None:
    with db.transaction() as session:
        schools = session.scalar(
            select(func.count())
            .select_from(Organisation)
            .where(Organisation.kind == "culture_school")
        )
        assert schools == 16
        iris = session.scalars(select(Project).where(Project.name == "IRIS")).one()
        assert iris.funder.name == "Sparebankstiftelsen DNB"
