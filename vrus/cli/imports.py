"""``vrus import members FILE [--dry-run]``: the command-line face of the member import, and
``vrus import signups EVENT FILE``: the answers of a web form (Nettskjema, Microsoft Forms,
Google Forms) as the event's sign-ups, all or none (``vrus.importing.signup_form``)."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler, parse_event_id, positive_int

if TYPE_CHECKING:
    from vrus.db.engine import Database
    from vrus.importing.signup_form import AnswerRow, FormMapping, SignupPlan
    from vrus.importing.sources import Table


def cmd_import_members(
    db: Database, path: str | Path, dry_run: bool, out: TextIO, *, today: dt.date | None = None
) -> ExitCode:
    """Print the summary and every problem; ERROR when a row has an error (nothing was
    written).

    ``today`` (default: the clock) is the day ages and missing join dates count from.

    A file that cannot be read at all raises ``ImportFileError`` (a ``VrusError``), which the
    ``vrus`` command prints as its one-line error like any other.
    """
    from vrus.importing.members import import_members

    report = import_members(db, path, dry_run=dry_run, today=today)
    for line in report.lines():
        print(line, file=out)
    return ExitCode.OK if report.ok else ExitCode.ERROR


# --- sign-ups from a web form --------------------------------------------------------------

_FIELDS = (
    "name",
    "first_name",
    "last_name",
    "birth_date",
    "attending",
    "days",
    "lunch",
    "health",
    "message",
    "submitted",
)


def _field_header(text: str) -> tuple[str, str]:
    field, equals, header = text.partition("=")
    field = field.strip().lower().replace("-", "_")
    if not equals or field not in _FIELDS:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not FIELD=HEADER with FIELD one of {', '.join(_FIELDS)}"
        )
    return field, header.strip()


def _day_header(text: str) -> tuple[dt.date, str]:
    from vrus.validation import ValidationError, parse_date

    day, equals, header = text.partition("=")
    try:
        if not equals:
            raise ValueError
        return parse_date(day.strip()), header.strip()
    except (ValueError, ValidationError):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not DATE=HEADER with DATE as dd.mm.yyyy"
        ) from None


def _row_person(text: str) -> tuple[int, int]:
    row, equals, person = text.partition("=")
    if not (equals and row.strip().isdigit() and person.strip().isdigit()):
        raise argparse.ArgumentTypeError(f"'{text}' is not ROW=PERSON_ID (two whole numbers)")
    return int(row), int(person)


def _column(table: Table, given: str, option: str) -> str:
    """The file's header the user meant: as written, or the same but for case, spaces and
    punctuation."""
    from vrus.errors import VrusError
    from vrus.importing.folding import compact_fold

    if given in table.headers:
        return given
    same = [h for h in table.headers if compact_fold(h) == compact_fold(given)]
    if same:
        return same[0]
    columns = "; ".join(f'"{h}"' for h in table.headers if h)
    raise VrusError(f'{option}: the file has no column "{given}"; its columns are {columns}')


def _changed_mapping(
    db: Database,
    event_id: int,
    table: Table,
    mapping: FormMapping,
    maps: Sequence[tuple[str, str]],
    day_columns: Sequence[tuple[dt.date, str]],
) -> FormMapping:
    """The suggested mapping with the user's --map and --day-column: a header the user maps
    is taken from whatever it was mapped to before; an empty HEADER unmaps."""
    from vrus.errors import VrusError
    from vrus.events import get_event
    from vrus.importing.signup_form import FormField, FormMapping

    fields = dict(mapping.fields)
    days = dict(mapping.days)

    def take(header: str) -> None:
        for form_field in [f for f, h in fields.items() if h == header]:
            del fields[form_field]
        for day_id in [d for d, h in days.items() if h == header]:
            del days[day_id]

    for name, given in maps:
        field = FormField(name)
        fields.pop(field, None)
        if given:
            header = _column(table, given, "--map")
            take(header)
            fields[field] = header
    if day_columns:
        with db.sessions() as session:
            by_date = {day.date: day.id for day in get_event(session, event_id).days}
        for date, given in day_columns:
            if date not in by_date:
                raise VrusError(f"--day-column: {date:%d.%m.%Y} is not a day of event {event_id}")
            days.pop(by_date[date], None)
            if given:
                header = _column(table, given, "--day-column")
                take(header)
                days[by_date[date]] = header
    return FormMapping({f: fields[f] for f in FormField if f in fields}, dict(sorted(days.items())))


def _print_mapping(
    db: Database, event_id: int, mapping: FormMapping, remembered: bool, out: TextIO
) -> None:
    from vrus.dates import format_with_weekday
    from vrus.db.models import EventDay
    from vrus.importing.signup_form import FormField, field_label

    source = "remembered for this form" if remembered else "guessed from the headers"
    print(
        f"Columns ({source}; change with --map FIELD=HEADER, --day-column DATE=HEADER):",
        file=out,
    )
    for field, header in mapping.fields.items():
        print(f'  {field.value:<11} {str(field_label(field)):<20} <- "{header}"', file=out)
    if mapping.days:
        with db.sessions() as session:
            dates = {day_id: session.get(EventDay, day_id) for day_id in mapping.days}
        for day_id, header in mapping.days.items():
            day = dates[day_id]
            label = format_with_weekday(day.date) if day is not None else f"day {day_id}"
            print(f'  {"day":<11} {label:<20} <- "{header}"', file=out)
    missing = [f.value for f in FormField if f not in mapping.fields]
    if missing:
        print(f"  not mapped: {', '.join(missing)}", file=out)


def _days_text(row: AnswerRow, days: dict[int, dt.date]) -> str:
    from vrus.dates import weekday_name

    if row.attending == "no":
        return "not coming"
    coming = [d for d in sorted(days, key=days.__getitem__) if d not in row.absent_day_ids]
    text = "coming " + ", ".join(f"{weekday_name(days[d])} {days[d]:%d.%m}" for d in coming)
    if row.absent_day_ids:
        skipped = sorted(row.absent_day_ids & set(days), key=days.__getitem__)
        text += " (not " + ", ".join(f"{weekday_name(days[d])} {days[d]:%d.%m}" for d in skipped)
        text += ")"
    return text + ("; lunch" if row.wants_lunch else "; no lunch")


def _given(row: AnswerRow) -> str:
    born = f", {row.given_birth_date:%d.%m.%Y}" if row.given_birth_date else ", no birth date"
    return f'"{row.given_name}"{born}'


def _print_plan(plan: SignupPlan, days: dict[int, dt.date], out: TextIO) -> None:
    from vrus.importing.signup_form import Match

    def section(title: str, rows: Iterable[Any]) -> list[Any]:
        rows = list(rows)
        if rows:
            print(f"\n{title} ({len(rows)}):", file=out)
        return rows

    for row in section("Signed up", plan.signups):
        how = f" [{row.reason}]" if row.reason else ""
        print(f"  row {row.row}: {row.person_name} - {_days_text(row, days)}{how}", file=out)
    for row in section("Near matches, not taken", plan.of(Match.NEAR)):
        print(f"  row {row.row}: {_given(row)} - {row.reason}", file=out)
        for c in row.candidates:
            born = f"{c.birth_date:%d.%m.%Y}" if c.birth_date else "no birth date"
            invited = ", invited" if c.invited else ""
            print(
                f"      {c.name}, {born} (id {c.person_id}{invited}): {c.reason}"
                f"  -> --match {row.row}={c.person_id}",
                file=out,
            )
        print(f"      none of them: --no-match {row.row}", file=out)
    not_written = [r for r in plan.rows if r.match is Match.MATCHED and not r.written]
    for row in section("Unmatched or not written", [*plan.of(Match.UNMATCHED), *not_written]):
        why = row.reason if row.match is Match.UNMATCHED else "says nothing about coming"
        print(f"  row {row.row}: {_given(row)} - {why}", file=out)
        for c in row.candidates:
            print(f"      {c.name} (id {c.person_id}): {c.reason}", file=out)
    for row in section("Replaced", plan.of(Match.REPLACED)):
        print(f"  row {row.row}: {row.given_name} - {row.reason}", file=out)
    for proposal in section("Changes of allergies and diets proposed", plan.proposals):
        print(
            f"  {proposal.name} (id {proposal.person_id}, row {proposal.row}): "
            f'now "{proposal.current}", the form says "{proposal.proposed}"'
            f"  -> --accept-health {proposal.person_id}",
            file=out,
        )
    for problem in section("Warnings", plan.warnings):
        print(f"  {problem}", file=out)


def cmd_import_signups(
    db: Database,
    event_id: int,
    path: str | Path,
    dry_run: bool,
    out: TextIO,
    *,
    maps: Sequence[tuple[str, str]] = (),
    day_columns: Sequence[tuple[dt.date, str]] = (),
    matches: Sequence[tuple[int, int]] = (),
    no_matches: Sequence[int] = (),
    accept_health: Sequence[int] = (),
    accept_all_health: bool = False,
    today: dt.date | None = None,
) -> ExitCode:
    """Print the mapping and what the answers do; write them unless ``dry_run``. A file with
    an unreadable answer is refused whole (ERROR, nothing written)."""
    from vrus.errors import VrusError
    from vrus.events import get_event
    from vrus.importing.signup_form import (
        apply_signups,
        mapping_remembered,
        plan_signups,
        read_form,
        suggest_mapping,
    )

    table = read_form(path)
    suggested = suggest_mapping(db, event_id, table)
    mapping = _changed_mapping(db, event_id, table, suggested, maps, day_columns)
    _print_mapping(db, event_id, mapping, mapping_remembered(db, table), out)
    choices: dict[int, int | None] = {row: person for row, person in matches}
    choices.update((row, None) for row in no_matches)
    plan = plan_signups(db, event_id, table, mapping, choices=choices, today=today)
    if plan.errors:
        print(f"\nRefused: {len(plan.errors)} error(s); nothing was written.", file=out)
        for problem in plan.errors:
            print(f"error: {problem}", file=out)
        return ExitCode.ERROR
    with db.sessions() as session:
        days = {day.id: day.date for day in get_event(session, event_id).days}
    _print_plan(plan, days, out)
    proposed = [p.person_id for p in plan.proposals]
    accept = proposed if accept_all_health else list(dict.fromkeys(accept_health))
    unknown = [pid for pid in accept if pid not in proposed]
    if unknown:
        raise VrusError(
            f"--accept-health: no change of allergies or diets is proposed for person "
            f"{', '.join(map(str, unknown))}"
        )
    near = len([r for r in plan.rows if r.match.value == "near"])
    print(
        f"\n{len(plan.rows)} answer(s): {len(plan.signups)} to sign up, {near} near match(es) "
        f"not taken, {len(plan.rows) - len(plan.signups) - near} not written; "
        f"{len(plan.proposals)} change(s) of allergies and diets proposed, {len(accept)} "
        "accepted.",
        file=out,
    )
    if dry_run:
        print("Dry run: nothing was written.", file=out)
        return ExitCode.OK
    result = apply_signups(db, plan, accept=accept)
    print(
        f"Written: {result.written} sign-up(s), {result.accepted} change(s) of allergies "
        "and diets; the columns are remembered for this form.",
        file=out,
    )
    return ExitCode.OK


def add_commands(subparsers: Any) -> None:
    imp = subparsers.add_parser("import", help="import from a spreadsheet (CSV or XLSX)")
    what = imp.add_subparsers(dest="what", metavar="WHAT", required=True)
    members = what.add_parser("members", help="import members; all rows or none")
    members.add_argument("file", metavar="FILE")
    members.add_argument(
        "--dry-run",
        action="store_true",
        help="check the file and show what would change; write nothing",
    )
    members.set_defaults(handler=handler(cmd_import_members, path="file", dry_run="dry_run"))
    signups = what.add_parser(
        "signups",
        help="an event's sign-ups from a web form's answers (Nettskjema, Microsoft Forms, "
        "Google Forms; CSV or XLSX): all answers or none",
    )
    signups.add_argument("event", metavar="EVENT", type=parse_event_id, help="the event's id")
    signups.add_argument("file", metavar="FILE")
    signups.add_argument(
        "--dry-run", action="store_true", help="show what the answers would do; write nothing"
    )
    signups.add_argument(
        "--map",
        dest="maps",
        metavar="FIELD=HEADER",
        action="append",
        type=_field_header,
        default=[],
        help=f"read FIELD from the column HEADER (empty: from none); FIELD: {', '.join(_FIELDS)}",
    )
    signups.add_argument(
        "--day-column",
        dest="day_columns",
        metavar="DATE=HEADER",
        action="append",
        type=_day_header,
        default=[],
        help="the yes/no column for the event's day DATE (dd.mm.yyyy; empty HEADER: none)",
    )
    signups.add_argument(
        "--match",
        dest="matches",
        metavar="ROW=PERSON_ID",
        action="append",
        type=_row_person,
        default=[],
        help="the answer in ROW is PERSON_ID's (a near match offered, or any person)",
    )
    signups.add_argument(
        "--no-match",
        dest="no_matches",
        metavar="ROW",
        action="append",
        type=positive_int,
        default=[],
        help="the answer in ROW is none of the persons offered: not written",
    )
    health = signups.add_mutually_exclusive_group()
    health.add_argument(
        "--accept-health",
        metavar="PERSON_ID",
        action="append",
        type=positive_int,
        default=[],
        help="write the form's allergies and diets for PERSON_ID, replacing the register's",
    )
    health.add_argument(
        "--accept-all-health",
        action="store_true",
        help="write every change of allergies and diets the form proposes",
    )
    signups.set_defaults(
        handler=handler(
            cmd_import_signups,
            event_id="event",
            path="file",
            dry_run="dry_run",
            maps="maps",
            day_columns="day_columns",
            matches="matches",
            no_matches="no_matches",
            accept_health="accept_health",
            accept_all_health="accept_all_health",
        )
    )
