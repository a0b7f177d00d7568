"""Memberships: start, end with a reason, move up in one transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.db.models import Ensemble, Membership
from vrus.errors import VrusError
from vrus.memberships import end_membership, move_up, start_membership
from vrus.validation import ValidationError


def _ensemble(db, short: str) -> int:
    with db.transaction() as session:
        return session.scalars(select(Ensemble.id).where(Ensemble.short_name == short)).one()


def test_move_up_ends_junior_and_starts_orchestra_same_day(db) -> None:
    pid = add_person(db, "Øystein", "Aas", dt.date(2013, 2, 2))
    start_membership(db, pid, _ensemble(db, "junior"), 3, dt.date(2022, 8, 20))
    new_id = move_up(db, pid, dt.date(2026, 8, 15))
    with db.transaction() as session:
        rows = session.scalars(
            select(Membership).where(Membership.person_id == pid).order_by(Membership.start_date)
        ).all()
        assert [(m.ensemble.short_name, m.start_date, m.end_date, m.end_reason) for m in rows] == [
            ("junior", dt.date(2022, 8, 20), dt.date(2026, 8, 15), "moved_up"),
            ("ungdom", dt.date(2026, 8, 15), None, None),
        ]
        assert rows[1].id == new_id and rows[1].instrument_id == 3


def test_move_up_is_all_or_nothing(db) -> None:
    pid = add_person(db, "Zoë", "Berg")
    junior = start_membership(db, pid, _ensemble(db, "junior"), None, dt.date(2022, 8, 20))
    start_membership(db, pid, _ensemble(db, "ungdom"), None, dt.date(2025, 1, 1))
    with pytest.raises(ValidationError):
        move_up(db, pid, dt.date(2026, 8, 15))
    with db.transaction() as session:
        assert session.get(Membership, junior).end_date is None


def test_move_up_needs_a_lower_ensemble(db) -> None:
    pid = add_person(db, "Åse", "Lie")
    start_membership(db, pid, _ensemble(db, "ungdom"), None, dt.date(2025, 1, 1))
    with pytest.raises(VrusError, match="move up"):
        move_up(db, pid, dt.date(2026, 1, 1))


def test_end_membership_validates(db) -> None:
    pid = add_person(db, "Aaron", "Łukaszewski")
    mid = start_membership(db, pid, _ensemble(db, "ungdom"), None, dt.date(2024, 1, 1))
    with pytest.raises(ValidationError, match="before it started"):
        end_membership(db, mid, dt.date(2023, 12, 31), "quit")
    with pytest.raises(ValueError):
        end_membership(db, mid, dt.date(2026, 6, 30), "bored")
    end_membership(db, mid, dt.date(2026, 6, 30), "talent_programme", "Barratt Due")
    with db.transaction() as session:
        membership = session.get(Membership, mid)
        assert (membership.end_reason, membership.end_note) == ("talent_programme", "Barratt Due")
