"""Migration 0003: the figures of the 12 municipalities of 2024, 2019-2026, beside 2014's."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select

from vrus.db.migrate import downgrade, upgrade
from vrus.db.models import Municipality, MunicipalityPopulation

SOURCE = "SSB table 07459, 1 January (2024 borders)"
BORDERS_2024 = dt.date(2024, 1, 1)


def _total(session, year: int) -> int:
    return session.scalar(
        select(func.sum(MunicipalityPopulation.persons))
        .join(Municipality)
        .where(
            Municipality.valid_from == BORDERS_2024,
            MunicipalityPopulation.year == year,
            MunicipalityPopulation.age.is_(None),
        )
    )


def _count(session, **where) -> int:
    return session.scalar(
        select(func.count()).select_from(MunicipalityPopulation).filter_by(**where)
    )


def test_the_twelve_municipalities_of_2024_add_up(db) -> None:
    with db.sessions() as session:
        assert _total(session, 2024) == 476_383
        assert _total(session, 2026) == 484_351
        holders = session.scalars(
            select(Municipality.number)
            .join(MunicipalityPopulation)
            .where(MunicipalityPopulation.source == SOURCE)
            .distinct()
        ).all()
        assert len(holders) == 12 and "3203" in holders and "3903" in holders
        years = session.scalars(
            select(MunicipalityPopulation.year)
            .where(MunicipalityPopulation.source == SOURCE)
            .distinct()
        ).all()
        assert sorted(years) == list(range(2019, 2027))
        # Per municipality and year: the whole population and the ages 6 to 19.
        assert _count(session, source=SOURCE) == 12 * 8 * 15
        asker = session.scalars(select(Municipality).where(Municipality.number == "3203")).one()
        assert asker.valid_from == BORDERS_2024
        assert _count(session, municipality_id=asker.id, year=2026) == 15


def test_figures_of_2014_stay(db) -> None:
    with db.sessions() as session:
        baerum = session.scalars(select(Municipality).where(Municipality.number == "0219")).one()
        assert (
            session.scalar(
                select(MunicipalityPopulation.persons).where(
                    MunicipalityPopulation.municipality_id == baerum.id,
                    MunicipalityPopulation.year == 2014,
                    MunicipalityPopulation.age.is_(None),
                )
            )
            == 118_588
        )


def test_downgrade_removes_exactly_its_figures(db) -> None:
    with db.sessions() as session:
        everything = _count(session)
        mine = _count(session, source=SOURCE)
    downgrade(db, "0002")
    with db.sessions() as session:
        assert _count(session) == everything - mine
        assert _count(session, source=SOURCE) == 0
    upgrade(db)
    with db.sessions() as session:
        assert _count(session) == everything


def test_a_number_the_register_lacks_is_skipped(db) -> None:
    downgrade(db, "0002")
    with db.transaction() as session:
        session.execute(delete(Municipality).where(Municipality.number == "3903"))
    upgrade(db)
    with db.sessions() as session:
        holders = session.scalars(
            select(Municipality.number)
            .join(MunicipalityPopulation)
            .where(MunicipalityPopulation.source == SOURCE)
            .distinct()
        ).all()
        assert len(holders) == 11 and "3903" not in holders


def test_a_figure_the_register_holds_wins(db) -> None:
    downgrade(db, "0002")
    with db.transaction() as session:
        asker = session.scalars(select(Municipality).where(Municipality.number == "3203")).one()
        session.add(
            MunicipalityPopulation(
                municipality_id=asker.id,
                year=2026,
                age=None,
                persons=100_000,
                source="counted by hand",
            )
        )
    upgrade(db)
    with db.sessions() as session:
        mine = session.scalars(
            select(MunicipalityPopulation).where(
                MunicipalityPopulation.municipality_id == asker.id,
                MunicipalityPopulation.year == 2026,
                MunicipalityPopulation.age.is_(None),
            )
        ).one()
        assert (mine.persons, mine.source) == (100_000, "counted by hand")
        assert _count(session, municipality_id=asker.id, year=2025) == 15
