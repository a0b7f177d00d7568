"""Retention: which persons' data is due to be removed, and removing it.

The rule is kept in the register's settings, so everyone who uses the register applies the
same one (Settings -> Privacy in the window):

- ``retention.contact_months`` (default 3): the contact and health data of a member who
  left is removed this many months after the membership ended, as Datatilsynet advises
  associations. **Step 1** (``Step.CONTACT``, ``vrus.erasure.remove_contact_and_health``):
  phone, e-mail, address, notes, diets, allergies, health-data consents and the guardians go;
  the name, birth date, postal code, memberships and attendance stay, because a course grant
  report must document name, birth year, postal code and hours (and coverage of seasons
  before 2020 places a member by postal code).
- ``retention.course_years`` (default 5): that documentation is kept until this many years
  after the course year, i.e. until 31.12 of (the person's last year with a membership or
  attendance) + 5. From the next day the person is erased. **Step 2** (``Step.ERASE``,
  ``vrus.erasure.erase_persons``): only the coarse statistics stay (gender, birth year,
  municipality, ensemble, section and seasons). Step 2 includes everything step 1 removes,
  so a person due for both is listed for step 2 only, and it is never due before step 1
  would be (a short course period does not cut the contact period short).

Who is due, exactly:

- A person with any membership without an end date is a member and is **never** due, nor
  is an erased person. Step 1 is listed only while the person still holds something it
  removes: a person whose step 1 is done is not listed again until step 2 is due.
- "Left" is the latest end date of the person's memberships, or the last day the person
  attended something, if that is later (someone who still comes is still in touch).
- A person with **no membership at all** (registered but never started, or a guest who
  only attended) counts from the day the register got the person (``created_at``) or the
  last day attended, whichever is later: nothing in the register says the person is
  expected back, so the same periods run from the last sign of them.

Applying also deletes the audit trail's entries past their keeping period (``vrus.audit``,
the setting ``audit.keep_days``), so one run does all the register's retention.

Nothing here reads the clock except through ``today`` (default: ``vrus.clock``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from vrus import audit, clock
from vrus.collation import sort_key
from vrus.conflicts import store_setting
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.db.enums import ConsentKind
from vrus.db.models import (
    Allergy,
    Attendance,
    Consent,
    EventDay,
    Membership,
    Person,
    PersonDiet,
    PersonGuardian,
    Setting,
)
from vrus.erasure import (
    CONTACT_COLUMNS,
    HEALTH_COLUMNS,
    erase_persons,
    remove_contact_and_health,
)
from vrus.texts import Text, translate
from vrus.validation import ValidationError

log = logging.getLogger(__name__)

CONTACT_MONTHS_SETTING = "retention.contact_months"
COURSE_YEARS_SETTING = "retention.course_years"
DEFAULT_CONTACT_MONTHS = 3
DEFAULT_COURSE_YEARS = 5
# (lowest, highest): ten years of contact data, thirty of course documentation are more
# than any rule asks; 0 means "at once" (when the membership ended, after the course year).
CONTACT_MONTHS_LIMITS = (0, 120)
COURSE_YEARS_LIMITS = (0, 30)


# --- the rule ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionRule:
    contact_months: int = DEFAULT_CONTACT_MONTHS
    course_years: int = DEFAULT_COURSE_YEARS


def _stored_number(stored: dict[str, str], key: str, default: int, limits: tuple[int, int]) -> int:
    # A value broken outside the program (edited by hand) falls back to the default rather
    # than stopping every listing; the setters never store one.
    try:
        value = int(stored[key])
    except (KeyError, ValueError):
        return default
    low, high = limits
    return value if low <= value <= high else default


def retention_rule(session: Session) -> RetentionRule:
    """The rule the register applies (the defaults unless changed in Settings)."""
    keys = (CONTACT_MONTHS_SETTING, COURSE_YEARS_SETTING)
    query = select(Setting.key, Setting.value).where(Setting.key.in_(keys))
    stored = {key: value for key, value in session.execute(query)}
    return RetentionRule(
        contact_months=_stored_number(
            stored, CONTACT_MONTHS_SETTING, DEFAULT_CONTACT_MONTHS, CONTACT_MONTHS_LIMITS
        ),
        course_years=_stored_number(
            stored, COURSE_YEARS_SETTING, DEFAULT_COURSE_YEARS, COURSE_YEARS_LIMITS
        ),
    )


def _checked(field: str, value: object, limits: tuple[int, int], unit: Text) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValidationError(
            field, translate("Core", "'{value}' is not a whole number").format(value=value)
        )
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError(
            field, translate("Core", "'{value}' is not a whole number").format(value=value)
        ) from None
    low, high = limits
    if not low <= number <= high:
        raise ValidationError(
            field,
            translate("Core", "must be between {low} and {high} {unit}").format(
                low=low, high=high, unit=unit
            ),
        )
    return number


def _store(
    db: Database,
    key: str,
    value: int,
    original: int | None,
    *,
    label: Text,
    default: int,
    limits: tuple[int, int],
) -> None:
    """Save a period; ``original`` is the one the user saw (another user's other period
    saved meanwhile is a ``ConflictError``, vrus.conflicts)."""
    store_setting(
        db,
        key,
        value,
        label=label,
        original=original,
        read=lambda text: _stored_number({} if text is None else {key: text}, key, default, limits),
    )


def set_contact_months(db: Database, months: object, original: int | None = None) -> int:
    """Set how many months after leaving contact and health data is removed; returns it.
    ``original`` is the period the user saw (for the conflict check)."""
    value = _checked("contact_months", months, CONTACT_MONTHS_LIMITS, translate("Core", "months"))
    _store(
        db,
        CONTACT_MONTHS_SETTING,
        value,
        original,
        label=translate("Core", "Remove contact and health data after (months)"),
        default=DEFAULT_CONTACT_MONTHS,
        limits=CONTACT_MONTHS_LIMITS,
    )
    return value


def set_course_years(db: Database, years: object, original: int | None = None) -> int:
    """Set how many years after the course year a person is erased; returns it.
    ``original`` is the period the user saw (for the conflict check)."""
    value = _checked("course_years", years, COURSE_YEARS_LIMITS, translate("Core", "years"))
    _store(
        db,
        COURSE_YEARS_SETTING,
        value,
        original,
        label=translate("Core", "Erase the person after (years)"),
        default=DEFAULT_COURSE_YEARS,
        limits=COURSE_YEARS_LIMITS,
    )
    return value


# --- who is due ----------------------------------------------------------------------------


class Step(StrEnum):
    CONTACT = "contact"  # step 1: contact and health data and guardians are removed
    ERASE = "erase"  # step 2: the person is erased, coarse statistics stay


STEP_ORDER = (Step.CONTACT, Step.ERASE)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` so many months later; the 31st becomes the month's last day (30.11 + 3 months
    is 28.02, or 29.02 in a leap year)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@dataclass(frozen=True)
class DuePerson:
    person_id: int
    first_name: str
    last_name: str
    step: Step
    due_since: dt.date
    left_on: dt.date  # the last sign of the person (see the module's note)
    last_year: int  # the last course year: the last year with a membership or attendance
    erase_from: dt.date  # when step 2 is (or will be) due

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def action(self) -> Text:
        """What applying does to this person, in one sentence."""
        if self.step is Step.ERASE:
            return translate(
                "Core",
                "Erase: name, contact and health data, notes and exact dates go; gender, birth "
                "year, municipality, ensemble, section and seasons stay for statistics",
            )
        return translate(
            "Core",
            "Remove contact and health data and guardians; name, birth date and attendance "
            "stay for course grant reports until {date}",
        ).format(date=format_date(self.erase_from - dt.timedelta(days=1)))


@dataclass(frozen=True)
class RetentionPlan:
    """What is due on ``today`` by ``rule``: persons by step, then name."""

    today: dt.date
    rule: RetentionRule
    persons: list[DuePerson]
    # Entries of the audit trail past its keeping period (``vrus.audit``), deleted too.
    audit_expired: int = 0

    def of(self, step: Step) -> list[DuePerson]:
        return [p for p in self.persons if p.step is step]

    def ids(self, step: Step) -> list[int]:
        return [p.person_id for p in self.of(step)]

    @property
    def empty(self) -> bool:
        return not self.persons and not self.audit_expired


@dataclass(frozen=True)
class _Candidate:
    person_id: int
    first_name: str
    last_name: str
    left_on: dt.date
    last_year: int


def _candidates(session: Session) -> list[_Candidate]:
    """Every person who is not erased and has no open membership, with the last sign of them."""
    memberships = (
        select(
            Membership.person_id.label("person_id"),
            func.max(Membership.end_date).label("ended"),
            func.sum(case((Membership.end_date.is_(None), 1), else_=0)).label("open"),
        )
        .group_by(Membership.person_id)
        .subquery()
    )
    attended = (
        select(Attendance.person_id.label("person_id"), func.max(EventDay.date).label("last_day"))
        .join(EventDay, EventDay.id == Attendance.event_day_id)
        .group_by(Attendance.person_id)
        .subquery()
    )
    query = (
        select(
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.created_at,
            memberships.c.ended,
            attended.c.last_day,
        )
        .outerjoin(memberships, memberships.c.person_id == Person.id)
        .outerjoin(attended, attended.c.person_id == Person.id)
        .where(
            Person.erased_at.is_(None),
            or_(memberships.c.open.is_(None), memberships.c.open == 0),
        )
    )
    found = []
    for pid, first, last, created, ended, last_day in session.execute(query):
        # No membership: the day the register got the person stands in for the end.
        start = ended if ended is not None else clock.local_date(created)
        left_on = max(start, last_day) if last_day is not None else start
        found.append(_Candidate(pid, first, last, left_on, left_on.year))
    return found


def _holding_contact_or_health(session: Session, ids: Iterable[int]) -> set[int]:
    """Those of ``ids`` that still hold something step 1 removes (the same list as
    ``vrus.erasure.remove_contact_and_health`` clears)."""
    wanted = list(ids)
    if not wanted:
        return set()

    # An empty text holds nothing (has_contact_or_health asks for a true value too).
    filled = [
        getattr(Person, name).is_not(None) & (getattr(Person, name) != "")
        for name in (*CONTACT_COLUMNS, *HEALTH_COLUMNS, "notes")
    ]
    held: set[int] = set()
    for chunk in _chunks(wanted):
        held.update(session.scalars(select(Person.id).where(Person.id.in_(chunk), or_(*filled))))
        for column, extra in (
            (PersonDiet.person_id, ()),
            (Allergy.person_id, ()),
            (PersonGuardian.person_id, ()),
            (Consent.person_id, (Consent.kind == ConsentKind.HEALTH_DATA.value,)),
        ):
            held.update(session.scalars(select(column).where(column.in_(chunk), *extra)))
    return held


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    # SQLite allows a limited number of bound values in one statement.
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _name_order(person: DuePerson) -> tuple:
    return (
        STEP_ORDER.index(person.step),
        sort_key(person.last_name),
        sort_key(person.first_name),
        person.person_id,
    )


def due(session: Session, today: dt.date | None = None) -> RetentionPlan:
    """The persons due for step 1 or step 2 on ``today``, by step and name."""
    today = clock.or_today(today)
    rule = retention_rule(session)
    found: list[DuePerson] = []
    contact_due: list[tuple[_Candidate, dt.date, dt.date]] = []
    for candidate in _candidates(session):
        contact_from = add_months(candidate.left_on, rule.contact_months)
        erase_from = max(dt.date(candidate.last_year + rule.course_years + 1, 1, 1), contact_from)
        if erase_from <= today:
            found.append(_due(candidate, Step.ERASE, erase_from, erase_from))
        elif contact_from <= today:
            contact_due.append((candidate, contact_from, erase_from))
    holding = _holding_contact_or_health(session, (c.person_id for c, _f, _e in contact_due))
    found += [
        _due(candidate, Step.CONTACT, since, erase_from)
        for candidate, since, erase_from in contact_due
        if candidate.person_id in holding
    ]
    found.sort(key=_name_order)
    return RetentionPlan(today, rule, found, audit.expired_entries(session, today))


def _due(candidate: _Candidate, step: Step, since: dt.date, erase_from: dt.date) -> DuePerson:
    return DuePerson(
        candidate.person_id,
        candidate.first_name,
        candidate.last_name,
        step,
        since,
        candidate.left_on,
        candidate.last_year,
        erase_from,
    )


# --- doing it ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionResult:
    """What ``apply`` did: the ids of the persons each step changed, and how many audit
    entries past their keeping period were deleted."""

    today: dt.date
    contact_removed: list[int]
    erased: list[int]
    audit_deleted: int = 0

    @property
    def nothing(self) -> bool:
        return not self.contact_removed and not self.erased and not self.audit_deleted


def still_due(session: Session, plan: RetentionPlan) -> RetentionPlan:
    """Of a plan made earlier (shown for review), what is still due, for the same step, by
    the rule now: a person who rejoined meanwhile, or a rule made longer, drops out; no one
    is added or moved to a harder step that was not shown; audit entries are deleted only
    if the plan showed some."""
    now = due(session, plan.today)
    current = {(p.person_id, p.step) for p in now.persons}
    return RetentionPlan(
        plan.today,
        now.rule,
        [p for p in plan.persons if (p.person_id, p.step) in current],
        now.audit_expired if plan.audit_expired else 0,
    )


def apply(db: Database, plan: RetentionPlan | dt.date | None = None) -> RetentionResult:
    """Do what is due: erase the persons due for step 2, remove the contact and health data
    of those due for step 1, and delete the audit entries past their keeping period.

    Given a ``RetentionPlan`` (what the user reviewed), only what is still due of it is done;
    given a day (default today), what is due on that day. Each step is one transaction of
    ``vrus.erasure``; erasures go into the erasure journal, so a restored backup is erased
    again."""
    with db.sessions() as session:
        chosen = still_due(session, plan) if isinstance(plan, RetentionPlan) else due(session, plan)
    erase_ids, contact_ids = chosen.ids(Step.ERASE), chosen.ids(Step.CONTACT)
    erased = erase_persons(db, erase_ids) if erase_ids else []
    removed = remove_contact_and_health(db, contact_ids) if contact_ids else []
    # Last: the steps above write entries of their own (dated today, so not expired).
    deleted = audit.delete_expired_entries(db, chosen.today) if chosen.audit_expired else 0
    if erased or removed or deleted:
        # Counts only: the log never names a person.
        log.info(
            "retention: erased %d, removed contact data of %d, deleted %d audit entries",
            len(erased),
            len(removed),
            deleted,
        )
    return RetentionResult(chosen.today, removed, erased, deleted)
