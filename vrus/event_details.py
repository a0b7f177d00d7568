"""One event as the editor shows it, and the choices the editor offers.

Read-only: the editor loads an event with ``event_details``, lets the coordinator change it,
and saves through the actions in ``vrus.events``. ``EventDetails.kept_days`` tells the editor
which days carry history (attendance, parents on duty), so it can say before saving that
such a day cannot be removed, instead of meeting the refusal of ``set_event_days``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vrus.collation import sort_key
from vrus.db.models import Attendance, Ensemble, Organisation, SignUp, VolunteerDuty
from vrus.events import get_event


@dataclass(frozen=True)
class DayDetails:
    id: int
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None


@dataclass(frozen=True)
class EventDetails:
    id: int
    kind: str
    title: str
    iris_type: str | None
    venue: str | None
    description: str | None
    audience_count: int | None
    days: tuple[DayDetails, ...]  # in date order
    ensemble_ids: frozenset[int]
    partners: tuple[tuple[int, str | None], ...]  # (organisation id, role)
    kept_days: frozenset[dt.date]  # days with attendance or duties: not removable
    version: int = 1  # as read, for ``update_event(expected_version=...)``


def event_details(session: Session, event_id: int) -> EventDetails:
    event = get_event(session, event_id)
    days = tuple(
        DayDetails(d.id, d.date, d.start_time, d.end_time)
        for d in sorted(event.days, key=lambda d: d.date)
    )
    day_ids = [d.id for d in days]
    used: set[int] = set()
    for model in (Attendance, VolunteerDuty):
        used.update(
            session.scalars(
                select(model.event_day_id)
                .where(model.event_day_id.in_(day_ids))
                .group_by(model.event_day_id)
            )
        )
    return EventDetails(
        id=event.id,
        kind=event.kind,
        title=event.title,
        iris_type=event.iris_type,
        venue=event.venue,
        description=event.description,
        audience_count=event.audience_count,
        days=days,
        ensemble_ids=frozenset(link.ensemble_id for link in event.invited),
        partners=tuple((p.organisation_id, p.role) for p in event.partners),
        kept_days=frozenset(d.date for d in days if d.id in used),
        version=event.version,
    )


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    kind: str | None = None  # an organisation's kind


@dataclass(frozen=True)
class PlanningChoices:
    ensembles: tuple[Choice, ...]  # in ensemble order (the orchestra first)
    organisations: tuple[Choice, ...]  # not archived, in Norwegian order


def planning_choices(session: Session) -> PlanningChoices:
    ensembles = session.execute(
        select(Ensemble.id, Ensemble.name).order_by(Ensemble.sort_order, Ensemble.id)
    ).all()
    organisations = session.execute(
        select(Organisation.id, Organisation.name, Organisation.kind).where(
            Organisation.archived.is_(False)
        )
    ).all()
    return PlanningChoices(
        ensembles=tuple(Choice(i, name) for i, name in ensembles),
        organisations=tuple(
            sorted(
                (Choice(i, name, kind) for i, name, kind in organisations),
                key=lambda c: sort_key(c.name),
            )
        ),
    )


def signups_count(session: Session, event_id: int) -> int:
    """How many sign-ups an event has (the delete question mentions them)."""
    return session.scalar(select(func.count()).where(SignUp.event_id == event_id)) or 0
