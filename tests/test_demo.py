"""The demo register: realistic, consistent with its own ``today``, reproducible, atomic."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, or_, select

from tests.factories import add_event_with_attendance
from vrus.cli import main
from vrus.consents import age_on, consents_in_force
from vrus.db.engine import Database, sqlite_url
from vrus.db.enums import ConsentKind
from vrus.db.models import (
    Allergy,
    Attendance,
    Base,
    Consent,
    Ensemble,
    Event,
    EventDay,
    EventPartner,
    EventStaff,
    Guardian,
    Instrument,
    Membership,
    Municipality,
    MunicipalityPopulation,
    Organisation,
    Person,
    PersonDiet,
    PersonGuardian,
    PersonInstrument,
    Project,
    Season,
    SignUp,
    StaffMember,
    VolunteerDuty,
)
from vrus.demo import DemoSummary, load_demo
from vrus.errors import VrusError
from vrus.opening import open_database

TODAY = dt.date(2026, 11, 26)  # late in the season: most events past, one seminar ahead
NEW_YEAR = dt.date(2027, 1, 3)  # a new season just begun: nothing of it has happened yet
SATURDAY, SUNDAY, FRIDAY = 5, 6, 4


def _count(db: Database, model: type) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(model))


def _active(db: Database, short_name: str, year: int) -> list[Person]:
    """Persons with a membership of the ensemble overlapping the season ``year``."""
    with db.transaction() as session:
        return list(
            session.scalars(
                select(Person)
                .distinct()
                .join(Membership)
                .join(Ensemble)
                .where(
                    Ensemble.short_name == short_name,
                    Membership.start_date <= dt.date(year, 12, 31),
                    or_(Membership.end_date.is_(None), Membership.end_date >= dt.date(year, 1, 1)),
                )
            )
        )


def _events(db: Database, year: int, kind: str) -> list[Event]:
    with db.transaction() as session:
        events = session.scalars(
            select(Event).join(Season).where(Season.name == str(year), Event.kind == kind)
        ).all()
        for event in events:
            _ = event.days, event.partners, [p.organisation for p in event.partners]
        return sorted(events, key=lambda e: (e.days[0].date, e.days[0].start_time))


@pytest.fixture
def demo(db: Database) -> DemoSummary:
    return load_demo(db, today=TODAY)


def test_sizes_are_those_of_the_2014_orchestra(db: Database, demo: DemoSummary) -> None:
    active = list(demo.active.values())
    assert list(demo.active) == ["Ungdomssymfonikerne", "Juniorsymfonikerne", "Aspiranter"]
    assert 28 <= active[0] <= 34 and 17 <= active[1] <= 23 and 6 <= active[2] <= 10
    assert [len(_active(db, key, 2026)) for key in ("ungdom", "junior", "aspirant")] == active
    assert _count(db, Person) == demo.persons == sum(active) + demo.former
    with db.transaction() as session:
        assert session.scalars(select(Season.name).order_by(Season.start_date)).all() == [
            "2023",
            "2024",
            "2025",
            "2026",
        ]
        season = session.scalars(select(Season).where(Season.name == "2026")).one()
        assert (season.start_date, season.end_date) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    # Earlier seasons had an orchestra too, for the trend reports.
    assert all(len(_active(db, "ungdom", year)) >= 15 for year in (2023, 2024, 2025))
    assert demo.describe().startswith("Demo register loaded: ")
    assert "Ungdomssymfonikerne" in demo.describe()


def test_orchestra_members_are_13_to_18_this_season(db: Database, demo: DemoSummary) -> None:
    ages = Counter(2026 - p.birth_date.year for p in _active(db, "ungdom", 2026))
    assert min(ages) >= 13 and max(ages) <= 18
    assert ages[18] >= 1  # ages out after this season
    junior_ages = Counter(2026 - p.birth_date.year for p in _active(db, "junior", 2026))
    assert min(junior_ages) >= 8 and max(junior_ages) <= 13
    assert junior_ages[13] >= 1  # old enough to move up


def test_members_come_from_most_but_not_all_municipalities(db: Database, demo: DemoSummary) -> None:
    with db.transaction() as session:
        municipalities = {m.id: m for m in session.scalars(select(Municipality))}
    region_today = [m for m in municipalities.values() if m.in_region and m.valid_on(TODAY)]
    homes = [municipalities[p.municipality_id] for p in _active(db, "ungdom", 2026)]
    in_region = {m.id for m in homes if m.in_region}
    assert 8 < len(in_region) < len(region_today) == 12
    assert sum(m.name == "Oslo" for m in homes) >= 2
    with db.transaction() as session:
        for municipality_id in session.scalars(select(Person.municipality_id)):
            assert municipalities[municipality_id].valid_on(TODAY)


def test_nine_weekend_seminars_and_none_in_july(db: Database, demo: DemoSummary) -> None:
    seminars = _events(db, 2026, "seminar")
    assert len(seminars) == 9
    for seminar in seminars:
        assert [d.date.weekday() for d in seminar.days] == [SATURDAY, SUNDAY]
        assert all(d.start_time == dt.time(10) and d.end_time > d.start_time for d in seminar.days)
    with db.transaction() as session:
        days = session.scalars(
            select(EventDay.date).join(Event).where(Event.kind == "seminar")
        ).all()
    assert len(days) == 4 * 9 * 2
    assert all(day.weekday() in (SATURDAY, SUNDAY) and day.month != 7 for day in days)


def test_iris_activities_follow_the_2014_rhythm(db: Database, demo: DemoSummary) -> None:
    iris = _events(db, 2026, "iris")
    assert [e.iris_type for e in iris] == [
        "superhelg",
        "inspirasjonskonsert",
        "samspilltreff",
        "samspilltreff",
        "gruppeovelse",
        "samspilltreff",
        "mesterklasse",
    ]
    days = [e.days[0].date for e in iris]
    assert [d.month for d in days] == [2, 2, 3, 4, 10, 10, 10]
    assert days[0].weekday() == SATURDAY and days[1] == days[0] + dt.timedelta(days=1)
    assert days[3].weekday() == SUNDAY
    assert days[4].weekday() == SATURDAY and days[5] == days[4] + dt.timedelta(days=1)
    assert days[6].weekday() == FRIDAY and days[6] + dt.timedelta(days=7) > dt.date(2026, 10, 31)
    with db.transaction() as session:
        iris_id = session.scalars(select(Project.id).where(Project.name == "IRIS")).one()
    assert all(e.project_id == iris_id for e in iris)
    assert all("Dextra Musica" in [p.organisation.name for p in e.partners] for e in iris)


def test_one_church_concert_with_a_school_orchestra(db: Database, demo: DemoSummary) -> None:
    (concert,) = _events(db, 2026, "concert")
    assert "kirke" in concert.venue
    assert concert.audience_count and concert.audience_count > 0
    (partner,) = concert.partners
    assert partner.organisation.kind == "orchestra"
    # The IRIS samspilltreff rehearses for it the same day.
    assert concert.days[0].date in [e.days[0].date for e in _events(db, 2026, "iris")]


@pytest.mark.parametrize("today", [TODAY, NEW_YEAR])
def test_nothing_recorded_after_today(db: Database, today: dt.date) -> None:
    load_demo(db, today=today)
    with db.transaction() as session:
        late = session.scalar(
            select(func.count())
            .select_from(Attendance)
            .join(EventDay)
            .where(EventDay.date >= today)
        )
        assert late == 0
        assert session.scalar(select(func.count()).select_from(Attendance)) > 1000
        assert session.scalar(select(func.max(Membership.start_date))) <= today
        assert session.scalar(select(func.max(Membership.end_date))) <= today
        upcoming = session.execute(
            select(Event.id, func.min(EventDay.date))
            .join(EventDay)
            .group_by(Event.id)
            .having(func.min(EventDay.date) >= today)
            .order_by(func.min(EventDay.date), Event.id)
        ).all()
        answers = [
            Counter(session.scalars(select(SignUp.attending).where(SignUp.event_id == event_id)))
            for event_id, _ in upcoming
        ]
    # The next event's sign-ups are partly answered; events further ahead not sent out yet.
    assert answers[0]["yes"] > 0 and answers[0]["unknown"] > 0
    assert all(not counter for counter in answers[3:])


def test_january_is_a_new_season(db: Database) -> None:
    summary = load_demo(db, today=NEW_YEAR)
    assert summary.season == "2027" and summary.seasons == ["2024", "2025", "2026", "2027"]
    ages = {2027 - p.birth_date.year for p in _active(db, "ungdom", 2027)}
    assert min(ages) >= 13 and max(ages) <= 18
    assert len(_events(db, 2027, "seminar")) == 9
    with db.transaction() as session:
        aged_out = session.scalars(
            select(Membership.end_date).where(Membership.end_reason == "aged_out")
        ).all()
    assert dt.date(2026, 12, 31) in aged_out


def test_members_who_left_and_juniors_who_moved_up(db: Database, demo: DemoSummary) -> None:
    with db.transaction() as session:
        reasons = Counter(
            session.scalars(select(Membership.end_reason).where(Membership.end_reason.is_not(None)))
        )
        ensembles = {e.short_name: e.id for e in session.scalars(select(Ensemble))}
        moved = session.scalars(
            select(Membership).where(
                Membership.end_reason == "moved_up", Membership.ensemble_id == ensembles["junior"]
            )
        ).all()
        pairs = [
            session.scalars(
                select(Membership).where(
                    Membership.person_id == m.person_id,
                    Membership.ensemble_id == ensembles["ungdom"],
                    Membership.start_date == m.end_date,
                )
            ).one_or_none()
            for m in moved
        ]
    for reason in ("aged_out", "talent_programme", "moved", "quit", "moved_up"):
        assert reasons[reason] >= 1, reason
    assert len(moved) >= 2 and all(pair is not None for pair in pairs)


def test_staff_at_every_event_and_parents_on_duty(db: Database, demo: DemoSummary) -> None:
    with db.transaction() as session:
        roles = Counter(session.scalars(select(StaffMember.role)))
        assert roles["conductor"] == 1 and roles["project_coordinator"] == 1
        assert roles["instructor"] >= 5 and roles["dextra_musician"] >= 2
        without_staff = session.scalar(
            select(func.count())
            .select_from(Event)
            .where(~Event.id.in_(select(EventStaff.event_id)))
        )
        assert without_staff == 0
        duties = session.execute(
            select(EventDay.date, VolunteerDuty.task).join(VolunteerDuty)
        ).all()
    by_day: dict[dt.date, Counter] = {}
    for day, task in duties:
        by_day.setdefault(day, Counter())[task] += 1
    this_season = {day: tasks for day, tasks in by_day.items() if day.year == 2026}
    assert len(this_season) == 18
    assert all(t["coffee_fruit"] == 1 and t["setup_clearing"] == 1 for t in this_season.values())
    no_lunch = [day for day, tasks in this_season.items() if not tasks["lunch"]]
    assert len(no_lunch) == 2 and all(day > TODAY for day in no_lunch)


def test_families_and_health_data(db: Database, demo: DemoSummary) -> None:
    with db.transaction() as session:
        shared = session.execute(
            select(PersonGuardian.guardian_id, func.count())
            .group_by(PersonGuardian.guardian_id)
            .having(func.count() > 1)
        ).all()
        assert len(shared) >= 2  # siblings share their guardians' rows
        per_child = Counter(session.scalars(select(PersonGuardian.person_id)))
        assert set(per_child.values()) <= {1, 2} and len(per_child) == demo.persons
        severe = session.scalars(select(Allergy).where(Allergy.severity == "severe")).all()
        assert sum("øtter" in a.allergen for a in severe) >= 2
        assert session.scalar(select(func.count(func.distinct(PersonDiet.person_id)))) >= 5
        two = Counter(session.scalars(select(PersonInstrument.person_id)))
        assert any(n == 2 for n in two.values())
        assert (
            session.scalar(
                select(func.count())
                .select_from(Person)
                .where(Person.culture_school_id.is_not(None))
            )
            > demo.persons / 2
        )


def test_consents_by_guardians_by_members_and_none(db: Database, demo: DemoSummary) -> None:
    with db.sessions() as session:
        people = {p.id: p for p in session.scalars(select(Person))}
        consents = session.scalars(select(Consent)).all()
        links = set(session.execute(select(PersonGuardian.person_id, PersonGuardian.guardian_id)))
        in_force = consents_in_force(session, list(people), TODAY)
    photos = Counter(ConsentKind.PHOTO in kinds for kinds in in_force.values())
    assert photos[True] > photos[False] > 0  # most say yes, and the lists have marks to show
    by_self = [c for c in consents if c.given_by_self]
    by_guardian = [c for c in consents if c.given_by_guardian_id is not None]
    assert by_self and by_guardian and len(by_self) + len(by_guardian) == len(consents)
    assert {c.kind for c in by_guardian} == {kind.value for kind in ConsentKind}
    for consent in consents:
        age = age_on(people[consent.person_id].birth_date, consent.given_on)
        assert consent.given_on <= TODAY
        assert consent.text_version == f"{consent.given_on.year}-1"
        if consent.given_by_self:  # the age rule the editor enforces holds in the demo too
            assert age >= (18 if consent.kind == ConsentKind.HEALTH_DATA else 15)
        else:
            assert (consent.person_id, consent.given_by_guardian_id) in links
            assert age < 18
    withdrawn = [c for c in consents if c.withdrawn_on is not None]
    assert len(withdrawn) == 2
    assert all(c.given_on < c.withdrawn_on <= TODAY for c in withdrawn)


def test_names_and_contact_details(db: Database, demo: DemoSummary) -> None:
    with db.transaction() as session:
        persons = session.scalars(select(Person)).all()
        guardians = session.scalars(select(Guardian)).all()
    names = {f"{p.first_name} {p.last_name}" for p in persons}
    text = " ".join(names)
    assert any(ord(ch) > 0xFF for ch in text)  # outside Latin-1: Ł, ễ
    for part in (
        "Łukasz",
        "Zoë",
        "Åsmund",
        "Øystein",
        "Åse",
        "Ærøy",
        "Berg-Hansen",
        "de Vries",
        "Nguyễn Thi",
    ):
        assert part in text, part
    phones = [p.phone for p in persons + guardians if p.phone]
    assert phones and all(re.fullmatch(r"\+47[49]\d{7}", phone) for phone in phones)
    emails = [p.email for p in persons + guardians if p.email]
    assert all(re.fullmatch(r"[a-z0-9.]+@example\.(no|com)", email) for email in emails)
    assert all(re.fullmatch(r"\d{4}", p.postal_code) for p in persons if p.postal_code)


def test_refuses_a_register_with_data(db: Database, demo: DemoSummary) -> None:
    before = _count(db, Person), _count(db, SignUp), _count(db, Organisation)
    with pytest.raises(VrusError, match=r"already holds \d+ persons; run 'vrus demo --reset'"):
        load_demo(db, today=TODAY)
    assert (_count(db, Person), _count(db, SignUp), _count(db, Organisation)) == before


def test_reset_replaces_the_register_and_keeps_reference_data(db: Database) -> None:
    reference = [
        _count(db, model)
        for model in (Municipality, MunicipalityPopulation, Instrument, Ensemble, Project)
    ]
    organisations = _count(db, Organisation)
    add_event_with_attendance(db)  # someone's own data, with history
    first = load_demo(db, reset=True, today=TODAY)
    second = load_demo(db, reset=True, today=TODAY)
    assert first == second
    assert [
        _count(db, model)
        for model in (Municipality, MunicipalityPopulation, Instrument, Ensemble, Project)
    ] == reference
    assert reference[0] == 41 and reference[2] == 16 and reference[3] == 3
    assert _count(db, Organisation) == organisations + 1  # the school orchestra, once
    assert _count(db, Person) == second.persons
    assert _count(db, Season) == 4


def test_a_larger_synthetic_register(db: Database) -> None:
    summary = load_demo(db, members=500, today=TODAY)
    assert _count(db, Person) == summary.persons == 500
    with db.transaction() as session:
        latest = session.execute(
            select(Ensemble.short_name, func.count(func.distinct(Membership.person_id)))
            .join(Ensemble)
            .where(Membership.end_date.is_(None))
            .group_by(Ensemble.short_name)
        ).all()
    shares = {key: n / 500 for key, n in latest}
    assert 0.3 < shares["ungdom"] < 0.5 and 0.25 < shares["junior"] < 0.4
    assert 0.1 < shares["aspirant"] < 0.2
    assert summary.attendance > 10 * summary.persons


@pytest.mark.parametrize("members", [1, 2, 3, 9])
def test_tiny_synthetic_registers(db: Database, members: int) -> None:
    assert load_demo(db, members=members, today=TODAY).persons == members
    assert _count(db, Person) == members


def test_same_today_same_register(db: Database, tmp_path: Path) -> None:
    other = open_database(sqlite_url(tmp_path / "other.sqlite3"))
    try:
        load_demo(db, today=TODAY)
        load_demo(other, today=TODAY)
        rows = []
        for database in (db, other):
            with database.transaction() as session:
                rows.append(
                    session.execute(
                        select(
                            Person.first_name, Person.last_name, Person.birth_date, Person.phone
                        ).order_by(Person.id)
                    ).all()
                )
        assert rows[0] == rows[1]
    finally:
        other.close()


def _register_rows(db: Database) -> dict[str, list[tuple]]:
    """Every table's rows by primary key, but what differs between any two files: the
    register's own identity and the times the audit trail takes from the clock."""
    rows = {}
    with db.transaction() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in ("settings", "audit_entries"):
                continue
            key = list(table.primary_key.columns)
            rows[table.name] = [tuple(r) for r in session.execute(select(table).order_by(*key))]
    return rows


def _indexes(db: Database) -> list[tuple]:
    if db.engine.dialect.name == "postgresql":
        sql = (
            "SELECT indexname, tablename, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() ORDER BY indexname"
        )
    else:
        sql = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    with db.transaction() as session:
        return list(session.connection().exec_driver_sql(sql).all())


def test_same_size_same_register(db: Database, tmp_path: Path) -> None:
    """A synthetic register is made the same way every time: every row of every table (its
    ids, its order, the change journal), also with rows inserted in several batches."""
    other = open_database(sqlite_url(tmp_path / "other.sqlite3"))
    try:
        summaries = [load_demo(each, members=700, today=TODAY) for each in (db, other)]
        first, second = _register_rows(db), _register_rows(other)
    finally:
        other.close()
    assert summaries[0] == summaries[1]
    assert first == second
    assert len(first["attendance"]) == summaries[0].attendance > 20_000  # more than one batch
    assert len(first["register_changes"]) > 1000


def test_all_or_nothing_while_recording_activity(db: Database) -> None:
    """A failure while sign-ups and attendance go in (in the background, their indexes set
    aside) leaves the register as it was, indexes and all."""
    indexes = _indexes(db)

    def fail_in_the_second_season(done: int, total: int) -> None:
        if done == 6:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        load_demo(db, members=300, today=TODAY, progress=fail_in_the_second_season)
    assert _count(db, Person) == _count(db, SignUp) == _count(db, Attendance) == 0
    assert _indexes(db) == indexes
    assert {"ix_signups_person_id", "ix_attendance_person_id"} <= {i[0] for i in indexes}

    load_demo(db, members=300, today=TODAY)
    assert _indexes(db) == indexes


def test_all_or_nothing(db: Database) -> None:
    organisations = _count(db, Organisation)

    def fail_midway(done: int, total: int) -> None:
        if done == 3:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        load_demo(db, today=TODAY, progress=fail_midway)
    assert _count(db, Person) == _count(db, Season) == _count(db, Guardian) == 0
    assert _count(db, Organisation) == organisations

    kept = load_demo(db, today=TODAY)
    with pytest.raises(RuntimeError):
        load_demo(db, reset=True, today=NEW_YEAR, progress=fail_midway)
    assert _count(db, Person) == kept.persons  # the reset was rolled back too
    with db.transaction() as session:
        assert session.scalars(select(Season.name)).all()[-1] == "2026"


def test_progress_is_reported(db: Database) -> None:
    calls: list[tuple[int, int]] = []
    load_demo(db, today=TODAY, progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_partners_exist_once(db: Database, demo: DemoSummary) -> None:
    with db.transaction() as session:
        names = session.scalars(select(Organisation.name).join(EventPartner)).all()
    assert set(names) == {"Dextra Musica", "Jar skoles strykeorkester"}


def test_command_line(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "demo"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Demo register loaded: ") and "Ungdomssymfonikerne" in out

    assert main(["--db", str(db_path), "demo"]) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vrus: error: ")
    assert "--reset" in lines[0] and captured.out == ""

    assert main(["--db", str(db_path), "demo", "--reset"]) == 0
    assert "Demo register loaded" in capsys.readouterr().out
