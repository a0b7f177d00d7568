"""``load_demo``: the fictional register, in one transaction.

Rows go in with bulk inserts (``vrus.db.bulk``; ids come back in order where later rows need
them), so the cost per person stays the same from 78 persons to 100 000. Random choices come
from one seeded generator and depend only on ``today`` and ``members``, so the demo is
reproducible.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from vrus import audit, clock
from vrus.db import bulk
from vrus.db.engine import Database
from vrus.db.enums import AuditAction, EventKind, IrisType
from vrus.db.models import (
    Allergy,
    Attendance,
    Consent,
    Event,
    EventDay,
    EventEnsemble,
    EventPartner,
    EventStaff,
    Guardian,
    Membership,
    Person,
    PersonDiet,
    PersonGuardian,
    PersonInstrument,
    Season,
    SignUp,
    StaffMember,
    VolunteerDuty,
)
from vrus.demo import names
from vrus.demo.activity import Activity, Roster
from vrus.demo.calendar import EventPlan, season_calendar
from vrus.demo.cast import DEFAULT_SIZE, CastBuilder, Child, scaled_size
from vrus.demo.consents import DemoPerson, consent_rows
from vrus.demo.families import Family, build_families
from vrus.demo.health import health_rows
from vrus.demo.reference import load_reference
from vrus.demo.register import clear_register, refuse_unless_empty
from vrus.demo.staff import event_staff, staff_rows
from vrus.demo.summary import DemoSummary
from vrus.errors import VrusError

SEED = 2014  # the season the demo is modelled on
EARLIER_SEASONS = 3
BATCH = 20_000  # sign-ups and attendance held before they are inserted
SEVERE_NUT_ALLERGIES = 2
GAP_DAYS = 2  # upcoming seminar days left without anyone on lunch duty

Progress = Callable[[int, int], None]


def load_demo(
    db: Database,
    *,
    reset: bool = False,
    members: int | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill the register with the demo; refuse a register that holds data unless ``reset``.

    ``members`` makes a synthetic register of that many persons instead of the 2014-sized one.
    Everything happens in one transaction: on any error nothing is written (or deleted).
    """
    if members is not None and members < 1:
        raise VrusError("the demo needs at least 1 person")
    real_today = clock.today()
    today = today or real_today
    # Timestamps (answered, recorded) come from the clock only for a demo set today; a demo
    # set on another day gets that day's noon (UTC, as every stored timestamp), so it is
    # consistent with itself and repeatable.
    now = clock.utc_now() if today == real_today else dt.datetime.combine(today, dt.time(12))
    years = list(range(today.year - EARLIER_SEASONS, today.year + 1))
    steps = _Steps(progress, total=4 + len(years))
    with db.transaction() as session:
        if reset:
            clear_register(session)
        else:
            refuse_unless_empty(session)
        steps.advance()
        loader = _Loader(session, random.Random(SEED), today, now, steps)
        with bulk.bulk_cache(session):
            summary = loader.run(members, years)
        # One entry for the whole fictional register (its bulk INSERTs pass by the trail).
        audit.record(
            session,
            AuditAction.CREATE,
            what="demo register loaded" + (", replacing the register" if reset else ""),
        )
        return summary


class _Steps:
    def __init__(self, callback: Progress | None, total: int) -> None:
        self.callback, self.total, self.done = callback, total, 0
        self._report()

    def advance(self) -> None:
        self.done = min(self.total, self.done + 1)
        self._report()

    def _report(self) -> None:
        if self.callback is not None:
            self.callback(self.done, self.total)


def _insert(session: Session, model: Any, rows: list[dict]) -> None:
    bulk.insert_rows(session, model.__table__, rows)


def _insert_ids(session: Session, model: Any, rows: list[dict]) -> list[int]:
    return bulk.insert_rows_ids(session, model.__table__, rows)


class _Loader:
    def __init__(
        self, session: Session, rng: random.Random, today: dt.date, now: dt.datetime, steps: _Steps
    ) -> None:
        self.session, self.rng, self.today, self.now, self.steps = session, rng, today, now, steps
        self.year = today.year
        self.season_span = (dt.date(self.year, 1, 1), dt.date(self.year, 12, 31))

    def run(self, members: int | None, years: list[int]) -> DemoSummary:
        self.ref = load_reference(self.session, self.today)
        size = scaled_size(members) if members else DEFAULT_SIZE
        builder = CastBuilder(self.rng, self.today, self.ref.ensembles, set(self.ref.instruments))
        children = builder.build(size)
        families = build_families(
            self.rng, children, size.sibling_pairs, self.season_span, self.ref
        )
        self.steps.advance()
        person_ids, guardians_of = self._people(families)
        self.steps.advance()
        staff_ids = _insert_ids(
            self.session,
            StaffMember,
            staff_rows(self.rng, self.ref.instruments, self.ref.sections, self.ref.organisations),
        )
        seasons = self._seasons(years)
        events = self._events(seasons, staff_ids)
        self.steps.advance()
        roster = Roster((person_ids[id(c)], stint) for c in children for stint in c.stints)
        big = (SignUp.__table__, Attendance.__table__)
        with bulk.indexes_set_aside(self.session, big), bulk.in_background(self.session) as run:
            counts = self._activity(events, roster, guardians_of, run)
        return self._summary(children, families, staff_ids, seasons, events, counts)

    # -- persons, guardians and their details -------------------------------------------

    def _people(self, families: list[Family]) -> tuple[dict[int, int], dict[int, list[int]]]:
        """Insert the children with their details; their ids and their guardians' ids."""
        children = [c for f in families for c in f.children]
        # Health rows are drawn first (by position) because the diet note goes on the person.
        diets, allergies, diet_notes = health_rows(
            self.rng, list(range(len(children))), SEVERE_NUT_ALLERGIES
        )
        self.photo_answers: list[bool] = []
        rows = [
            self._person_row(family, child, diet_notes.get(i))
            for i, (family, child) in enumerate((f, c) for f in families for c in f.children)
        ]
        ids = _insert_ids(self.session, Person, rows)
        for row in diets + allergies:
            row["person_id"] = ids[row["person_id"]]
        health = {row["person_id"] for row in diets + allergies} | {ids[i] for i in diet_notes}
        _insert(self.session, PersonDiet, diets)
        _insert(self.session, Allergy, allergies)
        person_ids = {id(c): pid for c, pid in zip(children, ids, strict=True)}
        self._memberships(children, person_ids)
        guardians_of = self._guardians(families, person_ids)
        people = [
            DemoPerson(
                pid,
                child.birth_date,
                child.latest.start,
                tuple(guardians_of.get(pid, ())),
                photo,
                pid in health,
            )
            for child, pid, photo in zip(children, ids, self.photo_answers, strict=True)
        ]
        # A generator of its own: the draws of every later step stay as they were.
        consents = consent_rows(random.Random(SEED + 1), people, self.today)
        _insert(self.session, Consent, consents)
        return person_ids, guardians_of

    def _guardians(
        self, families: list[Family], person_ids: dict[int, int]
    ) -> dict[int, list[int]]:
        rows = [
            {
                "first_name": g.first_name,
                "last_name": g.last_name,
                "phone": g.phone,
                "email": g.email,
            }
            for f in families
            for g in f.guardians
        ]
        new_ids = iter(_insert_ids(self.session, Guardian, rows))
        links, guardians_of = [], {}
        for family in families:
            family_ids = [next(new_ids) for _ in family.guardians]
            for child in family.children:
                pid = person_ids[id(child)]
                guardians_of[pid] = family_ids
                links += [
                    {
                        "person_id": pid,
                        "guardian_id": gid,
                        "relation": g.relation,
                        "sort_order": order,
                    }
                    for order, (gid, g) in enumerate(zip(family_ids, family.guardians, strict=True))
                ]
        _insert(self.session, PersonGuardian, links)
        return guardians_of

    def _memberships(self, children: list[Child], person_ids: dict[int, int]) -> None:
        ref = self.ref
        instruments, memberships = [], []
        for child in children:
            pid = person_ids[id(child)]
            played = [ref.instruments[name] for name in child.instruments]
            instruments += [
                {"person_id": pid, "instrument_id": iid, "is_main": i == 0}
                for i, iid in enumerate(played)
            ]
            memberships += [
                {
                    "person_id": pid,
                    "ensemble_id": ref.ensembles[s.ensemble].id,
                    "instrument_id": played[0] if played else None,
                    "start_date": s.start,
                    "end_date": s.end,
                    "end_reason": s.reason,
                    "end_note": s.note,
                }
                for s in child.stints
            ]
        _insert(self.session, PersonInstrument, instruments)
        _insert(self.session, Membership, memberships)

    def _person_row(self, family: Family, child: Child, diet_note: str | None) -> dict:
        rng = self.rng
        # The family's answer to photos, drawn here as it always was, so the rest of the
        # demo stays as it was too; the records are made once the guardians have ids.
        self.photo_answers.append(rng.random() < 0.85)
        # Older members have their own phone and e-mail; for the younger ones the guardians'.
        own = self.year - child.birth_date.year >= 15 and child.latest.ensemble == "ungdom"
        created = dt.datetime.combine(child.stints[0].start, dt.time(12))
        return {
            "first_name": child.first_name,
            "last_name": child.last_name,
            "birth_date": child.birth_date,
            "gender": child.gender,
            "municipality_id": family.place.id if family.place else None,
            "culture_school_id": family.schools.get(id(child)),
            "phone": names.phone(rng) if own and rng.random() < 0.8 else None,
            "email": (
                names.email(rng, child.first_name, child.last_name)
                if own and rng.random() < 0.6
                else None
            ),
            "address": family.address,
            "postal_code": family.postal_code,
            "postal_place": family.postal_place,
            "diet_note": diet_note,
            "notes": None,
            "archived_at": None,
            "created_at": created,
            "updated_at": created,
        }

    # -- seasons and events ---------------------------------------------------------------

    def _seasons(self, years: list[int]) -> dict[int, int]:
        rows = [
            {"name": str(y), "start_date": dt.date(y, 1, 1), "end_date": dt.date(y, 12, 31)}
            for y in years
        ]
        return dict(zip(years, _insert_ids(self.session, Season, rows), strict=True))

    def _events(
        self, seasons: dict[int, int], staff_ids: list[int]
    ) -> list[tuple[int, EventPlan, list[tuple[int, dt.date]]]]:
        plans = [(year, plan) for year in seasons for plan in season_calendar(year)]
        rows = [self._event_row(seasons[year], plan) for year, plan in plans]
        event_ids = _insert_ids(self.session, Event, rows)
        day_rows = [
            {"event_id": eid, "date": d.date, "start_time": d.start, "end_time": d.end}
            for eid, (_, plan) in zip(event_ids, plans, strict=True)
            for d in plan.days
        ]
        day_ids = iter(_insert_ids(self.session, EventDay, day_rows))
        orgs, ensembles = self.ref.organisations, self.ref.ensembles
        events, invited, partners, staff = [], [], [], []
        for eid, (_, plan) in zip(event_ids, plans, strict=True):
            events.append((eid, plan, [(next(day_ids), d.date) for d in plan.days]))
            invited += [{"event_id": eid, "ensemble_id": ensembles[key].id} for key in plan.invited]
            partners += [
                {"event_id": eid, "organisation_id": orgs[name], "role": role}
                for name, role in plan.partners
                if name in orgs
            ]
            staff += [
                {
                    "event_id": eid,
                    "staff_id": sid,
                    "event_day_id": None,
                    "role": role,
                    "section": section,
                    "wants_lunch": plan.lunch,
                }
                for sid, role, section in event_staff(plan.staff, staff_ids)
            ]
        _insert(self.session, EventEnsemble, invited)
        _insert(self.session, EventPartner, partners)
        _insert(self.session, EventStaff, staff)
        return events

    def _event_row(self, season_id: int, plan: EventPlan) -> dict:
        past = plan.first_day < self.today
        audience = None
        if past and plan.kind == EventKind.CONCERT.value:
            audience = self.rng.randint(140, 260)
        elif past and plan.iris_type == IrisType.INSPIRASJONSKONSERT.value:
            audience = self.rng.randint(60, 120)
        planned = dt.datetime.combine(dt.date(plan.first_day.year - 1, 11, 15), dt.time(10))
        return {
            "season_id": season_id,
            "kind": plan.kind,
            "title": plan.title,
            "venue": plan.venue,
            "description": plan.description,
            "iris_type": plan.iris_type,
            "project_id": self.ref.iris_project_id if plan.kind == EventKind.IRIS.value else None,
            "audience_count": audience,
            "signup_deadline": plan.first_day - dt.timedelta(days=14),
            "created_at": min(self.now, planned),
        }

    # -- sign-ups, attendance, duties -------------------------------------------------------

    def _activity(
        self,
        events: list[tuple[int, EventPlan, list[tuple[int, dt.date]]]],
        roster: Roster,
        guardians_of: dict[int, list[int]],
        run: bulk.Run,
    ) -> dict[str, int]:
        """The rows of sign-ups, attendance and duties, inserted by ``run`` (in the
        background) while the next event's are made."""
        activity = Activity(self.rng, self.today, self.now)
        upcoming = [eid for eid, plan, _ in events if plan.first_day >= self.today]
        rank = {eid: i for i, eid in enumerate(upcoming)}
        gaps = self._lunch_gaps(events)
        counts = {"signups": 0, "attendance": 0, "duties": 0}
        signups: list[dict] = []
        attendance: list[dict] = []
        duties: list[dict] = []
        year = events[0][1].first_day.year if events else self.year
        for eid, plan, days in events:
            if plan.first_day.year != year:
                year = plan.first_day.year
                self._flush(signups, attendance, counts, run)
                self.steps.advance()
            people = roster.members(plan.invited, plan.first_day)
            rows = activity.signups(eid, plan, people, rank.get(eid))
            signups += rows
            attendance += activity.attendance(days, rows)
            if plan.kind == EventKind.SEMINAR.value:
                pool = list(dict.fromkeys(g for pid in people for g in guardians_of[pid]))
                for day_id, day in days:
                    duties += activity.duties(day_id, pool, lunch=day not in gaps)
            if len(signups) + len(attendance) > BATCH:
                self._flush(signups, attendance, counts, run)
        self._flush(signups, attendance, counts, run)
        bulk.insert_rows(self.session, VolunteerDuty.__table__, duties, run)
        counts["duties"] = len(duties)
        self.steps.advance()
        return counts

    def _flush(
        self, signups: list[dict], attendance: list[dict], counts: dict[str, int], run: bulk.Run
    ) -> None:
        bulk.insert_rows(self.session, SignUp.__table__, signups, run)
        bulk.insert_rows(self.session, Attendance.__table__, attendance, run)
        counts["signups"] += len(signups)
        counts["attendance"] += len(attendance)
        signups.clear()
        attendance.clear()

    def _lunch_gaps(
        self, events: list[tuple[int, EventPlan, list[tuple[int, dt.date]]]]
    ) -> set[dt.date]:
        """Seminar days of this season left without lunch duty, so the lunch view can warn:
        the next upcoming ones (Sundays first), or the season's last ones late in December."""
        days = [
            day
            for _, plan, event_days in events
            if plan.kind == EventKind.SEMINAR.value and plan.first_day.year == self.year
            for _, day in event_days
        ]
        ahead = [day for day in days if day >= self.today]
        if ahead:
            ahead.sort(key=lambda day: (day.weekday() != 6, day))
            return set(ahead[:GAP_DAYS])
        return set(sorted(days)[-GAP_DAYS:])

    # -- summary ---------------------------------------------------------------------------

    def _summary(
        self,
        children: list[Child],
        families: list[Family],
        staff_ids: list[int],
        seasons: dict[int, int],
        events: list,
        counts: dict[str, int],
    ) -> DemoSummary:
        current = [c.active_in(*self.season_span) for c in children]
        ensembles = sorted(self.ref.ensembles.items(), key=lambda item: item[1].sort_order)
        kinds: dict[str, int] = {}
        for _, plan, _ in events:
            kinds[plan.kind] = kinds.get(plan.kind, 0) + 1
        return DemoSummary(
            season=str(self.year),
            seasons=[str(y) for y in seasons],
            active={e.name: current.count(key) for key, e in ensembles},
            persons=len(children),
            former=current.count(None),
            guardians=sum(len(f.guardians) for f in families),
            staff=len(staff_ids),
            events=kinds,
            signups=counts["signups"],
            attendance=counts["attendance"],
            duties=counts["duties"],
        )
