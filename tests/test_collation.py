"""Norwegian order, in Python and in SQL: A..Z, Æ, Ø, Å."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from tests.factories import add_person
from vrus.collation import compare, norwegian_sorted, search_fold, sort_key
from vrus.db.models import Municipality, Person

EXPECTED = ["Aaron", "Łukasz", "Zoë", "Ærlig", "Øystein", "Åse"]


def test_python_order() -> None:
    shuffled = EXPECTED[:]
    random.Random(7).shuffle(shuffled)
    assert norwegian_sorted(shuffled) == EXPECTED


def test_accents_sort_with_their_letter_but_norwegian_letters_do_not() -> None:
    assert norwegian_sorted(["Zoë", "Nguyễn", "Nguyen", "Ødegård", "Oscar", "Émile", "Eva"]) == [
        "Émile",
        "Eva",
        "Nguyen",
        "Nguyễn",
        "Oscar",
        "Zoë",
        "Ødegård",
    ]
    assert norwegian_sorted(["Öberg", "Østby", "Ärlig", "Ås"]) == ["Ärlig", "Öberg", "Østby", "Ås"]


def test_case_does_not_split_the_alphabet() -> None:
    assert norwegian_sorted(["åse", "Berg", "anna", "Øyvind"]) == ["anna", "Berg", "Øyvind", "åse"]


def test_search_fold_ignores_case_and_accents_but_keeps_norwegian_letters() -> None:
    assert search_fold("NGUYỄN") == search_fold("nguyen")
    assert search_fold("Łukasz") == search_fold("lukasz")
    assert search_fold("Øystein") != search_fold("Oystein")


@given(st.text(max_size=12), st.text(max_size=12))
def test_compare_is_antisymmetric(a: str, b: str) -> None:
    assert compare(a, b) == -compare(b, a)


@given(st.lists(st.text(max_size=8), max_size=12))
def test_order_is_total_and_stable(items: list[str]) -> None:
    once = norwegian_sorted(items)
    assert norwegian_sorted(list(reversed(items))) == once
    keys = [sort_key(x) for x in once]
    assert keys == sorted(keys)


def test_sql_order_by_uses_the_norwegian_collation(db, backend: str) -> None:
    """The name columns' collation: VRUS's own on SQLite; ICU's Norwegian (nb-NO) on
    PostgreSQL, which agrees except that it files "Aa" with "Å" (the name keys, which VRUS
    sorts persons by, agree on both)."""
    shuffled = EXPECTED[:]
    random.Random(3).shuffle(shuffled)
    for first in shuffled:
        add_person(db, first, "Test")
    with db.transaction() as session:
        names = session.scalars(select(Person.first_name).order_by(Person.first_name)).all()
        by_key = session.scalars(select(Person.first_name).order_by(Person.first_name_key)).all()
    assert by_key == EXPECTED
    if backend == "postgresql":
        assert names == ["Łukasz", "Zoë", "Ærlig", "Øystein", "Aaron", "Åse"]
    else:
        assert names == EXPECTED


def test_sql_sorts_municipalities_norwegian(db) -> None:
    with db.transaction() as session:
        names = session.scalars(
            select(Municipality.name)
            .where(Municipality.population_year == 2014)
            .order_by(Municipality.name)
        ).all()
    assert names[0] == "Asker"
    assert names[-2:] == ["Svelvik", "Øvre Eiker"]
