"""Register actions on persons and guardians."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.factories import add_event_with_attendance
from vrus.db.models import Attendance, Guardian, Person
from vrus.errors import VrusError
from vrus.persons import (
    Change,
    archive_person,
    archive_persons,
    create_person,
    find_possible_duplicates,
    link_guardian,
    remove_guardian,
    undo,
    undo_changes,
    update_person,
)
from vrus.validation import ValidationError


def _create(db, **extra) -> int:
    values = {
        "first_name": "Åsmund",
        "last_name": "Nguyễn-Ødegård",
        "birth_date": dt.date(2011, 3, 4),
    }
    values.update(extra)
    return create_person(db, values)


def test_create_stores_unicode_and_normalises_phone(db) -> None:
    pid = _create(db, phone="912 34 567", postal_code="1383")
    with db.transaction() as session:
        person = session.get(Person, pid)
        assert person.last_name == "Nguyễn-Ødegård"
        assert person.phone == "+4791234567"
        assert person.postal_code == "1383"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("first_name", "  "),
        ("birth_date", "tomorrow"),  # worked out in the test, under the frozen clock
        ("phone", "1234"),
        ("email", "ikke-en-adresse"),
        ("postal_code", "13833"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(
    db, frozen_clock: dt.date, field: str, value
) -> None:
    if value == "tomorrow":
        value = frozen_clock + dt.timedelta(days=1)
    pid = _create(db)
    with pytest.raises(ValidationError) as error:
        update_person(db, pid, {"notes": "changed", field: value})
    assert error.value.field == field
    with db.transaction() as session:
        assert session.get(Person, pid).notes is None


def test_edit_and_undo(db) -> None:
    pid = _create(db, notes="Spiller også piano")
    change = update_person(db, pid, {"notes": "Bytter til bratsj", "phone": "+47 41 00 00 00"})
    with db.transaction() as session:
        assert session.get(Person, pid).phone == "+4741000000"
    redo = undo(db, change)
    with db.transaction() as session:
        person = session.get(Person, pid)
        assert (person.notes, person.phone) == ("Spiller også piano", None)
    undo(db, redo)
    with db.transaction() as session:
        assert session.get(Person, pid).notes == "Bytter til bratsj"


def test_possible_duplicates(db) -> None:
    pid = _create(db)
    with db.transaction() as session:
        exact = find_possible_duplicates(session, "åsmund", "NGUYEN-ødegård", dt.date(2011, 3, 4))
        close = find_possible_duplicates(session, "Åsmund", "Nguyễn-Ødegård", dt.date(2011, 4, 1))
        far = find_possible_duplicates(session, "Åsmund", "Nguyễn-Ødegård", dt.date(2012, 3, 4))
        other = find_possible_duplicates(session, "Asmund", "Nguyễn-Ødegård", dt.date(2011, 3, 4))
        itself = find_possible_duplicates(
            session, "Åsmund", "Nguyễn-Ødegård", dt.date(2011, 3, 4), exclude_id=pid
        )
    assert [(d.person_id, d.exact) for d in exact] == [(pid, True)]
    assert [(d.person_id, d.exact) for d in close] == [(pid, False)]
    assert far == [] and other == [] and itself == []


def test_archive_keeps_history_and_undo_restores(db) -> None:
    person_id, day_id = add_event_with_attendance(db)
    change = archive_person(db, person_id)
    with db.transaction() as session:
        assert session.get(Person, person_id).archived_at is not None
        assert (
            session.scalar(
                select(func.count())
                .select_from(Attendance)
                .where(Attendance.person_id == person_id)
            )
            == 1
        )
    undo(db, change)
    with db.transaction() as session:
        assert session.get(Person, person_id).archived_at is None


def _archived(db, person_ids) -> list[dt.datetime | None]:
    with db.sessions() as session:
        return [session.get(Person, pid).archived_at for pid in person_ids]


def test_archive_persons_is_one_stamp_and_one_undo(db) -> None:
    ids = [_create(db, first_name=name) for name in ("Åse", "Zoë", "Łukasz")]
    now = dt.datetime(2026, 12, 2, 11, 0)
    changes = archive_persons(db, ids + ids[:1], now=now)  # an id given twice counts once
    assert [change.person_id for change in changes] == ids
    assert _archived(db, ids) == [now, now, now]
    redo = undo_changes(db, changes)
    assert _archived(db, ids) == [None, None, None]
    assert sorted(change.person_id for change in redo) == sorted(ids)
    undo_changes(db, redo)
    assert _archived(db, ids) == [now, now, now]


def test_archive_persons_stamps_with_the_clock(db) -> None:
    from vrus import clock

    pid = _create(db)
    archive_persons(db, [pid])
    stamp = _archived(db, [pid])[0]
    assert stamp is not None and stamp.replace(tzinfo=None) == clock.utc_now().replace(tzinfo=None)


def test_archive_persons_refuses_all_when_one_is_missing(db) -> None:
    ids = [_create(db, first_name=name) for name in ("Åse", "Zoë")]
    with pytest.raises(VrusError, match="not in the register"):
        archive_persons(db, [ids[0], 999_999, ids[1]])
    assert _archived(db, ids) == [None, None]


def test_undo_changes_puts_back_none_when_one_cannot_be(db) -> None:
    ids = [_create(db, first_name=name) for name in ("Åse", "Zoë")]
    changes = archive_persons(db, ids)
    gone = Change(
        999_999, {"archived_at": None}, {"archived_at": changes[0].after["archived_at"]}, "archive"
    )
    with pytest.raises(VrusError, match="not in the register"):
        undo_changes(db, [*changes, gone])
    assert None not in _archived(db, ids)  # both still archived


def test_guardians_shared_by_siblings(db) -> None:
    from vrus.persons import add_guardian

    first = _create(db, first_name="Zoë")
    second = _create(db, first_name="Łukasz", birth_date=dt.date(2014, 1, 1))
    mother = add_guardian(
        db,
        first,
        {
            "first_name": "Åse",
            "last_name": "Ødegård",
            "phone": "0047 98765432",
            "email": "ase@example.no",
        },
        relation="mother",
    )
    link_guardian(db, second, mother, relation="mother")
    remove_guardian(db, first, mother)
    with db.transaction() as session:
        assert session.get(Guardian, mother).phone == "+4798765432"  # still Łukasz's mother
    remove_guardian(db, second, mother)
    with db.transaction() as session:
        assert session.get(Guardian, mother) is None


def test_conflicting_edit_from_another_window_is_refused(db) -> None:
    from vrus.persons import ConflictError

    pid = _create(db)
    with db.transaction() as session:
        loaded_version = session.get(Person, pid).version
    update_person(db, pid, {"notes": "first window"}, expected_version=loaded_version)
    with pytest.raises(ConflictError, match="another window"):
        update_person(db, pid, {"notes": "second window"}, expected_version=loaded_version)
    with db.transaction() as session:
        person = session.get(Person, pid)
        assert (person.notes, person.version) == ("first window", loaded_version + 1)


def test_simultaneous_sessions_cannot_overwrite(db) -> None:
    from sqlalchemy.orm.exc import StaleDataError

    pid = _create(db)
    first, second = db.sessions(), db.sessions()
    try:
        a, b = first.get(Person, pid), second.get(Person, pid)
        a.notes = "A"
        first.commit()
        b.notes = "B"
        with pytest.raises(StaleDataError):
            second.commit()
    finally:
        first.close()
        second.close()


def test_a_guardians_relation_is_changed_with_the_edit(db) -> None:
    """Chosen wrongly when the guardian was added: changed later, for this child only, in
    the same transaction as the guardian's own fields."""
    from vrus.conflicts import Choice, ConflictError, resolve
    from vrus.persons import add_guardian, person_details, update_guardian

    first, second = _create(db), _create(db, first_name="Sigrid")
    mother = add_guardian(db, first, {"first_name": "Anne", "last_name": "Berg"}, "mother")
    link_guardian(db, second, mother, relation="mother")
    shown = {"first_name": "Anne", "last_name": "Berg", "phone": None, "email": None}
    update_guardian(
        db,
        mother,
        {**shown, "phone": "41234567"},
        expected_version=1,
        original={**shown, "relation": "mother"},
        person_id=first,
        relation="guardian",
    )

    def relation_of(person_id: int) -> str | None:
        with db.sessions() as session:
            return person_details(session, person_id).guardians[0].relation

    assert (relation_of(first), relation_of(second)) == ("guardian", "mother")
    # Another window still showing "mother" chooses "father": the relation it started from
    # is gone, so both are shown; keeping mine writes it.
    with pytest.raises(ConflictError) as conflict:
        update_guardian(
            db, mother, {}, original={"relation": "mother"}, person_id=first, relation="father"
        )
    assert [(f.name, f.mine, f.theirs) for f in conflict.value.fields] == [
        ("relation", "father", "guardian")
    ]
    assert str(conflict.value.fields[0].theirs_shown) == "guardian"
    resolve(db, conflict.value, Choice.MINE)
    assert relation_of(first) == "father"
    with pytest.raises(VrusError, match="not linked"):
        update_guardian(db, mother, {}, person_id=_create(db, first_name="Ola"), relation=None)
