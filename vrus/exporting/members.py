"""The member sheet: one row per person in the columns the member import reads, so the file
imports back into a register (a fresh start, another computer) without loss.

What "without loss" covers: importing the sheet into an empty register gives every exported
person the same first and last name, birth date, gender, municipality, instruments (the main
one first), membership (ensemble, instrument, join and leaving date, reason for leaving with
its note), phone, e-mail, address, postal code and place, guardians (names, relation, phones
and e-mails, in order), diets and diet note, allergies (allergen, severity and note), which
consents are in force ("foto, navn"), culture school and notes; exporting that register again
gives the same file. A consent comes back as a record of the import day: who gave it, when
and to which text stay in the register they were recorded in.

The forms that make this exact are described in ``vrus.importing.values``: a guardian whose
name would split wrongly is written "Etternavn, Fornavn", the relation follows in brackets
("Kari Nordmann (mor)"), "-" holds the place of a guardian without a phone or e-mail, an
allergy with a note is written "Kiwi (mild: kløe i munnen)", and the diet note has its own
column ("Kostholdsmerknad").

Not in the member sheet, by design: membership history before the current membership (the
memberships export has it), sign-ups, attendance and duties, archived persons (unless asked
for), record ids and time stamps.

Every cell is still read back with the import's own parsers while it is written; the few
values no form carries (a name or allergen containing the list separators, an allergy note
with unbalanced parentheses, text with surrounding spaces) are reported as an
``ExportWarning`` naming the person and the column, never changed silently. A municipality
is written as stored, of whatever era: by name, or as "Asker (3203)" where the name alone
would read back as another era on the row's join date.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, joinedload, selectinload

from vrus import clock
from vrus.collation import sort_key
from vrus.consents import consents_in_force
from vrus.dates import format_date
from vrus.db.enums import AllergySeverity, ConsentKind, Diet
from vrus.db.models import (
    Allergy,
    Membership,
    Person,
    PersonDiet,
    PersonGuardian,
    PersonInstrument,
)
from vrus.duties import format_phone
from vrus.exporting.files import Cell, Sheet
from vrus.importing import values
from vrus.importing.headers import FIELDS
from vrus.importing.rows import person_key
from vrus.texts import Text, translate
from vrus.validation import (
    ValidationError,
    normalise_phone,
    require_name,
    validate_email,
    validate_postal_code,
)

# The import's fields, in the order of the sheet; the header is each field's first spelling.
COLUMNS = (
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "municipality",
    "ensemble",
    "instrument",
    "joined",
    "left",
    "end_reason",
    "phone",
    "email",
    "address",
    "postal_code",
    "postal_place",
    "guardian",
    "guardian_phone",
    "guardian_email",
    "diet",
    "diet_note",
    "allergies",
    "consents",
    "culture_school",
    "notes",
)
HEADERS = {name: FIELDS[name][1][0] for name in COLUMNS}

# The words the import reads, written the way Norwegian users write them.
GENDER_WORDS = {"female": "jente", "male": "gutt", "other": "annet"}
DIET_WORDS = {
    Diet.VEGETARIAN.value: "vegetar",
    Diet.VEGAN.value: "vegan",
    Diet.HALAL.value: "halal",
    Diet.NO_PORK.value: "ikke svin",
    Diet.LACTOSE_FREE.value: "laktosefri",
    Diet.GLUTEN_FREE.value: "glutenfri",
    Diet.OTHER.value: "annet",
}
SEVERITY_WORDS = values.SEVERITY_NAMES
RELATION_WORDS = {"mother": "mor", "father": "far", "guardian": "foresatt", "other": "annen"}
REASON_WORDS = {
    "aged_out": "aldersgrense",
    "talent_programme": "talentprogram",
    "moved": "flyttet",
    "quit": "sluttet",
    "moved_up": "rykket opp",
    "other": "annet",
}
YES, NO = "ja", "nei"
# Between guardians, and between their phones and e-mails (the import splits at each).
SEPARATOR = " / "
PLACEHOLDER = values.PLACEHOLDER  # a guardian without a phone or e-mail, before one with

# The register's column widths, as the import checks them.
_TEXT_LIMITS = {"address": 200, "postal_place": 100, "notes": 10_000}
_SEVERITY_RANK = {
    AllergySeverity.SEVERE.value: 0,
    AllergySeverity.MODERATE.value: 1,
    AllergySeverity.MILD.value: 2,
}

NOT_EXACT = translate("Core", "{person}: '{column}' will not import back exactly as stored")
NO_BIRTH_DATE = translate(
    "Core",
    "{person}: no birth date; the import needs one, so the file will not import "
    "until it is filled in",
)
SAME_PERSON = translate(
    "Core",
    "{person} is in the register more than once with the same birth date; the "
    "import refuses the file until one of the rows is removed",
)
JOINED_BEFORE_BIRTH = translate(
    "Core", "{person}: the join date is before the birth date; the import refuses this row"
)


@dataclass(frozen=True)
class ExportWarning:
    """A value the file cannot carry so that the import reads it back as stored."""

    person: str  # "Åse Ødegård (03.05.2010)"
    column: str  # the header in the file
    message: Text

    def __str__(self) -> str:
        return str(self.message)


def member_sheet(
    session: Session, *, today: dt.date | None = None, include_archived: bool = False
) -> tuple[Sheet, list[ExportWarning]]:
    """The member sheet and what it cannot carry exactly, in Norwegian order."""
    today = clock.or_today(today)
    reference = values.Reference.load(session, today)
    persons = _load(session, include_archived)
    persons.sort(
        key=lambda p: (
            sort_key(p.last_name),
            sort_key(p.first_name),
            p.birth_date or dt.date.max,
            p.id,
        )
    )
    warnings: list[ExportWarning] = []
    counts = Counter(
        person_key(p.first_name, p.last_name, p.birth_date)
        for p in persons
        if p.birth_date is not None
    )
    sheet = Sheet("Medlemmer", [HEADERS[name] for name in COLUMNS])
    in_force = consents_in_force(session, None, today)
    for person in persons:
        row = _MemberRow(person, reference, today, warnings, in_force.get(person.id, frozenset()))
        sheet.rows.append(row.cells())
        if (
            person.birth_date is not None
            and counts[person_key(person.first_name, person.last_name, person.birth_date)] > 1
        ):
            warnings.append(
                ExportWarning(
                    row.label, HEADERS["birth_date"], SAME_PERSON.format(person=row.label)
                )
            )
    return sheet, warnings


def _load(session: Session, include_archived: bool) -> list[Person]:
    query = (
        select(Person)
        .options(
            selectinload(Person.instruments).joinedload(PersonInstrument.instrument),
            selectinload(Person.diets),
            selectinload(Person.allergies),
            selectinload(Person.guardian_links).joinedload(PersonGuardian.guardian),
            selectinload(Person.memberships).joinedload(Membership.ensemble),
            joinedload(Person.municipality),
            joinedload(Person.culture_school),
        )
        .where(Person.erased_at.is_(None))
    )
    if not include_archived:
        query = query.where(Person.archived_at.is_(None))
    return list(session.scalars(query).unique())


def health_data_person_ids(session: Session, *, include_archived: bool = False) -> list[int]:
    """The persons of the member sheet whose diets, diet note or allergies it carries (health
    data: the export is recorded in the audit trail with them)."""
    query = select(Person.id).where(
        Person.erased_at.is_(None),
        (Person.diet_note.is_not(None) & (Person.diet_note != ""))
        | exists().where(PersonDiet.person_id == Person.id)
        | exists().where(Allergy.person_id == Person.id),
    )
    if not include_archived:
        query = query.where(Person.archived_at.is_(None))
    return list(session.scalars(query.order_by(Person.id)))


def current_membership(memberships: Iterable[Membership], today: dt.date) -> Membership | None:
    """The membership the member sheet shows: the active one (the latest begun, if several),
    else the next one to begin, else the one that ended last."""
    memberships = list(memberships)
    active = [
        m
        for m in memberships
        if m.start_date <= today and (m.end_date is None or m.end_date >= today)
    ]
    if active:
        return max(active, key=lambda m: (m.start_date, m.id))
    coming = [m for m in memberships if m.start_date > today]
    if coming:
        return min(coming, key=lambda m: (m.start_date, m.id))
    if memberships:
        return max(memberships, key=lambda m: (m.end_date or dt.date.max, m.start_date, m.id))
    return None


def _ignore(_message: Text) -> None:
    """The import's warnings while reading a value back do not matter here."""


def _reads_back(parse: Callable[[str], Any], cell: str, expected: Any) -> bool:
    try:
        return parse(cell) == expected
    except ValidationError:
        return False


def _clean_text(text: str) -> str:
    """What the import makes of a text cell: composed Unicode, no surrounding spaces."""
    return unicodedata.normalize("NFC", text).strip()


class _MemberRow:
    """One person's cells, each checked against what the import would read back."""

    def __init__(
        self,
        person: Person,
        reference: values.Reference,
        today: dt.date,
        warnings: list[ExportWarning],
        consents: frozenset[ConsentKind] = frozenset(),
    ) -> None:
        self.person, self.reference, self.today = person, reference, today
        self.warnings = warnings
        self.consents = consents  # those in force on ``today``
        born = f" ({format_date(person.birth_date)})" if person.birth_date else ""
        self.label = f"{person.first_name} {person.last_name}{born}"
        self.membership = current_membership(person.memberships, today)

    def warn(self, column: str, template: Text = NOT_EXACT) -> None:
        header = HEADERS[column]
        self.warnings.append(
            ExportWarning(self.label, header, template.format(person=self.label, column=header))
        )

    def check(self, column: str, ok: bool) -> None:
        if not ok:
            self.warn(column)

    def cells(self) -> list[Cell]:
        person = self.person
        cells: dict[str, Cell] = {
            "first_name": self._name(person.first_name, "first_name"),
            "last_name": self._name(person.last_name, "last_name"),
            "birth_date": self._birth_date(),
            "gender": self._gender(),
            "municipality": self._municipality(),
            **self._membership(),
            "phone": self._phone(),
            "email": self._email(),
            "address": self._text("address", person.address),
            "postal_code": self._postal_code(),
            "postal_place": self._text("postal_place", person.postal_place),
            **self._guardians(),
            **self._diet(),
            "allergies": self._allergies(),
            "consents": ", ".join(
                word for kind, word in values.CONSENT_NAMES.items() if kind in self.consents
            ),
            "culture_school": self._culture_school(),
            "notes": self._text("notes", person.notes),
        }
        return [cells[name] for name in COLUMNS]

    # --- the person --------------------------------------------------------------------------

    def _name(self, name: str, column: str) -> str:
        self.check(column, _reads_back(lambda t: require_name(t, column), name, name))
        return name

    def _birth_date(self) -> dt.date | None:
        if self.person.birth_date is None:
            self.warn("birth_date", NO_BIRTH_DATE)
        return self.person.birth_date

    def _gender(self) -> str:
        code = self.person.gender
        if code is None:
            return ""
        cell = GENDER_WORDS.get(code, code)
        self.check("gender", _reads_back(values.gender, cell, code))
        return cell

    def _municipality(self) -> str:
        municipality = self.person.municipality
        if municipality is None:
            return ""
        # The name reads best; with the number where the name alone would mean another era
        # on the row's join date ("Asker (3203)" for a member who joined in 2014).
        day = self.membership.start_date if self.membership is not None else self.today
        for cell in (municipality.name, f"{municipality.name} ({municipality.number})"):
            if _reads_back(
                lambda t: self.reference.municipality(t, _ignore, day, self.person.postal_code).id,
                cell,
                municipality.id,
            ):
                return cell
        self.warn("municipality")
        return municipality.name

    def _phone(self) -> str:
        phone = self.person.phone
        if not phone:
            return ""
        cell = format_phone(phone)  # "912 34 567": Excel keeps it as text, not a number
        self.check("phone", _reads_back(normalise_phone, cell, phone))
        return cell

    def _email(self) -> str:
        email = self.person.email
        if not email:
            return ""
        self.check("email", _reads_back(validate_email, email, email))
        return email

    def _postal_code(self) -> str:
        code = self.person.postal_code
        if not code:
            return ""
        self.check("postal_code", _reads_back(validate_postal_code, code, code))
        return code

    def _text(self, column: str, text: str | None) -> str:
        if not text:
            return ""
        self.check(column, _clean_text(text) == text and len(text) <= _TEXT_LIMITS[column])
        return text

    def _culture_school(self) -> str:
        school = self.person.culture_school
        if school is None:
            return ""
        self.check("culture_school", self.reference.culture_school(school.name) == school.id)
        return school.name

    # --- instruments and membership ------------------------------------------------------------

    def _membership(self) -> dict[str, Cell]:
        links = sorted(
            self.person.instruments,
            key=lambda link: (
                not link.is_main,
                link.instrument.sort_order,
                sort_key(link.instrument.name_nb),
            ),
        )
        ids = [link.instrument_id for link in links]
        instruments = ", ".join(link.instrument.name_nb for link in links)
        if links:
            self.check(
                "instrument",
                sum(link.is_main for link in links) == 1
                and _reads_back(self.reference.instruments, instruments, ids),
            )
        membership = self.membership
        if membership is None:
            return {
                "ensemble": "",
                "instrument": instruments,
                "joined": None,
                "left": None,
                "end_reason": "",
            }
        # The import gives the membership the first instrument of the row.
        if membership.instrument_id != (ids[0] if ids else None):
            self.warn("instrument")
        ensemble = membership.ensemble.name
        self.check(
            "ensemble",
            _reads_back(lambda t: self.reference.ensemble(t).id, ensemble, membership.ensemble_id),
        )
        born = self.person.birth_date
        if born is not None and membership.start_date < born:
            self.warn("joined", JOINED_BEFORE_BIRTH)
        return {
            "ensemble": ensemble,
            "instrument": instruments,
            "joined": membership.start_date,
            "left": membership.end_date,
            "end_reason": self._end_reason(membership),
        }

    def _end_reason(self, membership: Membership) -> str:
        code, note = membership.end_reason, membership.end_note
        if code is None and note is None:
            return ""
        word = REASON_WORDS.get(code or "", code or "")
        cell = f"{word}: {note}" if word and note else word or (note or "")
        self.check(
            "end_reason", _reads_back(lambda t: values.end_reason(t, _ignore), cell, (code, note))
        )
        return cell

    # --- guardians -----------------------------------------------------------------------------

    def _guardians(self) -> dict[str, Cell]:
        links = sorted(
            self.person.guardian_links, key=lambda link: (link.sort_order, link.guardian_id)
        )
        if not links:
            return {"guardian": "", "guardian_phone": "", "guardian_email": ""}
        guardians = [link.guardian for link in links]
        names = SEPARATOR.join(_guardian_name(link) for link in links)
        self.check(
            "guardian",
            _reads_back(
                lambda t: values.guardian_persons(values.guardian_names(t), self.person.last_name),
                names,
                [
                    values.GuardianName(g.first_name, g.last_name, link.relation)
                    for g, link in zip(guardians, links, strict=True)
                ],
            ),
        )
        phones = [g.phone for g in guardians]
        emails = [g.email for g in guardians]
        phone_cell = _contacts([format_phone(p) if p else None for p in phones])
        email_cell = _contacts(emails)
        self.check("guardian_phone", _reads_back(_phones, phone_cell, _trimmed(phones)))
        self.check("guardian_email", _reads_back(_emails, email_cell, _trimmed(emails)))
        return {"guardian": names, "guardian_phone": phone_cell, "guardian_email": email_cell}

    # --- diet and allergies --------------------------------------------------------------------

    def _diet(self) -> dict[str, Cell]:
        codes = {row.diet for row in self.person.diets}
        note = self.person.diet_note or ""
        words = [word for code, word in DIET_WORDS.items() if code in codes]
        cell = ", ".join(words)
        self.check(
            "diet",
            len(words) == len(codes)
            and (not cell or _reads_back(lambda t: set(values.diet(t)[0]), cell, codes)),
        )
        self.check("diet_note", not note or _reads_back(values.diet_note, note, note))
        return {"diet": cell, "diet_note": note}

    def _allergies(self) -> str:
        allergies = sorted(
            self.person.allergies,
            key=lambda a: (_SEVERITY_RANK.get(a.severity, 3), sort_key(a.allergen)),
        )
        if not allergies:
            return ""
        cell = ", ".join(allergy_text(a) for a in allergies)
        expected = sorted((a.allergen, a.severity, a.note) for a in allergies)
        self.check("allergies", _reads_back(_allergies_read, cell, expected))
        return cell


def _guardian_name(link: PersonGuardian) -> str:
    """ "Kari Nordmann", or "Nguyễn Thi, Lan" where the surname would not split off by
    itself; the relation follows in brackets."""
    guardian = link.guardian
    expected = (guardian.first_name, guardian.last_name)
    name = f"{guardian.first_name} {guardian.last_name}"
    if values.split_name(name) != expected:
        name = f"{guardian.last_name}, {guardian.first_name}"
    if link.relation:
        name += f" ({RELATION_WORDS.get(link.relation, link.relation)})"
    return name


def _contacts(column: list[str | None]) -> str:
    """Phones or e-mails in the order of the guardians, "-" for a missing one before one
    that is given."""
    trimmed = _trimmed(column)
    return SEPARATOR.join(value or PLACEHOLDER for value in trimmed)


def _trimmed(column: list[str | None]) -> list[str | None]:
    """Without the missing values at the end (the import does not need their places)."""
    column = list(column)
    while column and not column[-1]:
        column.pop()
    return column


def _phones(cell: str) -> list[str | None]:
    return [part and normalise_phone(part) for part in values.split_contacts(cell)]


def _emails(cell: str) -> list[str | None]:
    return [part and validate_email(part) for part in values.split_contacts(cell)]


def _allergies_read(cell: str) -> list[tuple[str, str, str | None]]:
    return sorted((a.allergen, a.severity, a.note) for a in values.allergies(cell))


def allergy_text(allergy: Allergy) -> str:
    """ "Egg", "Sesam (moderat)", "Peanøtter (alvorlig)", "Kiwi (mild: Kløe i munnen)": the
    severity is always named when there is a note, and the note follows the colon."""
    word = SEVERITY_WORDS.get(allergy.severity, allergy.severity)
    if allergy.note:
        return f"{allergy.allergen} ({word}: {allergy.note})"
    short = (
        allergy.allergen
        if allergy.severity == AllergySeverity.MILD.value
        else f"{allergy.allergen} ({word})"
    )
    if _reads_back(_allergies_read, short, [(allergy.allergen, allergy.severity, None)]):
        return short
    return f"{allergy.allergen} ({word}:)"  # e.g. a mild "Alvorlig nøtteallergi"
