"""Pages other than Members are built when their section is first shown (or the page is asked
for), and a built page that is hidden reads a change only when it is shown again."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from vrus.events import create_event
from vrus.ui.common.options import LAST_PAGE
from vrus.ui.events.events_page import EventsPage
from vrus.ui.lunch.lunch_page import LunchPage
from vrus.ui.main_window import SECTION_KEYS
from vrus.ui.members.members_page import MembersPage


def built(window) -> list[str]:
    return [key for i, key in enumerate(SECTION_KEYS) if window.pages.is_built(i)]


def test_the_window_starts_with_only_the_members_page_built(window) -> None:
    assert built(window) == ["members"]
    assert isinstance(window.pages.currentWidget(), MembersPage)


def test_a_section_builds_its_page_when_first_shown(window) -> None:
    window.show_section("lunch")
    assert built(window) == ["members", "lunch"]
    page = window.pages.currentWidget()
    assert isinstance(page, LunchPage) and page.isVisible()
    assert page.objectName() == "lunchPage"
    assert window.pages.count() == len(SECTION_KEYS)


def test_the_page_the_window_opens_on_is_built_with_it(make_window, settings) -> None:
    settings.set(LAST_PAGE, "reports")
    window = make_window()
    assert window.current_section() == "reports"
    assert built(window) == ["members", "reports"]


def test_asking_for_a_page_builds_it_once(window) -> None:
    page = window.events_page
    assert isinstance(page, EventsPage)
    assert built(window) == ["members", "events"]
    assert window.events_page is page
    assert window.pages.widget(SECTION_KEYS.index("events")) is page
    window.show_section("events")
    assert window.pages.currentWidget() is page


class WindowsShown(QObject):
    """Notes every window (top-level widget) shown while it listens."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(f"{type(watched).__name__} {watched.objectName()}")
        return False


@pytest.mark.parametrize("key", SECTION_KEYS[1:])
def test_building_a_page_on_screen_flashes_no_window(qapp, register, window, key) -> None:
    # A widget shown before it has a parent appears as a window of its own for a moment,
    # and takes the activation from the main window (its keys then stop working).
    listener = WindowsShown()
    qapp.installEventFilter(listener)
    try:
        window.show_section(key)
    finally:
        qapp.removeEventFilter(listener)
    assert listener.shown == []


def test_the_window_stays_active_when_a_page_is_built(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_section("settings")
    qtbot.wait(50)
    assert QApplication.activeWindow() is window


@pytest.mark.today("2026-12-02")  # the concert is in the season shown today
def test_a_hidden_events_page_reads_a_change_when_shown(db, window) -> None:
    window.show_section("events")
    page = window.events_page
    assert page.model.rowCount() == 0
    window.show_section("members")
    create_event(db, kind="concert", title="Julekonsert", start=dt.date(2026, 12, 13))
    window.changes.changed.emit()
    # Hidden: nothing read, only noted.
    assert page.freshness.stale
    assert page.model.rowCount() == 0
    window.show_section("events")
    assert not page.freshness.stale
    assert page.model.rowCount() == 1


@pytest.mark.today("2026-12-02")  # the concert is in the season shown today
def test_an_events_page_on_screen_reads_a_change_at_once(db, window) -> None:
    window.show_section("events")
    page = window.events_page
    create_event(db, kind="concert", title="Julekonsert", start=dt.date(2026, 12, 13))
    window.changes.changed.emit()
    assert not page.freshness.stale
    assert page.model.rowCount() == 1
