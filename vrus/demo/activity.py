"""Sign-ups, attendance and the friends' association's duty roster.

Everything follows the membership history: a child is invited to an event when a membership
in an invited ensemble covers its first day. Past events have their sign-ups answered and
attendance recorded per day; the next few upcoming events have sign-ups partly answered;
nothing is recorded for days after today.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

from vrus.db.enums import Answer, AttendanceStatus, DutyTask
from vrus.demo.calendar import EventPlan
from vrus.demo.cast import Stint

# How much of the next upcoming events' sign-ups are answered, nearest first; later events
# have not been sent out yet and have no sign-up rows.
ANSWERED_AHEAD = (0.7, 0.45, 0.2)
NO_NOTES = ("Konfirmasjon", "Fotballcup", "Syk", "Familiebesøk", "Skoletur", None, None)
# Per seminar day: two on lunch, one on coffee and fruit, one setting up and clearing.
DUTY_PLAN = (DutyTask.LUNCH, DutyTask.LUNCH, DutyTask.COFFEE_FRUIT, DutyTask.SETUP_CLEARING)
# The stored values, as plain strings: the rows of sign-ups and attendance are many.
YES, NO, UNKNOWN = Answer.YES.value, Answer.NO.value, Answer.UNKNOWN.value
PRESENT = AttendanceStatus.PRESENT.value
ABSENT = AttendanceStatus.ABSENT.value
EXCUSED = AttendanceStatus.EXCUSED.value


class Roster:
    """Who belongs to which ensemble on a given day."""

    def __init__(self, stints: Iterable[tuple[int, Stint]]) -> None:
        self.by_ensemble: dict[str, list[tuple[int, dt.date, dt.date | None]]] = {}
        for person_id, stint in stints:
            self.by_ensemble.setdefault(stint.ensemble, []).append(
                (person_id, stint.start, stint.end)
            )

    def members(self, ensembles: Iterable[str], day: dt.date) -> list[int]:
        # A dict keeps the order and drops the double entry on a moving-up day.
        found: dict[int, None] = {}
        for ensemble in ensembles:
            for person_id, start, end in self.by_ensemble.get(ensemble, ()):
                if start <= day and (end is None or day <= end):
                    found[person_id] = None
        return list(found)


class Activity:
    """Builds the rows for one event at a time; the caller inserts them in bulk."""

    def __init__(self, rng: random.Random, today: dt.date, now: dt.datetime) -> None:
        self.rng = rng
        self.today = today
        self.now = now
        self.reliability: dict[int, float] = {}

    def _reliable(self, person_id: int) -> float:
        if person_id not in self.reliability:
            self.reliability[person_id] = self.rng.uniform(0.72, 0.98)
        return self.reliability[person_id]

    def signups(
        self, event_id: int, plan: EventPlan, people: list[int], upcoming_rank: int | None
    ) -> list[dict]:
        """Sign-up rows; ``upcoming_rank`` is None for past events, 0 for the next one."""
        if upcoming_rank is not None and upcoming_rank >= len(ANSWERED_AHEAD):
            return []
        # Bound once: this loop makes millions of rows for a register of 100 000 persons.
        random, randint, reliable, now = self.rng.random, self.rng.randint, self._reliable, self.now
        answered = 0.98 if upcoming_rank is None else ANSWERED_AHEAD[upcoming_rank]
        sent = dt.datetime.combine(plan.first_day - dt.timedelta(days=21), dt.time(9))
        unanswered_at = min(now, sent)
        rows = []
        for person_id in people:
            if random() >= answered:
                answer = UNKNOWN
            else:
                answer = YES if random() < reliable(person_id) else NO
            when = min(now, sent + dt.timedelta(days=randint(0, 14), minutes=randint(0, 720)))
            rows.append(
                {
                    "event_id": event_id,
                    "person_id": person_id,
                    "attending": answer,
                    "wants_lunch": plan.lunch and answer == YES and random() < 0.9,
                    "note": self.rng.choice(NO_NOTES) if answer == NO else None,
                    "updated_at": when if answer != UNKNOWN else unanswered_at,
                }
            )
        return rows

    def attendance(self, day_ids: list[tuple[int, dt.date]], signups: list[dict]) -> list[dict]:
        """Attendance per past day, following what each child answered."""
        rows: list[dict] = []
        for day_id, day in day_ids:
            if day >= self.today:
                continue
            recorded = dt.datetime.combine(day, dt.time(16, 30))
            rows += [
                {
                    "event_day_id": day_id,
                    "person_id": signup["person_id"],
                    "status": self._status(signup["attending"]),
                    "note": None,
                    "recorded_at": recorded,
                }
                for signup in signups
            ]
        return rows

    def _status(self, answer: str) -> str:
        roll = self.rng.random()
        if answer == YES:
            return PRESENT if roll < 0.92 else EXCUSED if roll < 0.97 else ABSENT
        if answer == NO:
            return EXCUSED if roll < 0.85 else ABSENT
        return PRESENT if roll < 0.5 else ABSENT

    def duties(self, day_id: int, guardians: list[int], lunch: bool) -> list[dict]:
        """The roster for one seminar day; ``lunch`` False leaves lunch deliberately unstaffed."""
        plan = [task for task in DUTY_PLAN if lunch or task is not DutyTask.LUNCH]
        chosen = self.rng.sample(guardians, min(len(plan), len(guardians)))
        return [
            {
                "event_day_id": day_id,
                "guardian_id": guardian_id,
                "task": task.value,
                "wants_lunch": self.rng.random() < 0.8,
                "note": None,
            }
            for task, guardian_id in zip(plan, chosen, strict=False)
        ]
