"""Lunch at the seminars, as the friends' association (Venneforeningen) plans it.

For each day of an event: how many eat, by group; the diets to cook for; the allergies with
names; and who of the parents is on duty. The figure for a day rests on one of three bases
(``Basis``), and every figure says which:

- FORECAST: sign-up is still open (before the deadline; without a deadline, until the day).
  Members who answered yes and want lunch; ``unanswered`` says how many may still answer.
- SIGNED_UP: sign-up has closed and the day has no attendance yet: the same count, final.
- ACTUAL: attendance is recorded for the day. A present member who signed up counts if they
  asked for lunch (without, they bring their own). A present member who had not said yes
  (no answer, or "no") turned up unannounced; they are counted as eating, apart from the
  others, because one portion too many is better than a child sent away hungry.

Staff assigned to the day (or to every day of the event) and parents on duty that day count
when they want lunch; a parent with two tasks on one day eats once.

Data minimisation, since these are children: the association sees a child by first name and
ensemble (with the surname's initial where two share a first name), allergies with their
note (the kitchen must know "EpiPen"), diets as counts only (halal or "no pork" tell a
religion, which is special-category data), and the diet notes written for the kitchen. Never
birth dates, addresses, phone numbers of children, the register's notes or sign-up notes.
Diets and allergies belong to the children; staff and parents are counted without them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus import clock
from vrus.collation import sort_key
from vrus.db.enums import Answer, AttendanceStatus, Diet, DutyTask
from vrus.db.models import (
    Allergy,
    Attendance,
    Ensemble,
    Event,
    EventDay,
    EventStaff,
    Membership,
    Person,
    PersonDiet,
    SignUp,
)
from vrus.duties import DutyEntry, duties_on
from vrus.events import get_event
from vrus.member_list import name_rows
from vrus.signups import absent_days, first_day, invited_members
from vrus.texts import Text, translate


class Basis(StrEnum):
    FORECAST = "forecast"
    SIGNED_UP = "signed_up"
    ACTUAL = "actual"


BASIS_LABELS: dict[Basis, Text] = {
    Basis.FORECAST: translate("Core", "forecast: sign-up is still open"),
    Basis.SIGNED_UP: translate("Core", "from the sign-ups: sign-up has closed"),
    Basis.ACTUAL: translate("Core", "actual: attendance is recorded"),
}
DIET_LABELS: dict[str, Text] = {
    Diet.VEGETARIAN.value: translate("Core", "vegetarian"),
    Diet.VEGAN.value: translate("Core", "vegan"),
    Diet.HALAL.value: translate("Core", "halal"),
    Diet.NO_PORK.value: translate("Core", "no pork"),
    Diet.LACTOSE_FREE.value: translate("Core", "lactose-free"),
    Diet.GLUTEN_FREE.value: translate("Core", "gluten-free"),
    Diet.OTHER.value: translate("Core", "other diet"),
}
SEVERITY_ORDER = {"severe": 0, "moderate": 1, "mild": 2}
SEVERITY_LABELS: dict[str, Text] = {
    "severe": translate("Core", "SEVERE"),
    "moderate": translate("Core", "moderate"),
    "mild": translate("Core", "mild"),
}
_LAST = 10_000  # sorts persons without an ensemble after the ensembles


@dataclass(frozen=True)
class LunchCount:
    """Lunches on one day, by group."""

    members: tuple[tuple[str | None, int], ...]  # (ensemble, count); None: no ensemble
    unannounced: int  # present without having said yes (ACTUAL only)
    staff: int
    volunteers: int  # parents on duty

    @property
    def member_total(self) -> int:
        return sum(count for _, count in self.members) + self.unannounced

    @property
    def total(self) -> int:
        return self.member_total + self.staff + self.volunteers


@dataclass(frozen=True)
class AllergyEntry:
    name: str  # first name, with the surname's initial if needed to tell two apart
    ensemble: str | None
    allergen: str
    severity: str  # an AllergySeverity value
    note: str | None
    eats_lunch: bool  # fruit and coffee are served to everyone at the seminar

    @property
    def severe(self) -> bool:
        return self.severity == "severe"


@dataclass(frozen=True)
class DietNote:
    name: str
    ensemble: str | None
    note: str


@dataclass(frozen=True)
class LunchDay:
    day_id: int
    date: dt.date
    basis: Basis
    count: LunchCount
    unanswered: int  # invited members who have not answered (0 once attendance is taken)
    diets: tuple[tuple[str, int], ...]  # (Diet value, count) for every diet, in Diet order
    diet_notes: tuple[DietNote, ...]
    allergies: tuple[AllergyEntry, ...]  # severe first
    duties: tuple[DutyEntry, ...]
    warnings: tuple[Text, ...]
    # The persons whose allergies or diet notes the day shows (health data: a printout or
    # export of the day is recorded in the audit trail with them).
    health_person_ids: frozenset[int] = frozenset()

    @property
    def basis_label(self) -> Text:
        return BASIS_LABELS[self.basis]


@dataclass(frozen=True)
class LunchPlan:
    """The friends' association's view of one event."""

    event_id: int
    title: str
    venue: str | None
    ensembles: tuple[str, ...]
    signup_deadline: dt.date | None
    days: tuple[LunchDay, ...]

    @property
    def health_person_ids(self) -> frozenset[int]:
        """The persons whose allergies or diet notes some day of the plan shows."""
        return frozenset().union(*(day.health_person_ids for day in self.days))


# --- who is who, as the association sees them ----------------------------------------------


@dataclass(frozen=True)
class _Child:
    name: str
    ensemble: str | None
    ensemble_rank: int
    diets: frozenset[str]
    diet_note: str | None
    allergies: tuple[tuple[str, str, str | None], ...]  # (allergen, severity, note)


def short_names(people: Iterable[tuple[int, str, str]]) -> dict[int, str]:
    """First names, with the surname's initial where two persons share a first name (and
    the whole surname where the initials are the same too)."""
    people = list(people)  # one entry per person
    firsts = Counter(sort_key(first) for _, first, _ in people)
    with_initial = Counter((sort_key(f), sort_key(last[:1])) for _, f, last in people)
    names = {}
    for pid, first, last in people:
        if firsts[sort_key(first)] == 1 or not last:
            names[pid] = first
        elif with_initial[(sort_key(first), sort_key(last[:1]))] == 1:
            names[pid] = f"{first} {last[:1]}."
        else:
            names[pid] = f"{first} {last}"
    return names


def _children(session: Session, event: Event, ids: set[int]) -> dict[int, _Child]:
    rows = name_rows(session, ids, first_day(event))
    ranks = dict(session.execute(select(Ensemble.name, Ensemble.sort_order)).all())
    diets: dict[int, set[str]] = {}
    for pid, diet in session.execute(
        select(PersonDiet.person_id, PersonDiet.diet).where(PersonDiet.person_id.in_(ids))
    ):
        diets.setdefault(pid, set()).add(diet)
    notes = dict(
        session.execute(
            select(Person.id, Person.diet_note).where(
                Person.id.in_(ids), Person.diet_note.is_not(None)
            )
        ).all()
    )
    allergies: dict[int, list[tuple[str, str, str | None]]] = {}
    for allergy in session.scalars(select(Allergy).where(Allergy.person_id.in_(ids))):
        allergies.setdefault(allergy.person_id, []).append(
            (allergy.allergen, allergy.severity, allergy.note)
        )
    erased_ids = set(
        session.scalars(select(Person.id).where(Person.id.in_(ids), Person.erased_at.is_not(None)))
    )
    rows = {pid: row for pid, row in rows.items() if pid not in erased_ids}
    names = short_names((pid, row.first_name, row.last_name) for pid, row in rows.items())
    erased = _erased_children(session, erased_ids, first_day(event), ranks)
    return erased | {
        pid: _Child(
            name=names[pid],
            ensemble=row.ensemble,
            ensemble_rank=ranks.get(row.ensemble, _LAST) if row.ensemble else _LAST,
            diets=frozenset(diets.get(pid, ())),
            diet_note=(notes.get(pid) or "").strip() or None,
            allergies=tuple(allergies.get(pid, ())),
        )
        for pid, row in rows.items()
    }


# --- the counts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Answers:
    """The event's sign-ups and recorded attendance."""

    yes: frozenset[int]  # answered yes
    lunch: frozenset[int]  # answered yes and want lunch
    unanswered: int
    present: dict[int, frozenset[int]]  # day id -> present persons
    recorded_days: frozenset[int]
    absent: dict[int, frozenset[int]]  # day id -> persons signed up "yes" who skip that day


def _erased_children(
    session: Session, ids: set[int], day: dt.date, ranks: dict[str, int]
) -> dict[int, _Child]:
    """Erased persons who ate at a past seminar: still counted, in the ensemble they were in
    that season, never named (they have no name, diet or allergy left to show)."""
    found: dict[int, _Child] = {}
    rows = session.execute(
        select(Membership.person_id, Ensemble.name)
        .join(Ensemble, Ensemble.id == Membership.ensemble_id)
        .where(Membership.person_id.in_(ids), Membership.start_date <= day)
        .order_by(Membership.start_date, Membership.id)
    )
    ensembles = {pid: name for pid, name in rows}  # the latest begun wins
    for pid in ids:
        ensemble = ensembles.get(pid)
        rank = ranks.get(ensemble, _LAST) if ensemble else _LAST
        found[pid] = _Child("", ensemble, rank, frozenset(), None, ())
    return found


def _answers(session: Session, event: Event) -> _Answers:
    signups = session.execute(
        select(SignUp.person_id, SignUp.attending, SignUp.wants_lunch).where(
            SignUp.event_id == event.id
        )
    ).all()
    yes = {pid for pid, answer, _ in signups if answer == Answer.YES.value}
    answered = {pid for pid, answer, _ in signups if answer != Answer.UNKNOWN.value}
    present: dict[int, set[int]] = {}
    recorded: set[int] = set()
    for day_id, pid, status in session.execute(
        select(Attendance.event_day_id, Attendance.person_id, Attendance.status).where(
            Attendance.event_day_id.in_([d.id for d in event.days])
        )
    ):
        recorded.add(day_id)
        if status == AttendanceStatus.PRESENT.value:
            present.setdefault(day_id, set()).add(pid)
    return _Answers(
        yes=frozenset(yes),
        lunch=frozenset(pid for pid, _, wants in signups if wants and pid in yes),
        unanswered=len(set(invited_members(session, event)) - answered),
        present={day: frozenset(ids) for day, ids in present.items()},
        recorded_days=frozenset(recorded),
        absent=_skipping(session, event),
    )


def _skipping(session: Session, event: Event) -> dict[int, frozenset[int]]:
    by_day: dict[int, set[int]] = {}
    for pid, days in absent_days(session, event.id).items():
        for day_id in days:
            by_day.setdefault(day_id, set()).add(pid)
    return {day_id: frozenset(ids) for day_id, ids in by_day.items()}


def _basis(event: Event, day: EventDay, answers: _Answers, today: dt.date) -> Basis:
    if day.id in answers.recorded_days:
        return Basis.ACTUAL
    closes = event.signup_deadline or day.date - dt.timedelta(days=1)
    return Basis.SIGNED_UP if today > closes else Basis.FORECAST


def _staff_eating(session: Session, event: Event) -> dict[int | None, set[int]]:
    """Staff who want lunch, by day id (None: every day)."""
    found: dict[int | None, set[int]] = {}
    for day_id, staff_id in session.execute(
        select(EventStaff.event_day_id, EventStaff.staff_id).where(
            EventStaff.event_id == event.id, EventStaff.wants_lunch.is_(True)
        )
    ):
        found.setdefault(day_id, set()).add(staff_id)
    return found


def _by_ensemble(
    children: dict[int, _Child], ids: Iterable[int]
) -> tuple[tuple[str | None, int], ...]:
    counts = Counter(children[pid].ensemble for pid in ids)
    ranks = {child.ensemble: child.ensemble_rank for child in children.values()}
    order = sorted(counts, key=lambda e: (ranks.get(e, _LAST), sort_key(e)))
    return tuple((ensemble, counts[ensemble]) for ensemble in order)


def _diets(children: dict[int, _Child], eating: Iterable[int]) -> tuple[tuple[str, int], ...]:
    counts = Counter(diet for pid in eating for diet in children[pid].diets)
    return tuple((diet.value, counts.get(diet.value, 0)) for diet in Diet)


def _diet_notes(children: dict[int, _Child], eating: Iterable[int]) -> tuple[DietNote, ...]:
    notes = [
        DietNote(c.name, c.ensemble, c.diet_note)
        for c in (children[pid] for pid in eating)
        if c.diet_note
    ]
    return tuple(sorted(notes, key=lambda n: (sort_key(n.name), sort_key(n.ensemble))))


def _allergies(
    children: dict[int, _Child], attending: Iterable[int], eating: set[int]
) -> tuple[AllergyEntry, ...]:
    entries = [
        AllergyEntry(
            children[pid].name, children[pid].ensemble, allergen, severity, note, pid in eating
        )
        for pid in attending
        for allergen, severity, note in children[pid].allergies
    ]
    return tuple(
        sorted(
            entries,
            key=lambda a: (
                SEVERITY_ORDER.get(a.severity, 9),
                sort_key(a.allergen),
                sort_key(a.name),
            ),
        )
    )


def _warnings(count: LunchCount, duties: Iterable[DutyEntry]) -> tuple[Text, ...]:
    if count.total and not any(duty.task == DutyTask.LUNCH.value for duty in duties):
        return (translate("Core", "nobody is on lunch duty"),)
    return ()


def _day(
    event: Event,
    day: EventDay,
    answers: _Answers,
    children: dict[int, _Child],
    staff: dict[int | None, set[int]],
    duties: list[DutyEntry],
    today: dt.date,
) -> LunchDay:
    basis = _basis(event, day, answers, today)
    if basis is Basis.ACTUAL:
        attending = answers.present.get(day.id, frozenset())
        announced = {pid for pid in attending if pid in answers.lunch}
        unannounced = {pid for pid in attending if pid not in answers.yes}
    else:
        skipping = answers.absent.get(day.id, frozenset())
        attending = answers.yes - skipping
        announced, unannounced = set(answers.lunch - skipping), set()
    eating = announced | unannounced
    count = LunchCount(
        members=_by_ensemble(children, announced),
        unannounced=len(unannounced),
        staff=len(staff.get(None, set()) | staff.get(day.id, set())),
        volunteers=len({duty.guardian_id for duty in duties if duty.wants_lunch}),
    )
    return LunchDay(
        day_id=day.id,
        date=day.date,
        basis=basis,
        count=count,
        unanswered=0 if basis is Basis.ACTUAL else answers.unanswered,
        diets=_diets(children, eating),
        diet_notes=_diet_notes(children, eating),
        allergies=_allergies(children, attending, eating),
        duties=tuple(duties),
        warnings=_warnings(count, duties),
        health_person_ids=frozenset(pid for pid in attending if children[pid].allergies)
        | frozenset(pid for pid in eating if children[pid].diet_note),
    )


def lunch_plan(session: Session, event_id: int, today: dt.date | None = None) -> LunchPlan:
    """Each day's lunches, diets, allergies and parents on duty for one event."""
    event = get_event(session, event_id)
    invited = sorted(
        (link.ensemble for link in event.invited), key=lambda e: (e.sort_order, sort_key(e.name))
    )
    plan = LunchPlan(
        event_id=event.id,
        title=event.title,
        venue=event.venue,
        ensembles=tuple(e.name for e in invited),
        signup_deadline=event.signup_deadline,
        days=(),
    )
    if not event.days:
        return plan  # nothing to cook for (and no first day to find members on)
    days = sorted(event.days, key=lambda d: d.date)
    answers = _answers(session, event)
    children = _children(session, event, set(answers.yes).union(*answers.present.values()))
    staff = _staff_eating(session, event)
    duties = duties_on(session, [d.id for d in days])
    return replace(
        plan,
        days=tuple(
            _day(
                event, day, answers, children, staff, duties.get(day.id, []), clock.or_today(today)
            )
            for day in days
        ),
    )
