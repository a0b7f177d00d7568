"""Many sign-ups and statuses written in one transaction (``write_grid``): a range set in the
grid, a bulk action undone. All are saved or none; only over what the user saw; an undo
leaves the register as it was, rows and the days a "yes" skips included."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.attendance import AttendanceWrite, record_attendance, write_grid
from vrus.conflicts import NO_ROW, ConflictError
from vrus.db.models import Attendance, Ensemble, Event, EventDay, Instrument, SignUp, SignUpAbsence
from vrus.events import create_event
from vrus.memberships import start_membership
from vrus.persons import archive_person
from vrus.signups import SignupState, SignupWrite, set_signup
from vrus.validation import ValidationError

SATURDAY = dt.date(2014, 2, 8)


@pytest.fixture
def people(db) -> list[int]:
    with db.transaction() as session:
        ungdom = session.scalars(select(Ensemble.id).where(Ensemble.short_name == "ungdom")).one()
        violin = session.scalars(select(Instrument.id).where(Instrument.name_en == "Violin")).one()
    ids = []
    for first, last in (("Ingrid", "Aas"), ("Łukasz", "Wiśniewski"), ("Åsmund", "Ødegård")):
        pid = add_person(db, first, last)
        start_membership(db, pid, ungdom, violin, dt.date(2013, 8, 15))
        ids.append(pid)
    return ids


@pytest.fixture
def seminar(db, people) -> int:
    with db.transaction() as session:
        ungdom = session.scalars(select(Ensemble.id).where(Ensemble.short_name == "ungdom")).one()
    return create_event(
        db, kind="seminar", title="Helgeseminar 1", start=SATURDAY, days=2, ensemble_ids=[ungdom]
    )


def days_of(db, event_id: int) -> list[int]:
    with db.transaction() as session:
        return [d.id for d in sorted(session.get(Event, event_id).days, key=lambda d: d.date)]


def rows(db, event_id: int) -> tuple[list[tuple], list[tuple]]:
    """Every sign-up row (with the days it skips) and every attendance row of the event."""
    with db.transaction() as session:
        signups = sorted(
            (
                s.person_id,
                s.attending,
                s.wants_lunch,
                s.note,
                tuple(sorted(a.event_day_id for a in s.absences)),
            )
            for s in session.scalars(select(SignUp).where(SignUp.event_id == event_id))
        )
        statuses = sorted(
            (a.event_day_id, a.person_id, a.status)
            for a in session.scalars(
                select(Attendance)
                .join(EventDay, EventDay.id == Attendance.event_day_id)
                .where(EventDay.event_id == event_id)
            )
        )
    return signups, statuses


def test_a_range_of_statuses_is_saved_and_undone_whole(db, seminar, people) -> None:
    saturday, sunday = days_of(db, seminar)
    record_attendance(db, saturday, people[0], "absent")
    before = rows(db, seminar)
    shown = {people[0]: "absent", people[1]: None, people[2]: None}
    forward = [
        AttendanceWrite(day, pid, shown[pid] if day == saturday else None, "present")
        for day in (saturday, sunday)
        for pid in people
    ]
    write_grid(db, forward)
    assert rows(db, seminar)[1] == sorted(
        (day, pid, "present") for day in (saturday, sunday) for pid in people
    )
    back = [AttendanceWrite(w.day_id, w.person_id, w.after, w.before) for w in reversed(forward)]
    write_grid(db, back)
    assert rows(db, seminar) == before  # the rows not recorded before are gone again


def test_another_users_status_refuses_the_whole_batch(db, seminar, people) -> None:
    saturday, _ = days_of(db, seminar)
    record_attendance(db, saturday, people[2], "excused")  # the grid still shows nothing
    before = rows(db, seminar)
    with pytest.raises(ConflictError) as refused:
        write_grid(db, [AttendanceWrite(saturday, pid, None, "present", NO_ROW) for pid in people])
    assert rows(db, seminar) == before  # nothing of the range, not even the first two
    assert "Ødegård" in str(refused.value)
    # The conflict's "keep mine" saves that one status.
    refused.value.save(db, refused.value.version)
    assert rows(db, seminar)[1] == [(saturday, people[2], "present")]


def test_undoing_a_new_sign_up_removes_its_row(db, seminar, people) -> None:
    yes = SignupState("yes", True)
    write_grid(db, [SignupWrite(seminar, pid, None, yes, NO_ROW) for pid in people])
    assert [row[1:3] for row in rows(db, seminar)[0]] == [("yes", True)] * 3
    write_grid(db, [SignupWrite(seminar, pid, yes, None) for pid in people])
    assert rows(db, seminar) == ([], [])


def test_a_row_someone_wrote_a_note_in_is_kept(db, seminar, people) -> None:
    yes = SignupState("yes", False)
    write_grid(db, [SignupWrite(seminar, people[0], None, yes)])
    set_signup(db, seminar, people[0], note="Kommer klokka 11")  # another user, meanwhile
    write_grid(db, [SignupWrite(seminar, people[0], yes, None)])
    assert rows(db, seminar)[0] == [(people[0], "unknown", False, "Kommer klokka 11", ())]


def test_undoing_a_no_brings_back_the_days_a_yes_skipped(db, seminar, people) -> None:
    saturday, sunday = days_of(db, seminar)
    set_signup(db, seminar, people[0], attending="yes", wants_lunch=True, note="Bare lørdag")
    with db.transaction() as session:
        signup = session.scalars(select(SignUp).where(SignUp.person_id == people[0])).one()
        signup.absences.append(SignUpAbsence(event_day_id=sunday))
    before = rows(db, seminar)
    shown = SignupState("yes", True, "Bare lørdag", frozenset({sunday}))
    no = SignupState("no", True, "Bare lørdag")
    write_grid(db, [SignupWrite(seminar, people[0], shown, no)])
    assert rows(db, seminar)[0] == [(people[0], "no", True, "Bare lørdag", ())]
    write_grid(db, [SignupWrite(seminar, people[0], no, shown)])
    assert rows(db, seminar) == before
    assert saturday not in before[0][0][4]


def test_an_answer_changed_meanwhile_is_a_conflict_and_nothing_is_saved(
    db, seminar, people
) -> None:
    saturday, _ = days_of(db, seminar)
    set_signup(db, seminar, people[1], attending="no")  # the grid showed "not answered"
    before = rows(db, seminar)
    writes = [
        AttendanceWrite(saturday, people[0], None, "present"),
        *(SignupWrite(seminar, pid, None, SignupState("yes"), NO_ROW) for pid in people),
    ]
    with pytest.raises(ConflictError) as refused:
        write_grid(db, writes)
    assert [field.name for field in refused.value.fields] == ["attending"]
    assert rows(db, seminar) == before


def test_an_archived_person_is_not_signed_up(db, seminar, people) -> None:
    archive_person(db, people[2])
    with pytest.raises(ValidationError):
        write_grid(db, [SignupWrite(seminar, people[2], None, SignupState("yes"))])
    assert rows(db, seminar) == ([], [])
