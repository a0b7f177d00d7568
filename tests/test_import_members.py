"""Importing the coordinator's member spreadsheet: real files, all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select, text

from vrus.cli.imports import cmd_import_members
from vrus.consents import IMPORT_TEXT_VERSION, consents_in_force
from vrus.db.engine import Database
from vrus.db.enums import ConsentKind
from vrus.db.models import (
    Allergy,
    Consent,
    Guardian,
    Membership,
    Municipality,
    Organisation,
    Person,
    PersonDiet,
    PersonGuardian,
    PersonInstrument,
)
from vrus.importing import IGNORE, ImportFileError, import_members
from vrus.importing.headers import FIELDS
from vrus.importing.report import ImportReport, Problem
from vrus.texts import CORE_CONTEXT, Text, as_text

TODAY = dt.date(2026, 3, 1)
DATA = Path(__file__).parent / "data" / "import"

NO_HEADERS = [
    "Fornavn",
    "Etternavn",
    "Fødselsdato",
    "Kommune",
    "Instrument",
    "Gruppe",
    "Innmeldt",
    "Telefon",
    "E-post",
]


# --- Helpers -------------------------------------------------------------------------------


def write_csv(
    path: Path, rows: list[list[object]], *, encoding: str = "utf-8", delimiter: str = ";"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]], title: str = "Medlemmer") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def run(db: Database, path: Path, **options: object) -> ImportReport:
    options.setdefault("today", TODAY)
    return import_members(db, path, **options)  # type: ignore[arg-type]


def count(db: Database, model: type = Person) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(model))


def person(db: Database, first: str) -> Person:
    with db.transaction() as session:
        found = session.scalars(select(Person).where(Person.first_name == first)).one()
        _ = (
            found.municipality,
            found.memberships,
            found.instruments,
            found.diets,
            found.allergies,
            [link.guardian for link in found.guardian_links],
            found.culture_school,
        )
        for membership in found.memberships:
            _ = (membership.ensemble, membership.instrument)
        for link in found.instruments:
            _ = link.instrument
        return found


def photos(db: Database, someone: Person, day: dt.date = TODAY) -> bool:
    """A photo consent is in force for ``someone`` on ``day``."""
    with db.sessions() as session:
        return ConsentKind.PHOTO in consents_in_force(session, [someone.id], day)[someone.id]


def seed_person(db: Database) -> None:
    """Someone already in the register, so "unchanged" means more than "still empty"."""
    with db.transaction() as session:
        asker = session.scalars(select(Municipality).where(Municipality.number == "3203")).one()
        session.add(
            Person(
                first_name="Ingrid",
                last_name="Haugen",
                birth_date=dt.date(2011, 1, 1),
                municipality_id=asker.id,
            )
        )


def problems(report: ImportReport, severity: str = "error") -> list[str]:
    return [str(p) for p in report.problems if p.severity == severity]


GOOD_ROWS: list[list[object]] = [
    NO_HEADERS,
    [
        "Åsmund",
        "Ødegård",
        "03.05.2010",
        "Bærum",
        "Fiolin",
        "Ungdomssymfonikerne",
        "01.08.2023",
        "912 34 567",
        "asmund@example.no",
    ],
    [
        "Sølvi",
        "Aasen",
        "14.11.2014",
        "Øvre Eiker",
        "Bratsj",
        "junior",
        "15.08.2024",
        "+47 41 23 45 67",
        "",
    ],
    ["Kåre", "Næss", "01.02.2016", "Krødsherad", "Fløyte", "aspirant", "", "", ""],
]


# --- Files: encodings, delimiters, workbooks -----------------------------------------------


def test_semicolon_windows_1252_csv_with_norwegian_letters(db: Database, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "medlemmer.csv", GOOD_ROWS, encoding="cp1252")
    assert "Ø".encode("cp1252") in source.read_bytes()  # really not UTF-8

    report = run(db, source)

    assert (report.encoding, report.delimiter, report.sheet) == ("Windows-1252", "semicolon", None)
    assert report.ok and report.applied
    assert (report.rows, report.created, report.updated) == (3, 3, 0)
    assert report.summary() == (
        "medlemmer.csv (Windows-1252, semicolon): 3 rows; 3 created, "
        "0 updated; 0 errors, 0 warnings. Imported."
    )
    asmund = person(db, "Åsmund")
    assert asmund.last_name == "Ødegård"
    assert asmund.birth_date == dt.date(2010, 5, 3)
    # "Bærum" on a row that joined in 2023 is the Bærum of 2023 (3024), renumbered 3201 in
    # 2024 with the same borders: stored under its newest number.
    assert (asmund.municipality.name, asmund.municipality.number) == ("Bærum", "3201")
    assert asmund.phone == "+4791234567"
    assert asmund.email == "asmund@example.no"
    [membership] = asmund.memberships
    assert membership.ensemble.short_name == "ungdom"
    assert membership.instrument.name_nb == "Fiolin"
    assert membership.start_date == dt.date(2023, 8, 1)
    assert membership.end_date is None
    assert [(i.instrument.name_nb, i.is_main) for i in asmund.instruments] == [("Fiolin", True)]
    solvi = person(db, "Sølvi")
    assert solvi.municipality.name == "Øvre Eiker"
    assert solvi.email is None
    assert solvi.memberships[0].ensemble.short_name == "junior"


def test_missing_join_date_means_today(db: Database, tmp_path: Path) -> None:
    run(db, write_csv(tmp_path / "m.csv", GOOD_ROWS))
    assert person(db, "Kåre").memberships[0].start_date == TODAY


def test_utf8_bom_comma_csv_with_english_headers_keeps_every_name(
    db: Database, tmp_path: Path
) -> None:
    rows = [
        [
            "First name",
            "Last name",
            "Date of birth",
            "Municipality",
            "Instrument",
            "Ensemble",
            "Joined",
            "Phone",
            "Email",
            "Guardian",
            "Guardian phone",
            "Diet",
            "Allergies",
            "Photo consent",
            "Gender",
            "Notes",
        ],
        [
            "Łukasz",
            "Kowalski",
            "2011-04-02",
            "Asker",
            "Violin",
            "ungdom",
            "2024-08-20",
            "0047 98765432",
            "lukasz@example.pl",
            "Anna Kowalska",
            "41112222",
            "no pork",
            "",
            "yes",
            "boy",
            "Plays, also, piano",
        ],
        [
            "Thi",
            "Nguyễn",
            "2012-09-30",
            "Drammen",
            "Cello",
            "Youth",
            "",
            "",
            "",
            "",
            "",
            "vegetarian",
            "nuts (severe)",
            "no",
            "girl",
            "",
        ],
        [
            "Zoë",
            "Berg-Åsmundsen",
            "2015-01-01",
            "Lier",
            "Flute",
            "Juniors",
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
        ],
        [
            "Åsmund",
            "van der Berg",
            "2013-06-06",
            "3203",
            "Double bass",
            "Junior",
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
        ],
    ]
    source = tmp_path / "members.csv"
    write_csv(source, rows, encoding="utf-8-sig", delimiter=",")
    assert source.read_bytes().startswith(b"\xef\xbb\xbf")

    report = run(db, source)

    assert report.ok, report.problems
    assert (report.encoding, report.delimiter) == ("UTF-8 with BOM", "comma")
    assert report.summary().startswith("members.csv (UTF-8 with BOM, comma): 4 rows; 4 created")
    with db.transaction() as session:
        names = set(session.execute(select(Person.first_name, Person.last_name)))
    assert names == {
        ("Łukasz", "Kowalski"),
        ("Thi", "Nguyễn"),
        ("Zoë", "Berg-Åsmundsen"),
        ("Åsmund", "van der Berg"),
    }
    lukasz = person(db, "Łukasz")
    assert lukasz.notes == "Plays, also, piano"
    assert lukasz.gender == "male"
    assert photos(db, lukasz)
    assert [d.diet for d in lukasz.diets] == ["no_pork"]
    [link] = lukasz.guardian_links
    assert (link.guardian.full_name, link.guardian.phone) == ("Anna Kowalska", "+4741112222")
    thi = person(db, "Thi")
    assert [(a.allergen, a.severity) for a in thi.allergies] == [("nuts", "severe")]
    assert thi.memberships[0].ensemble.short_name == "ungdom"
    assert person(db, "Åsmund").instruments[0].instrument.name_nb == "Kontrabass"


def test_xlsx_with_real_date_cells(db: Database, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        [
            "Fornavn",
            "Etternavn",
            "Født",
            "Kommune",
            "Instrument",
            "Gruppe",
            "Innmeldt",
            "Telefon",
            "Postnr",
            "Poststed",
            "Fotosamtykke",
        ],
        [
            "Åsmund",
            "Ødegård",
            dt.datetime(2010, 5, 3),
            "Hole",
            "Obo",
            "ungdom",
            dt.date(2022, 8, 15),
            91234567,
            150,
            "Oslo",
            "x",
        ],
        [
            "Nora",
            "Lie",
            dt.date(2015, 12, 24),
            3312,
            "Horn",
            "junior",
            None,
            "41 00 00 00",
            "3400",
            "Lier",
            None,
        ],
    ]
    source = write_xlsx(tmp_path / "register.xlsx", rows)

    report = run(db, source)

    assert report.ok, report.problems
    assert (report.encoding, report.delimiter, report.sheet) == (None, None, "Medlemmer")
    assert report.summary().startswith(
        "register.xlsx (Excel workbook, sheet 'Medlemmer'): 2 rows; 2 created"
    )
    asmund = person(db, "Åsmund")
    assert asmund.birth_date == dt.date(2010, 5, 3)
    assert asmund.memberships[0].start_date == dt.date(2022, 8, 15)
    assert asmund.phone == "+4791234567"
    assert asmund.postal_code == "0150"  # Excel dropped the zero of the number 0150
    assert photos(db, asmund)
    nora = person(db, "Nora")
    assert (nora.municipality.name, nora.postal_code) == ("Lier", "3400")
    assert not photos(db, nora)


def test_xlsx_row_numbers_are_the_sheets_own(db: Database, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A3"], sheet["B3"], sheet["C3"] = "Fornavn", "Etternavn", "Fødselsdato"
    sheet["A4"], sheet["B4"], sheet["C4"] = "Kari", "Lie", dt.date(2012, 1, 1)
    sheet["A7"], sheet["B7"], sheet["C7"] = "Per", "Lie", "31.02.2012"
    workbook.save(tmp_path / "gaps.xlsx")

    report = run(db, tmp_path / "gaps.xlsx")

    assert problems(report) == ["row 7, Fødselsdato: '31.02.2012' is not a real date"]
    assert report.rows == 2


def test_every_date_format(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Innmeldt", "Gruppe"],
        ["A", "Lie", "03.05.2010", "01.08.2023", "ungdom"],
        ["B", "Lie", "3.5.2010", "1.8.2023", "ungdom"],
        ["C", "Lie", "03.05.10", "01.08.23", "ungdom"],
        ["D", "Lie", "2010-05-03", "2023-08-01", "ungdom"],
        ["E", "Lie", "3.5.10", "1/8/2023", "ungdom"],
    ]

    report = run(db, write_csv(tmp_path / "dates.csv", rows))

    assert report.ok, report.problems
    with db.transaction() as session:
        found = set(
            session.execute(select(Person.birth_date, Membership.start_date).join(Membership))
        )
    assert found == {(dt.date(2010, 5, 3), dt.date(2023, 8, 1))}


def test_delimiter_found_when_the_header_holds_a_comma(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Merknad, fritekst"],
        ["Kari", "Lie", "01.01.2012", "Liker, kanskje, komma"],
    ]
    report = run(
        db,
        write_csv(tmp_path / "m.csv", rows, delimiter=";"),
        mapping={"Merknad, fritekst": "notes"},
    )
    assert report.delimiter == "semicolon"
    assert report.ok, report.problems
    assert person(db, "Kari").notes == "Liker, kanskje, komma"


def test_tab_separated_and_excel_sep_line(db: Database, tmp_path: Path) -> None:
    tabbed = write_csv(tmp_path / "tab.txt", GOOD_ROWS[:2], delimiter="\t")
    assert run(db, tabbed, dry_run=True).delimiter == "tab"

    source = tmp_path / "sep.csv"
    body = io.StringIO()
    csv.writer(body, delimiter=",").writerows(
        [["Fornavn", "Etternavn", "Fødselsdato"], ["Kari", "Lie", "31.02.2012"]]
    )
    source.write_text("sep=,\n" + body.getvalue(), encoding="utf-8")
    report = run(db, source)
    assert report.delimiter == "comma"
    # Excel hides the "sep=" line: the header is row 1 and Kari is row 2 on the screen.
    assert problems(report) == ["row 2, Fødselsdato: '31.02.2012' is not a real date"]


def test_plain_utf8_is_reported(db: Database, tmp_path: Path) -> None:
    report = run(db, write_csv(tmp_path / "m.csv", GOOD_ROWS, encoding="utf-8"), dry_run=True)
    assert report.encoding == "UTF-8"


def test_fixture_file_from_norwegian_excel(db: Database) -> None:
    """A file as Norwegian Excel saves "CSV (semikolondelt)": Windows-1252, CRLF, ';'."""
    source = DATA / "medlemmer_excel_cp1252.csv"
    assert b"\r\n" in source.read_bytes()
    report = run(db, source)
    assert report.ok, report.problems
    assert (report.encoding, report.delimiter, report.rows) == ("Windows-1252", "semicolon", 4)
    assert problems(report, "warning") == [
        "row 5, Kommune: Røyken (0627) is now part of Asker (3203); stored as Røyken (0627)"
    ]
    assert person(db, "Øyvind").municipality.number == "0627"  # as the file says
    ase = person(db, "Åse")
    assert ase.last_name == "Bjørnstad"
    assert [
        (g.guardian.full_name, g.guardian.phone, g.guardian.email)
        for g in sorted(ase.guardian_links, key=lambda link: link.sort_order)
    ] == [
        ("Øystein Bjørnstad", "+4792345678", "oystein@example.no"),
        ("Målfrid Ås", "+4747654321", "malfrid@example.no"),
    ]


@pytest.mark.parametrize("name", ["old.xls", "sheet.ods"])
def test_unsupported_spreadsheets_are_refused(db: Database, tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFileError, match="Save As"):
        run(db, tmp_path / name)


def test_missing_and_empty_files(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="does not exist"):
        run(db, tmp_path / "nothing.csv")
    (tmp_path / "empty.csv").write_text("\r\n\r\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="empty"):
        run(db, tmp_path / "empty.csv")


def test_a_broken_workbook_is_refused(db: Database, tmp_path: Path) -> None:
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFileError, match="not a readable Excel workbook"):
        run(db, tmp_path / "broken.xlsx")


# --- Headers -------------------------------------------------------------------------------


def test_header_spellings_are_all_distinct_after_folding() -> None:
    from vrus.importing.folding import compact_fold

    seen: dict[str, str] = {}
    for name, (_label, spellings) in FIELDS.items():
        for spelling in spellings:
            assert seen.setdefault(compact_fold(spelling), name) == name, spelling


@pytest.mark.parametrize(
    "header", ["FORNAVN", " fornavn ", "First Name", "first_name", "FirstName", "first  name"]
)
def test_headers_ignore_case_and_spacing(db: Database, tmp_path: Path, header: str) -> None:
    rows = [
        [header, "etternavn", "FØDSELSDATO", "E-POST", "foresatt  telefon", "Fodselsdato"],
        ["Kari", "Lie", "01.01.2012", "k@example.no", "", ""],
    ]
    report = run(db, write_csv(tmp_path / "m.csv", rows), dry_run=True)
    # "Fodselsdato" is the same field as "FØDSELSDATO": a second column for it is an error.
    assert problems(report) == [
        "row 1, Fodselsdato: a second column for birth date (the first is 'FØDSELSDATO'); "
        "rename one or choose which to ignore"
    ]


def test_unknown_column_is_a_warning_and_the_mapping_can_use_or_ignore_it(
    db: Database, tmp_path: Path
) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Mobilnr. forelder", "Skonummer"],
        ["Kari", "Lie", "01.01.2012", "98765432", "38"],
    ]
    source = write_csv(tmp_path / "m.csv", rows)

    report = run(db, source, dry_run=True)
    assert report.ok
    assert problems(report, "warning") == [
        "row 1, Mobilnr. forelder: unknown column; its values are not imported",
        "row 1, Skonummer: unknown column; its values are not imported",
    ]

    report = run(db, source, mapping={"Mobilnr. forelder": "phone", "skonummer": IGNORE})
    assert report.ok and report.problems == []
    assert person(db, "Kari").phone == "+4798765432"


def test_a_mapping_to_no_field_is_a_programming_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="is not a field"):
        run(db, write_csv(tmp_path / "m.csv", GOOD_ROWS), mapping={"Telefon": "mobile"})


def test_required_columns(db: Database, tmp_path: Path) -> None:
    rows = [["Fornavn", "Kommune"], ["Kari", "Asker"], ["Per", "Atlantis"]]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert not report.applied
    assert problems(report) == [
        "row 1: no column for last name: a column headed 'Etternavn' or 'Last name' is required",
        "row 1: no column for birth date: a column headed 'Fødselsdato' or 'Født' is required",
        # The other columns are still checked, so one round of fixing is enough.
        "row 3, Kommune: 'Atlantis' is not a municipality in the register",
    ]
    assert count(db) == 0


# --- Values --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "number", "warning"),
    [
        ("Baerum", "3201", None),
        ("BÆRUM", "3201", None),
        ("  bærum  ", "3201", None),
        ("Oevre Eiker", "3314", None),
        ("Ovre Eiker", "3314", None),
        ("Krodsherad", "3318", None),
        ("Kroedsherad", "3318", None),
        # No join date: a name means the municipality of the day of the import (2026).
        ("Asker", "3203", None),
        # A number names exactly one row, of any era; it is stored as it is.
        ("0220", "0220", None),
        ("3025", "3025", None),
        ("220", "0220", None),
        ("3203", "3203", None),
        ("Asker (0220)", "0220", None),
        ("asker ( 3203 )", "3203", None),
        # The municipality named is stored, never its successor; the warning says what it is now.
        ("Roeyken", "0627", "Røyken (0627) is now part of Asker (3203); stored as Røyken (0627)"),
        ("0628", "0628", "Hurum (0628) is now part of Asker (3203); stored as Hurum (0628)"),
        (
            "Hurum (0628)",
            "0628",
            "Hurum (0628) is now part of Asker (3203); stored as Hurum (0628)",
        ),
        (
            "Svelvik",
            "0711",
            "Svelvik (0711) is now part of Drammen (3301); stored as Svelvik (0711)",
        ),
        (
            "Nedre Eiker",
            "0625",
            "Nedre Eiker (0625) is now part of Drammen (3301); stored as Nedre Eiker (0625)",
        ),
        ("Sande", "0713", "Sande (0713) is now part of Holmestrand (3903); stored as Sande (0713)"),
        ("oslo", "0301", "Oslo is outside Vestregionen"),
    ],
)
def test_municipality_spellings_and_numbers(
    db: Database, tmp_path: Path, written: str, number: str, warning: str | None
) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Kommune"],
        ["Kari", "Lie", "01.01.2012", written],
    ]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert report.ok, report.problems
    assert problems(report, "warning") == ([f"row 2, Kommune: {warning}"] if warning else [])
    assert person(db, "Kari").municipality.number == number


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("fiolin", ["Fiolin"]),
        ("VIOLIN", ["Fiolin"]),
        ("Fiolin 2", ["Fiolin"]),
        ("1. fiolin", ["Fiolin"]),
        ("Violin II", ["Fiolin"]),
        ("Oboe", ["Obo"]),
        ("Floyte", ["Fløyte"]),
        ("french horn", ["Horn"]),
        ("Double bass", ["Kontrabass"]),
        ("Fiolin, bratsj", ["Fiolin", "Bratsj"]),
        ("Slagverk/Pauker", ["Slagverk", "Pauker"]),
    ],
)
def test_instruments_by_norwegian_or_english_name(
    db: Database, tmp_path: Path, written: str, expected: list[str]
) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Instrument", "Gruppe"],
        ["Kari", "Lie", "01.01.2012", written, "ungdom"],
    ]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert report.ok, report.problems
    kari = person(db, "Kari")
    main_first = sorted(kari.instruments, key=lambda link: not link.is_main)
    assert [link.instrument.name_nb for link in main_first][:1] == expected[:1]
    assert {link.instrument.name_nb for link in kari.instruments} == set(expected)
    assert kari.memberships[0].instrument.name_nb == expected[0]


@pytest.mark.parametrize(
    ("written", "short"),
    [
        ("Ungdomssymfonikerne", "ungdom"),
        ("ungdom", "ungdom"),
        ("UNGDOM", "ungdom"),
        ("Juniorsymfonikerne", "junior"),
        ("junior", "junior"),
        ("Juniorer", "junior"),
        ("Aspiranter", "aspirant"),
        ("aspirant", "aspirant"),
        ("asp", "aspirant"),
    ],
)
def test_ensembles_by_name_or_short_form(
    db: Database, tmp_path: Path, written: str, short: str
) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Gruppe"],
        ["Kari", "Lie", "01.01.2014", written],
    ]
    run(db, write_csv(tmp_path / "m.csv", rows))
    assert person(db, "Kari").memberships[0].ensemble.short_name == short


@pytest.mark.parametrize(
    ("written", "diets", "note"),
    [
        ("vegetar", ["vegetarian"], None),
        ("Vegetarian", ["vegetarian"], None),
        ("vegan", ["vegan"], None),
        ("halal", ["halal"], None),
        ("ikke svin", ["no_pork"], None),
        ("No pork", ["no_pork"], None),
        ("laktosefri, glutenfri", ["gluten_free", "lactose_free"], None),
        ("Lactose-free; gluten-free", ["gluten_free", "lactose_free"], None),
        ("vegetar og ikke fisk", ["other", "vegetarian"], "ikke fisk"),
        ("spiser ikke sopp", ["other"], "spiser ikke sopp"),
        ("ingen", [], None),
    ],
)
def test_diets(
    db: Database, tmp_path: Path, written: str, diets: list[str], note: str | None
) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Kosthold"],
        ["Kari", "Lie", "01.01.2012", written],
    ]
    run(db, write_csv(tmp_path / "m.csv", rows))
    kari = person(db, "Kari")
    assert sorted(d.diet for d in kari.diets) == diets
    assert kari.diet_note == note


def test_severe_allergies_are_recognised(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Allergier"],
        [
            "Kari",
            "Lie",
            "01.01.2012",
            "Peanøtter (alvorlig); pollen, Skalldyr - anafylaksi, alvorlig nøtteallergi, "
            "Egg (livstruende, har EpiPen), katt (moderat), melk (Anaphylaxis), "
            "Kiwi (severe), pollen",
        ],
    ]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert report.ok, report.problems
    found = {a.allergen: (a.severity, a.note) for a in person(db, "Kari").allergies}
    assert found == {
        "Peanøtter": ("severe", None),
        "pollen": ("mild", None),
        "Skalldyr": ("severe", None),
        "alvorlig nøtteallergi": ("severe", None),
        "Egg": ("severe", "livstruende, har EpiPen"),
        "katt": ("moderate", None),
        "melk": ("severe", None),
        "Kiwi": ("severe", None),
    }


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("ja", True),
        ("Ja", True),
        ("yes", True),
        ("x", True),
        ("X", True),
        ("1", True),
        ("nei", False),
        ("NO", False),
        ("0", False),
        ("", False),
    ],
)
def test_photo_consent(db: Database, tmp_path: Path, written: str, expected: bool) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Fotosamtykke"],
        ["Kari", "Lie", "01.01.2012", written],
    ]
    run(db, write_csv(tmp_path / "m.csv", rows))
    kari = person(db, "Kari")
    assert photos(db, kari) is expected
    with db.sessions() as session:
        records = session.scalars(select(Consent).where(Consent.person_id == kari.id)).all()
        # A "yes" is a record of the import day, naming where it came from; a "no" for a new
        # person is no record at all.
        assert [(c.kind, c.given_on, c.text_version, c.given_by_self) for c in records] == (
            [("photo", TODAY, IMPORT_TEXT_VERSION, False)] if expected else []
        )


@pytest.mark.parametrize(
    ("written", "reason", "note", "warned"),
    [
        ("aldersgrense", "aged_out", None, False),
        ("Aged out", "aged_out", None, False),
        ("talentprogram", "talent_programme", None, False),
        ("Talent programme", "talent_programme", None, False),
        ("flyttet", "moved", None, False),
        ("Moved", "moved", None, False),
        ("sluttet", "quit", None, False),
        ("quit", "quit", None, False),
        ("annet", "other", None, False),
        ("Annet: begynte på fotball", "other", "begynte på fotball", False),
        ("ble for travelt", "other", "ble for travelt", True),
    ],
)
def test_reasons_for_leaving(
    db: Database, tmp_path: Path, written: str, reason: str, note: str | None, warned: bool
) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Gruppe", "Innmeldt", "Utmeldt", "Årsak"],
        ["Kari", "Lie", "01.01.2008", "ungdom", "01.08.2021", "20.06.2025", written],
    ]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert report.ok, report.problems
    assert bool(report.warnings) is warned
    [membership] = person(db, "Kari").memberships
    assert (membership.end_date, membership.end_reason, membership.end_note) == (
        dt.date(2025, 6, 20),
        reason,
        note,
    )


def test_guardians_with_two_names_and_contacts_in_order(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Foresatt", "Foresatt telefon", "Foresatt e-post"],
        [
            "Kari",
            "Lie",
            "01.01.2012",
            "Anne Lie og Per Olsen",
            "41234567 / 98765432",
            "anne@example.no; per@example.no",
        ],
        ["Ola", "Lie", "02.02.2014", "Anne Lie / Per Olsen", "412 34 567 og 987 65 432", ""],
        ["Siv", "Dahl", "03.03.2013", "Tone og Geir Dahl", "45454545", ""],
        ["Jon", "Bø", "04.04.2013", "Mor", "", ""],
    ]

    report = run(db, write_csv(tmp_path / "m.csv", rows))

    assert report.ok, report.problems

    def guardians(first: str) -> list[tuple[str, str | None, str | None]]:
        links = sorted(person(db, first).guardian_links, key=lambda link: link.sort_order)
        return [
            (link.guardian.full_name, link.guardian.phone, link.guardian.email) for link in links
        ]

    assert guardians("Kari") == [
        ("Anne Lie", "+4741234567", "anne@example.no"),
        ("Per Olsen", "+4798765432", "per@example.no"),
    ]
    # Siblings share the guardian rows (matched by name and phone).
    assert guardians("Ola") == guardians("Kari")
    assert guardians("Siv") == [("Tone Dahl", "+4745454545", None), ("Geir Dahl", None, None)]
    assert guardians("Jon") == [("Mor Bø", None, None)]
    assert count(db, Guardian) == 5


def test_more_contacts_than_guardians_is_an_error(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Foresatt", "Foresatt telefon"],
        ["Kari", "Lie", "01.01.2012", "Anne Lie", "41234567 / 98765432"],
        ["Ola", "Lie", "01.01.2013", "", "41234567"],
    ]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert problems(report) == [
        "row 2, Foresatt telefon: 2 given for 1 guardian(s); give them in the same order as "
        "the names"
    ]
    assert problems(report, "warning") == [
        "row 3, Foresatt telefon: not imported: no guardian named in 'Foresatt' on this row"
    ]


def test_the_export_forms_for_guardians_allergies_and_diet_notes(
    db: Database, tmp_path: Path
) -> None:
    """ "Last, First", a relation in brackets, "-" for a missing contact, "(severity: note)"
    and the diet note's own column; importing again updates the same rows."""
    rows = [
        [
            "Fornavn",
            "Etternavn",
            "Fødselsdato",
            "Foresatt",
            "Foresatt telefon",
            "Foresatt e-post",
            "Kosthold",
            "Kostholdsmerknad",
            "Allergier",
        ],
        [
            "Lan",
            "Nguyễn Thi",
            "02.04.2012",
            "Nguyễn Thi, Minh (mor) / Ola Haugen / van der Berg, Anna (annen)",
            "912 34 567 / - / 987 65 432",
            "- / ola@example.no / anna@example.no",
            "vegan",
            "Spiser ikke sopp",
            "Nøtter (alvorlig: har adrenalinpenn (EpiPen), i sekken); "
            "Melk (mild: ikke anafylaksi: tåler bakevarer), Alvorlig pollenallergi (moderat:)",
        ],
    ]
    for _ in range(2):
        report = run(db, write_csv(tmp_path / "m.csv", rows))
        assert report.ok, report.problems
        lan = person(db, "Lan")
        links = sorted(lan.guardian_links, key=lambda link: link.sort_order)
        assert [
            (
                link.guardian.first_name,
                link.guardian.last_name,
                link.relation,
                link.guardian.phone,
                link.guardian.email,
            )
            for link in links
        ] == [
            ("Minh", "Nguyễn Thi", "mother", "+4791234567", None),
            ("Ola", "Haugen", None, None, "ola@example.no"),
            ("Anna", "van der Berg", "other", "+4798765432", "anna@example.no"),
        ]
        assert ([d.diet for d in lan.diets], lan.diet_note) == (["vegan"], "Spiser ikke sopp")
        assert sorted((a.allergen, a.severity, a.note) for a in lan.allergies) == [
            ("Alvorlig pollenallergi", "moderate", None),
            ("Melk", "mild", "ikke anafylaksi: tåler bakevarer"),
            ("Nøtter", "severe", "har adrenalinpenn (EpiPen), i sekken"),
        ]
    assert count(db, Guardian) == 3


@pytest.mark.parametrize(
    ("diet", "note", "diets", "stored"),
    [
        ("annet", "", ["other"], None),
        ("vegetar, annet", "Ikke fisk", ["other", "vegetarian"], "Ikke fisk"),
        ("", "Ikke fisk", [], "Ikke fisk"),
        (
            "vegetar, spiser ikke sopp",
            "Ikke fisk",
            ["other", "vegetarian"],
            "spiser ikke sopp; Ikke fisk",
        ),
    ],
)
def test_diet_note_column(
    db: Database, tmp_path: Path, diet: str, note: str, diets: list[str], stored: str | None
) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Kosthold", "Diet note"],
        ["Kari", "Lie", "01.01.2012", diet, note],
    ]
    assert run(db, write_csv(tmp_path / "m.csv", rows)).ok
    kari = person(db, "Kari")
    assert (sorted(d.diet for d in kari.diets), kari.diet_note) == (diets, stored)


def test_culture_school_by_name_or_municipality(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Kulturskole"],
        ["Kari", "Lie", "01.01.2012", "Asker kulturskole"],
        ["Ola", "Lie", "01.01.2013", "baerum"],
        ["Per", "Lie", "01.01.2014", "Kulturskolen i Lier"],
        ["Siv", "Lie", "01.01.2014", "Bergen kulturskole"],
        ["Tor", "Lie", "01.01.2014", "Modum musikk- og kulturskole"],
    ]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert report.ok
    assert problems(report, "warning") == [
        "row 5, Kulturskole: 'Bergen kulturskole' is not a culture school in the register; "
        "left empty"
    ]
    assert person(db, "Kari").culture_school.name == "Asker kulturskole"
    assert person(db, "Ola").culture_school.name == "Bærum kulturskole"
    assert person(db, "Per").culture_school.name == "Lier kulturskole"
    assert person(db, "Siv").culture_school is None
    assert person(db, "Tor").culture_school.name == "Modum kulturskole"


def test_age_and_region_warnings_do_not_block(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Kommune", "Gruppe"],
        ["Gammel", "Lie", "01.01.2006", "Asker", "ungdom"],
        ["Liten", "Lie", "01.01.2019", "Asker", "junior"],
        ["Ute", "Lie", "01.01.2012", "Oslo", "ungdom"],
        ["Greit", "Lie", "31.12.2013", "Asker", "ungdom"],
    ]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert report.applied
    assert problems(report, "warning") == [
        "row 2, Gruppe: turns 20 this year, above the maximum age of Ungdomssymfonikerne (18)",
        "row 3, Gruppe: turns 7 this year, below the minimum age of Juniorsymfonikerne (8)",
        "row 4, Kommune: Oslo is outside Vestregionen",
    ]
    assert count(db) == 4


def test_empty_ensemble_cell_registers_without_membership(db: Database, tmp_path: Path) -> None:
    rows = [["Fornavn", "Etternavn", "Fødselsdato", "Gruppe"], ["Kari", "Lie", "01.01.2012", ""]]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert report.applied
    assert problems(report, "warning") == [
        "row 2, Gruppe: empty: the person is registered without a membership"
    ]
    assert person(db, "Kari").memberships == []


# --- Errors: all or nothing ----------------------------------------------------------------


BAD_CASES = [
    (4, 2, "31.02.2010", "row 4, Fødselsdato: '31.02.2010' is not a real date"),
    (
        3,
        7,
        "123 45",
        "row 3, Telefon: '123 45' is not a phone number: use 8 digits, or + and the country code",
    ),
    (2, 3, "Atlantis", "row 2, Kommune: 'Atlantis' is not a municipality in the register"),
    (3, 4, "Banjo", "row 3, Instrument: 'Banjo' is not an instrument in the register"),
    (4, 0, "", "row 4, Fornavn: missing: every row needs a first name"),
    (2, 8, "kari(at)example.no", "row 2, E-post: 'kari(at)example.no' is not an e-mail address"),
    (
        3,
        5,
        "Storband",
        "row 3, Gruppe: 'Storband' is not an ensemble; use one of "
        "Ungdomssymfonikerne (ungdom), Juniorsymfonikerne (junior), "
        "Aspiranter (aspirant)",
    ),
    (
        2,
        2,
        "",
        "row 2, Fødselsdato: missing: the birth date tells persons with the same name apart",
    ),
]


@pytest.mark.parametrize(("row", "column", "value", "message"), BAD_CASES)
def test_one_bad_row_stops_the_whole_import(
    db: Database, tmp_path: Path, row: int, column: int, value: str, message: str
) -> None:
    seed_person(db)
    rows = [list(r) for r in GOOD_ROWS]
    rows[row - 1][column] = value
    before = count(db)

    report = run(db, write_csv(tmp_path / "m.csv", rows, encoding="cp1252"))

    assert problems(report) == [message]
    assert not report.ok and not report.applied
    assert report.summary().endswith("1 error, 0 warnings. Nothing was written.")
    assert count(db) == before == 1
    assert count(db, Membership) == 0


def test_all_problems_are_collected_in_one_pass(db: Database, tmp_path: Path) -> None:
    rows = [list(r) for r in GOOD_ROWS]
    rows[1][2], rows[1][7] = "32.01.2010", "12"
    rows[3][4] = "Kazoo"
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert problems(report) == [
        "row 2, Fødselsdato: '32.01.2010' is not a real date",
        "row 2, Telefon: '12' is not a phone number: use 8 digits, or + and the country code",
        "row 4, Instrument: 'Kazoo' is not an instrument in the register",
    ]
    assert report.summary() == (
        "m.csv (UTF-8, semicolon): 3 rows; 1 to create, 0 to update; "
        "3 errors, 0 warnings. Nothing was written."
    )
    assert count(db) == 0


def test_membership_date_rules(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Gruppe", "Innmeldt", "Utmeldt", "Årsak"],
        ["Kari", "Lie", "01.01.2010", "ungdom", "01.08.2023", "01.06.2023", ""],
        ["Ola", "Lie", "01.01.2010", "ungdom", "01.08.2023", "", "flyttet"],
        ["Per", "Lie", "01.01.2010", "ungdom", "01.08.09", "", ""],
    ]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert problems(report) == [
        "row 2, Utmeldt: 01.06.2023 is before the join date 01.08.2023",
        "row 3, Årsak: a reason for leaving needs a date in 'Utmeldt'",
        "row 4, Innmeldt: 01.08.2009 is before the birth date",
    ]


def test_duplicate_rows_within_the_file(db: Database, tmp_path: Path) -> None:
    rows = [list(r) for r in GOOD_ROWS]
    rows.append(["ÅSMUND", "ødegård", "3.5.2010", "Asker", "Cello", "ungdom", "", "", ""])
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert problems(report) == [
        "row 5, Fornavn: rows 2 and 5 are the same person (ÅSMUND ødegård, born 03.05.2010); "
        "keep one of them"
    ]
    assert count(db) == 0


def test_a_failure_while_writing_rolls_everything_back(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import IntegrityError

    from vrus.importing import members

    seed_person(db)
    calls = []

    def explode(session, batch, *rest):  # noqa: ANN001, ANN002 - test double
        calls.append(len(batch))
        if len(calls) == 2:
            raise IntegrityError("INSERT", {}, Exception("boom"))
        return original(session, batch, *rest)

    original = members.insert_new_persons
    monkeypatch.setattr(members, "insert_new_persons", explode)
    monkeypatch.setattr(members, "BATCH_SIZE", 2)
    rows = [list(r) for r in GOOD_ROWS] + [["Ekstra", "Lie", "01.01.2012", "", "", "", "", "", ""]]

    with pytest.raises(members.ImportFailedError, match="nothing was written"):
        run(db, write_csv(tmp_path / "m.csv", rows))

    assert calls == [2, 2]  # the first batch was inserted, then rolled back
    assert count(db) == 1


# --- Matching and re-import ----------------------------------------------------------------


FULL_ROWS: list[list[object]] = [
    [
        "Fornavn",
        "Etternavn",
        "Fødselsdato",
        "Kommune",
        "Instrument",
        "Gruppe",
        "Innmeldt",
        "Telefon",
        "Foresatt",
        "Foresatt telefon",
        "Kosthold",
        "Allergier",
        "Fotosamtykke",
    ],
    [
        "Åsmund",
        "Ødegård",
        "03.05.2010",
        "Baerum",
        "Fiolin, bratsj",
        "ungdom",
        "01.08.2023",
        "91234567",
        "Kari og Ola Ødegård",
        "41234567 / 98765432",
        "vegetar, ikke fisk",
        "peanøtter (alvorlig), pollen",
        "ja",
    ],
    [
        "Zoë",
        "Berg",
        "04.06.2015",
        "Lier",
        "Cello",
        "junior",
        "",
        "",
        "Per Berg",
        "45678901",
        "halal",
        "",
        "nei",
    ],
    [
        "Ingrid",
        "Berg",
        "05.07.2013",
        "Lier",
        "Horn",
        "junior",
        "20.08.2024",
        "",
        "Per Berg",
        "45678901",
        "",
        "",
        "",
    ],
]


def _table_counts(db: Database) -> dict[str, int]:
    models = (
        Person,
        Membership,
        Guardian,
        PersonGuardian,
        PersonInstrument,
        PersonDiet,
        Allergy,
        Consent,
    )
    return {model.__tablename__: count(db, model) for model in models}


def test_importing_the_same_file_again_updates_and_duplicates_nothing(
    db: Database, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "m.csv", FULL_ROWS)
    first = run(db, source)
    assert (first.created, first.updated) == (3, 0)
    counts = _table_counts(db)
    assert counts == {
        "persons": 3,
        "memberships": 3,
        "guardians": 3,
        "person_guardians": 4,
        "person_instruments": 4,
        "person_diets": 3,
        "allergies": 2,
        "consents": 1,  # Åsmund's "ja"
    }

    again = run(db, source)

    assert again.ok and again.applied
    assert (again.rows, again.created, again.updated) == (3, 0, 3)
    assert again.summary() == (
        "m.csv (UTF-8, semicolon): 3 rows; 0 created, 3 updated; 0 errors, 0 warnings. Imported."
    )
    assert _table_counts(db) == counts
    # Also a later day: the membership with no join date began "today" the first time.
    later = run(db, source, today=TODAY + dt.timedelta(days=40))
    assert later.updated == 3
    assert _table_counts(db) == counts


def test_rows_match_persons_ignoring_case_and_accents(db: Database, tmp_path: Path) -> None:
    run(db, write_csv(tmp_path / "first.csv", FULL_ROWS))
    rows = [
        ["fornavn", "etternavn", "født", "telefon"],
        ["ZOE", "berg", "2015-06-04", "99887766"],
        ["Asmund", "Ødegård", "03.05.2010", ""],
    ]  # Å is a letter of its own: a new person
    report = run(db, write_csv(tmp_path / "second.csv", rows))
    assert (report.created, report.updated) == (1, 1)
    zoe = person(db, "Zoë")
    assert zoe.phone == "+4799887766"
    assert zoe.first_name == "Zoë"  # the register's spelling stays


def test_an_update_fills_and_overwrites_but_never_clears(db: Database, tmp_path: Path) -> None:
    run(db, write_csv(tmp_path / "first.csv", FULL_ROWS))
    rows = [
        [
            "Fornavn",
            "Etternavn",
            "Fødselsdato",
            "Kommune",
            "Instrument",
            "Gruppe",
            "Telefon",
            "Kosthold",
            "Allergier",
            "Fotosamtykke",
            "Foresatt",
            "Foresatt e-post",
        ],
        [
            "Åsmund",
            "Ødegård",
            "03.05.2010",
            "Drammen",
            "Bratsj",
            "ungdom",
            "",
            "vegan",
            "Pollen (moderat), katt",
            "",
            "Kari Ødegård",
            "kari@example.no",
        ],
    ]

    report = run(db, write_csv(tmp_path / "second.csv", rows))

    assert report.updated == 1
    asmund = person(db, "Åsmund")
    assert asmund.municipality.name == "Drammen"  # overwritten
    assert asmund.phone == "+4791234567"  # empty cell: kept
    assert photos(db, asmund)  # empty cell: kept
    assert [d.diet for d in asmund.diets] == ["vegan"]
    assert asmund.diet_note is None
    assert {(a.allergen, a.severity) for a in asmund.allergies} == {
        ("pollen", "moderate"),
        ("katt", "mild"),
    }
    assert {(i.instrument.name_nb, i.is_main) for i in asmund.instruments} == {
        ("Bratsj", True),
        ("Fiolin", False),
    }
    guardians = {link.guardian.full_name: link.guardian for link in asmund.guardian_links}
    assert set(guardians) == {"Kari Ødegård", "Ola Ødegård"}  # Ola is not dropped
    assert guardians["Kari Ødegård"].email == "kari@example.no"
    assert guardians["Kari Ødegård"].phone == "+4741234567"
    [membership] = asmund.memberships  # still active in ungdom: no second one
    assert membership.instrument.name_nb == "Bratsj"


def test_memberships_on_update(db: Database, tmp_path: Path) -> None:
    run(db, write_csv(tmp_path / "first.csv", FULL_ROWS))
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Gruppe", "Innmeldt", "Utmeldt", "Årsak"],
        # Ingrid moves up: the junior membership ends, an orchestra one begins.
        ["Ingrid", "Berg", "05.07.2013", "junior", "", "30.06.2026", "rykket opp"],
        ["Zoë", "Berg", "04.06.2015", "ungdom", "01.08.2026", "", ""],
    ]
    report = run(db, write_csv(tmp_path / "second.csv", rows))
    assert report.ok, report.problems
    [ingrid_junior] = person(db, "Ingrid").memberships
    assert (ingrid_junior.start_date, ingrid_junior.end_date, ingrid_junior.end_reason) == (
        dt.date(2024, 8, 20),
        dt.date(2026, 6, 30),
        "moved_up",
    )
    zoe = sorted(person(db, "Zoë").memberships, key=lambda m: m.start_date)
    assert [(m.ensemble.short_name, m.start_date) for m in zoe] == [
        ("junior", TODAY),
        ("ungdom", dt.date(2026, 8, 1)),
    ]
    assert problems(report, "warning") == [
        "row 3, Gruppe: turns 11 this year, below the minimum age of Ungdomssymfonikerne (13)"
    ]


def test_register_duplicates_must_be_merged_first(db: Database, tmp_path: Path) -> None:
    seed_person(db)
    seed_person(db)
    rows = [["Fornavn", "Etternavn", "Fødselsdato"], ["Ingrid", "Haugen", "01.01.2011"]]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert len(report.errors) == 1
    assert str(report.errors[0]).startswith(
        "row 2: Ingrid Haugen, born 01.01.2011 is in the register 2 times (ids "
    )
    assert count(db) == 2


def test_dry_run_writes_nothing_but_reports_the_same(db: Database, tmp_path: Path) -> None:
    seed_person(db)
    rows = [list(r) for r in FULL_ROWS] + [
        ["Ingrid", "Haugen", "01.01.2011", "Oslo", "", "ungdom", "", "", "", "", "", "", ""]
    ]
    source = write_csv(tmp_path / "m.csv", rows)
    before = _table_counts(db)

    report = run(db, source, dry_run=True)

    assert report.ok and not report.applied
    assert (report.created, report.updated) == (3, 1)
    assert report.summary() == (
        "m.csv (UTF-8, semicolon): 4 rows; 3 to create, 1 to update; "
        "0 errors, 1 warning. Dry run: nothing was written."
    )
    assert _table_counts(db) == before
    real = run(db, source)
    assert (real.created, real.updated, real.problems) == (3, 1, report.problems)


# --- Progress, command line, speed ---------------------------------------------------------


def test_progress_is_reported_up_to_the_total(db: Database, tmp_path: Path) -> None:
    rows = [["Fornavn", "Etternavn", "Fødselsdato"]] + [
        [f"Navn{i}", "Lie", "01.01.2012"] for i in range(1200)
    ]
    seen: list[tuple[int, int]] = []
    run(db, write_csv(tmp_path / "m.csv", rows), progress=lambda d, t: seen.append((d, t)))
    assert {total for _, total in seen} == {2400}
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1] == (2400, 2400)
    assert any(1200 < done < 2400 for done, _ in seen)  # reported while writing too


def test_command_line_report(db: Database, tmp_path: Path) -> None:
    rows = [list(r) for r in GOOD_ROWS]
    rows[2][3] = "Atlantis"
    rows[0].append("Skostørrelse")
    out = io.StringIO()

    # The children gain age warnings in later years: the report is of one day.
    code = cmd_import_members(
        db, write_csv(tmp_path / "m.csv", rows), False, out, today=dt.date(2026, 12, 2)
    )

    assert code == 1
    assert out.getvalue().splitlines() == [
        "m.csv (UTF-8, semicolon): 3 rows; 2 to create, 0 to update; 1 error, 1 warning. "
        "Nothing was written.",
        "warning: row 1, Skostørrelse: unknown column; its values are not imported",
        "error: row 3, Kommune: 'Atlantis' is not a municipality in the register",
    ]

    rows[2][3] = "Lier"
    out = io.StringIO()
    assert cmd_import_members(db, write_csv(tmp_path / "m.csv", rows), True, out) == 0
    assert "Dry run: nothing was written." in out.getvalue()
    assert count(db) == 0
    assert cmd_import_members(db, tmp_path / "m.csv", False, io.StringIO()) == 0
    assert count(db) == 3


def test_problem_formatting() -> None:
    assert str(Problem(7, "Fødselsdato", "'31.02.2010' is not a real date")) == (
        "row 7, Fødselsdato: '31.02.2010' is not a real date"
    )
    assert str(Problem(1, "", "no column for first name", "error")) == (
        "row 1: no column for first name"
    )


def test_messages_are_translatable_with_the_english_unchanged(db: Database, tmp_path: Path) -> None:
    rows = [list(r) for r in GOOD_ROWS]
    rows[1][2] = "31.02.2010"
    rows[0].append("Skostørrelse")
    report = run(db, write_csv(tmp_path / "m.csv", rows), dry_run=True)
    assert len(report.problems) == 2
    for problem in report.problems:
        assert isinstance(problem.message, Text) and problem.message.context == CORE_CONTEXT
        assert problem.text().context == CORE_CONTEXT
        assert str(problem.text()) == str(problem)
    error = report.errors[0]
    assert (error.message.source, dict(error.message.params)) == (
        "'{value}' is not a real date",
        {"value": "31.02.2010"},
    )
    summary = report.summary_text()
    assert summary.source == "{file} ({source}): {rows}; {counts}; {errors}, {warnings}. {outcome}"
    assert (
        str(summary)
        == report.summary()
        == (
            "m.csv (UTF-8, semicolon): 3 rows; 2 to create, 0 to update; 1 error, 1 warning. "
            "Nothing was written."
        )
    )


def test_a_missing_column_is_named_by_its_translatable_label(db: Database, tmp_path: Path) -> None:
    report = run(db, write_csv(tmp_path / "m.csv", [["Fornavn", "Etternavn"], ["Ola", "Berg"]]))
    (error,) = report.errors
    assert error.message.params["field"] == FIELDS["birth_date"][0]
    assert str(error) == (
        "row 1: no column for birth date: a column headed 'Fødselsdato' or 'Født' is required"
    )
    assert all(isinstance(label, Text) for label, _spellings in FIELDS.values())


def test_an_unreadable_file_has_a_translatable_message(db: Database, tmp_path: Path) -> None:
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFileError) as caught:
        run(db, tmp_path / "old.xls")
    assert caught.value.message.context == CORE_CONTEXT
    assert (
        str(caught.value)
        == str(caught.value.message)
        == (
            "old.xls: this kind of spreadsheet cannot be read; in Excel, use Save As and choose "
            "Excel Workbook (.xlsx) or CSV"
        )
    )


def test_a_problem_may_carry_plain_text() -> None:
    assert str(Problem(3, "", as_text("the row is empty"))) == "row 3: the row is empty"


def test_an_archived_person_is_updated_with_a_warning(db: Database, tmp_path: Path) -> None:
    seed_person(db)
    with db.transaction() as session:
        session.scalars(select(Person)).one().archived_at = dt.datetime(2025, 1, 2, 10, 0)
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Telefon"],
        ["Ingrid", "Haugen", "01.01.2011", "90000000"],
    ]
    report = run(db, write_csv(tmp_path / "m.csv", rows))
    assert problems(report, "warning") == [
        "row 2: Ingrid Haugen, born 01.01.2011 was archived on 02.01.2025; updated but stays "
        "archived"
    ]
    assert person(db, "Ingrid").phone == "+4790000000"


def test_culture_schools_in_the_reference_data_are_found(db: Database) -> None:
    with db.transaction() as session:
        names = set(
            session.scalars(select(Organisation.name).where(Organisation.kind == "culture_school"))
        )
    assert {"Asker kulturskole", "Bærum kulturskole", "Lier kulturskole"} <= names


# --- Crash safety --------------------------------------------------------------------------


_KILLED_IMPORT = textwrap.dedent("""
    import sys
    from vrus.db.engine import sqlite_url
    from vrus.opening import open_database
    from vrus.importing import import_members

    db = open_database(sqlite_url(sys.argv[1]))

    def progress(done, total):
        if done > total // 2:  # the second half of the progress is the writing
            print(f"writing {done}/{total}", flush=True)

    import_members(db, sys.argv[2], progress=progress)
    print("finished", flush=True)
""")


@pytest.mark.slow
@pytest.mark.sqlite_only("kills a process writing the SQLite file")
def test_a_killed_import_leaves_the_register_as_it_was(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    rows = [
        [
            "Fornavn",
            "Etternavn",
            "Fødselsdato",
            "Kommune",
            "Instrument",
            "Gruppe",
            "Foresatt",
            "Foresatt telefon",
            "Allergier",
        ]
    ]
    rows += [
        [
            f"Navn{i}",
            "Ødegård",
            f"{1 + i % 28}.{1 + i % 12}.{2008 + i % 10}",
            "Asker",
            "Fiolin",
            "junior",
            "Kari og Ola Ødegård",
            f"4{i:07d} / 9{i:07d}",
            "nøtter",
        ]
        for i in range(20_000)
    ]
    source = write_csv(tmp_path / "big.csv", rows)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}

    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_IMPORT, str(db_path), str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = child.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("writing "), line + child.stderr.read()  # type: ignore[union-attr]
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL  # killed in the middle, not finished

    db.engine.dispose()  # fresh connections: see the file as a restarted program would
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert connection.execute(text("SELECT count(*) FROM persons")).scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM guardians")).scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM memberships")).scalar() == 0
