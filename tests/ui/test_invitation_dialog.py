"""The invitation dialog, opened from the Events page: the letter with its weekdays, copying
it, opening it in the mail program (one message, or one per part of a long address list),
and the contact line saved for the next invitation."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from tests.factories import add_person
from tests.ui.driving import click
from tests.ui.events_support import build_page, ensemble_id
from vrus.db.models import Guardian, PersonGuardian
from vrus.events import create_event, set_event_days, update_event
from vrus.invitations import MAILTO_LIMIT, contact_line, set_contact_line
from vrus.memberships import start_membership
from vrus.ui.events.invitation_dialog import InvitationDialog

D = dt.date
T = dt.time
TODAY = D(2027, 1, 15)  # the 2027 season shows, with the seminar in it


def _seminar(db) -> int:
    event_id = create_event(
        db,
        kind="seminar",
        title="Helgeseminar mars",
        start=D(2027, 3, 6),
        venue="Sandvika",
        ensemble_ids=[ensemble_id(db, "ungdom")],
    )
    set_event_days(db, event_id, [(D(2027, 3, 6), T(10), T(16)), (D(2027, 3, 7), T(10), T(15))])
    update_event(db, event_id, signup_deadline=D(2027, 2, 26))
    return event_id


def _families(db, count: int, *, without: int = 0) -> list[str]:
    """``count`` members of the orchestra with a guardian each (an address), and ``without``
    members no address reaches; returns the addresses."""
    orchestra = ensemble_id(db, "ungdom")
    addresses = []
    for n in range(count + without):
        person = add_person(db, f"Barn{n}", "Familie", D(2012, 1, 1))
        start_membership(db, person, orchestra, None, D(2025, 8, 1))
        if n < count:
            address = f"forelder.nummer{n}@familie.example.no"
            with db.transaction() as session:
                guardian = Guardian(first_name="Forelder", last_name=str(n), email=address)
                session.add(PersonGuardian(person_id=person, guardian=guardian))
            addresses.append(address)
    return addresses


@pytest.fixture
def opened_urls(monkeypatch) -> list[str]:
    urls: list[str] = []

    def record(url: QUrl) -> bool:
        urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return urls


def open_dialog(qtbot, db) -> InvitationDialog:
    page = build_page(qtbot, db, today=TODAY)
    page.select_event(page.model.events()[0].id)
    click(qtbot, page.invitation_button)
    dialog = page.invitation_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _fields(url: str) -> dict[str, list[str]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    return parse_qs(parts.query)


def test_open_from_the_events_page_and_copy_the_edited_text(qtbot, db) -> None:
    _seminar(db)
    _families(db, 2, without=1)
    dialog = open_dialog(qtbot, db)
    assert dialog.windowTitle() == "Invitation"
    assert dialog.subject.text() == "Invitasjon: Helgeseminar mars, 6.–7. mars 2027"
    text = dialog.text.toPlainText()
    assert "– lørdag 6. mars 2027 kl. 10.00–16.00" in text
    assert "Svar innen fredag 26. februar 2027:" in text
    assert dialog.reach.text() == (
        "2 e-mail address(es) in Bcc: the guardians of the invited members and the adult "
        "members themselves. 1 of the 3 invited have no address: phone them."
    )
    assert dialog.parts.isHidden() and dialog.paste_note.isHidden()
    dialog.text.moveCursor(dialog.text.textCursor().MoveOperation.End)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.text, "Husk instrumentet!")
    QGuiApplication.clipboard().clear()
    click(qtbot, dialog.copy_button)
    assert QGuiApplication.clipboard().text() == text + "\nHusk instrumentet!"
    assert dialog.status.text() == "The text is on the clipboard."


def test_open_in_the_mail_program_with_the_edited_text(qtbot, db, opened_urls) -> None:
    _seminar(db)
    addresses = _families(db, 3)
    dialog = open_dialog(qtbot, db)
    dialog.subject.setText("Velkommen til seminar!")
    dialog.text.setPlainText("Hei!\nVelkommen.")
    click(qtbot, dialog.mail_button)
    assert len(opened_urls) == 1
    fields = _fields(opened_urls[0])
    assert fields["subject"] == ["Velkommen til seminar!"]
    assert fields["body"] == ["Hei!\r\nVelkommen."]
    assert sorted(fields["bcc"][0].split(",")) == sorted(addresses)
    assert dialog.status.text() == "Opened in the mail program."


def test_a_long_address_list_opens_one_message_per_part(qtbot, db, opened_urls) -> None:
    _seminar(db)
    addresses = _families(db, 90)
    dialog = open_dialog(qtbot, db)
    parts = dialog.parts.count()
    assert parts > 1 and dialog.parts.isVisible()
    assert dialog.mail_button.text() == "Open the next message"
    sizes = dialog.links.sizes
    assert dialog.parts.item(0).text() == f"Message 1 of {parts} ({sizes[0]} addresses)"
    for _ in range(parts):
        click(qtbot, dialog.mail_button)
    assert len(opened_urls) == parts
    seen = []
    for url in opened_urls:
        assert len(url) <= MAILTO_LIMIT
        seen += _fields(url)["bcc"][0].split(",")
    assert sorted(seen) == sorted(addresses)
    assert all(dialog.parts.item(i).text().endswith("✓") for i in range(parts))
    assert dialog.status.text() == f"Opened message {parts} of {parts}."


def test_the_contact_line_is_saved_and_written_into_the_letter(qtbot, db, opened_urls) -> None:
    event_id = _seminar(db)
    _families(db, 1)
    dialog = open_dialog(qtbot, db)
    assert "Kontakt" not in dialog.text.toPlainText()
    dialog.contact.setFocus()
    qtbot.keyClicks(dialog.contact, "Kari Nordmann, 900 00 000, post@vus.no")
    qtbot.keyClick(dialog.contact, Qt.Key.Key_Return)
    assert opened_urls == []  # Enter finishes the field, it does not send
    with db.sessions() as session:
        assert contact_line(session) == "Kari Nordmann, 900 00 000, post@vus.no"
    assert "Spørsmål? Kontakt Kari Nordmann, 900 00 000, post@vus.no." in (
        dialog.text.toPlainText().splitlines()
    )
    assert dialog.status.text() == "The contact line is saved for later invitations."
    # An edited letter keeps its edits; only the contact sentence changes.
    dialog.text.setPlainText(dialog.text.toPlainText() + "\nHusk instrumentet!")
    dialog.contact.setText("Per Hansen, post@vus.no")
    dialog.contact.editingFinished.emit()
    text = dialog.text.toPlainText()
    assert "Spørsmål? Kontakt Per Hansen, post@vus.no." in text
    assert "Kari" not in text and text.endswith("\nHusk instrumentet!")
    click(qtbot, dialog.mail_button)
    assert urlsplit(opened_urls[0]).path == "post@vus.no"  # the contact's address in To
    # The next invitation starts with the saved line.
    dialog.close()
    with db.sessions() as session:
        assert contact_line(session) == "Per Hansen, post@vus.no"
    again = InvitationDialog(db, event_id)
    qtbot.addWidget(again)
    assert again.contact.text() == "Per Hansen, post@vus.no"


def test_a_contact_line_typed_and_closed_with_escape_is_saved(qtbot, db) -> None:
    _seminar(db)
    set_contact_line(db, "Kari")
    dialog = open_dialog(qtbot, db)
    assert dialog.contact.text() == "Kari"
    dialog.contact.setFocus()
    dialog.contact.selectAll()
    qtbot.keyClicks(dialog.contact, "Per")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.sessions() as session:
        assert contact_line(session) == "Per"
