"""Season planning: events, their days and weekdays, invitations, partners, staff."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.factories import add_event_with_attendance, add_person
from vrus.attendance import record_attendance
from vrus.db.models import (
    Ensemble,
    Event,
    EventDay,
    Guardian,
    Instrument,
    Organisation,
    Season,
    SignUp,
    StaffMember,
    VolunteerDuty,
)
from vrus.errors import VrusError
from vrus.events import (
    add_staff_member,
    assign_staff,
    create_event,
    delete_event,
    event_staff,
    list_events,
    list_staff,
    set_event_days,
    set_invited,
    set_partners,
    unassign_staff,
    update_event,
)
from vrus.seasons import (
    WarningCode,
    current_season_year,
    ensure_season,
    season_of,
    season_years,
)
from vrus.signups import set_signup
from vrus.validation import ValidationError

D = dt.date


def _id(db, model, **where) -> int:
    with db.transaction() as session:
        return session.scalars(select(model.id).filter_by(**where)).one()


def _count(db, model) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(model))


# --- seasons -------------------------------------------------------------------------------


def test_seasons_are_calendar_years_made_on_first_use(db) -> None:
    with db.transaction() as session:
        season = ensure_season(session, 2014)
        assert (season.name, season.start_date, season.end_date) == (
            "2014",
            D(2014, 1, 1),
            D(2014, 12, 31),
        )
        assert ensure_season(session, 2014).id == season.id
        assert season_of(session, D(2014, 3, 6)).id == season.id
        assert season_of(session, D(2015, 1, 1)).name == "2015"
        assert season_years(session) == [2014, 2015]
        with pytest.raises(ValidationError, match="not a season year"):
            ensure_season(session, 14)
    assert current_season_year(D(2014, 12, 31)) == 2014


# --- creating and editing ------------------------------------------------------------------


def test_create_seminar_on_consecutive_days_in_the_season_of_its_first_day(db) -> None:
    ungdom = _id(db, Ensemble, short_name="ungdom")
    event_id = create_event(
        db,
        kind="seminar",
        title="  Helgeseminar   1 ",
        start=D(2014, 12, 27),
        days=3,
        venue="Lier kulturskole",
        ensemble_ids=[ungdom, ungdom],
        start_time=dt.time(10),
        end_time=dt.time(16),
    )
    with db.transaction() as session:
        event = session.get(Event, event_id)
        assert event.title == "Helgeseminar 1" and event.season.name == "2014"
        assert [d.date for d in event.days] == [D(2014, 12, 27), D(2014, 12, 28), D(2014, 12, 29)]
        assert {(d.start_time, d.end_time) for d in event.days} == {(dt.time(10), dt.time(16))}
        assert [link.ensemble_id for link in event.invited] == [ungdom]
        assert event.project_id is None


def test_iris_activities_belong_to_the_iris_project_by_default(db) -> None:
    dextra = _id(db, Organisation, name="Dextra Musica")
    event_id = create_event(
        db,
        kind="iris",
        iris_type="superhelg",
        title="Superhelg",
        start=D(2014, 2, 8),
        partner_ids=[(dextra, "Dextra-musikere")],
    )
    with db.transaction() as session:
        event = session.get(Event, event_id)
        assert event.project.name == "IRIS" and event.iris_type == "superhelg"
        assert [(p.organisation.name, p.role) for p in event.partners] == [
            ("Dextra Musica", "Dextra-musikere")
        ]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"kind": "party"}, "kind", "'party' is not a kind of event: use seminar, iris"),
        ({"title": "  "}, "title", "is required"),
        ({"iris_type": "superhelg"}, "iris_type", "only IRIS activities"),
        ({"days": 0}, "days", "at least one day"),
        ({"days": 15}, "days", "at most 14 days"),
        ({"start": "31.02.2014"}, "start", "'31.02.2014' is not a real date"),
        ({"start_time": dt.time(16), "end_time": dt.time(10)}, "end_time", "before it starts"),
        ({"audience_count": -3}, "audience_count", "cannot be negative"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(db, fields, field, message) -> None:
    values = {"kind": "seminar", "title": "Helgeseminar", "start": D(2014, 2, 8), **fields}
    with pytest.raises(ValidationError, match=message) as error:
        create_event(db, **values)
    assert error.value.field == field
    assert _count(db, Event) == 0 and _count(db, Season) == 0


def test_unknown_ensemble_or_partner_changes_nothing(db) -> None:
    with pytest.raises(VrusError, match="ensemble 999 is not in the register"):
        create_event(db, kind="seminar", title="S", start=D(2014, 2, 8), ensemble_ids=[999])
    with pytest.raises(VrusError, match="organisation 999"):
        create_event(db, kind="seminar", title="S", start=D(2014, 2, 8), partner_ids=[999])
    assert _count(db, Event) == 0 and _count(db, Season) == 0


def test_update_event_touches_only_the_given_fields(db) -> None:
    event_id = create_event(
        db, kind="concert", title="Vårkonsert", start=D(2014, 4, 27), venue="Jar kirke"
    )
    update_event(
        db,
        event_id,
        audience_count="180",
        description=" Med Jar skole ",
        signup_deadline="13.04.2014",
    )
    with pytest.raises(ValidationError, match="only IRIS"):
        update_event(db, event_id, iris_type="konsert")
    with pytest.raises(ValidationError, match="not a field"):
        update_event(db, event_id, season_id=3)
    update_event(db, event_id, kind="iris", iris_type="konsert")
    with db.transaction() as session:
        event = session.get(Event, event_id)
        assert (event.title, event.venue, event.audience_count, event.description) == (
            "Vårkonsert",
            "Jar kirke",
            180,
            "Med Jar skole",
        )
        assert event.kind == "iris" and event.project.name == "IRIS"
        assert event.signup_deadline == D(2014, 4, 13)


def test_set_event_days_keeps_attendance_on_days_kept_and_moves_season(db) -> None:
    person_id, day_id = add_event_with_attendance(db)  # Saturday 07.02.2026, present
    with db.transaction() as session:
        event_id = session.get(EventDay, day_id).event_id
    ids = set_event_days(
        db, event_id, [(D(2026, 2, 8), "10:00", "15:00"), (D(2026, 2, 7), dt.time(10), None)]
    )
    assert ids[0] == day_id and len(ids) == 2
    with db.transaction() as session:
        event = session.get(Event, event_id)
        assert [(d.date, d.start_time, d.end_time) for d in event.days] == [
            (D(2026, 2, 7), dt.time(10), None),
            (D(2026, 2, 8), dt.time(10), dt.time(15)),
        ]
    # Removing the Saturday would lose recorded attendance: refused, nothing changed.
    with pytest.raises(
        VrusError,
        match=r"cannot remove Saturday 07\.02\.2026 from "
        r"'Helgeseminar 1': attendance is recorded for 1",
    ):
        set_event_days(db, event_id, [(D(2027, 2, 6), None, None)])
    with db.transaction() as session:
        assert len(session.get(Event, event_id).days) == 2
    record_attendance(db, day_id, person_id, None)
    set_event_days(db, event_id, [(D(2027, 2, 6), None, None)])
    with db.transaction() as session:
        event = session.get(Event, event_id)
        assert [d.date for d in event.days] == [D(2027, 2, 6)] and event.season.name == "2027"


def test_set_event_days_validates_first(db) -> None:
    event_id = create_event(db, kind="seminar", title="S", start=D(2014, 2, 8))
    with pytest.raises(ValidationError, match="at least one day"):
        set_event_days(db, event_id, [])
    with pytest.raises(ValidationError, match=r"08\.02\.2014 is given twice"):
        set_event_days(db, event_id, [(D(2014, 2, 8), None, None), ("08.02.2014", None, None)])
    with pytest.raises(ValidationError, match="'25:00' is not a time"):
        set_event_days(db, event_id, [(D(2014, 2, 8), "25:00", None)])


def test_delete_event_refused_while_attendance_or_duties_exist(db) -> None:
    person_id, day_id = add_event_with_attendance(db)
    with db.transaction() as session:
        event_id = session.get(EventDay, day_id).event_id
    set_signup(db, event_id, person_id, attending="yes")
    with pytest.raises(
        VrusError, match="cannot delete 'Helgeseminar 1': attendance is recorded for 1 person"
    ):
        delete_event(db, event_id)
    record_attendance(db, day_id, person_id, None)
    with db.transaction() as session:
        guardian = Guardian(first_name="Kari", last_name="Ødegård")
        session.add(guardian)
        session.flush()
        session.add(VolunteerDuty(event_day_id=day_id, guardian_id=guardian.id, task="lunch"))
    with pytest.raises(VrusError, match="parent duty"):
        delete_event(db, event_id)
    with db.transaction() as session:
        session.execute(VolunteerDuty.__table__.delete())
    delete_event(db, event_id)
    assert _count(db, Event) == 0 and _count(db, EventDay) == 0 and _count(db, SignUp) == 0


def test_set_invited_and_partners_replace_the_lists(db) -> None:
    ungdom, junior = _id(db, Ensemble, short_name="ungdom"), _id(db, Ensemble, short_name="junior")
    jar = _id(db, Organisation, name="Dextra Musica")
    event_id = create_event(
        db, kind="concert", title="K", start=D(2014, 4, 27), ensemble_ids=[ungdom]
    )
    set_invited(db, event_id, [junior, ungdom])
    set_partners(db, event_id, [(jar, " Medvirkende ")])
    with db.transaction() as session:
        event = session.get(Event, event_id)
        assert {link.ensemble_id for link in event.invited} == {ungdom, junior}
        assert [(p.organisation_id, p.role) for p in event.partners] == [(jar, "Medvirkende")]
    set_invited(db, event_id, [junior])
    set_partners(db, event_id, [])
    with db.transaction() as session:
        event = session.get(Event, event_id)
        assert [link.ensemble_id for link in event.invited] == [junior] and event.partners == []


# --- the season's list, with weekdays --------------------------------------------------------


def _enter_2014_iris_by_hand(db) -> dict[str, int]:
    """The 2014 IRIS activities as the annual report lists them; the samspilltreff printed
    "Søndag 06.03" is entered as a seminar day, as a coordinator copying the report would."""
    ungdom = _id(db, Ensemble, short_name="ungdom")
    plan = [
        ("superhelg", "iris", "superhelg", D(2014, 2, 8)),
        ("inspirasjon", "iris", "inspirasjonskonsert", D(2014, 2, 9)),
        ("treff_mars", "iris", "samspilltreff", D(2014, 3, 15)),
        ("treff_0603", "seminar", None, D(2014, 3, 6)),
        ("gruppe", "iris", "gruppeovelse", D(2014, 10, 11)),
        ("treff_okt", "iris", "samspilltreff", D(2014, 10, 12)),
        ("mesterklasse", "iris", "mesterklasse", D(2014, 10, 31)),
    ]
    return {
        key: create_event(
            db, kind=kind, iris_type=iris_type, title=key, start=day, ensemble_ids=[ungdom]
        )
        for key, kind, iris_type, day in plan
    }


def test_2014_iris_dates_show_weekdays_and_warn_where_the_report_was_wrong(db) -> None:
    ids = _enter_2014_iris_by_hand(db)
    with db.transaction() as session:
        events = list_events(session, 2014)
    assert [e.first_day for e in events] == sorted(e.first_day for e in events)
    by_id = {e.id: e for e in events}
    superhelg, treff = by_id[ids["superhelg"]], by_id[ids["treff_0603"]]
    assert superhelg.days[0].label() == "lørdag 08.02.2014" and superhelg.warnings == []
    assert treff.days[0].label() == "torsdag 06.03.2014"
    assert treff.warnings == ["Thursday 06.03.2014 is not a weekend day"]
    assert [(w.code, w.day) for w in treff.day_warnings] == [
        (WarningCode.SEMINAR_NOT_WEEKEND, D(2014, 3, 6))
    ]
    # The master class is on a Friday, which is right for an IRIS activity: no warning.
    assert by_id[ids["mesterklasse"]].days[0].label("en") == "Friday 31.10.2014"
    assert [e.id for e in events if e.warnings] == [ids["treff_0603"]]


def test_a_seminar_weekend_typed_one_day_early_warns_for_the_friday_only(db) -> None:
    create_event(db, kind="seminar", title="Helgeseminar", start=D(2014, 3, 7), days=2)
    with db.transaction() as session:
        (event,) = list_events(session, 2014)
    assert event.warnings == ["Friday 07.03.2014 is not a weekend day"]


def test_list_events_shows_invited_turnout_and_orders_by_date_and_time(db) -> None:
    ungdom, junior = _id(db, Ensemble, short_name="ungdom"), _id(db, Ensemble, short_name="junior")
    concert = create_event(
        db,
        kind="concert",
        title="Vårkonsert",
        start=D(2014, 4, 27),
        start_time=dt.time(17),
        ensemble_ids=[junior, ungdom],
    )
    treff = create_event(
        db,
        kind="iris",
        title="Samspilltreff",
        start=D(2014, 4, 27),
        start_time=dt.time(11),
        ensemble_ids=[ungdom],
    )
    seminar = create_event(db, kind="seminar", title="Helgeseminar", start=D(2014, 1, 18), days=2)
    people = [add_person(db, "Åse", "Lie"), add_person(db, "Zoë", "Berg")]
    with db.transaction() as session:
        sat, sun = session.get(Event, seminar).days
    for pid in people:
        record_attendance(db, sat.id, pid, "present")
    record_attendance(db, sun.id, people[0], "present")
    record_attendance(db, sun.id, people[1], "absent")
    with db.transaction() as session:
        events = list_events(session, 2014, today=D(2014, 6, 1))
        assert list_events(session, 1999) == []
    assert [e.id for e in events] == [seminar, treff, concert]
    assert events[2].invited == ("Ungdomssymfonikerne", "Juniorsymfonikerne")
    assert [(d.present, d.recorded) for d in events[0].days] == [(2, 2), (1, 2)]
    assert events[0].turnout == 1  # the last past day with attendance recorded
    assert events[1].turnout is None
    with db.transaction() as session:
        assert list_events(session, 2014, today=D(2014, 1, 18))[0].turnout == 2


# --- staff ---------------------------------------------------------------------------------


def test_staff_assigned_to_events_and_listed_by_role_section_and_name(db) -> None:
    kork = _id(db, Organisation, name="Kringkastingsorkesteret (KORK)")
    cello, flute = _id(db, Instrument, name_en="Cello"), _id(db, Instrument, name_en="Flute")
    event_id = create_event(db, kind="seminar", title="S", start=D(2014, 2, 8), days=2)
    with db.transaction() as session:
        sunday = session.get(Event, event_id).days[1]
    conductor = add_staff_member(db, "Øyvind", "Åsheim", "conductor", phone="912 34 567")
    strings = add_staff_member(
        db,
        "Łukasz",
        "Nowak",
        "instructor",
        instrument_id=cello,
        organisation_id=kork,
        email="lukasz@Example.NO",
    )
    winds = add_staff_member(db, "Zoë", "Aas", "instructor", instrument_id=flute)
    assign_staff(db, event_id, winds, None, event_day_id=sunday.id, wants_lunch=False)
    link = assign_staff(db, event_id, strings, "instructor")
    assign_staff(db, event_id, conductor, "conductor")
    with db.transaction() as session:
        rows = event_staff(session, event_id)
    assert [(r.last_name, r.role, r.section, r.day, r.wants_lunch) for r in rows] == [
        ("Åsheim", "conductor", None, None, True),
        ("Nowak", "instructor", "strings", None, True),
        ("Aas", "instructor", "woodwind", D(2014, 2, 9), False),
    ]
    assert rows[1].organisation == "Kringkastingsorkesteret (KORK)"
    with pytest.raises(ValidationError, match="already assigned"):
        assign_staff(db, event_id, strings, "instructor", event_day_id=sunday.id)
    unassign_staff(db, link)
    with db.transaction() as session:
        assert [r.last_name for r in event_staff(session, event_id)] == ["Åsheim", "Aas"]


def test_staff_to_choose_from_leaves_out_the_archived(db) -> None:
    kept = add_staff_member(db, "Kari", "Lie", "instructor", section="brass")
    gone = add_staff_member(db, "Per", "Aas", "conductor")
    with db.transaction() as session:
        session.get(StaffMember, gone).archived = True
    event_id = create_event(db, kind="seminar", title="S", start=D(2014, 2, 8))
    with pytest.raises(ValidationError, match="Per Aas is archived"):
        assign_staff(db, event_id, gone)
    with db.transaction() as session:
        assert [s.id for s in list_staff(session)] == [kept]
        assert [s.id for s in list_staff(session, include_archived=True)] == [gone, kept]


def test_staff_input_is_validated(db) -> None:
    with pytest.raises(ValidationError, match="'janitor' is not a staff role"):
        add_staff_member(db, "Kari", "Lie", "janitor")
    with pytest.raises(ValidationError, match="not a phone number"):
        add_staff_member(db, "Kari", "Lie", "instructor", phone="123")
    other = create_event(db, kind="seminar", title="Other", start=D(2014, 3, 8))
    event_id = create_event(db, kind="seminar", title="S", start=D(2014, 2, 8))
    staff = add_staff_member(db, "Kari", "Lie", "instructor", section="brass")
    with db.transaction() as session:
        other_day = session.get(Event, other).days[0].id
    with pytest.raises(ValidationError, match="is not a day of 'S'"):
        assign_staff(db, event_id, staff, None, event_day_id=other_day)
