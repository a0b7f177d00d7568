"""The kept member list behind search as you type, and the new sort columns."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.ages import AgeFlag
from vrus.db.models import Ensemble, Instrument
from vrus.member_list import (
    MemberFilter,
    MemberIndex,
    SortColumn,
    Status,
    count_persons,
    member_ids,
    municipalities_in_register,
)
from vrus.memberships import start_membership
from vrus.persons import archive_person, update_person

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def register(db) -> dict[str, int]:
    with db.transaction() as session:
        ens = {e.short_name: e.id for e in session.scalars(select(Ensemble))}
        ins = {i.name_en: i.id for i in session.scalars(select(Instrument))}
    people = {
        "aase": ("Åse", "Aasen", dt.date(2008, 4, 1), "ungdom"),  # 18: ages out
        "zoe": ("Zoë", "Zimmermann", dt.date(2011, 1, 9), "ungdom"),
        "minh": ("Minh", "Nguyễn", dt.date(2013, 6, 6), "junior"),  # 13: may move up
        "eldre": ("Eldar", "Østby", dt.date(2006, 3, 3), "ungdom"),  # 20: above
    }
    ids = {}
    for key, (first, last, born, ensemble) in people.items():
        ids[key] = add_person(db, first, last, born)
        start_membership(db, ids[key], ens[ensemble], ins["Violin"], dt.date(2024, 8, 1))
    ids["former"] = add_person(db, "Berit", "Berg")
    ids["archived"] = add_person(db, "Arne", "Arkiv")
    archive_person(db, ids["archived"])
    return ids


FILTERS = [
    MemberFilter(),
    MemberFilter(status=None, search="a"),
    MemberFilter(status=None, search="NGUYEN"),
    MemberFilter(status=Status.ARCHIVED),
    MemberFilter(flags={AgeFlag.AGES_OUT, AgeFlag.ABOVE_MAXIMUM}),
    MemberFilter(search="zo zi"),
]


@pytest.mark.parametrize("flt", FILTERS)
@pytest.mark.parametrize("order", list(SortColumn))
def test_index_gives_what_member_ids_gives(db, register, flt, order) -> None:
    index = MemberIndex()
    for descending in (False, True):
        with db.sessions() as session:
            expected = member_ids(session, flt, TODAY, order, descending)
        assert index.member_ids(db.sessions, flt, TODAY, order, descending) == expected


def test_index_reads_the_register_once_for_every_listing(db, register) -> None:
    """Searches, filters and orders are answered from the snapshot; after ``invalidate``
    only the journal is read again."""
    opened = []

    def sessions():
        opened.append(1)
        return db.sessions()

    index = MemberIndex()
    for text in ["", "n", "ng", "ngu", "nguy", "nguyen", "ngu", ""]:
        index.member_ids(sessions, MemberFilter(status=None, search=text), TODAY)
    index.member_ids(sessions, MemberFilter(status=None, flags={AgeFlag.MAY_MOVE_UP}), TODAY)
    for order in SortColumn:
        index.member_ids(sessions, MemberFilter(status=Status.ACTIVE), TODAY, order, True)
    assert len(opened) == 1
    index.invalidate()
    index.member_ids(sessions, MemberFilter(), TODAY)
    assert len(opened) == 2


def test_index_is_stale_until_invalidated(db, register) -> None:
    index = MemberIndex()
    flt = MemberFilter(search="Zoë")
    assert index.member_ids(db.sessions, flt, TODAY) == [register["zoe"]]
    update_person(db, register["zoe"], {"first_name": "Sofie"})
    assert index.member_ids(db.sessions, flt, TODAY) == [register["zoe"]]
    index.invalidate()
    assert index.member_ids(db.sessions, flt, TODAY) == []


def test_sort_by_status_and_by_flags(db, register) -> None:
    with db.sessions() as session:
        by_status = member_ids(session, MemberFilter(status=None), TODAY, SortColumn.STATUS)
        by_flags = member_ids(session, MemberFilter(status=None), TODAY, SortColumn.FLAGS)
        flags_down = member_ids(
            session, MemberFilter(status=None), TODAY, SortColumn.FLAGS, descending=True
        )
    # Active (in name order) before former.
    assert by_status == [register[k] for k in ("aase", "minh", "zoe", "eldre", "former")]
    # Above the limit, then ageing out (Aasen before Nguyễn by name), may move up, none.
    assert by_flags == [register[k] for k in ("eldre", "aase", "minh", "former", "zoe")]
    assert flags_down[:2] == [register["zoe"], register["former"]]  # no flags, Z..A


def test_count_and_municipalities(db, register) -> None:
    with db.sessions() as session:
        assert count_persons(session) == 5
        assert count_persons(session, include_archived=True) == 6
        assert [name for _, name in municipalities_in_register(session)] == ["Asker"]


def test_blanks_sort_last_in_both_directions(db, register) -> None:
    with db.sessions() as session:
        for order in (SortColumn.ENSEMBLE, SortColumn.INSTRUMENT, SortColumn.SECTION):
            up = member_ids(session, MemberFilter(status=None), TODAY, order)
            down = member_ids(session, MemberFilter(status=None), TODAY, order, True)
            assert up[-1] == register["former"], order
            assert down[-1] == register["former"], order
