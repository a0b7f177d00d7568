"""Driving the import wizard like a user, and fakes with the importer's signature."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWizard

from tests.ui.helpers import add_person
from vrus.importing import Problem
from vrus.importing.report import Severity
from vrus.texts import Text, as_text
from vrus.ui.files import import_flow
from vrus.ui.files.import_columns import COL_FIELD
from vrus.ui.files.import_wizard import ImportWizard

TIMEOUT = 30_000  # ms; the real importer on a slow machine


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
    def errors(self) -> list:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary_text(self) -> Text:
        return as_text(f"{'dry run' if self.dry_run else 'done'}: {self.created} to create")


class FakeImporter:
    """``import_members`` stand-in: reports progress, adds two persons when not a dry run."""

    def __init__(self, report: FakeReport | None = None, fail: BaseException | None = None):
        self.report = report or FakeReport(created=2)
        self.fail = fail
        self.calls: list[tuple[Path, bool]] = []
        self.mappings: list[dict | None] = []
        self.threads: list[threading.Thread] = []

    def __call__(self, db, path, *, dry_run, mapping=None, progress=None):
        self.calls.append((path, dry_run))
        self.mappings.append(mapping)
        self.threads.append(threading.current_thread())
        if self.fail is not None:
            raise self.fail
        if progress is not None:
            progress(1, 4)
        if not dry_run:
            add_person(db, "Imported", "Person")
            add_person(db, "Another", "Person")
        if progress is not None:
            progress(4, 4)
        self.report.dry_run = dry_run
        return self.report


def pick_in_file_dialog(monkeypatch, path: Path) -> None:
    """Make the import's file dialog return ``path`` without showing."""

    class FakeFileDialog:
        @staticmethod
        def getOpenFileName(parent, caption, folder, filters):  # noqa: N802 - Qt's name
            return str(path), filters.split(";;")[0]

    monkeypatch.setattr(import_flow, "QFileDialog", FakeFileDialog)


def press(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_wizard(qtbot, window) -> ImportWizard:
    """File → Import members…, then "Choose a file…" (the file dialog is faked)."""
    window.import_action.trigger()
    wizard = window.import_flow.wizard
    qtbot.waitUntil(wizard.isVisible)
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    return wizard


def to_columns(qtbot, wizard: ImportWizard) -> None:
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.columns_page
    qtbot.waitUntil(lambda: not wizard.columns_page.running, timeout=TIMEOUT)


def to_check(qtbot, wizard: ImportWizard) -> None:
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.check_page
    qtbot.waitUntil(lambda: not wizard.check_page.running, timeout=TIMEOUT)


def import_now(qtbot, wizard: ImportWizard) -> None:
    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert wizard.currentPage() is wizard.result_page
    qtbot.waitUntil(lambda: not wizard.result_page.running, timeout=TIMEOUT)


def field_combo(wizard: ImportWizard, header: str) -> QComboBox:
    model, view = wizard.columns_page.model, wizard.columns_page.view
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == header)
    combo = view.indexWidget(model.index(row, COL_FIELD))
    assert isinstance(combo, QComboBox)
    return combo


def choose_field(wizard: ImportWizard, header: str, name: str) -> None:
    """Pick ``name`` in the column's combo box, as a user would."""
    combo = field_combo(wizard, header)
    position = combo.findData(name)
    assert position >= 0, name
    combo.setCurrentIndex(position)
