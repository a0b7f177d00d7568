"""Copying the guardians' e-mail addresses of a selection to the clipboard."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.driving import click
from vrus.db.models import Event, EventDay, Season, SignUp


def open_dialog(qtbot, page):
    click(qtbot, page.copy_button)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_selected_rows(qtbot, members_window, register) -> None:
    page = members_window.members_page
    QGuiApplication.clipboard().clear()
    for person, modifier in (
        (register.ids["aase"], Qt.KeyboardModifier.NoModifier),
        (register.ids["asmund"], Qt.KeyboardModifier.ControlModifier),
        (register.ids["zoe"], Qt.KeyboardModifier.ControlModifier),
    ):
        rect = page.table.visualRect(page.model.index(page.model.row_of(person), 0))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    dialog = open_dialog(qtbot, page)
    assert dialog.selected_choice.isChecked()
    assert dialog.selected_choice.text() == "The selected persons (3)"
    click(qtbot, dialog.copy_button)
    # Kari is the mother of both Åse and Åsmund: her address once.
    assert QGuiApplication.clipboard().text() == "kari@example.no; ola@example.no"
    assert dialog.result.text() == (
        "Addresses copied to the clipboard: 2.\n"
        "No guardian e-mail for: Zoë Aas. Reach them by phone."
    )


def test_everyone_in_the_filtered_list(qtbot, members_window, register) -> None:
    page = members_window.members_page
    bar = page.filters
    bar.ensemble.setCurrentIndex(bar.ensemble.findText("Ungdomssymfonikerne"))
    dialog = open_dialog(qtbot, page)
    assert dialog.listed_choice.isChecked()
    assert dialog.listed_choice.text() == "Everyone in the list (3)"
    assert dialog.listed_note.text() == "Ungdomssymfonikerne"
    click(qtbot, dialog.copy_button)
    assert QGuiApplication.clipboard().text() == "lan@example.no"
    assert "Zoë Aas, Eldar Zahl" in dialog.result.text()


def test_signed_up_for_an_event(qtbot, make_window, db, register) -> None:
    from tests.ui.helpers import TODAY

    with db.transaction() as session:
        season = Season(name="2026", start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31))
        event = Event(season=season, kind="seminar", title="Helgeseminar 9")
        session.add_all([season, event, EventDay(event=event, date=dt.date(2026, 12, 5))])
        session.flush()
        session.add_all(
            [
                SignUp(event_id=event.id, person_id=register.ids["thi"], attending="yes"),
                SignUp(event_id=event.id, person_id=register.ids["aase"], attending="no"),
            ]
        )
    window = make_window(today=TODAY)
    page = window.members_page
    dialog = open_dialog(qtbot, page)
    assert dialog.event_choice.isEnabled()
    assert dialog.event.currentText() == "Helgeseminar 9, 05.12.2026 (1 signed up)"
    click(qtbot, dialog.event_choice)
    click(qtbot, dialog.copy_button)
    assert QGuiApplication.clipboard().text() == "lan@example.no"
    assert dialog.result.text() == "Addresses copied to the clipboard: 1."


def test_no_events_no_choice(qtbot, members_window) -> None:
    dialog = open_dialog(qtbot, members_window.members_page)
    assert not dialog.event_choice.isEnabled()
    assert dialog.event.currentText() == "No event has sign-ups yet"
