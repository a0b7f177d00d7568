"""Erasure: no text about the person left in any table or in the file's bytes; coarse
statistics kept; guardians deleted or anonymised; the window's and the CLI's way in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import CheckConstraint, String, func, select, text, update

from tests.factories import add_person
from vrus.db.engine import Database
from vrus.db.models import (
    Allergy,
    Attendance,
    AuditEntry,
    Base,
    Event,
    EventDay,
    Guardian,
    Instrument,
    Membership,
    Person,
    PersonDiet,
    PersonGuardian,
    PersonInstrument,
    Season,
    SignUp,
    VolunteerDuty,
)
from vrus.erasure import ANONYMOUS_NAME, erase_persons, has_contact_or_health
from vrus.errors import VrusError
from vrus.member_list import MemberFilter, Status, count_persons, member_ids
from vrus.persons import find_guardians

# The register below is built around one day: a seminar past, one to come (12.12.2026).
pytestmark = pytest.mark.today("2026-12-02")

MARK = "Qzxv"  # in every text the test writes about the person; found nowhere afterwards


def _checked_columns(table) -> set[str]:
    """Columns a CHECK constraint governs (codes such as status, kind): no free text."""
    checks = [c for c in table.constraints if isinstance(c, CheckConstraint)]
    return {col.name for col in table.columns if any(col.name in str(c.sqltext) for c in checks)}


def _text_columns(table) -> list[str]:
    checked = _checked_columns(table)
    return [
        col.name
        for col in table.columns
        if isinstance(col.type, String) and col.name not in checked and not col.foreign_keys
    ]


def _rich_person(db: Database) -> tuple[int, int, dict[str, int]]:
    """A child with everything the register can hold, a sibling sharing one guardian, a
    guardian with a duty and one without, two events (one past, one to come)."""
    child = add_person(db, "Åsmund", f"Ødegård{MARK}", dt.date(2011, 5, 17))
    sibling = add_person(db, "Sigrid", "Solberg", dt.date(2013, 3, 2))
    with db.transaction() as session:
        season = Season(name="2026", start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31))
        past = Event(season=season, kind="seminar", title="Helgeseminar 1")
        past_day = EventDay(event=past, date=dt.date(2026, 3, 7))
        coming = Event(season=season, kind="seminar", title="Helgeseminar 4")
        coming_day = EventDay(event=coming, date=dt.date(2026, 12, 12))
        session.add_all([season, past, past_day, coming, coming_day])
        person = session.get(Person, child)
        person.gender = "male"
        person.email = f"asmund{MARK}@example.no"
        fagott = session.scalars(select(Instrument).where(Instrument.section == "woodwind")).first()
        person.instruments.append(PersonInstrument(instrument=fagott, is_main=True))
        person.diets.append(PersonDiet(diet="vegetarian"))
        person.allergies.append(Allergy(allergen=f"Peanøtter{MARK}", severity="severe"))
        ensemble_id = session.scalar(text("SELECT id FROM ensembles ORDER BY sort_order LIMIT 1"))
        session.add(
            Membership(
                person_id=child,
                ensemble_id=ensemble_id,
                instrument_id=fagott.id,
                start_date=dt.date(2024, 8, 20),
                end_date=dt.date(2026, 6, 15),
                end_reason="moved",
            )
        )
        session.add(
            Membership(
                person_id=child,
                ensemble_id=ensemble_id,
                instrument_id=fagott.id,
                start_date=dt.date(2026, 9, 1),
            )
        )
        shared = Guardian(first_name="Kari", last_name="Solberg", phone="91234567")
        own_with_duty = Guardian(first_name="Ola", last_name=f"Ødegård{MARK}", phone="92345678")
        own = Guardian(first_name="Mona", last_name=f"Ødegård{MARK}", email=f"mona{MARK}@e.no")
        person.guardian_links.extend(
            [
                PersonGuardian(guardian=shared, relation="mother"),
                PersonGuardian(guardian=own_with_duty, relation="father"),
                PersonGuardian(guardian=own, relation="other"),
            ]
        )
        session.add(PersonGuardian(person_id=sibling, guardian=shared, relation="mother"))
        session.flush()
        session.add_all(
            [
                SignUp(event_id=past.id, person_id=child, attending="yes", wants_lunch=True),
                SignUp(event_id=coming.id, person_id=child, attending="yes", wants_lunch=True),
                Attendance(event_day_id=past_day.id, person_id=child, status="present"),
                VolunteerDuty(event_day_id=past_day.id, guardian_id=own_with_duty.id, task="lunch"),
                VolunteerDuty(event_day_id=past_day.id, guardian_id=shared.id, task="coffee_fruit"),
            ]
        )
        session.flush()
        ids = {"shared": shared.id, "duty": own_with_duty.id, "own": own.id, "sibling": sibling}
    _mark_every_text(db, child, [ids["duty"], ids["own"]])
    return child, sibling, ids


def _mark_every_text(db: Database, person_id: int, guardian_ids: list[int]) -> None:
    """Write MARK into every free-text column of every row about the person: whatever column
    a later change adds, this fills it, and the scan below finds it if erasure forgets it."""
    with db.transaction() as session:
        for table in Base.metadata.sorted_tables:
            columns = _text_columns(table)
            if not columns:
                continue
            if table.name == "persons":
                where = table.c.id == person_id
            elif table.name == "guardians":
                where = table.c.id.in_(guardian_ids)
            elif "person_id" in table.c:
                where = table.c.person_id == person_id
            elif "guardian_id" in table.c:
                where = table.c.guardian_id.in_(guardian_ids)
            else:
                continue
            values = {}
            for name in columns:
                if table.name in ("persons", "guardians") and name in ("first_name", "last_name"):
                    continue  # names carry MARK already, and must stay names
                values[name] = f"{MARK} {table.name}.{name}"
            if values:
                session.execute(update(table).where(where).values(**values))


def _texts_with_mark(db: Database) -> list[str]:
    found = []
    with db.transaction() as session:
        for table in Base.metadata.sorted_tables:
            for name in (c.name for c in table.columns if isinstance(c.type, String)):
                hits = session.scalar(
                    select(func.count()).select_from(table).where(table.c[name].contains(MARK))
                )
                if hits:
                    found.append(f"{table.name}.{name}")
    return found


def test_the_marks_are_really_written(db: Database) -> None:
    """The scan can fail: before erasure it finds MARK in every kind of row."""
    _rich_person(db)
    found = _texts_with_mark(db)
    for column in (
        "persons.notes",
        "persons.address",
        "signups.note",
        "attendance.note",
        "memberships.end_note",
        "volunteer_duties.note",
        "allergies.note",
        "guardians.last_name",
        "person_guardians.relation",
    ):
        assert column in found


def test_no_text_about_the_person_remains_in_any_table(db: Database) -> None:
    child, _sibling, ids = _rich_person(db)
    assert erase_persons(db, [child]) == [child]
    assert _texts_with_mark(db) == []
    with db.transaction() as session:
        person = session.get(Person, child)
        assert (person.first_name, person.last_name) == (ANONYMOUS_NAME, f"#{child}")
        assert person.birth_date == dt.date(2011, 1, 1)
        assert person.erased_at is not None and person.archived_at is None  # was not archived
        assert (person.gender, person.municipality_id is not None) == ("male", True)
        assert not person.instruments and not person.diets and not person.allergies
        assert not person.guardian_links
        # Guardians: the shared one stays for the sibling, the one with a duty is
        # anonymised (the duty roster keeps its history), the other is deleted.
        assert session.get(Guardian, ids["shared"]).first_name == "Kari"
        duty = session.get(Guardian, ids["duty"])
        assert (duty.first_name, duty.phone, duty.email) == (ANONYMOUS_NAME, None, None)
        assert session.get(Guardian, ids["own"]) is None
        # The trail about the person goes with them; one entry says an erasure was made.
        assert session.scalars(select(AuditEntry).where(AuditEntry.person_id == child)).all() == []
        erasures = session.scalars(select(AuditEntry).where(AuditEntry.action == "erase")).all()
        assert [(e.person_id, e.what) for e in erasures] == [(None, "erasure of 1 person(s)")]


def test_coarse_statistics_are_kept_and_exact_dates_are_not(db: Database) -> None:
    child, _sibling, _ids = _rich_person(db)
    erase_persons(db, [child])
    with db.transaction() as session:
        memberships = session.scalars(
            select(Membership).where(Membership.person_id == child).order_by(Membership.id)
        ).all()
        # Both memberships: the section of the bassoon, not the bassoon; the seasons they
        # spanned (first day of the season), not the days; the open one ended.
        assert [(m.section, m.instrument_id) for m in memberships] == [("woodwind", None)] * 2
        assert [(m.start_date, m.end_date) for m in memberships] == [
            (dt.date(2024, 1, 1), dt.date(2026, 1, 1)),
            (dt.date(2026, 1, 1), dt.date(2026, 1, 1)),
        ]
        assert all(m.end_note is None for m in memberships)
        # The past seminar's sign-up and attendance stay (figures); the coming one's sign-up
        # goes, so no lunch list or attendance list names the person.
        signups = session.scalars(select(SignUp).where(SignUp.person_id == child)).all()
        assert [s.event.title for s in signups] == ["Helgeseminar 1"]
        assert session.scalar(select(func.count()).select_from(Attendance)) == 1


def test_erased_bytes_are_gone_from_the_file(db: Database, db_path: Path) -> None:
    child, _sibling, _ids = _rich_person(db)
    with db.transaction() as session:  # a normal edit history before the erasure
        session.get(Person, child).notes = f"{MARK} en lang merknad " * 20
    erase_persons(db, [child])
    for part in (db_path, Path(f"{db_path}-wal")):
        if part.exists():
            data = part.read_bytes()
            assert MARK.encode() not in data, part.name
            assert "Ødegård".encode() not in data, part.name


def test_the_erased_person_is_in_no_list_or_search(db: Database) -> None:
    child, sibling, _ids = _rich_person(db)
    with db.transaction() as session:
        before = count_persons(session, include_archived=True)
    erase_persons(db, [child])
    with db.transaction() as session:
        assert count_persons(session, include_archived=True) == before - 1
        for status in (None, Status.ARCHIVED, Status.FORMER):
            listed = member_ids(session, MemberFilter(status=status), on=dt.date(2026, 12, 2))
            assert child not in listed
        assert sibling in member_ids(session, MemberFilter(status=None), on=dt.date(2026, 12, 2))
        assert find_guardians(session, "Anonymisert") == []


def test_erasing_twice_or_an_unknown_id(db: Database) -> None:
    child, sibling, _ids = _rich_person(db)
    assert erase_persons(db, [child]) == [child]
    assert erase_persons(db, [child]) == []
    with pytest.raises(VrusError, match="99999"):
        erase_persons(db, [sibling, 99999])
    with db.transaction() as session:  # all or none: the sibling is untouched
        assert session.get(Person, sibling).erased_at is None


def test_has_contact_or_health(db: Database) -> None:
    child, sibling, _ids = _rich_person(db)
    with db.transaction() as session:
        assert has_contact_or_health(session, child)
        assert has_contact_or_health(session, sibling)  # the shared guardian
        session.execute(
            PersonGuardian.__table__.delete().where(PersonGuardian.person_id == sibling)
        )
        assert not has_contact_or_health(session, sibling)


def test_a_past_lunch_plan_still_counts_but_never_names_the_erased(db: Database) -> None:
    from vrus.lunch import lunch_plan

    child, _sibling, _ids = _rich_person(db)
    erase_persons(db, [child])
    with db.transaction() as session:
        past = session.scalar(select(Event.id).where(Event.title == "Helgeseminar 1"))
        plan = lunch_plan(session, past, dt.date(2026, 12, 2))
    # The anonymised parent's past duty stays in the roster ("Anonymisert #g.."), the child
    # is counted and never named.
    assert f"{ANONYMOUS_NAME} #{child}'" not in repr(plan) and "Åsmund" not in repr(plan)
    assert plan.days[0].count.member_total == 1


# --- the command line -----------------------------------------------------------------------


def _cli(register: str, *args: str) -> int:
    from vrus.cli import main

    return main(["--db", register, "persons", "erase", *args])


def _erased(db: Database, person_id: int) -> bool:
    with db.sessions() as session:
        return session.get(Person, person_id).erased_at is not None


def test_cli_without_a_terminal_refuses_unless_yes(db: Database, capsys) -> None:
    child, _sibling, _ids = _rich_person(db)
    assert _cli(db.url, str(child)) != 0
    err = capsys.readouterr().err
    assert "--yes" in err and len(err.strip().splitlines()) == 1
    assert not _erased(db, child)
    assert _cli(db.url, str(child), "--yes") == 0
    assert f"Erased person {child}" in capsys.readouterr().out
    assert _erased(db, child)
    assert _cli(db.url, str(child), "--yes") == 0
    assert "erased before" in capsys.readouterr().out


def test_cli_asks_on_a_terminal(db: Database, capsys) -> None:
    from vrus.cli.persons import cmd_persons_erase

    child, _sibling, _ids = _rich_person(db)
    asked: list[str] = []

    def answer(no_or_yes: bool):
        def ask(question: str) -> bool:
            asked.append(question)
            return no_or_yes

        return ask

    import sys

    cmd_persons_erase(db, person_id=child, ask=answer(False), out=sys.stdout)
    assert "Åsmund" in asked[0] and "17.05.2011" in asked[0]
    assert "Nothing was erased" in capsys.readouterr().out and not _erased(db, child)
    cmd_persons_erase(db, person_id=child, ask=answer(True), out=sys.stdout)
    assert _erased(db, child)


def test_cli_unknown_id_is_one_line(db: Database, capsys) -> None:
    assert _cli(db.url, "4242", "--yes") != 0
    err = capsys.readouterr().err.strip()
    assert "4242" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("postal_code", "kept"),
    [
        ("3440", "3430"),  # Røyken before 2020: becomes the lowest code of old Røyken
        ("3478", "3430"),  # another code of old Røyken: the same representative
        ("1364", None),  # Bærum was never merged: the code places nothing, so it goes
        (None, None),
    ],
)
def test_the_postal_code_is_kept_only_as_the_old_municipality(
    db: Database, postal_code: str | None, kept: str | None
) -> None:
    from vrus import postal_codes

    child = add_person(db, "Siri", "Sandvik")
    with db.transaction() as session:
        session.get(Person, child).postal_code = postal_code
    erase_persons(db, [child])
    with db.sessions() as session:
        stored = session.get(Person, child).postal_code
    assert stored == kept
    if postal_code is not None and kept is not None:
        then, now = postal_codes.before_reform(stored), postal_codes.before_reform(postal_code)
        assert (then.number, then.number_2024) == (now.number, now.number_2024)
