"""The main window over the demo season, each page in the state people see it in: for the
tests that go over every page (the Tab order, the accessible names).

The demo is loaded once per test module into a template file; each test opens its own copy.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import time_machine
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from tests.conftest import test_today
from vrus.db.engine import Database, sqlite_url
from vrus.db.enums import EventKind
from vrus.demo import load_demo
from vrus.opening import open_database
from vrus.ui.app import create_main_window
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.common.options import Settings
from vrus.ui.main_window import MainWindow
from vrus.ui.members.members_model import COL_FLAGS
from vrus.ui.reports.reports_page import KINDS

TODAY = dt.date(2026, 11, 26)  # the 2026 season: seminars behind and one ahead


def demo_template(folder: Path) -> Path:
    """A register file with the demo season (made under the tests' frozen clock)."""
    path = folder / "demo.sqlite3"
    noon = dt.datetime.combine(test_today(), dt.time(12)).astimezone()
    with time_machine.travel(noon, tick=True):
        db = open_database(sqlite_url(path))
        try:
            load_demo(db, today=TODAY)
        finally:
            db.close()
    return path


@contextmanager
def demo_window(qtbot, template: Path, folder: Path) -> Iterator[MainWindow]:
    """The window over a copy of ``template``, shown, active and listed."""
    path = folder / "register.sqlite3"
    shutil.copy2(template, path)
    db: Database = open_database(sqlite_url(path))
    window = create_main_window(
        db, Settings.from_file(folder / "vrus.ini"), CoreActions(), today=lambda: TODAY
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.members_page.fill()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    try:
        yield window
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone()
        db.close()


def settle(qtbot) -> None:
    """Let built pages lay out and background reads finish."""
    QThreadPool.globalInstance().waitForDone()
    QApplication.processEvents()
    qtbot.wait(10)
    QThreadPool.globalInstance().waitForDone()
    QApplication.processEvents()


# --- The views: each page, and each tab or state of a page, as people see it -------------


def members_register(window: MainWindow) -> None:
    window.show_section("members")
    window.members_page.tabs.setCurrentIndex(0)


def members_age_limits(window: MainWindow) -> None:
    window.show_section("members")
    window.members_page.tabs.setCurrentIndex(1)


def members_editor(window: MainWindow) -> None:
    """The editor open on the first person with a flag (a member: memberships, guardians)."""
    window.show_section("members")
    page = window.members_page
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, COL_FLAGS).data())
    page.open_person(page.model.person_id(row))


def events_list(window: MainWindow) -> None:
    window.show_section("events")


def events_grid(window: MainWindow) -> None:
    """The grid of the last seminar behind us: answers and attendance in every colour."""
    window.show_section("events")
    page = window.events_page
    past = [
        event
        for event in page.model.events()
        if event.kind == EventKind.SEMINAR.value and event.days[-1].date < TODAY
    ]
    page.select_event(past[-1].id)
    page.open_grid()


def lunch_day(window: MainWindow) -> None:
    window.show_section("lunch")
    window.lunch_page.tabs.setCurrentIndex(0)


def lunch_roster(window: MainWindow) -> None:
    window.show_section("lunch")
    tabs = window.lunch_page.tabs
    tabs.setCurrentIndex(tabs.count() - 1)


def report(kind: str, *, seminars: int = 3) -> Callable[[MainWindow], None]:
    def show(window: MainWindow) -> None:
        window.show_section("reports")
        page = window.reports_page
        page.choose(kind)
        if kind == "course":  # the first seminars (none: no report yet, only the list)
            page.set_events(
                int(page.seminars.item(row).data(Qt.ItemDataRole.UserRole))
                for row in range(seminars)
            )

    return show


def settings_tab(index: int) -> Callable[[MainWindow], None]:
    def show(window: MainWindow) -> None:
        window.show_section("settings")
        window.settings_page.tabs.setCurrentIndex(index)

    return show


SETTINGS_TABS = 7  # General, Municipalities, Instruments, Ensembles, Organisations, Course
# grants, Privacy

VIEWS: dict[str, Callable[[MainWindow], None]] = {
    "members": members_register,
    "members-age-limits": members_age_limits,
    "members-editor": members_editor,
    "events": events_list,
    "events-grid": events_grid,
    "lunch-day": lunch_day,
    "lunch-roster": lunch_roster,
    **{f"reports-{kind}": report(kind) for kind in KINDS},
    "reports-course-unticked": report("course", seminars=0),
    **{f"settings-{index}": settings_tab(index) for index in range(SETTINGS_TABS)},
}


def show_view(qtbot, window: MainWindow, name: str) -> None:
    VIEWS[name](window)
    settle(qtbot)
    if name.startswith("reports"):  # built in another thread, again when the choice changed
        qtbot.waitUntil(lambda: not window.reports_page.building)
        settle(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
