"""First start on an empty register: the demo season and the spreadsheet import, both run
off the GUI thread with fakes that have the core's signatures."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.helpers import add_person
from vrus.errors import VrusError
from vrus.importing import Problem
from vrus.importing.report import Severity
from vrus.texts import Text, as_text
from vrus.ui import import_flow
from vrus.ui.core_actions import CoreActions
from vrus.ui.import_dialog import ProblemsModel
from vrus.ui.settings import LAST_IMPORT_FOLDER


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
    demo = pytest.importorskip("vrus.demo")
    if not hasattr(demo, "load_demo"):
        pytest.skip("vrus.demo has no load_demo yet")
    window = make_window(CoreActions.installed())
    click(qtbot, window.members_page.welcome.demo_button)
    qtbot.waitUntil(lambda: not window.members_page.showing_welcome, timeout=60_000)
    assert window.members_page.model.rowCount() > 0


# --- Import ---------------------------------------------------------------------------------


def plain_problem(row: int, column: str, message: str, severity: Severity = "error") -> Problem:
    """A real ``Problem`` with a message that is not translated (plain text)."""
    return Problem(row, column, as_text(message), severity)


@dataclass
class FakeReport:
    created: int = 0
    updated: int = 0
    problems: list = field(default_factory=list)
    dry_run: bool = True

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def summary_text(self) -> Text:
        return as_text(f"{'dry run' if self.dry_run else 'done'}: {self.created} to create")


class FakeImporter:
    def __init__(self, report: FakeReport | None = None, fail: BaseException | None = None):
        self.report = report or FakeReport(created=2)
        self.fail = fail
        self.calls: list[tuple[Path, bool]] = []
        self.threads: list[threading.Thread] = []

    def __call__(self, db, path, *, dry_run):
        self.calls.append((path, dry_run))
        self.threads.append(threading.current_thread())
        if self.fail is not None:
            raise self.fail
        if not dry_run:
            add_person(db, "Imported", "Person")
            add_person(db, "Another", "Person")
        self.report.dry_run = dry_run
        return self.report


def pick_in_file_dialog(monkeypatch, path: Path) -> None:
    """Make the import's file dialog return ``path`` without showing."""

    class FakeFileDialog:
        @staticmethod
        def getOpenFileName(parent, caption, folder, filters):  # noqa: N802 - Qt's name
            return str(path), filters.split(";;")[0]

    monkeypatch.setattr(import_flow, "QFileDialog", FakeFileDialog)


@pytest.fixture
def spreadsheet(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "sheets" / "medlemmer.csv"
    path.parent.mkdir()
    path.write_text("Fornavn,Etternavn\n", encoding="utf-8")
    pick_in_file_dialog(monkeypatch, path)
    return path


def test_import_runs_a_dry_run_then_imports_on_confirmation(
        qtbot, make_window, spreadsheet, settings) -> None:
    importer = FakeImporter(FakeReport(created=2, problems=[
        plain_problem(3, "Telefon", "8 digits expected", "warning")]))
    window = make_window(CoreActions(import_members=importer))
    flow = window.import_flow
    click(qtbot, window.members_page.welcome.import_button)

    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible())
    preview = flow.preview
    assert importer.calls == [(spreadsheet, True)]
    assert all(t is not threading.main_thread() for t in importer.threads)
    assert preview.summary.text() == "dry run: 2 to create"
    assert preview.problems.isVisible()
    assert preview.problems.model().rowCount() == 1
    assert window.members_page.showing_welcome  # nothing saved yet

    click(qtbot, preview.import_button)
    qtbot.waitUntil(lambda: flow.message is not None and flow.message.isVisible())
    assert importer.calls == [(spreadsheet, True), (spreadsheet, False)]
    assert flow.message.icon() == QMessageBox.Icon.Information
    assert "done: 2 to create" in flow.message.text()
    assert not window.members_page.showing_welcome
    assert window.members_page.model.rowCount() == 2
    assert settings.get(LAST_IMPORT_FOLDER) == str(spreadsheet.parent)
    assert not flow.running


def test_import_with_errors_cannot_be_confirmed(qtbot, make_window, spreadsheet) -> None:
    importer = FakeImporter(FakeReport(problems=[
        plain_problem(2, "Fødselsdato", "31.02.2010 is not a date"),
        plain_problem(4, "", "the row is empty", "warning")]))
    window = make_window(CoreActions(import_members=importer))
    window.import_action.trigger()
    flow = window.import_flow
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible())
    assert flow.preview.import_button is None
    model = flow.preview.problems.model()
    assert [model.index(r, 2).data() for r in range(2)] == ["Error", "Warning"]
    flow.preview.reject()
    assert importer.calls == [(spreadsheet, True)]
    assert not flow.running


def test_cancelled_preview_imports_nothing(qtbot, make_window, spreadsheet) -> None:
    importer = FakeImporter()
    window = make_window(CoreActions(import_members=importer))
    window.import_action.trigger()
    flow = window.import_flow
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible())
    flow.preview.reject()
    assert importer.calls == [(spreadsheet, True)]
    assert window.members_page.showing_welcome


def test_import_failure_shows_the_core_message(qtbot, make_window, spreadsheet) -> None:
    importer = FakeImporter(fail=VrusError("medlemmer.csv is not a spreadsheet VRUS can read"))
    window = make_window(CoreActions(import_members=importer))
    window.import_action.trigger()
    flow = window.import_flow
    qtbot.waitUntil(lambda: flow.message is not None and flow.message.isVisible())
    assert flow.message.icon() == QMessageBox.Icon.Critical
    assert "not a spreadsheet VRUS can read" in flow.message.text()
    assert not flow.running and flow.busy is None


def test_no_file_chosen_does_nothing(qtbot, make_window, monkeypatch) -> None:
    class NoFile:
        @staticmethod
        def getOpenFileName(*_args):  # noqa: N802 - Qt's name
            return "", ""

    monkeypatch.setattr(import_flow, "QFileDialog", NoFile)
    importer = FakeImporter()
    window = make_window(CoreActions(import_members=importer))
    window.import_action.trigger()
    assert importer.calls == [] and not window.import_flow.running


def test_real_import_of_a_small_sheet(qtbot, make_window, tmp_path, monkeypatch) -> None:
    importing = pytest.importorskip("vrus.importing")
    if not hasattr(importing, "import_members"):
        pytest.skip("vrus.importing has no import_members yet")
    path = tmp_path / "medlemmer.csv"
    path.write_text("Fornavn;Etternavn;Fødselsdato;Kommune\n"
                    "Åse;Ødegård;03.04.2008;Asker\n"
                    "Łukasz;Nowak;17.05.2009;Bærum\n", encoding="utf-8")
    pick_in_file_dialog(monkeypatch, path)
    window = make_window(CoreActions.installed())
    flow = window.import_flow
    click(qtbot, window.members_page.welcome.import_button)
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible(),
                    timeout=30_000)
    assert flow.preview.import_button is not None, flow.preview.summary.text()
    assert window.members_page.showing_welcome
    click(qtbot, flow.preview.import_button)
    qtbot.waitUntil(lambda: flow.message is not None and flow.message.isVisible(),
                    timeout=30_000)
    assert flow.message.icon() == QMessageBox.Icon.Information, flow.message.text()
    page = window.members_page
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [
        "Nowak", "Ødegård"]


def test_problems_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = ProblemsModel([plain_problem(2, "E-post", "not an address"),
                           plain_problem(5, "", "duplicate of row 3", "warning")])
    qtmodeltester.check(model, force_py=True)
