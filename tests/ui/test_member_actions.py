"""Page actions: Delete archives (Ctrl+Z restores), permanent removal asks first, Ctrl+N
creates with a duplicate warning."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.ui.driving import answer_question, click, key, names, select_row_of
from vrus.db.models import Person, PersonGuardian

CTRL = Qt.KeyboardModifier.ControlModifier


def archived_at(db, person_id: int):
    with db.sessions() as session:
        return session.get(Person, person_id).archived_at


def test_delete_archives_and_ctrl_z_restores(qtbot, members_window, db, register) -> None:
    page = members_window.members_page
    select_row_of(qtbot, page, register.ids["thi"])
    key(qtbot, page.table, Qt.Key.Key_Delete)
    assert archived_at(db, register.ids["thi"]) is not None
    assert "Thi Nguyễn" not in names(page.table)
    assert "Thi Nguyễn" in members_window.statusBar().currentMessage()
    assert page.table.hasFocus()
    key(qtbot, page.table, Qt.Key.Key_Z, CTRL)
    assert archived_at(db, register.ids["thi"]) is None
    assert "Thi Nguyễn" in names(page.table)
    key(qtbot, page.table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert archived_at(db, register.ids["thi"]) is not None


def test_delete_archives_every_selected_row_as_one_undo(
    qtbot, members_window, db, register
) -> None:
    page = members_window.members_page
    for person, modifier in (
        (register.ids["zoe"], Qt.KeyboardModifier.NoModifier),
        (register.ids["eldar"], CTRL),
    ):
        rect = page.table.visualRect(page.model.index(page.model.row_of(person), 0))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert sorted(page.selected_ids()) == sorted([register.ids["zoe"], register.ids["eldar"]])
    key(qtbot, page.table, Qt.Key.Key_Delete)
    assert archived_at(db, register.ids["zoe"]) and archived_at(db, register.ids["eldar"])
    assert page.undo_action.text() == "&Undo archive 2 persons"
    key(qtbot, page.table, Qt.Key.Key_Z, CTRL)
    assert archived_at(db, register.ids["zoe"]) is None
    assert archived_at(db, register.ids["eldar"]) is None


def test_archiving_three_is_one_transaction_and_one_undo(
    qtbot, members_window, db, register, monkeypatch
) -> None:
    from vrus import persons

    page = members_window.members_page
    chosen = [register.ids[name] for name in ("aase", "thi", "lukasz")]
    for person in chosen:
        rect = page.table.visualRect(page.model.index(page.model.row_of(person), 0))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, CTRL, rect.center())
    assert sorted(page.selected_ids()) == sorted(chosen)
    transactions = []
    real = db.transaction

    def counted():
        transactions.append(True)
        return real()

    monkeypatch.setattr(db, "transaction", counted)
    monkeypatch.setattr(persons, "archive_person", None)  # never one by one
    key(qtbot, page.table, Qt.Key.Key_Delete)
    assert all(archived_at(db, person) for person in chosen)
    assert len(transactions) == 1
    assert page.undo_action.text() == "&Undo archive 3 persons"
    announced = []
    members_window.changes.changed.connect(lambda: announced.append(True))
    key(qtbot, page.table, Qt.Key.Key_Z, CTRL)
    assert [archived_at(db, person) for person in chosen] == [None, None, None]
    assert len(transactions) == 2 and len(announced) == 1
    assert not page.actions.undo_stack.canUndo()  # the three were one step
    assert {"Åse Ødegård", "Thi Nguyễn", "Łukasz Ærlig"} <= set(names(page.table))
    key(qtbot, page.table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert all(archived_at(db, person) for person in chosen)
    assert len(transactions) == 3


def test_delete_in_a_text_field_deletes_text_not_the_person(
    qtbot, members_window, db, register
) -> None:
    page = members_window.members_page
    page.open_person(register.ids["thi"])
    line = page.editor.fields["address"].line
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClicks(line, "Vei 1")
    key(qtbot, line, Qt.Key.Key_Home)
    key(qtbot, line, Qt.Key.Key_Delete)
    assert line.text() == "ei 1"
    assert archived_at(db, register.ids["thi"]) is None


def test_permanent_removal_names_the_person_and_clears_undo(
    qtbot, members_window, db, register
) -> None:
    page = members_window.members_page
    select_row_of(qtbot, page, register.ids["lukasz"])
    key(qtbot, page.table, Qt.Key.Key_Delete)  # archive first: an undo step exists
    assert page.undo_action.isEnabled()
    page.open_person(register.ids["aase"])
    asked: list[str] = []
    answer_question("Cancel", asked)
    page.anonymise_action.trigger()
    assert "Åse Ødegård" in asked[0] and "cannot be undone" in asked[0]
    assert archived_at(db, register.ids["aase"]) is None
    answer_question("Remove Åse Ødegård permanently", asked)
    page.anonymise_action.trigger()
    with db.sessions() as session:
        gone = session.get(Person, register.ids["aase"])
        assert gone.first_name == "Anonymisert" and gone.birth_date == dt.date(2013, 1, 1)
        assert session.get(PersonGuardian, (register.ids["aase"], 1)) is None
    assert not page.undo_action.isEnabled()  # the erased names are not kept for an undo
    assert not page.editor.isVisible()


def test_ctrl_n_creates_a_person_after_a_duplicate_warning(
    qtbot, members_window, db, register
) -> None:
    page = members_window.members_page
    members_window.show_section("settings")
    key(qtbot, members_window, Qt.Key.Key_N, CTRL)
    assert members_window.current_section() == "members"
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.first_name, "Thi")
    qtbot.keyClicks(dialog.last_name, "Nguyen")
    qtbot.keyClicks(dialog.birth_date, "01.07.2010")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.duplicates.isVisible()
    assert "Thi Nguyễn" in dialog.duplicates.text() and "01.06.2010" in dialog.duplicates.text()
    assert dialog.ok_button.text() == "Create anyway"
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    new_id = page.editor.person_id
    assert new_id not in register.ids.values()
    assert page.editor.title.text() == "Thi Nguyen"
    assert names(page.table).count("Thi Nguyen") == 1
    assert page.selected_ids() == [new_id]


def test_new_person_needs_names_and_a_real_date(qtbot, members_window) -> None:
    page = members_window.members_page
    page.new_action.trigger()
    dialog = page.dialog
    qtbot.keyClicks(dialog.last_name, "Berg")
    qtbot.keyClicks(dialog.birth_date, "12.13.2012")
    click(qtbot, dialog.ok_button)
    assert dialog.error_for("birth_date").isVisible()
    dialog.birth_date.clear()
    click(qtbot, dialog.ok_button)
    assert dialog.error_for("first_name").isVisible()
    assert dialog.isVisible()


@pytest.mark.today("2026-03-07")
def test_archived_person_is_found_and_restored_from_the_editor(
    qtbot, members_window, db, register
) -> None:
    page = members_window.members_page
    page.open_person(register.ids["thi"])
    click(qtbot, page.editor.archive_button)
    assert archived_at(db, register.ids["thi"]) is not None
    assert page.editor.archive_button.text() == "Restore"
    assert "Archived 07.03.2026" in page.editor.subtitle.text()  # the day it was archived
    page.filters.status.setCurrentIndex(page.filters.status.findData("archived"))
    assert names(page.table) == ["Thi Nguyễn"]
    click(qtbot, page.editor.archive_button)
    assert archived_at(db, register.ids["thi"]) is None
    assert names(page.table) == []
    assert page.editor.archive_button.text() == "Archive"


def test_remove_a_guardian_after_a_question(qtbot, members_window, db, register) -> None:
    page = members_window.members_page
    page.open_person(register.ids["asmund"])
    panel = page.editor.guardians
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    asked: list[str] = []
    answer_question("Remove", asked)
    click(qtbot, panel.remove_button)
    assert "Kari Ødegård" in asked[0] and "Åsmund Berg" in asked[0]
    assert panel.list.topLevelItemCount() == 0
    with db.sessions() as session:
        # Kari is still Åse's mother, so she stays in the register.
        assert session.get(PersonGuardian, (register.ids["aase"], 1)) is not None
