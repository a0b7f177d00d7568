"""Consents in the person editor: the records in a table, "Add consent…" with the age rule's
refusals in the core's words, "Withdraw…", and the Members list's "No photos" column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.ui.driving import click, key, select_row_of
from tests.ui.helpers import TODAY
from vrus.consents import (
    CURRENT_TEXT_VERSION,
    LEGACY_TEXT_VERSION,
    record_consent,
    withdraw_consent,
)
from vrus.db.models import Consent, Guardian
from vrus.ui.members.consent_dialog import SELF
from vrus.ui.members.members_model import COL_PHOTOS


def open_editor(qtbot, page, person_id: int):
    select_row_of(qtbot, page, person_id)
    key(qtbot, page.table, Qt.Key.Key_Return)
    assert page.editor.person_id == person_id
    return page.editor


def consents_of(db, person_id: int) -> list[Consent]:
    with db.sessions() as session:
        return list(
            session.scalars(
                select(Consent).where(Consent.person_id == person_id).order_by(Consent.id)
            )
        )


def guardian_id(db, first: str) -> int:
    with db.sessions() as session:
        return session.scalars(select(Guardian.id).where(Guardian.first_name == first)).one()


def table_rows(panel) -> list[list[str]]:
    model = panel.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def photos_cell(page, person_id: int) -> str:
    return page.model.index(page.model.row_of(person_id), COL_PHOTOS).data()


def open_add_dialog(qtbot, editor):
    click(qtbot, editor.consents.add_button)
    dialog = editor.consents.dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_a_guardians_consent_is_recorded_listed_and_lifts_no_photos(
    qtbot, members_window, db, register
) -> None:
    page = members_window.members_page
    aase = register.ids["aase"]
    assert photos_cell(page, aase) == "No photos"
    editor = open_editor(qtbot, page, aase)
    assert "No photo consent in force" in editor.consents.summary.text()
    assert not editor.consents.withdraw_button.isEnabled()

    dialog = open_add_dialog(qtbot, editor)
    # The guardians in their order, then the member; today and the current form by default.
    assert [dialog.given_by.itemText(i) for i in range(dialog.given_by.count())] == [
        "Kari Ødegård (Mother)",
        "Ola Ødegård (Father)",
        "Åse Ødegård (the member)",
    ]
    assert dialog.given_on.text() == "26.11.2026"
    assert dialog.text_version.text() == CURRENT_TEXT_VERSION
    choose(dialog.kind, "photo")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    [consent] = consents_of(db, aase)
    assert (consent.kind, consent.given_by_guardian_id, consent.given_by_self) == (
        "photo",
        guardian_id(db, "Kari"),
        False,
    )
    assert (consent.given_on, consent.withdrawn_on, consent.text_version) == (
        TODAY,
        None,
        CURRENT_TEXT_VERSION,
    )
    assert table_rows(editor.consents) == [
        ["Photos", "Kari Ødegård", "26.11.2026", "", CURRENT_TEXT_VERSION]
    ]
    assert editor.consents.summary.text() == "In force today: Photos."
    assert photos_cell(page, aase) == ""  # the list redraws the row at once


def test_a_member_under_15_is_refused_in_the_cores_words(
    qtbot, members_window, db, register
) -> None:
    aase = register.ids["aase"]  # 13
    editor = open_editor(qtbot, members_window.members_page, aase)
    dialog = open_add_dialog(qtbot, editor)
    choose(dialog.kind, "name_publication")
    choose(dialog.given_by, SELF)
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    error = dialog.error_for("given_by")
    assert error.isVisible()
    assert error.text() == (
        "A member under 15 cannot give this consent; a guardian must (the member was 13 on "
        "26.11.2026)."
    )
    assert consents_of(db, aase) == []
    # Given by the father instead, and dated earlier: accepted.
    choose(dialog.given_by, guardian_id(db, "Ola"))
    dialog.given_on.setText("01.09.2026")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [consent] = consents_of(db, aase)
    assert (consent.kind, consent.given_on) == ("name_publication", dt.date(2026, 9, 1))


def test_health_data_needs_a_guardian_until_18_photos_not_after_15(
    qtbot, members_window, db, register
) -> None:
    thi = register.ids["thi"]  # born 01.06.2010: 16
    editor = open_editor(qtbot, members_window.members_page, thi)
    dialog = open_add_dialog(qtbot, editor)
    choose(dialog.kind, "health_data")
    choose(dialog.given_by, SELF)
    click(qtbot, dialog.ok_button)
    assert "health data needs a guardian until the member is 18" in (
        dialog.error_for("given_by").text()
    )
    choose(dialog.kind, "photo")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [consent] = consents_of(db, thi)
    assert (consent.kind, consent.given_by_self, consent.given_by_guardian_id) == (
        "photo",
        True,
        None,
    )
    assert table_rows(editor.consents)[0][:2] == ["Photos", "The member"]


def test_a_date_to_come_and_an_empty_text_version_are_refused_under_their_fields(
    qtbot, members_window, db, register
) -> None:
    thi = register.ids["thi"]
    editor = open_editor(qtbot, members_window.members_page, thi)
    dialog = open_add_dialog(qtbot, editor)
    dialog.given_on.setText("31.12.2026")
    click(qtbot, dialog.ok_button)
    assert "day still to come" in dialog.error_for("given_on").text()
    dialog.given_on.setText("26.11.2026")
    dialog.text_version.clear()
    click(qtbot, dialog.ok_button)
    assert "version of the consent text" in dialog.error_for("text_version").text()
    assert not dialog.error_for("given_on").isVisible()
    assert consents_of(db, thi) == []


def test_withdrawing_keeps_the_record_and_marks_no_photos_again(
    qtbot, members_window, db, register
) -> None:
    page = members_window.members_page
    aase = register.ids["aase"]
    kari = guardian_id(db, "Kari")
    given = record_consent(
        db, aase, "photo", given_by_guardian_id=kari, given_on=dt.date(2026, 1, 10), today=TODAY
    )
    record_consent(db, aase, "name_publication", given_by_guardian_id=kari, today=TODAY)
    members_window.changes.changed.emit()  # recorded outside the window
    editor = open_editor(qtbot, page, aase)
    assert photos_cell(page, aase) == ""
    rows = table_rows(editor.consents)
    assert [row[0] for row in rows] == ["Name in print", "Photos"]  # latest given first
    editor.consents.table.selectRow(1)
    assert editor.consents.withdraw_button.isEnabled()

    click(qtbot, editor.consents.withdraw_button)
    dialog = editor.consents.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.withdrawn_on.text() == "26.11.2026"
    dialog.withdrawn_on.setText("01.01.2026")
    click(qtbot, dialog.ok_button)
    assert "before the consent was given (10.01.2026)" in dialog.error_for("withdrawn_on").text()
    dialog.withdrawn_on.setText("26.11.2026")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    withdrawn = next(c for c in consents_of(db, aase) if c.id == given)
    assert withdrawn.withdrawn_on == TODAY
    assert table_rows(editor.consents)[1] == [
        "Photos",
        "Kari Ødegård",
        "10.01.2026",
        "26.11.2026",
        CURRENT_TEXT_VERSION,
    ]
    # Still selected, and a withdrawn consent cannot be withdrawn again.
    assert editor.consents.current().id == given
    assert not editor.consents.withdraw_button.isEnabled()
    assert "No photo consent in force" in editor.consents.summary.text()
    assert photos_cell(page, aase) == "No photos"


def test_a_consent_carried_over_from_the_old_field_reads_as_such(
    qtbot, members_window, db, register
) -> None:
    zoe = register.ids["zoe"]
    with db.transaction() as session:
        session.add(
            Consent(
                person_id=zoe, kind="photo", given_by_self=False, text_version=LEGACY_TEXT_VERSION
            )
        )
    editor = open_editor(qtbot, members_window.members_page, zoe)
    assert table_rows(editor.consents) == [["Photos", "Not known", "—", "", "Old yes/no field"]]
    assert editor.consents.summary.text() == "In force today: Photos."


def test_editor_with_consents_screenshot(
    qtbot, members_window, db, register, tmp_path: Path
) -> None:
    """The editor as a user sees it (the PNG is kept in the test's folder to look at)."""
    page = members_window.members_page
    aase = register.ids["aase"]
    kari, ola = guardian_id(db, "Kari"), guardian_id(db, "Ola")
    withdrawn = record_consent(
        db, aase, "photo", given_by_guardian_id=kari, given_on=dt.date(2025, 8, 20), today=TODAY
    )
    record_consent(
        db, aase, "name_publication", given_by_guardian_id=ola, given_on=TODAY, today=TODAY
    )
    record_consent(db, aase, "health_data", given_by_guardian_id=kari, given_on=TODAY, today=TODAY)
    withdraw_consent(db, withdrawn, dt.date(2026, 3, 1), today=TODAY)
    editor = open_editor(qtbot, page, aase)
    editor.resize(editor.width(), 1400)
    panel = editor.consents
    assert panel.isVisibleTo(editor)
    assert panel.table.height() >= 3 * panel.table.verticalHeader().defaultSectionSize()
    assert editor.grab().save(str(tmp_path / "person-editor-consents.png"))
    assert members_window.grab().save(str(tmp_path / "members-page.png"))
    # The dialog, refusing a consent the member may not give themselves.
    dialog = open_add_dialog(qtbot, editor)
    choose(dialog.given_by, SELF)
    click(qtbot, dialog.ok_button)
    assert dialog.error_for("given_by").isVisible()
    assert dialog.grab().save(str(tmp_path / "add-consent-dialog.png"))
