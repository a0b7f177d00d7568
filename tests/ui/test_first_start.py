"""First start on an empty register: the demo season and the spreadsheet import, both run
off the GUI thread with fakes that have the core's signatures."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.ui.helpers import add_person
from tests.ui.import_support import (
    FakeImporter,
    FakeReport,
    import_now,
    open_wizard,
    pick_in_file_dialog,
    plain_problem,
    press,
    to_check,
    to_columns,
)
from vrus.errors import VrusError
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.common.options import LAST_IMPORT_FOLDER
from vrus.ui.files import import_flow
from vrus.ui.files.import_preview import ProblemsModel


@dataclass
class FakeDemoSummary:
    persons: int

    def describe(self) -> str:
        return f"{self.persons} persons"


class FakeDemo:
    """``load_demo`` stand-in: waits for the test, reports progress, adds three persons."""

    def __init__(self, fail: BaseException | None = None) -> None:
        self.release = threading.Event()
        self.calls: list[dict] = []
        self.thread: threading.Thread | None = None
        self.fail = fail

    def __call__(self, db, *, reset=False, members=None, today=None, progress=None):
        self.thread = threading.current_thread()
        self.calls.append({"reset": reset, "members": members})
        assert self.release.wait(10), "the test never released the demo load"
        if self.fail is not None:
            raise self.fail
        for done, name in enumerate(["Ada", "Bo", "Cai"], start=1):
            add_person(db, name, "Demo")
            if progress is not None:
                progress(done, 3)
        return FakeDemoSummary(3)


def click(qtbot, button) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_demo_season_loads_off_the_gui_thread(qtbot, make_window) -> None:
    demo = FakeDemo()
    window = make_window(CoreActions(load_demo=demo))
    page = window.members_page
    assert page.showing_welcome

    click(qtbot, page.welcome.demo_button)
    assert page.welcome.progress.isVisible()
    assert not page.welcome.demo_button.isEnabled()
    assert not page.welcome.import_button.isEnabled()
    demo.release.set()

    qtbot.waitUntil(lambda: not page.showing_welcome)
    assert demo.thread is not None and demo.thread is not threading.main_thread()
    assert demo.calls == [{"reset": False, "members": None}]
    assert page.model.rowCount() == 3
    assert window.count_label.text() == "Persons in the register: 3"
    assert window.statusBar().currentMessage() == "The demo season is loaded."


def test_demo_loader_hands_on_the_summary(qtbot, make_window) -> None:
    demo = FakeDemo()
    window = make_window(CoreActions(load_demo=demo))
    loader = window.members_page.demo_loader
    with qtbot.waitSignal(loader.loaded, timeout=5000) as loaded:
        click(qtbot, window.members_page.welcome.demo_button)
        demo.release.set()
    assert loaded.args == [FakeDemoSummary(3)]
    qtbot.waitUntil(lambda: not window.members_page.showing_welcome)


def test_demo_progress_reaches_the_bar(qtbot, make_window) -> None:
    demo = FakeDemo()
    window = make_window(CoreActions(load_demo=demo))
    loader = window.members_page.demo_loader
    with qtbot.waitSignals([loader.progress] * 3, timeout=5000):
        click(qtbot, window.members_page.welcome.demo_button)
        demo.release.set()
    qtbot.waitUntil(lambda: not window.members_page.showing_welcome)


def test_demo_failure_is_explained_and_logged(qtbot, make_window, caplog) -> None:
    demo = FakeDemo(fail=RuntimeError("disk on fire"))
    window = make_window(CoreActions(load_demo=demo))
    welcome = window.members_page.welcome
    click(qtbot, welcome.demo_button)
    demo.release.set()
    qtbot.waitUntil(lambda: welcome.demo_button.isEnabled())
    assert window.members_page.showing_welcome
    assert "The demo season could not be loaded." in welcome.status.text()
    assert "log file" in welcome.status.text()
    assert "disk on fire" not in welcome.status.text()  # no internals for the user
    assert "disk on fire" in caplog.text  # but the traceback is in the log
    assert not welcome.progress.isVisible()


def test_real_demo_season_fills_the_table(qtbot, make_window) -> None:
    window = make_window(CoreActions.installed())
    click(qtbot, window.members_page.welcome.demo_button)
    qtbot.waitUntil(lambda: not window.members_page.showing_welcome, timeout=60_000)
    assert window.members_page.model.rowCount() > 0


# --- Import ---------------------------------------------------------------------------------


@pytest.fixture
def spreadsheet(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "sheets" / "medlemmer.csv"
    path.parent.mkdir()
    # One row: the fake importers decide the result; a header alone is refused when read.
    path.write_text("Fornavn;Etternavn;Fødselsdato\nOla;Nordmann;01.02.2012\n", encoding="utf-8")
    pick_in_file_dialog(monkeypatch, path)
    return path


def test_import_runs_a_dry_run_then_imports_on_confirmation(
    qtbot, make_window, spreadsheet, settings
) -> None:
    importer = FakeImporter(
        FakeReport(
            created=2, problems=[plain_problem(3, "Telefon", "8 digits expected", "warning")]
        )
    )
    window = make_window(CoreActions(import_members=importer))
    click(qtbot, window.members_page.welcome.import_button)
    wizard = window.import_flow.wizard
    qtbot.waitUntil(wizard.isVisible)
    click(qtbot, wizard.file_page.browse_button)
    assert wizard.file_page.path_edit.text() == str(spreadsheet)
    to_columns(qtbot, wizard)
    to_check(qtbot, wizard)

    check = wizard.check_page
    assert importer.calls == [(spreadsheet, True)]
    assert importer.mappings == [{}]  # every column known: nothing to tell the importer
    assert all(t is not threading.main_thread() for t in importer.threads)
    assert check.preview.summary.text() == "dry run: 2 to create"
    assert check.preview.problems.isVisible()
    assert check.preview.problems.model().rowCount() == 1
    assert "warnings below do not stop the import" in check.preview.verdict.text()
    assert window.members_page.showing_welcome  # nothing saved yet

    import_now(qtbot, wizard)
    assert importer.calls == [(spreadsheet, True), (spreadsheet, False)]
    result = wizard.result_page
    assert result.heading.text() == "The import is finished."
    assert result.status.text() == "done: 2 to create"
    assert not window.members_page.showing_welcome
    assert window.members_page.model.rowCount() == 2
    assert window.count_label.text() == "Persons in the register: 2"
    assert settings.get(LAST_IMPORT_FOLDER) == str(spreadsheet.parent)
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert not window.import_flow.running


def test_import_with_errors_cannot_be_confirmed(qtbot, make_window, spreadsheet) -> None:
    importer = FakeImporter(
        FakeReport(
            problems=[
                plain_problem(2, "Fødselsdato", "31.02.2010 is not a date"),
                plain_problem(4, "", "the row is empty", "warning"),
            ]
        )
    )
    window = make_window(CoreActions(import_members=importer))
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    to_check(qtbot, wizard)
    check = wizard.check_page
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert check.preview.verdict.text().startswith(
        "Nothing can be imported while the file has errors (1)."
    )
    model = check.preview.problems.model()
    assert [model.index(r, 2).data() for r in range(2)] == ["Error", "Warning"]
    wizard.reject()
    assert importer.calls == [(spreadsheet, True)]
    assert not window.import_flow.running


def test_cancelled_wizard_imports_nothing(qtbot, make_window, spreadsheet) -> None:
    importer = FakeImporter()
    window = make_window(CoreActions(import_members=importer))
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    to_check(qtbot, wizard)
    press(qtbot, wizard, QWizard.WizardButton.CancelButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert importer.calls == [(spreadsheet, True)]
    assert window.members_page.showing_welcome


def test_import_failure_shows_the_core_message(qtbot, make_window, spreadsheet) -> None:
    importer = FakeImporter(fail=VrusError("medlemmer.csv is not a spreadsheet VRUS can read"))
    window = make_window(CoreActions(import_members=importer))
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    to_check(qtbot, wizard)
    status = wizard.check_page.status.text()
    assert status.startswith("The spreadsheet could not be read.")
    assert "not a spreadsheet VRUS can read" in status
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert not wizard.check_page.progress.isVisible()


def test_no_file_chosen_does_nothing(qtbot, make_window, monkeypatch) -> None:
    class NoFile:
        @staticmethod
        def getOpenFileName(*_args):  # noqa: N802 - Qt's name
            return "", ""

    monkeypatch.setattr(import_flow, "QFileDialog", NoFile)
    importer = FakeImporter()
    window = make_window(CoreActions(import_members=importer))
    wizard = open_wizard(qtbot, window)
    assert wizard.file_page.path_edit.text() == ""
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert importer.calls == []


def test_real_import_of_a_small_sheet(qtbot, make_window, tmp_path, monkeypatch) -> None:
    path = tmp_path / "medlemmer.csv"
    path.write_text(
        "Fornavn;Etternavn;Fødselsdato;Kommune\n"
        "Åse;Ødegård;03.04.2008;Asker\n"
        "Łukasz;Nowak;17.05.2009;Bærum\n",
        encoding="utf-8",
    )
    pick_in_file_dialog(monkeypatch, path)
    window = make_window(CoreActions.installed())
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    to_check(qtbot, wizard)
    assert wizard.check_page.isComplete(), wizard.check_page.preview.summary.text()
    assert window.members_page.showing_welcome
    import_now(qtbot, wizard)
    assert wizard.result_page.heading.text() == "The import is finished."
    page = window.members_page
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [
        "Nowak",
        "Ødegård",
    ]


def test_problems_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = ProblemsModel(
        [
            plain_problem(2, "E-post", "not an address"),
            plain_problem(5, "", "duplicate of row 3", "warning"),
        ]
    )
    qtmodeltester.check(model, force_py=True)
