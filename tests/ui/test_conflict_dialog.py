"""The window's side of a lost race: a second user (a second ``Database`` on the same
register) changes what the window shows; the window's save then shows both values side by
side, and the choice is what the register keeps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from tests.ui.driving import click, focus, key
from tests.ui.events_support import add_orchestra, build_page, ensemble_id, signups_of
from tests.ui.test_person_editor import CTRL, open_with_enter, person, type_into
from vrus.conflicts import ConflictError, FieldConflict
from vrus.db.engine import Database
from vrus.db.models import Event, Guardian, Membership
from vrus.events import create_event, update_event
from vrus.memberships import end_membership
from vrus.opening import open_database
from vrus.persons import update_guardian, update_person
from vrus.signups import set_signup
from vrus.texts import translate
from vrus.ui.common.conflict_dialog import ConflictDialog
from vrus.ui.events.event_editor import EventEditor
from vrus.ui.events.signup_grid_model import COL_ATTENDING

SATURDAY = dt.date(2014, 2, 8)


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """Another user on the same register."""
    second = open_database(db.url)
    yield second
    second.close()


def shown_dialog(qtbot, owner) -> ConflictDialog:
    qtbot.waitUntil(lambda: getattr(owner, "conflict_dialog", None) is not None)
    dialog = owner.conflict_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def guardian_of(db: Database, guardian_id: int) -> Guardian:
    with db.sessions() as session:
        return session.get(Guardian, guardian_id)


def sides(dialog: ConflictDialog) -> list[tuple[str, str]]:
    return [(mine.text(), theirs.text()) for mine, theirs in dialog.cells]


def test_a_phone_saved_by_another_user_meanwhile_asks_and_keeps_mine(
    qtbot, members_window, db, other, register
) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["thi"])
    update_person(other, register.ids["thi"], {"phone": "987 65 432"})

    type_into(qtbot, editor.fields["phone"].line, "912 34 567")

    dialog = shown_dialog(qtbot, editor)
    assert sides(dialog) == [("+47 912 34 567", "+47 987 65 432")]
    message = dialog.findChild(type(dialog.cells[0][0]), "conflictMessage").text()
    assert message == "Thi Nguyễn was changed by someone else since you opened it."
    assert person(db, register.ids["thi"]).phone == "+4798765432"  # nothing overwritten yet
    click(qtbot, dialog.keep_mine)
    qtbot.waitUntil(lambda: person(db, register.ids["thi"]).phone == "+4791234567")
    assert editor.fields["phone"].line.text() in ("+4791234567", "+47 912 34 567")
    assert not editor.banner.isVisible()
    # Keeping mine is an edit like any: Ctrl+Z puts the other user's phone back.
    key(qtbot, members_window.members_page.table, Qt.Key.Key_Z, CTRL)
    assert person(db, register.ids["thi"]).phone == "+4798765432"


def test_keep_theirs_shows_the_register_and_saves_nothing(
    qtbot, members_window, db, other, register
) -> None:
    pid = register.ids["thi"]
    editor = open_with_enter(qtbot, members_window.members_page, pid)
    update_person(other, pid, {"postal_place": "Asker"})
    version = person(db, pid).version

    type_into(qtbot, editor.fields["postal_place"].line, "Bærum")

    dialog = shown_dialog(qtbot, editor)
    assert sides(dialog) == [("Bærum", "Asker")]
    click(qtbot, dialog.keep_theirs)
    qtbot.waitUntil(editor.banner.isVisible)
    saved = person(db, pid)
    assert (saved.postal_place, saved.version) == ("Asker", version)
    assert editor.fields["postal_place"].line.text() == "Asker"
    assert "someone else" in editor.banner.text()


def test_a_change_announced_while_typing_in_the_field_is_still_a_conflict(
    qtbot, members_window, db, other, register
) -> None:
    """The editor reads the person again when another user's change is announced; the text
    being typed stays, and so does what it was typed over: leaving the field asks."""
    pid = register.ids["thi"]
    editor = open_with_enter(qtbot, members_window.members_page, pid)
    line = editor.fields["postal_place"].line
    focus(qtbot, line)
    qtbot.keyClicks(line, "Bærum")
    update_person(other, pid, {"postal_place": "Asker"})
    editor.reload()  # as the announcement of the other user's save does
    assert line.text() == "Bærum"

    key(qtbot, line, Qt.Key.Key_Tab)

    dialog = shown_dialog(qtbot, editor)
    assert sides(dialog) == [("Bærum", "Asker")]
    click(qtbot, dialog.keep_mine)
    qtbot.waitUntil(lambda: person(db, pid).postal_place == "Bærum")


def test_closing_the_dialog_keeps_theirs(qtbot, members_window, db, other, register) -> None:
    pid = register.ids["thi"]
    editor = open_with_enter(qtbot, members_window.members_page, pid)
    update_person(other, pid, {"postal_place": "Asker"})
    type_into(qtbot, editor.fields["postal_place"].line, "Bærum")
    dialog = shown_dialog(qtbot, editor)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert person(db, pid).postal_place == "Asker"


def test_a_guardian_changed_meanwhile_is_asked_about(
    qtbot, members_window, db, other, register
) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["thi"])
    [guardian] = editor.details.guardians  # Lan Nguyễn, as the editor read her
    update_guardian(other, guardian.id, {"phone": "922 22 222", "email": "lan@example.com"})
    editor.guardians.list.setCurrentItem(editor.guardians.list.topLevelItem(0))
    editor.guardians.edit()
    form = editor.guardians.dialog
    qtbot.waitUntil(form.isVisible)
    form.phone.setText("933 33 333")  # the e-mail field still shows the one read
    click(qtbot, form.ok_button)

    dialog = shown_dialog(qtbot, editor.guardians)
    assert sides(dialog) == [("+47 933 33 333", "+47 922 22 222")]  # the e-mail is none
    click(qtbot, dialog.keep_mine)
    qtbot.waitUntil(lambda: guardian_of(db, guardian.id).phone == "+4793333333")
    assert guardian_of(db, guardian.id).email == "lan@example.com"  # theirs stands
    item = editor.guardians.list.topLevelItem(0)
    qtbot.waitUntil(lambda: "lan@example.com" in [item.text(c) for c in range(4)])


def test_a_membership_ended_by_another_user_meanwhile(
    qtbot, members_window, db, other, register
) -> None:
    editor = open_with_enter(qtbot, members_window.members_page, register.ids["zoe"])
    membership = register.memberships["zoe"]
    end_membership(other, membership, dt.date(2026, 6, 30), "moved")
    click(qtbot, editor.memberships.findChild(type(editor.archive_button), f"end_{membership}"))
    form = editor.memberships.dialog
    form.end.setText("31.07.2026")
    form.reason.setCurrentIndex(form.reason.findData("talent_programme"))
    click(qtbot, form.ok_button)

    dialog = shown_dialog(qtbot, editor.memberships)
    assert sides(dialog) == [("31.07.2026", "30.06.2026"), ("talent programme", "moved away")]
    click(qtbot, dialog.keep_theirs)
    with db.sessions() as session:
        ended = session.get(Membership, membership)
        assert (ended.end_date, ended.end_reason) == (dt.date(2026, 6, 30), "moved")
    qtbot.waitUntil(lambda: editor.memberships.history.item(0, 4).text() == "Moved away")


def test_the_event_editor_asks_and_goes_on_with_the_rest(qtbot, db, other) -> None:
    add_orchestra(db)
    event_id = create_event(db, kind="seminar", title="Helgeseminar", start=SATURDAY, days=2)
    editor = EventEditor(db, event_id)
    qtbot.addWidget(editor)
    editor.show()
    update_event(other, event_id, title="Vinterseminar")

    editor.title.setText("Februarseminar")
    editor.venue.setText("Jar kirke")
    editor.ensembles[ensemble_id(db, "ungdom")].setChecked(True)
    editor.save()

    dialog = shown_dialog(qtbot, editor)
    assert sides(dialog) == [("Februarseminar", "Vinterseminar")]
    click(qtbot, dialog.keep_mine)
    qtbot.waitUntil(lambda: editor.result() == editor.DialogCode.Accepted)
    with db.sessions() as session:
        event = session.get(Event, event_id)
        assert (event.title, event.venue) == ("Februarseminar", "Jar kirke")
        assert [link.ensemble_id for link in event.invited] == [ensemble_id(db, "ungdom")]


def test_a_grid_cell_answered_by_another_user_since_it_was_shown(qtbot, db, other) -> None:
    members = add_orchestra(db)
    seminar = create_event(
        db,
        kind="seminar",
        title="Helgeseminar 1",
        start=SATURDAY,
        days=2,
        ensemble_ids=[ensemble_id(db, "ungdom")],
    )
    page = build_page(qtbot, db)
    page.refresh()
    page.select_event(seminar)
    page.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.grid)
    grid = page.grid
    qtbot.waitUntil(grid.view.hasFocus)
    assert grid.view.currentIndex().column() == COL_ATTENDING  # on Aas, Ingrid
    set_signup(other, seminar, members["Aas"], attending="no")  # the grid still shows "–"

    qtbot.keyClick(grid.view, Qt.Key.Key_J)

    dialog = shown_dialog(qtbot, grid)
    assert sides(dialog) == [("coming", "not coming")]
    assert signups_of(db, seminar) == {members["Aas"]: ("no", False)}
    click(qtbot, dialog.keep_theirs)
    qtbot.waitUntil(lambda: grid.model.index(1, COL_ATTENDING).data() == "No")
    assert signups_of(db, seminar) == {members["Aas"]: ("no", False)}


def test_the_dialog_as_a_user_sees_it(qtbot) -> None:
    """For the screenshot: three fields, who changed the person last and when."""
    conflict = ConflictError(
        "Zoë Nguyễn was changed in another window",
        what="Zoë Nguyễn",
        fields=(
            FieldConflict(
                "phone",
                translate("Core", "Phone"),
                "+4791234567",
                "+4798765432",
                "+4791234567",
                "+4798765432",
            ),
            FieldConflict(
                "postal_place",
                translate("Core", "Postal town"),
                "x",
                "y",
                "Bærum",
                "Asker",
            ),
            FieldConflict(
                "notes",
                translate("Core", "Notes"),
                "x",
                None,
                "Spiller også piano; henter selv etter seminaret",
                translate("Core", "(empty)"),
            ),
        ),
        version=4,
        changed_by="kari",
        changed_at=dt.datetime(2026, 12, 2, 13, 5),
    )
    dialog = ConflictDialog(conflict)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert sides(dialog) == [
        ("+47 912 34 567", "+47 987 65 432"),
        ("Bærum", "Asker"),
        ("Spiller også piano; henter selv etter seminaret", "(empty)"),
    ]
    who = dialog.findChild(type(dialog.cells[0][0]), "conflictWho")
    # Stored in UTC, shown in local time: the day depends on the time zone the tests run in.
    shown = conflict.changed_at.replace(tzinfo=dt.UTC).astimezone().strftime("%d.%m.%Y %H:%M")
    assert who is not None and "kari" in who.text() and shown in who.text()
    assert dialog.keep_theirs.isDefault()  # Enter does not overwrite anyone unread
    dialog.grab().save("/tmp/conflict_dialog.png")
