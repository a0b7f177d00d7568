"""The member import as one undoable step (``import_members(undoable=True)``): undone and redone
in one transaction each, the register exactly as before and after (every table compared, the
exports too); refused, changing nothing, when a row it wrote was changed meanwhile."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.factories import add_attendance, add_person
from tests.test_import_members import FULL_ROWS, write_csv
from tests.test_undo import dump, exports
from vrus.db.engine import Database
from vrus.db.models import Guardian, Person, PersonGuardian
from vrus.importing import ImportReport, import_members
from vrus.persons import add_guardian, update_guardian, update_person
from vrus.undo import StepConflict, redo, undo

TODAY = dt.date(2026, 3, 1)

# The register before: Åsmund (two guardians, diets, allergies, a photo consent) and Ingrid
# (junior, guardian Per) from a first import; Nora Lie and her mother Eva added by hand.
FIRST_ROWS = [FULL_ROWS[0], FULL_ROWS[1], FULL_ROWS[3]]

HEADERS = [
    "Fornavn",
    "Etternavn",
    "Fødselsdato",
    "Kommune",
    "Instrument",
    "Gruppe",
    "Innmeldt",
    "Utmeldt",
    "Årsak",
    "Foresatt",
    "Foresatt telefon",
    "Foresatt e-post",
    "Kosthold",
    "Allergier",
    "Fotosamtykke",
]
SECOND_ROWS: list[list[object]] = [
    HEADERS,
    # Updated: municipality, main instrument, diets, allergies, a guardian's e-mail, a new
    # guardian, the photo consent withdrawn.
    [
        "Åsmund",
        "Ødegård",
        "03.05.2010",
        "Drammen",
        "Bratsj",
        "ungdom",
        "",
        "",
        "",
        "Kari Ødegård og Liv Ødegård",
        "41234567 / 97000000",
        "kari@example.no; liv@example.no",
        "vegan",
        "pollen (moderat), katt",
        "nei",
    ],
    # Updated: her junior membership (the one of that day) ends.
    ["Ingrid", "Berg", "05.07.2013", "", "", "junior", "20.08.2024", "30.06.2026", "rykket opp"]
    + [""] * 6,
    # New: Nora's brother, linked to Eva (found by name and phone), whose e-mail is filled.
    [
        "Jonas",
        "Lie",
        "12.12.2015",
        "Asker",
        "Fløyte",
        "aspirant",
        "",
        "",
        "",
        "Eva Lie",
        "90000001",
        "eva@example.no",
        "glutenfri",
        "",
        "ja",
    ],
    # New, with a new guardian.
    [
        "Mia",
        "Strand",
        "01.01.2016",
        "Lier",
        "Fiolin",
        "aspirant",
        "",
        "",
        "",
        "Tor Strand",
        "93000000",
        "",
        "",
        "peanøtter (alvorlig)",
        "",
    ],
]


def person_id(db: Database, first: str) -> int:
    with db.sessions() as session:
        return session.scalars(select(Person.id).where(Person.first_name == first)).one()


def children(db: Database, guardian: int) -> list[str]:
    with db.sessions() as session:
        query = select(Person.first_name).join(PersonGuardian)
        names = session.scalars(query.where(PersonGuardian.guardian_id == guardian))
        return sorted(names)


def email(db: Database, guardian: int) -> str | None:
    with db.sessions() as session:
        return session.get_one(Guardian, guardian).email


def guardian_id(db: Database, first: str) -> int:
    with db.sessions() as session:
        return session.scalars(select(Guardian.id).where(Guardian.first_name == first)).one()


def fill_register(db: Database, folder: Path) -> None:
    assert import_members(db, write_csv(folder / "first.csv", FIRST_ROWS), today=TODAY).applied
    add_attendance(db, person_id(db, "Åsmund"), dt.date(2026, 2, 7))
    nora = add_person(db, "Nora", "Lie", dt.date(2012, 4, 4))
    add_guardian(db, nora, {"first_name": "Eva", "last_name": "Lie", "phone": "90000001"})


@pytest.fixture
def register(db: Database, tmp_path: Path) -> Database:
    fill_register(db, tmp_path)
    return db


def import_second(db: Database, tmp_path: Path) -> ImportReport:
    path = write_csv(tmp_path / "medlemmer høst.csv", SECOND_ROWS)
    report = import_members(db, path, today=TODAY, undoable=True)
    assert report.applied, report.problems
    return report


def test_an_import_is_undone_and_redone_exactly(register: Database, tmp_path: Path) -> None:
    db = register
    before, files = dump(db), exports(db, tmp_path / "before")

    report = import_second(db, tmp_path)

    assert (report.created, report.updated) == (2, 2)
    after, files_after = dump(db), exports(db, tmp_path / "after")
    changed = {table for table in after if after[table] != before[table]}
    assert changed >= {
        "persons",
        "memberships",
        "person_instruments",
        "person_diets",
        "allergies",
        "guardians",
        "person_guardians",
        "consents",
    }
    step = report.step
    assert step is not None and step.changed
    assert step.person_ids >= {person_id(db, name) for name in ("Åsmund", "Ingrid", "Jonas")}

    undo(db, step)
    assert dump(db) == before
    assert exports(db, tmp_path / "undone") == files
    redo(db, step)
    assert dump(db) == after
    assert exports(db, tmp_path / "redone") == files_after
    undo(db, step)
    assert dump(db) == before


def test_a_guardian_of_someone_outside_the_file_gets_her_e_mail_back(
    register: Database, tmp_path: Path
) -> None:
    """Eva is reached only as the guardian the file names for a new child (Nora, her
    daughter in the register, is not in the file): her e-mail and the new link are undone."""
    db = register
    eva = guardian_id(db, "Eva")

    report = import_second(db, tmp_path)
    assert report.step is not None
    assert (email(db, eva), children(db, eva)) == ("eva@example.no", ["Jonas", "Nora"])

    undo(db, report.step)

    assert (email(db, eva), children(db, eva)) == (None, ["Nora"])


def _edit_new_person(db: Database) -> None:
    update_person(db, person_id(db, "Jonas"), {"phone": "41111111"})


def _edit_updated_person(db: Database) -> None:
    update_person(db, person_id(db, "Åsmund"), {"phone": "41111112"})


def _edit_found_guardian(db: Database) -> None:
    update_guardian(db, guardian_id(db, "Eva"), {"email": "eva.lie@example.no"})


@pytest.mark.parametrize(
    "edit", [_edit_new_person, _edit_updated_person, _edit_found_guardian], ids=lambda f: f.__name__
)
def test_undo_is_refused_after_an_imported_row_was_edited(
    register: Database, tmp_path: Path, edit: Callable[[Database], None]
) -> None:
    db = register
    report = import_second(db, tmp_path)
    assert report.step is not None
    edit(db)
    edited = dump(db)

    with pytest.raises(StepConflict):
        undo(db, report.step)

    assert dump(db) == edited


def test_only_an_undoable_import_that_writes_has_a_step(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", FULL_ROWS)
    assert import_members(db, path, today=TODAY, dry_run=True, undoable=True).step is None
    assert import_members(db, path, today=TODAY).step is None  # the command line's
    again = import_members(db, path, today=TODAY, undoable=True)
    # The same file again: every row matched, nothing changed, nothing to undo.
    assert again.applied and again.updated == 3
    assert again.step is not None and not again.step.changed
