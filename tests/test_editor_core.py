"""Core reads and actions behind the person editor: details, guardians, memberships."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.db.models import Ensemble, Instrument, Membership
from vrus.errors import VrusError
from vrus.memberships import (
    change_membership_instrument,
    end_membership,
    membership_history,
    move_up,
    move_up_target,
    start_membership,
)
from vrus.persons import (
    add_guardian,
    find_guardians,
    link_guardian,
    person_details,
    update_person,
)

TODAY = dt.date(2026, 11, 26)


def _ids(db) -> tuple[dict[str, int], dict[str, int]]:
    with db.transaction() as session:
        ens = {e.short_name: e.id for e in session.scalars(select(Ensemble))}
        ins = {i.name_en: i.id for i in session.scalars(select(Instrument))}
    return ens, ins


def test_person_details_has_fields_version_and_guardians(db) -> None:
    pid = add_person(db, "Zoë", "Łukasiewicz", dt.date(2012, 2, 29))
    add_guardian(
        db,
        pid,
        {"first_name": "Anna", "last_name": "Nowak", "email": "anna@example.no"},
        relation="mother",
    )
    add_guardian(db, pid, {"first_name": "Piotr", "last_name": "Łukasiewicz"})
    with db.sessions() as session:
        first = person_details(session, pid)
    assert first.full_name == "Zoë Łukasiewicz"
    assert first.values["birth_date"] == dt.date(2012, 2, 29)
    assert set(first.values) >= {"first_name", "phone", "email", "notes", "diet_note"}
    assert [(g.full_name, g.relation) for g in first.guardians] == [
        ("Anna Nowak", "mother"),
        ("Piotr Łukasiewicz", None),
    ]
    update_person(db, pid, {"phone": "91234567"}, expected_version=first.version)
    with db.sessions() as session:
        again = person_details(session, pid)
    assert again.version == first.version + 1
    assert again.values["phone"] == "+4791234567"


def test_find_guardians_to_link_a_siblings_parent(db) -> None:
    older = add_person(db, "Åsmund", "Ødegård")
    younger = add_person(db, "Ådne", "Ødegård")
    mother = add_guardian(db, older, {"first_name": "Kari", "last_name": "Ødegård"})
    add_guardian(db, older, {"first_name": "Thi", "last_name": "Nguyễn"})
    with db.sessions() as session:
        assert find_guardians(session, "odegard") == []  # ø is not o
        hits = find_guardians(session, "kari ød")
        assert [(h.id, h.full_name, h.children) for h in hits] == [
            (mother, "Kari Ødegård", ("Åsmund Ødegård",))
        ]
        assert [h.full_name for h in find_guardians(session, "nguyen")] == ["Thi Nguyễn"]
        assert find_guardians(session, "") == []
    link_guardian(db, younger, mother)
    with db.sessions() as session:
        assert find_guardians(session, "kari", exclude_person_id=younger) == []
        assert find_guardians(session, "kari")[0].children == ("Ådne Ødegård", "Åsmund Ødegård")


def test_change_instrument_returns_the_previous_for_undo(db) -> None:
    ens, ins = _ids(db)
    pid = add_person(db, "Minh", "Nguyễn", dt.date(2013, 6, 6))
    mid = start_membership(db, pid, ens["junior"], ins["Violin"], dt.date(2024, 8, 1))
    assert change_membership_instrument(db, mid, ins["Viola"]) == ins["Violin"]
    with db.sessions() as session:
        assert session.get(Membership, mid).instrument_id == ins["Viola"]
    assert change_membership_instrument(db, mid, ins["Violin"]) == ins["Viola"]
    with db.sessions() as session:
        assert session.get(Membership, mid).instrument_id == ins["Violin"]
    with pytest.raises(VrusError):
        change_membership_instrument(db, mid, 9999)
    with pytest.raises(VrusError):
        change_membership_instrument(db, 9999, ins["Violin"])


def test_membership_history_and_move_up_target(db) -> None:
    ens, ins = _ids(db)
    pid = add_person(db, "Minh", "Nguyễn", dt.date(2013, 6, 6))
    aspirant = start_membership(db, pid, ens["aspirant"], ins["Cello"], dt.date(2021, 8, 1))
    end_membership(db, aspirant, dt.date(2022, 6, 30), "other", "  fortsatte i junior  ")
    start_membership(db, pid, ens["junior"], ins["Cello"], dt.date(2022, 8, 1))
    with db.sessions() as session:
        assert move_up_target(session, pid, TODAY) == ("Juniorsymfonikerne", "Ungdomssymfonikerne")
    move_up(db, pid, TODAY)
    with db.sessions() as session:
        history = membership_history(session, pid, TODAY)
        assert move_up_target(session, pid, TODAY) is None  # the orchestra is the top
    assert [(m.ensemble, m.instrument, m.active, m.end_reason) for m in history] == [
        ("Ungdomssymfonikerne", "Cello", True, None),
        ("Juniorsymfonikerne", "Cello", True, "moved_up"),  # ends today: active until tonight
        ("Aspiranter", "Cello", False, "other"),
    ]
    assert history[2].end_note == "fortsatte i junior"
    assert history[1].end_date == TODAY
