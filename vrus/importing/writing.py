"""Writing planned rows inside the import's transaction.

Two paths, chosen for speed without giving up the unit of work where it matters:
- a person already in the register is updated through the ORM objects (loaded with their
  details), because an update has to merge with what is there;
- new persons and everything they bring are inserted with ORM bulk INSERTs, a batch at a
  time: 5 000 new persons with guardians, diets and allergies are about 45 000 rows, which
  the unit of work needs several seconds for and bulk INSERTs well under two.

Cells that were empty leave the register's value alone; filled cells overwrite it. Lists
(instruments, diets, allergies) are merged in place rather than deleted and re-added: the
unit of work inserts before it deletes, so re-adding a row with the same key would clash.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from vrus import audit
from vrus.collation import search_fold
from vrus.consents import apply_sheet_consents
from vrus.db.enums import AuditAction
from vrus.db.models import (
    Allergy,
    Guardian,
    Membership,
    Person,
    PersonDiet,
    PersonGuardian,
    PersonInstrument,
)
from vrus.importing.folding import loose_fold
from vrus.importing.rows import GuardianValue, MembershipValue, PlannedRow

GuardianKey = tuple[str, str, str]


# --- Guardians -----------------------------------------------------------------------------


def _guardian_keys(
    first: str, last: str, phone: str | None, email: str | None
) -> list[GuardianKey]:
    name = (search_fold(first), search_fold(last))
    return [(*name, contact) for contact in (phone, (email or "").lower() or None) if contact]


class GuardianIndex:
    """Guardians by name and phone or e-mail, so siblings share one guardian row.

    Without a phone or an e-mail two guardians of the same name may be different people, so
    such a guardian is never shared between children.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._ids: dict[GuardianKey, int] = {}
        self._pending: dict[GuardianKey, Guardian] = {}  # created, not flushed yet
        rows = session.execute(
            select(
                Guardian.id, Guardian.first_name, Guardian.last_name, Guardian.phone, Guardian.email
            )
        )
        for gid, first, last, phone, email in rows:
            self.remember_id(gid, first, last, phone, email)

    def remember_id(
        self, gid: int, first: str, last: str, phone: str | None, email: str | None
    ) -> None:
        for key in _guardian_keys(first, last, phone, email):
            self._ids.setdefault(key, gid)

    def remember(self, guardian: Guardian) -> None:
        for key in _guardian_keys(
            guardian.first_name, guardian.last_name, guardian.phone, guardian.email
        ):
            self._pending.setdefault(key, guardian)

    def settle(self) -> None:
        """After a flush the guardians created through the ORM have ids."""
        for key, guardian in self._pending.items():
            self._ids.setdefault(key, guardian.id)
        self._pending.clear()

    def find(self, value: GuardianValue) -> Guardian | None:
        for key in _guardian_keys(value.first_name, value.last_name, value.phone, value.email):
            if key in self._pending:
                return self._pending[key]
            if key in self._ids:
                return self.session.get(Guardian, self._ids[key])
        return None

    def find_id(self, value: GuardianValue) -> int | None:
        keys = _guardian_keys(value.first_name, value.last_name, value.phone, value.email)
        return next((self._ids[key] for key in keys if key in self._ids), None)


# --- Updating a person in the register -----------------------------------------------------


def update_person(
    person: Person, planned: PlannedRow, guardians: GuardianIndex, today: dt.date
) -> None:
    for name, value in planned.person.items():
        if name == "municipality_id" and person.municipality_id in planned.same_municipality:
            continue  # "Asker" again for someone stored under Asker 0220: keep that era
        setattr(person, name, value)
    if planned.instrument_ids is not None:
        _merge_instruments(person, planned.instrument_ids)
    if planned.diets is not None:
        _merge_diets(person, planned.diets)
    if planned.allergies is not None:
        _merge_allergies(person, planned)
    if planned.guardians:
        _add_guardians(person, planned.guardians, guardians)
    if planned.membership is not None:
        _apply_membership(person, planned.membership, today)


def _merge_instruments(person: Person, ids: list[int]) -> None:
    """The sheet's first instrument becomes the main one; others already known are kept."""
    links = {link.instrument_id: link for link in person.instruments}
    for link in links.values():
        link.is_main = False
    for position, iid in enumerate(ids):
        if iid in links:
            links[iid].is_main = position == 0
        else:
            person.instruments.append(PersonInstrument(instrument_id=iid, is_main=position == 0))


def _merge_diets(person: Person, diets: list[str]) -> None:
    for row in [row for row in person.diets if row.diet not in diets]:
        person.diets.remove(row)
    present = {row.diet for row in person.diets}
    person.diets.extend(PersonDiet(diet=diet) for diet in diets if diet not in present)


def _merge_allergies(person: Person, planned: PlannedRow) -> None:
    wanted = {loose_fold(a.allergen): a for a in planned.allergies or []}
    for row in list(person.allergies):
        allergy = wanted.pop(loose_fold(row.allergen), None)
        if allergy is None:
            person.allergies.remove(row)
        else:
            # The stored spelling stays: changing it could clash with a row being removed.
            row.severity, row.note = allergy.severity, allergy.note
    person.allergies.extend(
        Allergy(allergen=a.allergen, severity=a.severity, note=a.note) for a in wanted.values()
    )


def _add_guardians(person: Person, values: list[GuardianValue], index: GuardianIndex) -> None:
    """Update guardians the child already has (same name), link or create the others.

    Guardians the sheet does not name are kept: a sheet with one parent's name does not mean
    the other parent stopped being one.
    """
    linked = {
        (search_fold(link.guardian.first_name), search_fold(link.guardian.last_name)): link
        for link in person.guardian_links
    }
    order = len(person.guardian_links)
    for value in values:
        name = (search_fold(value.first_name), search_fold(value.last_name))
        link = linked.get(name)
        if link is None:
            guardian = index.find(value) or Guardian(
                first_name=value.first_name, last_name=value.last_name
            )
            link = PersonGuardian(guardian=guardian, sort_order=order)
            person.guardian_links.append(link)
            linked[name] = link
            order += 1
        guardian = link.guardian
        link.relation = value.relation or link.relation
        guardian.phone = value.phone or guardian.phone
        guardian.email = value.email or guardian.email
        index.remember(guardian)


def _apply_membership(person: Person, value: MembershipValue, today: dt.date) -> None:
    """Add the membership unless the person already has it: an active one in the ensemble, or
    one that began on the same day. The sheet's leaving date and reason close it."""
    same = [m for m in person.memberships if m.ensemble_id == value.ensemble_id]
    existing = next((m for m in same if m.start_date == value.start), None) or next(
        (m for m in same if m.end_date is None or m.end_date >= today), None
    )
    if existing is None or (value.end is not None and value.end < existing.start_date):
        person.memberships.append(Membership(**_membership_values(value)))
        return
    if value.instrument_id is not None:
        existing.instrument_id = value.instrument_id
    if value.end is not None:
        existing.end_date = value.end
        existing.end_reason = value.reason or existing.end_reason
        existing.end_note = value.note or existing.end_note


def _membership_values(value: MembershipValue) -> dict[str, Any]:
    return {
        "ensemble_id": value.ensemble_id,
        "instrument_id": value.instrument_id,
        "start_date": value.start,
        "end_date": value.end,
        "end_reason": value.reason,
        "end_note": value.note,
    }


# --- Inserting new persons -----------------------------------------------------------------


def insert_new_persons(
    session: Session, batch: list[PlannedRow], guardians: GuardianIndex, today: dt.date
) -> list[int]:
    """Insert ``batch`` (rows without a match) and all their details with bulk INSERTs;
    returns the new persons' ids, in the batch's order."""
    people = [
        {
            "first_name": row.first_name,
            "last_name": row.last_name,
            "birth_date": row.birth_date,
            **row.person,
        }
        for row in batch
    ]
    ids = session.scalars(
        insert(Person).returning(Person.id, sort_by_parameter_order=True), people
    ).all()
    # Bulk INSERTs pass by the audit trail's listener: one entry per new person says it all
    # (their details, guardians and membership came with them).
    audit.record(
        session, AuditAction.CREATE, what="member import", person_ids=ids, table_name="persons"
    )
    details: dict[type, list[dict[str, Any]]] = {
        PersonInstrument: [],
        PersonDiet: [],
        Allergy: [],
        Membership: [],
    }
    for pid, row in zip(ids, batch, strict=True):
        details[PersonInstrument] += [
            {"person_id": pid, "instrument_id": iid, "is_main": i == 0}
            for i, iid in enumerate(row.instrument_ids or [])
        ]
        details[PersonDiet] += [{"person_id": pid, "diet": diet} for diet in row.diets or []]
        details[Allergy] += [
            {"person_id": pid, "allergen": a.allergen, "severity": a.severity, "note": a.note}
            for a in row.allergies or []
        ]
        if row.membership is not None:
            details[Membership].append({"person_id": pid, **_membership_values(row.membership)})
    for model, rows in details.items():
        if rows:
            session.execute(insert(model), rows)
    _insert_guardians(session, list(zip(ids, batch, strict=True)), guardians)
    write_consents(session, zip(ids, batch, strict=True), today)
    return list(ids)


def write_consents(
    session: Session, rows: Iterable[tuple[int, PlannedRow]], today: dt.date
) -> None:
    """The consents the rows name, as records of the import day (``vrus.consents``)."""
    apply_sheet_consents(
        session, {pid: row.consents for pid, row in rows if row.consents is not None}, today
    )


def _update_contacts(session: Session, gid: int, value: GuardianValue) -> None:
    """A sibling's guardian already in the register: the sheet's phone and e-mail win."""
    guardian = session.get(Guardian, gid)
    if guardian is not None:
        guardian.phone = value.phone or guardian.phone
        guardian.email = value.email or guardian.email


def _insert_guardians(
    session: Session, people: list[tuple[int, PlannedRow]], index: GuardianIndex
) -> None:
    """Link each new person to a known guardian or to one created here; siblings in the
    same batch share the guardian created for the first of them."""
    new: list[GuardianValue] = []
    new_by_key: dict[GuardianKey, int] = {}
    # person, order, relation, id, new index
    links: list[tuple[int, int, str | None, int | None, int | None]] = []
    for pid, row in people:
        for order, value in enumerate(row.guardians):
            gid = index.find_id(value)
            if gid is not None:
                _update_contacts(session, gid, value)
            keys = _guardian_keys(value.first_name, value.last_name, value.phone, value.email)
            position = next((new_by_key[k] for k in keys if k in new_by_key), None)
            if gid is None and position is None:
                position = len(new)
                new.append(value)
                new_by_key.update(dict.fromkeys(keys, position))
            links.append((pid, order, value.relation, gid, None if gid is not None else position))
    new_ids = (
        session.scalars(
            insert(Guardian).returning(Guardian.id, sort_by_parameter_order=True),
            [
                {
                    "first_name": v.first_name,
                    "last_name": v.last_name,
                    "phone": v.phone,
                    "email": v.email,
                }
                for v in new
            ],
        ).all()
        if new
        else []
    )
    for gid, value in zip(new_ids, new, strict=True):
        index.remember_id(gid, value.first_name, value.last_name, value.phone, value.email)
    rows: dict[tuple[int, int], dict[str, Any]] = {}
    for pid, order, relation, gid, position in links:
        guardian_id = gid if gid is not None else new_ids[position]  # type: ignore[index]
        # The same guardian named twice on one row is one link.
        rows.setdefault(
            (pid, guardian_id),
            {
                "person_id": pid,
                "guardian_id": guardian_id,
                "sort_order": order,
                "relation": relation,
            },
        )
    if rows:
        session.execute(insert(PersonGuardian), list(rows.values()))
