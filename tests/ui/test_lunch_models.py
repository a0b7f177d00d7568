"""The Lunch view's table models, without a window: Qt's model checks, the core's order, the
marks on severe allergies, days without lunch duty and families without a duty."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.lunch_support import DEMO_TODAY, load_demo_season
from vrus.db.enums import DutyTask
from vrus.duties import season_roster
from vrus.lunch import lunch_plan
from vrus.seasons import list_events
from vrus.ui.lunch.lunch_models import (
    A_NOTE,
    A_SEVERITY,
    D_LUNCH,
    D_TASK,
    F_DUTIES,
    F_FAMILY,
    ID_ROLE,
    R_TASK_COLUMNS,
    SORT_ROLE,
    AllergyModel,
    DutyModel,
    FamiliesModel,
    RosterDaysModel,
)


@pytest.fixture
def demo(db, qapp):  # qapp: the models draw icons
    load_demo_season(db)
    with db.sessions() as session:
        seminar = [e for e in list_events(session, 2026, DEMO_TODAY) if e.kind == "seminar"][-1]
        return lunch_plan(session, seminar.id, DEMO_TODAY), season_roster(session, 2026)


def test_allergies_severe_first_and_marked(qtmodeltester, demo) -> None:
    plan, _roster = demo
    model = AllergyModel()
    model.set_rows(plan.days[0].allergies)
    qtmodeltester.check(model)
    severe = [model.row(r).severe for r in range(model.rowCount())]
    assert severe == sorted(severe, reverse=True) and severe[0]
    first = model.index(0, A_SEVERITY)
    assert first.data() == "SEVERE"
    assert first.data(SORT_ROLE) == 0
    assert first.data(Qt.ItemDataRole.FontRole).bold()
    not_eating = [r for r in range(model.rowCount()) if not model.row(r).eats_lunch]
    assert not_eating  # the demo has allergic children who bring their own lunch
    for row in not_eating:
        assert "brings own lunch" in model.index(row, A_NOTE).data()


def test_duties_with_a_lunch_box_that_asks_to_be_saved(qtmodeltester, demo) -> None:
    plan, _roster = demo
    model = DutyModel()
    model.set_rows(plan.days[0].duties)
    qtmodeltester.check(model)
    assert model.index(0, D_TASK).data() == "Coffee and fruit"
    index = model.index(0, D_LUNCH)
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    toggled = []
    model.lunchToggled.connect(lambda duty, eats: toggled.append((duty, eats)))
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert toggled == [(model.row(0).duty_id, True)]
    assert index.data(ID_ROLE) == model.row(0).duty_id


def test_roster_days_mark_missing_lunch_duty(qtmodeltester, demo) -> None:
    _plan, roster = demo
    model = RosterDaysModel()
    model.set_rows(roster.days)
    qtmodeltester.check(model)
    lunch = R_TASK_COLUMNS[DutyTask.LUNCH.value]
    missing = [
        r
        for r in range(model.rowCount())
        if model.index(r, lunch).data(Qt.ItemDataRole.DecorationRole) is not None
    ]
    assert [model.row(r).date for r in missing] == [w.date for w in roster.warnings]
    assert model.index(missing[0], lunch).data() == "nobody yet"
    covered = next(r for r in range(model.rowCount()) if r not in missing)
    assert model.index(covered, lunch).data() == ", ".join(
        d.name for d in model.row(covered).on(DutyTask.LUNCH.value)
    )


def test_families_fewest_duties_first_with_none_marked(qtmodeltester, demo) -> None:
    _plan, roster = demo
    model = FamiliesModel()
    model.set_rows(roster.families)
    qtmodeltester.check(model)
    duties = [model.index(r, F_DUTIES).data() for r in range(model.rowCount())]
    assert duties == sorted(duties)
    assert duties.count(0) == len(roster.families_without_duty) > 0
    assert model.index(0, F_DUTIES).data(Qt.ItemDataRole.BackgroundRole) is not None
    last = model.rowCount() - 1
    assert model.index(last, F_DUTIES).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, F_FAMILY).data() == roster.families[0].label
