"""Memberships over time: start one, end one, and move a junior up to the orchestra."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from vrus.conflicts import (
    ConflictError,
    check,
    stale_conflict,
    stale_is_conflict,
)
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.db.enums import EndReason
from vrus.db.models import Ensemble, Instrument, Membership, Person
from vrus.errors import VrusError, not_in_register
from vrus.texts import Text, translate
from vrus.validation import ValidationError


def active_memberships(session: Session, person_id: int, on: dt.date) -> list[Membership]:
    # Oldest first, so move_up and move_up_target agree on which membership moves.
    query = (
        select(Membership)
        .where(
            Membership.person_id == person_id,
            Membership.start_date <= on,
            (Membership.end_date.is_(None)) | (Membership.end_date >= on),
        )
        .order_by(Membership.start_date, Membership.id)
    )
    return list(session.scalars(query))


def _check_exists(session: Session, model: type, row_id: int | None, what: str) -> None:
    if row_id is not None and session.get(model, row_id) is None:
        raise not_in_register(what, row_id)


def _start(
    session: Session, person_id: int, ensemble_id: int, instrument_id: int | None, start: dt.date
) -> Membership:
    _check_exists(session, Person, person_id, "person")
    _check_exists(session, Ensemble, ensemble_id, "ensemble")
    _check_exists(session, Instrument, instrument_id, "instrument")
    for current in active_memberships(session, person_id, start):
        if current.ensemble_id == ensemble_id:
            raise ValidationError(
                "ensemble",
                translate("Core", "is already a member of {ensemble} since {date}").format(
                    ensemble=current.ensemble.name, date=format_date(current.start_date)
                ),
            )
    membership = Membership(
        person_id=person_id, ensemble_id=ensemble_id, instrument_id=instrument_id, start_date=start
    )
    session.add(membership)
    session.flush()
    return membership


def start_membership(
    db: Database, person_id: int, ensemble_id: int, instrument_id: int | None, start: dt.date
) -> int:
    with db.transaction() as session:
        return _start(session, person_id, ensemble_id, instrument_id, start).id


def _end(
    membership: Membership,
    end: dt.date,
    reason: EndReason | str,
    note: str | None,
    *,
    again: bool = False,
) -> None:
    """End ``membership``; ``again`` ends one already ended anew (a conflict's "keep mine"
    over another user's end)."""
    reason = EndReason(reason)
    if membership.end_date is not None and not again:
        raise ValidationError(
            "end_date",
            translate("Core", "the membership already ended on {date}").format(
                date=format_date(membership.end_date)
            ),
        )
    if end < membership.start_date:
        raise ValidationError(
            "end_date",
            translate("Core", "cannot end before it started ({date})").format(
                date=format_date(membership.start_date)
            ),
        )
    membership.end_date = end
    membership.end_reason = reason.value
    membership.end_note = (note or "").strip() or None


def _get(session: Session, membership_id: int) -> Membership:
    membership = session.get(Membership, membership_id)
    if membership is None:
        raise not_in_register("membership", membership_id)
    return membership


def _changed(membership: Membership) -> Text:
    return translate("Core", "the membership of {name} in {ensemble}").format(
        name=membership.person.full_name, ensemble=membership.ensemble.name
    )


# What the window showed of a membership it offers to end: no end yet.
_RUNNING = {"end_date": None, "end_reason": None, "end_note": None}


def end_membership(
    db: Database,
    membership_id: int,
    end: dt.date,
    reason: EndReason | str,
    note: str | None = None,
    expected_version: int | None = None,
) -> None:
    """End a running membership. ``expected_version`` is the membership's version as the
    window read it: if another user ended (or changed) it meanwhile, the two ends are a
    ``ConflictError`` to choose between, not a silent second end."""
    _end_membership(db, membership_id, end, reason, note, expected_version, again=False)


def _end_membership(
    db: Database,
    membership_id: int,
    end: dt.date,
    reason: EndReason | str,
    note: str | None,
    expected_version: int | None,
    *,
    again: bool,
) -> None:
    mine = {
        "end_date": end,
        "end_reason": EndReason(reason).value,
        "end_note": (note or "").strip() or None,
    }

    def save(db: Database, version: int) -> None:
        _end_membership(db, membership_id, end, reason, note, version, again=True)

    def reread(session: Session) -> ConflictError:
        membership = _get(session, membership_id)
        return stale_conflict(session, membership, mine, what=_changed(membership), save=save)

    with stale_is_conflict(db, reread) as session:
        membership = _get(session, membership_id)
        check(
            session,
            membership,
            expected_version,
            mine,
            original=None if again or expected_version is None else _RUNNING,
            what=_changed(membership),
            save=save,
        )
        _end(membership, end, reason, note, again=again)


def move_up(db: Database, person_id: int, on: dt.date, instrument_id: int | None = None) -> int:
    """End the person's membership in a lower ensemble and start one in the ensemble it moves
    up to, on the same day, in one transaction. Returns the new membership's id."""
    with db.transaction() as session:
        movable = _movable(session, person_id, on)
        if not movable:
            raise VrusError(
                translate("Core", "has no active membership in an ensemble one can move up from")
            )
        current, target = movable[0]
        _end(current, on, EndReason.MOVED_UP, None)
        new = _start(
            session,
            person_id,
            target.id,
            instrument_id if instrument_id is not None else current.instrument_id,
            on,
        )
        return new.id


def change_membership_instrument(
    db: Database,
    membership_id: int,
    instrument_id: int | None,
    expected_version: int | None = None,
    original: Mapping[str, Any] | None = None,
) -> int | None:
    """Set the instrument a membership is for; returns the previous one, so the window can
    undo the change by calling this again with it (and ``original={"instrument_id": the one
    it set}``: an instrument another user chose since is then a ``ConflictError``, not
    overwritten).
    ``expected_version`` is the membership's version as the window read it."""

    def save(db: Database, version: int) -> int | None:
        return change_membership_instrument(db, membership_id, instrument_id, version)

    mine = {"instrument_id": instrument_id}

    def reread(session: Session) -> ConflictError:
        membership = _get(session, membership_id)
        return stale_conflict(session, membership, mine, what=_changed(membership), save=save)

    with stale_is_conflict(db, reread) as session:
        membership = _get(session, membership_id)
        _check_exists(session, Instrument, instrument_id, "instrument")
        check(
            session,
            membership,
            expected_version,
            mine,
            original=original,
            what=_changed(membership),
            save=save,
        )
        previous = membership.instrument_id
        membership.instrument_id = instrument_id
        return previous


@dataclass(frozen=True)
class MembershipInfo:
    id: int
    ensemble_id: int
    ensemble: str
    instrument_id: int | None
    instrument: str | None
    start_date: dt.date
    end_date: dt.date | None
    end_reason: str | None
    end_note: str | None
    active: bool  # running on the day asked about
    version: int = 1  # as read, for the edits' ``expected_version``


def membership_history(session: Session, person_id: int, on: dt.date) -> list[MembershipInfo]:
    """All of a person's memberships, the latest first."""
    query = (
        select(Membership)
        .where(Membership.person_id == person_id)
        .options(selectinload(Membership.ensemble), selectinload(Membership.instrument))
        .order_by(Membership.start_date.desc(), Membership.id.desc())
    )
    return [
        MembershipInfo(
            id=m.id,
            ensemble_id=m.ensemble_id,
            ensemble=m.ensemble.name,
            instrument_id=m.instrument_id,
            instrument=m.instrument.name_nb if m.instrument else None,
            start_date=m.start_date,
            end_date=m.end_date,
            end_reason=m.end_reason,
            end_note=m.end_note,
            active=m.start_date <= on and (m.end_date is None or m.end_date >= on),
            version=m.version,
        )
        for m in session.scalars(query)
    ]


def _movable(session: Session, person_id: int, on: dt.date) -> list[tuple[Membership, Ensemble]]:
    """The person's open memberships that can move up, each with the ensemble it moves to."""
    return [
        (m, target)
        for m in active_memberships(session, person_id, on)
        if m.end_date is None and (target := m.ensemble.next_ensemble) is not None
    ]


def move_up_target(session: Session, person_id: int, on: dt.date) -> tuple[str, str] | None:
    """(from, to) ensemble names if ``move_up`` would move the person on ``on``, else None."""
    movable = _movable(session, person_id, on)
    if not movable:
        return None
    current, target = movable[0]
    return current.ensemble.name, target.name
