"""The Events page: a season's events in date order with weekdays, the weekend warning, the
season picker, deleting, and the page's own shortcuts in the main window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.events_support import (
    add_orchestra,
    build_page,
    day_ids,
    ensemble_id,
)
from vrus.attendance import record_attendance
from vrus.demo import load_demo
from vrus.events import create_event
from vrus.seasons import list_events
from vrus.ui import i18n
from vrus.ui.events.events_model import (
    COL_DATES,
    COL_KIND,
    COL_TITLE,
    COL_TURNOUT,
    EVENT_ID_ROLE,
    WARNING_ROLE,
    EventsModel,
    EventsProxy,
)

D = dt.date
DEMO_TODAY = D(2026, 11, 26)
# The 2014 season as the annual report printed it (DOMAIN.md): the seminar the report put
# on "Søndag 06.03" was on a Thursday.
REPORT_2014 = (
    ("iris", "superhelg", "Superhelg med Dextra Musica", D(2014, 2, 8), 1),
    ("iris", "inspirasjonskonsert", "Inspirasjonskonsert", D(2014, 2, 9), 1),
    ("seminar", None, "Helgeseminar", D(2014, 3, 6), 1),
    ("iris", "samspilltreff", "Samspilltreff med juniorene", D(2014, 3, 15), 1),
    ("iris", "gruppeovelse", "Gruppeøvelse", D(2014, 10, 11), 1),
    ("iris", "samspilltreff", "Samspilltreff", D(2014, 10, 12), 1),
    ("iris", "mesterklasse", "Mesterklasse", D(2014, 10, 31), 1),
    ("seminar", None, "Helgeseminar i oktober", D(2014, 10, 25), 2),
)


@pytest.fixture
def page(qtbot, db):
    return build_page(qtbot, db)


def enter_2014(db) -> dict[str, int]:
    ids = {}
    for kind, iris_type, title, start, days in REPORT_2014:
        ids[title] = create_event(
            db,
            kind=kind,
            iris_type=iris_type,
            title=title,
            start=start,
            days=days,
            ensemble_ids=[ensemble_id(db, "ungdom")],
        )
    return ids


def column(model, col: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(row, col).data(role) for row in range(model.rowCount())]


@pytest.fixture
def bokmal(qapp):
    installed = i18n.install_translators(qapp, "nb")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_demo_season_shows_its_seminars_iris_activities_and_concert(qtbot, db) -> None:
    load_demo(db, today=DEMO_TODAY)
    page = build_page(qtbot, db, DEMO_TODAY)
    assert page.season_year == 2026  # the current season by default
    model = page.proxy
    kinds = column(model, COL_KIND)
    assert kinds.count("Weekend seminar") == 9
    assert kinds.count("Concert") == 1
    assert len([kind for kind in kinds if kind.startswith("IRIS: ")]) == 7
    assert "IRIS: Master class" in kinds
    assert page.totals.text() == "Weekend seminar: 9 · IRIS activity: 7 · Concert: 1"
    dates = column(model, COL_DATES)
    assert dates[0] == "Sat 17.01.2026 – Sun 18.01.2026"
    firsts = [s.first_day for s in page.model.events()]
    assert firsts == sorted(firsts)  # date order
    assert not page.warnings.isVisible()
    assert column(model, COL_TURNOUT)[0] == "25"
    # Every season in the register can be chosen.
    seasons = [page.season.itemData(i) for i in range(page.season.count())]
    assert seasons == [2026, 2025, 2024, 2023]
    page.season.setCurrentIndex(page.season.findData(2024))
    assert page.model.season_year == 2024
    assert column(page.proxy, COL_KIND).count("Weekend seminar") == 9


def test_2014_entered_by_hand_warns_where_the_report_got_the_weekday_wrong(db, page) -> None:
    ids = enter_2014(db)
    page.refresh()
    assert page.season_year == 2014
    model = page.model
    warned = {
        model.index(row, COL_TITLE).data(): model.index(row, COL_DATES).data(WARNING_ROLE)
        for row in range(model.rowCount())
    }
    assert warned["Helgeseminar"] == ["Thursday 06.03.2014 is not a weekend day"]
    # IRIS activities may be on any day; the October seminar is on a weekend.
    assert {title for title, warnings in warned.items() if warnings} == {"Helgeseminar"}
    row = model.row_of(ids["Helgeseminar"])
    cell = model.index(row, COL_DATES)
    assert cell.data() == "Thu 06.03.2014"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Thursday 06.03.2014 is not a weekend day"
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert page.warnings.isVisible()
    assert "Thursday 06.03.2014" in page.warnings.text()
    october = model.index(model.row_of(ids["Helgeseminar i oktober"]), COL_DATES)
    assert october.data() == "Sat 25.10.2014 – Sun 26.10.2014"
    assert october.data(Qt.ItemDataRole.DecorationRole) is None


def test_weekday_and_warning_in_bokmal(db, bokmal, page) -> None:
    enter_2014(db)
    page.refresh()
    model = page.model
    rows = {model.index(row, COL_TITLE).data(): row for row in range(model.rowCount())}
    cell = model.index(rows["Helgeseminar"], COL_DATES)
    assert cell.data() == "tor 06.03.2014"
    assert cell.data(WARNING_ROLE) == ["torsdag 06.03.2014 er ikke en helgedag"]
    october = model.index(rows["Helgeseminar i oktober"], COL_DATES)
    assert october.data() == "lør 25.10.2014 – søn 26.10.2014"
    assert model.index(rows["Mesterklasse"], COL_KIND).data() == "IRIS: Mesterklasse"


def test_models_pass_the_model_tester(qtmodeltester, db) -> None:
    enter_2014(db)
    model = EventsModel(db, today=lambda: D(2014, 12, 31))
    model.set_season(2014)
    qtmodeltester.check(model)
    proxy = EventsProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_KIND)
    qtmodeltester.check(proxy)
    kinds = column(proxy, COL_KIND)
    assert kinds[:2] == ["Weekend seminar", "Weekend seminar"]


def test_an_empty_season_says_how_to_begin(page) -> None:
    assert page.model.rowCount() == 0
    assert page.empty.isVisible()
    assert "Ctrl+N" in page.empty.text()
    assert not page.edit_button.isEnabled()
    assert not page.delete_button.isEnabled()


def _answer(qtbot, page, accept: bool) -> None:
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible())
    box = page.question
    if accept:
        button = next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        )
    else:
        button = box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.question is None)


def test_delete_asks_first(qtbot, db, page) -> None:
    event_id = create_event(db, kind="concert", title="Vårkonsert", start=D(2014, 4, 27))
    page.refresh()
    page.select_event(event_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    _answer(qtbot, page, accept=False)
    with db.sessions() as session:
        assert len(list_events(session, 2014)) == 1
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    _answer(qtbot, page, accept=True)
    with db.sessions() as session:
        assert list_events(session, 2014) == []
    assert page.model.rowCount() == 0
    # One step back: the event is there again, with its id.
    assert page.undo.undo_action.text() == "&Undo deletion of 'Vårkonsert'"
    page.undo.undo_action.trigger()
    with db.sessions() as session:
        assert [s.id for s in list_events(session, 2014)] == [event_id]
    page.undo.redo_action.trigger()
    with db.sessions() as session:
        assert list_events(session, 2014) == []


def test_an_event_with_attendance_is_kept_and_the_page_says_why(qtbot, db, page) -> None:
    members = add_orchestra(db)
    event_id = create_event(
        db,
        kind="seminar",
        title="Helgeseminar 1",
        start=D(2014, 2, 8),
        days=2,
        ensemble_ids=[ensemble_id(db, "ungdom")],
    )
    record_attendance(db, day_ids(db, event_id)[0], members["Aas"], "present")
    page.refresh()
    page.select_event(event_id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible())
    assert page.question.objectName() == "deleteRefused"
    assert "cannot be deleted" in page.question.text()
    qtbot.mouseClick(page.question.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.question is None)
    with db.sessions() as session:
        assert [s.id for s in list_events(session, 2014)] == [event_id]


def test_ctrl_n_in_the_main_window_opens_the_event_editor(qtbot, db, make_window) -> None:
    window = make_window()
    window.show_section("events")
    page = window.events_page
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    page.editor.reject()
    qtbot.waitUntil(lambda: page.editor is None)


def test_enter_and_double_click_edit(qtbot, db, page) -> None:
    event_id = create_event(db, kind="concert", title="Vårkonsert", start=D(2014, 4, 27))
    page.refresh()
    page.select_event(event_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    assert page.editor.event_id == event_id
    assert page.editor.title.text() == "Vårkonsert"
    page.editor.reject()
    qtbot.waitUntil(lambda: page.editor is None)
    index = page.proxy.index(0, COL_TITLE)
    assert index.data(EVENT_ID_ROLE) == event_id
    rect = page.table.visualRect(index)
    # A double-click is a press, a release and a double-click event on the same cell.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    page.editor.reject()


def test_rows_are_not_editable(db, page) -> None:
    create_event(db, kind="concert", title="Vårkonsert", start=D(2014, 4, 27))
    page.refresh()
    flags = page.model.flags(page.model.index(0, 0))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert page.model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
