"""Undo on the Settings page: every change it saves in the register (a municipality, a new
organisation, a course rule, the built-in 2014 rule, a period, the backups, a population
import) is one step, named in the Edit menu while the page is in front; Ctrl+Z puts the
register back exactly (every table compared) and Ctrl+Shift+Z makes the change again. The
invitations' contact line, saved from the Events page, is a step of that page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QMessageBox, QWidget
from sqlalchemy import select

import vrus.ui.settings.population_import as population_import
from tests.ui.driving import answer_question, click, focus, key
from tests.ui.events_support import build_page, ensemble_id
from vrus.backup import backups_to_keep
from vrus.db.engine import Database
from vrus.db.models import Base, Municipality, Organisation, Setting
from vrus.events import create_event
from vrus.invitations import contact_line, set_contact_line
from vrus.opening import open_database
from vrus.reference import update_municipality
from vrus.reports.course_rules import CourseRules
from vrus.retention import DEFAULT_CONTACT_MONTHS, retention_rule
from vrus.ui.main_window import MainWindow
from vrus.ui.settings.reference_models import MUN_POPULATION, ORG_NAME
from vrus.ui.settings.settings_page import SettingsPage

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
DATA = Path(__file__).parent.parent / "data" / "population"
# Written by every action and by no undo in the same way: not the register's content.
NOT_CONTENT = {"audit_entries", "register_changes", "presence"}


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the bookkeeping ones, without the version counters."""
    found = {}
    with db.sessions() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_CONTENT:
                continue
            columns = [c for c in table.columns if c.name != "version"]
            rows = session.execute(select(*columns)).all()
            found[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return found


@pytest.fixture
def settings_window(qtbot, window: MainWindow) -> MainWindow:
    window.show_section("settings")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def page_of(window: MainWindow) -> SettingsPage:
    return window.settings_page


def menu_texts(window: MainWindow) -> list[str]:
    """The Edit menu's entries as shown now."""
    assert window.edit_menu is not None
    return [
        action.text()
        for action in window.edit_menu.actions()
        if action.isVisible() and not action.isSeparator()
    ]


def undo_key(qtbot, widget: QWidget, redo: bool = False) -> None:
    """Ctrl+Z (Ctrl+Shift+Z) with the focus in ``widget``, on the page (not in a text field
    or spin box: those keep Ctrl+Z for their own text)."""
    widget.window().activateWindow()  # again, after a dialog
    qtbot.waitUntil(widget.window().isActiveWindow)
    focus(qtbot, widget)
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL_SHIFT if redo else CTRL)


def show_tab(qtbot, page: SettingsPage, editor: QWidget) -> None:
    page.tabs.setCurrentWidget(editor)
    qtbot.waitUntil(editor.isVisible)


def row_of(proxy, column: int, text: str, text_column: int = 0):
    for row in range(proxy.rowCount()):
        if proxy.index(row, text_column).data() == text:
            return proxy.index(row, column)
    return None


def edit_cell(qtbot, view, index, text: str) -> None:
    """Select the cell, press F2, type, press Enter: as a user edits a sheet."""
    view.setFocus()
    view.setCurrentIndex(index)
    key(qtbot, view, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, text)
    key(qtbot, line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def municipality(db: Database, number: str) -> Municipality:
    with db.sessions() as session:
        return session.scalars(
            select(Municipality).where(
                Municipality.number == number, Municipality.valid_to.is_(None)
            )
        ).one()


def settings_rows(db: Database) -> dict[str, str]:
    with db.sessions() as session:
        return dict(session.execute(select(Setting.key, Setting.value)).all())


# --- reference data --------------------------------------------------------------------------


def test_a_municipality_edit_is_undone_and_redone_from_the_keyboard(
    qtbot, settings_window: MainWindow, db: Database
) -> None:
    page = page_of(settings_window)
    editor = page.municipalities
    show_tab(qtbot, page, editor)
    qtbot.waitUntil(lambda: editor.model.rowCount() > 0)
    before = dump(db)
    assert municipality(db, "3310").population is None
    edit_cell(qtbot, editor.view, row_of(editor.proxy, MUN_POPULATION, "3310"), "6912")
    assert municipality(db, "3310").population == 6912
    shown = row_of(editor.proxy, MUN_POPULATION, "3310").data()
    assert shown.replace(",", "").replace("\u00a0", "") == "6912"
    after = dump(db)
    assert "&Undo change of Hole" in menu_texts(settings_window)

    undo_key(qtbot, editor.view)
    assert dump(db) == before
    assert row_of(editor.proxy, MUN_POPULATION, "3310").data() == ""  # the table follows
    assert "&Redo change of Hole" in menu_texts(settings_window)
    undo_key(qtbot, editor.view, redo=True)
    assert dump(db) == after
    assert row_of(editor.proxy, MUN_POPULATION, "3310").data() == shown

    # Another page in front: its undo, not this page's, is in the menu.
    settings_window.show_section("events")
    assert not page.undo.undo_action.isVisible()
    assert "&Undo change of Hole" not in menu_texts(settings_window)
    settings_window.show_section("settings")
    assert page.undo.undo_action.isVisible()


def test_an_undo_over_another_users_change_is_refused(
    qtbot, settings_window: MainWindow, db: Database
) -> None:
    page = page_of(settings_window)
    editor = page.municipalities
    show_tab(qtbot, page, editor)
    qtbot.waitUntil(lambda: editor.model.rowCount() > 0)
    edit_cell(qtbot, editor.view, row_of(editor.proxy, MUN_POPULATION, "3310"), "6912")
    other = open_database(db.url)
    try:
        update_municipality(other, municipality(db, "3310").id, population=7000)
    finally:
        other.close()
    state = dump(db)
    undo_key(qtbot, editor.view)
    qtbot.waitUntil(lambda: page.undo.notice is not None and page.undo.notice.isVisible())
    assert "nothing was changed" in page.undo.notice.text()
    assert dump(db) == state
    click(qtbot, page.undo.notice.button(QMessageBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: page.undo.stack.count() == 0)


def test_a_new_organisation_is_undone_and_redone_with_its_id(
    qtbot, settings_window: MainWindow, db: Database
) -> None:
    page = page_of(settings_window)
    editor = page.organisations
    show_tab(qtbot, page, editor)
    before = dump(db)
    click(qtbot, editor.add_button)
    dialog = editor.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    name = dialog.findChild(QLineEdit, "name")
    qtbot.keyClicks(name, "Vestby  musikkskole ")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.sessions() as session:
        (made,) = session.scalars(select(Organisation).where(Organisation.name.like("Vestby%")))
        made_id = made.id
    after = dump(db)
    assert "&Undo new organisation Vestby musikkskole" in menu_texts(settings_window)

    undo_key(qtbot, editor.view)
    assert dump(db) == before
    assert row_of(editor.proxy, ORG_NAME, "Vestby musikkskole") is None
    undo_key(qtbot, editor.view, redo=True)
    assert dump(db) == after
    with db.sessions() as session:
        assert session.get_one(Organisation, made_id).name == "Vestby musikkskole"
    assert row_of(editor.proxy, ORG_NAME, "Vestby musikkskole") is not None


# --- course rules, periods, backups ----------------------------------------------------------


def type_into(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    key(qtbot, spin, Qt.Key.Key_Return)


def test_course_rule_changes_and_the_2014_rule_are_steps(
    qtbot, settings_window: MainWindow, db: Database
) -> None:
    page = page_of(settings_window)
    editor = page.course_rules
    show_tab(qtbot, page, editor)
    start = dump(db)
    type_into(qtbot, editor.spins["min_hours"], "10")
    assert settings_rows(db)["course_grant.min_hours"] == "10"
    assert "&Undo change of minimum course hours" in menu_texts(settings_window)
    changed = dump(db)

    seen: list[str] = []
    answer_question("Remove the rule", seen)
    click(qtbot, editor.built_in_buttons[2014, "min_hours"])
    assert "course_grant.built_in_removed.min_hours.2014" in settings_rows(db)
    assert "&Undo removal of the built-in rule for 2014 (minimum course hours)" in menu_texts(
        settings_window
    )
    removed = dump(db)

    undo_key(qtbot, editor.years)
    assert dump(db) == changed
    assert editor.built_in_buttons[2014, "min_hours"].text() == "Remove built-in rule…"
    assert "&Undo change of minimum course hours" in menu_texts(settings_window)
    undo_key(qtbot, editor.years)
    assert dump(db) == start
    assert editor.spins["min_hours"].value() == CourseRules().min_hours  # the default again
    assert not editor.resets["min_hours"].isEnabled()

    undo_key(qtbot, editor.years, redo=True)
    undo_key(qtbot, editor.years, redo=True)
    assert dump(db) == removed
    assert editor.spins["min_hours"].value() == 10
    assert editor.built_in_buttons[2014, "min_hours"].text() == "Restore the built-in rule"


def test_a_privacy_period_and_the_backups_to_keep_are_undone(
    qtbot, settings_window: MainWindow, db: Database
) -> None:
    page = page_of(settings_window)
    show_tab(qtbot, page, page.privacy)
    before = dump(db)
    type_into(qtbot, page.privacy.contact_months, "24")
    with db.sessions() as session:
        assert retention_rule(session).contact_months == 24
    assert "&Undo change of when contact and health data are removed" in menu_texts(settings_window)
    undo_key(qtbot, page.tabs.tabBar())
    assert dump(db) == before
    assert page.privacy.contact_months.value() == DEFAULT_CONTACT_MONTHS

    page.tabs.setCurrentIndex(0)  # General
    qtbot.waitUntil(page.backups_keep.isVisible)
    kept = backups_to_keep(db)
    type_into(qtbot, page.backups_keep, str(kept + 5))
    assert backups_to_keep(db) == kept + 5
    assert "&Undo change of the number of backups to keep" in menu_texts(settings_window)
    undo_key(qtbot, page.tabs.tabBar())
    assert dump(db) == before
    assert page.backups_keep.value() == kept
    undo_key(qtbot, page.tabs.tabBar(), redo=True)
    assert backups_to_keep(db) == kept + 5 == page.backups_keep.value()


def test_a_population_import_is_one_step(
    qtbot, settings_window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(settings_window)
    editor = page.municipalities
    show_tab(qtbot, page, editor)
    qtbot.waitUntil(lambda: editor.model.rowCount() > 0)
    monkeypatch.setattr(
        population_import.QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *_args: (str(DATA / "07459-en-totals.csv"), "")),
    )
    before = dump(db)
    click(qtbot, editor.import_button)
    qtbot.waitUntil(lambda: editor.preview is not None and editor.preview.isVisible())
    click(qtbot, editor.preview.store_button)
    qtbot.waitUntil(lambda: editor.message.text() == "Stored in the register: 4 figures.")
    qtbot.waitUntil(editor.import_button.isEnabled)
    after = dump(db)
    assert len(after["municipality_populations"]) == len(before["municipality_populations"]) + 4
    assert "&Undo import of population figures" in menu_texts(settings_window)
    undo_key(qtbot, editor.view)
    assert dump(db) == before
    undo_key(qtbot, editor.view, redo=True)
    assert dump(db) == after


# --- the invitations' contact line (the Events page) -------------------------------------------


def test_the_contact_line_is_undone_on_the_events_page(qtbot, db: Database) -> None:
    set_contact_line(db, "Kari Nordmann, post@vus.no")
    create_event(
        db,
        kind="seminar",
        title="Helgeseminar mars",
        start=dt.date(2027, 3, 6),
        ensemble_ids=[ensemble_id(db, "ungdom")],
    )
    events = build_page(qtbot, db, today=dt.date(2027, 1, 15))
    events.select_event(events.model.events()[0].id)
    before = dump(db)
    click(qtbot, events.invitation_button)
    dialog = events.invitation_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.contact.setFocus()
    dialog.contact.selectAll()
    qtbot.keyClicks(dialog.contact, "Per Hansen, 900 00 000")
    key(qtbot, dialog.contact, Qt.Key.Key_Return)
    dialog.close()
    with db.sessions() as session:
        assert contact_line(session) == "Per Hansen, 900 00 000"
    assert events.undo is not None
    assert events.undo.undo_action.text() == "&Undo change of the contact line of invitations"
    after = dump(db)
    events.undo.undo_action.trigger()
    assert dump(db) == before
    events.undo.redo_action.trigger()
    assert dump(db) == after
