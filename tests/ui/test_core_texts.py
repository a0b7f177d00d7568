"""The core's messages in the window's language.

Validation errors, import problems, the import summary and unreadable files are English for the
command line (``str()``) and Bokmål in the window (``ui_text``), with the values filled in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWizard

from tests.ui.import_support import (
    import_now,
    open_wizard,
    pick_in_file_dialog,
    to_check,
    to_columns,
)
from vrus.db.engine import Database
from vrus.demo.summary import DemoSummary
from vrus.importing import ImportFileError, ImportReport, Problem, import_members
from vrus.texts import Text
from vrus.ui import i18n
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.common.messages import ui_text
from vrus.ui.members.welcome import WelcomePanel
from vrus.validation import (
    ValidationError,
    normalise_phone,
    parse_date,
    require_name,
    validate_birth_date,
    validate_postal_code,
)

TODAY = dt.date(2026, 3, 1)


@pytest.fixture
def bokmal(qapp) -> Iterator[None]:
    """The window's default language, as the application installs it."""
    locale = QLocale()
    installed = i18n.install_translators(qapp, "nb")
    assert installed, "vrus_nb.qm did not load"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def refusal(check, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        check(*args, **kwargs)
    return caught.value


def write_sheet(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


SHEET_WITH_ERRORS = [
    "Fornavn;Etternavn;Fødselsdato;Kommune;Telefon",
    "Åse;Ødegård;31.02.2010;Asker;",
    "Bo;Berg;01.02.2011;Atlantis;123",
]


# --- Validation ----------------------------------------------------------------------------


def test_validation_error_is_english_as_text_and_bokmal_in_the_window(bokmal) -> None:
    error = refusal(normalise_phone, "123")
    assert isinstance(error.message, Text)
    assert str(error) == "'123' is not a phone number: use 8 digits, or + and the country code"
    assert ui_text(error.message) == (
        "'123' er ikke et telefonnummer: bruk 8 siffer, eller + og landskoden"
    )


@pytest.mark.parametrize(
    ("check", "args", "bokmal_text"),
    [
        (parse_date, ("31.02.2010",), "'31.02.2010' er ikke en ekte dato"),
        (parse_date, ("i går",), "'i går' er ikke en dato: bruk dd.mm.åååå"),
        (require_name, ("  ",), "er påkrevd"),
        (require_name, ("x" * 101,), "er lengre enn 100 tegn"),
        (
            validate_postal_code,
            ("150",),
            "'150' er ikke et postnummer: bruk 4 siffer (en null foran kan ha falt bort: skriv "
            "0150, ikke 150)",
        ),
    ],
)
def test_validation_errors_in_bokmal(bokmal, check, args, bokmal_text: str) -> None:
    assert ui_text(refusal(check, *args).message) == bokmal_text


def test_birth_date_errors_keep_the_date_format(bokmal) -> None:
    error = refusal(validate_birth_date, "01.01.2030", today=TODAY)
    assert str(error) == "01.01.2030 is in the future"
    assert ui_text(error.message) == "01.01.2030 er frem i tid"


def test_an_english_window_shows_the_source_text(qapp) -> None:
    error = refusal(normalise_phone, "123")
    assert ui_text(error.message) == str(error)


# --- Import: problems, summary, unreadable files -------------------------------------------


def test_import_problems_and_summary_in_bokmal(bokmal, db: Database, tmp_path: Path) -> None:
    report = import_members(
        db, write_sheet(tmp_path / "m.csv", SHEET_WITH_ERRORS), dry_run=True, today=TODAY
    )
    assert [ui_text(p.text()) for p in report.problems] == [
        "rad 2, Fødselsdato: '31.02.2010' er ikke en ekte dato",
        "rad 3, Telefon: '123' er ikke et telefonnummer: bruk 8 siffer, eller + og landskoden",
        "rad 3, Kommune: 'Atlantis' er ikke en kommune i registeret",
    ]
    assert ui_text(report.summary_text()) == (
        "m.csv (UTF-8, semikolon): 2 rader; 0 blir opprettet, 0 blir oppdatert; 3 feil, "
        "0 advarsler. Ingenting ble lagret."
    )
    # The command line is not affected by the window's translator.
    assert str(report.problems[0]) == "row 2, Fødselsdato: '31.02.2010' is not a real date"
    assert report.summary() == (
        "m.csv (UTF-8, semicolon): 2 rows; 0 to create, 0 to update; "
        "3 errors, 0 warnings. Nothing was written."
    )


def test_a_missing_column_is_named_in_bokmal(bokmal, db: Database, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path / "m.csv", ["Fornavn;Etternavn", "Åse;Ødegård"])
    report = import_members(db, sheet, dry_run=True, today=TODAY)
    assert [ui_text(p.text()) for p in report.errors] == [
        "rad 1: ingen kolonne for fødselsdato: en kolonne med overskriften 'Fødselsdato' eller "
        "'Født' er påkrevd"
    ]


def test_workbook_summary_in_bokmal(bokmal) -> None:
    report = ImportReport(file="m.xlsx", sheet="Ark1", rows=1, created=1, applied=True)
    assert ui_text(report.summary_text()) == (
        "m.xlsx (Excel-arbeidsbok, arket 'Ark1'): 1 rad; 1 opprettet, 0 oppdatert; 0 feil, "
        "0 advarsler. Importert."
    )


def test_an_unreadable_file_in_bokmal(bokmal, db: Database, tmp_path: Path) -> None:
    empty = write_sheet(tmp_path / "tom.csv", [""])
    with pytest.raises(ImportFileError) as caught:
        import_members(db, empty)
    assert str(caught.value) == "tom.csv: the file is empty"
    assert ui_text(caught.value.message) == "tom.csv: filen er tom"


# --- The window ----------------------------------------------------------------------------


def test_import_with_errors_is_shown_in_bokmal(
    bokmal, qtbot, make_window, tmp_path: Path, monkeypatch
) -> None:
    sheet = write_sheet(tmp_path / "medlemmer.csv", SHEET_WITH_ERRORS)
    pick_in_file_dialog(monkeypatch, sheet)
    window = make_window(CoreActions(import_members=import_members))
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    assert wizard.columns_page.status.text() == (
        "medlemmer.csv: 2 rader. VRUS kjente igjen 5 av 5 kolonner på overskriften."
    )
    to_check(qtbot, wizard)
    preview = wizard.check_page.preview
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Importer"
    assert preview.verdict.text() == (
        "Ingenting kan importeres så lenge filen har feil (3). Rett dem i regnearket og "
        "velg det på nytt, eller gå tilbake og endre hva kolonnene importeres som."
    )
    assert preview.summary.text() == (
        "medlemmer.csv (UTF-8, semikolon): 2 rader; 0 blir opprettet, 0 blir oppdatert; "
        "3 feil, 0 advarsler. Ingenting ble lagret."
    )
    model = preview.problems.model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Rad",
        "Kolonne",
        "Alvorlighetsgrad",
        "Problem",
    ]
    assert [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())] == [
        ["2", "Fødselsdato", "Feil", "'31.02.2010' er ikke en ekte dato"],
        [
            "3",
            "Telefon",
            "Feil",
            "'123' er ikke et telefonnummer: bruk 8 siffer, eller + og landskoden",
        ],
        ["3", "Kommune", "Feil", "'Atlantis' er ikke en kommune i registeret"],
    ]
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == (
        "rad 2, Fødselsdato: '31.02.2010' er ikke en ekte dato"
    )
    wizard.reject()
    assert not window.import_flow.running


def test_a_missing_column_shows_the_field_name_in_bokmal(
    bokmal, qtbot, make_window, tmp_path: Path, monkeypatch
) -> None:
    pick_in_file_dialog(
        monkeypatch, write_sheet(tmp_path / "m.csv", ["Fornavn;Fødselsdato", "Åse;03.04.2008"])
    )
    window = make_window(CoreActions(import_members=import_members))
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    assert wizard.columns_page.hint.text() == ("Importen trenger en kolonne for: Etternavn.")
    to_check(qtbot, wizard)
    model = wizard.check_page.preview.problems.model()
    assert model.index(0, 1).data() == ""  # the whole row 1 (the header) is meant
    assert model.index(0, 3).data() == (
        "ingen kolonne for etternavn: en kolonne med overskriften 'Etternavn' eller "
        "'Last name' er påkrevd"
    )
    wizard.reject()


class ChangedFile:
    """The dry run is clean, but the file has errors by the time it is imported."""

    def __init__(self, errors: int) -> None:
        self.errors = errors

    def __call__(self, db, path, *, dry_run, mapping=None, progress=None):
        if dry_run:
            return ImportReport(
                file=path.name,
                encoding="UTF-8",
                delimiter="semicolon",
                rows=1,
                created=1,
                dry_run=True,
            )
        message = refusal(normalise_phone, "123").message
        return ImportReport(
            file=path.name,
            encoding="UTF-8",
            delimiter="semicolon",
            rows=self.errors,
            problems=[Problem(row, "Telefon", message) for row in range(2, self.errors + 2)],
        )


def test_a_failed_import_lists_the_errors_in_bokmal(
    bokmal, qtbot, make_window, tmp_path: Path, monkeypatch
) -> None:
    pick_in_file_dialog(monkeypatch, write_sheet(tmp_path / "m.csv", ["Fornavn", "Ola"]))
    window = make_window(CoreActions(import_members=ChangedFile(errors=12)))
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    to_check(qtbot, wizard)
    import_now(qtbot, wizard)
    result = wizard.result_page
    assert result.heading.text() == "Ingenting ble importert."
    assert result.preview.summary.text() == (
        "m.csv (UTF-8, semikolon): 12 rader; 0 blir opprettet, 0 blir oppdatert; 12 feil, "
        "0 advarsler. Ingenting ble lagret."
    )
    model = result.preview.problems.model()
    assert model.rowCount() == 12
    assert model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == (
        "rad 2, Telefon: '123' er ikke et telefonnummer: bruk 8 siffer, eller + og landskoden"
    )
    assert window.members_page.showing_welcome


def test_an_unreadable_file_is_explained_in_bokmal(
    bokmal, qtbot, make_window, tmp_path: Path, monkeypatch
) -> None:
    pick_in_file_dialog(monkeypatch, write_sheet(tmp_path / "tom.csv", [""]))
    window = make_window(CoreActions(import_members=import_members))
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    assert wizard.columns_page.status.text() == (
        "Regnearket kunne ikke leses.\n\ntom.csv: filen er tom"
    )
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_demo_summary_in_the_welcome_panel_is_bokmal(bokmal, qtbot) -> None:
    panel = WelcomePanel(can_load_demo=True, can_import=True)
    qtbot.addWidget(panel)
    summary = DemoSummary(
        season="2026",
        seasons=["2023", "2024", "2025", "2026"],
        active={"Ungdomssymfonikerne": 60},
        persons=140,
        former=35,
        guardians=230,
        staff=12,
        events={"seminar": 36, "concert": 4},
    )
    panel.show_demo_loaded(summary)
    assert panel.status.text() == (
        "Demosesongen 2026 er lastet inn. Personer: 140 (tidligere medlemmer: 35). "
        "Foresatte: 230. Arrangementer: 40. Alle i den er oppdiktet."
    )
    assert not panel.status.isHidden()
    assert panel.demo_button.isEnabled()


def test_a_refusal_names_the_role_in_bokmal(bokmal) -> None:
    """The command line says "your role (lunch)"; the window says the association's name."""
    from vrus.server.refusals import _who

    who = _who("lunch", "kari")
    assert str(who) == "your role (lunch)"
    assert ui_text(who) == "rollen din (venneforeningen)"
