"""Copying the guardians' e-mail addresses of a selection to the clipboard, and taking them
off it again: after a while and when VRUS quits, unless the user has copied something else."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.ui.driving import click
from vrus.db.models import Event, EventDay, Season, SignUp
from vrus.ui.app import run_window
from vrus.ui.common import clipboard
from vrus.ui.main_window import MainWindow

CLEARED = (
    "The clipboard is cleared in 10 minutes and when VRUS closes, unless you have copied "
    "something else meanwhile."
)


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
        f"Addresses copied to the clipboard: 2.\n{CLEARED}\n"
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
    assert dialog.result.text() == f"Addresses copied to the clipboard: 1.\n{CLEARED}"


def test_no_events_no_choice(qtbot, members_window) -> None:
    dialog = open_dialog(qtbot, members_window.members_page)
    assert not dialog.event_choice.isEnabled()
    assert dialog.event.currentText() == "No event has sign-ups yet"


# --- Taken off the clipboard again ------------------------------------------------------------


@pytest.fixture
def private_clipboard(monkeypatch):
    """A fresh PrivateClipboard for the test, cleared after a fraction of a second."""
    monkeypatch.setattr(clipboard, "CLEAR_AFTER_MINUTES", 0.005)  # 300 ms
    monkeypatch.setattr(clipboard, "_clipboard", None)
    QGuiApplication.clipboard().clear()
    yield
    if clipboard._clipboard is not None:
        clipboard._clipboard.timer.stop()


def copy_listed(qtbot, members_window) -> None:
    dialog = open_dialog(qtbot, members_window.members_page)
    click(qtbot, dialog.listed_choice)
    click(qtbot, dialog.copy_button)
    assert "@example.no" in QGuiApplication.clipboard().text()
    assert CLEARED.replace("10", "0.005") in dialog.result.text()


def test_the_addresses_are_cleared_after_the_timeout(
    qtbot, members_window, private_clipboard
) -> None:
    copy_listed(qtbot, members_window)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=5000)


def test_something_copied_since_is_left_alone(qtbot, members_window, private_clipboard) -> None:
    copy_listed(qtbot, members_window)
    QGuiApplication.clipboard().setText("the user's own text")
    timer = clipboard.private_clipboard().timer
    qtbot.waitUntil(lambda: not timer.isActive(), timeout=5000)
    assert QGuiApplication.clipboard().text() == "the user's own text"


def test_the_addresses_are_cleared_when_vrus_quits(qapp, db, register, private_clipboard) -> None:
    """Copied in the running window, then the window is closed: nothing is left behind."""
    copied: list[str] = []
    # Windows of earlier tests may linger until Qt deletes them: only the new one is ours.
    earlier = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}

    def copy_then_quit() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and id(w) not in earlier and w.isVisible()
        ]
        # The window lists the register after its first paint.
        if not windows or not windows[0].members_page.is_filled:
            QTimer.singleShot(10, copy_then_quit)
            return
        page = windows[0].members_page
        page.copy_guardian_emails()
        dialog = page.dialog
        dialog.listed_choice.setChecked(True)
        dialog.copy()
        copied.append(QGuiApplication.clipboard().text())
        dialog.close()
        windows[0].quit_action.trigger()

    names = qapp.organizationName(), qapp.applicationName()
    QTimer.singleShot(0, copy_then_quit)
    try:
        assert run_window(db) == 0
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
    assert copied and "@example.no" in copied[0]
    assert QGuiApplication.clipboard().text() == ""


def test_what_the_user_copied_since_stays_at_quitting(
    qtbot, members_window, private_clipboard
) -> None:
    copy_listed(qtbot, members_window)
    QGuiApplication.clipboard().setText("the user's own text")
    assert clipboard.clear_personal_clipboard() is False
    assert QGuiApplication.clipboard().text() == "the user's own text"
