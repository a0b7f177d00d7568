"""The sign-up and attendance grid with the mouse: a click gives a cell its next value, a
right click offers the choices, a drag or a shift-click selects a range that one choice sets
in one step, a double click edits the note; every change is saved at once and undone as one
step. The bulk buttons undo and redo exactly; the cells tell their meaning in words."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAccessible, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu
from sqlalchemy import select

from tests.ui.events_support import (
    add_orchestra,
    attendance_of,
    build_page,
    day_ids,
    ensemble_id,
    signups_of,
)
from vrus.db.models import Event, EventDay, SignUp, SignUpAbsence
from vrus.demo import load_demo
from vrus.events import create_event
from vrus.exporting.tables import attendance_sheet, signup_sheet
from vrus.signups import set_signup
from vrus.ui.events.signup_grid_model import (
    COL_ATTENDING,
    COL_INSTRUMENT,
    COL_LUNCH,
    COL_NAME,
    FIRST_DAY_COLUMN,
)

SATURDAY = dt.date(2014, 2, 8)
Key = Qt.Key
LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
TEXT, DESCRIPTION = Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.AccessibleDescriptionRole


@pytest.fixture
def members(db):
    return add_orchestra(db)


@pytest.fixture
def seminar(db, members) -> int:
    return create_event(
        db,
        kind="seminar",
        title="Helgeseminar 1",
        start=SATURDAY,
        days=2,
        venue="Jar kirke",
        ensemble_ids=[ensemble_id(db, "ungdom")],
    )


def open_grid(qtbot, page, event_id: int):
    page.refresh()
    page.select_event(event_id)
    page.open_grid()
    page.activateWindow()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.grid)
    qtbot.waitUntil(page.grid.view.hasFocus)
    return page.grid


@pytest.fixture
def grid(qtbot, db, seminar):
    return open_grid(qtbot, build_page(qtbot, db), seminar)


# --- driving the grid with the mouse --------------------------------------------------------


def cell(grid, person_id: int, column: int) -> QModelIndex:
    return grid.model.index(grid.model.row_of(person_id), column)


def centre(grid, index: QModelIndex) -> QPoint:
    return grid.view.visualRect(index).center()


def click(qtbot, grid, index: QModelIndex, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(grid.view.viewport(), LEFT, modifier, pos=centre(grid, index))


def right_click(qtbot, grid, index: QModelIndex) -> None:
    """What the platform sends for a right click: the press, then the context menu event
    (QTest sends no context menu event of its own)."""
    viewport, at = grid.view.viewport(), centre(grid, index)
    qtbot.mousePress(viewport, RIGHT, pos=at)
    QApplication.sendEvent(
        viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, viewport.mapToGlobal(at))
    )
    qtbot.mouseRelease(viewport, RIGHT, pos=at)


@pytest.fixture
def menus(grid) -> list[QMenu]:
    """The menus the grid shows, recorded instead of run (the test chooses from them)."""
    shown: list[QMenu] = []
    grid.mouse.run_menu = lambda menu, _at: shown.append(menu)
    return shown


def choose(menu: QMenu, text: str) -> None:
    (action,) = [a for a in menu.actions() if a.text() == text]
    assert action.isEnabled()
    action.trigger()


def choices(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if a.isEnabled() and not a.isSeparator()]


def names_at(grid) -> tuple[str, int]:
    index = grid.view.currentIndex()
    return grid.model.index(index.row(), COL_NAME).data(), index.column()


# --- a click cycles ---------------------------------------------------------------------------


def test_a_click_gives_the_next_answer_and_saves_it(qtbot, grid, db, seminar, members) -> None:
    aas = members["Aas"]
    answer = cell(grid, aas, COL_ATTENDING)
    click(qtbot, grid, answer)
    assert signups_of(db, seminar) == {aas: ("yes", False)}
    assert answer.data() == "Yes"
    assert names_at(grid) == ("Aas, Ingrid", COL_ATTENDING)  # the cursor stays on the cell
    click(qtbot, grid, answer)
    assert signups_of(db, seminar) == {aas: ("no", False)}
    click(qtbot, grid, answer)
    assert signups_of(db, seminar) == {aas: ("unknown", False)}
    assert grid.signup_counts.text() == "0 yes · 0 no · 4 not answered · 0 with lunch"
    # Three steps to undo, each named after what it did.
    assert grid.undo_stack.count() == 3
    assert grid.undo_action.text() == "&Undo answer of Ingrid Aas"


def test_a_click_on_a_day_cycles_the_status(qtbot, grid, db, seminar, members) -> None:
    saturday, sunday = day_ids(db, seminar)
    day = cell(grid, members["Ødegård"], FIRST_DAY_COLUMN + 1)
    seen = []
    for _ in range(4):
        click(qtbot, grid, day)
        seen.append(attendance_of(db, sunday).get(members["Ødegård"]))
    assert seen == ["present", "absent", "excused", None]
    assert attendance_of(db, saturday) == {}
    assert names_at(grid) == ("Ødegård, Åsmund", FIRST_DAY_COLUMN + 1)
    assert grid.undo_action.text() == "&Undo attendance of Åsmund Ødegård on Sun 09.02.2014"


def test_space_is_a_click_from_the_keyboard_and_delete_clears(
    qtbot, grid, db, seminar, members
) -> None:
    saturday, _sunday = day_ids(db, seminar)
    day = cell(grid, members["Aas"], FIRST_DAY_COLUMN)
    grid.view.setCurrentIndex(day)
    seen = []
    for _ in range(3):
        qtbot.keyClick(grid.view, Qt.Key.Key_Space)
        seen.append(attendance_of(db, saturday).get(members["Aas"]))
    assert seen == ["present", "absent", "excused"]
    assert names_at(grid) == ("Aas, Ingrid", FIRST_DAY_COLUMN)  # the cursor stays, as a click
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)
    assert attendance_of(db, saturday) == {}
    answer = cell(grid, members["Aas"], COL_ATTENDING)
    grid.view.setCurrentIndex(answer)
    qtbot.keyClick(grid.view, Qt.Key.Key_Space)
    assert signups_of(db, seminar) == {members["Aas"]: ("yes", False)}


def test_a_click_switches_lunch_and_a_name_is_only_selected(
    qtbot, grid, db, seminar, members
) -> None:
    nguyen = members["Nguyễn"]
    click(qtbot, grid, cell(grid, nguyen, COL_LUNCH))
    assert signups_of(db, seminar) == {nguyen: ("unknown", True)}
    click(qtbot, grid, cell(grid, nguyen, COL_LUNCH))
    assert signups_of(db, seminar) == {nguyen: ("unknown", False)}
    steps = grid.undo_stack.count()
    for column in (COL_NAME, COL_INSTRUMENT, grid.model.note_column):
        click(qtbot, grid, cell(grid, nguyen, column))
    click(qtbot, grid, grid.model.index(0, COL_NAME))  # a heading
    assert grid.undo_stack.count() == steps
    assert signups_of(db, seminar) == {nguyen: ("unknown", False)}


def test_a_drag_selects_without_changing(qtbot, grid, db, seminar, members) -> None:
    viewport = grid.view.viewport()
    start = cell(grid, members["Aas"], FIRST_DAY_COLUMN)
    end = cell(grid, members["Ødegård"], FIRST_DAY_COLUMN)
    qtbot.mousePress(viewport, LEFT, pos=centre(grid, start))
    qtbot.mouseMove(viewport, pos=centre(grid, end))
    qtbot.mouseRelease(viewport, LEFT, pos=centre(grid, end))
    assert all(attendance_of(db, day) == {} for day in day_ids(db, seminar))
    assert len(grid.view.selectionModel().selectedIndexes()) == 3
    # A key sets the whole range at once, as one step, and the cursor stays.
    qtbot.keyClick(grid.view, Key.Key_M)
    saturday = day_ids(db, seminar)[0]
    assert attendance_of(db, saturday) == {
        members[name]: "present" for name in ("Aas", "Wiśniewski", "Ødegård")
    }
    assert grid.undo_stack.count() == 1
    assert grid.undo_action.text() == "&Undo attendance in 3 cells"


def test_shift_and_the_arrows_select_a_range_for_a_key(qtbot, grid, db, seminar, members):
    """The same ranges from the keyboard alone."""
    qtbot.keyClick(grid.view, Key.Key_Down, SHIFT)
    qtbot.keyClick(grid.view, Key.Key_Down, SHIFT)
    qtbot.keyClick(grid.view, Key.Key_N)
    no = {members[name]: ("no", False) for name in ("Aas", "Wiśniewski", "Ødegård")}
    assert signups_of(db, seminar) == no
    assert grid.undo_stack.count() == 1
    qtbot.keyClick(grid.view, Key.Key_Z, CTRL)
    assert signups_of(db, seminar) == {}
    assert len(grid.view.selectionModel().selectedIndexes()) == 3  # the range, shown again
    # An arrow leaves the range: a key sets one cell and moves down, as it always did.
    qtbot.keyClick(grid.view, Key.Key_Down)
    qtbot.keyClick(grid.view, Key.Key_J)
    assert signups_of(db, seminar) == {members["Wiśniewski"]: ("yes", False)}
    assert names_at(grid) == ("Ødegård, Åsmund", COL_ATTENDING)


# --- the context menu -------------------------------------------------------------------------


def test_a_right_click_offers_the_choices_of_the_cell(
    qtbot, grid, db, seminar, members, menus
) -> None:
    aas = members["Aas"]
    right_click(qtbot, grid, cell(grid, aas, COL_ATTENDING))
    assert choices(menus[-1]) == [
        "Yes\tJ",
        "No\tN",
        "Not answered\tDel",
        "Edit note…",
    ]
    assert menus[-1].actions()[0].text() == "Ingrid Aas – Attending"  # its heading
    choose(menus[-1], "No\tN")
    assert signups_of(db, seminar) == {aas: ("no", False)}

    saturday, _ = day_ids(db, seminar)
    day = cell(grid, aas, FIRST_DAY_COLUMN)
    right_click(qtbot, grid, day)
    assert choices(menus[-1])[:4] == [
        "Present\tM",
        "Absent\tF",
        "Excused\tG",
        "Not recorded\tDel",
    ]
    choose(menus[-1], "Excused\tG")
    assert attendance_of(db, saturday) == {aas: "excused"}
    right_click(qtbot, grid, day)
    checked = [a.text() for a in menus[-1].actions() if a.isChecked()]
    assert checked == ["Excused\tG"]  # the cell's value is ticked
    # The menu offers the undo by its name too.
    assert "&Undo attendance of Ingrid Aas on Sat 08.02.2014" in choices(menus[-1])


def test_the_real_menu_opens_and_a_choice_is_saved(qtbot, grid, db, seminar, members) -> None:
    """With the menu's own event loop: the choice is made while it is open."""
    saturday, _ = day_ids(db, seminar)
    picked = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        (absent,) = [a for a in menu.actions() if a.text() == "Absent\tF"]
        picked.append(absent.text())
        menu.setActiveAction(absent)
        qtbot.keyClick(menu, Key.Key_Return)

    QTimer.singleShot(0, pick)
    right_click(qtbot, grid, cell(grid, members["Wiśniewski"], FIRST_DAY_COLUMN))
    assert picked == ["Absent\tF"]
    assert attendance_of(db, saturday) == {members["Wiśniewski"]: "absent"}


def test_the_menu_key_opens_the_menu_at_the_cursor(qtbot, grid, db, seminar, members, menus):
    qtbot.keyClick(grid.view, Key.Key_Right)  # to the lunch of Aas
    at = grid.view.visualRect(grid.view.currentIndex()).center()
    QApplication.sendEvent(
        grid.view,
        QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, grid.view.mapToGlobal(at)),
    )
    assert choices(menus[-1])[:2] == ["Lunch\tL", "No lunch\tL"]
    choose(menus[-1], "Lunch\tL")
    assert signups_of(db, seminar) == {members["Aas"]: ("unknown", True)}


def test_shift_click_a_range_and_set_it_in_one_step(
    qtbot, grid, db, seminar, members, menus
) -> None:
    saturday, sunday = day_ids(db, seminar)
    record_before = attendance_of(db, saturday)
    grid.view.setCurrentIndex(cell(grid, members["Aas"], FIRST_DAY_COLUMN))
    last = cell(grid, members["Nguyễn"], FIRST_DAY_COLUMN + 1)
    click(qtbot, grid, last, SHIFT)
    assert all(attendance_of(db, day) == {} for day in (saturday, sunday))  # only selected
    right_click(qtbot, grid, last)
    assert menus[-1].actions()[0].text() == "8 cells selected"  # 4 persons, 2 days
    choose(menus[-1], "Present\tM")
    everyone = {pid: "present" for pid in members.values() if pid != members["Berg-Hansen"]}
    assert attendance_of(db, saturday) == everyone
    assert attendance_of(db, sunday) == everyone
    assert grid.day_counts[1].text() == "4 present · 0 absent · 0 excused · 0 not recorded"
    assert grid.undo_stack.count() == 1
    assert grid.undo_action.text() == "&Undo attendance in 8 cells"

    qtbot.keyClick(grid.view, Key.Key_Z, CTRL)  # the whole range, in one step
    assert attendance_of(db, saturday) == record_before == {}
    assert attendance_of(db, sunday) == {}
    assert len(grid.view.selectionModel().selectedIndexes()) == 8  # shown where it was
    qtbot.keyClick(grid.view, Key.Key_Z, CTRL | SHIFT)
    assert attendance_of(db, saturday) == everyone
    assert attendance_of(db, sunday) == everyone


def test_a_range_of_answers_and_of_lunch(qtbot, grid, db, seminar, members, menus) -> None:
    set_signup(db, seminar, members["Wiśniewski"], attending="no", note="Syk")
    grid.model.reload()
    grid.view.setCurrentIndex(cell(grid, members["Aas"], COL_ATTENDING))
    click(qtbot, grid, cell(grid, members["Ødegård"], COL_LUNCH), SHIFT)
    right_click(qtbot, grid, cell(grid, members["Aas"], COL_ATTENDING))
    assert menus[-1].actions()[0].text() == "3 cells selected"  # the answers of the range
    choose(menus[-1], "Yes\tJ")
    right_click(qtbot, grid, cell(grid, members["Wiśniewski"], COL_LUNCH))
    choose(menus[-1], "Lunch\tL")
    expected = {pid: ("yes", True) for pid in (members["Aas"], members["Ødegård"])}
    assert signups_of(db, seminar) == {**expected, members["Wiśniewski"]: ("yes", True)}
    assert grid.undo_action.text() == "&Undo lunch of 3 persons"
    grid.undo_action.trigger()
    grid.undo_action.trigger()
    # The no (and its note) back; no rows for those who had not answered.
    assert signups_of(db, seminar) == {members["Wiśniewski"]: ("no", False)}


def test_a_range_another_user_changed_meanwhile_is_not_saved(
    qtbot, grid, db, seminar, members, menus
) -> None:
    saturday, _ = day_ids(db, seminar)
    grid.view.setCurrentIndex(cell(grid, members["Aas"], FIRST_DAY_COLUMN))
    click(qtbot, grid, cell(grid, members["Ødegård"], FIRST_DAY_COLUMN), SHIFT)
    from vrus.attendance import record_attendance

    record_attendance(db, saturday, members["Wiśniewski"], "excused")  # not yet in the grid
    right_click(qtbot, grid, cell(grid, members["Aas"], FIRST_DAY_COLUMN))
    choose(menus[-1], "Present\tM")
    assert attendance_of(db, saturday) == {members["Wiśniewski"]: "excused"}
    assert grid.message.text().startswith("Not saved:")
    assert cell(grid, members["Wiśniewski"], FIRST_DAY_COLUMN).data() == "Excused"
    assert grid.undo_stack.count() == 0


def test_sign_ups_are_not_changed_by_the_attendance_role(qtbot, db, seminar, members) -> None:
    from vrus.ui.common.changes import RegisterChanges
    from vrus.ui.events.events_page import EventsPage

    page = EventsPage(
        db, RegisterChanges(), title="Events", today=lambda: SATURDAY, edit_events=False
    )
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    grid = open_grid(qtbot, page, seminar)
    shown: list[QMenu] = []
    grid.mouse.run_menu = lambda menu, _at: shown.append(menu)
    click(qtbot, grid, cell(grid, members["Aas"], COL_ATTENDING))
    assert signups_of(db, seminar) == {}
    assert "coordinator's" in grid.message.text()
    right_click(qtbot, grid, cell(grid, members["Aas"], COL_ATTENDING))
    assert choices(shown[-1]) == []  # the choices are there, but not to be chosen
    click(qtbot, grid, cell(grid, members["Aas"], FIRST_DAY_COLUMN))
    assert attendance_of(db, day_ids(db, seminar)[0]) == {members["Aas"]: "present"}


# --- notes ---------------------------------------------------------------------------------


def note_editor(grid) -> QLineEdit:
    (editor,) = [
        editor
        for editor in grid.view.viewport().findChildren(QLineEdit, "gridNoteEditor")
        if editor.isVisible()
    ]
    return editor


def test_a_double_click_edits_the_note(qtbot, grid, db, seminar, members) -> None:
    set_signup(db, seminar, members["Aas"], attending="yes", note="Kommer 11")
    grid.model.reload()
    note = cell(grid, members["Aas"], grid.model.note_column)
    click(qtbot, grid, note)
    qtbot.mouseDClick(grid.view.viewport(), LEFT, pos=centre(grid, note))
    editor = note_editor(grid)
    assert editor.text() == "Kommer 11"
    editor.selectAll()
    qtbot.keyClicks(editor, "Kommer 12, henter 16")
    qtbot.keyClick(editor, Key.Key_Return)  # Qt commits it from the event loop
    qtbot.waitUntil(lambda: note.data() == "Kommer 12, henter 16")
    with db.sessions() as session:
        assert session.scalars(select(SignUp.note)).one() == "Kommer 12, henter 16"
    assert grid.undo_action.text() == "&Undo note of Ingrid Aas"
    qtbot.waitUntil(grid.view.hasFocus)
    qtbot.keyClick(grid.view, Key.Key_Z, CTRL)
    with db.sessions() as session:
        assert session.scalars(select(SignUp.note)).one() == "Kommer 11"
    assert signups_of(db, seminar) == {members["Aas"]: ("yes", False)}


def test_edit_note_from_the_menu_and_escape_drops_it(
    qtbot, grid, db, seminar, members, menus
) -> None:
    right_click(qtbot, grid, cell(grid, members["Nguyễn"], FIRST_DAY_COLUMN))
    choose(menus[-1], "Edit note…")
    editor = note_editor(grid)
    qtbot.keyClicks(editor, "Allergisk mot nøtter")
    qtbot.keyClick(editor, Key.Key_Escape)
    assert signups_of(db, seminar) == {}
    assert grid.isVisible() and grid.parent().currentWidget() is grid  # still in the grid
    right_click(qtbot, grid, cell(grid, members["Nguyễn"], COL_NAME))
    choose(menus[-1], "Edit note…")
    qtbot.keyClicks(note_editor(grid), "Kommer 11")
    qtbot.keyClick(note_editor(grid), Key.Key_Return)
    qtbot.waitUntil(lambda: signups_of(db, seminar) != {})
    with db.sessions() as session:
        assert session.scalars(select(SignUp.note)).one() == "Kommer 11"
    grid.undo_action.trigger()
    assert signups_of(db, seminar) == {}  # no answer, no note: no row, as before


# --- the bulk actions undo and redo exactly -------------------------------------------------


def register_rows(db) -> tuple[list, list, list]:
    """The register's sign-ups and attendance as exported, and the days a yes skips."""
    with db.sessions() as session:
        skipped = sorted(
            (signup.event_id, signup.person_id, absence.event_day_id)
            for signup, absence in session.execute(
                select(SignUp, SignUpAbsence).join(
                    SignUpAbsence, SignUpAbsence.signup_id == SignUp.id
                )
            )
        )
        return signup_sheet(session).rows, attendance_sheet(session).rows, skipped


DEMO_DAY = dt.date(2026, 12, 2)


@pytest.fixture
def demo_grid(qtbot, db):
    """The demo register's next seminar (05.12.2026): answers given and missing, a no or
    two, a yes who skips a day, and a previous seminar to copy from. The demo as it is on
    02.12.2026, whatever day the tests run (its answers depend on the day it is made)."""
    load_demo(db, today=DEMO_DAY)
    with db.sessions() as session:
        (event_id,) = session.scalars(
            select(Event.id)
            .join(EventDay, EventDay.event_id == Event.id)
            .where(Event.kind == "seminar", EventDay.date == dt.date(2026, 12, 5))
        ).all()
        # A yes who skips the Sunday: undoing must not lose it.
        signup = session.scalars(
            select(SignUp).where(SignUp.event_id == event_id, SignUp.attending == "yes")
        ).first()
        sunday = session.scalars(
            select(EventDay.id).where(
                EventDay.event_id == event_id, EventDay.date == dt.date(2026, 12, 6)
            )
        ).one()
    with db.transaction() as session:
        skipping = session.get(SignUp, signup.id)
        skipping.absences.append(SignUpAbsence(event_day_id=sunday))
        # Some have no sign-up row at all: undoing must not leave one behind.
        for unanswered in session.scalars(
            select(SignUp).where(SignUp.event_id == event_id, SignUp.attending == "unknown")
        ).all()[:4]:
            session.delete(unanswered)
    return open_grid(qtbot, build_page(qtbot, db, DEMO_DAY), event_id)


@pytest.mark.parametrize("button", ["all_yes_button", "copy_button", "present_buttons"])
def test_a_bulk_action_undoes_and_redoes_exactly(qtbot, db, demo_grid, button) -> None:
    grid = demo_grid
    before = register_rows(db)
    widget = getattr(grid, button)
    qtbot.mouseClick(widget[0] if isinstance(widget, list) else widget, LEFT)
    after = register_rows(db)
    assert after != before  # it did something
    assert grid.undo_stack.count() == 1
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Key.Key_Z, CTRL)
    assert register_rows(db) == before
    # The cursor on the first row it changed, not all of them selected for the next key.
    assert len(grid.view.selectionModel().selectedIndexes()) == 1
    qtbot.keyClick(grid.view, Key.Key_Z, CTRL | SHIFT)
    assert register_rows(db) == after
    qtbot.keyClick(grid.view, Key.Key_Z, CTRL)
    assert register_rows(db) == before


def test_a_bulk_action_is_undone_in_one_transaction(qtbot, db, demo_grid, monkeypatch) -> None:
    grid = demo_grid
    before = register_rows(db)
    qtbot.mouseClick(grid.all_yes_button, LEFT)
    assert grid.undo_action.text() == "&Undo all yes"
    changes = grid.undo_stack.command(0).changes
    assert len(changes) > 10
    transactions = []
    real = type(db).transaction

    def counted(self):
        transactions.append(1)
        return real(self)

    monkeypatch.setattr(type(db), "transaction", counted)
    grid.undo_action.trigger()
    monkeypatch.undo()
    assert len(transactions) == 1
    assert register_rows(db) == before


# --- words for the colours --------------------------------------------------------------------


def test_the_cells_say_their_meaning_in_words(qtbot, grid, db, seminar, members) -> None:
    saturday, sunday = day_ids(db, seminar)
    set_signup(db, seminar, members["Aas"], attending="yes", wants_lunch=True)
    from vrus.attendance import record_attendance

    record_attendance(db, saturday, members["Aas"], "present")
    record_attendance(db, sunday, members["Aas"], "excused")
    record_attendance(db, saturday, members["Nguyễn"], "present")  # came without a yes
    grid.model.reload()
    aas, nguyen = members["Aas"], members["Nguyễn"]
    assert cell(grid, aas, FIRST_DAY_COLUMN).data(TEXT) == (
        "Ingrid Aas, Saturday 08.02.2014: present"
    )
    assert cell(grid, aas, FIRST_DAY_COLUMN + 1).data(TEXT) == (
        "Ingrid Aas, Sunday 09.02.2014: excused"
    )
    assert cell(grid, nguyen, FIRST_DAY_COLUMN).data(TEXT) == (
        "Zoë Nguyễn, Saturday 08.02.2014: present; came without signing up"
    )
    # The unannounced mark (an icon) has its words too.
    assert (
        cell(grid, nguyen, FIRST_DAY_COLUMN).data(DESCRIPTION).startswith("Came without signing up")
    )
    assert cell(grid, nguyen, COL_NAME).data(TEXT) == "Zoë Nguyễn; Came without signing up"
    assert cell(grid, nguyen, FIRST_DAY_COLUMN + 1).data(TEXT).endswith(": not recorded")
    assert cell(grid, aas, COL_ATTENDING).data(TEXT) == "Ingrid Aas, attending: yes"
    assert cell(grid, nguyen, COL_ATTENDING).data(TEXT) == "Zoë Nguyễn, attending: not answered"
    assert cell(grid, aas, COL_LUNCH).data(TEXT) == "Ingrid Aas, lunch: yes"
    assert cell(grid, nguyen, COL_LUNCH).data(TEXT) == "Zoë Nguyễn, lunch: no"
    assert cell(grid, aas, COL_INSTRUMENT).data(TEXT) == "Ingrid Aas, instrument: Violin"
    assert "click" in cell(grid, aas, COL_ATTENDING).data(DESCRIPTION)


def test_a_screen_reader_is_told_the_status(qtbot, grid, db, seminar, members) -> None:
    """Through Qt's accessibility layer, as a screen reader asks for it."""
    saturday, _ = day_ids(db, seminar)
    click(qtbot, grid, cell(grid, members["Nguyễn"], FIRST_DAY_COLUMN))  # present, unannounced
    assert attendance_of(db, saturday) == {members["Nguyễn"]: "present"}
    QAccessible.setActive(True)
    try:
        table = QAccessible.queryAccessibleInterface(grid.view)
        cells = [table.child(number) for number in range(table.childCount())]
        told = {
            c.text(QAccessible.Text.Name): c.text(QAccessible.Text.Description)
            for c in cells
            if c is not None and c.role() == QAccessible.Role.Cell
        }
    finally:
        QAccessible.setActive(False)
    name = "Zoë Nguyễn, Saturday 08.02.2014: present; came without signing up"
    assert told[name].startswith("Came without signing up (no yes on the sign-up).")
    assert "Ingrid Aas, Saturday 08.02.2014: not recorded" in told
