"""The names' stored sort keys: filled however a person is written, kept when renamed or
erased, computed for the persons already registered when the register is upgraded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tests.factories import add_person
from tests.test_import_members import NO_HEADERS, run, write_csv
from vrus.collation import name_key, sort_key
from vrus.db.engine import Database
from vrus.db.migrate import downgrade, upgrade
from vrus.db.models import Person
from vrus.demo import load_demo
from vrus.erasure import erase_persons
from vrus.persons import update_person


def stored_keys(db: Database) -> dict[int, tuple[str, str, str, str]]:
    with db.sessions() as session:
        return {
            row.id: (row.first_name, row.last_name, row.first_name_key, row.last_name_key)
            for row in session.execute(
                select(
                    Person.id,
                    Person.first_name,
                    Person.last_name,
                    Person.first_name_key,
                    Person.last_name_key,
                )
            )
        }


def assert_keys_match_names(db: Database) -> None:
    keys = stored_keys(db)
    assert keys
    for first, last, first_key, last_key in keys.values():
        assert (first_key, last_key) == (name_key(first), name_key(last))


def test_keys_order_as_the_collation_does() -> None:
    names = ["Aaron", "Åse", "Ørjan", "Zoë", "Zoe", "zoe", "Nguyễn", "Ng", "Ola-Nordmann"]
    names += ["Ola Nordmann", "Æsir", "Ä", "Émile", "Emile", "de Vries", "De Vries", ""]
    assert sorted(names, key=name_key) == sorted(names, key=sort_key)


def test_every_way_of_writing_a_person_fills_the_keys(db: Database, tmp_path: Path) -> None:
    load_demo(db, members=60, today=dt.date(2026, 11, 26))  # the demo's bulk insert
    add_person(db, "Åse", "Østby")  # the ORM
    rows = [NO_HEADERS, ["Émile", "Ødegård", "03.04.2012", "Asker", "Fiolin", "", "", "", ""]]
    report = run(db, write_csv(tmp_path / "m.csv", rows))  # a bulk insert
    assert report.created == 1
    assert_keys_match_names(db)


def test_renaming_and_erasing_change_the_keys(db: Database) -> None:
    person_id = add_person(db, "Zoë", "Aasen")
    update_person(db, person_id, {"first_name": "Åse", "last_name": "Ødegård"})
    assert_keys_match_names(db)
    erase_persons(db, [person_id])
    first, last, first_key, last_key = stored_keys(db)[person_id]
    assert "Ødegård" not in first + last and "degård" not in first_key + last_key
    assert_keys_match_names(db)


@pytest.mark.sqlite_only("migrates a SQLite file made by an older VRUS")
def test_upgrading_computes_the_keys_of_persons_registered_before(db: Database) -> None:
    ids = [add_person(db, first, last) for first, last in [("Åse", "Østby"), ("Ida", "Berg")]]
    downgrade(db, "0005")
    with db.engine.begin() as connection:
        columns = [row[1] for row in connection.execute(text("PRAGMA table_info(persons)"))]
        assert "last_name_key" not in columns
        connection.execute(
            text("UPDATE persons SET first_name = 'Øyvind' WHERE id = :i"), {"i": ids[1]}
        )
    upgrade(db)
    assert_keys_match_names(db)
    assert stored_keys(db)[ids[1]][2] == name_key("Øyvind")
