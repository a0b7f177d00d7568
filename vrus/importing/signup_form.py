"""Sign-ups from a web form: the answers a coordinator downloads from Nettskjema, Microsoft
Forms or Google Forms (CSV or XLSX) become the event's sign-ups, all of them or none.

The steps, each a function the window and ``vrus import signups`` share:

1. ``read_form``: the file as a table (``vrus.importing.sources.read_table``).
2. ``suggest_mapping``: which column is what (``FormField``) and which column answers for which
   day of the event. A form's mapping is remembered once applied (``remember_mapping``), by
   the form's headers, so the next download of the same form maps itself.
3. ``plan_signups``: reads every answer, matches it to a person, and says what would be
   written; nothing is written. Unreadable cells are errors (``SignupPlan.errors``) and refuse
   the whole file. A near match is never taken unless chosen (``choices``).
4. ``apply_signups``: writes the plan in one transaction, with the health changes accepted.

What an answer means:

- Coming: yes when the answer says yes to the event (ATTENDING) or to at least one day (a
  DAYS list, or per-day yes/no columns); the days it says no to are then absences. No to
  everything it asks is a "no". An answer whose coming-cells are all empty says nothing: it
  is not written (a warning, not an error: the family may have meant only to tell about
  lunch, and refusing the whole file for that would help no one). A form that asks nothing
  about coming at all (no such column mapped) is a sign-up form: every answer is a yes.
- Lunch: yes only when said (an empty cell is no), and only with a yes to coming.
- Message: becomes the sign-up's note (cut to the note's length, with a warning); an empty
  cell clears it. With no column mapped to MESSAGE, notes already written stay.
- Birth date: an empty cell is no error, matching has less to go on; an unreadable one is.
- Several answers for one person: the one sent last (SUBMITTED, when every one of them has
  it), else the lowest in the file, is written; the others are REPLACED.
- Health: a proposal when the form's text differs from the register; never written unless
  accepted (``apply_signups(accept=...)``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from vrus import clock
from vrus.collation import sort_key
from vrus.dates import day_text
from vrus.db.enums import Answer, Diet
from vrus.db.models import (
    Allergy,
    Event,
    EventDay,
    Person,
    PersonDiet,
    Setting,
    SignUp,
    SignUpAbsence,
)
from vrus.errors import VrusError
from vrus.events import get_event
from vrus.importing.folding import loose_fold
from vrus.importing.report import Problem
from vrus.importing.signup_cells import (
    Day,
    Health,
    birth_date,
    days_answer,
    health,
    health_text,
    slashes_day_first,
    submitted_at,
    yes_no_answer,
)
from vrus.importing.signup_columns import (
    form_key,
    guess_mapping,
    recalled_mapping,
    remember,
    stored_mapping,
)
from vrus.importing.signup_matching import PersonIndex, PersonRef, load_persons
from vrus.importing.sources import Cell, Table, read_table
from vrus.importing.values import AllergyValue
from vrus.importing.values import as_text as as_value_text
from vrus.signups import NOTE_LIMIT, invited_members
from vrus.texts import Text, as_text, translate
from vrus.validation import ValidationError, refuse_control_characters

if TYPE_CHECKING:
    from vrus.db.engine import Database

log = logging.getLogger(__name__)
T = TypeVar("T")
_EMPTY: Mapping[int, int | None] = MappingProxyType({})


class FormField(StrEnum):
    """What a form column can be mapped to."""

    NAME = "name"  # the participant's full name (or FIRST_NAME + LAST_NAME)
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    BIRTH_DATE = "birth_date"
    ATTENDING = "attending"  # one yes/no for the whole event
    DAYS = "days"  # one column listing the days coming ("Lørdag, Søndag")
    LUNCH = "lunch"  # yes/no
    HEALTH = "health"  # allergies / diet, free text
    MESSAGE = "message"  # -> SignUp.note
    SUBMITTED = "submitted"  # the answer's timestamp (orders duplicates)


FIELD_LABELS: dict[FormField, Text] = {
    FormField.NAME: translate("Core", "Participant's name"),
    FormField.FIRST_NAME: translate("Core", "First name"),
    FormField.LAST_NAME: translate("Core", "Last name"),
    FormField.BIRTH_DATE: translate("Core", "Birth date"),
    FormField.ATTENDING: translate("Core", "Coming (yes/no)"),
    FormField.DAYS: translate("Core", "Days coming"),
    FormField.LUNCH: translate("Core", "Lunch (yes/no)"),
    FormField.HEALTH: translate("Core", "Allergies and diet"),
    FormField.MESSAGE: translate("Core", "Message"),
    FormField.SUBMITTED: translate("Core", "Submitted at"),
}


def field_label(field: FormField) -> Text:
    """The field's name as the wizard and the command line show it."""
    return FIELD_LABELS[FormField(field)]


@dataclass(frozen=True)
class FormMapping:
    """Which header each field is read from (a field not mapped is absent), and per event day
    (by ``EventDay.id``) the header of a yes/no column answering for that day alone."""

    fields: Mapping[FormField, str] = field(default_factory=dict)
    days: Mapping[int, str] = field(default_factory=dict)

    def header(self, form_field: FormField) -> str | None:
        return self.fields.get(form_field)

    @property
    def asks_attendance(self) -> bool:
        """Whether any column says who comes; without one, an answer is a sign-up."""
        return bool(
            self.days or FormField.ATTENDING in self.fields or FormField.DAYS in self.fields
        )


class Match(StrEnum):
    MATCHED = "matched"  # will be written
    NEAR = "near"  # a likely person, offered; written only when chosen
    UNMATCHED = "unmatched"  # no person found (the reason says why)
    REPLACED = "replaced"  # a later answer for the same person replaces this one


@dataclass(frozen=True)
class Candidate:
    person_id: int
    name: str  # "First Last"
    birth_date: dt.date | None  # as the register has it (None: not recorded)
    reason: Text  # why this person is offered ("birth date equal, name spelt differently")
    invited: bool = False  # invited to the event


@dataclass(frozen=True)
class AnswerRow:
    row: int  # the row number as the spreadsheet shows it (header = 1)
    given_name: str
    given_birth_date: dt.date | None
    match: Match
    person_id: int | None
    person_name: str | None
    candidates: tuple[Candidate, ...]  # for NEAR (and for UNMATCHED when persons came close)
    reason: Text | None  # why near / unmatched / replaced, or how it matched
    attending: str  # an Answer value; UNKNOWN: the answer says nothing about coming
    absent_day_ids: frozenset[int]  # days the person said no to (with attending YES only)
    wants_lunch: bool
    note: str | None
    submitted: dt.datetime | None = None

    @property
    def written(self) -> bool:
        """Whether ``apply_signups`` writes this row."""
        return self.match is Match.MATCHED and self.attending != Answer.UNKNOWN.value


@dataclass(frozen=True)
class HealthProposal:
    """A change to a person's diets and allergies that the form's answer proposes; written
    only when accepted, and then it replaces what the register has."""

    person_id: int
    name: str
    row: int
    current: str  # readable: "vegetar, laktosefri; Nøtter (alvorlig)" ("" for nothing)
    proposed: str
    diets: tuple[str, ...]  # Diet values
    diet_note: str | None
    allergies: tuple[AllergyValue, ...]


@dataclass(frozen=True)
class SignupPlan:
    event_id: int
    rows: tuple[AnswerRow, ...]
    problems: tuple[Problem, ...]  # errors refuse the file; warnings are told
    proposals: tuple[HealthProposal, ...]
    mapping: FormMapping = field(default_factory=FormMapping)
    headers: tuple[str, ...] = ()  # the form's headers (its identity, for remembering)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def signups(self) -> tuple[AnswerRow, ...]:
        """The rows that will be written."""
        return tuple(row for row in self.rows if row.written)

    def of(self, match: Match) -> tuple[AnswerRow, ...]:
        return tuple(row for row in self.rows if row.match is match)


@dataclass(frozen=True)
class SignupResult:
    written: int  # sign-ups created or updated
    replaced: int  # answers replaced by a later one from the same person
    unmatched: int  # answers not written: unmatched, near and not chosen, nothing said
    accepted: int  # health proposals written


def read_form(path: str | Path) -> Table:
    """The form's answers as a table: CSV (any delimiter and encoding) or XLSX."""
    return read_table(path)


def suggest_mapping(db: Database, event_id: int, table: Table) -> FormMapping:
    """The mapping remembered for this form (its headers), else one guessed from the
    headers' words and the event's days."""
    with db.sessions() as session:
        days = _event_days(get_event(session, event_id))
        recalled = recalled_mapping(session, table.headers, days)
    fields, per_day = recalled if recalled is not None else guess_mapping(table.headers, days)
    return _mapping(fields, per_day)


def remember_mapping(db: Database, table: Table, mapping: FormMapping) -> None:
    """Keep ``mapping`` for the form with ``table``'s headers (in the register's settings)."""
    with db.transaction() as session:
        _remember(session, table.headers, mapping)


def mapping_remembered(db: Database, table: Table) -> bool:
    """Whether a mapping is remembered for the form with ``table``'s headers."""
    with db.sessions() as session:
        return session.get(Setting, form_key(table.headers)) is not None


def plan_signups(
    db: Database,
    event_id: int,
    table: Table,
    mapping: FormMapping,
    *,
    choices: Mapping[int, int | None] = _EMPTY,
    today: dt.date | None = None,
) -> SignupPlan:
    """What the form's answers would write; reads only. ``choices`` maps a row number to
    the person chosen for it (None: none of the candidates); ``today`` (default: the clock)
    is the day birth dates must not lie after."""
    today = clock.or_today(today)
    with db.sessions() as session:
        event = get_event(session, event_id)
        days = _event_days(event)
        problems = _mapping_problems(table, mapping, days)
        problems += _choice_problems(table, choices)
        if any(p.severity == "error" for p in problems):
            return SignupPlan(event_id, (), tuple(problems), (), mapping, tuple(table.headers))
        invited = set(invited_members(session, event)) if event.days else set()
        index = PersonIndex(load_persons(session, invited))
        reader = _Reader(table, mapping, days, today, problems)
        answers = [
            reader.answer(number, cells)
            for number, cells in zip(table.numbers, table.rows, strict=True)
        ]
        rows = [_matched(answer, index, choices, problems) for answer in answers]
        rows = _without_duplicates(rows)
        proposals = _proposals(session, rows, {a.row: a for a in answers})
    return SignupPlan(
        event_id, tuple(rows), tuple(problems), proposals, mapping, tuple(table.headers)
    )


def apply_signups(db: Database, plan: SignupPlan, *, accept: Iterable[int] = ()) -> SignupResult:
    """Write the plan in one transaction (all answers or none) with the health proposals of
    the persons in ``accept``, and remember the mapping. Refuses a plan with errors.

    An accepted proposal replaces the person's diets, diet note and allergies with the
    form's: the family told us how things are now, so an allergy the form no longer names
    is gone (merging would keep what they just left out). Refusing is the coordinator's
    choice, proposal by proposal."""
    if plan.errors:
        raise VrusError(_refusal(plan.errors))
    accepted = set(accept)
    proposals = {p.person_id: p for p in plan.proposals}
    unknown = sorted(accepted - set(proposals))
    if unknown:
        raise VrusError(
            translate(
                "Core", "no change of diets or allergies is proposed for person {ids}"
            ).format(ids=", ".join(str(i) for i in unknown))
        )
    rows = plan.signups
    try:
        _write(db, plan, rows, accepted, proposals)
    except (IntegrityError, StaleDataError):
        # Another user answered for one of these persons, or edited them, since the file
        # was checked: the transaction is rolled back whole.
        raise VrusError(
            translate(
                "Core",
                "the register changed since the file was checked; nothing was written: "
                "check the file again",
            )
        ) from None
    result = SignupResult(
        written=len(rows),
        replaced=len(plan.of(Match.REPLACED)),
        unmatched=len(plan.rows) - len(rows) - len(plan.of(Match.REPLACED)),
        accepted=len(accepted),
    )
    log.info(
        "sign-up form for event %s: %s written, %s replaced, %s not written, %s health changes",
        plan.event_id,
        result.written,
        result.replaced,
        result.unmatched,
        result.accepted,
    )
    return result


def _write(
    db: Database,
    plan: SignupPlan,
    rows: Sequence[AnswerRow],
    accepted: set[int],
    proposals: Mapping[int, HealthProposal],
) -> None:
    """The one transaction of ``apply_signups``."""
    with db.transaction() as session:
        event = get_event(session, plan.event_id)
        day_ids = {day.id for day in event.days}
        persons = _persons_still_there(session, [r.person_id for r in rows if r.person_id])
        existing = {
            s.person_id: s
            for s in session.scalars(
                select(SignUp)
                .where(SignUp.event_id == plan.event_id)
                .options(selectinload(SignUp.absences))
            )
        }
        keep_notes = FormField.MESSAGE not in plan.mapping.fields
        for row in rows:
            assert row.person_id is not None  # a written row is matched
            _write_signup(
                session, plan.event_id, existing.get(row.person_id), row, day_ids, keep_notes
            )
        for person_id in sorted(accepted):
            _write_health(
                persons.get(person_id) or _person(session, person_id), proposals[person_id]
            )
        _remember(session, plan.headers, plan.mapping)


# --- the mapping -----------------------------------------------------------------------------


def _event_days(event: Event) -> list[Day]:
    return [(day.id, day.date) for day in sorted(event.days, key=lambda d: (d.date, d.id))]


def _mapping(fields: Mapping[str, str], days: Mapping[int, str]) -> FormMapping:
    return FormMapping(
        {f: fields[f.value] for f in FormField if f.value in fields},
        dict(sorted(days.items())),
    )


def _remember(session: Session, headers: Sequence[str], mapping: FormMapping) -> None:
    dates = dict(
        session.execute(
            select(EventDay.id, EventDay.date).where(EventDay.id.in_(list(mapping.days)))
        ).all()
    )
    fields = {f.value: header for f, header in mapping.fields.items()}
    remember(session, headers, stored_mapping(fields, mapping.days, dates))


def _mapping_problems(table: Table, mapping: FormMapping, days: Sequence[Day]) -> list[Problem]:
    """A mapping the file cannot be read with: a header it does not have, one header for two
    things, no name, a day not of this event."""
    found: list[Problem] = []
    at = table.header_row
    headers = set(table.headers)
    used: dict[str, Text] = {}
    targets = [(field_label(f), h) for f, h in mapping.fields.items()]
    by_id = dict(days)
    for day_id, header in mapping.days.items():
        if day_id not in by_id:
            found.append(
                Problem(
                    at,
                    header,
                    translate("Core", "is mapped to a day that is not a day of this event"),
                )
            )
            continue
        targets.append((day_text(by_id[day_id]), header))
    for label, header in targets:
        if header not in headers:
            found.append(
                Problem(
                    at,
                    header,
                    translate("Core", "the file has no such column ({field})").format(field=label),
                )
            )
        elif header in used:
            found.append(
                Problem(
                    at,
                    header,
                    translate("Core", "is mapped twice: to {first} and to {second}").format(
                        first=used[header], second=label
                    ),
                )
            )
        used.setdefault(header, label)
    fields = mapping.fields
    if FormField.NAME not in fields and not (
        FormField.FIRST_NAME in fields and FormField.LAST_NAME in fields
    ):
        found.append(
            Problem(
                at,
                "",
                translate(
                    "Core",
                    "no column is mapped to the participant's name (or to first and last name)",
                ),
            )
        )
    return found


def _choice_problems(table: Table, choices: Mapping[int, int | None]) -> list[Problem]:
    rows = set(table.numbers)
    return [
        Problem(
            table.header_row,
            "",
            translate("Core", "row {row} is not an answer in the file").format(row=row),
        )
        for row in sorted(choices)
        if row not in rows
    ]


# --- reading the answers ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Answer:
    row: int
    name: str
    birth_date: dt.date | None
    attending: str
    absent_day_ids: frozenset[int]
    wants_lunch: bool
    note: str | None
    submitted: dt.datetime | None
    health: Health | None


class _Reader:
    """Reads the mapped cells of each row; every unreadable cell becomes an error."""

    def __init__(
        self,
        table: Table,
        mapping: FormMapping,
        days: Sequence[Day],
        today: dt.date,
        problems: list[Problem],
    ) -> None:
        self.mapping = mapping
        self.days = days
        self.today = today
        self.problems = problems
        self.columns = {h: i for i, h in reversed(list(enumerate(table.headers)))}
        submitted = mapping.fields.get(FormField.SUBMITTED)
        self.day_first = submitted is not None and slashes_day_first(
            self._cell(cells, submitted) for cells in table.rows
        )

    def _cell(self, cells: Sequence[Cell], header: str) -> Cell:
        index = self.columns[header]
        return cells[index] if index < len(cells) else None

    def _read(
        self, row: int, cells: Sequence[Cell], form_field: FormField, read: Callable[[Cell], T]
    ) -> T | None:
        header = self.mapping.fields.get(form_field)
        if header is None:
            return None
        return self._read_column(row, cells, header, read)

    def _read_column(
        self, row: int, cells: Sequence[Cell], header: str, read: Callable[[Cell], T]
    ) -> T | None:
        value = self._cell(cells, header)
        if value is None:
            return None
        try:
            return read(value)
        except ValidationError as error:
            self.problems.append(Problem(row, header, as_text(error.message)))
            return None

    def answer(self, row: int, cells: Sequence[Cell]) -> _Answer:
        read = partial(self._read, row, cells)
        name = self._name(cells)
        born = read(FormField.BIRTH_DATE, lambda v: birth_date(v, self.today))
        attending, absent = self._attending(row, cells)
        lunch = read(FormField.LUNCH, lambda v: yes_no_answer(v, "lunch"))
        note = read(FormField.MESSAGE, partial(self._note, row))
        submitted = read(FormField.SUBMITTED, lambda v: submitted_at(v, day_first=self.day_first))
        found = read(FormField.HEALTH, health)
        if attending == Answer.UNKNOWN.value:
            self.problems.append(
                Problem(
                    row,
                    "",
                    translate("Core", "the answer says nothing about coming; it is not written"),
                    "warning",
                )
            )
        return _Answer(
            row=row,
            name=name,
            birth_date=born,
            attending=attending,
            absent_day_ids=absent,
            wants_lunch=bool(lunch) and attending == Answer.YES.value,
            note=note,
            submitted=submitted,
            health=found,
        )

    def _name(self, cells: Sequence[Cell]) -> str:
        fields = self.mapping.fields
        if FormField.NAME in fields:
            parts = [self._cell(cells, fields[FormField.NAME])]
        else:
            parts = [
                self._cell(cells, fields[f]) for f in (FormField.FIRST_NAME, FormField.LAST_NAME)
            ]
        return " ".join(as_value_text(p) for p in parts if p is not None)

    def _note(self, row: int, value: Cell) -> str | None:
        text = " ".join(as_value_text(value).split())
        refuse_control_characters(text, "note")
        if len(text) > NOTE_LIMIT:
            self.problems.append(
                Problem(
                    row,
                    self.mapping.fields[FormField.MESSAGE],
                    translate(
                        "Core", "longer than the {limit} characters a sign-up's note keeps; cut"
                    ).format(limit=NOTE_LIMIT),
                    "warning",
                )
            )
            text = text[: NOTE_LIMIT - 1] + "…"
        return text or None

    def _attending(self, row: int, cells: Sequence[Cell]) -> tuple[str, frozenset[int]]:
        """Yes when coming on at least one day; the days said no to then are absences. A
        form without any question about coming is a sign-up form: every answer is a yes."""
        if not self.mapping.asks_attendance:
            return Answer.YES.value, frozenset()
        all_days = {day_id for day_id, _ in self.days}
        whole = self._read(row, cells, FormField.ATTENDING, lambda v: yes_no_answer(v, "attending"))
        listed = self._read(row, cells, FormField.DAYS, lambda v: days_answer(v, self.days))
        coming: set[int] = set(listed or ())
        not_coming: set[int] = all_days - listed if listed is not None else set()
        for day_id, header in self.mapping.days.items():
            said = self._read_column(row, cells, header, lambda v: yes_no_answer(v, "days"))
            if said is True:
                coming.add(day_id)
            elif said is False:
                not_coming.add(day_id)
        absent = frozenset(not_coming - coming)
        if whole is False:
            return Answer.NO.value, frozenset()
        if whole is True or coming:
            if all_days and absent >= all_days:
                return Answer.NO.value, frozenset()
            return Answer.YES.value, absent
        if not_coming:
            return Answer.NO.value, frozenset()
        return Answer.UNKNOWN.value, frozenset()


# --- matching --------------------------------------------------------------------------------


def _candidate(person: PersonRef, reason: Text) -> Candidate:
    return Candidate(person.id, person.name, person.birth_date, reason, person.invited)


def _matched(
    answer: _Answer,
    index: PersonIndex,
    choices: Mapping[int, int | None],
    problems: list[Problem],
) -> AnswerRow:
    found = index.match(answer.name, answer.birth_date)
    candidates = tuple(_candidate(p, reason) for p, reason in found.candidates)
    match, person, reason = Match(found.kind), found.person, found.reason
    if answer.row in choices:
        chosen = choices[answer.row]
        if chosen is None:
            match, person = Match.UNMATCHED, None
            reason = translate("Core", "none of the persons offered, as chosen")
        else:
            ref = index.get(chosen)
            if ref is None or ref.archived:
                problems.append(
                    Problem(
                        answer.row,
                        "",
                        translate(
                            "Core", "person {id} is not in the register (or is archived)"
                        ).format(id=chosen),
                    )
                )
            else:
                match, person = Match.MATCHED, ref
                reason = translate("Core", "chosen by you")
    return AnswerRow(
        row=answer.row,
        given_name=answer.name,
        given_birth_date=answer.birth_date,
        match=match,
        person_id=person.id if person is not None and match is Match.MATCHED else None,
        person_name=person.name if person is not None and match is Match.MATCHED else None,
        candidates=candidates,
        reason=reason,
        attending=answer.attending,
        absent_day_ids=answer.absent_day_ids,
        wants_lunch=answer.wants_lunch,
        note=answer.note,
        submitted=answer.submitted,
    )


def _without_duplicates(rows: list[AnswerRow]) -> list[AnswerRow]:
    """Of several answers for one person the latest is written: by the time sent when every
    one of them has it, else the lower in the file. The others are REPLACED, naming it."""
    by_person: dict[int, list[AnswerRow]] = {}
    for row in rows:
        if row.written and row.person_id is not None:
            by_person.setdefault(row.person_id, []).append(row)
    replaced_by: dict[int, int] = {}
    for answers in by_person.values():
        if len(answers) < 2:
            continue
        if all(a.submitted is not None for a in answers):
            latest = max(answers, key=lambda a: (a.submitted, a.row))
        else:
            latest = max(answers, key=lambda a: a.row)
        replaced_by.update((a.row, latest.row) for a in answers if a is not latest)
    return [
        replace(
            row,
            match=Match.REPLACED,
            reason=translate("Core", "replaced by the later answer in row {row}").format(
                row=replaced_by[row.row]
            ),
        )
        if row.row in replaced_by
        else row
        for row in rows
    ]


# --- health ----------------------------------------------------------------------------------


def _proposals(
    session: Session, rows: Sequence[AnswerRow], answers: Mapping[int, _Answer]
) -> tuple[HealthProposal, ...]:
    """A proposal for every written answer whose allergies and diets differ from the
    person's in the register."""
    wanted = [
        (row, answers[row.row].health)
        for row in rows
        if row.written and answers[row.row].health is not None
    ]
    ids = [row.person_id for row, _ in wanted]
    persons = {
        p.id: p
        for p in session.scalars(
            select(Person)
            .where(Person.id.in_(ids))
            .options(selectinload(Person.diets), selectinload(Person.allergies))
        )
    }
    found = []
    for row, form in wanted:
        assert form is not None and row.person_id is not None
        person = persons[row.person_id]
        current = _current_health(person)
        proposed = _proposed_health(person, form)
        if _comparable(current) != _comparable(proposed):
            found.append(
                HealthProposal(
                    person_id=person.id,
                    name=person.full_name,
                    row=row.row,
                    current=health_text(*current),
                    proposed=health_text(*proposed),
                    diets=proposed[0],
                    diet_note=proposed[1],
                    allergies=proposed[2],
                )
            )
    return tuple(found)


_Health = tuple[tuple[str, ...], str | None, tuple[AllergyValue, ...]]


def _current_health(person: Person) -> _Health:
    diets = {row.diet for row in person.diets}
    allergies = sorted(person.allergies, key=lambda a: (sort_key(a.allergen), a.id or 0))
    return (
        tuple(d.value for d in Diet if d.value in diets),
        person.diet_note or None,
        tuple(AllergyValue(a.allergen, a.severity, a.note) for a in allergies),
    )


def _proposed_health(person: Person, form: Health) -> _Health:
    """The form's diets and allergies; for an allergy the register has and the form names
    without a severity or note, the register's severity and note stay (a family writing
    "nøtter" has not said the EpiPen is no longer needed)."""
    known = {loose_fold(a.allergen): a for a in person.allergies}
    allergies = []
    for allergy in form.allergies:
        key = loose_fold(allergy.allergen)
        stored = known.get(key)
        if stored is not None and key not in form.explicit:
            allergy = AllergyValue(stored.allergen, stored.severity, stored.note)
        allergies.append(allergy)
    return form.diets, form.diet_note, tuple(sorted(allergies, key=lambda a: sort_key(a.allergen)))


def _comparable(health_: _Health) -> tuple[object, ...]:
    diets, note, allergies = health_
    return (
        frozenset(diets),
        (note or "").strip(),
        frozenset((loose_fold(a.allergen), a.severity, a.note or "") for a in allergies),
    )


# --- writing ---------------------------------------------------------------------------------


def _refusal(errors: Sequence[Problem]) -> Text:
    shown = "; ".join(str(p) for p in errors[:3])
    more = len(errors) - 3
    if more > 0:
        shown += str(translate("Core", "; and {count} more").format(count=more))
    return translate("Core", "the file has {count} error(s); nothing was written: {errors}").format(
        count=len(errors), errors=shown
    )


def _persons_still_there(session: Session, ids: Sequence[int]) -> dict[int, Person]:
    persons = {
        p.id: p
        for p in session.scalars(
            select(Person)
            .where(Person.id.in_(list(ids)))
            .options(selectinload(Person.diets), selectinload(Person.allergies))
        )
    }
    if any(
        pid not in persons
        or persons[pid].erased_at is not None
        or persons[pid].archived_at is not None
        for pid in ids
    ):
        raise VrusError(
            translate(
                "Core",
                "the register changed since the file was checked (a person was archived or "
                "removed); nothing was written: check the file again",
            )
        )
    return persons


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.erased_at is not None:
        raise VrusError(
            translate("Core", "person {id} is not in the register").format(id=person_id)
        )
    return person


def _write_signup(
    session: Session,
    event_id: int,
    signup: SignUp | None,
    row: AnswerRow,
    day_ids: set[int],
    keep_note: bool,
) -> None:
    if signup is None:
        signup = SignUp(event_id=event_id, person_id=row.person_id)
        session.add(signup)
    signup.attending = row.attending
    signup.wants_lunch = row.wants_lunch
    if not keep_note:
        signup.note = row.note
    wanted = set(row.absent_day_ids) & day_ids if row.attending == Answer.YES.value else set()
    for absence in [a for a in signup.absences if a.event_day_id not in wanted]:
        signup.absences.remove(absence)
    present = {a.event_day_id for a in signup.absences}
    signup.absences.extend(
        SignUpAbsence(event_day_id=day_id) for day_id in sorted(wanted - present)
    )


def _write_health(person: Person, proposal: HealthProposal) -> None:
    """Replace the person's diets, diet note and allergies with the proposal's. Rows kept are
    changed in place: the unit of work inserts before it deletes, so re-adding a row with a
    key being removed would clash (as ``vrus.importing.writing`` does it)."""
    diets = set(proposal.diets)
    for diet_row in [d for d in person.diets if d.diet not in diets]:
        person.diets.remove(diet_row)
    present = {d.diet for d in person.diets}
    person.diets.extend(PersonDiet(diet=d) for d in proposal.diets if d not in present)
    person.diet_note = proposal.diet_note
    wanted = {loose_fold(a.allergen): a for a in proposal.allergies}
    for row in list(person.allergies):
        allergy = wanted.pop(loose_fold(row.allergen), None)
        if allergy is None:
            person.allergies.remove(row)
        else:
            row.severity, row.note = allergy.severity, allergy.note
    person.allergies.extend(
        Allergy(allergen=a.allergen, severity=a.severity, note=a.note) for a in wanted.values()
    )
