"""The study associations' rules for adult-education course grants (voksenopplæring), kept as
register-wide settings so every user of the register applies the same rules.

Today's rules are the defaults: a participant must turn 14 in the course year at the latest
and attend at least 75 % of the hours; the course must have at least 4 hours and at least 4
participants who count. Rules change: in 2014 a course needed at least 8 hours. A rule can
therefore be set for all years (``course_grant.min_hours``) or for one course year
(``course_grant.min_hours.2014``); the year's own value wins, then the built-in history below,
then the value for all years, then the default.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from vrus.db.engine import Database
from vrus.db.models import Setting
from vrus.texts import translate
from vrus.validation import ValidationError

PREFIX = "course_grant."


@dataclass(frozen=True)
class CourseRules:
    min_age: int = 14  # the age a participant turns in the course year, at the latest
    min_attendance_percent: int = 75  # of the course hours
    min_hours: Decimal = Decimal(4)  # of the course
    min_participants: int = 4  # who count

    @property
    def min_minutes(self) -> Decimal:
        return self.min_hours * 60


# What the sources tell about earlier years (the 2014 annual report's year). Years not listed
# here use the current rules unless a setting for the year says otherwise.
HISTORY: dict[int, dict[str, Decimal | int]] = {2014: {"min_hours": Decimal(8)}}
# (lowest, highest) allowed value of each rule
LIMITS: dict[str, tuple[Decimal, Decimal]] = {
    "min_age": (Decimal(0), Decimal(99)),
    "min_attendance_percent": (Decimal(0), Decimal(100)),
    "min_hours": (Decimal("0.25"), Decimal(1000)),
    "min_participants": (Decimal(1), Decimal(1000)),
}
RULE_NAMES = tuple(f.name for f in fields(CourseRules))


class Source(StrEnum):
    DEFAULT = "default"
    ALL_YEARS = "setting"  # set for all years
    HISTORY = "history"  # the built-in rule of that year
    YEAR = "year_setting"  # set for that year


@dataclass(frozen=True)
class AppliedRules:
    year: int
    rules: CourseRules
    sources: dict[str, Source]

    @property
    def from_defaults(self) -> bool:
        return all(source is Source.DEFAULT for source in self.sources.values())


def setting_key(name: str, year: int | None = None) -> str:
    return f"{PREFIX}{name}" + (f".{year}" if year is not None else "")


def _parse(name: str, raw: object) -> Decimal | int:
    if name not in LIMITS:
        raise ValidationError(
            "rule",
            translate("Core", "'{name}' is not a course grant rule: use {names}").format(
                name=name, names=", ".join(RULE_NAMES)
            ),
        )
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError(
            name, translate("Core", "'{value}' is not a number").format(value=raw)
        ) from None
    low, high = LIMITS[name]
    if not value.is_finite() or not low <= value <= high:
        raise ValidationError(
            name,
            translate("Core", "must be between {low} and {high}").format(
                low=str(low), high=str(high)
            ),
        )
    if name == "min_hours":
        return value
    if value != value.to_integral_value():
        raise ValidationError(
            name, translate("Core", "'{value}' is not a whole number").format(value=raw)
        )
    return int(value)


def course_rules(session: Session, year: int) -> AppliedRules:
    """The rules that apply to a course ending in ``year``, and where each came from."""
    stored = dict(
        session.execute(
            select(Setting.key, Setting.value).where(Setting.key.startswith(PREFIX))
        ).all()
    )
    rules, sources = CourseRules(), {}
    for name in RULE_NAMES:
        value, source = getattr(rules, name), Source.DEFAULT
        candidates = [
            (setting_key(name), Source.ALL_YEARS),
            (None, Source.HISTORY),
            (setting_key(name, year), Source.YEAR),
        ]
        for key, kind in candidates:
            if kind is Source.HISTORY:
                if name in HISTORY.get(year, {}):
                    value, source = HISTORY[year][name], kind
            elif key in stored:
                try:
                    value, source = _parse(name, stored[key]), kind
                except ValidationError:
                    continue  # a value broken outside the program: keep the one before
        rules = replace(rules, **{name: value})
        sources[name] = source
    return AppliedRules(year, rules, sources)


def year_overrides(session: Session) -> list[tuple[int, str]]:
    """(year, rule) of every rule set for one course year, by year then rule."""
    keys = session.scalars(select(Setting.key).where(Setting.key.startswith(PREFIX)))
    found = []
    for key in keys:
        name, _dot, year = key.removeprefix(PREFIX).rpartition(".")
        if name in RULE_NAMES and year.isdigit():
            found.append((int(year), name))
    return sorted(found, key=lambda item: (item[0], RULE_NAMES.index(item[1])))


def set_course_rule(db: Database, name: str, value: object, year: int | None = None) -> None:
    """Set a rule for every year, or for one course ``year``; ``value`` None removes it."""
    key = setting_key(name, year)
    with db.transaction() as session:
        if value is None or value == "":
            _parse(name, getattr(CourseRules(), name))  # refuses an unknown name
            row = session.get(Setting, key)
            if row is not None:
                session.delete(row)
            return
        text = str(_parse(name, value))
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=text))
        else:
            row.value = text
