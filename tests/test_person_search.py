"""``vrus persons find``: names found with or without accents and Æ/Ø/Å (and "aa" for å),
current, former and archived members found, erased ones never; the JSON contract through the
real ``vrus`` command."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.cli import main
from vrus.db.engine import Database
from vrus.db.models import Ensemble, Person
from vrus.memberships import end_membership, start_membership
from vrus.person_search import find_persons, name_matches, search_patterns
from vrus.persons import archive_person
from vrus.validation import ValidationError

D = dt.date
NAMES = [
    ("Åsmund", "Ødegård"),
    ("Aasmund", "Aasen"),
    ("Anders", "Berg"),
    ("Håkon", "Nguyễn"),
    ("Haakon", "Lie"),
    ("Zoë", "Æsøy-Ørn"),
    ("Łukasz", "Müller"),
    ("Anne-Marie", "O'Brien"),
    ("Oda", "Ødegaard"),
]


def _names(found) -> list[str]:
    return [f"{p.first_name} {p.last_name}" for p in found]


def _find(db: Database, text: str) -> list[str]:
    with db.sessions() as session:
        return _names(find_persons(session, text))


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    return {f"{first} {last}": add_person(db, first, last) for first, last in NAMES}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # Case and accents do not matter.
        ("zoe", ["Zoë Æsøy-Ørn"]),
        ("NGUYEN", ["Håkon Nguyễn"]),
        ("lukasz", ["Łukasz Müller"]),
        ("muller", ["Łukasz Müller"]),
        # Plain letters find Æ, Ø, Å; "aa" is å.
        ("Asmund", ["Aasmund Aasen", "Åsmund Ødegård"]),
        ("Odegard", ["Oda Ødegaard", "Åsmund Ødegård"]),
        ("Aasmund", ["Aasmund Aasen", "Åsmund Ødegård"]),
        ("Åsmund", ["Aasmund Aasen", "Åsmund Ødegård"]),
        ("Ødegaard", ["Oda Ødegaard", "Åsmund Ødegård"]),
        ("haakon", ["Haakon Lie", "Håkon Nguyễn"]),
        ("Hak", ["Haakon Lie", "Håkon Nguyễn"]),
        ("aesoy", ["Zoë Æsøy-Ørn"]),
        # A typed Norwegian letter means that letter.
        ("Å", ["Aasmund Aasen", "Åsmund Ødegård"]),
        ("Ø", ["Zoë Æsøy-Ørn", "Oda Ødegaard", "Åsmund Ødegård"]),
        # Every word must begin a part of a name, in any order; hyphens and apostrophes split.
        ("marie brien", ["Anne-Marie O'Brien"]),
        ("ørn zo", ["Zoë Æsøy-Ørn"]),
        ("ørn anders", []),
        ("smund", []),  # inside a name is not the start of one
        ("Berg Anders", ["Anders Berg"]),
    ],
)
def test_names_are_found_however_they_are_typed(
    db: Database, people: dict[str, int], typed: str, expected: list[str]
) -> None:
    assert _find(db, typed) == expected


def test_the_order_is_norwegian(db: Database) -> None:
    for last in ("Åberg", "Ødegård", "Zahl", "Aasen", "Ærø", "Berg"):
        add_person(db, "Kari", last)
    found = _find(db, "kari")
    # Aa is two A's in the order (vrus.collation), though the search reads it as å.
    assert found == [f"Kari {n}" for n in ("Aasen", "Berg", "Zahl", "Ærø", "Ødegård", "Åberg")]


def test_a_blank_search_is_refused(db: Database) -> None:
    with db.sessions() as session, pytest.raises(ValidationError, match="give a name"):
        find_persons(session, " - ")


def test_name_matches_is_about_word_starts() -> None:
    patterns = search_patterns("ode")
    assert name_matches("Åse", "Ødegård", patterns)
    assert not name_matches("Åse", "Bødegård", patterns)


def _ensemble(db: Database, short: str) -> int:
    with db.sessions() as session:
        return session.scalars(select(Ensemble.id).where(Ensemble.short_name == short)).one()


def test_current_former_and_archived_found_erased_never(db: Database) -> None:
    junior, ungdom = _ensemble(db, "junior"), _ensemble(db, "ungdom")
    current = add_person(db, "Åse", "Dahl", D(2010, 3, 4))
    first = start_membership(db, current, junior, None, D(2020, 8, 15))
    end_membership(db, first, D(2024, 8, 14), "moved_up")
    start_membership(db, current, ungdom, None, D(2024, 8, 15))
    former = add_person(db, "Åse", "Dahle", D(2006, 1, 2))
    left = start_membership(db, former, ungdom, None, D(2019, 8, 15))
    end_membership(db, left, D(2024, 6, 30), "aged_out")
    archived = add_person(db, "Åse", "Dahlen")
    archive_person(db, archived)
    erased = add_person(db, "Åse", "Dahling")
    with db.transaction() as session:
        session.get(Person, erased).erased_at = dt.datetime(2026, 1, 1)

    with db.sessions() as session:
        found = {p.id: p for p in find_persons(session, "ase dah")}
    assert set(found) == {current, former, archived}
    assert (found[current].ensembles, found[current].current) == (("Ungdomssymfonikerne",), True)
    assert (found[former].ensembles, found[former].current) == (("Ungdomssymfonikerne",), False)
    assert found[archived].archived and found[archived].ensembles == ()
    assert found[current].birth_date == D(2010, 3, 4)


# --- the command ----------------------------------------------------------------------------


def test_json_contract(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    ungdom = _ensemble(db, "ungdom")
    person = add_person(db, "Åsmund", "Ødegård", D(2009, 11, 12))
    start_membership(db, person, ungdom, None, D(2023, 8, 15))
    other = add_person(db, "Oda", "Ødegaard")
    with db.transaction() as session:
        session.get(Person, other).birth_date = None
    capsys.readouterr()

    assert main(["--db", db.url, "persons", "find", "odegard", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == [
        {
            "id": other,
            "first_name": "Oda",
            "last_name": "Ødegaard",
            "birth_date": None,
            "ensembles": [],
        },
        {
            "id": person,
            "first_name": "Åsmund",
            "last_name": "Ødegård",
            "birth_date": "2009-11-12",
            "ensembles": ["Ungdomssymfonikerne"],
        },
    ]


def test_nothing_found_is_an_empty_list_and_success(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    add_person(db, "Åsmund", "Ødegård")
    capsys.readouterr()
    assert main(["--db", db.url, "persons", "find", "Qzx", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == [] and captured.err == ""


def test_text_lists_id_name_birth_date_and_ensemble(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    ungdom = _ensemble(db, "ungdom")
    person = add_person(db, "Åsmund", "Ødegård", D(2009, 11, 12))
    membership = start_membership(db, person, ungdom, None, D(2023, 8, 15))
    end_membership(db, membership, D(2025, 6, 30), "quit")
    capsys.readouterr()
    assert main(["--db", db.url, "persons", "find", "Asmund"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.split()[0] == str(person)
    assert "Ødegård, Åsmund" in line and "12.11.2009" in line
    assert "Ungdomssymfonikerne (former)" in line

    assert main(["--db", db.url, "persons", "find", "Qzx"]) == 0
    assert capsys.readouterr().out == "No one in the register matches 'Qzx'.\n"


def test_a_blank_search_is_one_line_and_fails(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--db", db.url, "persons", "find", "  "]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("vrus: error: ")
