"""The import wizard with the real importer: columns, the check, the import, progress."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from tests.ui.import_support import (
    FakeImporter,
    choose_field,
    field_combo,
    import_now,
    open_wizard,
    pick_in_file_dialog,
    press,
    to_check,
    to_columns,
)
from vrus.db.engine import Database
from vrus.db.models import Person
from vrus.importing import IGNORE
from vrus.member_list import count_persons
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.files.import_columns import (
    COL_EXAMPLES,
    COL_FIELD,
    COL_NOTE,
    ColumnsModel,
    FileColumn,
    FileColumns,
)

# Two columns the importer does not know: where the members live, and a free-text note.
SHEET = (
    "Fornavn;Etternavn;Født;Bosted;Notat\n"
    "Åse;Ødegård;03.04.2010;Asker;spiller også piano\n"
    "Łukasz;Nowak;17.05.2009;Baerum;\n"
    "Zoë;Berg;02.02.2011;Lier;ny i år\n"
)


@pytest.fixture
def sheet(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "medlemmer.csv"
    path.write_text(SHEET, encoding="utf-8")
    pick_in_file_dialog(monkeypatch, path)
    return path


def persons(db: Database) -> int:
    with db.sessions() as session:
        return count_persons(session)


def problem_rows(wizard) -> list[list[str]]:
    model = wizard.check_page.preview.problems.model()
    return [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]


def test_unknown_columns_are_assigned_checked_fixed_and_imported(
    qtbot, make_window, db: Database, sheet: Path
) -> None:
    window = make_window(CoreActions.installed())
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)

    columns = wizard.columns_page
    assert columns.status.text() == (
        "medlemmer.csv: 3 rows. VRUS recognised 3 of 5 columns by their heading."
    )
    model = columns.model
    assert [model.index(r, COL_FIELD).data() for r in range(5)] == [
        "First name",
        "Last name",
        "Birth date",
        "Not imported",
        "Not imported",
    ]
    assert model.index(3, COL_NOTE).data() == "Unknown heading"
    assert model.index(3, COL_EXAMPLES).data() == "Asker, Baerum, Lier"

    # The user says where the members live, and mistakes the note for a phone number.
    choose_field(wizard, "Bosted", "municipality")
    choose_field(wizard, "Notat", "phone")
    assert wizard.mapping() == {"Bosted": "municipality", "Notat": "phone"}
    assert model.index(3, COL_FIELD).data() == "Municipality"

    check_values: list[int] = []
    wizard.check_page.progress.valueChanged.connect(check_values.append)
    to_check(qtbot, wizard)
    # Every problem with its row number; the Import button stays off; nothing is written.
    assert problem_rows(wizard) == [["2", "Notat", "Error"], ["4", "Notat", "Error"]]
    assert "'spiller også piano' is not a phone number" in (
        wizard.check_page.preview.problems.model().index(0, 3).data()
    )
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert wizard.check_page.preview.verdict.text().startswith(
        "Nothing can be imported while the file has errors (2)."
    )
    assert persons(db) == 0
    assert check_values and check_values[-1] == wizard.check_page.progress.maximum() > 0

    # Back to the columns: the choices are kept; the note is a note.
    press(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentPage() is columns
    assert field_combo(wizard, "Bosted").currentData() == "municipality"
    choose_field(wizard, "Notat", "notes")
    to_check(qtbot, wizard)
    assert problem_rows(wizard) == []
    assert wizard.check_page.preview.verdict.text() == (
        "The file can be imported: no problems were found."
    )
    assert persons(db) == 0

    import_values: list[int] = []
    wizard.result_page.progress.valueChanged.connect(import_values.append)
    import_now(qtbot, wizard)
    assert wizard.result_page.heading.text() == "The import is finished."
    progress = wizard.result_page.progress
    assert import_values and import_values[-1] == progress.maximum() > 0
    assert persons(db) == 3
    assert window.count_label.text() == "Persons in the register: 3"
    assert not window.members_page.showing_welcome
    assert window.members_page.model.rowCount() == 3
    with db.sessions() as session:
        stored = {p.first_name: p for p in session.scalars(select(Person))}
        assert stored["Åse"].notes == "spiller også piano"
        assert stored["Łukasz"].municipality.name == "Bærum"
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())


def test_a_column_left_out_is_a_warning_that_does_not_block(
    qtbot, make_window, db: Database, sheet: Path
) -> None:
    window = make_window(CoreActions.installed())
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    choose_field(wizard, "Bosted", "municipality")
    to_check(qtbot, wizard)
    assert problem_rows(wizard) == [["1", "Notat", "Warning"]]
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    import_now(qtbot, wizard)
    assert persons(db) == 3


def test_a_known_column_can_be_left_out(qtbot, make_window, db: Database, sheet: Path) -> None:
    window = make_window(CoreActions.installed())
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    choose_field(wizard, "Født", IGNORE)
    assert wizard.columns_page.hint.text() == "The import needs a column for: Birth date."
    assert wizard.mapping() == {"Født": IGNORE}
    to_check(qtbot, wizard)
    assert ["1", "", "Error"] in problem_rows(wizard)  # the importer needs a birth date
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.reject()
    assert persons(db) == 0


def test_the_wizard_stays_open_while_the_import_runs(qtbot, make_window, sheet: Path) -> None:
    release = threading.Event()

    class SlowImporter(FakeImporter):
        def __call__(self, db, path, *, dry_run, mapping=None, progress=None):
            if not dry_run:
                assert release.wait(10)
            return super().__call__(db, path, dry_run=dry_run, mapping=mapping, progress=progress)

    importer = SlowImporter()
    window = make_window(CoreActions(import_members=importer))
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    choose_field(wizard, "Bosted", "municipality")
    to_check(qtbot, wizard)
    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert wizard.importing
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.reject()  # Escape or the close button: the import cannot be stopped half-way
    wizard.close()
    assert wizard.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not wizard.importing)
    assert importer.mappings[-1] == {"Bosted": "municipality"}
    assert importer.threads and all(t is not threading.main_thread() for t in importer.threads)
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())


def columns_model() -> ColumnsModel:
    model = ColumnsModel()
    model.set_columns(
        FileColumns(
            (
                FileColumn("Fornavn", "first_name", ("Åse",)),
                FileColumn("Mobil", "phone", ("912 34 567",)),
                FileColumn("Tlf", "phone", ()),
                FileColumn("Bosted", IGNORE, ("Asker", "Lier")),
            ),
            rows=2,
        )
    )
    return model


def test_columns_model_mapping_and_notes(qapp) -> None:
    model = columns_model()
    assert model.known() == 3
    assert model.mapping() == {}
    assert model.doubled() == ["phone"]
    assert model.missing() == ["last_name", "birth_date"]
    assert model.index(1, COL_NOTE).data() == "Chosen twice: leave one out"
    model.choose("Tlf", IGNORE)
    model.choose("Bosted", "municipality")
    assert model.doubled() == []
    assert model.mapping() == {"Tlf": IGNORE, "Bosted": "municipality"}
    assert model.index(1, COL_NOTE).data() == ""
    assert model.index(3, COL_NOTE).data() == "Your choice"
    assert not model.setData(model.index(0, COL_FIELD), "no such field")


def test_columns_model_passes_qt_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(columns_model(), force_py=True)
