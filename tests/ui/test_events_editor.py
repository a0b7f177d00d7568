"""The event editor: a two-day seminar typed in, the weekday as it is typed, refusals shown
in the dialog with nothing saved, and an existing event changed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from tests.ui.events_support import (
    add_orchestra,
    build_page,
    day_ids,
    ensemble_id,
)
from vrus.attendance import record_attendance
from vrus.db.models import Event, EventStaff, Organisation
from vrus.event_details import event_details
from vrus.events import add_staff_member, assign_staff, create_event, event_staff
from vrus.seasons import list_events

D = dt.date
T = dt.time


@pytest.fixture
def page(qtbot, db):
    return build_page(qtbot, db)


@pytest.fixture
def conductor(db) -> int:
    return add_staff_member(db, "Sverre", "Kvamme-Lund", "conductor")


def open_new(qtbot, page):
    page.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    page.editor.activateWindow()
    qtbot.waitUntil(page.editor.isActiveWindow)
    return page.editor


def open_existing(qtbot, page, event_id: int):
    page.refresh()
    page.select_event(event_id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    return page.editor


def type_into(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def save(qtbot, editor) -> None:
    qtbot.mouseClick(
        editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def org_id(db, name: str) -> int:
    with db.sessions() as session:
        return session.scalars(select(Organisation.id).where(Organisation.name == name)).one()


def check_partner(editor, name: str) -> None:
    for row in range(editor.partners.count()):
        item = editor.partners.item(row)
        if item.text() == name:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(name)


def test_create_a_two_day_seminar(qtbot, db, page, conductor) -> None:
    add_orchestra(db)
    editor = open_new(qtbot, page)
    assert editor.kind.currentData() == "seminar"
    assert editor.title.hasFocus()
    qtbot.keyClicks(editor.title, "Helgeseminar 1")
    qtbot.keyClicks(editor.venue, "Jar kirke")
    first = editor.days.date_edits()[0]
    qtbot.keyClicks(first, "08.02.2014")
    start, end = editor.days.time_edits(0)
    qtbot.keyClicks(start, "10:00")
    qtbot.keyClicks(end, "16:00")
    assert editor.days.weekday_labels()[0].text() == "Saturday"

    qtbot.mouseClick(editor.days.add_button, Qt.MouseButton.LeftButton)
    second = editor.days.date_edits()[1]
    assert second.text() == "09.02.2014"  # the day after, with the same hours
    assert second.hasFocus()
    assert editor.days.weekday_labels()[1].text() == "Sunday"
    assert editor.days.time_edits(1)[0].text() == "10:00"
    type_into(qtbot, editor.days.time_edits(1)[1], "15:00")

    assert editor.ensembles[ensemble_id(db, "ungdom")].isChecked()  # the orchestra, by default
    editor.ensembles[ensemble_id(db, "junior")].setChecked(True)
    check_partner(editor, "El Sistema Norge")
    editor.staff.person.setCurrentIndex(editor.staff.person.findData(conductor))
    qtbot.mouseClick(editor.staff.add_button, Qt.MouseButton.LeftButton)
    save(qtbot, editor)
    qtbot.waitUntil(lambda: page.editor is None)

    with db.sessions() as session:
        [summary] = list_events(session, 2014)
        details = event_details(session, summary.id)
        staff = event_staff(session, summary.id)
    assert (details.kind, details.title, details.venue) == (
        "seminar",
        "Helgeseminar 1",
        "Jar kirke",
    )
    assert [(d.date, d.start_time, d.end_time) for d in details.days] == [
        (D(2014, 2, 8), T(10), T(16)),
        (D(2014, 2, 9), T(10), T(15)),
    ]
    assert details.ensemble_ids == {ensemble_id(db, "ungdom"), ensemble_id(db, "junior")}
    assert details.partners == ((org_id(db, "El Sistema Norge"), None),)
    assert [(s.last_name, s.role, s.day) for s in staff] == [("Kvamme-Lund", "conductor", None)]
    # The list shows it, selected, with both weekdays.
    assert page.selected_event_id() == summary.id
    assert page.model.index(0, 0).data() == "Sat 08.02.2014 – Sun 09.02.2014"


def test_weekday_follows_the_typing_and_warns_for_a_seminar(qtbot, page) -> None:
    editor = open_new(qtbot, page)
    date, label = editor.days.date_edits()[0], editor.days.weekday_labels()[0]
    qtbot.keyClicks(date, "06.03.201")
    assert label.text() == "not a date"
    qtbot.keyClicks(date, "4")
    assert label.text() == "⚠ Thursday: not a weekend day"
    assert "#b3261e" in label.styleSheet()
    # An IRIS activity may be on a Thursday; the IRIS type is offered only for IRIS.
    assert not editor.form.isRowVisible(editor.iris_type)
    editor.kind.setCurrentIndex(editor.kind.findData("iris"))
    assert label.text() == "Thursday"
    assert editor.form.isRowVisible(editor.iris_type)
    assert not editor.form.isRowVisible(editor.audience)
    editor.kind.setCurrentIndex(editor.kind.findData("concert"))
    assert editor.form.isRowVisible(editor.audience)
    editor.reject()


@pytest.mark.parametrize(
    ("title", "date", "start", "message"),
    [
        ("", "08.02.2014", "", "Write a title for the event."),
        ("Helgeseminar", "31.02.2014", "", "Write each day's date as dd.mm.yyyy."),
        ("Helgeseminar", "", "", "Write each day's date as dd.mm.yyyy."),
        ("Helgeseminar", "08.02.2014", "kl 10", "Write the time as hh:mm, such as 10:00."),
    ],
)
def test_refusals_are_shown_in_the_dialog_and_nothing_is_saved(
    qtbot, db, page, title, date, start, message
) -> None:
    editor = open_new(qtbot, page)
    qtbot.keyClicks(editor.title, title)
    qtbot.keyClicks(editor.days.date_edits()[0], date)
    qtbot.keyClicks(editor.days.time_edits(0)[0], start)
    save(qtbot, editor)
    assert editor.isVisible()
    assert editor.error.isVisible()
    assert editor.error.text() == message
    with db.sessions() as session:
        assert session.scalars(select(Event)).all() == []
    editor.reject()


def test_the_same_day_twice_and_an_end_before_the_start_are_refused(qtbot, db, page) -> None:
    editor = open_new(qtbot, page)
    qtbot.keyClicks(editor.title, "Helgeseminar")
    qtbot.keyClicks(editor.days.date_edits()[0], "08.02.2014")
    qtbot.mouseClick(editor.days.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, editor.days.date_edits()[1], "8.2.2014")
    save(qtbot, editor)
    assert editor.error.text() == "Saturday 08.02.2014 is given twice."
    assert editor.days.date_edits()[1].hasFocus()
    type_into(qtbot, editor.days.date_edits()[1], "09.02.2014")
    qtbot.keyClicks(editor.days.time_edits(1)[0], "14:00")
    qtbot.keyClicks(editor.days.time_edits(1)[1], "13:00")
    save(qtbot, editor)
    assert editor.error.text() == "Sunday 09.02.2014 ends before it starts."
    with db.sessions() as session:
        assert session.scalars(select(Event)).all() == []
    editor.reject()


def test_edit_an_event_in_one_save(qtbot, db, page, conductor) -> None:
    event_id = create_event(
        db,
        kind="iris",
        iris_type="samspilltreff",
        title="Samspill",
        start=D(2014, 3, 15),
        days=2,
        ensemble_ids=[ensemble_id(db, "ungdom")],
        partner_ids=[(org_id(db, "Dextra Musica"), "Instruktører")],
    )
    assign_staff(db, event_id, conductor)
    editor = open_existing(qtbot, page, event_id)
    assert editor.iris_type.currentData() == "samspilltreff"
    assert editor.partner_ids() == [(org_id(db, "Dextra Musica"), "Instruktører")]
    type_into(qtbot, editor.title, "Samspilltreff med juniorene")
    editor.iris_type.setCurrentIndex(editor.iris_type.findData("mesterklasse"))
    qtbot.mouseClick(editor.days._rows[1].remove, Qt.MouseButton.LeftButton)
    assert len(editor.days.date_edits()) == 1
    editor.ensembles[ensemble_id(db, "junior")].setChecked(True)
    editor.staff.table.selectRow(0)
    qtbot.mouseClick(editor.staff.remove_button, Qt.MouseButton.LeftButton)
    save(qtbot, editor)
    qtbot.waitUntil(lambda: page.editor is None)
    with db.sessions() as session:
        details = event_details(session, event_id)
        assert session.scalars(select(EventStaff)).all() == []
    assert details.title == "Samspilltreff med juniorene"
    assert details.iris_type == "mesterklasse"
    assert [d.date for d in details.days] == [D(2014, 3, 15)]
    assert details.ensemble_ids == {ensemble_id(db, "ungdom"), ensemble_id(db, "junior")}
    assert details.partners == ((org_id(db, "Dextra Musica"), "Instruktører"),)


def test_a_day_with_attendance_cannot_be_moved_or_removed(qtbot, db, page) -> None:
    members = add_orchestra(db)
    event_id = create_event(
        db,
        kind="seminar",
        title="Helgeseminar",
        start=D(2014, 2, 8),
        days=2,
        ensemble_ids=[ensemble_id(db, "ungdom")],
    )
    record_attendance(db, day_ids(db, event_id)[0], members["Aas"], "present")
    editor = open_existing(qtbot, page, event_id)
    saturday, sunday = editor.days._rows
    assert saturday.date.isReadOnly() and not saturday.remove.isEnabled()
    assert "cannot be moved or removed" in saturday.remove.toolTip()
    assert not sunday.date.isReadOnly() and sunday.remove.isEnabled()
    editor.reject()


def test_a_new_event_in_another_year_switches_the_season(qtbot, db, page) -> None:
    editor = open_new(qtbot, page)
    editor.kind.setCurrentIndex(editor.kind.findData("concert"))
    qtbot.keyClicks(editor.title, "Vårkonsert")
    qtbot.keyClicks(editor.days.date_edits()[0], "26.04.2015")
    editor.audience.setValue(217)
    save(qtbot, editor)
    qtbot.waitUntil(lambda: page.editor is None)
    assert page.season_year == 2015
    summary = page.selected_summary()
    assert (summary.title, summary.audience_count) == ("Vårkonsert", 217)
