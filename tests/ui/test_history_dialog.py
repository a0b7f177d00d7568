"""The editor's History: the audit trail of one person, newest first, in local time, with
translated actions and field names and never a value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.factories import add_person
from tests.ui.driving import click, key, select_row_of
from tests.ui.lunch_support import build_lunch_page, fake_viewer, load_demo_season
from vrus import audit, clock
from vrus.db.models import AuditEntry
from vrus.exporting import export
from vrus.persons import add_guardian, update_guardian, update_person
from vrus.ui.members.history_dialog import HistoryDialog, when_text


def _dialog(qtbot, db, person_id: int, name: str = "Åse Ødegård") -> HistoryDialog:
    dialog = HistoryDialog(db, person_id, name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _rows(dialog: HistoryDialog) -> list[list[str]]:
    return [dialog.entry_text(row) for row in range(dialog.model.rowCount())]


def test_history_lists_changes_and_exports_newest_first(qtbot, db, tmp_path: Path) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    other = add_person(db, "Per", "Berg")
    with db.transaction() as session:  # an older entry, made three days ago
        session.add(
            AuditEntry(
                at=clock.utc_now() - dt.timedelta(days=3),
                actor="kari",
                action="update",
                table_name="persons",
                person_id=pid,
                fields="notes",
            )
        )
    update_person(db, pid, {"phone": "91234567", "diet_note": "Ingen sopp"})
    gid = add_guardian(db, pid, {"first_name": "Kari", "last_name": "Ødegård"}, "mother")
    update_guardian(db, gid, {"email": "kari@example.no"})
    update_person(db, other, {"phone": "92345678"})  # someone else's: not shown
    export(db, "members", tmp_path / "medlemmer.csv")

    dialog = _dialog(qtbot, db, pid)
    rows = _rows(dialog)
    me, now = audit.actor(), when_text(clock.utc_now())
    assert [row[2] for row in rows[:4]] == [
        "Exported: members export (csv)",
        "Changed guardian: e-mail",
        "Added guardian: first name, last name",
        "Added guardian link: guardian, relation",
    ]
    assert rows[4] == [now, me, "Changed details: phone, diet note"]
    assert rows[5][2] == "Added details: first name, last name, birth date, municipality"
    three_days_ago = (clock.utc_now() - dt.timedelta(days=3)).replace(tzinfo=dt.UTC).astimezone()
    assert rows[-1] == [
        f"{three_days_ago:%d.%m.%Y %H:%M}",
        "kari",
        "Changed details: notes",
    ]
    assert len(rows) == 7
    assert all(row[1] == me for row in rows[:-1])
    shown = "\n".join(" ".join(row) for row in rows)
    for value in ("91234567", "sopp", "Kari", "kari@example.no", "mother", "medlemmer"):
        assert value not in shown
    assert "730 days" in dialog.note.text()
    assert not dialog.empty.isVisible()
    dialog.resize(820, 360)
    dialog.grab().save(str(Path("/tmp") / "history_dialog.png"))


def test_when_is_local_time(qtbot) -> None:
    stored = dt.datetime(2026, 6, 30, 22, 30)  # UTC
    local = stored.replace(tzinfo=dt.UTC).astimezone()
    assert when_text(stored) == f"{local:%d.%m.%Y %H:%M}"


def test_a_person_without_entries_says_so(qtbot, db) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    with db.transaction() as session:
        for entry in session.scalars(select(AuditEntry)):
            session.delete(entry)
    dialog = _dialog(qtbot, db, pid)
    assert dialog.model.rowCount() == 0
    assert dialog.empty.isVisible()
    assert dialog.windowTitle() == "History of Åse Ødegård"


def test_opening_the_lunch_sheet_from_the_window_records_a_print(
    qtbot, db, monkeypatch, tmp_path: Path
) -> None:
    viewer = fake_viewer(monkeypatch, tmp_path)
    load_demo_season(db)
    page = build_lunch_page(qtbot, db)
    named = {
        pid for panel in page.day_panels for pid in panel.day.health_person_ids
    }  # the children whose allergies or diet notes the days show
    assert named
    qtbot.mouseClick(page.print_sheet.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(viewer.urls) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not page.print_sheet.running)
    with db.sessions() as session:
        printed = session.scalars(select(AuditEntry).where(AuditEntry.action == "print")).all()
    assert {entry.person_id for entry in printed} == named
    assert {entry.what for entry in printed} == {f"lunch sheet PDF, event {page.plan.event_id}"}


def test_the_editors_history_button_opens_the_persons_history(
    qtbot, members_window, db, register
) -> None:
    page = members_window.members_page
    pid = register.ids["aase"]
    select_row_of(qtbot, page, pid)
    key(qtbot, page.table, Qt.Key.Key_Return)
    editor = page.editor
    update_person(db, pid, {"notes": "Hemmelig merknad"})
    click(qtbot, editor.history_button)
    dialog = editor.history_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == f"History of {editor.details.full_name}"
    assert dialog.entry_text(0)[2] == "Changed details: notes"
    assert "Hemmelig" not in " ".join(dialog.entry_text(0))
    members_window.grab().save("/tmp/history_button.png")
    dialog.grab().save("/tmp/history_from_editor.png")
    dialog.close()
