"""The sign-up and attendance grid, driven with the keyboard: every key saves at once, the
cursor moves down, the counts follow, and Ctrl+Z undoes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.ui.events_support import (
    add_orchestra,
    attendance_of,
    build_page,
    day_ids,
    ensemble_id,
    signups_of,
)
from vrus.events import create_event
from vrus.signups import set_signup
from vrus.ui.events.signup_grid_model import (
    COL_ATTENDING,
    COL_LUNCH,
    COL_NAME,
    FIRST_DAY_COLUMN,
    PERSON_ID_ROLE,
    UNANNOUNCED_ROLE,
    SignupGridModel,
)

SATURDAY = dt.date(2014, 2, 8)
Key = Qt.Key


@pytest.fixture
def page(qtbot, db):
    return build_page(qtbot, db)


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


@pytest.fixture
def grid(qtbot, page, seminar):
    page.refresh()
    page.select_event(seminar)
    page.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.grid)
    qtbot.waitUntil(page.grid.view.hasFocus)
    return page.grid


def names(grid) -> list[str | None]:
    model = grid.model
    return [
        model.index(row, COL_NAME).data() if not model.is_heading(row) else None
        for row in range(model.rowCount())
    ]


def at(grid) -> tuple[str, int]:
    index = grid.view.currentIndex()
    return grid.model.index(index.row(), COL_NAME).data(), index.column()


def press(qtbot, grid, *keys: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    for key in keys:
        qtbot.keyClick(grid.view, key, modifier)


def test_rows_are_grouped_by_ensemble_and_section_in_norwegian_order(grid) -> None:
    assert names(grid) == [
        None,
        "Aas, Ingrid",
        "Wiśniewski, Łukasz",
        "Ødegård, Åsmund",
        None,
        "Nguyễn, Zoë",
    ]
    headings = [grid.model.index(row, COL_NAME).data() for row in grid.model.heading_rows()]
    assert headings == ["Ungdomssymfonikerne – Strings", "Ungdomssymfonikerne – Woodwind"]
    # The juniors are not invited; the grid starts on the first answer.
    assert at(grid) == ("Aas, Ingrid", COL_ATTENDING)
    assert grid.model.headerData(FIRST_DAY_COLUMN, Qt.Orientation.Horizontal) == ("Sat 08.02.2014")


def test_sign_up_with_the_keyboard(qtbot, grid, db, seminar, members) -> None:
    press(qtbot, grid, Key.Key_J)
    assert signups_of(db, seminar) == {members["Aas"]: ("yes", False)}
    assert at(grid) == ("Wiśniewski, Łukasz", COL_ATTENDING)

    press(qtbot, grid, Key.Key_N)
    assert signups_of(db, seminar)[members["Wiśniewski"]] == ("no", False)
    press(qtbot, grid, Key.Key_J)  # Ødegård; the cursor passes the woodwind heading
    assert at(grid) == ("Nguyễn, Zoë", COL_ATTENDING)
    press(qtbot, grid, Key.Key_Delete)  # not answered: nothing to save
    assert members["Nguyễn"] not in signups_of(db, seminar)

    # Up over the heading, right to lunch, L switches it on.
    press(qtbot, grid, Key.Key_Up)
    assert at(grid) == ("Ødegård, Åsmund", COL_ATTENDING)
    press(qtbot, grid, Key.Key_Right, Key.Key_L)
    assert signups_of(db, seminar)[members["Ødegård"]] == ("yes", True)
    assert grid.signup_counts.text() == "2 yes · 1 no · 1 not answered · 1 with lunch"

    # A second thought: Delete clears the answer again.
    press(qtbot, grid, Key.Key_Up, Key.Key_Up, Key.Key_Left, Key.Key_Delete)
    assert signups_of(db, seminar)[members["Wiśniewski"]] == ("unknown", False)
    assert grid.signup_counts.text() == "2 yes · 0 no · 2 not answered · 1 with lunch"


def test_record_attendance_with_the_keyboard(qtbot, grid, db, seminar, members) -> None:
    saturday, sunday = day_ids(db, seminar)
    set_signup(db, seminar, members["Aas"], attending="yes")
    grid.model.reload()
    press(qtbot, grid, Key.Key_Right, Key.Key_Right)
    assert at(grid) == ("Aas, Ingrid", FIRST_DAY_COLUMN)
    assert grid.day_counts[0].text() == ("0 present · 0 absent · 0 excused · 4 not recorded")

    press(qtbot, grid, Key.Key_M)
    assert attendance_of(db, saturday) == {members["Aas"]: "present"}
    assert grid.day_counts[0].text() == "1 present · 0 absent · 0 excused · 3 not recorded"
    press(qtbot, grid, Key.Key_F)
    press(qtbot, grid, Key.Key_G)
    assert attendance_of(db, saturday) == {
        members["Aas"]: "present",
        members["Wiśniewski"]: "absent",
        members["Ødegård"]: "excused",
    }
    assert at(grid) == ("Nguyễn, Zoë", FIRST_DAY_COLUMN)
    assert grid.day_counts[0].text() == "1 present · 1 absent · 1 excused · 1 not recorded"

    # Nguyễn did not sign up but came: saved, and marked as unannounced.
    press(qtbot, grid, Key.Key_M)
    assert attendance_of(db, saturday)[members["Nguyễn"]] == "present"
    row = grid.model.row_of(members["Nguyễn"])
    assert grid.model.index(row, FIRST_DAY_COLUMN).data(UNANNOUNCED_ROLE) is True
    assert grid.model.index(row, COL_NAME).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "without signing up" in grid.model.index(row, COL_NAME).data(Qt.ItemDataRole.ToolTipRole)
    aas = grid.model.row_of(members["Aas"])
    assert grid.model.index(aas, FIRST_DAY_COLUMN).data(UNANNOUNCED_ROLE) is False

    # Sunday: arrows to the first row of the next column; Delete clears again.
    press(qtbot, grid, Key.Key_Right, Key.Key_Up, Key.Key_Up, Key.Key_Up)
    assert at(grid) == ("Aas, Ingrid", FIRST_DAY_COLUMN + 1)
    press(qtbot, grid, Key.Key_E, Key.Key_Up, Key.Key_Delete)
    assert attendance_of(db, sunday) == {}
    assert grid.day_counts[1].text() == "0 present · 0 absent · 0 excused · 4 not recorded"
    assert grid.day_counts[0].text() == "2 present · 1 absent · 1 excused · 0 not recorded"


def test_keys_outside_their_column_change_nothing(qtbot, grid, db, seminar) -> None:
    press(qtbot, grid, Key.Key_M, Key.Key_L)  # attending column: not a status key
    press(qtbot, grid, Key.Key_Right, Key.Key_Right, Key.Key_J)  # a day: not an answer key
    assert signups_of(db, seminar) == {}
    assert all(attendance_of(db, day) == {} for day in day_ids(db, seminar))
    assert at(grid) == ("Aas, Ingrid", FIRST_DAY_COLUMN)


def test_ctrl_z_undoes_the_last_change_and_ctrl_shift_z_redoes(
    qtbot, grid, db, seminar, members
) -> None:
    saturday, _ = day_ids(db, seminar)
    press(qtbot, grid, Key.Key_J)
    press(qtbot, grid, Key.Key_Up, Key.Key_Right, Key.Key_Right, Key.Key_M, Key.Key_M)
    assert attendance_of(db, saturday) == {
        members["Aas"]: "present",
        members["Wiśniewski"]: "present",
    }
    ctrl = Qt.KeyboardModifier.ControlModifier
    press(qtbot, grid, Key.Key_Z, modifier=ctrl)
    assert attendance_of(db, saturday) == {members["Aas"]: "present"}
    assert at(grid) == ("Wiśniewski, Łukasz", FIRST_DAY_COLUMN)  # the cursor goes there
    assert grid.day_counts[0].text() == "1 present · 0 absent · 0 excused · 3 not recorded"
    press(qtbot, grid, Key.Key_Z, Key.Key_Z, modifier=ctrl)
    assert attendance_of(db, saturday) == {}
    # Not answered before, so no sign-up row after the undo either: the register as it was.
    assert members["Aas"] not in signups_of(db, seminar)
    assert grid.signup_counts.text().startswith("0 yes")
    press(qtbot, grid, Key.Key_Z, modifier=ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert signups_of(db, seminar)[members["Aas"]] == ("yes", False)


def test_all_yes_keeps_a_no_and_can_be_undone(qtbot, grid, db, seminar, members) -> None:
    set_signup(db, seminar, members["Wiśniewski"], attending="no")
    grid.model.reload()
    qtbot.mouseClick(grid.all_yes_button, Qt.MouseButton.LeftButton)
    assert signups_of(db, seminar) == {
        members["Aas"]: ("yes", True),
        members["Wiśniewski"]: ("no", False),
        members["Ødegård"]: ("yes", True),
        members["Nguyễn"]: ("yes", True),
    }
    assert grid.signup_counts.text() == "3 yes · 1 no · 0 not answered · 3 with lunch"
    assert grid.message.text() == "3 answers set to yes."
    grid.view.setFocus()
    press(qtbot, grid, Key.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    assert {
        pid: answer for pid, (answer, _) in signups_of(db, seminar).items() if answer != "unknown"
    } == {members["Wiśniewski"]: "no"}


def test_all_signed_up_present_for_one_day(qtbot, grid, db, seminar, members) -> None:
    saturday, sunday = day_ids(db, seminar)
    for name in ("Aas", "Ødegård"):
        set_signup(db, seminar, members[name], attending="yes")
    grid.model.reload()
    qtbot.mouseClick(grid.present_buttons[1], Qt.MouseButton.LeftButton)
    assert attendance_of(db, sunday) == {members["Aas"]: "present", members["Ødegård"]: "present"}
    assert attendance_of(db, saturday) == {}
    assert grid.day_counts[1].text() == "2 present · 0 absent · 0 excused · 2 not recorded"
    grid.undo_action.trigger()
    assert attendance_of(db, sunday) == {}


def test_copy_from_the_previous_seminar(qtbot, grid, db, seminar, members) -> None:
    earlier = create_event(
        db,
        kind="seminar",
        title="Helgeseminar 0",
        start=dt.date(2014, 1, 18),
        days=2,
        ensemble_ids=[ensemble_id(db, "ungdom")],
    )
    set_signup(db, earlier, members["Aas"], attending="yes", wants_lunch=True)
    set_signup(db, earlier, members["Nguyễn"], attending="no")
    qtbot.mouseClick(grid.copy_button, Qt.MouseButton.LeftButton)
    assert signups_of(db, seminar) == {
        members["Aas"]: ("yes", True),
        members["Nguyễn"]: ("no", False),
    }
    assert grid.message.text() == "2 answers copied from the previous event."


def test_copy_without_an_earlier_seminar_says_so(qtbot, grid, db, seminar) -> None:
    qtbot.mouseClick(grid.copy_button, Qt.MouseButton.LeftButton)
    assert "no earlier event" in grid.message.text()
    assert signups_of(db, seminar) == {}


def test_escape_goes_back_to_the_list_with_the_turnout(
    qtbot, grid, page, db, seminar, members
) -> None:
    press(qtbot, grid, Key.Key_Right, Key.Key_Right, Key.Key_M, Key.Key_M)
    press(qtbot, grid, Key.Key_Escape)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.list_page)
    assert page.selected_event_id() == seminar
    # Turnout counts days up to today; the page's today is in November 2014.
    assert page.selected_summary().turnout == 2


def test_grid_model(qtmodeltester, db, seminar, members) -> None:
    set_signup(db, seminar, members["Aas"], attending="yes", wants_lunch=True, note="Kommer 11")
    model = SignupGridModel(db)
    model.load(seminar)
    qtmodeltester.check(model)
    row = model.row_of(members["Aas"])
    assert model.index(row, COL_LUNCH).data() == "Yes"
    assert model.index(row, model.note_column).data() == "Kommer 11"
    assert model.index(row, COL_NAME).data(PERSON_ID_ROLE) == members["Aas"]
    assert not model.flags(model.index(0, COL_NAME)) & Qt.ItemFlag.ItemIsEnabled


def test_a_day_a_signed_up_person_skips_says_so(qtbot, page, db, seminar, members) -> None:
    from vrus.db.models import SignUp, SignUpAbsence

    set_signup(db, seminar, members["Aas"], attending="yes", wants_lunch=True)
    sunday = day_ids(db, seminar)[1]
    with db.transaction() as session:
        signup = session.query(SignUp).filter_by(person_id=members["Aas"]).one()
        signup.absences.append(SignUpAbsence(event_day_id=sunday))
    page.refresh()
    page.select_event(seminar)
    page.open_grid()
    model = page.grid.model
    row = next(
        r for r in range(model.rowCount()) if model.index(r, COL_NAME).data() == "Aas, Ingrid"
    )
    saturday_cell = model.index(row, FIRST_DAY_COLUMN)
    sunday_cell = model.index(row, FIRST_DAY_COLUMN + 1)
    assert sunday_cell.data() == "not coming"
    assert "will not come this day" in sunday_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert saturday_cell.data() != "not coming"
