"""Memberships over time: start one, end one, and move a junior up to the orchestra."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus.db.engine import Database
from vrus.db.enums import EndReason
from vrus.db.models import Ensemble, Instrument, Membership, Person
from vrus.errors import VrusError
from vrus.validation import ValidationError


def active_memberships(session: Session, person_id: int, on: dt.date) -> list[Membership]:
    query = select(Membership).where(
        Membership.person_id == person_id, Membership.start_date <= on,
        (Membership.end_date.is_(None)) | (Membership.end_date >= on))
    return list(session.scalars(query))


def _check_exists(session: Session, model: type, row_id: int | None, what: str) -> None:
    if row_id is not None and session.get(model, row_id) is None:
        raise VrusError(f"{what} {row_id} is not in the register")


def _start(session: Session, person_id: int, ensemble_id: int, instrument_id: int | None,
           start: dt.date) -> Membership:
    _check_exists(session, Person, person_id, "person")
    _check_exists(session, Ensemble, ensemble_id, "ensemble")
    _check_exists(session, Instrument, instrument_id, "instrument")
    for current in active_memberships(session, person_id, start):
        if current.ensemble_id == ensemble_id:
            raise ValidationError("ensemble", f"is already a member of {current.ensemble.name} "
                                              f"since {current.start_date:%d.%m.%Y}")
    membership = Membership(person_id=person_id, ensemble_id=ensemble_id,
                            instrument_id=instrument_id, start_date=start)
    session.add(membership)
    session.flush()
    return membership


def start_membership(db: Database, person_id: int, ensemble_id: int,
                     instrument_id: int | None, start: dt.date) -> int:
    with db.transaction() as session:
        return _start(session, person_id, ensemble_id, instrument_id, start).id


def _end(membership: Membership, end: dt.date, reason: EndReason | str,
         note: str | None) -> None:
    reason = EndReason(reason)
    if membership.end_date is not None:
        raise ValidationError("end_date", f"the membership already ended on "
                                          f"{membership.end_date:%d.%m.%Y}")
    if end < membership.start_date:
        raise ValidationError("end_date", f"cannot end before it started "
                                          f"({membership.start_date:%d.%m.%Y})")
    membership.end_date = end
    membership.end_reason = reason.value
    membership.end_note = (note or "").strip() or None


def end_membership(db: Database, membership_id: int, end: dt.date,
                   reason: EndReason | str, note: str | None = None) -> None:
    with db.transaction() as session:
        membership = session.get(Membership, membership_id)
        if membership is None:
            raise VrusError(f"membership {membership_id} is not in the register")
        _end(membership, end, reason, note)


def move_up(db: Database, person_id: int, on: dt.date,
            instrument_id: int | None = None) -> int:
    """End the person's membership in a lower ensemble and start one in the ensemble it moves
    up to, on the same day, in one transaction. Returns the new membership's id."""
    with db.transaction() as session:
        movable = [m for m in active_memberships(session, person_id, on)
                   if m.ensemble.next_ensemble_id is not None]
        if not movable:
            raise VrusError("has no active membership in an ensemble one can move up from")
        current = movable[0]
        target = current.ensemble.next_ensemble_id
        _end(current, on, EndReason.MOVED_UP, None)
        new = _start(session, person_id, target,
                     instrument_id if instrument_id is not None else current.instrument_id, on)
        return new.id
