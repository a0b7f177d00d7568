"""Lunch planning for the friends' association: counts per day (forecast, from the sign-ups,
actual), staff and parents included, diets and allergies, the data-minimised view, and
``vrus lunch``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.attendance import record_attendance
from vrus.cli.lunch import add_commands, cmd_lunch
from vrus.db.models import (
    Allergy,
    Ensemble,
    Event,
    Guardian,
    Instrument,
    Person,
    PersonDiet,
    PersonGuardian,
    Season,
)
from vrus.demo import load_demo
from vrus.duties import DutyEntry, assign_duty
from vrus.events import add_staff_member, assign_staff, create_event, update_event
from vrus.lunch import (
    AllergyEntry,
    Basis,
    DietNote,
    LunchDay,
    LunchPlan,
    lunch_plan,
    short_names,
)
from vrus.memberships import start_membership
from vrus.signups import set_signup
from vrus.validation import ValidationError

D = dt.date
FIRST_DAY = D(2026, 1, 17)
DEADLINE = D(2026, 1, 10)
BEFORE_DEADLINE = D(2026, 1, 5)
AFTER_DEADLINE = D(2026, 1, 12)


def _id(db, model, **where) -> int:
    with db.transaction() as session:
        query = select(model.id)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return session.scalars(query).one()


def _member(db, first: str, last: str, *, short: str = "ungdom", instrument: str = "Violin") -> int:
    pid = add_person(db, first, last)
    start_membership(
        db,
        pid,
        _id(db, Ensemble, short_name=short),
        _id(db, Instrument, name_en=instrument),
        D(2025, 8, 1),
    )
    return pid


def _guardian(db, first: str, last: str, phone: str, *children: int) -> int:
    with db.transaction() as session:
        guardian = Guardian(first_name=first, last_name=last, phone=phone)
        session.add(guardian)
        session.flush()
        session.add_all(
            PersonGuardian(person_id=c, guardian_id=guardian.id, relation="mother")
            for c in children
        )
        return guardian.id


@dataclass
class Seminar:
    event_id: int
    day1: int
    day2: int
    asmund: int  # yes, lunch
    zoe: int  # yes, no lunch; mild egg allergy
    lukasz: int  # yes, lunch; vegetarian, severe nut allergy; absent on day 1
    minh: int  # no answer; turns up on day 1 (unannounced); halal
    ingrid: int  # answered no


@pytest.fixture
def seminar(db) -> Seminar:
    asmund = _member(db, "Åsmund", "Ærøy")
    zoe = _member(db, "Zoë", "de Vries", instrument="Flute")
    lukasz = _member(db, "Łukasz", "Wiśniewski", instrument="Cello")
    minh = _member(db, "Minh", "Nguyễn", instrument="Trumpet")
    ingrid = _member(db, "Ingrid", "Aas")
    ungdom = _id(db, Ensemble, short_name="ungdom")
    event_id = create_event(
        db,
        kind="seminar",
        title="Helgeseminar 1",
        start=FIRST_DAY,
        days=2,
        venue="Asker kulturskole",
        ensemble_ids=[ungdom],
    )
    update_event(db, event_id, signup_deadline=DEADLINE)
    for pid, lunch in ((asmund, True), (zoe, False), (lukasz, True)):
        set_signup(db, event_id, pid, attending="yes", wants_lunch=lunch)
    set_signup(db, event_id, ingrid, attending="no", note="Konfirmasjon")
    with db.transaction() as session:
        session.add_all(
            [
                PersonDiet(person_id=lukasz, diet="vegetarian"),
                PersonDiet(person_id=minh, diet="halal"),
                Allergy(
                    person_id=lukasz,
                    allergen="Nøtter",
                    severity="severe",
                    note="Anafylaksi – har adrenalinpenn",
                ),
                Allergy(person_id=zoe, allergen="Egg", severity="mild"),
            ]
        )
        person = session.get(Person, asmund)
        person.diet_note, person.address = "Spiser ikke sopp", "Granveien 7"
        person.notes, person.birth_date = "Hemmelig merknad", D(2010, 3, 14)
    with db.transaction() as session:
        day1, day2 = sorted(d.id for d in session.get(Event, event_id).days)
    return Seminar(event_id, day1, day2, asmund, zoe, lukasz, minh, ingrid)


def _staff(db, seminar: Seminar) -> None:
    """A conductor on every day, an instructor on day 1 only, both eating; an instructor
    on every day who brings her own lunch."""
    conductor = add_staff_member(db, "Sverre", "Kvamme-Lund", "conductor")
    violin = add_staff_member(db, "Ragnhild", "Sæbø", "instructor", section="strings")
    cello = add_staff_member(db, "Tuva", "Engebretsen", "instructor", section="strings")
    assign_staff(db, seminar.event_id, conductor)
    assign_staff(db, seminar.event_id, violin, event_day_id=seminar.day1)
    assign_staff(db, seminar.event_id, cello, wants_lunch=False)


def _parents(db, seminar: Seminar) -> tuple[int, int]:
    """Kari on lunch and on coffee on day 1 (eats once); Ola sets up on day 2, no lunch."""
    kari = _guardian(db, "Kari", "Nordmann", "+4791234567", seminar.asmund)
    ola = _guardian(db, "Ola", "Hansen", "+4722334455", seminar.zoe)
    assign_duty(db, seminar.day1, kari, "lunch")
    assign_duty(db, seminar.day1, kari, "coffee_fruit")
    assign_duty(db, seminar.day2, ola, "setup_clearing", wants_lunch=False)
    return kari, ola


def _plan(db, seminar: Seminar, today: dt.date) -> LunchPlan:
    with db.transaction() as session:
        return lunch_plan(session, seminar.event_id, today)


def _days(db, seminar: Seminar, today: dt.date) -> tuple[LunchDay, LunchDay]:
    first, second = _plan(db, seminar, today).days
    return first, second


# --- counts --------------------------------------------------------------------------------


def test_forecast_counts_members_who_want_lunch_plus_staff_and_parents(db, seminar) -> None:
    _staff(db, seminar)
    _parents(db, seminar)
    day1, day2 = _days(db, seminar, BEFORE_DEADLINE)
    assert day1.basis is day2.basis is Basis.FORECAST
    # Zoë signed up without lunch; Ingrid said no; Minh has not answered.
    assert day1.count.members == (("Ungdomssymfonikerne", 2),)
    assert day1.count.unannounced == 0
    assert (day1.count.staff, day2.count.staff) == (2, 1)
    assert (day1.count.volunteers, day2.count.volunteers) == (1, 0)  # Kari eats once
    assert (day1.count.total, day2.count.total) == (5, 3)
    assert day1.unanswered == 1


def test_after_the_deadline_the_same_count_is_from_the_sign_ups(db, seminar) -> None:
    day1, _ = _days(db, seminar, AFTER_DEADLINE)
    assert day1.basis is Basis.SIGNED_UP
    assert day1.count.member_total == 2


def test_without_a_deadline_sign_up_closes_the_day_before(db, seminar) -> None:
    update_event(db, seminar.event_id, signup_deadline=None)
    assert _days(db, seminar, FIRST_DAY - dt.timedelta(days=1))[0].basis is Basis.FORECAST
    assert _days(db, seminar, FIRST_DAY)[0].basis is Basis.SIGNED_UP


def test_once_attendance_is_taken_the_present_are_counted(db, seminar) -> None:
    _staff(db, seminar)
    _parents(db, seminar)
    record_attendance(db, seminar.day1, seminar.asmund, "present")  # signed up with lunch
    record_attendance(db, seminar.day1, seminar.zoe, "present")  # signed up without lunch
    record_attendance(db, seminar.day1, seminar.lukasz, "absent")
    record_attendance(db, seminar.day1, seminar.minh, "present")  # never signed up
    record_attendance(db, seminar.day1, seminar.ingrid, "excused")
    day1, day2 = _days(db, seminar, FIRST_DAY)
    assert day1.basis is Basis.ACTUAL
    assert day1.count.members == (("Ungdomssymfonikerne", 1),)  # Åsmund; Zoë brought her own
    assert day1.count.unannounced == 1  # Minh, counted as eating, shown apart
    assert day1.count.total == 1 + 1 + 2 + 1
    assert day1.unanswered == 0
    # Day 2 has no attendance yet: still the sign-ups.
    assert day2.basis is Basis.SIGNED_UP
    assert day2.count.member_total == 2


def test_someone_who_said_no_but_came_is_unannounced(db, seminar) -> None:
    record_attendance(db, seminar.day1, seminar.ingrid, "present")
    day1, _ = _days(db, seminar, FIRST_DAY)
    assert day1.count.unannounced == 1
    assert day1.count.members == ()


def test_an_event_without_days_has_an_empty_plan(db) -> None:
    with db.transaction() as session:
        season = Season(name="2026", start_date=D(2026, 1, 1), end_date=D(2026, 12, 31))
        event = Event(season=season, kind="concert", title="Vårkonsert")
        session.add(event)
        session.flush()
        plan = lunch_plan(session, event.id, D(2026, 1, 1))
    assert plan.days == ()


# --- diets, allergies, warnings --------------------------------------------------------------


def test_diets_are_counted_for_those_who_eat(db, seminar) -> None:
    forecast, _ = _days(db, seminar, BEFORE_DEADLINE)
    assert dict(forecast.diets) == {
        "vegetarian": 1,
        "vegan": 0,
        "halal": 0,
        "no_pork": 0,
        "lactose_free": 0,
        "gluten_free": 0,
        "other": 0,
    }
    assert forecast.diet_notes == (DietNote("Åsmund", "Ungdomssymfonikerne", "Spiser ikke sopp"),)
    record_attendance(db, seminar.day1, seminar.minh, "present")
    record_attendance(db, seminar.day1, seminar.lukasz, "absent")
    actual, _ = _days(db, seminar, FIRST_DAY)
    assert dict(actual.diets)["halal"] == 1  # Minh eats, unannounced
    assert dict(actual.diets)["vegetarian"] == 0  # Łukasz is absent


def test_allergies_severe_first_with_names_for_everyone_coming(db, seminar) -> None:
    day1, _ = _days(db, seminar, BEFORE_DEADLINE)
    assert day1.allergies == (
        AllergyEntry(
            "Łukasz",
            "Ungdomssymfonikerne",
            "Nøtter",
            "severe",
            "Anafylaksi – har adrenalinpenn",
            True,
        ),
        # Zoë eats her own lunch, but the fruit is for everyone.
        AllergyEntry("Zoë", "Ungdomssymfonikerne", "Egg", "mild", None, False),
    )
    assert day1.allergies[0].severe and not day1.allergies[1].severe


def test_a_day_without_lunch_duty_is_warned_about(db, seminar) -> None:
    _parents(db, seminar)
    day1, day2 = _days(db, seminar, BEFORE_DEADLINE)
    assert day1.warnings == ()
    assert [str(w) for w in day2.warnings] == ["nobody is on lunch duty"]


def test_short_names_add_an_initial_only_when_first_names_collide() -> None:
    names = short_names(
        [
            (1, "Ida", "Fossum"),
            (2, "Ida", "Kristiansen"),
            (3, "Åse", "Aas"),
            (4, "Mari", "Berg"),
            (5, "Mari", "Bakke"),
        ]
    )
    assert names == {1: "Ida F.", 2: "Ida K.", 3: "Åse", 4: "Mari Berg", 5: "Mari Bakke"}


# --- the friends' association's view is data-minimised ---------------------------------------


def test_the_view_has_no_birth_dates_addresses_notes_or_surnames(db, seminar) -> None:
    _parents(db, seminar)
    out = io.StringIO()
    cmd_lunch(db, event_id=seminar.event_id, fmt="json", out=out, today=BEFORE_DEADLINE)
    text = out.getvalue()
    for secret in (
        "2010-03-14",
        "14.03.2010",
        "Granveien",
        "Hemmelig",
        "Konfirmasjon",
        "Ærøy",
        "Wiśniewski",
        "de Vries",
    ):
        assert secret not in text
    assert "Spiser ikke sopp" in text and "Anafylaksi" in text  # written for the kitchen
    assert "912 34 567" in text  # the parents' phone numbers are what the roster is for


def test_no_field_of_the_view_can_carry_personal_details() -> None:
    banned = {
        "birth_date",
        "address",
        "postal_code",
        "postal_place",
        "email",
        "notes",
        "last_name",
        "municipality",
    }
    for model in (LunchPlan, LunchDay, AllergyEntry, DietNote, DutyEntry):
        assert not banned & {f.name for f in dataclasses.fields(model)}, model


# --- vrus lunch ------------------------------------------------------------------------------


def test_text_report_shows_counts_basis_diets_allergies_and_duties(db, seminar) -> None:
    _staff(db, seminar)
    _parents(db, seminar)
    out = io.StringIO()
    assert cmd_lunch(db, event_id=seminar.event_id, out=out, today=BEFORE_DEADLINE) == 0
    text = out.getvalue()
    assert "lørdag 17.01.2026: 5 lunches (forecast: sign-up is still open)" in text
    assert "søndag 18.01.2026: 3 lunches" in text
    assert "1 invited have not answered" in text
    assert "diets: vegetarian 1" in text
    assert "!! SEVERE Nøtter: Łukasz (Ungdomssymfonikerne)" in text
    assert "Kari Nordmann, 912 34 567" in text
    assert "warning: nobody is on lunch duty" in text


def test_json_report(db, seminar) -> None:
    out = io.StringIO()
    cmd_lunch(db, event_id=seminar.event_id, fmt="json", out=out, today=AFTER_DEADLINE)
    data = json.loads(out.getvalue())
    day = data["days"][0]
    assert (day["date"], day["weekday_nb"], day["basis"]) == ("2026-01-17", "lørdag", "signed_up")
    assert day["members"] == [{"ensemble": "Ungdomssymfonikerne", "count": 2}]
    assert day["allergies"][0]["severe"] is True


def test_unknown_format_is_refused(db, seminar) -> None:
    with pytest.raises(ValidationError):
        cmd_lunch(db, event_id=seminar.event_id, fmt="xml", out=io.StringIO())


def test_the_command_is_registered(db, seminar, capsys) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="vrus")
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["lunch", str(seminar.event_id), "--format", "json"])
    assert args.handler(db, args) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Helgeseminar 1"
    with pytest.raises(SystemExit):
        parser.parse_args(["lunch", "x"])


def test_demo_seminar_has_severe_allergies_and_a_lunch_gap(db) -> None:
    load_demo(db, today=D(2026, 11, 26))
    with db.transaction() as session:
        last = session.scalars(
            select(Event.id).where(Event.title == "Helgeseminar 9").order_by(Event.id.desc())
        ).first()
        plan = lunch_plan(session, last, D(2026, 11, 26))
    assert all(day.basis is Basis.SIGNED_UP for day in plan.days)
    assert all(day.count.total > day.count.member_total > 0 for day in plan.days)
    assert all(day.allergies[0].severe for day in plan.days)
    assert all(day.warnings for day in plan.days)  # the demo leaves lunch unstaffed here
