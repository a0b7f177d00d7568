"""Guardians' contact details for a selection of persons, for the coordinator's mail program."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vrus.db.enums import Answer
from vrus.db.models import Event, EventDay, Guardian, PersonGuardian, SignUp


def guardian_emails(session: Session, person_ids: Iterable[int]) -> list[str]:
    """Every guardian's e-mail address for these persons, each address once, in a stable
    order (the order of the persons given, then the guardians' own order)."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return []
    rows = session.execute(
        select(PersonGuardian.person_id, Guardian.email)
        .join(Guardian, Guardian.id == PersonGuardian.guardian_id)
        .where(PersonGuardian.person_id.in_(ids), Guardian.email.is_not(None))
        .order_by(PersonGuardian.sort_order, Guardian.id)
    )
    by_person: dict[int, list[str]] = {}
    for person_id, email in rows:
        if email is not None:  # always: the query asks for an address (mypy cannot see it)
            by_person.setdefault(person_id, []).append(email.strip())
    # Addresses are case-insensitive: a parent typed twice with different case gets one mail.
    unique: dict[str, str] = {}
    for person_id in ids:
        for email in by_person.get(person_id, []):
            unique.setdefault(email.lower(), email)
    return list(unique.values())


def persons_without_guardian_email(session: Session, person_ids: Iterable[int]) -> list[int]:
    """Persons in the selection whom no e-mail would reach: the coordinator must phone them."""
    ids = set(person_ids)
    reached = set(
        session.scalars(
            select(PersonGuardian.person_id)
            .join(Guardian, Guardian.id == PersonGuardian.guardian_id)
            .where(PersonGuardian.person_id.in_(ids), Guardian.email.is_not(None))
        )
    )
    return sorted(ids - reached)


def signed_up_person_ids(session: Session, event_id: int) -> list[int]:
    return list(
        session.scalars(
            select(SignUp.person_id).where(
                SignUp.event_id == event_id, SignUp.attending == Answer.YES.value
            )
        )
    )


def mail_list(emails: Iterable[str]) -> str:
    """The form mail programs accept in the recipients field."""
    return "; ".join(emails)


@dataclass(frozen=True)
class MailingEvent:
    """An event one can mail the guardians of those signed up for."""

    id: int
    title: str
    first_day: dt.date | None
    signed_up: int


def events_with_signups(session: Session) -> list[MailingEvent]:
    """Events with at least one "yes" sign-up, the latest first."""
    yes = (
        select(SignUp.event_id, func.count().label("n"))
        .where(SignUp.attending == Answer.YES.value)
        .group_by(SignUp.event_id)
        .subquery()
    )
    first_day = (
        select(func.min(EventDay.date))
        .where(EventDay.event_id == Event.id)
        .correlate(Event)
        .scalar_subquery()
    )
    query = select(Event.id, Event.title, first_day, yes.c.n).join(yes, yes.c.event_id == Event.id)
    found = [MailingEvent(eid, title, day, n) for eid, title, day, n in session.execute(query)]
    return sorted(found, key=lambda e: (e.first_day or dt.date.min, e.id), reverse=True)
