"""File → Export…, Back up now and Restore from backup…, and the number of backups to keep."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.driving import answer_question, click
from tests.ui.helpers import TODAY, add_person
from vrus.backup import backup_now, backups_max_age, backups_to_keep
from vrus.backup_files import backup_dir, list_backups
from vrus.db.engine import Database
from vrus.erasure import erase_persons, is_erased
from vrus.member_list import count_persons
from vrus.texts import as_text
from vrus.ui.app import WindowHost
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.files import export_dialog
from vrus.ui.files.restore_dialog import COL_KIND, COL_STATE, BackupsModel
from vrus.ui.main_window import SECTION_KEYS, MainWindow


def save_as(monkeypatch, path: Path, chosen_filter: str = "CSV for Excel (*.csv)") -> list[str]:
    """Make the export's save dialog answer ``path``; returns the names it suggested."""
    suggested: list[str] = []

    class FakeFileDialog:
        @staticmethod
        def getSaveFileName(parent, caption, name, filters):  # noqa: N802 - Qt's name
            suggested.append(name)
            return str(path), chosen_filter

    monkeypatch.setattr(export_dialog, "QFileDialog", FakeFileDialog)
    return suggested


def export(qtbot, window: MainWindow, what: str) -> QMessageBox:
    flow = window.file_actions.export_flow
    window.file_actions.export_action.trigger()
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible())
    flow.dialog.what.setCurrentIndex(flow.dialog.what.findData(what))
    click(qtbot, flow.dialog.export_button)
    qtbot.waitUntil(lambda: flow.message is not None and flow.message.isVisible())
    assert not flow.running and flow.busy is None
    return flow.message


# --- Export ----------------------------------------------------------------------------------


def test_export_members_writes_a_csv_that_reads_back(
    qtbot, make_window, register, tmp_path: Path, monkeypatch
) -> None:
    window = make_window(today=TODAY)
    # Without an ending: the chosen type's ending is added.
    suggested = save_as(monkeypatch, tmp_path / "medlemmer")
    message = export(qtbot, window, "members")
    target = tmp_path / "medlemmer.csv"
    assert suggested == [str(Path.home() / "members-2026-11-26.csv")]
    assert message.text().startswith(f"Rows exported: 7\nFile: {target}\n")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:3] == ["Fornavn", "Etternavn", "Fødselsdato"]
    assert len(rows) == 1 + 7
    assert ["Åse", "Ødegård", "03.03.2013"] in [row[:3] for row in rows]
    assert ["Łukasz", "Ærlig", "09.09.2016"] in [row[:3] for row in rows]


def test_export_warnings_are_shown(
    qtbot, make_window, db: Database, tmp_path: Path, monkeypatch
) -> None:
    add_person(db, "Zoë", "Berg")  # no birth date: the member sheet will not import back
    window = make_window(today=TODAY)
    save_as(monkeypatch, tmp_path / "m.xlsx", "Excel workbook (*.xlsx)")
    message = export(qtbot, window, "members")
    assert message.icon() == QMessageBox.Icon.Warning
    lines = message.text().split("\n")
    assert lines[:2] == ["Rows exported: 1", f"File: {tmp_path / 'm.xlsx'}"]
    assert "These values will not import back exactly as they are in the register:" in lines
    assert lines[-1].startswith("Zoë Berg: no birth date")
    assert (tmp_path / "m.xlsx").stat().st_size > 0


def test_every_table_exports(qtbot, make_window, register, tmp_path: Path, monkeypatch) -> None:
    window = make_window(today=TODAY)
    save_as(monkeypatch, tmp_path / "foresatte.csv")
    message = export(qtbot, window, "guardians")
    assert message.icon() == QMessageBox.Icon.Information
    assert message.text() == f"Rows exported: 4\nFile: {tmp_path / 'foresatte.csv'}"
    dialog = window.file_actions.export_flow.dialog
    assert [dialog.what.itemData(i) for i in range(dialog.what.count())] == [
        "members",
        "guardians",
        "memberships",
        "events",
        "signups",
        "attendance",
    ]


def test_an_export_that_cannot_be_written_says_why(
    qtbot, make_window, db, tmp_path: Path, monkeypatch
) -> None:
    window = make_window(today=TODAY)
    save_as(monkeypatch, tmp_path / "no such folder" / "m.csv")
    message = export(qtbot, window, "events")
    assert message.icon() == QMessageBox.Icon.Critical
    assert message.text().startswith("Nothing was exported.\n\nthe folder ")


# --- Back up now -----------------------------------------------------------------------------


def test_back_up_now_makes_a_checked_copy_and_says_where(qtbot, window, db: Database) -> None:
    actions = window.file_actions
    actions.backup_action.trigger()
    qtbot.waitUntil(lambda: actions.message is not None and actions.message.isVisible())
    backups = list_backups(db)
    assert len(backups) == 1 and backups[0].ok and backups[0].kind == "manual"
    assert actions.message.text() == (
        f"The register is backed up. The copy is in\n{backups[0].path}"
    )
    assert backups[0].path.parent == backup_dir(db)


# --- Settings: backups to keep ---------------------------------------------------------------


def test_backups_to_keep_is_saved_at_once(qtbot, window, db: Database) -> None:
    keep = window.settings_page.backups_keep
    assert keep.value() == backups_to_keep(db) == 10
    keep.setValue(3)
    assert backups_to_keep(db) == 3
    location = window.settings_page.findChild(type(window.count_label), "backupLocation")
    assert location.text() == str(backup_dir(db))


def test_backups_max_age_is_saved_at_once(qtbot, window, db: Database) -> None:
    max_age = window.settings_page.backups_max_age
    assert max_age.value() == backups_max_age(db) == 90
    assert max_age.maximum() == 3650 and max_age.minimum() == 1
    max_age.setValue(30)
    assert backups_max_age(db) == 30


# --- Restore ---------------------------------------------------------------------------------


@pytest.fixture
def host(qtbot, db: Database, settings) -> Iterator[WindowHost]:
    host = WindowHost(db, settings, CoreActions(), today=lambda: TODAY)
    yield host
    if host.window is not None:
        host.window.close()
    host.close_own_database()


def persons(db: Database) -> int:
    with db.sessions() as session:
        return count_persons(session)


def test_restore_from_the_dialog_replaces_the_register(
    qtbot, host: WindowHost, db: Database, register
) -> None:
    backup_now(db, kind="daily", now=dt.datetime(2026, 11, 25, 8, 15))
    add_person(db, "Etter", "Sikkerhetskopien")  # saved after the backup: lost by the restore
    old = host.open()
    old.show_section("members")
    old.members_page.fill()
    before = old.members_page.model.rowCount()
    assert old.count_label.text() == "Persons in the register: 8"

    old.file_actions.restore_action.trigger()
    dialog = old.file_actions.restore_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.loaded)
    model = dialog.view.model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "25.11.2026 08:15"
    assert model.index(0, COL_KIND).data() == "Daily"
    assert model.index(0, COL_STATE).data() == "Good"
    assert dialog.restore_button.isEnabled()  # the newest good backup is selected

    asked: list[str] = []
    answer_question("Restore", asked)
    click(qtbot, dialog.restore_button)
    qtbot.waitUntil(lambda: host.window is not old)
    assert asked == [
        "Restore the backup from 25.11.2026 08:15?\n\nEverything saved after "
        "25.11.2026 08:15 is lost. The register as it is now is kept as a safety "
        "copy in the backups folder first.\n\nThe window closes and opens the "
        "restored register."
    ]

    window = host.window
    qtbot.addWidget(window)
    assert window.isVisible() and not old.isVisible()
    assert host.db is not db and persons(host.db) == 7
    assert window.count_label.text() == "Persons in the register: 7"
    assert host.notice is not None and host.notice.isVisible()
    assert host.notice.text().startswith("The backup is restored:")
    assert "The register as it was before is kept in" in host.notice.text()
    host.notice.close()
    for key in SECTION_KEYS:  # every page works on the restored register
        window.show_section(key)
        assert window.current_section() == key
    window.show_section("members")
    qtbot.waitUntil(lambda: window.members_page.is_filled)  # listed after the first paint
    assert window.members_page.model.rowCount() == before - 1
    # Kept: the register as it was, with the person added after the backup.
    kinds = [info.kind for info in list_backups(host.db)]
    assert "before-restore" in kinds


def test_a_backup_that_fails_its_check_cannot_be_chosen(
    qtbot, host: WindowHost, db: Database, register
) -> None:
    broken = backup_now(db)
    broken.write_bytes(b"not a database at all")
    window = host.open()
    window.file_actions.restore_action.trigger()
    dialog = window.file_actions.restore_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.loaded)
    assert dialog.view.model().index(0, COL_STATE).data() == (
        "Cannot be restored: not a VRUS database (not an SQLite file)"
    )
    dialog.view.selectRow(0)
    assert not dialog.restore_button.isEnabled()
    dialog.reject()
    assert host.window is window


def test_backups_model_passes_qt_model_tester(qtmodeltester, db: Database) -> None:
    backup_now(db)
    model = BackupsModel()
    model.set_backups(list_backups(db))
    assert model.index(0, COL_KIND).data(Qt.ItemDataRole.DisplayRole) == "By hand"
    qtmodeltester.check(model, force_py=True)


def test_restore_erases_again_and_says_so(qtbot, host: WindowHost, db: Database, register) -> None:
    backup = backup_now(db, kind="daily", now=dt.datetime(2026, 11, 25, 8, 15))
    erase_persons(db, [register.ids["zoe"]])  # erased after the backup: it must stay erased
    old = host.open()
    assert old.count_label.text() == "Persons in the register: 6"

    host.restore(backup)  # what the restore dialog asks for
    qtbot.waitUntil(lambda: host.window is not old)
    window = host.window
    qtbot.addWidget(window)
    assert host.notice is not None and host.notice.isVisible()
    assert host.notice.icon() == QMessageBox.Icon.Information
    assert host.notice.text().endswith("\n\n1 erasure made after this backup was applied again")
    host.notice.close()
    assert persons(host.db) == 6 and window.count_label.text() == "Persons in the register: 6"
    with host.db.sessions() as session:
        assert is_erased(session, register.ids["zoe"])


def test_what_opening_had_to_say_is_shown_over_the_window(
    qtbot, host: WindowHost, db: Database
) -> None:
    window = host.open()
    qtbot.addWidget(window)
    host.show_messages([])
    assert host.notice is None
    host.show_messages([as_text("2 persons erased earlier were back")])
    assert host.notice is not None and host.notice.isVisible()
    assert host.notice.text() == "2 persons erased earlier were back"
    host.notice.close()
