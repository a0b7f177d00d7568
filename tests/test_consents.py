"""Consent records (``vrus.consents``): who may give which consent at which age, withdrawal,
which consents hold for many persons in one query, the migration from the old yes/no field,
the member import and export, the member list and the attendance list's "no photos" mark."""

from __future__ import annotations

import datetime as dt
import io
from functools import partial
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import event, func, select, text

from tests.factories import add_person
from vrus.consents import (
    CURRENT_TEXT_VERSION,
    IMPORT_TEXT_VERSION,
    LEGACY_TEXT_VERSION,
    age_on,
    consents_in_force,
    person_consents,
    record_consent,
    remove_consent,
    undo_withdrawal,
    withdraw_consent,
)
from vrus.db.engine import Database
from vrus.db.enums import ConsentKind
from vrus.db.migrate import downgrade, upgrade
from vrus.db.models import Consent, Guardian, Person
from vrus.errors import VrusError
from vrus.exporting import member_sheet
from vrus.importing import import_members
from vrus.member_list import MemberFilter, SortColumn, member_ids, rows_for
from vrus.persons import add_guardian
from vrus.validation import ValidationError

D = dt.date
TODAY = D(2026, 11, 26)
PHOTO, NAME, HEALTH = ConsentKind.PHOTO, ConsentKind.NAME_PUBLICATION, ConsentKind.HEALTH_DATA


def child(db: Database, born: dt.date, first: str = "Åse") -> tuple[int, int]:
    """A person born ``born`` with one guardian; (person id, guardian id)."""
    person_id = add_person(db, first, "Ødegård", born)
    guardian = add_guardian(db, person_id, {"first_name": "Kari", "last_name": "Ødegård"})
    return person_id, guardian


def count_consents(db: Database) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Consent))


def refused(field: str, call, *args, **kwargs) -> str:  # noqa: ANN001 - any core call
    """The message of the ValidationError the call raises; it must name ``field``."""
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert caught.value.field == field, caught.value
    return str(caught.value)


# --- The age rule ----------------------------------------------------------------------------


def test_age_counts_completed_years_on_the_day() -> None:
    assert age_on(D(2011, 11, 27), TODAY) == 14
    assert age_on(D(2011, 11, 26), TODAY) == 15
    assert age_on(D(2008, 2, 29), D(2026, 2, 28)) == 17  # a leap-day child: 18 on 1 March
    assert age_on(D(2008, 2, 29), D(2026, 3, 1)) == 18


def test_a_guardian_records_a_consent_that_is_then_listed(db: Database) -> None:
    person_id, kari = child(db, D(2013, 3, 3))
    consent_id = record_consent(db, person_id, PHOTO, given_by_guardian_id=kari, today=TODAY)
    with db.sessions() as session:
        [record] = person_consents(session, person_id)
    assert record.id == consent_id
    assert (record.kind, record.given_by_guardian, record.given_by_self) == (
        PHOTO,
        "Kari Ødegård",
        False,
    )
    assert (record.given_on, record.withdrawn_on, record.text_version) == (
        TODAY,
        None,
        CURRENT_TEXT_VERSION,
    )
    assert record.in_force(TODAY) and not record.in_force(TODAY - dt.timedelta(days=1))


def test_a_member_of_15_consents_to_photos_and_name_themselves_not_at_14(db: Database) -> None:
    person_id, _ = child(db, D(2011, 11, 26))  # 15 on TODAY, 14 the day before
    eve = TODAY - dt.timedelta(days=1)
    for kind in (PHOTO, NAME):
        message = refused(
            "given_by",
            record_consent,
            db,
            person_id,
            kind,
            given_by_self=True,
            given_on=eve,
            today=TODAY,
        )
        assert message == (
            "a member under 15 cannot give this consent; a guardian must "
            "(the member was 14 on 25.11.2026)"
        )
    assert count_consents(db) == 0
    for kind in (PHOTO, NAME):
        record_consent(db, person_id, kind, given_by_self=True, given_on=TODAY, today=TODAY)
    with db.sessions() as session:
        assert {r.kind for r in person_consents(session, person_id) if r.given_by_self} == {
            PHOTO,
            NAME,
        }


def test_health_data_needs_a_guardian_until_18_and_the_member_after(db: Database) -> None:
    person_id, kari = child(db, D(2008, 11, 27))  # 17 on TODAY, 18 tomorrow
    message = refused(
        "given_by", record_consent, db, person_id, HEALTH, given_by_self=True, today=TODAY
    )
    assert message == (
        "consent to health data needs a guardian until the member is 18 "
        "(the member was 17 on 26.11.2026)"
    )
    record_consent(db, person_id, HEALTH, given_by_guardian_id=kari, today=TODAY)
    tomorrow = TODAY + dt.timedelta(days=1)
    # An adult consents themselves: a guardian no longer can.
    message = refused(
        "given_by",
        record_consent,
        db,
        person_id,
        PHOTO,
        given_by_guardian_id=kari,
        today=tomorrow,
    )
    assert "18 or older on 27.11.2026" in message
    # Beside the guardian's consent to the same text: the adult's own.
    record_consent(db, person_id, HEALTH, given_by_self=True, today=tomorrow)
    assert count_consents(db) == 2


def test_a_member_without_a_birth_date_cannot_consent_themselves(db: Database) -> None:
    with db.transaction() as session:
        person = Person(first_name="Ola", last_name="Uten Dato")
        session.add(person)
        session.flush()
        person_id = person.id
    message = refused(
        "given_by", record_consent, db, person_id, PHOTO, given_by_self=True, today=TODAY
    )
    assert message.startswith("the birth date is not known")
    kari = add_guardian(db, person_id, {"first_name": "Kari", "last_name": "Uten Dato"})
    record_consent(db, person_id, PHOTO, given_by_guardian_id=kari, today=TODAY)


def test_only_the_persons_own_guardian_may_consent(db: Database) -> None:
    person_id, _ = child(db, D(2013, 3, 3))
    _, strangers_parent = child(db, D(2012, 1, 1), first="Thi")
    message = refused(
        "given_by",
        record_consent,
        db,
        person_id,
        PHOTO,
        given_by_guardian_id=strangers_parent,
        today=TODAY,
    )
    assert message == "the chosen guardian is not a guardian of this person"
    assert count_consents(db) == 0


@pytest.mark.parametrize(
    ("options", "field", "words"),
    [
        ({}, "given_by", "say who gave the consent"),
        ({"given_by_self": True, "given_by_guardian_id": 1}, "given_by", "say who gave"),
        ({"given_by_self": True, "given_on": D(2026, 11, 27)}, "given_on", "day still to come"),
        ({"given_by_self": True, "given_on": D(2008, 1, 1)}, "given_on", "before the birth date"),
        ({"given_by_self": True, "text_version": "  "}, "text_version", "which version"),
        ({"given_by_self": True, "text_version": "x" * 41}, "text_version", "longer than 40"),
        ({"given_by_self": True, "text_version": "2026\x07"}, "text_version", "control"),
    ],
)
def test_each_refusal_names_its_field(db: Database, options: dict, field: str, words: str) -> None:
    person_id, _ = child(db, D(2008, 5, 1))  # 18: may consent to anything
    message = refused(field, record_consent, db, person_id, PHOTO, today=TODAY, **options)
    assert words in message
    assert count_consents(db) == 0


def test_an_unknown_kind_person_or_consent_is_one_clear_line(db: Database) -> None:
    person_id, _ = child(db, D(2008, 5, 1))
    assert "'selfies' is not a kind of consent" in refused(
        "kind", record_consent, db, person_id, "selfies", given_by_self=True
    )
    with pytest.raises(VrusError, match="^person 9999 is not in the register$"):
        record_consent(db, 9999, PHOTO, given_by_self=True, today=TODAY)
    with pytest.raises(VrusError, match="^consent 9999 is not in the register$"):
        withdraw_consent(db, 9999, today=TODAY)


def test_the_same_consent_twice_is_refused_a_new_text_or_giver_is_recorded(
    db: Database,
) -> None:
    person_id, kari = child(db, D(2011, 3, 3))  # 15
    ola = add_guardian(db, person_id, {"first_name": "Ola", "last_name": "Ødegård"})
    record = partial(record_consent, db, person_id, PHOTO, today=TODAY)
    record(given_by_guardian_id=kari, given_on=D(2026, 1, 10))
    message = refused("kind", record, given_by_guardian_id=kari)
    assert message == "a consent to photos (text version 2026-1) is in force since 10.01.2026"
    record(given_by_guardian_id=kari, text_version="2026-2")
    record(given_by_guardian_id=ola)
    record(given_by_self=True)
    assert "already in force" not in refused("kind", record, given_by_self=True)
    assert count_consents(db) == 4


# --- Withdrawing -----------------------------------------------------------------------------


def test_a_withdrawal_ends_the_consent_on_its_day_and_keeps_the_record(db: Database) -> None:
    person_id, kari = child(db, D(2013, 3, 3))
    consent_id = record_consent(
        db, person_id, PHOTO, given_by_guardian_id=kari, given_on=D(2026, 1, 10), today=TODAY
    )
    assert withdraw_consent(db, consent_id, D(2026, 6, 1), today=TODAY) == D(2026, 6, 1)
    with db.sessions() as session:
        [record] = person_consents(session, person_id)
        assert record.withdrawn_on == D(2026, 6, 1)
        assert consents_in_force(session, [person_id], D(2026, 5, 31)) == {person_id: {PHOTO}}
        assert consents_in_force(session, [person_id], D(2026, 6, 1)) == {person_id: frozenset()}
    with pytest.raises(VrusError, match="already withdrawn on 01.06.2026"):
        withdraw_consent(db, consent_id, today=TODAY)
    undo_withdrawal(db, consent_id)
    with db.sessions() as session:
        assert consents_in_force(session, [person_id], TODAY) == {person_id: {PHOTO}}


def test_a_withdrawal_before_the_consent_or_to_come_is_refused(db: Database) -> None:
    person_id, kari = child(db, D(2013, 3, 3))
    consent_id = record_consent(
        db, person_id, PHOTO, given_by_guardian_id=kari, given_on=D(2026, 1, 10), today=TODAY
    )
    assert "before the consent was given (10.01.2026)" in refused(
        "withdrawn_on", withdraw_consent, db, consent_id, D(2026, 1, 9), today=TODAY
    )
    assert "day still to come" in refused(
        "withdrawn_on", withdraw_consent, db, consent_id, D(2026, 11, 27), today=TODAY
    )
    assert withdraw_consent(db, consent_id, today=TODAY) == TODAY  # today by default


def test_a_record_made_by_mistake_is_removed(db: Database) -> None:
    person_id, kari = child(db, D(2013, 3, 3))
    consent_id = record_consent(db, person_id, NAME, given_by_guardian_id=kari, today=TODAY)
    remove_consent(db, consent_id)
    assert count_consents(db) == 0


# --- Many persons at once ---------------------------------------------------------------------


def test_consents_in_force_for_many_persons_in_one_query(db: Database) -> None:
    ids = [child(db, D(2012, 1, 1), first=f"Barn{i}") for i in range(4)]
    (a, ga), (b, gb), (c, _), (d, _) = ids
    record_consent(db, a, PHOTO, given_by_guardian_id=ga, given_on=D(2026, 1, 10), today=TODAY)
    record_consent(db, a, NAME, given_by_guardian_id=ga, given_on=D(2026, 1, 10), today=TODAY)
    withdrawn = record_consent(
        db, b, PHOTO, given_by_guardian_id=gb, given_on=D(2026, 1, 10), today=TODAY
    )
    withdraw_consent(
        db, withdrawn, D(2026, 2, 8), today=TODAY
    )  # in the middle of a weekend seminar
    with db.transaction() as session:  # carried over from the old field: no date, no giver
        session.add(Consent(person_id=c, kind="photo", text_version=LEGACY_TEXT_VERSION))
    statements: list[str] = []

    def count(*args) -> None:  # noqa: ANN002 - SQLAlchemy's listener signature
        statements.append(args[2])

    with db.sessions() as session:
        connection = session.connection()
        event.listen(connection, "before_cursor_execute", count)
        held = consents_in_force(session, [a, b, c, d], D(2026, 2, 7))
        event.remove(connection, "before_cursor_execute", count)
        assert held == {a: {PHOTO, NAME}, b: {PHOTO}, c: {PHOTO}, d: frozenset()}
        assert len(statements) == 1
        # Over the whole seminar (Saturday and Sunday): b's withdrawal on Sunday counts.
        weekend = consents_in_force(session, [a, b, c, d], D(2026, 2, 7), D(2026, 2, 8))
        assert weekend == {a: {PHOTO, NAME}, b: frozenset(), c: {PHOTO}, d: frozenset()}
        everyone = consents_in_force(session, None, D(2026, 2, 7))
        assert everyone == {a: {PHOTO, NAME}, b: {PHOTO}, c: {PHOTO}}


def test_the_member_list_marks_no_photos_and_sorts_by_it(db: Database) -> None:
    with_consent, guardian = child(db, D(2012, 1, 1), first="Anna")
    without, _ = child(db, D(2012, 1, 1), first="Bjørn")
    record_consent(
        db, with_consent, PHOTO, given_by_guardian_id=guardian, given_on=TODAY, today=TODAY
    )
    everyone = MemberFilter(status=None)
    with db.sessions() as session:
        rows = rows_for(session, [with_consent, without], TODAY)
        assert (rows[with_consent].no_photos, rows[without].no_photos) == (False, True)
        assert rows_for(session, [with_consent], TODAY - dt.timedelta(days=1))[
            with_consent
        ].no_photos
        by_name = member_ids(session, everyone, TODAY, SortColumn.NAME)
        by_photos = member_ids(session, everyone, TODAY, SortColumn.PHOTOS)
        reversed_ = member_ids(session, everyone, TODAY, SortColumn.PHOTOS, descending=True)
    assert by_name == [with_consent, without]  # both Ødegård: Anna, then Bjørn
    assert by_photos == [without, with_consent]  # those to keep out of photos first
    assert reversed_ == [with_consent, without]


# --- The migration from the yes/no field ------------------------------------------------------


def add_at_0004(db: Database, people: dict[str, bool]) -> None:
    """Persons as schema 0004 holds them, with the yes/no photo field."""
    with db.engine.begin() as connection:
        municipality = connection.scalar(text("SELECT min(id) FROM municipalities"))
        for first, consent in people.items():
            connection.execute(
                text(
                    "INSERT INTO persons (first_name, last_name, birth_date, municipality_id,"
                    " photo_consent, created_at, updated_at) VALUES (:first, 'Berg',"
                    " '2008-01-01', :municipality, :consent, '2026-01-01 00:00:00',"
                    " '2026-01-01 00:00:00')"
                ),
                {"first": first, "municipality": municipality, "consent": consent},
            )


@pytest.mark.sqlite_only("migrates a SQLite file made by an older VRUS")
def test_migration_turns_every_yes_into_a_record_and_drops_the_column(db: Database) -> None:
    downgrade(db, "0004")
    add_at_0004(db, {"Ja": True, "Nei": False, "Også ja": True})
    upgrade(db)
    with db.sessions() as session:
        people = dict(session.execute(select(Person.first_name, Person.id)).all())
        records = session.scalars(select(Consent).order_by(Consent.person_id)).all()
        assert [(r.person_id, r.kind) for r in records] == [
            (people["Ja"], "photo"),
            (people["Også ja"], "photo"),
        ]
        assert {
            (r.given_by_guardian_id, r.given_by_self, r.given_on, r.withdrawn_on, r.text_version)
            for r in records
        } == {(None, False, None, None, LEGACY_TEXT_VERSION)}
        # Undated, such a record counts as given: the person may still be photographed.
        held = consents_in_force(session, list(people.values()), TODAY)
        assert held[people["Ja"]] == {PHOTO} and held[people["Nei"]] == frozenset()
        columns = {row[1] for row in session.execute(text("PRAGMA table_info(persons)"))}
    assert "photo_consent" not in columns


def test_migration_down_and_up_again_keeps_what_was_recorded(db: Database) -> None:
    downgrade(db, "0004")
    add_at_0004(db, {"Ja": True, "Trukket": True, "Ny": False})
    upgrade(db)
    with db.sessions() as session:
        people = dict(session.execute(select(Person.first_name, Person.id)).all())
        legacy = dict(session.execute(select(Consent.person_id, Consent.id)).all())
    withdraw_consent(db, legacy[people["Trukket"]], D(2026, 3, 1), today=TODAY)
    record_consent(db, people["Ny"], PHOTO, given_by_self=True, today=TODAY)
    downgrade(db, "0004")
    with db.engine.connect() as connection:
        column = dict(
            connection.execute(text("SELECT first_name, photo_consent FROM persons")).all()
        )
        kept = connection.execute(
            text("SELECT person_id, text_version FROM consents ORDER BY id")
        ).all()
    # Yes where a photo consent was never withdrawn; the records the upgrade made and the
    # column now holds are gone, the withdrawn one and the new one stay.
    assert column == {"Ja": 1, "Trukket": 0, "Ny": 1}
    assert kept == [
        (people["Trukket"], LEGACY_TEXT_VERSION),
        (people["Ny"], CURRENT_TEXT_VERSION),
    ]
    upgrade(db)
    with db.sessions() as session:
        held = consents_in_force(session, list(people.values()), TODAY)
        assert held == {
            people["Ja"]: {PHOTO},
            people["Trukket"]: frozenset(),
            people["Ny"]: {PHOTO},
        }
        assert session.scalar(select(func.count()).select_from(Person)) == 3


def test_migration_keeps_guardians_and_their_links(db: Database) -> None:
    """Dropping the column must not copy the persons table: with foreign keys on, dropping
    the old table would cascade to every person's guardians, allergies and consents."""
    person_id, _ = child(db, D(2013, 3, 3))
    with db.sessions() as session:
        links = session.scalar(text("SELECT count(*) FROM person_guardians"))
    downgrade(db, "0004")
    upgrade(db)
    with db.sessions() as session:
        assert session.scalar(text("SELECT count(*) FROM person_guardians")) == links == 1
        assert session.scalars(select(Guardian.first_name)).all() == ["Kari"]
        assert session.get(Person, person_id) is not None


# --- Import and export ---------------------------------------------------------------------


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(";".join(row) for row in rows) + "\n", encoding="utf-8")
    return path


def test_the_import_reads_the_consents_column_and_the_old_photo_column(
    db: Database, tmp_path: Path
) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Samtykker", "Fotosamtykke"],
        ["Åse", "Ødegård", "03.03.2013", "foto, navn", ""],
        ["Thi", "Nguyễn", "01.06.2010", "helse", "nei"],
        ["Zoë", "Aas", "02.02.2008", "", "ja"],
        ["Eldar", "Zahl", "05.05.2006", "ingen", ""],
    ]
    report = import_members(db, write_csv(tmp_path / "m.csv", rows), today=TODAY)
    assert report.ok, [str(p) for p in report.problems]
    with db.sessions() as session:
        people = dict(session.execute(select(Person.first_name, Person.id)).all())
        held = consents_in_force(session, list(people.values()), TODAY)
        versions = set(session.scalars(select(Consent.text_version)))
        days = set(session.scalars(select(Consent.given_on)))
    assert held == {
        people["Åse"]: {PHOTO, NAME},
        people["Thi"]: {HEALTH},
        people["Zoë"]: {PHOTO},
        people["Eldar"]: frozenset(),
    }
    assert versions == {IMPORT_TEXT_VERSION} and days == {TODAY}


def test_an_imported_no_withdraws_and_a_yes_again_adds_nothing(
    db: Database, tmp_path: Path
) -> None:
    first = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Samtykker"],
        ["Åse", "Ødegård", "03.03.2013", "foto, navn"],
    ]
    import_members(db, write_csv(tmp_path / "first.csv", first), today=D(2026, 9, 1))
    again = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Fotosamtykke"],
        ["Åse", "Ødegård", "03.03.2013", "nei"],
    ]
    report = import_members(db, write_csv(tmp_path / "again.csv", again), today=TODAY)
    assert report.ok and report.updated == 1
    with db.sessions() as session:
        records = {c.kind: c for c in session.scalars(select(Consent))}
    assert records[PHOTO].withdrawn_on == TODAY  # the sheet says no now
    assert records[NAME].withdrawn_on is None  # the photo column says nothing of names
    import_members(db, write_csv(tmp_path / "first.csv", first), today=TODAY)
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Consent)) == 3  # a new photo one


def test_the_import_refuses_an_unknown_consent_and_columns_that_disagree(
    db: Database, tmp_path: Path
) -> None:
    rows = [
        ["Fornavn", "Etternavn", "Fødselsdato", "Samtykker", "Fotosamtykke"],
        ["Åse", "Ødegård", "03.03.2013", "foto, selfies", ""],
        ["Thi", "Nguyễn", "01.06.2010", "navn", "ja"],
    ]
    report = import_members(db, write_csv(tmp_path / "m.csv", rows), today=TODAY)
    assert not report.ok
    messages = {(p.row, str(p.column), str(p.message)) for p in report.problems}
    assert (
        2,
        "Samtykker",
        "'selfies' is not a consent: use foto, navn, helse or ingen",
    ) in messages
    assert (3, "Fotosamtykke", "says otherwise about photos than the consents column") in messages
    assert count_consents(db) == 0


def test_the_export_names_the_consents_in_force(db: Database) -> None:
    aase, kari = child(db, D(2013, 3, 3))
    thi, lan = child(db, D(2010, 6, 1), first="Thi")
    record_consent(db, aase, NAME, given_by_guardian_id=kari, given_on=D(2026, 1, 10), today=TODAY)
    record_consent(db, aase, PHOTO, given_by_guardian_id=kari, given_on=D(2026, 1, 10), today=TODAY)
    gone = record_consent(
        db, thi, PHOTO, given_by_guardian_id=lan, given_on=D(2026, 1, 10), today=TODAY
    )
    withdraw_consent(db, gone, D(2026, 5, 1), today=TODAY)
    with db.sessions() as session:
        sheet, warnings = member_sheet(session, today=TODAY)
    column = sheet.headers.index("Samtykker")
    cells = {row[0]: row[column] for row in sheet.rows}
    assert cells == {"Åse": "foto, navn", "Thi": ""}
    assert warnings == []


# --- The attendance list --------------------------------------------------------------------


def test_the_attendance_list_marks_everyone_without_a_photo_consent(
    db: Database, tmp_path: Path
) -> None:
    from tests.test_printing_attendance import MEMBERS, add_members, line_of, print_list, seminar

    event_id = seminar(db)  # Saturday 17 and Sunday 18 January 2026
    ids = dict(
        zip([m[1] for m in MEMBERS], add_members(db, MEMBERS, event_id=event_id), strict=True)
    )
    kari = add_guardian(db, ids["Aas"], {"first_name": "Kari", "last_name": "Aas"})
    record_consent(
        db, ids["Aas"], PHOTO, given_by_guardian_id=kari, given_on=D(2026, 1, 2), today=TODAY
    )
    # Given on the Sunday: not for the whole seminar. Withdrawn before it: not at all.
    lan = add_guardian(db, ids["Nguyễn"], {"first_name": "Lan", "last_name": "Nguyễn"})
    record_consent(
        db, ids["Nguyễn"], PHOTO, given_by_guardian_id=lan, given_on=D(2026, 1, 18), today=TODAY
    )
    per = add_guardian(db, ids["Zahl"], {"first_name": "Per", "last_name": "Zahl"})
    gone = record_consent(
        db, ids["Zahl"], PHOTO, given_by_guardian_id=per, given_on=D(2026, 1, 2), today=TODAY
    )
    withdraw_consent(db, gone, D(2026, 1, 5), today=TODAY)
    for last in ("Ærøy", "Østby", "Åkre"):  # carried over from the old field
        with db.transaction() as session:
            session.add(
                Consent(person_id=ids[last], kind="photo", text_version=LEGACY_TEXT_VERSION)
            )
    allowed = {"Aas", "Ærøy", "Østby", "Åkre"}

    for variant in ({}, {"by_section": True}, {"sign_in": True}):
        data = print_list(db, event_id, **variant)
        pdf_text = "\n".join(
            page.extract_text(extraction_mode="layout")
            for page in PdfReader(io.BytesIO(data)).pages
        )
        for first, last, _, _ in MEMBERS:
            marked = "⊘" in line_of(pdf_text, f"{last}, {first}")
            assert marked == (last not in allowed), (variant, last)
        assert "⊘ ved navnet: ingen foto" in pdf_text
        assert "(5 personer)" in pdf_text
    (tmp_path / "attendance.pdf").write_bytes(print_list(db, event_id))


def test_an_attendance_list_where_all_may_be_photographed_says_so(db: Database) -> None:
    from tests.test_printing_attendance import MEMBERS, add_members, print_list, seminar

    event_id = seminar(db)
    for person_id in add_members(db, MEMBERS[:2], event_id=event_id):
        with db.transaction() as session:
            session.add(Consent(person_id=person_id, kind="photo", given_by_self=True))
    pdf = PdfReader(io.BytesIO(print_list(db, event_id)))
    content = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Alle på listen har samtykket til foto." in content
    assert "⊘" not in content
