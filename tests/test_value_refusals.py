"""Values refused wherever they come from: the register editor's core calls and the import."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from vrus.db.engine import Database
from vrus.db.models import Guardian, Person
from vrus.duties import format_phone
from vrus.importing import import_members
from vrus.persons import add_guardian, create_person, update_person
from vrus.ui.common.labels import display_phone
from vrus.validation import ValidationError, normalise_phone, require_name

TODAY = dt.date(2026, 3, 1)


def _person(db: Database, **extra: object) -> int:
    values: dict[str, object] = {
        "first_name": "Åsmund",
        "last_name": "Ødegård",
        "birth_date": dt.date(2011, 3, 4),
    }
    values.update(extra)
    return create_person(db, values)


def _members_csv(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "members.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


def _count(db: Database, model: type) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# --- Control characters in names -----------------------------------------------------------


@pytest.mark.parametrize("bad", ["Kå\x00re", "Kåre\x07", "\x1bKåre", "Kå\x7fre"])
def test_a_control_character_in_a_name_is_refused(bad: str) -> None:
    with pytest.raises(ValidationError) as error:
        require_name(bad, "first_name")
    assert error.value.field == "first_name"
    assert "control character (U+" in str(error.value)


def test_tabs_and_newlines_in_a_name_are_only_spaces() -> None:
    assert require_name("Kari\tAnne\n", "first_name") == "Kari Anne"


def test_create_and_update_person_refuse_a_nul_byte(db: Database) -> None:
    with pytest.raises(ValidationError) as error:
        _person(db, last_name="Ødeg\x00ård")
    assert error.value.field == "last_name"
    assert str(error.value) == "contains a control character (U+0000); retype it"
    assert _count(db, Person) == 0

    pid = _person(db)
    with pytest.raises(ValidationError) as error:
        update_person(db, pid, {"first_name": "Å\x00smund"})
    assert error.value.field == "first_name"
    with db.transaction() as session:
        assert session.get(Person, pid).first_name == "Åsmund"


def test_add_guardian_refuses_a_nul_byte(db: Database) -> None:
    pid = _person(db)
    with pytest.raises(ValidationError) as error:
        add_guardian(db, pid, {"first_name": "Kari\x00", "last_name": "Ødegård"})
    assert error.value.field == "first_name"
    assert _count(db, Guardian) == 0


def test_import_refuses_a_row_whose_name_holds_a_control_character(
    db: Database, tmp_path: Path
) -> None:
    # A NUL byte makes the whole CSV file unreadable (vrus.importing.sources); any other
    # control character reaches the name check.
    path = _members_csv(
        tmp_path,
        [
            ["Fornavn", "Etternavn", "Fødselsdato", "Gruppe"],
            ["Kå\x07re", "Næss", "01.02.2012", "ungdom"],
            ["Sølvi", "Aasen", "14.11.2012", "ungdom"],
        ],
    )

    report = import_members(db, path, today=TODAY)

    errors = [str(p) for p in report.problems if p.severity == "error"]
    assert len(errors) == 1
    assert "Fornavn" in errors[0]
    assert "control character (U+0007)" in errors[0]
    with db.transaction() as session:
        names = session.scalars(select(Person.first_name)).all()
    assert "Kå\x07re" not in names


# --- A birth year read in the wrong century ------------------------------------------------


def test_a_two_digit_year_far_outside_every_ensemble_is_an_error(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "members.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(
            [
                ["Fornavn", "Etternavn", "Fødselsdato", "Gruppe"],
                ["Kåre", "Næss", "14.03.30", "ungdom"],
                ["Sølvi", "Aasen", "14.11.10", "ungdom"],
            ]
        )

    report = import_members(db, path, today=dt.date(2026, 3, 1))

    errors = [str(p) for p in report.problems if p.severity == "error"]
    assert errors == [
        "row 2, Fødselsdato: born 14.03.1930: 96 years old in 2026, far outside every"
        " ensemble's ages (4–30)"
    ]
    with db.transaction() as session:
        assert session.scalars(select(Person.first_name)).all() in ([], ["Sølvi"])


# --- Foreign phone numbers keep their country code -----------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+47 912 34 567", "+4791234567"),
        ("912 34 567", "+4791234567"),
        ("+46 70 123 45 67", "+46701234567"),
        ("0046-70-123 45 67", "+46701234567"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+1 (202) 555-0100", "+12025550100"),
    ],
)
def test_phone_numbers_are_stored_with_their_country_code(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("bad", ["+47 912 34", "+46 12", "1234", "+0 123 456 789"])
def test_a_phone_number_that_is_neither_norwegian_nor_foreign_is_refused(bad: str) -> None:
    with pytest.raises(ValidationError) as error:
        normalise_phone(bad)
    assert error.value.field == "phone"


def test_only_norwegian_numbers_are_shown_without_their_country_code() -> None:
    assert format_phone("+4791234567") == "912 34 567"
    assert format_phone("+46701234567") == "+46701234567"
    assert format_phone("+442079460958") == "+442079460958"
    assert display_phone("+4791234567") == "+47 912 34 567"
    assert display_phone("+46701234567") == "+46701234567"


def test_create_person_keeps_a_foreign_number(db: Database) -> None:
    pid = _person(db, phone="+46 70 123 45 67")
    guardian = add_guardian(
        db, pid, {"first_name": "Kari", "last_name": "Ødegård", "phone": "0044 20 7946 0958"}
    )
    with db.transaction() as session:
        assert session.get(Person, pid).phone == "+46701234567"
        assert session.get(Guardian, guardian).phone == "+442079460958"


# --- Control characters in every other text ------------------------------------------------


def test_person_texts_refuse_control_characters_and_keep_lines_in_notes(db: Database) -> None:
    for field in ("address", "postal_place", "diet_note", "notes"):
        with pytest.raises(ValidationError) as error:
            _person(db, **{field: "Storgata\x071"})
        assert error.value.field == field
        assert str(error.value) == "contains a control character (U+0007); retype it"
    assert _count(db, Person) == 0
    pid = _person(db, notes="Første linje\r\nandre\tlinje  ", address="  Storgata   1 ")
    with db.transaction() as session:
        person = session.get(Person, pid)
        assert person.notes == "Første linje\nandre\tlinje"
        assert person.address == "Storgata 1"


def test_event_and_signup_texts_refuse_control_characters(db: Database) -> None:
    from vrus.events import create_event, update_event
    from vrus.signups import set_signup

    with pytest.raises(ValidationError) as error:
        create_event(db, kind="seminar", title="Helg\x1bseminar", start=dt.date(2026, 2, 7))
    assert error.value.field == "title"
    event_id = create_event(db, kind="seminar", title="Helgeseminar", start=dt.date(2026, 2, 7))
    for field in ("venue", "description"):
        with pytest.raises(ValidationError) as error:
            update_event(db, event_id, **{field: "Sandvika\x00"})
        assert error.value.field == field
    pid = _person(db)
    with pytest.raises(ValidationError) as error:
        set_signup(db, event_id, pid, attending="yes", note="kommer\x07")
    assert error.value.field == "note"


def test_import_refuses_control_characters_in_notes_and_addresses(
    db: Database, tmp_path: Path
) -> None:
    path = _members_csv(
        tmp_path,
        [
            ["Fornavn", "Etternavn", "Fødselsdato", "Adresse", "Merknad"],
            ["Kåre", "Næss", "01.02.2012", "Gate\x1b1", "to\nlinjer"],
            ["Sølvi", "Aasen", "14.11.2012", "Gate 2", "hei\x07"],
        ],
    )
    report = import_members(db, path, today=TODAY)
    assert [str(p) for p in report.problems if p.severity == "error"] == [
        "row 2, Adresse: contains a control character (U+001B); retype it",
        "row 3, Merknad: contains a control character (U+0007); retype it",
    ]
    assert _count(db, Person) == 0
