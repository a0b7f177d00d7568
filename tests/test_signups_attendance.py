"""Sign-up and attendance rules: who is invited, answers, bulk actions, unannounced arrivals,
"not recorded", and the grid's grouping and counts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import add_person
from tests.member_oracle import oracle_member_ids
from vrus.attendance import (
    NOT_RECORDED,
    attendance_grid,
    mark_signed_up_present,
    record_attendance,
)
from vrus.db.models import Attendance, Ensemble, Event, Instrument, SignUp
from vrus.erasure import erase_persons
from vrus.errors import VrusError
from vrus.events import create_event
from vrus.member_list import MemberFilter, Status
from vrus.memberships import end_membership, move_up, start_membership
from vrus.persons import archive_person
from vrus.signups import (
    copy_signups_from,
    first_day,
    invited_by_event,
    invited_members,
    invited_person_ids,
    previous_seminar,
    set_signup,
    sign_up_all_invited,
    signup_sheet,
)
from vrus.validation import ValidationError

D = dt.date
SEMINAR_DAY = D(2014, 2, 8)
JOINED = D(2013, 8, 15)


def _ensemble(db, short: str) -> int:
    with db.transaction() as session:
        return session.scalars(select(Ensemble.id).where(Ensemble.short_name == short)).one()


def _instrument(db, name_en: str) -> int:
    with db.transaction() as session:
        return session.scalars(select(Instrument.id).where(Instrument.name_en == name_en)).one()


def _member(
    db,
    first: str,
    last: str,
    short: str = "ungdom",
    instrument: str = "Violin",
    start: dt.date = JOINED,
    end: dt.date | None = None,
) -> int:
    pid = add_person(db, first, last)
    membership = start_membership(db, pid, _ensemble(db, short), _instrument(db, instrument), start)
    if end is not None:
        end_membership(db, membership, end, "quit")
    return pid


def _seminar(
    db, start: dt.date = SEMINAR_DAY, ensembles: tuple[str, ...] = ("ungdom",), days: int = 2
) -> int:
    return create_event(
        db,
        kind="seminar",
        title=f"Seminar {start:%d.%m}",
        start=start,
        days=days,
        ensemble_ids=[_ensemble(db, e) for e in ensembles],
    )


def _days(db, event_id: int) -> list[int]:
    with db.transaction() as session:
        return [d.id for d in session.get(Event, event_id).days]


def _signups(db, event_id: int) -> dict[int, tuple[str, bool, str | None]]:
    with db.transaction() as session:
        rows = session.scalars(select(SignUp).where(SignUp.event_id == event_id))
        return {r.person_id: (r.attending, r.wants_lunch, r.note) for r in rows}


# --- who is invited ------------------------------------------------------------------------


def test_invited_are_active_members_of_invited_ensembles_on_the_first_day(db) -> None:
    ida = _member(db, "Ida", "Berg")
    junior = _member(db, "Jonas", "Lie", "junior")
    left = _member(db, "Leah", "Nguyễn", end=D(2014, 1, 31))  # left before the seminar
    later = _member(db, "Lars", "Dahl", start=D(2014, 2, 9))  # joins the day after it began
    archived = _member(db, "Aron", "Holm")
    archive_person(db, archived)
    add_person(db, "Nora", "Uten")  # in the register, no membership
    event_id = _seminar(db)
    with db.transaction() as session:
        assert invited_person_ids(session, event_id) == {ida}
    with_juniors = _seminar(db, ensembles=("ungdom", "junior"))
    with db.transaction() as session:
        assert invited_person_ids(session, with_juniors) == {ida, junior}
    assert {left, later, archived}.isdisjoint({ida, junior})


def test_a_junior_who_moved_up_is_invited_with_the_orchestra_from_that_day(db) -> None:
    pid = _member(db, "Jonas", "Lie", "junior")
    move_up(db, pid, SEMINAR_DAY)
    orchestra = _seminar(db)
    juniors_only = _seminar(db, ensembles=("junior",))
    earlier_juniors = _seminar(db, D(2014, 1, 18), ensembles=("junior",))
    with db.transaction() as session:
        assert invited_person_ids(session, orchestra) == {pid}
        assert invited_person_ids(session, juniors_only) == set()
        assert invited_person_ids(session, earlier_juniors) == {pid}
        (row,) = signup_sheet(session, orchestra)
        assert (row.ensemble, row.instrument, row.section) == (
            "Ungdomssymfonikerne",
            "Fiolin",
            "strings",
        )


def test_nobody_is_invited_when_no_ensemble_is(db) -> None:
    _member(db, "Ida", "Berg")
    event_id = _seminar(db, ensembles=())
    with db.transaction() as session:
        assert invited_person_ids(session, event_id) == set()
        assert signup_sheet(session, event_id) == []


def test_invited_by_event_is_the_member_list_of_each_first_day(db) -> None:
    """The season's figures ask who was invited to every event at once; the answer must be
    the member list's (the SQL oracle's) on each event's first day, in its order, with the
    erased persons kept as invited, also when memberships overlap."""
    ida = _member(db, "Ida", "Berg")
    both = _member(db, "Åse", "Aas", "junior")  # also in the orchestra from 10.01, junior not ended
    start_membership(db, both, _ensemble(db, "ungdom"), None, D(2014, 1, 10))
    same_day = _member(db, "Zoë", "Ødegård", "junior")  # both from the same day: the later row
    start_membership(db, same_day, _ensemble(db, "ungdom"), None, JOINED)
    leah = _member(db, "Leah", "Nguyễn", end=D(2014, 1, 31))
    archive_person(db, _member(db, "Aron", "Holm"))
    erased = _member(db, "Emil", "Dahl")
    events = [
        _seminar(db, D(2014, 1, 4), ("junior",)),
        _seminar(db, D(2014, 1, 18), ("ungdom",)),
        _seminar(db, SEMINAR_DAY, ("junior",)),
        _seminar(db, SEMINAR_DAY, ("ungdom", "junior")),
        _seminar(db, SEMINAR_DAY, ()),
    ]
    erase_persons(db, [erased])
    with db.transaction() as session:
        expected = {}
        for event in session.scalars(select(Event).where(Event.id.in_(events))):
            ensembles = {link.ensemble_id for link in event.invited}
            members = MemberFilter(ensemble_ids=ensembles, status=Status.ACTIVE)
            kept = session.scalars(
                select(SignUp.person_id)
                .where(SignUp.event_id == event.id)
                .order_by(SignUp.person_id)
            ).all()
            expected[event.id] = (
                oracle_member_ids(session, members, first_day(event)) + list(kept)
                if ensembles
                else []
            )
            assert invited_members(session, event) == expected[event.id]
        assert invited_by_event(session, events) == {e: set(ids) for e, ids in expected.items()}
    january, orchestra, juniors, together, nobody = (set(expected[e]) for e in events)
    assert january == {both}  # same_day's current membership is the orchestra's
    assert orchestra == {ida, both, same_day, leah, erased}
    assert together == {ida, both, same_day, erased}  # Leah left on 31.01
    assert juniors == set() and nobody == set()


# --- the sign-up sheet ---------------------------------------------------------------------


def test_sheet_groups_by_ensemble_then_section_then_norwegian_surname(db) -> None:
    aase = _member(db, "Åse", "Åsen")
    oeystein = _member(db, "Øystein", "Ødegård")
    zoe = _member(db, "Zoë", "Zahl")
    aaron = _member(db, "Aaron", "Aas", instrument="Flute")
    berg = _member(db, "Bo", "Berg", "junior", instrument="Cello")
    guest = _member(db, "Gjest", "Aamodt", "aspirant")  # not invited, but asked to come
    event_id = _seminar(db, ensembles=("ungdom", "junior"))
    set_signup(db, event_id, guest, attending="yes", note="Prøvespill")
    set_signup(db, event_id, zoe, attending="no", wants_lunch=False)
    with db.transaction() as session:
        rows = signup_sheet(session, event_id)
    assert [r.person_id for r in rows] == [zoe, oeystein, aase, aaron, berg, guest]
    assert [(r.ensemble, r.section) for r in rows][::2] == [
        ("Ungdomssymfonikerne", "strings"),
        ("Ungdomssymfonikerne", "strings"),
        ("Juniorsymfonikerne", "strings"),
    ]
    assert [(r.invited, r.attending, r.note) for r in (rows[0], rows[1], rows[-1])] == [
        (True, "no", None),
        (True, "unknown", None),
        (False, "yes", "Prøvespill"),
    ]
    assert rows[3].instrument == "Fløyte"


def test_set_signup_upserts_and_leaves_unmentioned_fields_alone(db) -> None:
    pid = _member(db, "Ida", "Berg")
    event_id = _seminar(db)
    assert set_signup(db, event_id, pid, attending="yes") is True
    assert set_signup(db, event_id, pid, wants_lunch=True, note="  Glutenfri  ") is True
    assert _signups(db, event_id) == {pid: ("yes", True, "Glutenfri")}
    assert set_signup(db, event_id, pid, attending="yes") is False
    set_signup(db, event_id, pid, attending="no", note="")
    assert _signups(db, event_id) == {pid: ("no", True, None)}


def test_set_signup_validates_first(db) -> None:
    pid = _member(db, "Ida", "Berg")
    event_id = _seminar(db)
    with pytest.raises(ValidationError, match="'maybe' is not an answer"):
        set_signup(db, event_id, pid, attending="maybe")
    with pytest.raises(VrusError, match="event 999"):
        set_signup(db, 999, pid, attending="yes")
    with pytest.raises(ValidationError, match="longer than 500"):
        set_signup(db, event_id, pid, note="x" * 501)
    archived = _member(db, "Aron", "Holm")
    archive_person(db, archived)
    with pytest.raises(ValidationError, match="Aron Holm is archived"):
        set_signup(db, event_id, archived, attending="yes")
    assert _signups(db, event_id) == {}


def test_sign_up_all_invited_says_yes_but_keeps_a_no(db) -> None:
    ida, jon, kim = (_member(db, n, "Berg") for n in ("Ida", "Jon", "Kim"))
    _member(db, "Lea", "Junior", "junior")
    event_id = _seminar(db)
    set_signup(db, event_id, jon, attending="no")
    set_signup(db, event_id, kim, attending="yes", wants_lunch=True)
    assert sign_up_all_invited(db, event_id, lunch=True) == 1  # only Ida changes
    assert _signups(db, event_id) == {
        ida: ("yes", True, None),
        jon: ("no", False, None),
        kim: ("yes", True, None),
    }
    assert sign_up_all_invited(db, event_id, lunch=True) == 0
    assert sign_up_all_invited(db, event_id, lunch=False, overwrite_no=True) == 3
    assert {a for a, _, _ in _signups(db, event_id).values()} == {"yes"}


def test_copy_from_the_previous_seminar(db) -> None:
    ida, jon, kim, lea = (_member(db, n, "Berg") for n in ("Ida", "Jon", "Kim", "Lea"))
    newcomer = _member(db, "Nils", "Ny", start=D(2014, 2, 20))
    left = _member(db, "Leah", "Slutt", end=D(2014, 2, 28))
    first = _seminar(db, D(2014, 2, 8))
    create_event(db, kind="concert", title="Konsert", start=D(2014, 2, 22))
    second = _seminar(db, D(2014, 3, 8))
    for pid, answer, lunch in [
        (ida, "yes", True),
        (jon, "no", False),
        (kim, "yes", False),
        (left, "yes", True),
    ]:
        set_signup(db, first, pid, attending=answer, wants_lunch=lunch, note="Kun lørdag")
    set_signup(db, first, lea, note="Svarer senere")  # not answered in the source
    set_signup(db, second, kim, attending="no")  # already answered here: kept
    with db.transaction() as session:
        assert previous_seminar(session, second) == first
        assert previous_seminar(session, first) is None
    assert copy_signups_from(db, second, first) == 2
    assert _signups(db, second) == {
        ida: ("yes", True, None),
        jon: ("no", False, None),
        kim: ("no", False, None),
    }
    assert newcomer not in _signups(db, second)
    with pytest.raises(ValidationError, match="same event"):
        copy_signups_from(db, second, second)


# --- attendance ----------------------------------------------------------------------------


def test_record_change_and_clear_attendance(db) -> None:
    pid = _member(db, "Ida", "Berg")
    saturday, _ = _days(db, _seminar(db))
    assert record_attendance(db, saturday, pid, "present") is None
    assert record_attendance(db, saturday, pid, "excused") == "present"
    assert record_attendance(db, saturday, pid, None) == "excused"  # back to not recorded
    assert record_attendance(db, saturday, pid, None) is None
    with db.transaction() as session:
        assert session.scalars(select(Attendance)).all() == []
    with pytest.raises(ValidationError, match="'late' is not an attendance status"):
        record_attendance(db, saturday, pid, "late")
    with pytest.raises(VrusError, match="event day 999"):
        record_attendance(db, 999, pid, "present")


def test_grid_shows_not_recorded_unannounced_and_counts_per_day(db) -> None:
    ida, jon, kim = (_member(db, n, "Berg") for n in ("Ida", "Jon", "Kim"))
    walk_in = _member(db, "Åsmund", "Aspirant", "aspirant")  # not invited, turned up
    event_id = _seminar(db)
    saturday, sunday = _days(db, event_id)
    set_signup(db, event_id, ida, attending="yes")
    set_signup(db, event_id, jon, attending="no")
    record_attendance(db, saturday, ida, "present")
    record_attendance(db, saturday, jon, "excused")
    record_attendance(db, saturday, kim, "present")  # invited, never answered
    record_attendance(db, saturday, walk_in, "present")
    record_attendance(db, sunday, ida, "absent")
    with db.transaction() as session:
        grid = attendance_grid(session, event_id)
    assert [d.label() for d in grid.days] == ["lørdag 08.02.2014", "søndag 09.02.2014"]
    rows = {r.person_id: r for r in grid.rows}
    assert [r.person_id for r in grid.rows] == [ida, jon, kim, walk_in]
    assert rows[ida].statuses == {saturday: "present", sunday: "absent"}
    assert rows[jon].statuses == {saturday: "excused", sunday: None}
    assert [rows[p].unannounced for p in (ida, jon, kim, walk_in)] == [False, False, True, True]
    assert (rows[walk_in].invited, rows[walk_in].answer) == (False, "unknown")
    assert grid.counts_per_day[saturday] == {"present": 3, "excused": 1}
    assert grid.counts_per_day[sunday] == {"absent": 1, NOT_RECORDED: 3}


def test_mark_signed_up_present_fills_only_the_unrecorded_yes(db) -> None:
    ida, jon, kim = (_member(db, n, "Berg") for n in ("Ida", "Jon", "Kim"))
    event_id = _seminar(db)
    saturday, _ = _days(db, event_id)
    sign_up_all_invited(db, event_id, lunch=True)
    set_signup(db, event_id, kim, attending="no")
    record_attendance(db, saturday, jon, "absent")
    assert mark_signed_up_present(db, saturday) == 1
    with db.transaction() as session:
        grid = attendance_grid(session, event_id)
    assert {r.person_id: r.statuses[saturday] for r in grid.rows} == {
        ida: "present",
        jon: "absent",
        kim: None,
    }


def test_archived_persons_with_history_stay_on_the_grid(db) -> None:
    ida = _member(db, "Ida", "Berg")
    event_id = _seminar(db)
    saturday, _ = _days(db, event_id)
    record_attendance(db, saturday, ida, "present")
    archive_person(db, ida)
    with db.transaction() as session:
        assert invited_person_ids(session, event_id) == set()
        assert [r.person_id for r in attendance_grid(session, event_id).rows] == [ida]
    record_attendance(db, saturday, ida, "absent")  # correcting history is allowed
    with pytest.raises(ValidationError, match="archived"):
        record_attendance(db, _days(db, event_id)[1], ida, "present")
