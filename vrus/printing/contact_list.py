"""The contact and emergency list for the seminar bag: the active members of each ensemble
with their guardians' names and phone numbers.

Per ensemble, sorted by surname in Norwegian order. Each guardian is one line with the phone
number first, in bold, because in an emergency the number is what one looks for. Severe
allergies (anaphylaxis) are printed too: that is emergency information; milder allergies and
diets are the lunch sheet's business and stay off this list. A member without any guardian
on record is marked, so the gap is seen before it matters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus import audit, clock
from vrus.collation import sort_key
from vrus.dates import format_date
from vrus.db.enums import AllergySeverity, AuditAction
from vrus.db.models import Allergy, Ensemble, Guardian, Person, PersonGuardian
from vrus.duties import format_phone
from vrus.events import get_row
from vrus.member_list import MemberFilter, Status, member_ids, rows_for
from vrus.printing.layout import (
    build_pdf,
    document_heading,
    fit_width,
    frame_width,
    keep_if_short,
    labelled,
    list_table,
    para,
    rich,
)

RELATIONS_NB = {"mother": "mor", "father": "far", "guardian": "foresatt", "other": "annen"}
_LAST = 10_000


@dataclass(frozen=True)
class _Contact:
    person_id: int
    first_name: str
    last_name: str
    ensemble: str | None
    instrument: str | None
    phone: str
    guardians: tuple[str, ...]  # markup lines: phone, name (relation)
    severe_allergies: tuple[str, ...]


def _guardian_lines(session: Session, ids: list[int]) -> dict[int, list[str]]:
    rows = session.execute(
        select(PersonGuardian.person_id, PersonGuardian.relation, Guardian)
        .join(Guardian, Guardian.id == PersonGuardian.guardian_id)
        .where(PersonGuardian.person_id.in_(ids))
        .order_by(PersonGuardian.sort_order, Guardian.id)
    )
    lines: dict[int, list[str]] = {}
    for person_id, relation, guardian in rows:
        phone = format_phone(guardian.phone) or "(mangler telefon)"
        label = RELATIONS_NB.get(relation or "", relation or "")
        who = f"{guardian.full_name} ({label})" if label else guardian.full_name
        lines.setdefault(person_id, []).append(f"<b>{escape(phone)}</b>  {escape(who)}")
    return lines


def _severe(session: Session, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for allergy in session.scalars(
        select(Allergy).where(
            Allergy.person_id.in_(ids), Allergy.severity == AllergySeverity.SEVERE.value
        )
    ):
        text = f"{allergy.allergen}: {allergy.note}" if allergy.note else allergy.allergen
        found.setdefault(allergy.person_id, []).append(text)
    return found


def _contacts(session: Session, ensemble_ids: set[int], on: dt.date) -> list[_Contact]:
    ids = member_ids(session, MemberFilter(ensemble_ids=ensemble_ids, status=Status.ACTIVE), on)
    rows = rows_for(session, ids, on)
    phones = dict(session.execute(select(Person.id, Person.phone).where(Person.id.in_(ids))).all())
    guardians, severe = _guardian_lines(session, ids), _severe(session, ids)
    ranks: dict[str | None, int] = dict(
        session.execute(select(Ensemble.name, Ensemble.sort_order)).all()
    )
    contacts = [
        _Contact(
            person_id=pid,
            first_name=row.first_name,
            last_name=row.last_name,
            ensemble=row.ensemble,
            instrument=row.instrument,
            phone=format_phone(phones.get(pid)),
            guardians=tuple(guardians.get(pid, ())),
            severe_allergies=tuple(severe.get(pid, ())),
        )
        for pid, row in rows.items()
    ]
    return sorted(
        contacts,
        key=lambda c: (
            ranks.get(c.ensemble, _LAST),
            sort_key(c.last_name),
            sort_key(c.first_name),
            c.person_id,
        ),
    )


def _row(number: int, contact: _Contact) -> list:
    guardians = (
        rich("<br/>".join(contact.guardians))
        if contact.guardians
        else para("Ingen foresatt registrert", "alert_cell")
    )
    return [
        str(number),
        rich(f"<b>{escape(contact.last_name)}</b>, {escape(contact.first_name)}", "name"),
        para(contact.instrument),
        para(contact.phone),
        guardians,
        para("; ".join(contact.severe_allergies), "alert_cell"),
    ]


def _widths() -> list[float]:
    """Landscape: a guardian's number, name and relation fit on one line."""
    fixed = [8 * mm, 55 * mm, 28 * mm, fit_width(["912 34 567"])]
    allergy = 45 * mm
    return fixed + [frame_width(wide=True) - sum(fixed) - allergy, allergy]


def _group_table(ensemble: str | None, contacts: Iterable[_Contact]) -> Flowable:
    contacts = list(contacts)
    head = [
        para(h, "head")
        for h in (
            "Nr",
            "Navn",
            "Instrument",
            "Eget tlf.",
            "Foresatte: telefon og navn",
            "Alvorlig allergi",
        )
    ]
    rows: list[list] = [
        [para(f"{ensemble or 'Uten ensemble'} ({len(contacts)})", "group")] + [""] * 5,
        head,
    ]
    rows += [_row(n, contact) for n, contact in enumerate(contacts, start=1)]
    return list_table(rows, _widths(), header_rows=2, group_row=True)


def contact_list_pdf(
    session: Session,
    *,
    ensemble_id: int | None = None,
    on: dt.date | None = None,
    printed: dt.date | None = None,
) -> bytes:
    """The active members on ``on`` (default today) of one ensemble, or of all of them."""
    on = clock.or_today(on)
    ensemble = get_row(session, Ensemble, ensemble_id, "ensemble") if ensemble_id else None
    contacts = _contacts(session, {ensemble.id} if ensemble else set(), on)
    # Severe allergies are health data: the print is recorded (see ``lunch_sheet_pdf``).
    audit.record(
        session,
        AuditAction.PRINT,
        what="contact and emergency list PDF" + (f", ensemble {ensemble.id}" if ensemble else ""),
        person_ids=[c.person_id for c in contacts if c.severe_allergies],
    )
    title = ensemble.name if ensemble else "Alle ensembler"
    facts = [
        labelled("Aktive medlemmer per", format_date(on)),
        labelled("Nødnumre", "brann 110 · politi 112 · ambulanse 113"),
        escape(
            "Inneholder personopplysninger om barn: oppbevares i seminarvesken, "
            "kopieres ikke, og makuleres når en ny liste er skrevet ut."
        ),
    ]
    story = document_heading("Kontakt- og nødliste", title, facts)
    for name, group in groupby(contacts, key=lambda c: c.ensemble):
        story += [keep_if_short(_group_table(name, group), wide=True), Spacer(1, 5 * mm)]
    if not contacts:
        story.append(para("Ingen aktive medlemmer.", "body"))
    return build_pdf(story, title=f"Kontakt- og nødliste – {title}", wide=True, printed=printed)
