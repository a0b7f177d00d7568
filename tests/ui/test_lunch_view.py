"""The Lunch view on the demo season: the seminar picked by default, each day's numbers as
``lunch_plan`` gives them, switching seminar and season, and the duty roster edited from the
view (the no-lunch-duty warning goes when a parent is put on lunch and comes back when they
are taken off)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout

from tests.ui.lunch_support import DEMO_TODAY, build_lunch_page, load_demo_season
from vrus.db.enums import DutyTask
from vrus.duties import guardian_choices, season_roster
from vrus.lunch import lunch_plan
from vrus.seasons import list_events
from vrus.ui.lunch.lunch_day import DayPanel
from vrus.ui.lunch.lunch_models import (
    A_NAME,
    A_SEVERITY,
    D_LUNCH,
    D_PARENT,
    ID_ROLE,
    R_TASK_COLUMNS,
)

LUNCH = DutyTask.LUNCH.value


@pytest.fixture
def page(qtbot, db):
    load_demo_season(db)
    return build_lunch_page(qtbot, db)


def seminars(db, year: int = 2026):
    with db.sessions() as session:
        return [e for e in list_events(session, year, DEMO_TODAY) if e.kind == "seminar"]


def plan_of(db, event_id: int):
    with db.sessions() as session:
        return lunch_plan(session, event_id, DEMO_TODAY)


def table_column(table, column: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    model = table.model()
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def counts(form: QFormLayout) -> list[tuple[str, int]]:
    return DayPanel.shown_counts(form)


def assert_shows_plan(page, plan) -> None:
    """Every number, diet, allergy and duty of every day, as the core has them."""
    assert [panel.day.day_id for panel in page.day_panels] == [d.day_id for d in plan.days]
    for number, (panel, day) in enumerate(zip(page.day_panels, plan.days, strict=True)):
        assert panel.total.text() == str(day.count.total)
        assert f": {day.count.total} " in page.tabs.tabText(number)
        shown = counts(panel.breakdown)
        assert shown[: len(day.count.members)] == list(day.count.members)
        assert [n for _label, n in shown[len(day.count.members) :]] == (
            ([day.count.unannounced] if day.count.unannounced else [])
            + [day.count.staff, day.count.volunteers]
        )
        assert sum(n for _label, n in shown) == day.count.total
        assert [n for _label, n in counts(panel.diets)] == [n for _d, n in day.diets if n]
        assert table_column(panel.allergy_table, A_NAME) == [a.name for a in day.allergies]
        assert table_column(panel.duty_table, D_PARENT) == [d.name for d in day.duties]
        assert panel.warning.isVisibleTo(panel) == bool(day.warnings)


def test_opens_on_the_next_seminar_with_each_days_numbers(page, db) -> None:
    upcoming = [s for s in seminars(db) if s.days[-1].date >= DEMO_TODAY]
    assert page.season_year == 2026
    assert page.event_id == upcoming[0].id
    assert page.seminar.currentText().startswith("Helgeseminar 9")
    plan = plan_of(db, page.event_id)
    assert len(plan.days) == 2
    assert_shows_plan(page, plan)
    first = page.day_panels[0]
    # Before the seminar, after the deadline: the figure is from the sign-ups, and says so.
    assert first.day.basis == "signed_up"
    assert page.findChild(type(first.total), "lunchBasis").text() == "From the sign-ups"
    assert "did not answer" in first.basis_text.text()
    # The facts and the privacy note: first names only, no birth dates in the view.
    assert "Asker kulturskole" in page.facts.text()
    assert "first name" in page.privacy.text()
    # A day tab per seminar day, then the season's roster.
    assert page.tabs.count() == 3
    assert page.tabs.widget(2) is page.roster_panel


def test_severe_allergies_come_first_and_are_marked(page) -> None:
    panel = page.day_panels[0]
    severities = table_column(panel.allergy_table, A_SEVERITY)
    assert severities[:2] == ["SEVERE", "SEVERE"]
    severe = panel.allergy_table.model().index(0, A_SEVERITY)
    assert severe.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert severe.data(Qt.ItemDataRole.DecorationRole) is not None
    mild = panel.allergy_table.model().index(len(severities) - 1, A_SEVERITY)
    assert mild.data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_past_seminar_shows_the_actual_count(page, db) -> None:
    past = [s for s in seminars(db) if s.days[-1].date < DEMO_TODAY][-1]
    page.seminar.setCurrentIndex(page.seminar.findData(past.id))
    assert page.event_id == past.id
    plan = plan_of(db, past.id)
    assert {day.basis for day in plan.days} == {"actual"}
    assert_shows_plan(page, plan)
    assert page.day_panels[0].findChild(type(page.facts), "lunchBasis").text() == (
        "Actual: attendance taken"
    )


def test_switching_season_lists_that_seasons_seminars(page, db) -> None:
    page.season.setCurrentIndex(page.season.findData(2025))
    listed = [page.seminar.itemData(i) for i in range(page.seminar.count())]
    assert listed == [s.id for s in seminars(db, 2025)]
    # All of 2025 is over: the last seminar is shown.
    assert page.event_id == listed[-1]
    assert_shows_plan(page, plan_of(db, page.event_id))
    assert page.tabs.tabText(page.tabs.count() - 1).endswith("2025")


def test_an_empty_register_says_there_are_no_seminars(qtbot, db) -> None:
    page = build_lunch_page(qtbot, db)
    assert page.seminar.count() == 0
    assert page.empty.isVisibleTo(page)
    assert "No weekend seminars in 2026" in page.empty.text()
    assert page.day_panels == []
    assert not page.print_sheet.button.isEnabled()
    assert page.roster_panel.summary.text().startswith("No families")


def add_lunch_duty(qtbot, page, guardian_id: int, day_index: int = 0):
    panel = page.day_panels[day_index]
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    # The day asked for and, since nobody has lunch that day, the lunch task are preselected.
    assert editor.day.currentData() == panel.day.day_id
    assert editor.task.currentData() == LUNCH
    editor.choose_guardian(guardian_id)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor is None)


def test_adding_and_removing_lunch_duty_updates_roster_and_warning(qtbot, page, db) -> None:
    with db.sessions() as session:
        choices = guardian_choices(session, 2026)
        before = season_roster(session, 2026)
    day = page.day_panels[0].day
    assert day.warnings and page.day_panels[0].warning.isVisibleTo(page.day_panels[0])
    assert len(page.roster_panel.roster.warnings) == 2
    on_duty = {d.guardian_id for d in day.duties}
    parent = next(c for c in choices if c.id not in on_duty)

    add_lunch_duty(qtbot, page, parent.id)

    panel = page.day_panels[0]
    assert panel.day.day_id == day.day_id
    assert not panel.warning.isVisibleTo(panel)
    assert page.tabs.tabIcon(0).isNull()
    assert table_column(panel.duty_table, D_PARENT)[0] == parent.name  # lunch first
    # The parent eats: one lunch more, counted as a parent on duty.
    assert panel.total.text() == str(day.count.total + 1)
    assert counts(panel.breakdown)[-1][1] == day.count.volunteers + 1
    roster = page.roster_panel
    assert len(roster.roster.warnings) == 1
    row = next(r for r in range(roster.days.rowCount()) if roster.days.row(r).day_id == day.day_id)
    assert parent.name in roster.days.index(row, R_TASK_COLUMNS[LUNCH]).data()
    assert (
        sum(f.duties for f in roster.roster.families) == sum(f.duties for f in before.families) + 1
    )
    assert_shows_plan(page, plan_of(db, page.event_id))

    # Taking the parent off again brings the warning back.
    duty_id = panel.duties.row(0).duty_id
    panel.select_duty(duty_id)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    panel = page.day_panels[0]
    assert panel.warning.isVisibleTo(panel)
    assert "Nobody is on lunch duty" in panel.warning.text()
    assert not page.tabs.tabIcon(0).isNull()
    assert panel.total.text() == str(day.count.total)
    assert len(page.roster_panel.roster.warnings) == 2


def test_the_duty_editor_refuses_what_the_roster_cannot_take(qtbot, page) -> None:
    panel = page.day_panels[0]
    taken = panel.day.duties[0]
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    # Typed text that is no one in the list.
    qtbot.keyClicks(editor.guardian.lineEdit(), "Nobody Known")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.error_for("guardian").text() == "Choose a parent in the list."
    # The same parent on the same task the same day.
    editor.choose_guardian(taken.guardian_id)
    editor.task.setCurrentIndex(editor.task.findData(taken.task))
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert "already has this task" in editor.error_for("guardian").text()
    editor.reject()
    qtbot.waitUntil(lambda: page.editor is None)
    assert len(page.day_panels[0].day.duties) == len(panel.day.duties)


def test_the_parent_list_shows_children_and_family_duties(qtbot, page, db) -> None:
    qtbot.mouseClick(page.day_panels[0].add_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    with db.sessions() as session:
        choices = guardian_choices(session, 2026)
    assert editor.guardian.count() == len(choices)
    first = editor.guardian.itemText(0)
    assert first.startswith(f"{choices[0].name} ({', '.join(choices[0].children)})")
    assert "family's duties this season: " in first
    editor.reject()


def test_unticking_eats_lunch_takes_the_parent_out_of_the_count(qtbot, page) -> None:
    panel = page.day_panels[0]
    eating = next(d for d in panel.day.duties if d.wants_lunch)
    total = panel.day.count.total
    row = next(
        r for r in range(panel.duties.rowCount()) if panel.duties.row(r).duty_id == eating.duty_id
    )
    index = panel.duties.index(row, D_LUNCH)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    panel.duties.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    panel = page.day_panels[0]
    assert panel.total.text() == str(total - 1)
    duty = next(d for d in panel.day.duties if d.duty_id == eating.duty_id)
    assert not duty.wants_lunch


def test_double_clicking_a_roster_day_opens_its_seminar(qtbot, page, db) -> None:
    first = seminars(db)[0]
    page.tabs.setCurrentWidget(page.roster_panel)
    table = page.roster_panel.day_table
    qtbot.waitUntil(table.isVisible)
    row = next(
        r
        for r in range(table.model().rowCount())
        if table.model().index(r, 0).data(ID_ROLE) == first.id
    )
    rect = table.visualRect(table.model().index(row, 1))
    # A double-click is a press, a release and a double-click event on the same cell.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.event_id == first.id
    assert page.tabs.currentIndex() == 0


def test_the_window_shows_the_lunch_page(qtbot, db, make_window) -> None:
    load_demo_season(db)
    window = make_window(today=DEMO_TODAY)
    window.show_section("lunch")
    assert window.pages.currentWidget() is window.lunch_page
    assert window.lunch_page.objectName() == "lunchPage"
    assert window.lunch_page.seminar.currentText().startswith("Helgeseminar 9")


def test_a_hidden_page_reads_the_register_again_when_shown(qtbot, page, db) -> None:
    from vrus.duties import assign_duty

    with db.sessions() as session:
        parent = guardian_choices(session, 2026)[0]
    day = page.day_panels[0].day
    page.hide()
    assign_duty(db, day.day_id, parent.id, LUNCH)
    page._changes.changed.emit()
    assert page.day_panels[0].day.warnings  # not read yet: the page is hidden
    page.show()
    qtbot.waitExposed(page)
    assert not page.day_panels[0].day.warnings
    assert not page.day_panels[0].warning.isVisibleTo(page.day_panels[0])
