"""Export to CSV and XLSX: the member sheet round-trips through the import without loss.

"Without loss" is defined in ``vrus.exporting.members``: the fields compared by
``person_fields`` below come back exactly, for the demo register and for the shapes that
need the sheet's special forms (a surname of several words, allergy notes with brackets or
severity words, a diet note without the diet other, a guardian without an e-mail before one
with one). What no form carries is named in a warning (person and column).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from vrus.cli.files import cmd_export
from vrus.consents import consents_in_force
from vrus.db.engine import Database, sqlite_url
from vrus.db.enums import ConsentKind
from vrus.db.models import (
    Allergy,
    Consent,
    Guardian,
    Membership,
    Municipality,
    Person,
    PersonDiet,
    PersonGuardian,
    PersonInstrument,
)
from vrus.db.sqlite_files import copy_database
from vrus.demo import load_demo
from vrus.exporting import EXPORTS, ExportError, export, member_sheet
from vrus.exporting.members import COLUMNS, HEADERS, allergy_text, current_membership
from vrus.importing import import_members, values
from vrus.importing.headers import FIELDS
from vrus.importing.sources import read_table
from vrus.opening import open_database
from vrus.private_files import FileWriteError

TODAY = dt.date(2026, 3, 1)


# --- Fixtures and helpers --------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo register, made once per module; tests work on copies or only read it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(sqlite_url(path))
    load_demo(db, today=TODAY)
    db.close()
    return path


@pytest.fixture
def demo(demo_file: Path) -> Iterator[Database]:
    db = open_database(sqlite_url(demo_file))
    yield db
    db.close()


def fresh_register(tmp_path: Path, name: str) -> Database:
    return open_database(sqlite_url(tmp_path / f"{name}.sqlite3"))


def person_fields(
    db: Database, today: dt.date = TODAY
) -> dict[tuple[str, str, dt.date], dict[str, Any]]:
    """What "without loss" compares, per person (by names and birth date), by sheet column.

    Reference rows are compared by what identifies them across registers (municipality
    number, ensemble, instrument and school names), not by id. The three guardian columns are
    one unit: each guardian's name, relation, phone and e-mail, in order.
    """
    fields: dict[tuple[str, str, dt.date], dict[str, Any]] = {}
    with db.sessions() as session:
        consents = consents_in_force(session, None, today)
        persons = session.scalars(
            select(Person)
            .where(Person.archived_at.is_(None))
            .options(
                selectinload(Person.instruments).joinedload(PersonInstrument.instrument),
                selectinload(Person.diets),
                selectinload(Person.allergies),
                selectinload(Person.guardian_links).joinedload(PersonGuardian.guardian),
                selectinload(Person.memberships).joinedload(Membership.ensemble),
                selectinload(Person.memberships).joinedload(Membership.instrument),
                joinedload(Person.municipality),
                joinedload(Person.culture_school),
            )
        ).unique()
        for p in persons:
            links = sorted(p.instruments, key=lambda link: not link.is_main)
            membership = current_membership(p.memberships, today)
            guardians = [
                (
                    link.guardian.first_name,
                    link.guardian.last_name,
                    link.relation,
                    link.guardian.phone,
                    link.guardian.email,
                )
                for link in sorted(
                    p.guardian_links, key=lambda link: (link.sort_order, link.guardian_id)
                )
            ]
            fields[(p.first_name, p.last_name, p.birth_date)] = {
                "Fødselsdato": p.birth_date,
                "Kjønn": p.gender,
                "Kommune": p.municipality.number if p.municipality else None,
                "Gruppe": membership.ensemble.name if membership else None,
                "Instrument": (
                    [link.instrument.name_nb for link in links],
                    membership.instrument.name_nb if membership and membership.instrument else None,
                ),
                "Innmeldt": membership.start_date if membership else None,
                "Utmeldt": membership.end_date if membership else None,
                "Årsak": (
                    (membership.end_reason, membership.end_note) if membership else (None, None)
                ),
                "Telefon": p.phone,
                "E-post": p.email,
                "Adresse": p.address,
                "Postnr": p.postal_code,
                "Poststed": p.postal_place,
                "guardians": guardians,
                "Kosthold": ({d.diet for d in p.diets}, p.diet_note),
                "Allergier": sorted((a.allergen, a.severity, a.note) for a in p.allergies),
                "Samtykker": consents.get(p.id, frozenset()),
                "Kulturskole": p.culture_school.name if p.culture_school else None,
                "Merknad": p.notes,
            }
    return fields


def read_cells(path: Path) -> list[list[str]]:
    """A written file as rows of text, the header first (the import's own reader)."""
    table = read_table(path)
    return [table.headers] + [
        ["" if c is None else values.as_text(c) for c in row] for row in table.rows
    ]


def messy_register_file(tmp_path: Path) -> Path:
    """A coordinator's sheet with everything the import understands, awkward names included."""
    rows = [
        [
            "Fornavn",
            "Etternavn",
            "Født",
            "Kjønn",
            "Kommune",
            "Gruppe",
            "Instrument",
            "Innmeldt",
            "Utmeldt",
            "Årsak",
            "Telefon",
            "E-post",
            "Adresse",
            "Postnr",
            "Poststed",
            "Foresatt",
            "Foresatt telefon",
            "Foresatt e-post",
            "Kosthold",
            "Allergier",
            "Fotosamtykke",
            "Kulturskole",
            "Merknad",
        ],
        [
            "Łukasz",
            "Wiśniewski",
            "3.5.2010",
            "gutt",
            "Baerum",
            "ungdom",
            "Fiolin, bratsj",
            "01.08.2023",
            "",
            "",
            "912 34 567",
            "lukasz@example.no",
            "Granveien 3",
            "1337",
            "Sandvika",
            "Ewa og Marek Wiśniewski",
            "+47 41234567 / 93456789",
            "ewa@example.no",
            "vegetar, ikke svin",
            "Peanøtter (alvorlig), Kiwi (kløe i munnen)",
            "ja",
            "Bærum kulturskole",
            "Spiller også piano",
        ],
        [
            "Zoë",
            "de Vries",
            "2012-11-14",
            "jente",
            "3025",
            "junior",
            "Kontrabass",
            "15.08.2024",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "Anna van der Berg",
            "98765432",
            "",
            "laktosefri, spiser ikke sopp",
            "Egg",
            "nei",
            "Asker",
            "",
        ],
        [
            "Åsmund",
            "Ærøy",
            "01.02.2007",
            "annet",
            "Øvre Eiker",
            "ungdom",
            "Fagott",
            "10.01.2020",
            "31.12.2025",
            "annet: flytter til Bergen",
            "",
            "",
            "",
            "",
            "",
            "Kari Ærøy",
            "",
            "kari@example.no",
            "",
            "Nøtter (moderat)",
            "ja",
            "",
            "Linje én\nLinje to",
        ],
        [
            "Åse",
            "Nguyễn Thi",
            "23.08.2011",
            "jente",
            "Lier",
            "junior",
            "Cello",
            "01.09.2022",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "halal",
            "",
            "ja",
            "",
            "",
        ],
    ]
    path = tmp_path / "messy.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


# --- The member sheet --------------------------------------------------------------------------


def test_member_headers_are_the_imports_own_in_norwegian() -> None:
    assert [HEADERS[name] for name in COLUMNS][:6] == [
        "Fornavn",
        "Etternavn",
        "Fødselsdato",
        "Kjønn",
        "Kommune",
        "Gruppe",
    ]
    for name in COLUMNS:
        assert HEADERS[name] in FIELDS[name][1]
    # Every field the import knows is written, but the older photo yes/no: the consents
    # column says it (and more).
    assert set(COLUMNS) == set(FIELDS) - {"photo_consent"}


def test_demo_round_trip_gives_the_same_file(demo: Database, tmp_path: Path) -> None:
    first = export(demo, "members", tmp_path / "first.csv", today=TODAY)
    fresh = fresh_register(tmp_path, "fresh")
    report = import_members(fresh, first.path, today=TODAY)
    assert report.ok and report.applied, [str(p) for p in report.problems]
    assert report.created == first.rows == 78
    second = export(fresh, "members", tmp_path / "second.csv", today=TODAY)
    assert second.path.read_bytes() == first.path.read_bytes()
    assert second.warnings == []  # what the import made, the sheet carries exactly
    fresh.close()


def add_tricky_person(db: Database) -> None:
    """Each shape the older sheet could not carry, on one person."""
    with db.transaction() as session:
        asker = session.scalars(select(Municipality).where(Municipality.number == "3203")).one()
        person = Person(
            first_name="Lan",
            last_name="Nguyễn Thi",
            birth_date=dt.date(2012, 4, 2),
            municipality_id=asker.id,
            diet_note="Spiser ikke sopp",
            phone="+442079460958",  # a foreign number keeps its country code
        )  # a note without the diet "other"
        session.add(person)
        session.flush()
        session.add_all(
            [
                # Consents without a known giver, as the old yes/no field left them.
                Consent(person_id=person.id, kind="photo", given_by_self=False),
                Consent(person_id=person.id, kind="health_data", given_by_self=False),
                PersonDiet(person_id=person.id, diet="vegan"),
                Allergy(
                    person_id=person.id,
                    allergen="Nøtter",
                    severity="severe",
                    note="har adrenalinpenn (EpiPen), i sekken",
                ),
                Allergy(
                    person_id=person.id,
                    allergen="Melk",
                    severity="mild",
                    note="ikke anafylaksi: tåler bakevarer",
                ),
                Allergy(
                    person_id=person.id, allergen="Alvorlig pollenallergi", severity="moderate"
                ),
                Allergy(person_id=person.id, allergen="Egg", severity="moderate", note="(kløe)"),
            ]
        )
        guardians = [
            # A surname of two words without a particle, and no e-mail before one with one.
            Guardian(first_name="Minh", last_name="Nguyễn Thi", phone="+4791234567"),
            Guardian(first_name="Ola", last_name="Haugen", email="ola@example.no"),
            Guardian(
                first_name="Anna",
                last_name="van der Berg",
                phone="+46701234567",
                email="anna@example.no",
            ),
        ]
        session.add_all(
            [
                PersonGuardian(person_id=person.id, guardian=g, sort_order=i, relation=relation)
                for i, (g, relation) in enumerate(
                    zip(guardians, ["mother", None, "other"], strict=True)
                )
            ]
        )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_demo_round_trip_is_exact(tmp_path: Path, suffix: str) -> None:
    """Demo register and the tricky shapes -> file -> a fresh register: nothing lost, and
    nothing to warn about."""
    today = dt.date(2026, 11, 26)
    source = fresh_register(tmp_path, "source")
    load_demo(source, today=today)
    add_tricky_person(source)
    result = export(source, "members", tmp_path / f"members{suffix}", today=today)
    assert result.warnings == []
    fresh = fresh_register(tmp_path, "fresh")
    report = import_members(fresh, result.path, today=today)
    assert report.ok and report.applied, [str(p) for p in report.problems]
    before, after = person_fields(source, today), person_fields(fresh, today)
    assert before.keys() == after.keys()
    for key, fields in before.items():
        assert after[key] == fields, key
    tricky = before[("Lan", "Nguyễn Thi", dt.date(2012, 4, 2))]
    assert tricky["Kosthold"] == ({"vegan"}, "Spiser ikke sopp")
    assert [g[:3] for g in tricky["guardians"]] == [
        ("Minh", "Nguyễn Thi", "mother"),
        ("Ola", "Haugen", None),
        ("Anna", "van der Berg", "other"),
    ]
    assert tricky["Telefon"] == "+442079460958"
    assert tricky["Samtykker"] == {ConsentKind.PHOTO, ConsentKind.HEALTH_DATA}
    assert [g[3] for g in tricky["guardians"]] == ["+4791234567", None, "+46701234567"]
    assert after[("Lan", "Nguyễn Thi", dt.date(2012, 4, 2))] == tricky
    # The demo has guardians with relations, diet notes and allergies to compare.
    assert any(f["guardians"] and f["guardians"][0][2] for f in before.values())
    assert any(f["Kosthold"][1] for f in before.values())
    assert any(f["Allergier"] for f in before.values())
    assert {len(f["Samtykker"]) for f in before.values()} == {0, 1, 2, 3}
    again = export(fresh, "members", tmp_path / f"again{suffix}", today=today)
    assert again.warnings == []
    assert read_cells(again.path) == read_cells(result.path)
    fresh.close()
    source.close()


def test_a_register_made_by_the_import_round_trips_exactly(tmp_path: Path) -> None:
    source = fresh_register(tmp_path, "source")
    assert import_members(source, messy_register_file(tmp_path), today=TODAY).ok
    for suffix in (".csv", ".xlsx"):
        result = export(source, "members", tmp_path / f"members{suffix}", today=TODAY)
        assert result.warnings == []
        target = fresh_register(tmp_path, f"target{suffix[1:]}")
        assert import_members(target, result.path, today=TODAY).ok
        assert person_fields(target) == person_fields(source)
        again = export(target, "members", tmp_path / f"again{suffix}", today=TODAY)
        assert read_cells(again.path) == read_cells(result.path)
        target.close()
    source.close()


def test_xlsx_round_trip_of_the_demo(demo: Database, tmp_path: Path) -> None:
    first = export(demo, "members", tmp_path / "first.xlsx", today=TODAY)
    fresh = fresh_register(tmp_path, "fresh")
    assert import_members(fresh, first.path, today=TODAY).ok
    second = export(fresh, "members", tmp_path / "second.xlsx", today=TODAY)
    assert read_cells(second.path) == read_cells(first.path)
    assert read_cells(first.path) == read_cells(
        export(demo, "members", tmp_path / "m.csv", today=TODAY).path
    )
    fresh.close()


def test_member_rows_are_in_norwegian_order(tmp_path: Path) -> None:
    db = fresh_register(tmp_path, "names")
    with db.transaction() as session:
        for last in ("Åsheim", "Zahl", "Ødegård", "Aas", "Ærøy", "Østby", "Lund"):
            session.add(Person(first_name="Kim", last_name=last, birth_date=dt.date(2010, 1, 1)))
    with db.sessions() as session:
        sheet, _ = member_sheet(session, today=TODAY)
    assert [row[1] for row in sheet.rows] == [
        "Aas",
        "Lund",
        "Zahl",
        "Ærøy",
        "Ødegård",
        "Østby",
        "Åsheim",
    ]
    db.close()


def test_csv_is_what_norwegian_excel_opens(demo: Database, tmp_path: Path) -> None:
    path = export(demo, "members", tmp_path / "medlemmer.csv", today=TODAY).path
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    text = data[3:].decode("utf-8")
    header, first = text.split("\r\n")[:2]  # CRLF line ends
    assert header.split(";")[:3] == ["Fornavn", "Etternavn", "Fødselsdato"]
    born = first.split(";")[2]
    assert dt.datetime.strptime(born, "%d.%m.%Y")  # dd.mm.yyyy
    # Phones as Norwegians write them: text in Excel, not a number that loses the +47.
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    phones = [row[10] for row in rows[1:] if row[10]]
    assert phones and all(len(p) == 10 and p[3] == " " for p in phones)


def test_xlsx_has_date_cells_and_text_postal_codes(demo: Database, tmp_path: Path) -> None:
    path = export(demo, "members", tmp_path / "medlemmer.xlsx", today=TODAY).path
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Medlemmer"
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert isinstance(sheet["C2"].value, dt.datetime)
    assert sheet["C2"].number_format == "DD.MM.YYYY"
    codes = [row[13].value for row in sheet.iter_rows(min_row=2) if row[13].value]
    assert codes and all(isinstance(code, str) and len(code) == 4 for code in codes)


def test_xlsx_text_is_text_never_a_formula(tmp_path: Path) -> None:
    db = fresh_register(tmp_path, "r")
    _person_with(db, first_name='=HYPERLINK("http://example.com";"klikk")', notes="@SUM(1)\x07")
    path = export(db, "members", tmp_path / "m.xlsx", today=TODAY).path
    sheet = openpyxl.load_workbook(path).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    row = {sheet.cell(1, c.column).value: c.value for c in sheet[2]}
    assert row["Fornavn"] == '=HYPERLINK("http://example.com";"klikk")'
    assert row["Merknad"] == "@SUM(1)"  # a control character cannot be in a workbook
    db.close()


FORMULAS = {
    "first_name": '=HYPERLINK("http://example.com";"klikk")',
    "last_name": "+Haugen",
    "address": "@SUM(A1:A9)",
    "notes": "-2+3 cmd|' /C calc'!A0",
    "diet_note": "'=det var en apostrof her fra før",
    "postal_place": "''Ål",
}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formulas_are_never_live_and_round_trip_exactly(tmp_path: Path, suffix: str) -> None:
    """OWASP's CSV injection: a cell a spreadsheet would run gets a leading "'" in CSV (a text
    cell in XLSX), the import takes the mark off again, phone numbers stay readable."""
    db = fresh_register(tmp_path, "r")
    _person_with(db, **FORMULAS, phone="+46701234567")
    result = export(db, "members", tmp_path / f"m{suffix}", today=TODAY)
    assert result.warnings == []
    if suffix == ".csv":
        rows = list(csv.reader(io.StringIO(result.path.read_text("utf-8-sig")), delimiter=";"))
        row = dict(zip(rows[0], rows[1], strict=True))
        assert row["Fornavn"] == "'" + FORMULAS["first_name"]
        assert row["Etternavn"] == "'+Haugen"
        assert row["Adresse"] == "'@SUM(A1:A9)"
        assert row["Merknad"] == "'" + FORMULAS["notes"]
        assert row["Telefon"] == "+46701234567"  # a phone number cannot run anything: unmarked
        assert row["Poststed"] == "'''Ål"  # starts like a mark: marked, so the import keeps it
        cells = [cell for r in rows for cell in r]
        assert not [c for c in cells if c.startswith(("=", "+", "@")) and not c[1:2].isdigit()]
    fresh = fresh_register(tmp_path, "fresh")
    report = import_members(fresh, result.path, today=TODAY)
    assert report.ok and report.applied, [str(p) for p in report.problems]
    assert person_fields(fresh) == person_fields(db)
    with fresh.sessions() as session:
        person = session.scalars(select(Person)).one()
        assert {name: getattr(person, name) for name in FORMULAS} == FORMULAS
    fresh.close()
    db.close()


def test_csv_marks_and_unmarks_every_formula_start() -> None:
    from vrus.spreadsheets import FORMULA_STARTS, csv_cell, csv_unmarked

    for start in FORMULA_STARTS:
        text = f"{start}cmd|' /C calc'!A0"
        assert csv_cell(text) == "'" + text
        assert csv_unmarked(csv_cell(text)) == text
    for readable in ("+47 912 34 567", "-", "- / +46 70 123 45 67", "-3", "+12,5 %", "Ola", ""):
        assert csv_cell(readable) == readable
    for text in ("'", "''", "'=", "'Ola", "''=x", "O'Brien"):
        assert csv_unmarked(csv_cell(text)) == text


def test_export_files_are_for_the_owner_only(demo: Database, tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    old.write_text("x", encoding="utf-8")
    os.chmod(old, 0o644)
    for what in EXPORTS:
        for suffix in (".csv", ".xlsx"):
            path = export(demo, what, tmp_path / f"{what}{suffix}", today=TODAY).path
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # Replacing a file that others could read gives one they cannot.
    export(demo, "members", old, today=TODAY)
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers


def test_wrong_file_names_are_refused_before_anything_is_written(
    demo: Database, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match="ending in .csv or .xlsx"):
        export(demo, "members", tmp_path / "medlemmer.xls")
    with pytest.raises(FileWriteError, match="the folder .*missing does not exist"):
        export(demo, "members", tmp_path / "missing" / "medlemmer.csv")
    with pytest.raises(FileWriteError, match="is a folder"):
        export(demo, "members", tmp_path)
    assert list(tmp_path.iterdir()) == []


# --- What the sheet cannot carry is named ------------------------------------------------------


def _person_with(db: Database, **details: Any) -> int:
    with db.transaction() as session:
        asker = session.scalars(select(Municipality).where(Municipality.number == "3203")).one()
        person = Person(
            first_name="Ingrid",
            last_name="Haugen",
            birth_date=dt.date(2011, 1, 1),
            municipality_id=asker.id,
        )
        for name, value in details.items():
            setattr(person, name, value)
        session.add(person)
        session.flush()
        return person.id


def _warned_columns(db: Database) -> list[str]:
    with db.sessions() as session:
        _, warnings = member_sheet(session, today=TODAY)
    return [w.column for w in warnings]


def test_a_missing_birth_date_and_twins_in_the_register_are_named(tmp_path: Path) -> None:
    db = fresh_register(tmp_path, "r")
    _person_with(db, birth_date=None)
    _person_with(db, first_name="Kari")
    _person_with(db, first_name="Kari")
    with db.sessions() as session:
        _, warnings = member_sheet(session, today=TODAY)
    texts = [str(w) for w in warnings]
    assert any("Ingrid Haugen: no birth date" in t for t in texts)
    assert sum("more than once" in t for t in texts) == 2
    db.close()


def test_allergy_forms(tmp_path: Path) -> None:
    def text(allergen: str, severity: str, note: str | None = None) -> str:
        return allergy_text(Allergy(allergen=allergen, severity=severity, note=note))

    assert text("Egg", "mild") == "Egg"
    assert text("Sesam", "moderate") == "Sesam (moderat)"
    assert text("Peanøtter", "severe") == "Peanøtter (alvorlig)"
    # With a note the severity is always named, and the note follows the colon.
    assert text("Kiwi", "mild", "Kløe i munnen") == "Kiwi (mild: Kløe i munnen)"
    assert text("Nøtter", "severe", "har adrenalinpenn (EpiPen)") == (
        "Nøtter (alvorlig: har adrenalinpenn (EpiPen))"
    )
    assert text("Melk", "mild", "ikke anafylaksi") == "Melk (mild: ikke anafylaksi)"
    # An allergen whose words would suggest another severity.
    assert text("Alvorlig pollenallergi", "mild") == "Alvorlig pollenallergi (mild:)"
    for allergy in (
        "Kiwi (mild: Kløe i munnen)",
        "Nøtter (alvorlig: har EpiPen (i sekken))",
        "Alvorlig pollenallergi (mild:)",
    ):
        parsed = values.allergies(allergy)
        assert (
            allergy_text(
                Allergy(
                    allergen=parsed[0].allergen, severity=parsed[0].severity, note=parsed[0].note
                )
            )
            == allergy
        )


def test_tricky_values_are_written_so_they_import_back(tmp_path: Path) -> None:
    db = fresh_register(tmp_path, "r")
    pid = _person_with(db, diet_note="Spiser ikke sopp")  # a note without the diet "other"
    with db.transaction() as session:
        session.add(
            Allergy(
                person_id=pid,
                allergen="Melk",
                severity="moderate",
                note="tåler bakevarer (ikke alvorlig)",
            )
        )
        guardians = [
            Guardian(first_name="Kari", last_name="Nguyễn Thi", phone="+4791234567"),
            Guardian(
                first_name="Ola", last_name="Haugen", phone="+4792345678", email="ola@example.no"
            ),
        ]
        session.add_all(
            [
                PersonGuardian(
                    person_id=pid, guardian=g, sort_order=i, relation="father" if i else None
                )
                for i, g in enumerate(guardians)
            ]
        )
    assert _warned_columns(db) == []
    with db.sessions() as session:
        sheet, _ = member_sheet(session, today=TODAY)
    row = dict(zip(sheet.headers, sheet.rows[0], strict=True))
    # The order is kept; "-" holds Kari's place among the e-mails.
    assert row["Foresatt"] == "Nguyễn Thi, Kari / Ola Haugen (far)"
    assert row["Foresatt telefon"] == "912 34 567 / 923 45 678"
    assert row["Foresatt e-post"] == "- / ola@example.no"
    assert row["Allergier"] == "Melk (moderat: tåler bakevarer (ikke alvorlig))"
    assert (row["Kosthold"], row["Kostholdsmerknad"]) == ("", "Spiser ikke sopp")
    db.close()


def test_diets_only_other_is_written_as_annet(tmp_path: Path) -> None:
    db = fresh_register(tmp_path, "r")
    pid = _person_with(db)
    with db.transaction() as session:
        session.add_all(
            [PersonDiet(person_id=pid, diet="other"), PersonDiet(person_id=pid, diet="vegan")]
        )
    assert _warned_columns(db) == []
    with db.sessions() as session:
        sheet, _ = member_sheet(session, today=TODAY)
    assert sheet.rows[0][sheet.headers.index("Kosthold")] == "vegan, annet"
    db.close()


def test_what_no_form_carries_is_still_warned(tmp_path: Path) -> None:
    db = fresh_register(tmp_path, "r")
    pid = _person_with(db)
    with db.transaction() as session:
        # Unbalanced brackets with a comma after them: the list would split inside the note.
        session.add(
            Allergy(person_id=pid, allergen="Kiwi", severity="mild", note="1) kløe, 2) hoste")
        )
        session.add(Allergy(person_id=pid, allergen="Egg", severity="mild"))
    assert _warned_columns(db) == ["Allergier"]
    db.close()


def test_archived_persons_are_left_out_unless_asked_for(tmp_path: Path) -> None:
    db = fresh_register(tmp_path, "r")
    _person_with(db, archived_at=dt.datetime(2025, 1, 1))
    _person_with(db, first_name="Kari")
    assert export(db, "members", tmp_path / "a.csv", today=TODAY).rows == 1
    assert export(db, "members", tmp_path / "b.csv", today=TODAY, include_archived=True).rows == 2
    db.close()


def test_the_current_membership_is_the_one_shown(tmp_path: Path) -> None:
    def membership(start: str, end: str | None = None, mid: int = 0) -> Membership:
        return Membership(
            id=mid,
            ensemble_id=1,
            start_date=dt.date.fromisoformat(start),
            end_date=dt.date.fromisoformat(end) if end else None,
        )

    junior = membership("2020-08-01", "2025-06-30", 1)
    orchestra = membership("2025-08-01", None, 2)
    assert current_membership([junior, orchestra], TODAY) is orchestra
    assert current_membership([junior], TODAY) is junior  # a former member: the last one
    coming = membership("2026-08-01", None, 3)
    assert current_membership([junior, coming], TODAY) is coming
    assert current_membership([], TODAY) is None


# --- The other tables --------------------------------------------------------------------------


def _rows(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_other_tables_have_norwegian_headers_and_rows(demo: Database, tmp_path: Path) -> None:
    expected_headers = {
        "guardians": ["Fornavn", "Etternavn", "Telefon", "E-post", "Barn"],
        "memberships": [
            "Fornavn",
            "Etternavn",
            "Fødselsdato",
            "Gruppe",
            "Instrument",
            "Innmeldt",
            "Utmeldt",
            "Årsak",
        ],
        "events": [
            "Sesong",
            "Type",
            "Tittel",
            "Første dag",
            "Siste dag",
            "Dager",
            "Sted",
            "Inviterte",
            "Prosjekt",
            "IRIS-aktivitet",
            "Påmeldingsfrist",
            "Publikum",
            "Beskrivelse",
        ],
        "signups": [
            "Arrangement",
            "Første dag",
            "Fornavn",
            "Etternavn",
            "Fødselsdato",
            "Svar",
            "Lunsj",
            "Merknad",
        ],
        "attendance": [
            "Arrangement",
            "Dato",
            "Ukedag",
            "Fornavn",
            "Etternavn",
            "Fødselsdato",
            "Status",
            "Merknad",
        ],
    }
    with demo.sessions() as session:
        counts = {
            "guardians": session.query(Guardian).count(),
            "memberships": session.query(Membership).count(),
        }
    for what, headers in expected_headers.items():
        result = export(demo, what, tmp_path / f"{what}.csv")
        rows = _rows(result.path)
        assert rows[0] == headers
        assert len(rows) - 1 == result.rows > 0
        if what in counts:
            assert result.rows == counts[what]
    guardians = _rows(tmp_path / "guardians.csv")
    assert any(row[4].endswith(("(mor)", "(far)")) for row in guardians[1:])
    events = _rows(tmp_path / "events.csv")
    firsts = [dt.datetime.strptime(row[3], "%d.%m.%Y") for row in events[1:] if row[3]]
    assert firsts == sorted(firsts)  # by date
    assert {row[1] for row in events[1:]} >= {"helgeseminar", "IRIS", "konsert"}
    attendance = _rows(tmp_path / "attendance.csv")
    assert {row[6] for row in attendance[1:]} <= {"til stede", "fravær", "gyldig fravær"}
    assert {row[2] for row in attendance[1:]} <= {
        "lørdag",
        "søndag",
        "fredag",
        "mandag",
        "tirsdag",
        "onsdag",
        "torsdag",
    }
    signups = _rows(tmp_path / "signups.csv")
    assert {row[5] for row in signups[1:]} <= {"ja", "nei", "ikke svart"}


def test_memberships_keep_the_history_the_member_sheet_leaves_out(
    demo: Database, tmp_path: Path
) -> None:
    rows = _rows(export(demo, "memberships", tmp_path / "m.csv").path)[1:]
    per_person: dict[tuple[str, str, str], list[list[str]]] = {}
    for row in rows:
        per_person.setdefault((row[0], row[1], row[2]), []).append(row)
    moved_up = [history for history in per_person.values() if len(history) > 1]
    assert moved_up, "the demo has members who moved up from the juniors"
    for history in moved_up:
        starts = [dt.datetime.strptime(row[5], "%d.%m.%Y") for row in history]
        assert starts == sorted(starts)
        assert history[0][7]  # the earlier membership says why it ended


# --- Command line -----------------------------------------------------------------------------


def test_export_command(demo: Database, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "medlemmer.xlsx"
    assert cmd_export(demo, what="members", file=str(target), out=out, err=err) == 0
    assert out.getvalue() == f"Wrote 78 rows to {target}\n"
    assert err.getvalue() == ""  # the demo has nothing the sheet cannot carry
    assert target.exists()


def test_many_warnings_are_summarised(tmp_path: Path) -> None:
    db = fresh_register(tmp_path, "r")
    for i in range(40):
        _person_with(db, first_name=f"Kari{i}", birth_date=None)
    out, err = io.StringIO(), io.StringIO()
    cmd_export(db, what="members", file=str(tmp_path / "m.csv"), out=out, err=err)
    lines = err.getvalue().splitlines()
    assert len(lines) == 31
    assert lines[-1] == "vrus: warning: ... and 10 more like these"
    db.close()


def test_copy_database_leaves_a_single_file(demo_file: Path, tmp_path: Path) -> None:
    """The module's own fixture relies on this: a copy is one self-contained file."""
    target = tmp_path / "copy.sqlite3"
    copy_database(demo_file, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite3"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
