"""The study associations' rules for adult-education course grants (voksenopplæring), kept as
register-wide settings so every user of the register applies the same rules.

Today's rules are the defaults: a participant must turn 14 in the course year at the latest
and attend at least 75 % of the hours; the course must have at least 4 hours and at least 4
participants who count. Rules change: in 2014 a course needed at least 8 hours. A rule can
therefore be set for all years (``course_grant.min_hours``) or for one course year
(``course_grant.min_hours.2014``); the year's own value wins, then the built-in history below,
then the value for all years, then the default.

A built-in rule of the history can be removed for the register (``remove_built_in_rule``,
kept as ``course_grant.built_in_removed.min_hours.2014``) and restored again: that year then
follows the rule for all years, which is today's default unless set otherwise. So some rule
always applies; ``AppliedRules.removed`` names the built-in rules that were set aside, so
the report can say so.
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
REMOVED = "built_in_removed"  # course_grant.built_in_removed.<rule>.<year>: not applied


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
    # Rules whose built-in value for the year was removed in the register (they follow the
    # rule for all years instead), in RULE_NAMES order.
    removed: tuple[str, ...] = ()

    @property
    def from_defaults(self) -> bool:
        return all(source is Source.DEFAULT for source in self.sources.values())


def setting_key(name: str, year: int | None = None) -> str:
    return f"{PREFIX}{name}" + (f".{year}" if year is not None else "")


def removed_key(name: str, year: int) -> str:
    """The setting that sets the built-in rule ``name`` of ``year`` aside."""
    return f"{PREFIX}{REMOVED}.{name}.{year}"


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
    rules, sources, removed = CourseRules(), {}, []
    for name in RULE_NAMES:
        value, source = getattr(rules, name), Source.DEFAULT
        built_in = name in HISTORY.get(year, {})
        if built_in and removed_key(name, year) in stored:
            built_in = False
            removed.append(name)
        candidates = [
            (setting_key(name), Source.ALL_YEARS),
            (None, Source.HISTORY),
            (setting_key(name, year), Source.YEAR),
        ]
        for key, kind in candidates:
            if kind is Source.HISTORY:
                if built_in:
                    value, source = HISTORY[year][name], kind
            elif key in stored:
                try:
                    value, source = _parse(name, stored[key]), kind
                except ValidationError:
                    continue  # a value broken outside the program: keep the one before
        rules = replace(rules, **{name: value})
        sources[name] = source
    return AppliedRules(year, rules, sources, tuple(removed))


def year_overrides(session: Session) -> list[tuple[int, str]]:
    """(year, rule) of every rule set for one course year, by year then rule."""
    keys = session.scalars(select(Setting.key).where(Setting.key.startswith(PREFIX)))
    found = []
    for key in keys:
        name, _dot, year = key.removeprefix(PREFIX).rpartition(".")
        if name in RULE_NAMES and year.isdigit():
            found.append((int(year), name))
    return sorted(found, key=lambda item: (item[0], RULE_NAMES.index(item[1])))


def removed_built_in_rules(session: Session) -> list[tuple[int, str]]:
    """(year, rule) of every built-in rule removed in the register, by year then rule."""
    keys = set(session.scalars(select(Setting.key).where(Setting.key.startswith(PREFIX))))
    return [
        (year, name)
        for year, rules in sorted(HISTORY.items())
        for name in RULE_NAMES
        if name in rules and removed_key(name, year) in keys
    ]


def _built_in(name: str, year: int) -> None:
    if name not in HISTORY.get(year, {}):
        raise ValidationError(
            "rule",
            translate("Core", "there is no built-in rule for '{name}' in {year}").format(
                name=name, year=str(year)
            ),
        )


def remove_built_in_rule(db: Database, year: int, name: str) -> None:
    """Stop applying the built-in rule ``name`` of ``year`` (the 2014 course hours): courses
    that end that year follow the rule for all years, unless a rule is set for the year."""
    _built_in(name, year)
    with db.transaction() as session:
        if session.get(Setting, removed_key(name, year)) is None:
            session.add(Setting(key=removed_key(name, year), value="1"))


def restore_built_in_rule(db: Database, year: int, name: str) -> None:
    """Apply the built-in rule ``name`` of ``year`` again (undoes ``remove_built_in_rule``)."""
    _built_in(name, year)
    with db.transaction() as session:
        row = session.get(Setting, removed_key(name, year))
        if row is not None:
            session.delete(row)


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
