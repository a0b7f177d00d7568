"""Consent records: what was agreed to for a person (photos, the name in programmes, health
data), by whom, on which day, to which version of the consent text, and when it was withdrawn.

A record is never changed into another: withdrawing sets ``withdrawn_on`` and the record stays,
so the register can show what was agreed when a photo was published. A consent is *in force*
on a day when it was given on or before that day (a record carried over from the old yes/no
field has no date and counts as given) and not withdrawn on or before it: a withdrawal takes
effect on its own day.

Who may consent (Datatilsynet's guidance for children and the Personal Data Act § 5): a
member of 15 or more on the day may consent for themselves to photos and to the publication
of their name; consent to health data needs a guardian until the member is 18. From 18 the
member is an adult and consents for themselves: a guardian no longer can.

One function per user action, one transaction each. ``record_consent`` returns the new id
(``remove_consent`` undoes it), ``withdraw_consent`` the day it set (``undo_withdrawal``
undoes it). ``consents_in_force`` answers, for many persons in one query, which consents hold
on a day: the member list, the exports and the printouts mark "no photos" from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.orm import Session

from vrus import audit, clock
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.db.enums import AuditAction, ConsentKind
from vrus.db.models import Consent, Guardian, Person, PersonGuardian
from vrus.errors import VrusError, not_in_register
from vrus.texts import Text, translate
from vrus.validation import ValidationError, one_line

# The consent form the orchestra hands out now; a new form gets a new version here.
CURRENT_TEXT_VERSION = "2026-1"
# Stored instead of a version where the register never saw the text (ASCII, so any tool
# reading the file shows them as they are):
# - migration 0005 turned every "yes" of the old persons.photo_consent field into a record;
#   the migration holds the same literal (migrations never import the code they outlive);
LEGACY_TEXT_VERSION = "eldre ja/nei-felt"
# - the member import reads "ja" in a photo consent column or the consents in a consents
#   column; it knows neither the giver nor the text.
IMPORT_TEXT_VERSION = "importert fra regneark"
TEXT_VERSION_MAX_LENGTH = 40  # the column's width

SELF_CONSENT_AGE = 15  # photos and name publication
ADULT_AGE = 18  # health data; and from here on only the member consents

# For messages and the command line; the window has its own labels.
KIND_NAMES: dict[ConsentKind, Text] = {
    ConsentKind.PHOTO: translate("Core", "photos"),
    ConsentKind.NAME_PUBLICATION: translate("Core", "name publication"),
    ConsentKind.HEALTH_DATA: translate("Core", "health data"),
}

_ID_CHUNK = 500  # ids per IN (...): well below SQLite's limit on bound parameters


@dataclass(frozen=True)
class ConsentRecord:
    id: int
    person_id: int
    kind: ConsentKind
    given_by_guardian_id: int | None
    given_by_guardian: str | None  # the guardian's name, for showing
    given_by_self: bool
    given_on: dt.date | None
    withdrawn_on: dt.date | None
    text_version: str | None

    def in_force(self, day: dt.date) -> bool:
        return (self.given_on is None or self.given_on <= day) and (
            self.withdrawn_on is None or self.withdrawn_on > day
        )


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Completed years on ``day`` (the law's age, not the season age of the ensembles)."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def in_force(on: dt.date, until: dt.date | None = None) -> ColumnElement[bool]:
    """SQL: the consent holds on every day from ``on`` to ``until`` (default: ``on`` only)."""
    last = until or on
    return and_(
        or_(Consent.given_on.is_(None), Consent.given_on <= on),
        or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > last),
    )


def consent_kind(value: ConsentKind | str) -> ConsentKind:
    try:
        return ConsentKind(value)
    except ValueError:
        raise ValidationError(
            "kind", translate("Core", "'{value}' is not a kind of consent").format(value=value)
        ) from None


# --- Reading ---------------------------------------------------------------------------------


def person_consents(session: Session, person_id: int) -> list[ConsentRecord]:
    """Every consent record of a person, the latest given first (undated ones last)."""
    rows = session.execute(
        select(Consent, Guardian.first_name, Guardian.last_name)
        .outerjoin(Guardian, Guardian.id == Consent.given_by_guardian_id)
        .where(Consent.person_id == person_id)
        .order_by(Consent.given_on.desc().nulls_last(), Consent.id.desc())
    )
    return [
        ConsentRecord(
            id=consent.id,
            person_id=consent.person_id,
            kind=ConsentKind(consent.kind),
            given_by_guardian_id=consent.given_by_guardian_id,
            given_by_guardian=f"{first} {last}" if first is not None else None,
            given_by_self=consent.given_by_self,
            given_on=consent.given_on,
            withdrawn_on=consent.withdrawn_on,
            text_version=consent.text_version,
        )
        for consent, first, last in rows
    ]


def consents_in_force(
    session: Session,
    person_ids: Iterable[int] | None,
    on: dt.date,
    until: dt.date | None = None,
) -> dict[int, frozenset[ConsentKind]]:
    """Which consents hold for each person on ``on`` (or on every day up to ``until``, for an
    event of several days): one query per 500 persons; ``None`` asks for everyone.

    Every person asked for is in the answer, with an empty set when nothing holds."""
    query = select(Consent.person_id, Consent.kind).where(in_force(on, until)).distinct()
    found: dict[int, set[ConsentKind]] = {}
    if person_ids is None:
        chunks = [query]
    else:
        wanted = list(dict.fromkeys(person_ids))
        found = {pid: set() for pid in wanted}
        chunks = [
            query.where(Consent.person_id.in_(wanted[start : start + _ID_CHUNK]))
            for start in range(0, len(wanted), _ID_CHUNK)
        ]
    for chunk in chunks:
        for person_id, kind in session.execute(chunk):
            found.setdefault(person_id, set()).add(ConsentKind(kind))
    return {pid: frozenset(kinds) for pid, kinds in found.items()}


# --- Recording and withdrawing -----------------------------------------------------------------


def record_consent(
    db: Database,
    person_id: int,
    kind: ConsentKind | str,
    *,
    given_by_guardian_id: int | None = None,
    given_by_self: bool = False,
    given_on: dt.date | None = None,
    text_version: str | None = CURRENT_TEXT_VERSION,
    today: dt.date | None = None,
) -> int:
    """Record a consent given by one of the person's guardians or by the member; returns
    its id (``remove_consent`` takes it back). ``given_on`` defaults to today."""
    kind = consent_kind(kind)
    today = clock.or_today(today)
    given_on = given_on or today
    version = one_line(text_version, "text_version", TEXT_VERSION_MAX_LENGTH)
    if version is None:
        raise ValidationError(
            "text_version",
            translate("Core", "say which version of the consent text was agreed to"),
        )
    if given_on > today:
        raise ValidationError(
            "given_on", translate("Core", "a consent cannot be given on a day still to come")
        )
    if (given_by_guardian_id is None) == (not given_by_self):
        raise ValidationError(
            "given_by",
            translate("Core", "say who gave the consent: one of the guardians or the member"),
        )
    with db.transaction() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise not_in_register("person", person_id)
        if person.birth_date is not None and given_on < person.birth_date:
            raise ValidationError(
                "given_on", translate("Core", "the consent cannot be given before the birth date")
            )
        if given_by_self:
            _check_member_may_consent(person, kind, given_on)
        else:
            _check_guardian_may_consent(session, person, given_by_guardian_id, given_on)
        _refuse_duplicate(
            session, person_id, kind, version, given_by_guardian_id, given_by_self, given_on
        )
        consent = Consent(
            person_id=person_id,
            kind=kind.value,
            given_by_guardian_id=given_by_guardian_id,
            given_by_self=given_by_self,
            given_on=given_on,
            text_version=version,
        )
        session.add(consent)
        session.flush()
        return consent.id


def _check_member_may_consent(person: Person, kind: ConsentKind, day: dt.date) -> None:
    if person.birth_date is None:
        raise ValidationError(
            "given_by",
            translate(
                "Core",
                "the birth date is not known, so the register cannot tell whether the member "
                "may consent; a guardian must give the consent, or fill in the birth date first",
            ),
        )
    age = age_on(person.birth_date, day)
    if kind is ConsentKind.HEALTH_DATA and age < ADULT_AGE:
        raise ValidationError(
            "given_by",
            translate(
                "Core",
                "consent to health data needs a guardian until the member is 18 (the member "
                "was {age} on {date})",
            ).format(age=age, date=format_date(day)),
        )
    if age < SELF_CONSENT_AGE:
        raise ValidationError(
            "given_by",
            translate(
                "Core",
                "a member under 15 cannot give this consent; a guardian must (the member was "
                "{age} on {date})",
            ).format(age=age, date=format_date(day)),
        )


def _check_guardian_may_consent(
    session: Session, person: Person, guardian_id: int | None, day: dt.date
) -> None:
    link = session.get(PersonGuardian, (person.id, guardian_id))
    if link is None:
        raise ValidationError(
            "given_by",
            translate("Core", "the chosen guardian is not a guardian of this person"),
        )
    if person.birth_date is not None and age_on(person.birth_date, day) >= ADULT_AGE:
        raise ValidationError(
            "given_by",
            translate(
                "Core",
                "the member was 18 or older on {date} and gives their own consent; a guardian "
                "no longer can",
            ).format(date=format_date(day)),
        )


def _refuse_duplicate(
    session: Session,
    person_id: int,
    kind: ConsentKind,
    version: str,
    guardian_id: int | None,
    by_self: bool,
    day: dt.date,
) -> None:
    """The same consent by the same giver to the same text, already in force: a second
    record says nothing new. A consent to a new version of the text, or by another giver (the
    member who has turned 15 or 18), is recorded beside the old one."""
    giver = (
        Consent.given_by_self.is_(True) if by_self else Consent.given_by_guardian_id == guardian_id
    )
    found = session.execute(
        select(Consent.id, Consent.given_on)
        .where(
            Consent.person_id == person_id,
            Consent.kind == kind.value,
            Consent.text_version == version,
            giver,
            in_force(day),
        )
        .limit(1)
    ).first()
    if found is None:
        return
    message = (
        translate(
            "Core", "a consent to {kind} (text version {version}) is in force since {date}"
        ).format(date=format_date(found.given_on))
        if found.given_on is not None
        else translate("Core", "a consent to {kind} (text version {version}) is already in force")
    )
    raise ValidationError("kind", message.format(kind=KIND_NAMES[kind], version=version))


def withdraw_consent(
    db: Database,
    consent_id: int,
    withdrawn_on: dt.date | None = None,
    *,
    today: dt.date | None = None,
) -> dt.date:
    """Withdraw a consent from ``withdrawn_on`` (default today); returns that day.
    ``undo_withdrawal`` takes the withdrawal back."""
    today = clock.or_today(today)
    day = withdrawn_on or today
    if day > today:
        raise ValidationError(
            "withdrawn_on", translate("Core", "a withdrawal cannot be dated on a day still to come")
        )
    with db.transaction() as session:
        consent = _get_consent(session, consent_id)
        if consent.withdrawn_on is not None:
            raise VrusError(
                translate("Core", "the consent was already withdrawn on {date}").format(
                    date=format_date(consent.withdrawn_on)
                )
            )
        if consent.given_on is not None and day < consent.given_on:
            raise ValidationError(
                "withdrawn_on",
                translate(
                    "Core", "the withdrawal cannot be before the consent was given ({date})"
                ).format(date=format_date(consent.given_on)),
            )
        consent.withdrawn_on = day
        return day


def undo_withdrawal(db: Database, consent_id: int) -> None:
    """The consent is in force again (the withdrawal was recorded by mistake)."""
    with db.transaction() as session:
        _get_consent(session, consent_id).withdrawn_on = None


def remove_consent(db: Database, consent_id: int) -> None:
    """Delete a record made by mistake (the undo of ``record_consent``); a consent that
    was given and taken back is withdrawn, not removed."""
    with db.transaction() as session:
        session.delete(_get_consent(session, consent_id))


def _get_consent(session: Session, consent_id: int) -> Consent:
    consent = session.get(Consent, consent_id)
    if consent is None:
        raise not_in_register("consent", consent_id)
    return consent


# --- From a spreadsheet ---------------------------------------------------------------------


def apply_sheet_consents(
    session: Session, wanted: Mapping[int, Mapping[ConsentKind, bool]], day: dt.date
) -> None:
    """Make the consents of a sheet hold on ``day``, inside the caller's transaction (the
    member import): for each person, a kind marked True that does not hold gets a record
    given on ``day`` with ``IMPORT_TEXT_VERSION``, and one marked False that holds is
    withdrawn on ``day``. Kinds the sheet did not mention are left as they are."""
    holding = consents_in_force(session, wanted, day)
    new = [
        {
            "person_id": person_id,
            "kind": kind.value,
            "given_by_guardian_id": None,
            "given_by_self": False,
            "given_on": day,
            "withdrawn_on": None,
            "text_version": IMPORT_TEXT_VERSION,
        }
        for person_id, kinds in wanted.items()
        for kind, yes in kinds.items()
        if yes and kind not in holding[person_id]
    ]
    if new:
        session.execute(Consent.__table__.insert(), new)
    withdrawn = []
    for person_id, kinds in wanted.items():
        ending = [
            kind.value for kind, yes in kinds.items() if not yes and kind in holding[person_id]
        ]
        if ending:
            session.execute(
                update(Consent)
                .where(Consent.person_id == person_id, Consent.kind.in_(ending), in_force(day))
                # A record dated after ``day`` cannot hold on it; the condition keeps the
                # CHECK (withdrawn_on >= given_on) true for the undated ones too.
                .values(withdrawn_on=day, version=Consent.version + 1)
                .execution_options(synchronize_session=False)
            )
            withdrawn.append(person_id)
    # Bulk statements pass by the audit trail's listener: one entry per person and change.
    if new:
        given = [
            person_id
            for person_id, kinds in wanted.items()
            if any(yes and kind not in holding[person_id] for kind, yes in kinds.items())
        ]
        audit.record(
            session,
            AuditAction.CREATE,
            what="member import",
            table_name="consents",
            person_ids=given,
            fields=("kind", "given_on", "text_version"),
        )
    if withdrawn:
        audit.record(
            session,
            AuditAction.UPDATE,
            what="member import",
            table_name="consents",
            person_ids=withdrawn,
            fields=("withdrawn_on",),
        )
