"""The access export (GDPR art. 15): every table's data about the person in the JSON, nothing
about a sibling who shares a guardian, owner-only files, a PDF that reads back, the export
recorded in the audit trail, and the command's refusals in one line."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from tests.factories import add_person
from vrus.access_export import access_document, export_access
from vrus.audit import record
from vrus.cli import main
from vrus.db.engine import Database
from vrus.db.enums import AuditAction
from vrus.db.models import (
    Allergy,
    Attendance,
    AuditEntry,
    Consent,
    Ensemble,
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
from vrus.errors import VrusError

D = dt.date
SIBLING = ("Sigrid", "Solbergsen")


def _rich_person(db: Database) -> dict[str, int]:
    """A child with something in every table about a person, and a sibling who shares the
    mother, is signed up for the same seminar and was there on the same day."""
    child = add_person(db, "Åsmund", "Ødegård", D(2011, 5, 17))
    sibling = add_person(db, *SIBLING, D(2013, 3, 2))
    with db.transaction() as session:
        person = session.get(Person, child)
        person.gender = "male"
        person.phone = "+4791111111"
        person.email = "asmund@example.no"
        person.address = "Fagottveien 3"
        person.postal_code = "1383"
        person.postal_place = "Asker"
        person.diet_note = "Ingen sopp, takk"
        person.notes = "Spiller også piano"
        bassoon = session.scalars(select(Instrument).where(Instrument.name_en == "Bassoon")).one()
        person.instruments.append(PersonInstrument(instrument=bassoon, is_main=True))
        person.diets.append(PersonDiet(diet="vegetarian"))
        person.allergies.append(
            Allergy(allergen="Peanøtter", severity="severe", note="Har adrenalinpenn")
        )
        mother = Guardian(first_name="Kari", last_name="Solbergsen", phone="+4792222222")
        father = Guardian(
            first_name="Ola", last_name="Ødegård", phone="+4793333333", email="ola@example.no"
        )
        person.guardian_links.extend(
            [
                PersonGuardian(guardian=mother, relation="mother", sort_order=0),
                PersonGuardian(guardian=father, relation="father", sort_order=1),
            ]
        )
        session.add(PersonGuardian(person_id=sibling, guardian=mother, relation="mother"))
        ensemble = session.scalars(select(Ensemble).where(Ensemble.short_name == "junior")).one()
        session.add(
            Membership(
                person_id=child,
                ensemble_id=ensemble.id,
                instrument_id=bassoon.id,
                start_date=D(2022, 8, 15),
                end_date=D(2025, 6, 30),
                end_reason="quit",
                end_note="Sluttet for å begynne med håndball",
            )
        )
        season = Season(name="2026", start_date=D(2026, 1, 1), end_date=D(2026, 12, 31))
        seminar = Event(season=season, kind="seminar", title="Helgeseminar i Sandvika")
        first_day = EventDay(event=seminar, date=D(2026, 3, 7))
        second_day = EventDay(event=seminar, date=D(2026, 3, 8))
        session.add_all([season, seminar, first_day, second_day])
        session.flush()
        session.add_all(
            [
                SignUp(
                    event_id=seminar.id,
                    person_id=child,
                    attending="yes",
                    wants_lunch=True,
                    note="Kommer etter korpset",
                ),
                SignUp(
                    event_id=seminar.id,
                    person_id=sibling,
                    attending="no",
                    note="Søsterens egen merknad",
                ),
                Attendance(
                    event_day_id=first_day.id,
                    person_id=child,
                    status="present",
                    note="Kom en time for sent",
                ),
                Attendance(event_day_id=second_day.id, person_id=child, status="excused"),
                Attendance(
                    event_day_id=first_day.id,
                    person_id=sibling,
                    status="absent",
                    note="Søsterens fravær",
                ),
                VolunteerDuty(
                    event_day_id=first_day.id,
                    guardian_id=father.id,
                    task="lunch",
                    note="Tar med vafler",
                ),
                Consent(
                    person_id=child,
                    kind="photo",
                    given_by_guardian_id=mother.id,
                    given_on=D(2024, 1, 10),
                    withdrawn_on=D(2025, 2, 1),
                    text_version="2024-2",
                ),
                Consent(
                    person_id=child,
                    kind="name_publication",
                    given_by_self=True,
                    given_on=D(2026, 9, 1),
                    text_version="2026-1",
                ),
            ]
        )
        session.flush()
        record(session, AuditAction.PRINT, what="lunch sheet PDF, event 7", person_ids=[child])
        record(session, AuditAction.PRINT, what="sibling-only printout", person_ids=[sibling])
        return {"child": child, "sibling": sibling, "mother": mother.id}


@pytest.fixture
def rich(db: Database) -> dict[str, int]:
    return _rich_person(db)


def _document(db: Database, person_id: int) -> dict:
    with db.sessions() as session:
        return access_document(session, person_id)


def test_every_table_s_data_is_in_the_json(db: Database, rich: dict[str, int]) -> None:
    doc = _document(db, rich["child"])
    person = doc["person"]
    assert (person["id"], person["first_name"], person["last_name"]) == (
        rich["child"],
        "Åsmund",
        "Ødegård",
    )
    assert person["birth_date"] == "2011-05-17"
    assert person["municipality"] == {"number": "3203", "name": "Asker"}
    for name, value in {
        "gender": "male",
        "phone": "+4791111111",
        "email": "asmund@example.no",
        "address": "Fagottveien 3",
        "postal_code": "1383",
        "postal_place": "Asker",
        "diet_note": "Ingen sopp, takk",
        "notes": "Spiller også piano",
    }.items():
        assert person[name] == value, name
    assert doc["instruments"] == [{"name": "Fagott", "name_en": "Bassoon", "main": True}]
    assert doc["diets"] == ["vegetarian"]
    assert doc["allergies"] == [
        {"allergen": "Peanøtter", "severity": "severe", "note": "Har adrenalinpenn"}
    ]
    assert doc["guardians"] == [
        {
            "first_name": "Kari",
            "last_name": "Solbergsen",
            "phone": "+4792222222",
            "email": None,
            "relation": "mother",
        },
        {
            "first_name": "Ola",
            "last_name": "Ødegård",
            "phone": "+4793333333",
            "email": "ola@example.no",
            "relation": "father",
        },
    ]
    assert doc["memberships"] == [
        {
            "ensemble": "Juniorsymfonikerne",
            "instrument": "Fagott",
            "section": None,
            "start_date": "2022-08-15",
            "end_date": "2025-06-30",
            "end_reason": "quit",
            "end_note": "Sluttet for å begynne med håndball",
        }
    ]
    [signup] = doc["signups"]
    assert {k: signup[k] for k in ("event", "dates", "answer", "lunch", "note")} == {
        "event": "Helgeseminar i Sandvika",
        "dates": ["2026-03-07", "2026-03-08"],
        "answer": "yes",
        "lunch": True,
        "note": "Kommer etter korpset",
    }
    assert [(a["event"], a["date"], a["status"], a["note"]) for a in doc["attendance"]] == [
        ("Helgeseminar i Sandvika", "2026-03-07", "present", "Kom en time for sent"),
        ("Helgeseminar i Sandvika", "2026-03-08", "excused", None),
    ]
    assert doc["volunteer_duties"] == [
        {
            "guardian": "Ola Ødegård",
            "event": "Helgeseminar i Sandvika",
            "date": "2026-03-07",
            "task": "lunch",
            "lunch": True,
            "note": "Tar med vafler",
        }
    ]
    assert doc["consents"] == [
        {
            "kind": "name_publication",
            "given_by": "self",
            "guardian": None,
            "given_on": "2026-09-01",
            "withdrawn_on": None,
            "text_version": "2026-1",
        },
        {
            "kind": "photo",
            "given_by": "guardian",
            "guardian": "Kari Solbergsen",
            "given_on": "2024-01-10",
            "withdrawn_on": "2025-02-01",
            "text_version": "2024-2",
        },
    ]
    entries = doc["audit_entries"]
    assert any(e["action"] == "print" and e["what"] == "lunch sheet PDF, event 7" for e in entries)
    # The changes recorded by themselves are there too, with field names only.
    created = [e for e in entries if e["action"] == "create" and e["table"] == "allergies"]
    assert created and "allergen" in created[0]["fields"]
    assert all(set(e) == {"at", "actor", "action", "table", "fields", "what"} for e in entries)


def test_every_person_column_is_in_the_json(db: Database, rich: dict[str, int]) -> None:
    """A column added to persons later is exported by itself; only the bookkeeping is not."""
    person = _document(db, rich["child"])["person"]
    columns = {c.key for c in Person.__table__.columns} - {"version", "erased_at"}
    named = {"municipality_id": "municipality", "culture_school_id": "culture_school"}
    assert set(person) == {named.get(c, c) for c in columns}


def test_nothing_about_the_sibling(db: Database, rich: dict[str, int]) -> None:
    """Art. 15(4): the shared guardian is there, the guardian's other child is not, nor the
    sibling's sign-up, attendance or audit entries on the same event."""
    text = json.dumps(_document(db, rich["child"]), ensure_ascii=False)
    assert "Sigrid" not in text
    assert "Søsterens" not in text
    assert "sibling-only" not in text
    assert "Kari" in text  # the shared mother herself is the child's guardian
    sibling_doc = _document(db, rich["sibling"])
    assert "Åsmund" not in json.dumps(sibling_doc, ensure_ascii=False)
    assert [d["note"] for d in sibling_doc["volunteer_duties"]] == []  # the father's duty


def test_json_file_is_owner_only_and_the_export_is_recorded(
    db: Database, rich: dict[str, int], tmp_path: Path, frozen_clock: dt.date
) -> None:
    target = tmp_path / "innsyn.json"
    target.write_text("old")
    os.chmod(target, 0o644)  # an existing file others could read is replaced, not reused
    written = export_access(db, rich["child"], target)
    assert written == target.absolute()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["document"] == "vrus-access-export" and doc["version"] == 1
    assert doc["made_on"] == frozen_clock.isoformat()
    with db.sessions() as session:
        exports = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "export", AuditEntry.person_id == rich["child"]
            )
        ).all()
    assert [(e.what, e.actor != "") for e in exports] == [("access export", True)]


def test_a_symlink_is_replaced_not_followed(
    db: Database, rich: dict[str, int], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("untouched")
    link = tmp_path / "innsyn.json"
    link.symlink_to(elsewhere)
    export_access(db, rich["child"], link)
    assert not link.is_symlink() and elsewhere.read_text() == "untouched"
    assert stat.S_IMODE(link.stat().st_mode) == 0o600


def test_the_pdf_reads_back(db: Database, rich: dict[str, int], tmp_path: Path) -> None:
    target = tmp_path / "innsyn.pdf"
    export_access(db, rich["child"], target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    for expected in ("Åsmund", "Ødegård", "Peanøtter", "Helgeseminar i Sandvika", "07.03.2026"):
        assert expected in text, expected
    assert "Sigrid" not in text
    assert "2011-05-17" not in text and "17.05.2011" in text  # dates as Norwegians read them


def test_unknown_or_erased_person_is_refused_and_writes_nothing(
    db: Database, rich: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "innsyn.json"
    with pytest.raises(VrusError, match="person 99999 is not in the register"):
        export_access(db, 99999, target)
    with db.transaction() as session:
        # Stored in UTC, shown as the local day: noon here on 01.11.2026, in any zone.
        noon = dt.datetime(2026, 11, 1, 12).astimezone(dt.UTC).replace(tzinfo=None)
        session.get(Person, rich["sibling"]).erased_at = noon
    with pytest.raises(VrusError, match="erased on 01.11.2026"):
        export_access(db, rich["sibling"], target)
    assert not target.exists()
    with db.sessions() as session:
        assert not session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()


def test_an_unknown_ending_is_refused_before_anything(
    db: Database, rich: dict[str, int], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(VrusError, match=r"innsyn\.txt: give the file a name ending in \.json"):
        export_access(db, rich["child"], folder / "innsyn.txt")
    assert list(folder.iterdir()) == []
    with db.sessions() as session:
        assert not session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()


# --- the command ----------------------------------------------------------------------------


def _run(register: str, *args: str) -> int:
    return main(["--db", register, "persons", "export", *args])


def test_the_command_writes_json_and_pdf(
    db: Database,
    rich: dict[str, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("innsyn.json", "innsyn.pdf"):
        target = tmp_path / name
        capsys.readouterr()
        assert _run(db.url, str(rich["child"]), "-o", str(target)) == 0
        assert capsys.readouterr().out == f"Wrote {target.resolve()}\n"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"%PDF")
    doc = json.loads((tmp_path / "innsyn.json").read_text(encoding="utf-8"))
    assert doc["person"]["id"] == rich["child"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["99999", "-o", "{dir}/a.json"], "vrus: error: person 99999 is not in the register\n"),
        (
            ["{child}", "-o", "{dir}/a.docx"],
            "vrus: error: a.docx: give the file a name ending in .json, .pdf\n",
        ),
        (
            ["{child}", "-o", "{dir}/missing/a.json"],
            "vrus: error: the folder {dir}/missing does not exist\n",
        ),
    ],
)
def test_the_command_refuses_in_one_line(
    db: Database,
    rich: dict[str, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    values = {"dir": str(tmp_path), "child": str(rich["child"])}
    capsys.readouterr()
    assert _run(db.url, *(a.format(**values) for a in args)) == 1
    captured = capsys.readouterr()
    assert captured.err == message.format(**values) and captured.out == ""


def test_a_non_number_id_is_a_usage_error(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        _run(db.url, "Åsmund", "-o", str(tmp_path / "a.json"))
    assert exited.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1
