"""The main window on a temporary database: title, sections, keys, status bar, geometry."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QByteArray, QPoint, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from tests.ui.helpers import add_person
from vrus.ui.common.options import LAST_PAGE, WINDOW_GEOMETRY, Settings
from vrus.ui.events.events_page import EventsPage
from vrus.ui.lunch.lunch_page import LunchPage
from vrus.ui.main_window import SECTION_KEYS
from vrus.ui.members.members_page import MembersPage
from vrus.ui.reports.reports_page import ReportsPage
from vrus.ui.settings.settings_page import SettingsPage


def test_title_names_the_open_database(window, db) -> None:
    assert window.windowTitle() == f"VRUS – {db.path}"
    assert str(db.path) in window.windowTitle()


def test_sidebar_switches_between_all_sections(qtbot, window) -> None:
    sidebar = window.sidebar
    for row, key in reversed(list(enumerate(SECTION_KEYS))):
        rect = sidebar.visualItemRect(sidebar.item(row))
        qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_section() == key
        assert window.pages.currentWidget().objectName() == f"{key}Page"


@pytest.mark.parametrize(("number", "key"), list(enumerate(SECTION_KEYS, start=1)))
def test_ctrl_number_switches_section(qtbot, window, number, key) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start = "settings" if key == "members" else "members"
    window.show_section(start)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == key
    assert window.sidebar.currentRow() == number - 1
    assert window.section_actions[number - 1].isChecked()


def test_ctrl_q_closes_the_window(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_empty_register_shows_the_welcome_panel(window) -> None:
    page = window.members_page
    assert page.showing_welcome
    assert page.welcome.isVisible()
    assert not page.table.isVisible()
    # Without the demo and import modules, the buttons say so instead of doing nothing.
    assert not page.welcome.demo_button.isEnabled()
    assert not page.welcome.import_button.isEnabled()
    assert window.count_label.text() == "Persons in the register: 0"


def test_register_with_persons_shows_the_table(db, make_window) -> None:
    add_person(
        db,
        "Åsmund",
        "Ødegård",
        born=dt.date(2001, 3, 4),
        municipality="Asker",
        ensemble="Ungdomssymfonikerne",
    )
    add_person(db, "Zoë", "Berg")
    window = make_window()
    page = window.members_page
    assert not page.showing_welcome
    assert page.table.isVisible()
    assert page.model.rowCount() == 2
    assert window.count_label.text() == "Persons in the register: 2"


def test_archived_only_register_is_not_new(db, make_window) -> None:
    person_id = add_person(db, "Ola", "Nordmann")
    from vrus.persons import archive_person

    archive_person(db, person_id)
    window = make_window()
    assert not window.members_page.showing_welcome
    assert window.members_page.model.rowCount() == 0


def test_every_section_is_built(window) -> None:
    # No section is a placeholder any more: each is its own page, with something to use.
    pages = [window.pages.widget(i) for i in range(window.pages.count())]
    assert [type(page) for page in pages] == [
        MembersPage,
        EventsPage,
        LunchPage,
        ReportsPage,
        SettingsPage,
    ]
    for page in pages:
        assert page.findChild(QLabel, "notBuilt") is None
        assert page.findChildren(QAbstractButton)


def test_geometry_is_saved_on_close_and_restored(make_window, settings_file) -> None:
    # Within the offscreen platform's 800x600 screen: restoreGeometry keeps windows on screen.
    first = make_window(settings_=Settings.from_file(settings_file))
    first.resize(QSize(780, 500))
    first.move(QPoint(10, 30))
    assert first.size() == QSize(780, 500)  # not held back by a minimum size
    first.close()
    stored = Settings.from_file(settings_file).get(WINDOW_GEOMETRY)
    assert isinstance(stored, QByteArray) and not stored.isEmpty()

    second = make_window(settings_=Settings.from_file(settings_file))
    assert second.size() == QSize(780, 500)
    assert second.pos() == QPoint(10, 30)


def test_last_section_is_remembered(make_window, settings_file) -> None:
    first = make_window(settings_=Settings.from_file(settings_file))
    first.show_section("reports")
    first.close()
    assert Settings.from_file(settings_file).get(LAST_PAGE) == "reports"
    second = make_window(settings_=Settings.from_file(settings_file))
    assert second.current_section() == "reports"


def test_unknown_last_section_opens_members(make_window, settings_file) -> None:
    settings = Settings.from_file(settings_file)
    settings.set(LAST_PAGE, "no-such-page")
    assert make_window(settings_=settings).current_section() == "members"


def test_status_bar_names_the_database(window, db) -> None:
    assert db.path.name in window.database_label.text()
    assert window.database_label.toolTip() == db.display_name
