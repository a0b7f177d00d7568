"""The season calendar (``vrus.season_calendar``, ``vrus calendar``): the .ics file read back
with the icalendar library: events, Oslo times on both sides of a daylight saving change,
all-day days, the ensemble filter, cancelled events, UIDs that stay while SEQUENCE rises, and
nothing personal in it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import select

from tests.factories import add_person
from vrus import clock
from vrus.cli import main
from vrus.cli.calendar import cmd_calendar
from vrus.db.models import Ensemble, Event, Guardian, Person, Season, StaffMember
from vrus.demo import load_demo
from vrus.duties import assign_duty
from vrus.erasure_journal import register_id
from vrus.errors import VrusError
from vrus.events import (
    add_staff_member,
    assign_staff,
    create_event,
    set_cancelled,
    set_event_days,
    update_event,
)
from vrus.persons import add_guardian
from vrus.season_calendar import day_uid, season_calendar

D, T = dt.date, dt.time
OSLO = ZoneInfo("Europe/Oslo")
HOUR = dt.timedelta(hours=1)


def ensemble_id(db, short: str) -> int:
    with db.sessions() as session:
        return session.scalars(select(Ensemble.id).where(Ensemble.short_name == short)).one()


def export(db, year: int = 2027, **options) -> Calendar:
    data = season_calendar(db, year, language="en", **options)
    return Calendar.from_ical(data)


def entries(calendar: Calendar) -> dict[str, object]:
    """The VEVENTs by UID."""
    found = {str(entry["UID"]): entry for entry in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT")), "a UID is used twice"
    return found


def by_summary(calendar: Calendar) -> dict[str, object]:
    return {str(entry["SUMMARY"]): entry for entry in calendar.walk("VEVENT")}


def spring_seminar(db) -> int:
    """Saturday 27.03.2027 is winter time (+01:00), Sunday 28.03.2027 summer time (+02:00):
    the clocks go forward at 02:00 that night."""
    event_id = create_event(
        db,
        kind="seminar",
        title="Vårseminar",
        start=D(2027, 3, 27),
        days=2,
        venue="Lier kulturskole",
        ensemble_ids=[ensemble_id(db, "ungdom"), ensemble_id(db, "junior")],
        description="Tutti med dirigenten.",
        start_time=T(10),
        end_time=T(16),
    )
    update_event(db, event_id, signup_deadline=D(2027, 3, 12))
    return event_id


def concert(db, ensembles: list[str]) -> int:
    """A day without times: an all-day event."""
    return create_event(
        db,
        kind="concert",
        title="Vårkonsert",
        start=D(2027, 5, 9),
        venue="Jar kirke",
        ensemble_ids=[ensemble_id(db, short) for short in ensembles],
    )


def version_of(db, event_id: int) -> int:
    with db.sessions() as session:
        return session.get_one(Event, event_id).version


# --- times, zone, texts --------------------------------------------------------------------


def test_days_in_oslo_time_across_the_change_to_summer_time(db) -> None:
    seminar = spring_seminar(db)
    concert(db, ["ungdom"])
    calendar = export(db)

    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert "VRUS" in str(calendar["PRODID"]) and str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Vestregionens Ungdomssymfonikere, season 2027"
    found = by_summary(calendar)
    assert sorted(found) == ["Vårkonsert", "Vårseminar (day 1 of 2)", "Vårseminar (day 2 of 2)"]

    saturday, sunday = found["Vårseminar (day 1 of 2)"], found["Vårseminar (day 2 of 2)"]
    for entry, day in ((saturday, D(2027, 3, 27)), (sunday, D(2027, 3, 28))):
        start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
        assert (start, end) == (
            dt.datetime.combine(day, T(10), tzinfo=OSLO),
            dt.datetime.combine(day, T(16), tzinfo=OSLO),
        )
        assert str(start.tzinfo) == "Europe/Oslo" == entry["DTSTART"].params["TZID"]
        assert entry["DTEND"].params["TZID"] == "Europe/Oslo"
    assert saturday.decoded("DTSTART").utcoffset() == HOUR
    assert sunday.decoded("DTSTART").utcoffset() == 2 * HOUR
    assert saturday.decoded("DTSTART").astimezone(dt.UTC).time() == T(9)
    assert sunday.decoded("DTSTART").astimezone(dt.UTC).time() == T(8)

    assert str(saturday["LOCATION"]) == "Lier kulturskole"
    assert str(saturday["STATUS"]) == "CONFIRMED"
    assert saturday.decoded("SEQUENCE") == version_of(db, seminar)
    assert str(saturday["UID"]) == day_uid(register_id(db), seminar, 1)
    assert str(sunday["UID"]) == day_uid(register_id(db), seminar, 2)
    stamp = saturday.decoded("DTSTAMP")
    assert stamp.utcoffset() == dt.timedelta(0)
    assert abs(stamp - clock.utc_now().replace(tzinfo=dt.UTC)) < dt.timedelta(minutes=1)
    assert str(saturday["DESCRIPTION"]).split("\n") == [
        "Weekend seminar",
        "For Ungdomssymfonikerne and Juniorsymfonikerne.",
        "Tutti med dirigenten.",
        "Bring your instrument, a music stand, your music and a pencil.",
        "Lunch is served.",
        "Sign up by Friday 12.03.2027.",
    ]


def test_a_day_without_times_is_an_all_day_event(db) -> None:
    concert(db, ["ungdom"])
    (entry,) = export(db).walk("VEVENT")
    start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
    assert type(start) is dt.date and type(end) is dt.date
    assert (start, end) == (D(2027, 5, 9), D(2027, 5, 10))
    assert entry["DTSTART"].params.get("VALUE") == "DATE"
    assert str(entry["DESCRIPTION"]).split("\n") == [
        "Concert",
        "For Ungdomssymfonikerne.",
        "Bring your instrument and your music; wear concert clothes.",
    ]


def test_lunch_on_seminar_days_and_on_days_with_a_parent_on_lunch_duty(db) -> None:
    rehearsal = create_event(
        db, kind="rehearsal", title="Ekstraøvelse", start=D(2027, 4, 10), days=2
    )
    with db.sessions() as session:
        saturday, _sunday = sorted(session.get_one(Event, rehearsal).days, key=lambda d: d.date)
        saturday_id = saturday.id
    child = add_person(db, "Ida", "Berg")
    parent = add_guardian(db, child, {"first_name": "Kari", "last_name": "Berg"})
    assign_duty(db, saturday_id, parent, "lunch")
    found = by_summary(export(db))
    assert "Lunch is served." in str(found["Ekstraøvelse (day 1 of 2)"]["DESCRIPTION"])
    assert "Lunch" not in str(found["Ekstraøvelse (day 2 of 2)"]["DESCRIPTION"])


def test_bokmal_by_default(db) -> None:
    spring_seminar(db)
    data = season_calendar(db, 2027)
    text = Calendar.from_ical(data).walk("VEVENT")[0]["DESCRIPTION"]
    # Labels the catalogue has; the new sentences follow when they are translated.
    assert str(text).startswith("Helgeseminar\n")
    assert "Ungdomssymfonikerne og Juniorsymfonikerne" in str(text)
    assert "fredag 12.03.2027" in str(text)


# --- which events ----------------------------------------------------------------------------


def test_only_the_events_an_ensemble_is_invited_to(db) -> None:
    create_event(
        db,
        kind="seminar",
        title="Ungdom",
        start=D(2027, 2, 6),
        ensemble_ids=[ensemble_id(db, "ungdom")],
    )
    # No ensemble invited: in the whole season's calendar only.
    create_event(db, kind="rehearsal", title="Alle", start=D(2027, 2, 13))
    concert(db, ["junior", "ungdom"])
    create_event(
        db,
        kind="seminar",
        title="Junior",
        start=D(2027, 1, 16),
        ensemble_ids=[ensemble_id(db, "junior")],
    )
    create_event(db, kind="seminar", title="Neste år", start=D(2028, 1, 15))

    junior = export(db, ensemble_id=ensemble_id(db, "junior"))
    assert sorted(by_summary(junior)) == ["Junior", "Vårkonsert"]
    assert str(junior["X-WR-CALNAME"]) == (
        "Vestregionens Ungdomssymfonikere: Juniorsymfonikerne, season 2027"
    )
    assert sorted(by_summary(export(db))) == ["Alle", "Junior", "Ungdom", "Vårkonsert"]
    assert sorted(by_summary(export(db, 2028))) == ["Neste år"]
    aspirants = export(db, ensemble_id=ensemble_id(db, "aspirant"))
    assert aspirants.walk("VEVENT") == [] and len(aspirants.walk("VTIMEZONE")) == 1

    with pytest.raises(VrusError, match="^ensemble 999 is not in the register$"):
        export(db, ensemble_id=999)
    with pytest.raises(VrusError, match="^there is no season 2031 in the register$"):
        export(db, 2031)


def test_a_cancelled_event_is_marked_cancelled(db) -> None:
    seminar = spring_seminar(db)
    concert(db, ["ungdom"])
    before = entries(export(db))
    set_cancelled(db, seminar, True)
    after = entries(export(db))

    assert set(after) == set(before)
    uid = day_uid(register_id(db), seminar, 1)
    entry = after[uid]
    assert str(entry["STATUS"]) == "CANCELLED"
    assert str(entry["SUMMARY"]) == "CANCELLED: Vårseminar (day 1 of 2)"
    assert entry.decoded("SEQUENCE") > before[uid].decoded("SEQUENCE")
    description = str(entry["DESCRIPTION"]).split("\n")
    assert description[0] == "This event is cancelled."
    assert not [line for line in description if "Lunch" in line or "Sign up" in line]
    assert str(by_summary(export(db))["Vårkonsert"]["STATUS"]) == "CONFIRMED"

    set_cancelled(db, seminar, False)
    again = entries(export(db))[uid]
    assert str(again["STATUS"]) == "CONFIRMED" and str(again["SUMMARY"]).startswith("Vårseminar")
    assert again.decoded("SEQUENCE") > entry.decoded("SEQUENCE")


def test_a_changed_event_keeps_its_uids_with_a_higher_sequence(db) -> None:
    seminar = spring_seminar(db)
    other = concert(db, ["ungdom"])
    first = entries(export(db))
    assert entries(export(db)).keys() == first.keys()  # the same file, the same UIDs

    # Only the times: the days are the event's, so its SEQUENCE rises all the same.
    set_event_days(db, seminar, [(D(2027, 3, 27), T(11), T(17)), (D(2027, 3, 28), T(10), T(15))])
    second = entries(export(db))
    update_event(db, seminar, title="Vårseminar i Lier")
    set_event_days(
        db,
        seminar,
        [
            (D(2027, 3, 27), T(11), T(17)),
            (D(2027, 3, 28), T(10), T(15)),
            (D(2027, 3, 29), None, None),
        ],
    )
    third = entries(export(db))

    register = register_id(db)
    assert register and len(register) == 36  # the register's UUID
    days = [day_uid(register, seminar, n) for n in (1, 2)]
    assert set(second) == set(first)
    assert set(third) == set(first) | {day_uid(register, seminar, 3)}
    for uid in days:
        sequences = [found[uid].decoded("SEQUENCE") for found in (first, second, third)]
        assert sequences == sorted(set(sequences)), sequences  # rising every time
        assert third[uid].decoded("LAST-MODIFIED").utcoffset() == dt.timedelta(0)
    assert second[days[0]].decoded("DTSTART") == dt.datetime(2027, 3, 27, 11, tzinfo=OSLO)
    assert second[days[1]].decoded("DTEND") == dt.datetime(2027, 3, 28, 15, tzinfo=OSLO)
    assert str(second[days[0]]["SUMMARY"]) == "Vårseminar (day 1 of 2)"
    concert_uid = day_uid(register, other, 1)
    assert third[concert_uid].decoded("SEQUENCE") == first[concert_uid].decoded("SEQUENCE")
    assert str(third[days[0]]["SUMMARY"]) == "Vårseminar i Lier (day 1 of 3)"
    assert third[day_uid(register, seminar, 3)].decoded("DTSTART") == D(2027, 3, 29)


# --- nothing personal ---------------------------------------------------------------------------


def test_no_personal_data_in_the_calendar(db) -> None:
    load_demo(db, today=D(2026, 12, 2))
    seminar = spring_seminar(db)
    staff = add_staff_member(
        db, "Ragnhild", "Konsertmestersen", "conductor", email="ragnhild@dirigent.example"
    )
    assign_staff(db, seminar, staff)
    with db.sessions() as session:
        years = sorted(int(name) for name in session.scalars(select(Season.name)))
        people = [
            *session.execute(
                select(Person.first_name, Person.last_name, Person.email, Person.phone)
            ),
            *session.execute(
                select(Guardian.first_name, Guardian.last_name, Guardian.email, Guardian.phone)
            ),
            *session.execute(
                select(
                    StaffMember.first_name,
                    StaffMember.last_name,
                    StaffMember.email,
                    StaffMember.phone,
                )
            ),
        ]
        venues = {venue for venue in session.scalars(select(Event.venue)) if venue}
    names = {f"{first} {last}" for first, last, _email, _phone in people}
    names |= {email for _f, _l, email, _phone in people if email}
    # Phones only in the texts: eight digits could be part of a DTSTAMP or a UID.
    phones = {phone for *_, phone in people if phone}
    phones |= {phone.removeprefix("+47") for phone in phones}
    assert len(people) > 100 and any("@" in n for n in names) and phones

    found_venues = set()
    for year in years:
        data = season_calendar(db, year)
        text = data.replace(b"\r\n ", b"").decode()  # lines unfolded: a name may be split
        values = " ".join(
            str(entry.get(name, ""))
            for entry in Calendar.from_ical(data).walk("VEVENT")
            for name in ("SUMMARY", "DESCRIPTION", "LOCATION")
        )
        assert not [n for n in names if n in text or n in values], year
        assert not [n for n in phones if n in values], year
        found_venues |= {venue for venue in venues if venue.replace(",", "\\,") in text}
    assert found_venues == venues  # the search reads what the file holds


# --- the command ---------------------------------------------------------------------------------


def test_the_command_writes_the_file(db, tmp_path: Path, monkeypatch) -> None:
    seminar = spring_seminar(db)
    concert(db, ["ungdom"])
    target = tmp_path / "vrus.ics"
    out = io.StringIO()
    assert cmd_calendar(db, season=2027, ensemble="Junior", output=str(target), out=out) == 0
    assert out.getvalue() == f"Season 2027: 1 event(s), 2 day(s) written to {target}\n"
    calendar = Calendar.from_ical(target.read_bytes())
    assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == [
        day_uid(register_id(db), seminar, n) for n in (1, 2)
    ]

    monkeypatch.chdir(tmp_path)
    assert main(["--db", db.url, "calendar", "--season", "2027", "--ensemble", "ungdom"]) == 0
    assert (
        len(Calendar.from_ical((tmp_path / "VRUS-2027-ungdom.ics").read_bytes()).walk("VEVENT"))
        == 3
    )


def test_the_command_refuses_an_unknown_ensemble_or_season(db, tmp_path: Path, capsys) -> None:
    spring_seminar(db)
    target = tmp_path / "vrus.ics"
    argv = ["--db", db.url, "calendar", "--season", "2027", "-o", str(target)]
    assert main([*argv, "--ensemble", "senior"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("vrus: error: 'senior' is not an ensemble: use ") and err.count("\n") == 1
    assert main([*argv[:3], "--season", "2031", "-o", str(target)]) == 1
    assert capsys.readouterr().err == "vrus: error: there is no season 2031 in the register\n"
    assert main([*argv[:3], "--season", "2027", "-o", str(tmp_path / "no" / "x.ics")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not target.exists()


def test_cancel_and_uncancel_commands(db, capsys) -> None:
    seminar = spring_seminar(db)
    assert main(["--db", db.url, "events", "cancel", str(seminar)]) == 0
    assert capsys.readouterr().out == "Vårseminar (lørdag 27.03.2027) is cancelled\n"
    with db.sessions() as session:
        assert session.get_one(Event, seminar).cancelled
    assert main(["--db", db.url, "events", "list", "--season", "2027"]) == 0
    assert f"#{seminar} Vårseminar (cancelled) [seminar]" in capsys.readouterr().out
    assert main(["--db", db.url, "events", "uncancel", str(seminar)]) == 0
    assert capsys.readouterr().out == "Vårseminar (lørdag 27.03.2027) is no longer cancelled\n"
    with db.sessions() as session:
        assert not session.get_one(Event, seminar).cancelled
    assert main(["--db", db.url, "events", "cancel", "999"]) == 1
    assert capsys.readouterr().err == "vrus: error: event 999 is not in the register\n"
