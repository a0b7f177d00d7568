"""One spreadsheet row -> the person, membership and details it describes, with every
problem the row has (all of them, not just the first, so one round of fixing is enough)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from vrus.ages import AgeFlag, Limits, age_flags, season_age
from vrus.collation import search_fold
from vrus.db.enums import ConsentKind
from vrus.importing import values
from vrus.importing.headers import Columns
from vrus.importing.report import Problem, Severity
from vrus.importing.sources import Cell
from vrus.texts import Text, as_text, translate
from vrus.validation import (
    ValidationError,
    format_date,
    normalise_phone,
    parse_date,
    require_name,
    validate_birth_date,
    validate_email,
    validate_postal_code,
)

T = TypeVar("T")

# Plain text columns of a person: field -> the register's column width.
_TEXT_FIELDS = {"address": 200, "postal_place": 100, "notes": 10_000}
_NUMBERED = re.compile(r"\d{3,4}")  # a municipality cell with a number names one row

PersonKey = tuple[str, str, dt.date]


@dataclass(frozen=True)
class GuardianValue:
    first_name: str
    last_name: str
    phone: str | None
    email: str | None
    relation: str | None = None


@dataclass(frozen=True)
class MembershipValue:
    ensemble_id: int
    instrument_id: int | None
    start: dt.date
    end: dt.date | None
    reason: str | None
    note: str | None


@dataclass
class PlannedRow:
    """What one valid row will do. ``None`` for a detail means "the cell was empty: leave the
    register's value as it is"; an empty list means "the cell said none"."""

    row: int
    first_name: str
    last_name: str
    birth_date: dt.date
    person: dict[str, Any] = field(default_factory=dict)  # Person columns to set
    instrument_ids: list[int] | None = None
    diets: list[str] | None = None
    allergies: list[values.AllergyValue] | None = None
    # The consents that are to hold (True) or not (False) after the import; None or a kind
    # left out: as they are.
    consents: dict[ConsentKind, bool] | None = None
    guardians: list[GuardianValue] = field(default_factory=list)
    membership: MembershipValue | None = None
    match_id: int | None = None  # the person in the register this row updates
    # Rows the municipality's name means equally (Asker 0220/3025/3203): a person stored
    # under one of them keeps it, so importing a file again never flips the era.
    same_municipality: frozenset[int] = frozenset()

    @property
    def key(self) -> PersonKey:
        return person_key(self.first_name, self.last_name, self.birth_date)

    def describe(self) -> Text:
        return translate("Core", "{first} {last}, born {date}").format(
            first=self.first_name, last=self.last_name, date=format_date(self.birth_date)
        )


def person_key(first: str, last: str, born: dt.date) -> PersonKey:
    """Same person: names equal ignoring case and accents (Zoë = Zoe, not Ø = O), same birth."""
    return (search_fold(first), search_fold(last), born)


class RowReader:
    """Reads the cells of one row by field, converting and collecting problems."""

    def __init__(
        self, number: int, cells: list[Cell], columns: Columns, problems: list[Problem]
    ) -> None:
        self.number = number
        self.cells = cells
        self.columns = columns
        self.problems = problems
        self.failed = False

    def has(self, name: str) -> bool:
        return name in self.columns.positions

    def raw(self, name: str) -> Cell:
        if name not in self.columns.positions:
            return None
        index = self.columns.positions[name][0]
        return self.cells[index] if index < len(self.cells) else None

    def report(self, name: str, message: Text | str, severity: Severity = "error") -> None:
        self.problems.append(
            Problem(self.number, self.columns.header(name), as_text(message), severity)
        )
        if severity == "error":
            self.failed = True

    def warner(self, name: str) -> Callable[[Text], None]:
        return lambda message: self.report(name, message, "warning")

    def get(self, name: str, convert: Callable[[Cell], T]) -> T | None:
        """The converted cell, or None when it is empty or wrong (then reported)."""
        value = self.raw(name)
        if value is None:
            return None
        try:
            return convert(value)
        except ValidationError as error:
            self.report(name, error.message)
            return None

    def required(self, name: str, convert: Callable[[Cell], T], why: Text) -> T | None:
        if self.has(name) and self.raw(name) is None:
            self.report(name, translate("Core", "missing: {why}").format(why=why))
            return None
        return self.get(name, convert)


def _quoted(check: Callable[[str], str]) -> Callable[[Cell], str]:
    """Run a validation on the cell as text."""
    return lambda value: check(values.as_text(value))


def read_row(reader: RowReader, reference: values.Reference, today: dt.date) -> PlannedRow | None:
    """The plan for one row, or None when it has an error (all its problems are reported)."""
    first = reader.required(
        "first_name",
        _quoted(lambda t: require_name(t, "first_name")),
        translate("Core", "every row needs a first name"),
    )
    last = reader.required(
        "last_name",
        _quoted(lambda t: require_name(t, "last_name")),
        translate("Core", "every row needs a last name"),
    )
    born = reader.required(
        "birth_date",
        lambda v: validate_birth_date(v, today=today),
        translate("Core", "the birth date tells persons with the same name apart"),
    )
    planned = PlannedRow(reader.number, first or "", last or "", born or today)
    # The row speaks of the time its membership began: "Asker" with a join date in 2014 is
    # the Asker of 2014. Without one, of the day of the import.
    _read_person(reader, reference, planned, _join_day(reader, today) or today)
    _read_details(reader, planned)
    _read_consents(reader, planned)
    _read_guardians(reader, planned)
    _read_membership(reader, reference, planned, today, born)
    if reader.failed or first is None or last is None or born is None:
        return None
    return planned


def _join_day(reader: RowReader, today: dt.date) -> dt.date | None:
    """The row's join date if it holds a good one; a bad one is reported with the membership."""
    value = reader.raw("joined")
    if value is None:
        return None
    try:
        return parse_date(value, today=today)
    except ValidationError:
        return None


def _read_person(
    reader: RowReader, reference: values.Reference, planned: PlannedRow, day: dt.date
) -> None:
    person = planned.person
    setters: dict[str, Callable[[Cell], Any]] = {
        "gender": values.gender,
        "phone": lambda v: normalise_phone(values.as_text(v)),
        "email": _quoted(validate_email),
        "postal_code": lambda v: validate_postal_code(
            v if isinstance(v, int) else values.as_text(v)
        ),
    }
    setters.update(
        {
            name: partial(values.limited, field=name, limit=width)
            for name, width in _TEXT_FIELDS.items()
        }
    )
    for name, convert in setters.items():
        value = reader.get(name, convert)
        if value is not None:
            person[name] = value
    _read_municipality(reader, reference, planned, day)
    if reader.raw("culture_school") is not None:
        school = reference.culture_school(reader.raw("culture_school"))
        if school is None:
            reader.report(
                "culture_school",
                translate(
                    "Core", "'{value}' is not a culture school in the register; left empty"
                ).format(value=values.as_text(reader.raw("culture_school"))),
                "warning",
            )
        else:
            person["culture_school_id"] = school


def _read_municipality(
    reader: RowReader, reference: values.Reference, planned: PlannedRow, day: dt.date
) -> None:
    if reader.has("municipality") and reader.raw("municipality") is None:
        reader.report(
            "municipality",
            translate("Core", "empty: the person will not count in the recruitment report"),
            "warning",
        )
        return
    code = planned.person.get("postal_code")
    found = reader.get(
        "municipality",
        lambda v: reference.municipality(v, reader.warner("municipality"), day, code),
    )
    if found is None:
        return
    planned.person["municipality_id"] = found.id
    if not _NUMBERED.search(values.as_text(reader.raw("municipality"))):
        # A name alone: any era of it will do. A number names exactly one row.
        planned.same_municipality = reference.same_municipality(found)
    if not found.in_region:
        reader.report(
            "municipality",
            translate("Core", "{municipality} is outside Vestregionen").format(
                municipality=found.name
            ),
            "warning",
        )


def _read_consents(reader: RowReader, planned: PlannedRow) -> None:
    """The consents column names every consent that holds; the older photo column says yes
    or no for photos alone. Both on one row must agree."""
    listed = reader.get("consents", values.consents)
    photo = reader.get("photo_consent", lambda v: values.yes_no(v, "photo_consent"))
    if listed is None and photo is None:
        return
    wanted = dict(listed or {})
    if photo is not None:
        if listed is not None and listed[ConsentKind.PHOTO] != photo:
            reader.report(
                "photo_consent",
                translate("Core", "says otherwise about photos than the consents column"),
            )
            return
        wanted[ConsentKind.PHOTO] = photo
    planned.consents = wanted


def _read_details(reader: RowReader, planned: PlannedRow) -> None:
    diet = reader.get("diet", values.diet)
    note = reader.get("diet_note", values.diet_note)
    if diet is not None:
        planned.diets, planned.person["diet_note"] = diet
    if note:
        # Its own column does not add the diet other; text beyond the known diets is kept.
        written = planned.person.get("diet_note")
        planned.person["diet_note"] = f"{written}; {note}" if written else note
    planned.allergies = reader.get("allergies", values.allergies)


def _read_guardians(reader: RowReader, planned: PlannedRow) -> None:
    persons = (
        reader.get(
            "guardian",
            lambda v: values.guardian_persons(values.guardian_names(v), planned.last_name),
        )
        or []
    )
    phones = (
        reader.get(
            "guardian_phone",
            lambda v: [None if p is None else normalise_phone(p) for p in values.split_contacts(v)],
        )
        or []
    )
    emails = (
        reader.get(
            "guardian_email",
            lambda v: [None if e is None else validate_email(e) for e in values.split_contacts(v)],
        )
        or []
    )
    for name, found in (("guardian_phone", phones), ("guardian_email", emails)):
        if not persons:
            if any(found):
                reader.report(
                    name,
                    translate(
                        "Core", "not imported: no guardian named in '{column}' on this row"
                    ).format(column=reader.columns.header("guardian")),
                    "warning",
                )
        elif len(found) > len(persons):
            reader.report(
                name,
                translate(
                    "Core",
                    "{given} given for {guardians} guardian(s); give them in the same order "
                    "as the names",
                ).format(given=len(found), guardians=len(persons)),
            )
    planned.guardians = [
        GuardianValue(
            g.first_name,
            g.last_name,
            phones[i] if i < len(phones) else None,
            emails[i] if i < len(emails) else None,
            g.relation,
        )
        for i, g in enumerate(persons)
    ]


def _read_membership(
    reader: RowReader,
    reference: values.Reference,
    planned: PlannedRow,
    today: dt.date,
    born: dt.date | None,
) -> None:
    instruments = reader.get("instrument", reference.instruments)
    planned.instrument_ids = instruments
    ensemble = reader.get("ensemble", reference.ensemble)
    joined = reader.get("joined", lambda v: parse_date(v, today=today))
    left = reader.get("left", lambda v: parse_date(v, today=today))
    reason = reader.get("end_reason", lambda v: values.end_reason(v, reader.warner("end_reason")))
    start = joined or today  # the register starts now when the sheet does not say when
    if joined is not None and born is not None and joined < born:
        reader.report(
            "joined",
            translate("Core", "{date} is before the birth date").format(date=format_date(joined)),
        )
    if left is not None and left < start:
        reader.report(
            "left",
            translate("Core", "{date} is before the join date {joined}").format(
                date=format_date(left), joined=format_date(start)
            ),
        )
    if reason is not None and left is None:
        reader.report(
            "end_reason",
            translate("Core", "a reason for leaving needs a date in '{column}'").format(
                column=reader.columns.header("left")
            ),
        )
    if ensemble is None:
        if reader.has("ensemble") and reader.raw("ensemble") is None:
            reader.report(
                "ensemble",
                translate("Core", "empty: the person is registered without a membership"),
                "warning",
            )
        return
    code, note = reason if reason is not None else (None, None)
    planned.membership = MembershipValue(
        ensemble.id, instruments[0] if instruments else None, start, left, code, note
    )
    if born is not None and (left is None or left >= today):
        _check_age(reader, ensemble, born, today)


# The ages a current member can have in the year of an import: outside them the birth date is
# wrong (a two-digit year read in the wrong century), not the ensemble.
REGISTER_MIN_AGE = 4
REGISTER_MAX_AGE = 30


def _check_age(
    reader: RowReader, ensemble: values.EnsembleRef, born: dt.date, today: dt.date
) -> None:
    """Warn when a current member's age this season is outside the ensemble's limits; refuse
    the row when it is outside every ensemble's (a misread year: "14.03.30" is 1930)."""
    age = season_age(born, today.year)
    if age is not None and not REGISTER_MIN_AGE <= age <= REGISTER_MAX_AGE:
        reader.report(
            "birth_date",
            translate(
                "Core",
                "born {date}: {age} years old in {year}, far outside every ensemble's ages"
                " ({low}–{high})",
            ).format(
                date=format_date(born),
                age=age,
                year=today.year,
                low=REGISTER_MIN_AGE,
                high=REGISTER_MAX_AGE,
            ),
        )
        return
    flags = age_flags(age, Limits(ensemble.min_age, ensemble.max_age))
    if AgeFlag.BELOW_MINIMUM in flags:
        reader.report(
            "ensemble",
            translate(
                "Core", "turns {age} this year, below the minimum age of {ensemble} ({limit})"
            ).format(age=age, ensemble=ensemble.name, limit=ensemble.min_age),
            "warning",
        )
    elif AgeFlag.ABOVE_MAXIMUM in flags:
        reader.report(
            "ensemble",
            translate(
                "Core", "turns {age} this year, above the maximum age of {ensemble} ({limit})"
            ).format(age=age, ensemble=ensemble.name, limit=ensemble.max_age),
            "warning",
        )
