"""The window shows each role what it may use (issue 17): the database refuses the rest, and
the window does not offer it. The role is what ``vrus.server.roles.role_of`` says (here set
per test; on a register file it is always the coordinator)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from sqlalchemy import select

from tests.factories import add_event_with_attendance
from vrus.db.models import Attendance, EventDay, SignUp
from vrus.opening import open_database
from vrus.server.roles import Role
from vrus.ui import main_window
from vrus.ui.app import create_main_window
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.events.signup_grid_model import COL_ATTENDING, FIRST_DAY_COLUMN
from vrus.ui.main_window import SECTION_KEYS, MainWindow


def visible_sections(window: MainWindow) -> list[str]:
    sidebar = window.sidebar
    return [SECTION_KEYS[row] for row in range(sidebar.count()) if not sidebar.item(row).isHidden()]


def view_actions(window: MainWindow) -> list[str]:
    return [action.text() for action in window.section_actions if action.isVisible()]


def menus(window: MainWindow) -> dict[str, list[str]]:
    found = {}
    for entry in window.menuBar().actions():
        if not entry.isVisible() or not entry.isEnabled():
            continue  # the Edit menu is greyed out where nothing can be undone
        actions: list[QAction] = entry.menu().actions()
        found[entry.text()] = [a.text() for a in actions if not a.isSeparator() and a.isVisible()]
    return found


@pytest.fixture
def window_as(qtbot, db, settings, monkeypatch: pytest.MonkeyPatch):
    def make(role: Role) -> MainWindow:
        monkeypatch.setattr(main_window, "role_of", lambda _db: role)
        window = create_main_window(db, settings, CoreActions())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        if window.members_page is not None:
            window.members_page.fill()  # listed after the first paint; tests look at once
        return window

    return make


def test_the_coordinator_sees_everything(window_as, register) -> None:
    window = window_as(Role.COORDINATOR)
    assert visible_sections(window) == list(SECTION_KEYS)
    assert view_actions(window) == ["Members", "Events", "Lunch", "Reports", "Settings"]
    found = menus(window)
    assert list(found) == ["&File", "&Edit", "&Members", "&View", "&Help"]
    assert found["&Help"] == ["&User guide", "&About VRUS"]
    assert found["&File"] == [
        "&Import members…",
        "Co&nnect to a server…",
        "&Move the register to a server…",
        "&Export…",
        "&Back up now",
        "&Restore from backup…",
        "&Quit",
    ]
    assert window.members_page is not None
    assert window.count_label.isVisible()
    assert window.count_label.text() == "Persons in the register: 7"


@pytest.mark.parametrize(
    ("role", "section", "label"),
    [
        (Role.LUNCH, "lunch", "Lunch"),
        (Role.INSTRUCTOR, "events", "Events"),
        (Role.READER, "reports", "Reports"),
    ],
)
def test_other_roles_see_their_page_only(
    window_as, settings, role: Role, section: str, label: str
) -> None:
    settings.set(main_window.LAST_PAGE, "members")  # where the coordinator left the window
    window = window_as(role)
    assert visible_sections(window) == [section]
    assert view_actions(window) == [label]
    assert window.current_section() == section  # opens on its page, not on Members
    assert window.pages.currentWidget().objectName() == f"{section}Page"
    # No person register: neither its page nor its menus, import, export or backups.
    assert window.members_page is None
    assert not window.pages.is_built(SECTION_KEYS.index("members"))
    # Putting parents on duty is undone from the Edit menu; attendance in its own grid.
    edit = {"&Edit": ["&Undo", "&Redo"]} if role == Role.LUNCH else {}
    assert menus(window) == {
        "&File": ["Co&nnect to a server…", "&Quit"],
        **edit,
        "&View": [label],
        "&Help": ["&User guide", "&About VRUS"],  # the guide is for everyone
    }
    assert window.import_flow is None
    assert not window.count_label.isVisible()
    # Asked for a page it may not see (a shortcut, a link), the window stays where it is.
    for other in SECTION_KEYS:
        window.show_section(other)
        assert window.current_section() == section
    # The last page it was on is remembered for its next start, as for the coordinator.
    assert settings.get(main_window.LAST_PAGE) == section


def test_on_a_server_the_status_bar_says_who_the_user_is(
    qtbot, settings, pg_databases, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_databases.fresh()
    db = open_database(url)
    monkeypatch.setattr(main_window, "role_of", lambda _db: Role.LUNCH)
    window = create_main_window(db, settings, CoreActions())
    qtbot.addWidget(window)
    try:
        window.show()
        assert window.database_label.text() == (
            f"Database: {db.display_name} (as lunch and duties)"
        )
        assert window.current_section() == "lunch"
    finally:
        window.close()
        db.close()
        pg_databases.drop(url)


def test_a_register_file_names_no_role(window) -> None:
    assert window.database_label.text() == "Database: register.sqlite3"


@pytest.mark.today("2026-12-02")  # the event is in the 2026 season the page shows then
@pytest.mark.parametrize("role", [Role.INSTRUCTOR, Role.COORDINATOR])
def test_instructors_take_attendance_but_do_not_plan_events(qtbot, window_as, db, role) -> None:
    _person, day_id = add_event_with_attendance(db)
    with db.sessions() as session:
        event_id = session.get(EventDay, day_id).event_id
    window = window_as(role)
    window.show_section("events")
    page = window.events_page
    planner = role == Role.COORDINATOR
    assert page.edit_events is planner
    for button in (page.new_button, page.edit_button, page.delete_button):
        assert button.isVisible() is planner
    assert page.new_action.isEnabled() is planner

    page.select_event(event_id)
    assert page.selected_event_id() == event_id
    assert page.grid_button.isEnabled() and page.grid_action.isEnabled()
    assert page.edit_action.isEnabled() is planner
    assert page.delete_action.isEnabled() is planner
    page.edit_selected()  # Enter or a double click on the event
    assert (page.editor is not None) is planner
    if page.editor is not None:
        page.editor.reject()
    page.open_grid()  # the sign-ups and attendance: the instructor's work
    assert page.stack.currentWidget() is page.grid
    grid = page.grid
    assert grid.all_yes_button.isVisible() is planner
    assert grid.copy_button.isVisible() is planner
    # The instructor starts on the first day and records attendance; the answers are shown,
    # not written (the database would refuse them).
    start = grid.view.currentIndex()
    assert (start.column() == FIRST_DAY_COLUMN) is not planner
    answer = grid.model.index(start.row(), COL_ATTENDING)
    grid.view.setCurrentIndex(answer)
    qtbot.keyClick(grid.view, Qt.Key.Key_J)
    with db.sessions() as session:
        answers = session.scalars(select(SignUp.attending)).all()
    assert answers == (["yes"] if planner else [])
    if not planner:
        assert "coordinator's" in grid.message.text()
    grid.view.setCurrentIndex(grid.model.index(start.row(), FIRST_DAY_COLUMN))
    qtbot.keyClick(grid.view, Qt.Key.Key_F)
    with db.sessions() as session:
        assert session.scalars(select(Attendance.status)).all() == ["absent"]


def test_the_edit_menu_offers_the_undo_of_what_is_in_front(qtbot, window) -> None:
    """One Undo at a time: the Events list's on the list, the grid's on the grid, none on a
    page where nothing can be undone."""

    def edit_menu() -> list[str] | None:
        return menus(window).get(window.tr("&Edit"))

    window.show_section("members")
    assert edit_menu() == ["&Undo", "&Redo"]
    window.show_section("events")
    page = window.events_page
    assert edit_menu() == ["&Undo", "&Redo"]
    assert page.undo.undo_action.isVisible() and not page.grid.undo_action.isVisible()
    page.stack.setCurrentWidget(page.grid)
    assert page.grid.undo_action.isVisible() and not page.undo.undo_action.isVisible()
    window.show_section("reports")
    assert edit_menu() is None
