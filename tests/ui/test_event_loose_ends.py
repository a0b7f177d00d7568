"""Loose ends of the window, closed: instruments named in the window's language, a seminar on a
weekday asked about before it is saved, staff put on the days chosen, the built-in 2014
course rule removed and restored, and staff and duty changes undone and redone (each one
step, named in the Edit menu) leaving the register exactly as it was."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from tests.ui.driving import answer_question, click, focus, shown_settings_page
from tests.ui.events_support import add_orchestra, build_page, ensemble_id
from tests.ui.lunch_support import DEMO_TODAY, build_lunch_page, load_demo_season
from vrus.db.engine import Database
from vrus.db.models import Base, Event, Setting
from vrus.duties import guardian_choices
from vrus.events import add_staff_member, assign_staff, create_event, event_staff
from vrus.exporting import export
from vrus.ui import i18n
from vrus.ui.common.labels import instrument_name, window_in_english
from vrus.ui.events.event_staff_panel import chosen_day, day_data
from vrus.ui.events.signup_grid_model import COL_INSTRUMENT as GRID_INSTRUMENT
from vrus.ui.lunch.lunch_models import D_LUNCH, ID_ROLE
from vrus.ui.members.members_model import COL_INSTRUMENT

D, T = dt.date, dt.time
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
SATURDAY, SUNDAY = D(2014, 2, 8), D(2014, 2, 9)
NOT_CONTENT = {"audit_entries", "register_changes", "presence"}  # the register's bookkeeping


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the bookkeeping, without the version counters."""
    found = {}
    with db.sessions() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_CONTENT:
                continue
            columns = [c for c in table.columns if c.name != "version"]
            found[table.name] = sorted(
                (tuple(row) for row in session.execute(select(*columns))), key=repr
            )
    return found


def without_seasons(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    return {table: found for table, found in rows.items() if table != "seasons"}


def events_export(db: Database, tmp_path, name: str) -> bytes:
    return export(db, "events", tmp_path / f"{name}.csv").path.read_bytes()


@pytest.fixture
def page(qtbot, db):
    return build_page(qtbot, db)


@pytest.fixture
def conductor(db) -> int:
    return add_staff_member(db, "Sverre", "Kvamme-Lund", "conductor")


def open_new(qtbot, page):
    page.activateWindow()
    focus(qtbot, page.table)
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    return page.editor


def open_existing(qtbot, page, event_id: int):
    page.refresh()
    page.select_event(event_id)
    click(qtbot, page.edit_button)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    return page.editor


def save(qtbot, editor) -> None:
    click(qtbot, editor.buttons.button(QDialogButtonBox.StandardButton.Save))


def choose(combo, day: dt.date | None) -> None:
    """Choose ``day`` in a staff day list as the user does (the choice is "activated")."""
    index = combo.findData(day_data(day))
    assert index >= 0, day
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def staff_days(db, event_id: int) -> list[tuple[str, dt.date | None]]:
    with db.sessions() as session:
        return [(s.last_name, s.day) for s in event_staff(session, event_id)]


def undo_key(qtbot, widget, redo: bool = False) -> None:
    focus(qtbot, widget)
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL_SHIFT if redo else CTRL)


# --- Instruments in the window's language ---------------------------------------------------


def shown_instruments(page) -> set[str]:
    model = page.model
    return {model.index(row, COL_INSTRUMENT).data() for row in range(model.rowCount())} - {""}


def test_the_english_window_names_instruments_in_english(members_window) -> None:
    page = members_window.members_page
    assert window_in_english()
    shown = shown_instruments(page)
    assert {"Violin", "Viola", "Cello"} <= shown
    assert not shown & {"Fiolin", "Bratsj"}
    filter_items = {
        page.filters.instrument.itemText(i).strip() for i in range(page.filters.instrument.count())
    }
    assert {"Violin", "Double bass", "French horn"} <= filter_items
    assert "Fiolin" not in filter_items


def test_the_bokmal_window_names_them_in_bokmal(qapp, make_window, register) -> None:
    from tests.ui.helpers import TODAY

    locale = QLocale()
    translators = i18n.install_translators(qapp, "nb")
    try:
        window = make_window(today=TODAY)
        assert not window_in_english()
        shown = shown_instruments(window.members_page)
        assert {"Fiolin", "Bratsj", "Cello"} <= shown
        assert "Violin" not in shown
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
    assert window_in_english()


class _LanguageOnly(QTranslator):
    """A translation that gives the language's name and nothing else."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001
        return "Norsk bokmål" if (context, source) == ("Labels", "English") else ""

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def test_the_name_follows_the_translator_installed(qapp, page) -> None:
    # The Events page noted the register's instruments when it was built.
    assert instrument_name("Fiolin") == "Violin"
    assert instrument_name("Kontrabass") == "Double bass"
    assert instrument_name("Ukjent") == "Ukjent"  # not an instrument of the register: as it is
    assert instrument_name(None) == ""
    translator = _LanguageOnly(qapp)
    qapp.installTranslator(translator)
    try:
        assert not window_in_english()
        assert instrument_name("Fiolin") == "Fiolin"
    finally:
        qapp.removeTranslator(translator)
    assert instrument_name("Fiolin") == "Violin"


def test_the_grid_names_instruments_in_english(qtbot, db, page) -> None:
    add_orchestra(db)
    seminar = create_event(
        db,
        kind="seminar",
        title="Helgeseminar 1",
        start=SATURDAY,
        days=2,
        ensemble_ids=[ensemble_id(db, "ungdom"), ensemble_id(db, "junior")],
    )
    page.refresh()
    page.select_event(seminar)
    page.open_grid()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.grid)
    model = page.grid.model
    shown = {model.index(row, GRID_INSTRUMENT).data() for row in range(model.rowCount())}
    assert {"Violin", "Cello", "Flute"} <= shown
    assert not shown & {"Fiolin", "Fløyte"}


# --- The weekday question ----------------------------------------------------------------------


def test_a_seminar_on_a_weekday_is_asked_about_before_it_is_saved(qtbot, db, page) -> None:
    editor = open_new(qtbot, page)
    qtbot.keyClicks(editor.title, "Samspill")
    date = editor.days.date_edits()[0]
    qtbot.keyClicks(date, "06.03.2014")
    save(qtbot, editor)
    box = editor.question
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "Thursday 06.03.2014 is not a weekend day. Save anyway?"
    no = box.button(QMessageBox.StandardButton.No)
    assert box.defaultButton() is no
    page.grab().save("/tmp/weekday-question-page.png")
    box.grab().save("/tmp/weekday-question.png")
    click(qtbot, no)
    qtbot.waitUntil(lambda: editor.question is None)
    assert editor.isVisible()
    qtbot.waitUntil(lambda: editor.focusWidget() is date)  # back to the date, to correct it
    with db.sessions() as session:
        assert session.scalars(select(Event)).all() == []

    # Enter takes the default, No, too; Yes saves the seminar as typed.
    save(qtbot, editor)
    qtbot.waitUntil(lambda: editor.question is not None and editor.question.isVisible())
    qtbot.keyClick(editor.question, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.question is None)
    assert editor.isVisible()
    save(qtbot, editor)
    qtbot.waitUntil(lambda: editor.question is not None and editor.question.isVisible())
    click(qtbot, editor.question.button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: page.editor is None)
    with db.sessions() as session:
        (event,) = session.scalars(select(Event)).all()
        assert [d.date for d in event.days] == [D(2014, 3, 6)]
        event_id = event.id

    # The day was confirmed once: a later edit of the seminar does not ask again.
    editor = open_existing(qtbot, page, event_id)
    editor.venue.setText("Jar kirke")
    save(qtbot, editor)
    assert editor.question is None
    qtbot.waitUntil(lambda: page.editor is None)
    with db.sessions() as session:
        assert session.get(Event, event_id).venue == "Jar kirke"


def test_a_weekend_seminar_and_a_weekday_concert_are_saved_without_a_question(
    qtbot, db, page
) -> None:
    for kind, title, day in (
        ("seminar", "Helgeseminar", "08.02.2014"),
        ("concert", "Konsert", "06.03.2014"),
    ):
        editor = open_new(qtbot, page)
        editor.kind.setCurrentIndex(editor.kind.findData(kind))
        qtbot.keyClicks(editor.title, title)
        qtbot.keyClicks(editor.days.date_edits()[0], day)
        save(qtbot, editor)
        assert editor.question is None
        qtbot.waitUntil(lambda: page.editor is None)
    with db.sessions() as session:
        assert sorted(e.title for e in session.scalars(select(Event))) == [
            "Helgeseminar",
            "Konsert",
        ]


# --- Staff on the days chosen ------------------------------------------------------------------


def test_staff_are_put_on_the_days_chosen_and_moved_afterwards(qtbot, db, page, conductor) -> None:
    editor = open_new(qtbot, page)
    qtbot.keyClicks(editor.title, "Helgeseminar 1")
    qtbot.keyClicks(editor.days.date_edits()[0], "08.02.2014")
    click(qtbot, editor.days.add_button)  # Sunday follows
    staff = editor.staff
    days = [staff.day.itemText(i) for i in range(staff.day.count())]
    assert days == ["All days", "Sat 08.02.2014", "Sun 09.02.2014"]
    staff.person.setCurrentIndex(staff.person.findData(conductor))
    staff.day.setCurrentIndex(staff.day.findData(day_data(SUNDAY)))
    click(qtbot, staff.add_button)
    # Sunday twice, or All days beside Sunday, is refused with the reason.
    click(qtbot, staff.add_button)
    assert staff.note.isVisibleTo(staff)
    assert staff.note.text() == "Sverre Kvamme-Lund is already on the staff on Sun 09.02.2014."
    staff.day.setCurrentIndex(0)
    assert staff.day.currentText() == "All days"
    click(qtbot, staff.add_button)
    assert staff.note.text() == "Sverre Kvamme-Lund is already on the staff: remove that row first."
    staff.day.setCurrentIndex(staff.day.findData(day_data(SATURDAY)))
    click(qtbot, staff.add_button)
    assert not staff.note.isVisibleTo(staff)
    assert [(row.name, row.day) for row in staff.assignments()] == [
        ("Sverre Kvamme-Lund", SUNDAY),
        ("Sverre Kvamme-Lund", SATURDAY),
    ]
    qtbot.wait(50)  # the new day's fields are laid out
    editor.grab().save("/tmp/event-editor-staff-days.png")
    save(qtbot, editor)
    qtbot.waitUntil(lambda: page.editor is None)
    event_id = page.selected_event_id()
    assert staff_days(db, event_id) == [("Kvamme-Lund", SATURDAY), ("Kvamme-Lund", SUNDAY)]

    # Afterwards: Sunday's row cannot become All days while Saturday's is there.
    editor = open_existing(qtbot, page, event_id)
    staff = editor.staff
    assert [chosen_day(staff.day_combo(r)) for r in range(2)] == [SATURDAY, SUNDAY]
    choose(staff.day_combo(1), None)
    assert chosen_day(staff.day_combo(1)) == SUNDAY
    assert "already on the staff: remove that row first" in staff.note.text()
    staff.table.selectRow(0)
    click(qtbot, staff.remove_button)
    choose(staff.day_combo(0), None)
    assert chosen_day(staff.day_combo(0)) is None
    save(qtbot, editor)
    qtbot.waitUntil(lambda: page.editor is None)
    assert staff_days(db, event_id) == [("Kvamme-Lund", None)]


def test_a_staff_day_the_event_no_longer_has_is_refused_on_saving(
    qtbot, db, page, conductor
) -> None:
    event_id = create_event(db, kind="seminar", title="Helgeseminar", start=SATURDAY, days=2)
    with db.sessions() as session:
        sunday = next(d.id for d in session.get(Event, event_id).days if d.date == SUNDAY)
    assign_staff(db, event_id, conductor, event_day_id=sunday)
    before = dump(db)
    editor = open_existing(qtbot, page, event_id)
    click(qtbot, editor.days._rows[1].remove)  # Sunday goes
    save(qtbot, editor)
    assert editor.isVisible()
    assert editor.error.text() == (
        "Sverre Kvamme-Lund is on the staff on Sun 09.02.2014, which is not a day of the "
        "event: choose another day."
    )
    assert dump(db) == before
    combo = editor.staff.day_combo(0)
    assert combo.currentText() == "Sun 09.02.2014 (not a day of the event)"
    choose(combo, SATURDAY)
    save(qtbot, editor)
    qtbot.waitUntil(lambda: page.editor is None)
    assert staff_days(db, event_id) == [("Kvamme-Lund", SATURDAY)]


# --- The built-in course rule ----------------------------------------------------------------


def course_settings(db) -> dict[str, str]:
    with db.sessions() as session:
        rows = session.execute(
            select(Setting.key, Setting.value).where(Setting.key.startswith("course_grant."))
        )
        return dict(rows.all())


def test_the_built_in_2014_rule_is_removed_after_a_question_and_restored(
    qtbot, db, settings
) -> None:
    page = shown_settings_page(qtbot, db, settings, DEMO_TODAY, "course_rules")
    editor = page.course_rules
    button = editor.built_in_buttons[2014, "min_hours"]
    assert button.text() == "Remove built-in rule…"
    page.grab().save("/tmp/course-rules-built-in.png")
    seen: list[str] = []
    answer_question("Cancel", seen)
    click(qtbot, button)
    assert seen == [
        "Remove the built-in rule for 2014: minimum course hours 8? Courses that end in 2014 "
        "then follow the rule for all years. The built-in rule can be restored."
    ]
    assert course_settings(db) == {}

    answer_question("Remove the rule", seen)
    click(qtbot, button)
    assert course_settings(db) == {"course_grant.built_in_removed.min_hours.2014": "1"}
    (row,) = [r for r in range(editor.years.rowCount()) if editor.years.item(r, 0).text() == "2014"]
    assert editor.years.item(row, 2).text() == "8: removed, the rule for all years applies"
    restore = editor.built_in_buttons[2014, "min_hours"]
    assert restore.text() == "Restore the built-in rule"
    page.grab().save("/tmp/course-rules-removed.png")
    click(qtbot, restore)
    assert course_settings(db) == {}
    assert editor.built_in_buttons[2014, "min_hours"].text() == "Remove built-in rule…"
    assert editor.years.item(row, 2).text() == "8"


# --- Undo of staff changes ---------------------------------------------------------------------


def test_a_new_event_with_staff_is_undone_and_redone(qtbot, db, page, conductor, tmp_path) -> None:
    before, exported = dump(db), events_export(db, tmp_path, "before")
    editor = open_new(qtbot, page)
    qtbot.keyClicks(editor.title, "Helgeseminar 1")
    qtbot.keyClicks(editor.days.date_edits()[0], "08.02.2014")
    editor.staff.person.setCurrentIndex(editor.staff.person.findData(conductor))
    click(qtbot, editor.staff.add_button)
    save(qtbot, editor)
    qtbot.waitUntil(lambda: page.editor is None)
    after, exported_after = dump(db), events_export(db, tmp_path, "after")
    assert after != before
    # The event's season, made for it, stays (outside what the step holds): an empty season.
    assert before.pop("seasons") == []
    assert [row[1] for row in after.pop("seasons")] == ["2014"]
    assert page.undo.undo_action.text() == "&Undo new event 'Helgeseminar 1'"

    undo_key(qtbot, page.table)
    assert without_seasons(dump(db)) == before
    assert events_export(db, tmp_path, "undone") == exported
    assert page.model.rowCount() == 0  # the list follows
    assert page.undo.redo_action.text() == "&Redo new event 'Helgeseminar 1'"
    undo_key(qtbot, page.table, redo=True)
    assert without_seasons(dump(db)) == after
    assert events_export(db, tmp_path, "redone") == exported_after


def test_staff_changes_are_one_named_step(qtbot, db, page, conductor) -> None:
    event_id = create_event(db, kind="seminar", title="Helgeseminar 2", start=SATURDAY, days=2)
    assign_staff(db, event_id, conductor)
    pianist = add_staff_member(db, "Åse", "Ødegård", "instructor", section="other")
    before = dump(db)
    editor = open_existing(qtbot, page, event_id)
    staff = editor.staff
    choose(staff.day_combo(0), SATURDAY)  # the conductor on Saturday only
    staff.person.setCurrentIndex(staff.person.findData(pianist))
    staff.day.setCurrentIndex(staff.day.findData(day_data(SUNDAY)))
    click(qtbot, staff.add_button)
    save(qtbot, editor)
    qtbot.waitUntil(lambda: page.editor is None)
    after = dump(db)
    assert staff_days(db, event_id) == [("Kvamme-Lund", SATURDAY), ("Ødegård", SUNDAY)]
    assert page.undo.undo_action.text() == "&Undo staff of 'Helgeseminar 2'"

    undo_key(qtbot, page.table)
    assert dump(db) == before
    assert staff_days(db, event_id) == [("Kvamme-Lund", None)]
    undo_key(qtbot, page.table, redo=True)
    assert dump(db) == after

    # A cancelled editor with nothing saved adds no step.
    editor = open_existing(qtbot, page, event_id)
    editor.reject()
    qtbot.waitUntil(lambda: page.editor is None)
    assert page.undo.stack.count() == 1


def test_the_edit_menu_shows_the_undo_of_the_page_in_front(qtbot, make_window, db) -> None:
    window = make_window(today=dt.date(2014, 11, 26))
    window.show_section("events")
    page = window.events_page
    editor = open_new(qtbot, page)
    editor.kind.setCurrentIndex(editor.kind.findData("concert"))
    qtbot.keyClicks(editor.title, "Vårkonsert")
    qtbot.keyClicks(editor.days.date_edits()[0], "26.04.2014")
    save(qtbot, editor)
    qtbot.waitUntil(lambda: page.editor is None)
    shown = [a.text() for a in window.edit_menu.actions() if a.isVisible() and not a.isSeparator()]
    assert "&Undo new event 'Vårkonsert'" in shown
    page.undo.undo_action.trigger()  # as chosen in the menu
    with db.sessions() as session:
        assert session.scalars(select(Event)).all() == []
    window.show_section("members")
    assert not page.undo.undo_action.isVisible()
    assert not page.undo.redo_action.isVisible()
    window.show_section("events")
    assert page.undo.redo_action.isVisible()
    assert page.undo.redo_action.text() == "&Redo new event 'Vårkonsert'"


# --- Undo of duty changes ----------------------------------------------------------------------


@pytest.fixture
def lunch_page(qtbot, db) -> Iterator[Any]:
    load_demo_season(db)
    yield build_lunch_page(qtbot, db)


def test_putting_a_parent_on_duty_and_off_again_is_undone(qtbot, db, lunch_page) -> None:
    page = lunch_page
    day = page.day_panels[0].day
    with db.sessions() as session:
        choices = guardian_choices(session, 2026)
    parent = next(c for c in choices if c.id not in {d.guardian_id for d in day.duties})
    before = dump(db)

    click(qtbot, page.day_panels[0].add_button)
    editor = page.editor
    editor.choose_guardian(parent.id)
    click(qtbot, editor.ok_button)
    qtbot.waitUntil(lambda: page.editor is None)
    added = dump(db)
    assert added != before
    name = f"{parent.name} on the roster (Lunch, Sat {day.date:%d.%m.%Y})"
    assert page.undo.undo_action.text() == f"&Undo {name}"
    undo_key(qtbot, page.day_panels[0].duty_table)
    assert dump(db) == before
    assert parent.id not in {d.guardian_id for d in page.day_panels[0].day.duties}
    undo_key(qtbot, page.day_panels[0].duty_table, redo=True)
    assert dump(db) == added

    # Taken off again: undone, the same duty is back.
    panel = page.day_panels[0]
    duty = next(d for d in panel.day.duties if d.guardian_id == parent.id)
    model = panel.duty_table.model()
    (row,) = [r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == duty.duty_id]
    rect = panel.duty_table.visualRect(model.index(row, 0))
    qtbot.mouseClick(panel.duty_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.selected_duty() == duty.duty_id
    click(qtbot, panel.remove_button)
    assert dump(db) != added
    assert page.undo.undo_action.text().startswith(f"&Undo {parent.name} off the roster")
    undo_key(qtbot, page.day_panels[0].duty_table)
    assert dump(db) == added
    assert duty.duty_id in {d.duty_id for d in page.day_panels[0].day.duties}


def test_a_parent_s_lunch_is_undone(qtbot, db, lunch_page) -> None:
    page = lunch_page
    panel = page.day_panels[0]
    eating = next(d for d in panel.day.duties if d.wants_lunch)
    before = dump(db)
    row = next(
        r for r in range(panel.duties.rowCount()) if panel.duties.row(r).duty_id == eating.duty_id
    )
    index = panel.duties.index(row, D_LUNCH)
    panel.duties.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dump(db) != before
    assert page.undo.undo_action.text().startswith(f"&Undo lunch of {eating.name} on duty")
    undo_key(qtbot, page.day_panels[0].duty_table)
    assert dump(db) == before
    duty = next(d for d in page.day_panels[0].day.duties if d.duty_id == eating.duty_id)
    assert duty.wants_lunch
