"""The Members table model: Norwegian order from SQL, current ensemble, flags, lazy rows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.ui.helpers import add_person
from vrus.member_list import MemberFilter, Status
from vrus.ui.members import members_model
from vrus.ui.members.members_model import (
    COL_AGE,
    COL_ENSEMBLE,
    COL_FIRST_NAME,
    COL_FLAGS,
    COL_LAST_NAME,
    COL_MUNICIPALITY,
    COL_SECTION,
    COL_STATUS,
    MembersModel,
)

TODAY = dt.date(2014, 10, 1)


def column(model: MembersModel, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, db) -> None:
    add_person(
        db,
        "Łukasz",
        "Nowak",
        born=dt.date(2000, 2, 29),
        municipality="Bærum",
        ensemble="Ungdomssymfonikerne",
    )
    add_person(db, "Thi", "Nguyễn", born=dt.date(1996, 1, 1), ensemble="Juniorsymfonikerne")
    add_person(db, "Ola", "Nordmann")
    model = MembersModel(db, today=TODAY)
    model.refresh()
    qtmodeltester.check(model, force_py=True)
    model.sort(COL_AGE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_rows_sort_in_norwegian_order(db) -> None:
    for last in ["Østby", "Aas", "Zahl", "Ås", "Ærø", "Berg", "Åsen", "Nguyễn", "Ødegård"]:
        add_person(db, "Kari", last)
    add_person(db, "Anne", "Berg")
    model = MembersModel(db, today=TODAY)
    model.refresh()
    assert column(model, COL_LAST_NAME) == [
        "Aas",
        "Berg",
        "Berg",
        "Nguyễn",
        "Zahl",
        "Ærø",
        "Ødegård",
        "Østby",
        "Ås",
        "Åsen",
    ]
    assert column(model, COL_FIRST_NAME)[1:3] == ["Anne", "Kari"]
    model.sort(COL_LAST_NAME, Qt.SortOrder.DescendingOrder)
    assert column(model, COL_LAST_NAME)[:3] == ["Åsen", "Ås", "Østby"]


def test_row_shows_age_municipality_ensemble_status_and_flags(qapp, db) -> None:
    add_person(
        db,
        "Åsmund",
        "Ødegård",
        born=dt.date(1996, 5, 17),
        municipality="Asker",
        ensemble="Ungdomssymfonikerne",
    )  # 18 in 2014: ages out
    add_person(
        db,
        "Zoë",
        "Aas",
        ensemble="Juniorsymfonikerne",
        since=dt.date(2010, 1, 1),
        until=dt.date(2013, 6, 30),
    )
    model = MembersModel(db, today=TODAY)
    model.refresh()
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "Aas",
        "Zoë",
        "",
        "",
        "No photos",  # no photo consent recorded
        "",
        "",
        "",
        "",
        "",
        "Former",
    ]  # the ensemble ended last year
    assert model.index(1, COL_AGE).data() == "18"
    assert model.index(1, COL_MUNICIPALITY).data() == "Asker"
    assert model.index(1, COL_ENSEMBLE).data() == "Ungdomssymfonikerne"
    assert model.index(1, COL_STATUS).data() == "Active"
    assert model.index(1, COL_FLAGS).data() == "Ages out after the season"
    assert model.index(1, COL_FLAGS).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(0, COL_FLAGS).data(Qt.ItemDataRole.DecorationRole) is None
    assert "2014" in model.headerData(
        COL_AGE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )


def test_archived_persons_are_listed_only_when_asked(db) -> None:
    from vrus.persons import archive_person

    archive_person(db, add_person(db, "Gone", "Away"))
    add_person(db, "Still", "Here")
    model = MembersModel(db, today=TODAY)
    model.refresh()
    assert column(model, COL_LAST_NAME) == ["Here"]
    model.set_filter(MemberFilter(status=Status.ARCHIVED))
    assert column(model, COL_LAST_NAME) == ["Away"]
    assert column(model, COL_STATUS) == ["Archived"]


def test_rows_are_fetched_in_blocks_when_drawn(db, monkeypatch) -> None:
    with db.transaction() as session:
        from vrus.db.models import Person

        session.add_all(Person(first_name="P", last_name=f"Navn {i:04d}") for i in range(450))
    calls: list[int] = []
    real = members_model.rows_for

    def counting(session, ids, on):
        calls.append(len(list(ids)))
        return real(session, ids, on)

    monkeypatch.setattr(members_model, "rows_for", counting)
    model = MembersModel(db, today=TODAY)
    model.refresh()
    assert model.rowCount() == 450 and calls == []
    assert model.index(449, COL_LAST_NAME).data() == "Navn 0449"
    assert model.index(420, COL_LAST_NAME).data() == "Navn 0420"
    assert calls == [members_model.BLOCK // 4]  # the last, partial block only: 400..449
    assert model.index(0, COL_LAST_NAME).data() == "Navn 0000"
    assert calls == [50, members_model.BLOCK]
    # A search keeps the rows fetched: only the ids change.
    model.set_filter(MemberFilter(search="navn 000", status=None))
    assert column(model, COL_LAST_NAME) == [f"Navn 000{i}" for i in range(10)]
    assert calls == [50, members_model.BLOCK]


def test_person_deleted_after_refresh_shows_an_empty_row(db) -> None:
    person_id = add_person(db, "Brief", "Visit")
    model = MembersModel(db, today=TODAY)
    model.refresh()
    with db.transaction() as session:
        from vrus.db.models import Person

        session.delete(session.get(Person, person_id))
    assert model.index(0, COL_LAST_NAME).data() is None
    assert model.person_id(0) == person_id


def test_redraw_one_person_keeps_the_order(db) -> None:
    from vrus.persons import update_person

    first = add_person(db, "Anne", "Aas")
    add_person(db, "Bent", "Berg")
    model = MembersModel(db, today=TODAY)
    model.refresh()
    assert model.index(0, COL_SECTION).data() == ""
    update_person(db, first, {"last_name": "Ås"})
    model.redraw_person(first)
    assert column(model, COL_LAST_NAME) == ["Ås", "Berg"]  # redrawn, not moved
    model.refresh()
    assert column(model, COL_LAST_NAME) == ["Berg", "Ås"]
