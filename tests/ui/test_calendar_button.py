"""The Events page's season calendar (the dialog, the save dialog, the file and the status
bar) and cancelling an event from the page (the question, the list's marking)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from tests.ui.events_support import build_page, ensemble_id
from vrus.db.models import Event
from vrus.erasure_journal import register_id
from vrus.events import create_event
from vrus.season_calendar import OSLO, day_uid
from vrus.ui.events.events_model import COL_DATES, COL_TITLE

D, T = dt.date, dt.time
TODAY = D(2026, 11, 26)


def plan_2027(db) -> dict[str, int]:
    return {
        "seminar": create_event(
            db,
            kind="seminar",
            title="Vårseminar",
            start=D(2027, 3, 27),
            days=2,
            venue="Lier kulturskole",
            ensemble_ids=[ensemble_id(db, "ungdom"), ensemble_id(db, "junior")],
            start_time=T(10),
            end_time=T(16),
        ),
        "concert": create_event(
            db,
            kind="concert",
            title="Vårkonsert",
            start=D(2027, 5, 9),
            ensemble_ids=[ensemble_id(db, "ungdom")],
        ),
    }


@pytest.fixture
def save_as(monkeypatch):
    """QFileDialog.getSaveFileName answering with the path set here; notes what it was
    offered."""
    answer: dict[str, object] = {"path": "", "offered": []}

    def get_save_file_name(parent, caption, name, filters):  # noqa: N802 - Qt's name
        answer["offered"].append((name, filters))
        return str(answer["path"]), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return answer


def open_dialog(qtbot, page):
    qtbot.mouseClick(page.calendar_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            page.calendar_export is not None
            and page.calendar_export.dialog is not None
            and page.calendar_export.dialog.isVisible()
        )
    )
    return page.calendar_export.dialog


def test_saves_the_chosen_season_and_ensemble(qtbot, db, make_window, save_as, tmp_path) -> None:
    ids = plan_2027(db)
    window = make_window(today=TODAY)
    window.show_section("events")
    page = window.events_page
    page.show_season(2027)
    dialog = open_dialog(qtbot, page)
    assert dialog.year == 2027  # the season the page shows
    assert dialog.ensemble.currentText() == "All ensembles"
    dialog.ensemble.setCurrentIndex(dialog.ensemble.findText("Juniorsymfonikerne"))
    save_as["path"] = tmp_path / "kalender"  # the dialog added no ending
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.calendar_export.written is not None)

    ((offered, filters),) = save_as["offered"]
    assert Path(offered).name == "VRUS-2027-junior.ics" and "*.ics" in filters
    target = tmp_path / "kalender.ics"
    calendar = Calendar.from_ical(target.read_bytes())
    # The file is in Bokmål (the families' language): compared with the core, not worded.
    entries = calendar.walk("VEVENT")
    assert [str(e["UID"]) for e in entries] == [
        day_uid(register_id(db), ids["seminar"], n) for n in (1, 2)
    ]
    assert [e.decoded("DTSTART") for e in entries] == [
        dt.datetime(2027, 3, 27, 10, tzinfo=OSLO),
        dt.datetime(2027, 3, 28, 10, tzinfo=OSLO),
    ]
    assert all(str(e["SUMMARY"]).startswith("Vårseminar (") for e in entries)
    name = str(calendar["X-WR-CALNAME"])
    assert "Juniorsymfonikerne" in name and "2027" in name
    assert window.statusBar().currentMessage() == (
        f"Season calendar with 1 event(s) saved to {target}"
    )
    assert page.calendar_export.dialog is None


def test_refusals_are_one_message_and_cancel_writes_nothing(
    qtbot, db, make_window, save_as, tmp_path
) -> None:
    plan_2027(db)
    out = tmp_path / "out"
    out.mkdir()
    window = make_window(today=TODAY)
    window.show_section("events")
    page = window.events_page
    assert page.season_year == 2026  # offered although the register has no such season yet

    dialog = open_dialog(qtbot, page)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.calendar_export.dialog is None)
    assert save_as["offered"] == []

    save_as["path"] = out / "x.ics"
    dialog = open_dialog(qtbot, page)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.calendar_export.message is not None)
    box = page.calendar_export.message
    assert box.objectName() == "calendarRefused"
    assert box.text() == "there is no season 2026 in the register"
    box.accept()

    page.show_season(2027)
    save_as["path"] = out / "gone" / "x.ics"
    dialog = open_dialog(qtbot, page)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.calendar_export.message is not box)
    assert "does not exist" in page.calendar_export.message.text()
    assert "\n" not in page.calendar_export.message.text()
    assert page.calendar_export.written is None
    assert list(out.iterdir()) == []


# --- cancelling -----------------------------------------------------------------------------


def answer(qtbot, page, confirm: bool) -> None:
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible())
    box = page.question
    assert box.objectName() == "cancelQuestion"
    role = QMessageBox.ButtonRole.AcceptRole if confirm else QMessageBox.ButtonRole.RejectRole
    button = next(b for b in box.buttons() if box.buttonRole(b) == role)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.question is None)


def cancelled(db, event_id: int) -> bool:
    with db.sessions() as session:
        return session.get_one(Event, event_id).cancelled


def test_cancel_and_reinstate_an_event(qtbot, db) -> None:
    ids = plan_2027(db)
    page = build_page(qtbot, db, TODAY)
    # The page's own changes reach it through RegisterChanges; a shown page reads at once.
    page.show_season(2027)
    page.select_event(ids["seminar"])
    assert page.cancel_button.text() == "Cancel event…"

    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert "Cancel Vårseminar (Sat 27.03.2027 – Sun 28.03.2027)?" in page.question.text()
    answer(qtbot, page, confirm=False)
    assert not cancelled(db, ids["seminar"])

    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    answer(qtbot, page, confirm=True)
    assert cancelled(db, ids["seminar"]) and not cancelled(db, ids["concert"])
    qtbot.waitUntil(lambda: page.model.summary(page.model.row_of(ids["seminar"])).cancelled)
    row = page.model.row_of(ids["seminar"])
    title = page.model.index(row, COL_TITLE)
    assert title.data() == "Vårseminar (cancelled)"
    font = title.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    grey = QPalette().color(QPalette.ColorRole.PlaceholderText)
    dates = page.model.index(row, COL_DATES)
    assert dates.data(Qt.ItemDataRole.ForegroundRole).color() == grey
    assert dates.data(Qt.ItemDataRole.FontRole) is None  # struck through: the title only
    other = page.model.index(page.model.row_of(ids["concert"]), COL_TITLE)
    assert other.data() == "Vårkonsert" and other.data(Qt.ItemDataRole.FontRole) is None
    assert page.selected_event_id() == ids["seminar"]
    assert page.cancel_button.text() == "Reinstate event…"

    page.cancel_action.trigger()
    assert "Reinstate Vårseminar" in page.question.text()
    answer(qtbot, page, confirm=True)
    assert not cancelled(db, ids["seminar"])
    qtbot.waitUntil(lambda: page.cancel_button.text() == "Cancel event…")
    assert page.model.index(page.model.row_of(ids["seminar"]), COL_TITLE).data() == "Vårseminar"
    # Each is one step on the page's undo stack.
    assert page.undo.undo_action.text() == "&Undo reinstatement of 'Vårseminar'"
    page.undo.undo_action.trigger()
    assert cancelled(db, ids["seminar"])
    assert page.undo.undo_action.text() == "&Undo cancellation of 'Vårseminar'"
    page.undo.undo_action.trigger()
    assert not cancelled(db, ids["seminar"])
    page.undo.redo_action.trigger()
    assert cancelled(db, ids["seminar"])


def test_whoever_may_not_plan_cannot_cancel(qtbot, db) -> None:
    from vrus.ui.common.changes import RegisterChanges
    from vrus.ui.events.events_page import EventsPage

    ids = plan_2027(db)
    changes = RegisterChanges()
    page = EventsPage(db, changes, title="Events", today=lambda: TODAY, edit_events=False)
    changes.setParent(page)
    qtbot.addWidget(page)
    page.show()
    page.show_season(2027)
    page.select_event(ids["seminar"])
    assert not page.cancel_button.isVisible() and not page.cancel_action.isEnabled()
    page.toggle_cancelled()
    assert page.question is None and not cancelled(db, ids["seminar"])
    assert page.calendar_button.isVisible()  # the calendar holds nothing personal
