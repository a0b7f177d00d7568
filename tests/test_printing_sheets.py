"""The lunch sheet, the contact and emergency list and the duty roster, printed from the demo
register and read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import delete, select

from vrus.db.models import Ensemble, Event, Person, PersonGuardian
from vrus.demo import load_demo
from vrus.duties import format_phone, season_roster
from vrus.lunch import lunch_plan
from vrus.member_list import MemberFilter, Status, member_ids, rows_for
from vrus.printing import contact_list_pdf, duty_roster_pdf, lunch_sheet_pdf
from vrus.printing.layout import ORCHESTRA

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def demo(db):
    load_demo(db, today=TODAY)
    return db


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _event(db, title: str) -> int:
    with db.transaction() as session:
        return session.scalars(
            select(Event.id).where(Event.title == title).order_by(Event.id.desc())
        ).first()


def _check_frame(texts: list[str], title: str) -> None:
    for number, text in enumerate(texts, start=1):
        assert ORCHESTRA in text and title in text
        assert f"Side {number} av {len(texts)}" in text
        assert "Skrevet ut 26.11.2026" in text


# --- lunch sheet -----------------------------------------------------------------------------


def test_lunch_sheet_has_a_page_per_day_with_counts_diets_allergies_and_duties(demo) -> None:
    event_id = _event(demo, "Helgeseminar 9")
    with demo.transaction() as session:
        plan = lunch_plan(session, event_id, TODAY)
        texts = pages(lunch_sheet_pdf(session, event_id, today=TODAY, printed=TODAY))
    assert len(texts) == len(plan.days) == 2
    _check_frame(texts, "Lunsjliste – Helgeseminar 9")
    for day, text in zip(plan.days, texts, strict=True):
        assert f"{day.count.total} lunsjer" in text
        assert "Etter påmeldingen – påmeldingen er stengt" in text
        assert "Dirigent og instruktører" in text and "Foreldre på vakt" in text
        assert "Vegetar" in text
        # Severe allergies first, marked.
        assert text.index("ALVORLIG") < text.index("Mild")
        assert "EpiPen" in text
        assert "Ingen er satt opp på lunsjvakt denne dagen." in text  # the demo's gap
        for duty in day.duties:
            assert duty.name in text and duty.phone in text
    assert "Lørdag 05.12.2026" in texts[0] and "Søndag 06.12.2026" in texts[1]


def test_lunch_sheet_shows_children_by_first_name_only(demo) -> None:
    event_id = _event(demo, "Helgeseminar 9")
    with demo.transaction() as session:
        text = "\n".join(pages(lunch_sheet_pdf(session, event_id, today=TODAY)))
        plan = lunch_plan(session, event_id, TODAY)
        ids = member_ids(session, MemberFilter(status=Status.ACTIVE), TODAY)
        surnames = {row.last_name for row in rows_for(session, ids, TODAY).values()}
        births = session.scalars(select(Person.birth_date)).all()
    allergic = {a.name for day in plan.days for a in day.allergies}
    assert allergic and all(name.split()[0] in text for name in allergic)
    parents = {d.name for day in plan.days for d in day.duties}
    visible = {s for s in surnames if s in text and not any(s in p for p in parents)}
    assert visible == set()
    assert not any(born.strftime("%d.%m.%Y") in text for born in births if born)


def test_actual_attendance_is_labelled_so(demo) -> None:
    event_id = _event(demo, "Helgeseminar 8")  # 14-15.11.2026, attendance recorded
    with demo.transaction() as session:
        texts = pages(lunch_sheet_pdf(session, event_id, today=TODAY))
    assert all("Faktisk – oppmøtet er registrert" in text for text in texts)


# --- contact and emergency list --------------------------------------------------------------


def test_contact_list_has_every_active_member_with_guardians_phones(demo) -> None:
    with demo.transaction() as session:
        junior = session.scalars(select(Ensemble.id).where(Ensemble.short_name == "junior")).one()
        ids = member_ids(session, MemberFilter(ensemble_ids={junior}, status=Status.ACTIVE), TODAY)
        rows = rows_for(session, ids, TODAY)
        texts = pages(contact_list_pdf(session, ensemble_id=junior, on=TODAY, printed=TODAY))
        guardians = [
            (link.guardian.full_name, format_phone(link.guardian.phone))
            for pid in ids
            for link in session.get(Person, pid).guardian_links
        ]
    _check_frame(texts, "Kontakt- og nødliste – Juniorsymfonikerne")
    text = "\n".join(texts)
    positions = [text.index(f"{rows[pid].last_name}, {rows[pid].first_name}") for pid in ids]
    assert positions == sorted(positions)  # member_ids orders by surname, Norwegian order
    for name, phone in guardians:
        assert name in text and phone in text
    assert "Ungdomssymfonikerne (" not in text and "Juniorsymfonikerne (20)" in text
    assert "brann 110" in text


def test_contact_list_marks_severe_allergies_and_missing_guardians(demo) -> None:
    with demo.transaction() as session:
        ids = member_ids(session, MemberFilter(status=Status.ACTIVE), TODAY)
        session.execute(delete(PersonGuardian).where(PersonGuardian.person_id == ids[0]))
    with demo.transaction() as session:
        text = "\n".join(pages(contact_list_pdf(session, on=TODAY)))
    assert "Nøtter: Anafylaksi" in text
    assert "Skalldyr" not in text  # moderate allergies are the lunch sheet's business
    assert text.count("Ingen foresatt registrert") == 1


# --- duty roster -----------------------------------------------------------------------------


def test_duty_roster_lists_days_gaps_and_families(demo) -> None:
    with demo.transaction() as session:
        roster = season_roster(session, 2026)
        texts = pages(duty_roster_pdf(session, 2026, printed=TODAY))
    _check_frame(texts, "Vaktliste 2026")
    text = "\n".join(texts)
    assert "Sesongen 2026" in text
    for day in roster.days:
        assert day.date.strftime("%d.%m.%Y") in text
    assert text.count("Ingen på lunsjvakt") == len(roster.warnings) + 1  # + the summary line
    assert "Vakter per familie" in text
    for family in roster.families:
        assert family.guardians[0].name in text
    assert f"{len(roster.families_without_duty)} familier har ingen vakt ennå" in text


def test_an_empty_season_still_prints(db) -> None:
    with db.transaction() as session:
        texts = pages(duty_roster_pdf(session, 2031))
    assert len(texts) == 1 and "Ingen seminardager i sesongen." in texts[0]
