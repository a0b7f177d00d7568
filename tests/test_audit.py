"""The audit trail: changes through the core's own actions leave entries naming fields, never
values; prints and exports of health data are recorded with the persons concerned; entries
past the keeping period go, recent ones stay; reference tables leave nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.factories import add_person
from vrus import audit, clock
from vrus.attendance import mark_signed_up_present, record_attendance
from vrus.cli.lunch import cmd_lunch
from vrus.cli.printing import cmd_print_contacts, cmd_print_lunch
from vrus.db.engine import Database
from vrus.db.models import (
    Allergy,
    AuditEntry,
    Ensemble,
    Event,
    Instrument,
    Municipality,
    Person,
    PersonDiet,
    Setting,
)
from vrus.demo import load_demo
from vrus.duties import assign_duty, unassign_duty
from vrus.events import create_event, update_event
from vrus.exporting import export
from vrus.importing import import_members
from vrus.memberships import start_membership
from vrus.persons import (
    add_guardian,
    create_person,
    link_guardian,
    remove_guardian,
    update_guardian,
    update_person,
)
from vrus.printing import lunch_sheet_pdf
from vrus.signups import set_signup

D = dt.date
SEMINAR = D(2026, 12, 5)  # after the frozen today (02.12.2026): a forecast from the sign-ups
JOINED = D(2026, 8, 15)
TEXT_COLUMNS = ("actor", "table_name", "fields", "what")


def _entries(db: Database, **where: object) -> list[AuditEntry]:
    with db.sessions() as session:
        query = select(AuditEntry).filter_by(**where).order_by(AuditEntry.id)
        return list(session.scalars(query))


def _count(db: Database) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def _actor(db: Database) -> str:
    """Who the trail names for changes made through ``db``: the OS user, or on a server the
    database login."""
    with db.sessions() as session:
        return audit.actor(session)


def _shape(entries: list[AuditEntry]) -> list[tuple]:
    return [(e.action, e.table_name, e.person_id, e.fields) for e in entries]


def _assert_no_values(db: Database, values: list[str]) -> None:
    """No value written by the test appears in any text of the trail."""
    with db.sessions() as session:
        texts = [
            str(getattr(entry, column) or "")
            for entry in session.scalars(select(AuditEntry))
            for column in TEXT_COLUMNS
        ]
    for value in values:
        assert not any(value.lower() in text.lower() for text in texts), value


def _ensemble(db: Database, short: str = "ungdom") -> int:
    with db.sessions() as session:
        return session.scalars(select(Ensemble.id).where(Ensemble.short_name == short)).one()


def _violin(db: Database) -> int:
    with db.sessions() as session:
        return session.scalars(select(Instrument.id).where(Instrument.name_en == "Violin")).one()


def _member(db: Database, first: str, last: str) -> int:
    pid = add_person(db, first, last)
    start_membership(db, pid, _ensemble(db), _violin(db), JOINED)
    return pid


def _seminar(db: Database) -> int:
    return create_event(
        db,
        kind="seminar",
        title="Helgeseminar 3",
        start=SEMINAR,
        days=2,
        ensemble_ids=[_ensemble(db)],
    )


def _add_allergy(db: Database, person_id: int, allergen: str, severity: str, note: str) -> None:
    with db.transaction() as session:
        session.add(Allergy(person_id=person_id, allergen=allergen, severity=severity, note=note))


# --- changes through the core ----------------------------------------------------------------


def test_a_person_edit_names_the_changed_fields_and_never_their_values(db: Database) -> None:
    pid = create_person(db, {"first_name": "Åse", "last_name": "Ødegård", "notes": "Sjenert"})
    update_person(db, pid, {"phone": "912 34 567", "notes": "Trenger ekstra tid", "gender": None})
    update_person(db, pid, {"phone": "91234567"})  # the same number: nothing changed

    assert _shape(_entries(db)) == [
        ("create", "persons", pid, "first_name, last_name, notes"),
        ("update", "persons", pid, "phone, notes"),
    ]
    [created, updated] = _entries(db)
    assert created.actor == updated.actor == _actor(db) != ""
    assert created.row_id == pid and created.what is None
    assert abs(updated.at - clock.utc_now()) < dt.timedelta(minutes=1)
    _assert_no_values(db, ["Åse", "Ødegård", "Sjenert", "91234567", "912 34 567", "ekstra"])


def test_guardian_entries_are_about_each_child(db: Database) -> None:
    first, second = add_person(db, "Liv", "Berg"), add_person(db, "Ola", "Berg")
    gid = add_guardian(db, first, {"first_name": "Kari", "last_name": "Berg"}, "mother")
    link_guardian(db, second, gid, "mother")
    before = _count(db)
    update_guardian(db, gid, {"email": "kari.berg@example.no", "phone": "41234567"})

    changed = _entries(db, table_name="guardians", action="update")
    assert _shape(changed) == [
        ("update", "guardians", first, "phone, email"),
        ("update", "guardians", second, "phone, email"),
    ]
    assert all(entry.row_id == gid for entry in changed)
    assert _count(db) == before + 2

    remove_guardian(db, second, gid)  # still the first child's guardian: the row stays
    assert _shape(_entries(db, action="delete")) == [("delete", "person_guardians", second, None)]
    remove_guardian(db, first, gid)  # the last child: the guardian goes
    assert _shape(_entries(db, action="delete"))[1:] == [
        ("delete", "person_guardians", first, None),
        ("delete", "guardians", None, None),  # no child left to be about
    ]
    assert [(e.table_name, e.person_id) for e in _entries(db, action="create")] == [
        ("persons", first),
        ("persons", second),
        ("person_guardians", first),
        ("guardians", first),
        ("person_guardians", second),
    ]
    _assert_no_values(db, ["Kari", "Berg", "kari.berg", "41234567", "mother"])


def test_signups_attendance_and_duties_are_recorded_for_their_person(db: Database) -> None:
    pid = _member(db, "Zoë", "Nguyễn")
    other = _member(db, "Łukasz", "Nowak")
    event_id = _seminar(db)
    with db.sessions() as session:
        day_ids = [day.id for day in session.get(Event, event_id).days]
    start = _count(db)

    set_signup(db, event_id, pid, attending="yes", wants_lunch=True)
    set_signup(db, event_id, pid, note="Kommer sent lørdag")
    set_signup(db, event_id, other, attending="yes")
    mark_signed_up_present(db, day_ids[0])
    record_attendance(db, day_ids[0], pid, "absent")
    record_attendance(db, day_ids[0], other, None)

    assert _shape(_entries(db)[start:]) == [
        ("create", "signups", pid, "event_id, attending, wants_lunch"),
        ("update", "signups", pid, "note"),
        ("create", "signups", other, "event_id, attending"),
        ("create", "attendance", pid, "event_day_id, status"),
        ("create", "attendance", other, "event_day_id, status"),
        ("update", "attendance", pid, "status"),
        ("delete", "attendance", other, None),
    ]

    gid = add_guardian(db, pid, {"first_name": "Mai", "last_name": "Nguyễn"})
    link_guardian(db, other, gid)
    mark = _count(db)
    duty = assign_duty(db, day_ids[1], gid, "lunch", note="Tar med suppe")
    unassign_duty(db, duty)
    assert _shape(_entries(db)[mark:]) == [
        ("create", "volunteer_duties", pid, "event_day_id, guardian_id, task, wants_lunch, note"),
        ("create", "volunteer_duties", other, "event_day_id, guardian_id, task, wants_lunch, note"),
        ("delete", "volunteer_duties", pid, None),
        ("delete", "volunteer_duties", other, None),
    ]
    _assert_no_values(db, ["Kommer sent", "suppe", "Zoë", "Nowak", "absent", "present"])


def test_reference_tables_and_settings_leave_no_entries(db: Database) -> None:
    event_id = _seminar(db)
    update_event(db, event_id, venue="Jar kirke")
    with db.transaction() as session:
        session.scalars(select(Municipality)).first().population = 12345  # type: ignore[union-attr]
        session.add(Setting(key="example.setting", value="1"))
    audit.set_keep_days(db, 400)
    assert _count(db) == 0


def test_the_import_records_one_entry_per_new_person(db: Database, tmp_path: Path) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Kommune", "Instrument", "Gruppe", "Allergier"],
        ["Åsmund", "Ødegård", "03.05.2010", "Bærum", "Fiolin", "ungdom", "Peanøtter (alvorlig)"],
        ["Sølvi", "Aasen", "14.11.2014", "Øvre Eiker", "Bratsj", "junior", ""],
    ]
    path = tmp_path / "medlemmer.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)

    assert import_members(db, path, today=clock.today()).applied
    entries = _entries(db)
    assert [(e.action, e.table_name, e.fields, e.what) for e in entries] == [
        ("create", "persons", None, "member import")
    ] * 2
    with db.sessions() as session:
        ids = set(session.scalars(select(Person.id)))
    assert {e.person_id for e in entries} == ids

    rows[1][6] = "Peanøtter (alvorlig), Egg"  # again: Åsmund is updated with one allergy more
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    assert import_members(db, path, today=clock.today()).applied
    with db.sessions() as session:
        asmund = session.scalars(select(Person.id).where(Person.first_name == "Åsmund")).one()
    assert [(e.action, e.table_name, e.person_id, e.fields) for e in _entries(db)[2:]] == [
        ("create", "allergies", asmund, "allergen, severity")
    ]
    _assert_no_values(db, ["Peanøtter", "Egg", "Åsmund", "Bærum"])


def test_consents_from_an_import_are_recorded_once_per_person(db: Database, tmp_path: Path) -> None:
    header = ["Fornavn", "Etternavn", "Fødselsdato", "Kommune", "Gruppe", "Samtykker"]
    path = tmp_path / "medlemmer.csv"

    def run(consents: str) -> None:
        rows = [header, ["Åsmund", "Ødegård", "03.05.2010", "Bærum", "ungdom", consents]]
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
        assert import_members(db, path, today=clock.today()).applied

    run("foto, navn")
    [pid] = {e.person_id for e in _entries(db)}
    assert _shape(_entries(db, table_name="consents")) == [
        ("create", "consents", pid, "kind, given_on, text_version")
    ]
    run("navn")  # the photo consent is withdrawn
    assert _shape(_entries(db, table_name="consents"))[1:] == [
        ("update", "consents", pid, "withdrawn_on")
    ]


def test_retention_records_the_health_consents_it_deletes(db: Database) -> None:
    from vrus.db.models import Consent
    from vrus.erasure import remove_contact_and_health

    pid = add_person(db, "Ingrid", "Haugen")
    with db.transaction() as session:
        session.add(Consent(person_id=pid, kind="health_data", given_on=D(2025, 8, 1)))
        session.add(Consent(person_id=pid, kind="photo", given_on=D(2025, 8, 1)))
    assert remove_contact_and_health(db, [pid]) == [pid]
    assert [
        (e.person_id, e.what) for e in _entries(db, table_name="consents", action="delete")
    ] == [(pid, "retention")]


def test_the_demo_leaves_one_entry_and_a_reset_clears_the_trail(db: Database) -> None:
    pid = add_person(db, "Ingrid", "Haugen")
    update_person(db, pid, {"phone": "91234567"})
    load_demo(db, reset=True, today=D(2026, 11, 26))
    assert [(e.action, e.person_id, e.what) for e in _entries(db)] == [
        ("create", None, "demo register loaded, replacing the register")
    ]


# --- prints and exports of health data ----------------------------------------------------------


@pytest.fixture
def lunch(db: Database) -> tuple[int, dict[str, int]]:
    """A seminar where one child has a severe allergy, one a mild one, one a diet note, one
    nothing, and one with an allergy has not signed up."""
    people = {
        name: _member(db, name, "Hansen") for name in ("Severe", "Mild", "Note", "Plain", "Away")
    }
    _add_allergy(db, people["Severe"], "Peanøtter", "severe", "EpiPen i sekken")
    _add_allergy(db, people["Mild"], "Kiwi", "mild", "")
    _add_allergy(db, people["Away"], "Egg", "severe", "")
    update_person(db, people["Note"], {"diet_note": "Spiser ikke sopp"})
    with db.transaction() as session:
        session.add(PersonDiet(person_id=people["Plain"], diet="vegetarian"))
    event_id = _seminar(db)
    for name in ("Severe", "Mild", "Note", "Plain"):
        set_signup(db, event_id, people[name], attending="yes", wants_lunch=True)
    return event_id, people


def test_printing_the_lunch_sheet_records_the_children_it_names(db, lunch, tmp_path) -> None:
    event_id, people = lunch
    before = _count(db)
    out = io.StringIO()
    cmd_print_lunch(db, event_id=event_id, output=str(tmp_path / "lunsj.pdf"), out=out)

    printed = _entries(db, action="print")
    assert _count(db) == before + 3
    assert {e.person_id for e in printed} == {people[n] for n in ("Severe", "Mild", "Note")}
    assert {(e.what, e.table_name, e.fields) for e in printed} == {
        (f"lunch sheet PDF, event {event_id}", None, None)
    }
    assert {e.actor for e in printed} == {_actor(db)}
    _assert_no_values(db, ["lunsj.pdf", "Peanøtter", "EpiPen", "sopp", "Hansen"])


def test_a_lunch_sheet_made_in_a_session_that_is_not_saved_records_nothing(db, lunch) -> None:
    event_id, _ = lunch
    before = _count(db)
    with db.sessions() as session:  # read, never committed: the entry goes with it
        lunch_sheet_pdf(session, event_id)
    assert _count(db) == before


def test_the_lunch_command_records_an_export(db, lunch) -> None:
    event_id, people = lunch
    cmd_lunch(db, event_id=event_id, fmt="json", out=io.StringIO())
    exported = _entries(db, action="export")
    assert {e.person_id for e in exported} == {people[n] for n in ("Severe", "Mild", "Note")}
    assert {e.what for e in exported} == {f"lunch list (json), event {event_id}"}


def test_the_contact_list_records_the_severe_allergies_it_shows(db, lunch, tmp_path) -> None:
    _, people = lunch
    cmd_print_contacts(db, output=str(tmp_path / "kontakter.pdf"), out=io.StringIO())
    printed = _entries(db, action="print")
    assert sorted((e.person_id, e.what) for e in printed) == [
        (pid, "contact and emergency list PDF")
        for pid in sorted((people["Severe"], people["Away"]))
    ]


def test_exports_are_recorded_with_the_persons_whose_health_data_they_carry(
    db, lunch, tmp_path
) -> None:
    _, people = lunch
    export(db, "members", tmp_path / "medlemmer.xlsx")
    exported = _entries(db, action="export")
    assert {e.person_id for e in exported} == {
        people[n] for n in ("Severe", "Mild", "Note", "Plain", "Away")
    }
    assert {e.what for e in exported} == {"members export (xlsx)"}

    export(db, "events", tmp_path / "arrangementer.csv")
    assert [(e.person_id, e.what) for e in _entries(db, action="export")][-1] == (
        None,
        "events export (csv)",
    )


def test_no_export_no_entry(db, lunch, tmp_path) -> None:
    from vrus.exporting import ExportError

    before = _count(db)
    with pytest.raises(ExportError):
        export(db, "members", tmp_path / "medlemmer.txt")
    assert _count(db) == before


# --- history and keeping ----------------------------------------------------------------------


def _entry_at(db: Database, at: dt.datetime, person_id: int | None = 1) -> None:
    with db.transaction() as session:
        session.add(
            AuditEntry(
                at=at, actor="tester", action="update", table_name="persons", person_id=person_id
            )
        )


def test_history_is_the_persons_own_newest_first(db: Database) -> None:
    pid, other = add_person(db, "Åse", "Berg"), add_person(db, "Per", "Berg")
    update_person(db, pid, {"phone": "91234567"})
    update_person(db, other, {"phone": "92345678"})
    _entry_at(db, clock.utc_now() - dt.timedelta(days=3), pid)
    with db.sessions() as session:
        found = audit.history(session, pid)
    assert [(h.action, h.table_name, h.fields) for h in found] == [
        ("update", "persons", ("phone",)),
        ("create", "persons", ("first_name", "last_name", "birth_date", "municipality_id")),
        ("update", "persons", ()),  # the oldest, three days ago
    ]
    assert found[0].at >= found[1].at > found[2].at


def test_entries_past_the_keeping_period_are_deleted_and_recent_ones_kept(db: Database) -> None:
    now = clock.utc_now()
    today = clock.today()
    _entry_at(db, now - dt.timedelta(days=audit.DEFAULT_KEEP_DAYS + 2))
    _entry_at(db, now - dt.timedelta(days=audit.DEFAULT_KEEP_DAYS - 2))
    _entry_at(db, now)
    with db.sessions() as session:
        assert audit.keep_days(session) == 730
        assert audit.expired_entries(session, today) == 1
    assert audit.delete_expired_entries(db, today) == 1
    assert [e.at for e in _entries(db)] == [
        now - dt.timedelta(days=audit.DEFAULT_KEEP_DAYS - 2),
        now,
    ]

    audit.set_keep_days(db, 30)
    with db.sessions() as session:
        assert audit.expired_entries(session, today) == 1
    assert audit.delete_expired_entries(db, today) == 1
    assert [e.at for e in _entries(db)] == [now]
    assert audit.delete_expired_entries(db, today) == 0


def test_a_keeping_period_out_of_range_is_refused(db: Database) -> None:
    from vrus.errors import VrusError

    with pytest.raises(VrusError, match="between 1 and 3650 days"):
        audit.set_keep_days(db, 0)
    with db.transaction() as session:
        session.add(Setting(key=audit.KEEP_SETTING, value="not a number"))
    with db.sessions() as session:
        assert audit.keep_days(session) == audit.DEFAULT_KEEP_DAYS


def test_the_actor_falls_back_when_the_system_names_nobody(monkeypatch) -> None:
    def nobody() -> str:
        raise OSError("no user")

    monkeypatch.setattr(audit.getpass, "getuser", nobody)
    assert audit.actor() == "unknown"


def test_every_register_opened_records_its_changes(db: Database) -> None:
    """Opened and closed again and again (a window reopening, the tests' many registers),
    each new Database records its flushes: none may take a freed one's place in SQLAlchemy's
    event registry and be thought to listen already."""
    import gc

    from vrus.db.engine import connect

    for round_ in range(12):
        other = connect(db.url)
        try:
            person = add_person(other, "Åse", f"Runde{round_}")
            with other.sessions() as session:
                made = session.scalars(
                    select(AuditEntry).where(
                        AuditEntry.person_id == person, AuditEntry.action == "create"
                    )
                ).all()
            assert made, f"round {round_}: the new person's creation was not recorded"
        finally:
            other.close()
        del other
        gc.collect()
