"""The register list: search, filters, flags and Norwegian order, computed in the core."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.ages import AgeFlag
from vrus.db.models import Ensemble, Instrument
from vrus.member_list import MemberFilter, SortColumn, Status, member_ids, rows_for
from vrus.memberships import end_membership, start_membership
from vrus.persons import archive_person

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def register(db):
    with db.transaction() as session:
        ens = {e.short_name: e.id for e in session.scalars(select(Ensemble))}
        ins = {i.name_en: i.id for i in session.scalars(select(Instrument))}
    people = {
        "aase": ("Åse", "Aasen", dt.date(2008, 4, 1), "ungdom", "Viola"),
        "zoe": ("Zoë", "Zimmermann", dt.date(2011, 1, 9), "ungdom", "Violin"),
        "nguyen": ("Minh", "Nguyễn", dt.date(2013, 6, 6), "junior", "Cello"),
        "lukasz": ("Łukasz", "Ærlig", dt.date(2016, 2, 2), "junior", "Oboe"),
        "oystein": ("Øystein", "Berg-Hansen", dt.date(2010, 7, 7), "ungdom", "Trumpet"),
    }
    ids = {}
    for key, (first, last, born, ensemble, instrument) in people.items():
        ids[key] = add_person(db, first, last, born)
        start_membership(db, ids[key], ens[ensemble], ins[instrument], dt.date(2024, 8, 1))
    former = add_person(db, "Aaron", "Øverby", dt.date(2007, 1, 1))
    mid = start_membership(db, former, ens["ungdom"], ins["French horn"], dt.date(2022, 1, 1))
    end_membership(db, mid, dt.date(2025, 12, 31), "aged_out")
    ids["former"] = former
    archived = add_person(db, "Arkiv", "Person", dt.date(2012, 1, 1))
    archive_person(db, archived)
    ids["archived"] = archived
    return ids


def _names(db, flt: MemberFilter, **kw) -> list[str]:
    with db.transaction() as session:
        ids = member_ids(session, flt, TODAY, **kw)
        rows = rows_for(session, ids, TODAY)
    return [rows[i].last_name for i in ids]


def test_active_sorted_by_surname_norwegian(db, register) -> None:
    assert _names(db, MemberFilter()) == ["Aasen", "Berg-Hansen", "Nguyễn", "Zimmermann", "Ærlig"]


def test_status_filters(db, register) -> None:
    assert _names(db, MemberFilter(status=Status.FORMER)) == ["Øverby"]
    assert _names(db, MemberFilter(status=Status.ARCHIVED)) == ["Person"]
    assert len(_names(db, MemberFilter(status=None))) == 6


def test_search_ignores_case_and_accents(db, register) -> None:
    assert _names(db, MemberFilter(search="nguyen")) == ["Nguyễn"]
    assert _names(db, MemberFilter(search="LUKASZ")) == ["Ærlig"]
    assert _names(db, MemberFilter(search="øy")) == ["Berg-Hansen"]
    assert _names(db, MemberFilter(search="hansen øys")) == ["Berg-Hansen"]
    assert _names(db, MemberFilter(search="oy")) == []


def test_section_and_ensemble_filters(db, register) -> None:
    with db.transaction() as session:
        junior = session.scalars(select(Ensemble.id).where(Ensemble.short_name == "junior")).one()
    assert _names(db, MemberFilter(sections={"strings"})) == ["Aasen", "Nguyễn", "Zimmermann"]
    assert _names(db, MemberFilter(ensemble_ids={junior})) == ["Nguyễn", "Ærlig"]


def test_flags(db, register) -> None:
    # 2026: Åse turns 18 (ages out), Minh turns 13 (may move up and ages out of the juniors),
    # Łukasz turns 10.
    assert _names(db, MemberFilter(flags={AgeFlag.AGES_OUT})) == ["Aasen", "Nguyễn"]
    assert _names(db, MemberFilter(flags={AgeFlag.MAY_MOVE_UP})) == ["Nguyễn"]
    with db.transaction() as session:
        row = rows_for(session, [register["nguyen"]], TODAY)[register["nguyen"]]
    assert (row.age, row.ensemble, row.instrument, row.section) == (
        13,
        "Juniorsymfonikerne",
        "Cello",
        "strings",
    )
    assert row.flags == {AgeFlag.AGES_OUT, AgeFlag.MAY_MOVE_UP}


def test_sort_by_age_and_instrument(db, register) -> None:
    assert _names(db, MemberFilter(), order=SortColumn.AGE) == [
        "Ærlig",
        "Nguyễn",
        "Zimmermann",
        "Berg-Hansen",
        "Aasen",
    ]
    assert _names(db, MemberFilter(), order=SortColumn.AGE, descending=True)[0] == "Aasen"
    assert _names(db, MemberFilter(), order=SortColumn.INSTRUMENT) == [
        "Zimmermann",
        "Aasen",
        "Nguyễn",
        "Ærlig",
        "Berg-Hansen",
    ]


def test_age_limit_overview(db, register) -> None:
    from vrus.member_list import age_limit_overview

    with db.transaction() as session:
        overview = age_limit_overview(session, TODAY)
    assert [r.last_name for r in overview.ages_out] == ["Aasen", "Nguyễn"]
    assert [r.last_name for r in overview.may_move_up] == ["Nguyễn"]
    assert overview.outside_limits == []
    with db.transaction() as session:
        later = age_limit_overview(session, dt.date(2027, 1, 2))
    assert [r.last_name for r in later.outside_limits] == ["Aasen", "Nguyễn"]
