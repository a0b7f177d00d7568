"""Two users on one register: a save that lost the race is a conflict with both values.

Two ``Database`` objects on the same register (the same SQLite file, or the same
PostgreSQL database) stand for two users. Both read a row, the first saves, the second's
save is refused with a ``ConflictError`` that holds, per field, the value the second
wanted and the one now in the register; ``resolve`` then writes the one chosen, and
nothing is ever overwritten silently. A save without a race raises the version by one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.attendance import attendance_grid, record_attendance
from vrus.audit import keep_days, set_keep_days
from vrus.conflicts import NO_ROW, Choice, ConflictError, resolve
from vrus.db.engine import Database
from vrus.db.models import (
    Attendance,
    Ensemble,
    Event,
    EventDay,
    Guardian,
    Instrument,
    Membership,
    Municipality,
    Person,
    PersonGuardian,
    Setting,
    SignUp,
    VolunteerDuty,
)
from vrus.duties import assign_duty, duties_on, set_duty_lunch, update_duty
from vrus.event_details import event_details
from vrus.events import create_event, set_event_days, update_event
from vrus.memberships import (
    change_membership_instrument,
    end_membership,
    membership_history,
    start_membership,
)
from vrus.opening import open_database
from vrus.persons import person_details, undo, update_guardian, update_person
from vrus.retention import CONTACT_MONTHS_SETTING, retention_rule, set_contact_months
from vrus.signups import set_signup, signup_sheet

D = dt.date


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """A second user: the same register opened again."""
    second = open_database(db.url)
    yield second
    second.close()


def _row(db: Database, model: type, row_id: int) -> object:
    with db.sessions() as session:
        row = session.get(model, row_id)
        session.expunge(row)
        return row


def _fields(conflict: ConflictError) -> dict[str, tuple[object, object]]:
    return {field.name: (field.mine, field.theirs) for field in conflict.fields}


# --- persons ----------------------------------------------------------------------------------


def test_a_save_without_a_race_raises_the_version_by_one(db: Database) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    with db.sessions() as session:
        read = person_details(session, pid)
    update_person(db, pid, {"phone": "912 34 567"}, expected_version=read.version)
    assert _row(db, Person, pid).version == read.version + 1


def test_the_second_users_save_of_the_same_field_is_a_conflict_with_both_values(
    db: Database, other: Database
) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    with db.sessions() as session:
        mine = person_details(session, pid)
    with other.sessions() as session:
        theirs = person_details(session, pid)
    update_person(other, pid, {"phone": "987 65 432"}, expected_version=theirs.version)

    with pytest.raises(ConflictError) as raised:
        update_person(db, pid, {"phone": "912 34 567"}, expected_version=mine.version)

    conflict = raised.value
    assert _fields(conflict) == {"phone": ("+4791234567", "+4798765432")}
    [field] = conflict.fields
    assert str(field.label) == "Phone"
    assert (str(field.mine_shown), str(field.theirs_shown)) == ("+4791234567", "+4798765432")
    assert conflict.version == mine.version + 1
    assert conflict.changed_by  # the audit trail names who saved last ...
    assert conflict.changed_at is not None  # ... and when
    assert "Åse Ødegård" in str(conflict)
    saved = _row(db, Person, pid)
    assert (saved.phone, saved.version) == ("+4798765432", mine.version + 1)  # not overwritten


def test_keep_mine_writes_mine_over_theirs_with_the_new_version(
    db: Database, other: Database
) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    with db.sessions() as session:
        read = person_details(session, pid)
    update_person(other, pid, {"notes": "fra den andre"}, expected_version=read.version)
    with pytest.raises(ConflictError) as raised:
        update_person(db, pid, {"notes": "min merknad"}, expected_version=read.version)

    change = resolve(db, raised.value, Choice.MINE)

    saved = _row(db, Person, pid)
    assert (saved.notes, saved.version) == ("min merknad", read.version + 2)
    # What keeping mine returns can be undone like any edit: it puts theirs back.
    assert change.before == {"notes": "fra den andre"}
    undo(db, change)
    assert _row(db, Person, pid).notes == "fra den andre"


def test_keep_theirs_writes_nothing(db: Database, other: Database) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    with db.sessions() as session:
        read = person_details(session, pid)
    update_person(other, pid, {"notes": "fra den andre"}, expected_version=read.version)
    with pytest.raises(ConflictError) as raised:
        update_person(db, pid, {"notes": "min merknad"}, expected_version=read.version)

    assert resolve(db, raised.value, Choice.THEIRS) is None

    saved = _row(db, Person, pid)
    assert (saved.notes, saved.version) == ("fra den andre", read.version + 1)


def test_keep_mine_that_loses_the_race_again_is_a_new_conflict(
    db: Database, other: Database
) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    with db.sessions() as session:
        read = person_details(session, pid)
    update_person(other, pid, {"notes": "andre 1"}, expected_version=read.version)
    with pytest.raises(ConflictError) as first:
        update_person(db, pid, {"notes": "min"}, expected_version=read.version)
    update_person(other, pid, {"notes": "andre 2"})  # while the first user reads the dialog

    with pytest.raises(ConflictError) as second:
        resolve(db, first.value, Choice.MINE)

    assert _fields(second.value) == {"notes": ("min", "andre 2")}
    assert second.value.version == read.version + 2
    assert _row(db, Person, pid).notes == "andre 2"
    resolve(db, second.value, Choice.MINE)
    assert _row(db, Person, pid).notes == "min"


def test_a_field_the_other_user_left_alone_is_saved_without_asking(
    db: Database, other: Database
) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    with db.sessions() as session:
        read = person_details(session, pid)
    update_person(other, pid, {"notes": "fra den andre"}, expected_version=read.version)

    update_person(
        db,
        pid,
        {"diet_note": "vegetar"},
        expected_version=read.version,
        original={"diet_note": read.values["diet_note"]},
    )

    saved = _row(db, Person, pid)
    assert (saved.notes, saved.diet_note, saved.version) == (
        "fra den andre",
        "vegetar",
        read.version + 2,
    )


def test_without_the_values_read_any_other_value_counts_as_theirs(
    db: Database, other: Database
) -> None:
    """Only a version to go by: every field of mine the register holds otherwise is shown."""
    pid = add_person(db, "Åse", "Ødegård")
    with db.sessions() as session:
        read = person_details(session, pid)
    update_person(other, pid, {"notes": "fra den andre"}, expected_version=read.version)
    with pytest.raises(ConflictError) as raised:
        update_person(db, pid, {"diet_note": "vegetar"}, expected_version=read.version)
    assert _fields(raised.value) == {"diet_note": ("vegetar", None)}
    assert str(raised.value.fields[0].theirs_shown) == "(empty)"


def test_the_same_value_saved_by_both_is_no_conflict(db: Database, other: Database) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    with db.sessions() as session:
        read = person_details(session, pid)
    update_person(other, pid, {"phone": "912 34 567"}, expected_version=read.version)
    update_person(db, pid, {"phone": "91234567"}, expected_version=read.version)
    assert _row(db, Person, pid).phone == "+4791234567"


def test_a_choice_is_shown_by_its_name(db: Database, other: Database) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    with db.sessions() as session:
        read = person_details(session, pid)
        municipalities = dict(
            session.execute(
                select(Municipality.name, Municipality.id).where(
                    Municipality.name.in_(["Bærum", "Drammen"]), Municipality.valid_to.is_(None)
                )
            ).all()
        )
    update_person(
        other, pid, {"municipality_id": municipalities["Bærum"]}, expected_version=read.version
    )
    with pytest.raises(ConflictError) as raised:
        update_person(
            db,
            pid,
            {"municipality_id": municipalities["Drammen"]},
            expected_version=read.version,
            original={"municipality_id": read.values["municipality_id"]},
        )
    [field] = raised.value.fields
    assert (str(field.mine_shown), str(field.theirs_shown)) == ("Drammen", "Bærum")


def test_an_undo_over_another_users_later_change_is_refused(db: Database, other: Database) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    change = update_person(db, pid, {"notes": "min"})
    update_person(other, pid, {"notes": "den andres"})
    with pytest.raises(ConflictError) as raised:
        undo(db, change)
    assert _fields(raised.value) == {"notes": (None, "den andres")}
    assert _row(db, Person, pid).notes == "den andres"
    resolve(db, raised.value, Choice.MINE)  # "undo it anyway"
    assert _row(db, Person, pid).notes is None


def test_a_save_overtaken_after_its_own_read_is_a_conflict_too(
    db: Database, other: Database, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL a transaction does not lock what it reads: another user's save can land
    between this edit's check and its UPDATE. The UPDATE then finds the version moved
    (StaleDataError) and the edit is a conflict like any other."""
    if backend == "sqlite":
        pytest.skip("SQLite begins every edit IMMEDIATE: nobody saves between its read and write")
    import vrus.persons

    pid = add_person(db, "Åse", "Ødegård")
    with db.sessions() as session:
        read = person_details(session, pid)
    checked = vrus.persons.check
    saves: list[str] = []

    def then_the_other_saves(*args: object, **kwargs: object) -> None:
        checked(*args, **kwargs)
        if not saves:  # once: the other user's own save passes here too
            saves.append("den andres")
            update_person(other, pid, {"notes": "den andres"})

    monkeypatch.setattr(vrus.persons, "check", then_the_other_saves)
    with pytest.raises(ConflictError) as raised:
        update_person(db, pid, {"notes": "min"}, expected_version=read.version)
    monkeypatch.undo()
    assert _fields(raised.value) == {"notes": ("min", "den andres")}
    assert _row(db, Person, pid).notes == "den andres"
    resolve(db, raised.value, Choice.MINE)
    assert _row(db, Person, pid).notes == "min"


# --- guardians --------------------------------------------------------------------------------


def _guardian(db: Database, person_id: int) -> int:
    with db.transaction() as session:
        guardian = Guardian(first_name="Kari", last_name="Ødegård", phone="+4791111111")
        session.add(guardian)
        session.flush()
        session.add(PersonGuardian(person_id=person_id, guardian_id=guardian.id))
        return guardian.id


def test_guardians_carry_a_version_and_a_conflict(db: Database, other: Database) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    gid = _guardian(db, pid)
    with db.sessions() as session:
        [read] = person_details(session, pid).guardians
    assert read.version == 1
    shown = {"first_name": "Kari", "last_name": "Ødegård", "phone": "+4791111111", "email": None}
    update_guardian(other, gid, {"phone": "922 22 222"}, expected_version=read.version)
    # The dialog sends every field; only the phone was changed by both.
    with pytest.raises(ConflictError) as raised:
        update_guardian(
            db,
            gid,
            {**shown, "phone": "933 33 333", "email": "kari@example.no"},
            expected_version=read.version,
            original=shown,
        )
    assert _fields(raised.value) == {"phone": ("+4793333333", "+4792222222")}
    assert "the guardian Kari Ødegård" in str(raised.value)
    assert _row(db, Guardian, gid).email is None  # nothing of the refused edit was saved
    resolve(db, raised.value, Choice.MINE)
    saved = _row(db, Guardian, gid)
    assert (saved.phone, saved.email, saved.version) == (
        "+4793333333",
        "kari@example.no",
        read.version + 2,
    )


# --- memberships ------------------------------------------------------------------------------


def _membership(db: Database, pid: int) -> tuple[int, int, int]:
    with db.sessions() as session:
        ensemble = session.scalars(select(Ensemble.id).where(Ensemble.short_name == "ungdom")).one()
        violin = session.scalars(select(Instrument.id).where(Instrument.name_en == "Violin")).one()
        viola = session.scalars(select(Instrument.id).where(Instrument.name_en == "Viola")).one()
    return start_membership(db, pid, ensemble, violin, D(2025, 8, 1)), violin, viola


def test_two_ends_of_one_membership_are_a_conflict(db: Database, other: Database) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    membership, _, _ = _membership(db, pid)
    with db.sessions() as session:
        [read] = membership_history(session, pid, D(2026, 12, 2))
    end_membership(other, membership, D(2026, 6, 30), "aged_out", expected_version=read.version)
    with pytest.raises(ConflictError) as raised:
        end_membership(db, membership, D(2026, 12, 1), "quit", expected_version=read.version)
    assert _fields(raised.value) == {
        "end_date": (D(2026, 12, 1), D(2026, 6, 30)),
        "end_reason": ("quit", "aged_out"),
    }
    assert str(raised.value.fields[0].mine_shown) == "01.12.2026"
    resolve(db, raised.value, Choice.MINE)
    saved = _row(db, Membership, membership)
    assert (saved.end_date, saved.end_reason, saved.version) == (
        D(2026, 12, 1),
        "quit",
        read.version + 2,
    )


def test_an_instrument_changed_by_both_is_a_conflict(db: Database, other: Database) -> None:
    pid = add_person(db, "Åse", "Ødegård")
    membership, violin, viola = _membership(db, pid)
    with db.sessions() as session:
        [read] = membership_history(session, pid, D(2026, 12, 2))
    change_membership_instrument(other, membership, None, expected_version=read.version)
    with pytest.raises(ConflictError) as raised:
        change_membership_instrument(
            db,
            membership,
            viola,
            expected_version=read.version,
            original={"instrument_id": violin},
        )
    [field] = raised.value.fields
    assert (str(field.mine_shown), str(field.theirs_shown)) == ("Bratsj", "(empty)")
    assert resolve(db, raised.value, Choice.THEIRS) is None
    assert _row(db, Membership, membership).instrument_id is None


# --- events and their days --------------------------------------------------------------------


def _event(db: Database) -> int:
    return create_event(
        db,
        kind="seminar",
        title="Helgeseminar",
        start=D(2027, 1, 16),
        days=2,
        start_time=dt.time(10),
        end_time=dt.time(16),
    )


def test_an_event_title_changed_by_both_is_a_conflict(db: Database, other: Database) -> None:
    event_id = _event(db)
    with db.sessions() as session:
        read = event_details(session, event_id)
    shown = {"title": read.title, "venue": read.venue}
    update_event(other, event_id, expected_version=read.version, title="Vinterseminar")
    with pytest.raises(ConflictError) as raised:
        update_event(
            db,
            event_id,
            expected_version=read.version,
            original=shown,
            title="Januarseminar",
            venue="Jar skole",
        )
    assert _fields(raised.value) == {"title": ("Januarseminar", "Vinterseminar")}
    assert _row(db, Event, event_id).venue is None  # refused whole
    resolve(db, raised.value, Choice.MINE)
    saved = _row(db, Event, event_id)
    assert (saved.title, saved.venue, saved.version) == (
        "Januarseminar",
        "Jar skole",
        read.version + 2,
    )


def test_an_unchanged_field_does_not_undo_the_other_users_change(
    db: Database, other: Database
) -> None:
    event_id = _event(db)
    with db.sessions() as session:
        read = event_details(session, event_id)
    update_event(other, event_id, expected_version=read.version, venue="Jar skole")
    # The editor sends every field; the venue as it read it (none), the title changed.
    update_event(
        db,
        event_id,
        expected_version=read.version,
        original={"title": read.title, "venue": read.venue},
        title="Januarseminar",
        venue=None,
    )
    saved = _row(db, Event, event_id)
    assert (saved.title, saved.venue) == ("Januarseminar", "Jar skole")


def test_days_changed_by_both_are_a_conflict(db: Database, other: Database) -> None:
    event_id = _event(db)
    with db.sessions() as session:
        read = event_details(session, event_id)
    original = [(d.date, d.start_time, d.end_time) for d in read.days]
    later = [(day, dt.time(11), end) for day, _, end in original]
    set_event_days(other, event_id, later, original=original)
    mine = [(original[0][0], dt.time(9), dt.time(15))]
    with pytest.raises(ConflictError) as raised:
        set_event_days(db, event_id, mine, original=original)
    [field] = raised.value.fields
    assert field.name == "days"
    assert str(field.mine_shown) == "16.01.2027 09:00–15:00"
    assert str(field.theirs_shown) == "16.01.2027 11:00–16:00; 17.01.2027 11:00–16:00"
    with db.sessions() as session:
        assert len(session.get(Event, event_id).days) == 2
    resolve(db, raised.value, Choice.MINE)
    with db.sessions() as session:
        days = session.get(Event, event_id).days
        assert [(d.date, d.start_time) for d in days] == [(D(2027, 1, 16), dt.time(9))]


def test_days_left_as_read_are_not_written(db: Database, other: Database) -> None:
    event_id = _event(db)
    with db.sessions() as session:
        read = event_details(session, event_id)
    original = [(d.date, d.start_time, d.end_time) for d in read.days]
    set_event_days(other, event_id, original[:1])
    set_event_days(db, event_id, original, original=original)  # the editor saved unchanged days
    with db.sessions() as session:
        assert len(session.get(Event, event_id).days) == 1


def test_event_days_carry_a_version(db: Database) -> None:
    event_id = _event(db)
    with db.sessions() as session:
        day = session.get(Event, event_id).days[0]
        day_id, version = day.id, day.version
    set_event_days(db, event_id, [(D(2027, 1, 16), dt.time(9), None), (D(2027, 1, 17), None, None)])
    assert _row(db, EventDay, day_id).version == version + 1


# --- sign-ups and attendance: a grid cell -----------------------------------------------------


def _invited_event(db: Database) -> tuple[int, int, int]:
    pid = add_person(db, "Åse", "Ødegård")
    _membership(db, pid)
    with db.sessions() as session:
        ensemble = session.scalars(select(Ensemble.id).where(Ensemble.short_name == "ungdom")).one()
    event_id = create_event(
        db, kind="seminar", title="Helgeseminar", start=D(2027, 1, 16), ensemble_ids=[ensemble]
    )
    with db.sessions() as session:
        day_id = session.get(Event, event_id).days[0].id
    return pid, event_id, day_id


def test_an_answer_given_by_another_user_since_the_grid_read_is_a_conflict(
    db: Database, other: Database
) -> None:
    pid, event_id, _ = _invited_event(db)
    with db.sessions() as session:
        [shown] = signup_sheet(session, event_id)
    assert shown.version == NO_ROW  # not answered when the grid read it
    set_signup(other, event_id, pid, attending="yes", wants_lunch=True)
    with pytest.raises(ConflictError) as raised:
        set_signup(
            db,
            event_id,
            pid,
            attending="no",
            wants_lunch=False,
            expected_version=shown.version,
            original={"attending": shown.attending, "wants_lunch": shown.wants_lunch},
        )
    # The lunch was not changed by this user: only the answer is in conflict.
    assert _fields(raised.value) == {"attending": ("no", "yes")}
    assert [str(f.theirs_shown) for f in raised.value.fields] == ["coming"]
    with db.sessions() as session:
        row = session.scalars(select(SignUp).where(SignUp.person_id == pid)).one()
        assert (row.attending, row.wants_lunch, row.version) == ("yes", True, 1)
    resolve(db, raised.value, Choice.MINE)
    with db.sessions() as session:
        row = session.scalars(select(SignUp).where(SignUp.person_id == pid)).one()
        assert (row.attending, row.wants_lunch, row.version) == ("no", True, 2)


def test_a_sign_up_saved_without_a_race_raises_its_version(db: Database) -> None:
    pid, event_id, _ = _invited_event(db)
    set_signup(db, event_id, pid, attending="yes", expected_version=NO_ROW)
    with db.sessions() as session:
        [shown] = signup_sheet(session, event_id)
    assert shown.version == 1
    set_signup(db, event_id, pid, wants_lunch=True, expected_version=shown.version)
    with db.sessions() as session:
        [again] = signup_sheet(session, event_id)
    assert (again.wants_lunch, again.version) == (True, 2)


def test_attendance_recorded_by_another_user_since_the_grid_read_is_a_conflict(
    db: Database, other: Database
) -> None:
    pid, event_id, day_id = _invited_event(db)
    with db.sessions() as session:
        [row] = attendance_grid(session, event_id).rows
    assert row.versions[day_id] == NO_ROW
    record_attendance(other, day_id, pid, "absent")
    with pytest.raises(ConflictError) as raised:
        record_attendance(
            db,
            day_id,
            pid,
            "present",
            expected_version=row.versions[day_id],
            original={"status": row.statuses[day_id]},
        )
    assert _fields(raised.value) == {"status": ("present", "absent")}
    resolve(db, raised.value, Choice.THEIRS)
    with db.sessions() as session:
        saved = session.scalars(select(Attendance).where(Attendance.person_id == pid)).one()
        assert (saved.status, saved.version) == ("absent", 1)


def test_attendance_cleared_by_another_user_is_a_conflict(db: Database, other: Database) -> None:
    pid, event_id, day_id = _invited_event(db)
    record_attendance(db, day_id, pid, "present")
    with db.sessions() as session:
        [row] = attendance_grid(session, event_id).rows
    assert row.versions[day_id] == 1
    record_attendance(other, day_id, pid, None)  # back to "not recorded"
    with pytest.raises(ConflictError) as raised:
        record_attendance(
            db,
            day_id,
            pid,
            "excused",
            expected_version=row.versions[day_id],
            original={"status": row.statuses[day_id]},
        )
    assert _fields(raised.value) == {"status": ("excused", None)}
    assert raised.value.version == NO_ROW
    resolve(db, raised.value, Choice.MINE)
    with db.sessions() as session:
        saved = session.scalars(select(Attendance).where(Attendance.person_id == pid)).one()
        assert saved.status == "excused"


# --- the parents' duties ----------------------------------------------------------------------


def test_a_duty_note_changed_by_both_is_a_conflict(db: Database, other: Database) -> None:
    pid, _, day_id = _invited_event(db)
    gid = _guardian(db, pid)
    duty_id = assign_duty(db, day_id, gid, "lunch", wants_lunch=True, note="suppe")
    with db.sessions() as session:
        [read] = duties_on(session, [day_id])[day_id]
    update_duty(other, duty_id, note="lasagne", expected_version=read.version)
    with pytest.raises(ConflictError) as raised:
        update_duty(
            db,
            duty_id,
            note="fiskesuppe",
            wants_lunch=True,
            expected_version=read.version,
            original={"note": read.note, "wants_lunch": read.wants_lunch},
        )
    assert _fields(raised.value) == {"note": ("fiskesuppe", "lasagne")}
    assert "the duty of Kari Ødegård" in str(raised.value)
    resolve(db, raised.value, Choice.MINE)
    saved = _row(db, VolunteerDuty, duty_id)
    assert (saved.note, saved.wants_lunch, saved.version) == ("fiskesuppe", True, read.version + 2)


def test_a_lunch_box_ticked_by_both_the_same_way_is_no_conflict(
    db: Database, other: Database
) -> None:
    """A box has two values: the other user either did what this one does, or left it as
    this one read it. Either way this user's answer is saved, nobody's is lost."""
    pid, _, day_id = _invited_event(db)
    gid = _guardian(db, pid)
    duty_id = assign_duty(db, day_id, gid, "lunch", wants_lunch=True)
    with db.sessions() as session:
        [read] = duties_on(session, [day_id])[day_id]
    set_duty_lunch(other, duty_id, False, expected_version=read.version)
    set_duty_lunch(db, duty_id, False, expected_version=read.version)
    saved = _row(db, VolunteerDuty, duty_id)
    assert (saved.wants_lunch, saved.version) == (False, read.version + 1)
    update_duty(other, duty_id, note="tar med kaffe")  # another field: the version moves
    set_duty_lunch(db, duty_id, True, expected_version=saved.version)
    saved = _row(db, VolunteerDuty, duty_id)
    assert (saved.wants_lunch, saved.note) == (True, "tar med kaffe")


# --- settings ---------------------------------------------------------------------------------


def test_a_period_changed_by_both_is_a_conflict(db: Database, other: Database) -> None:
    with db.sessions() as session:
        shown = retention_rule(session).contact_months
    set_contact_months(other, 6, original=shown)
    with pytest.raises(ConflictError) as raised:
        set_contact_months(db, 12, original=shown)
    assert _fields(raised.value) == {"value": (12, 6)}
    assert "Remove contact and health data" in str(raised.value)
    with db.sessions() as session:
        assert retention_rule(session).contact_months == 6
        version = session.get(Setting, CONTACT_MONTHS_SETTING).version
    resolve(db, raised.value, Choice.MINE)
    with db.sessions() as session:
        assert retention_rule(session).contact_months == 12
        assert session.get(Setting, CONTACT_MONTHS_SETTING).version == version + 1


def test_a_period_saved_as_shown_or_the_same_by_both_is_no_conflict(
    db: Database, other: Database
) -> None:
    with db.sessions() as session:
        shown = keep_days(session)
    set_keep_days(db, 365, original=shown)  # no setting stored yet: the default was shown
    set_keep_days(other, 400, original=365)
    set_keep_days(db, 400, original=365)  # the same as the other user: nothing to choose
    with db.sessions() as session:
        assert keep_days(session) == 400
    with pytest.raises(ConflictError):
        set_keep_days(db, 500, original=365)


def test_a_bulk_action_overtaken_runs_again_and_keeps_the_other_users_answer(
    db: Database, other: Database, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "All yes" read the sign-ups, then another user answered "no" for Åse before it wrote
    (on a server nothing locks what a transaction read): its insert of Åse's row meets hers,
    the whole action runs again from the register as it is now, and her "no" stands."""
    if backend == "sqlite":
        pytest.skip("SQLite begins every write IMMEDIATE: nobody saves during the action")
    import vrus.signups

    pid, event_id, _ = _invited_event(db)
    second = add_person(db, "Ida", "Berg")
    _membership(db, second)
    attempts: list[int] = []
    invited = vrus.signups.invited_members

    def meanwhile(session, event):
        attempts.append(1)
        if len(attempts) == 1:
            set_signup(other, event_id, pid, attending="no")  # committed, after our read
        return invited(session, event)

    monkeypatch.setattr(vrus.signups, "invited_members", meanwhile)
    assert vrus.signups.sign_up_all_invited(db, event_id, lunch=True) == 1
    assert len(attempts) == 2
    answers = {row.person_id: row.attending for row in _sheet(db, event_id)}
    assert answers == {pid: "no", second: "yes"}


def test_a_bulk_action_overtaken_every_time_is_refused_and_saves_nothing(
    db: Database, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.orm.exc import StaleDataError

    from vrus.conflicts import bulk_transaction
    from vrus.errors import VrusError

    pid = add_person(db, "Åse", "Ødegård")

    def overtaken(session):
        session.get(Person, pid).notes = "half"
        session.flush()
        raise StaleDataError("overtaken")

    with pytest.raises(VrusError, match="3 times over; nothing was saved"):
        bulk_transaction(db, overtaken)
    assert _row(db, Person, pid).notes is None


def _sheet(db: Database, event_id: int):
    with db.sessions() as session:
        return signup_sheet(session, event_id)
