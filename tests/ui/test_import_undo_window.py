"""An import through the real wizard is one step of the Members page's undo: the Edit menu
names it with its file, Ctrl+Z puts the register back exactly (every table compared), Ctrl+Shift+Z
imports it again exactly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from tests.test_import_members import write_csv
from tests.test_import_undo import SECOND_ROWS, fill_register
from tests.test_undo import dump
from tests.ui.import_support import (
    import_now,
    open_wizard,
    pick_in_file_dialog,
    press,
    to_check,
    to_columns,
)
from tests.ui.test_members_undo import edit_menu_texts, round_trip, undo_with_ctrl_z
from vrus.db.engine import Database
from vrus.ui.common.core_actions import CoreActions

NAME = "medlemmer høst.csv"


def import_in_the_wizard(qtbot, window, path: Path) -> None:
    wizard = open_wizard(qtbot, window)
    to_columns(qtbot, wizard)
    to_check(qtbot, wizard)
    import_now(qtbot, wizard)
    assert wizard.result_page.heading.text() == "The import is finished."
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())


def test_an_import_is_undone_and_redone_from_the_edit_menu(
    qtbot, make_window, db: Database, tmp_path: Path, monkeypatch
) -> None:
    fill_register(db, tmp_path)
    path = write_csv(tmp_path / NAME, SECOND_ROWS)
    pick_in_file_dialog(monkeypatch, path)
    window = make_window(CoreActions.installed())
    page = window.members_page
    before = dump(db)

    import_in_the_wizard(qtbot, window, path)

    assert page.table.model().rowCount() == 5  # Jonas and Mia listed
    round_trip(qtbot, window, db, before, f"import of members from {NAME}")
    assert page.table.model().rowCount() == 3  # listed again without them
    assert f"&Redo import of members from {NAME}" in edit_menu_texts(window)


def test_an_import_that_changed_nothing_is_no_step(
    qtbot, make_window, db: Database, tmp_path: Path, monkeypatch
) -> None:
    fill_register(db, tmp_path)
    path = write_csv(tmp_path / NAME, SECOND_ROWS)
    pick_in_file_dialog(monkeypatch, path)
    window = make_window(CoreActions.installed())
    page = window.members_page
    import_in_the_wizard(qtbot, window, path)
    after = dump(db)

    import_in_the_wizard(qtbot, window, path)  # the same file again

    assert page.actions.undo_stack.count() == 1
    assert page.undo_action.text() == f"&Undo import of members from {NAME}"
    undo_with_ctrl_z(qtbot, page)
    assert dump(db) != after
