"""The person editor: fields saved at once, inline refusals, undo, guardians, memberships."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.ui.driving import answer_question, click, focus, key, select_row_of
from tests.ui.helpers import TODAY
from vrus.db.models import Guardian, Membership, Municipality, Person
from vrus.persons import update_person
from vrus.ui.members.members_model import (
    COL_ENSEMBLE,
    COL_FIRST_NAME,
    COL_INSTRUMENT,
    COL_MUNICIPALITY,
)

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_with_enter(qtbot, page, person_id: int):
    select_row_of(qtbot, page, person_id)
    key(qtbot, page.table, Qt.Key.Key_Return)
    assert page.editor.person_id == person_id
    return page.editor


def instrument_of(db, membership_id: int) -> int | None:
    with db.sessions() as session:
        return session.get(Membership, membership_id).instrument_id


def person(db, person_id: int) -> Person:
    with db.sessions() as session:
        return session.get(Person, person_id)


def type_into(qtbot, line, text: str) -> None:
    """Replace the text of a line edit and leave it with Tab, as a user would."""
    focus(qtbot, line)
    line.selectAll()
    qtbot.keyClicks(line, text)
    key(qtbot, line, Qt.Key.Key_Tab)


def test_instrument_change_is_saved_and_undone_with_ctrl_z(
    qtbot, members_window, db, register
) -> None:
    page = members_window.members_page
    editor = open_with_enter(qtbot, page, register.ids["aase"])
    membership = register.memberships["aase"]
    combo = editor.memberships.instrument_combos[membership]
    assert combo.currentText() == "Violin"  # the English window names it in English
    focus(qtbot, combo)
    qtbot.keyClicks(combo, "Viola")  # picks Viola, as typing in an open list does
    assert instrument_of(db, membership) == register.instruments["Viola"]
    row = page.model.row_of(register.ids["aase"])
    assert page.model.index(row, COL_INSTRUMENT).data() == "Viola"  # the list shows it at once
    assert "change the instrument of Åse Ødegård" in page.undo_action.text()

    combo = editor.memberships.instrument_combos[membership]
    focus(qtbot, combo)
    key(qtbot, combo, Qt.Key.Key_Z, CTRL)
    assert instrument_of(db, membership) == register.instruments["Violin"]
    assert editor.memberships.instrument_combos[membership].currentText() == "Violin"
    assert page.model.index(row, COL_INSTRUMENT).data() == "Violin"

    key(qtbot, editor.memberships.instrument_combos[membership], Qt.Key.Key_Z, CTRL_SHIFT)
    assert instrument_of(db, membership) == register.instruments["Viola"]


def test_invalid_phone_shows_a_message_and_saves_nothing(
    qtbot, members_window, db, register
) -> None:
    page = members_window.members_page
    editor = open_with_enter(qtbot, page, register.ids["thi"])
    phone = editor.fields["phone"]
    before = person(db, register.ids["thi"]).version
    type_into(qtbot, phone.line, "1234")
    assert phone.error.isVisible()
    assert "8 digits" in phone.error.text()
    assert phone.line.text() == "1234"  # kept, to be corrected
    saved = person(db, register.ids["thi"])
    assert (saved.phone, saved.version) == (None, before)
    assert not page.undo_action.isEnabled()

    type_into(qtbot, phone.line, "912 34 567")
    assert not phone.error.isVisible()
    assert person(db, register.ids["thi"]).phone == "+4791234567"
    assert editor.fields["phone"].line.text() == "+4791234567"


def test_field_edits_undo_in_order(qtbot, members_window, db, register) -> None:
    page = members_window.members_page
    editor = open_with_enter(qtbot, page, register.ids["zoe"])
    type_into(qtbot, editor.fields["postal_code"].line, "1383")
    type_into(qtbot, editor.fields["first_name"].line, "Zoe")
    assert (
        person(db, register.ids["zoe"]).first_name,
        person(db, register.ids["zoe"]).postal_code,
    ) == ("Zoe", "1383")
    assert editor.title.text() == "Zoe Aas"
    table_row = page.model.row_of(register.ids["zoe"])
    assert page.model.index(table_row, COL_FIRST_NAME).data() == "Zoe"
    focus(qtbot, page.table)
    key(qtbot, page.table, Qt.Key.Key_Z, CTRL)
    assert person(db, register.ids["zoe"]).first_name == "Zoë"
    assert editor.fields["first_name"].line.text() == "Zoë"
    key(qtbot, page.table, Qt.Key.Key_Z, CTRL)
    assert person(db, register.ids["zoe"]).postal_code is None


def test_bad_birth_date_is_refused_inline(qtbot, members_window, db, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["thi"])
    born = editor.fields["birth_date"]
    type_into(qtbot, born.line, "31.02.2011")
    assert born.error.isVisible() and "real date" in born.error.text()
    assert person(db, register.ids["thi"]).birth_date == dt.date(2010, 6, 1)
    type_into(qtbot, born.line, "01.06.2011")
    assert person(db, register.ids["thi"]).birth_date == dt.date(2011, 6, 1)
    assert not born.error.isVisible()


def test_edit_from_another_window_is_not_overwritten(qtbot, members_window, db, register) -> None:
    """Another window changed another field meanwhile: both edits stand, nobody is asked
    (the same field changed by both is a conflict: tests/ui/test_conflict_dialog.py)."""
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["thi"])
    details = editor.details
    update_person(
        db,
        register.ids["thi"],
        {"notes": "from the other window"},
        expected_version=details.version,
    )
    type_into(qtbot, editor.fields["diet_note"].line, "vegetar")
    assert not editor.banner.isVisible()
    saved = person(db, register.ids["thi"])
    assert (saved.diet_note, saved.notes) == ("vegetar", "from the other window")
    assert saved.version == details.version + 2
    assert editor.fields["notes"].text_edit.toPlainText() == "from the other window"


def test_add_a_guardian(qtbot, members_window, db, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["lukasz"])
    assert editor.guardians.list.topLevelItemCount() == 0
    click(qtbot, editor.guardians.add_button)
    dialog = editor.guardians.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.first_name, "Agnieszka")
    qtbot.keyClicks(dialog.last_name, "Ærlig")
    qtbot.keyClicks(dialog.email, "agnieszka(at)example.no")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()  # refused: the address has no @
    assert dialog.error_for("email").isVisible()
    assert "e-mail address" in dialog.error_for("email").text()
    dialog.email.clear()
    qtbot.keyClicks(dialog.email, "agnieszka@example.no")
    dialog.relation.setCurrentIndex(dialog.relation.findData("mother"))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.sessions() as session:
        guardian = session.scalars(select(Guardian).where(Guardian.first_name == "Agnieszka")).one()
        assert guardian.email == "agnieszka@example.no"
    item = editor.guardians.list.topLevelItem(0)
    assert [item.text(c) for c in range(4)] == [
        "Agnieszka Ærlig",
        "Mother",
        "",
        "agnieszka@example.no",
    ]


def test_link_a_siblings_guardian(qtbot, members_window, db, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["thi"])
    click(qtbot, editor.guardians.link_button)
    dialog = editor.guardians.dialog
    qtbot.keyClicks(dialog.search, "kari ø")
    assert dialog.matches.count() == 1
    assert "Åse Ødegård" in dialog.matches.item(0).text()
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    names = [
        editor.guardians.list.topLevelItem(i).text(0)
        for i in range(editor.guardians.list.topLevelItemCount())
    ]
    assert names == ["Lan Nguyễn", "Kari Ødegård"]


def test_move_a_junior_up(qtbot, members_window, db, register) -> None:
    page = members_window.members_page
    editor = open_with_enter(qtbot, page, register.ids["aase"])
    assert editor.memberships.move_up_button.isEnabled()
    asked: list[str] = []
    answer_question("Move up", asked)
    click(qtbot, editor.memberships.move_up_button)
    assert "Juniorsymfonikerne" in asked[0] and "Ungdomssymfonikerne" in asked[0]
    assert "26.11.2026" in asked[0]
    with db.sessions() as session:
        rows = session.scalars(
            select(Membership)
            .where(Membership.person_id == register.ids["aase"])
            .order_by(Membership.id)
        ).all()
        assert [
            (m.ensemble.short_name, m.start_date, m.end_date, m.end_reason, m.instrument.name_en)
            for m in rows
        ] == [
            ("junior", dt.date(2024, 8, 15), TODAY, "moved_up", "Violin"),
            ("ungdom", TODAY, None, None, "Violin"),
        ]
    assert not editor.memberships.move_up_button.isEnabled()
    assert editor.memberships.history.item(0, 0).text() == "Ungdomssymfonikerne"
    row = page.model.row_of(register.ids["aase"])
    assert page.model.index(row, COL_ENSEMBLE).data() == "Ungdomssymfonikerne"


def test_move_up_is_not_offered_at_the_top(qtbot, members_window, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["thi"])
    assert not editor.memberships.move_up_button.isEnabled()


def test_end_and_start_a_membership(qtbot, members_window, db, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["zoe"])
    membership = register.memberships["zoe"]
    click(qtbot, editor.memberships.findChild(type(editor.archive_button), f"end_{membership}"))
    dialog = editor.memberships.dialog
    dialog.end.setText("01.01.2020")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()  # before the start: refused
    assert "end before it started (15.08.2024)" in dialog.error_for("end_date").text()
    dialog.end.setText("30.06.2026")
    dialog.reason.setCurrentIndex(dialog.reason.findData("talent_programme"))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.sessions() as session:
        ended = session.get(Membership, membership)
        assert (ended.end_date, ended.end_reason) == (dt.date(2026, 6, 30), "talent_programme")
    assert editor.memberships.history.item(0, 4).text() == "Talent programme"

    click(qtbot, editor.memberships.start_button)
    dialog = editor.memberships.dialog
    dialog.ensemble.setCurrentIndex(dialog.ensemble.findText("Juniorsymfonikerne"))
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert editor.memberships.history.item(0, 0).text() == "Juniorsymfonikerne"
    assert editor.memberships.history.item(0, 2).text() == "26.11.2026"


def test_edit_a_guardian(qtbot, members_window, db, register) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["zoe"])
    panel = editor.guardians
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    click(qtbot, panel.edit_button)
    dialog = panel.dialog
    assert dialog.phone.text() == "+4791234567"
    qtbot.keyClicks(dialog.email, "per.aas@example.no")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.sessions() as session:
        per = session.scalars(select(Guardian).where(Guardian.first_name == "Per")).one()
        assert per.email == "per.aas@example.no"
    assert panel.list.topLevelItem(0).text(2) == "+47 912 34 567"
    assert panel.list.topLevelItem(0).text(3) == "per.aas@example.no"


# --- A municipality merged since (issue 11) -----------------------------------------------


def _move_to(db, person_id: int, number: str) -> int:
    """Store the person under the municipality ``number`` (of any era), as an import would."""
    with db.transaction() as session:
        municipality = session.scalars(
            select(Municipality.id).where(Municipality.number == number)
        ).one()
        session.get(Person, person_id).municipality_id = municipality
    return municipality


def test_a_merged_municipality_shows_what_it_is_now_and_is_kept(
    qtbot, members_window, db, register
) -> None:
    hurum = _move_to(db, register.ids["thi"], "0628")
    page = members_window.members_page
    page.refresh()
    row = page.model.row_of(register.ids["thi"])
    assert page.model.index(row, COL_MUNICIPALITY).data() == "Hurum (now Asker)"
    editor = open_with_enter(qtbot, page, register.ids["thi"])
    combo = editor.fields["municipality_id"].combo
    assert combo.currentText() == "Hurum (now Asker)"
    # Today's municipalities for a new choice, and the stored one; no other old ones.
    items = [combo.itemText(i) for i in range(combo.count())]
    assert "Asker" in items and "Holmestrand" in items
    assert "Røyken" not in items and "Sande" not in items

    type_into(qtbot, editor.fields["phone"].line, "912 34 567")  # another field is edited

    saved = person(db, register.ids["thi"])
    assert (saved.phone, saved.municipality_id) == ("+4791234567", hurum)
    assert editor.fields["municipality_id"].combo.currentText() == "Hurum (now Asker)"


def test_a_renumbered_municipality_is_told_from_todays_of_the_same_name(
    qtbot, members_window, db, register
) -> None:
    asker_2014 = _move_to(db, register.ids["zoe"], "0220")
    page = members_window.members_page
    page.refresh()
    row = page.model.row_of(register.ids["zoe"])
    assert page.model.index(row, COL_MUNICIPALITY).data() == "Asker"  # the same Asker
    editor = open_with_enter(qtbot, page, register.ids["zoe"])
    combo = editor.fields["municipality_id"].combo
    assert combo.currentText() == "Asker (until 31.12.2019)"
    assert combo.findText("Asker") > 0  # today's Asker, to choose instead
    type_into(qtbot, editor.fields["email"].line, "zoe@example.no")
    assert person(db, register.ids["zoe"]).municipality_id == asker_2014
