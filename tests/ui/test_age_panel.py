"""The age-limit panel for the season: three lists, filled off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from tests.ui.helpers import TODAY, build_register
from vrus.member_list import rows_for
from vrus.ui.members.age_panel import AgeLimitPanel, PersonRowsModel
from vrus.ui.members.members_model import PERSON_ID_ROLE


def listed(panel: AgeLimitPanel, key: str) -> list[str]:
    model = panel.models[key]
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_age_tab_lists_who_ages_out_moves_up_and_is_outside(
    qtbot, members_window, register
) -> None:
    page = members_window.members_page
    page.tabs.setCurrentWidget(page.age_panel)
    panel = page.age_panel
    qtbot.waitUntil(lambda: not panel.loading)
    assert panel.heading.text() == "The 2026 season"
    assert listed(panel, "ages_out") == ["Aas, Zoë", "Ødegård, Åse"]
    assert listed(panel, "may_move_up") == ["Berg, Åsmund", "Ødegård, Åse"]  # aspirant, 8
    assert listed(panel, "outside_limits") == ["Zahl, Eldar"]
    assert panel.titles["ages_out"].text() == "Ages out after the season (2)"
    outside = panel.models["outside_limits"]
    assert outside.index(0, 4).data() == "Above the age limit"


def test_double_click_opens_the_person(qtbot, members_window, register) -> None:
    page = members_window.members_page
    page.tabs.setCurrentWidget(page.age_panel)
    panel = page.age_panel
    qtbot.waitUntil(lambda: not panel.loading)
    view = panel.views["may_move_up"]
    rect = view.visualRect(view.model().index(0, 0))
    # As a real double-click arrives: a click, then the double-click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.editor.isVisible()
    assert page.editor.person_id == register.ids["asmund"]  # first of those who may move up


def test_changed_limits_show_on_the_next_look(qtbot, members_window, db, register) -> None:
    from vrus.reference import update_ensemble_limits

    page = members_window.members_page
    page.tabs.setCurrentWidget(page.age_panel)
    qtbot.waitUntil(lambda: not page.age_panel.loading)
    update_ensemble_limits(db, register.ensembles["ungdom"], 13, 20)
    members_window.changes.changed.emit()
    qtbot.waitUntil(lambda: not page.age_panel.loading)
    assert listed(page.age_panel, "outside_limits") == []
    assert listed(page.age_panel, "ages_out") == ["Zahl, Eldar", "Ødegård, Åse"]


def test_a_change_behind_another_tab_is_read_when_the_tab_is_chosen(
    qtbot, members_window, db, register
) -> None:
    from vrus.reference import update_ensemble_limits

    page = members_window.members_page
    panel = page.age_panel
    assert panel.freshness.stale and not panel.loading  # not read before it is first shown
    page.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: not panel.loading)
    page.tabs.setCurrentIndex(0)
    update_ensemble_limits(db, register.ensembles["ungdom"], 13, 20)
    members_window.changes.changed.emit()
    members_window.changes.changed.emit()
    assert not panel.loading and panel.freshness.stale
    assert listed(panel, "outside_limits") == ["Zahl, Eldar"]  # as it was
    page.tabs.setCurrentWidget(panel)
    assert panel.loading
    qtbot.waitUntil(lambda: not panel.loading)
    assert listed(panel, "outside_limits") == []


def test_person_rows_model_passes_the_model_tester(qtmodeltester, db) -> None:
    register = build_register(db)
    model = PersonRowsModel()
    with db.sessions() as session:
        rows = rows_for(session, register.ids.values(), TODAY)
    model.set_rows(list(rows.values()))
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data(PERSON_ID_ROLE) in register.ids.values()
    assert model.index(0, 0).parent() == QModelIndex()
