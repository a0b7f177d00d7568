"""Every change of the register on the Members page is one step on its undo stack: a new
person, moving up, starting and ending a membership, and the guardians (added, edited, the
relation changed, linked, removed). Each is done through the real widgets; Ctrl+Z puts the
register back exactly (every table compared), Ctrl+Shift+Z does it again exactly, and the
Edit menu names the action and the person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.test_undo import dump
from tests.ui.driving import answer_question, click, focus, key
from tests.ui.test_person_editor import open_with_enter
from vrus.memberships import change_membership_instrument
from vrus.persons import person_details

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def to_table(qtbot, page) -> None:
    """The focus in the members table (not a text field: there Ctrl+Z undoes typing), the
    window active again after a question box."""
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    focus(qtbot, page.table)


def undo_with_ctrl_z(qtbot, page) -> None:
    to_table(qtbot, page)
    key(qtbot, page.table, Qt.Key.Key_Z, CTRL)


def redo_with_ctrl_shift_z(qtbot, page) -> None:
    to_table(qtbot, page)
    key(qtbot, page.table, Qt.Key.Key_Z, CTRL_SHIFT)


def edit_menu_texts(window) -> list[str]:
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Edit"]
    return [action.text() for action in menu.actions()]


def round_trip(qtbot, window, db, before, text: str) -> None:
    """The action is done: the Edit menu offers to undo it by name; Ctrl+Z gives ``before``
    exactly, Ctrl+Shift+Z the state after exactly, and once more back."""
    page = window.members_page
    after = dump(db)
    assert after != before
    assert page.undo_action.text() == f"&Undo {text}"
    assert page.undo_action.text() in edit_menu_texts(window)
    undo_with_ctrl_z(qtbot, page)
    assert dump(db) == before
    assert page.redo_action.text() == f"&Redo {text}"
    redo_with_ctrl_shift_z(qtbot, page)
    assert dump(db) == after
    undo_with_ctrl_z(qtbot, page)
    assert dump(db) == before


def accept(qtbot, dialog) -> None:
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_new_person_is_undone(qtbot, members_window, db) -> None:
    page = members_window.members_page
    before = dump(db)
    page.new_person()
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.first_name, "Sofie")
    qtbot.keyClicks(dialog.last_name, "Hansen")
    qtbot.keyClicks(dialog.birth_date, "01.02.2014")
    accept(qtbot, dialog)
    assert page.editor.details.full_name == "Sofie Hansen"
    round_trip(qtbot, members_window, db, before, "new person Sofie Hansen")
    assert "Sofie Hansen" not in [
        page.model.index(row, 1).data() + " " + page.model.index(row, 0).data()
        for row in range(page.model.rowCount())
    ]


def test_moving_up_is_undone(qtbot, members_window, db, register) -> None:
    page = members_window.members_page
    editor = open_with_enter(qtbot, page, register.ids["aase"])
    before = dump(db)
    answer_question("Move up", [])
    click(qtbot, editor.memberships.move_up_button)
    qtbot.waitUntil(lambda: not editor.memberships.move_up_button.isEnabled())
    round_trip(qtbot, members_window, db, before, "move of Åse Ødegård up")
    # The editor shows the register again: the junior membership runs, moving up is offered.
    qtbot.waitUntil(editor.memberships.move_up_button.isEnabled)
    assert editor.memberships.history.rowCount() == 1


def test_starting_a_membership_is_undone(qtbot, members_window, db, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["oystein"])
    before = dump(db)
    click(qtbot, editor.memberships.start_button)
    dialog = editor.memberships.dialog
    dialog.ensemble.setCurrentIndex(dialog.ensemble.findText("Ungdomssymfonikerne"))
    accept(qtbot, dialog)
    round_trip(
        qtbot,
        members_window,
        db,
        before,
        "start of Øystein Østby's membership of Ungdomssymfonikerne",
    )


def test_ending_a_membership_is_undone(qtbot, members_window, db, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["zoe"])
    before = dump(db)
    membership = register.memberships["zoe"]
    click(qtbot, editor.memberships.findChild(QPushButton, f"end_{membership}"))
    dialog = editor.memberships.dialog
    dialog.end.setText("30.06.2026")
    dialog.reason.setCurrentIndex(dialog.reason.findData("talent_programme"))
    qtbot.keyClicks(dialog.note, "Barratt Due")
    accept(qtbot, dialog)
    round_trip(
        qtbot, members_window, db, before, "end of Zoë Aas's membership of Ungdomssymfonikerne"
    )


def test_adding_a_guardian_is_undone(qtbot, members_window, db, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["lukasz"])
    before = dump(db)
    click(qtbot, editor.guardians.add_button)
    dialog = editor.guardians.dialog
    qtbot.keyClicks(dialog.first_name, "Agnieszka")
    qtbot.keyClicks(dialog.last_name, "Ærlig")
    dialog.relation.setCurrentIndex(dialog.relation.findData("mother"))
    accept(qtbot, dialog)
    assert editor.guardians.list.topLevelItemCount() == 1
    round_trip(qtbot, members_window, db, before, "new guardian Agnieszka Ærlig for Łukasz Ærlig")
    qtbot.waitUntil(lambda: editor.guardians.list.topLevelItemCount() == 0)


def choose_guardian(panel, name: str) -> None:
    for row in range(panel.list.topLevelItemCount()):
        if panel.list.topLevelItem(row).text(0) == name:
            panel.list.setCurrentItem(panel.list.topLevelItem(row))
            return
    raise AssertionError(name)


def test_editing_a_guardian_is_undone(qtbot, members_window, db, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["zoe"])
    before = dump(db)
    choose_guardian(editor.guardians, "Per Aas")
    click(qtbot, editor.guardians.edit_button)
    dialog = editor.guardians.dialog
    qtbot.keyClicks(dialog.email, "per.aas@example.no")
    accept(qtbot, dialog)
    round_trip(qtbot, members_window, db, before, "edit of guardian Per Aas")


def test_a_guardians_relation_can_be_changed_and_undone(
    qtbot, members_window, db, register
) -> None:
    """Chosen wrongly when the guardian was added: the edit dialog changes it."""
    page = members_window.members_page
    editor = open_with_enter(qtbot, page, register.ids["asmund"])
    before = dump(db)
    choose_guardian(editor.guardians, "Kari Ødegård")
    click(qtbot, editor.guardians.edit_button)
    dialog = editor.guardians.dialog
    assert dialog.relation.currentData() == "mother"
    dialog.relation.setCurrentIndex(dialog.relation.findData("guardian"))
    accept(qtbot, dialog)
    with db.sessions() as session:
        relations = {
            g.full_name: g.relation
            for g in person_details(session, register.ids["asmund"]).guardians
        }
        sister = {
            g.full_name: g.relation for g in person_details(session, register.ids["aase"]).guardians
        }
    assert relations == {"Kari Ødegård": "guardian"}
    assert sister["Kari Ødegård"] == "mother"  # the relation is the child's own
    assert editor.guardians.list.topLevelItem(0).text(1) == "Guardian"
    round_trip(
        qtbot, members_window, db, before, "change of Kari Ødegård's relation to Åsmund Berg"
    )
    qtbot.waitUntil(lambda: editor.guardians.list.topLevelItem(0).text(1) == "Mother")


def test_removing_a_guardian_is_undone_with_the_guardian_row(
    qtbot, members_window, db, register
) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["zoe"])
    before = dump(db)
    choose_guardian(editor.guardians, "Per Aas")
    answer_question("Remove", [])
    click(qtbot, editor.guardians.remove_button)
    qtbot.waitUntil(lambda: editor.guardians.list.topLevelItemCount() == 0)
    assert dump(db)["guardians"] != before["guardians"]  # Per had no other child: gone
    round_trip(qtbot, members_window, db, before, "removal of Per Aas as guardian of Zoë Aas")


def test_linking_a_siblings_guardian_is_undone(qtbot, members_window, db, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["thi"])
    before = dump(db)
    click(qtbot, editor.guardians.link_button)
    dialog = editor.guardians.dialog
    qtbot.keyClicks(dialog.search, "kari ø")
    accept(qtbot, dialog)
    round_trip(qtbot, members_window, db, before, "link of Kari Ødegård as guardian of Thi Nguyễn")


def test_an_undo_over_another_users_change_is_refused_and_said(
    qtbot, members_window, db, register
) -> None:
    page = members_window.members_page
    editor = open_with_enter(qtbot, page, register.ids["aase"])
    answer_question("Move up", [])
    click(qtbot, editor.memberships.move_up_button)
    qtbot.waitUntil(lambda: not editor.memberships.move_up_button.isEnabled())
    new = editor.memberships._running[0].id
    change_membership_instrument(db, new, register.instruments["Viola"])  # someone else
    state = dump(db)
    undo_with_ctrl_z(qtbot, page)
    assert dump(db) == state
    message = members_window.statusBar().currentMessage()
    assert "could not be undone" in message and "nothing was changed" in message
    qtbot.waitUntil(lambda: page.actions.undo_stack.count() == 0)  # the stack is cleared
    assert not page.undo_action.isEnabled() and not page.redo_action.isEnabled()


def test_a_consent_given_and_withdrawn_is_undone(qtbot, members_window, db, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["aase"])
    before = dump(db)
    click(qtbot, editor.consents.add_button)
    dialog = editor.consents.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("photo"))
    accept(qtbot, dialog)
    round_trip(qtbot, members_window, db, before, "new consent for Åse Ødegård")

    redo_with_ctrl_shift_z(qtbot, members_window.members_page)
    qtbot.waitUntil(lambda: editor.consents.model.rowCount() == 1)
    given = dump(db)
    editor.consents.table.selectRow(0)
    click(qtbot, editor.consents.withdraw_button)
    accept(qtbot, editor.consents.dialog)
    round_trip(qtbot, members_window, db, given, "withdrawal of Åse Ødegård's consent")
