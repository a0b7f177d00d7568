"""``vrus events``: list the season, add an event, sign up all invited members, cancel an
event (and take the cancellation back).

Failures raise ``VrusError``, which the ``vrus`` command prints as one line
("vrus: error: ...").

The text listing spells out each date's weekday in Norwegian, as the window does
("lørdag 08.02.2014"); csv and json carry ISO dates plus the weekday for scripts.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler, parse_event_id, print_warning, resolve_ensemble
from vrus.dates import format_with_weekday, weekday_name
from vrus.db.enums import EventKind, IrisType
from vrus.spreadsheets import csv_rows
from vrus.validation import ValidationError, parse_date

if TYPE_CHECKING:
    from vrus.db.engine import Database
    from vrus.seasons import EventSummary

FORMATS = ("text", "csv", "json")
CSV_COLUMNS = (
    "event_id",
    "kind",
    "iris_type",
    "title",
    "venue",
    "date",
    "weekday",
    "weekday_nb",
    "start_time",
    "end_time",
    "invited",
    "present",
    "warning",
)
# Field names of the core's ValidationError, as the options the user typed (the season
# follows from the date, so a year out of range is the date's fault).
_OPTION_OF = {"start": "--date", "date": "--date", "season": "--date"}


def _times(start: Any, end: Any) -> str:
    if start is None and end is None:
        return ""
    return f"{start:%H:%M}-{end:%H:%M}" if start and end else f"{(start or end):%H:%M}"


# --- list ----------------------------------------------------------------------------------


def _text_block(event: EventSummary) -> list[str]:
    kind = f"{event.kind}/{event.iris_type}" if event.iris_type else event.kind
    venue = f", {event.venue}" if event.venue else ""
    cancelled = " (cancelled)" if event.cancelled else ""
    lines = [f"#{event.id} {event.title}{cancelled} [{kind}]{venue}"]
    for day in event.days:
        present = f"present {day.present}" if day.recorded else ""
        lines.append(
            f"    {day.label('nb'):<18} {_times(day.start_time, day.end_time):<11}"
            f" {present}".rstrip()
        )
    if event.invited:
        lines.append(f"    invited: {', '.join(event.invited)}")
    lines += [f"    warning: {text}" for text in event.warnings]
    return lines


def _write_text(events: list[EventSummary], year: int, out: TextIO) -> None:
    if not events:
        out.write(f"No events in season {year}.\n")
        return
    out.write(f"Season {year}: {len(events)} event(s)\n")
    for event in events:
        out.write("\n" + "\n".join(_text_block(event)) + "\n")


def _write_csv(events: list[EventSummary], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(_csv_records(events)))


def _csv_records(events: list[EventSummary]) -> Iterator[list[object]]:
    for event in events:
        warned = {w.day: w.text() for w in event.day_warnings}
        for day in event.days:
            yield [
                event.id,
                event.kind,
                event.iris_type or "",
                event.title,
                event.venue or "",
                day.date.isoformat(),
                weekday_name(day.date, "en"),
                weekday_name(day.date, "nb"),
                f"{day.start_time:%H:%M}" if day.start_time else "",
                f"{day.end_time:%H:%M}" if day.end_time else "",
                "; ".join(event.invited),
                day.present if day.recorded else "",
                warned.get(day.date, ""),
            ]


def _json_event(event: EventSummary) -> dict[str, Any]:
    return {
        "id": event.id,
        "kind": event.kind,
        "iris_type": event.iris_type,
        "title": event.title,
        "venue": event.venue,
        "project": event.project,
        "audience_count": event.audience_count,
        "invited": list(event.invited),
        "partners": list(event.partners),
        "turnout": event.turnout,
        "cancelled": event.cancelled,
        "days": [
            {
                "id": d.id,
                "date": d.date.isoformat(),
                "weekday": weekday_name(d.date, "en"),
                "weekday_nb": weekday_name(d.date, "nb"),
                "start_time": d.start_time.isoformat("minutes") if d.start_time else None,
                "end_time": d.end_time.isoformat("minutes") if d.end_time else None,
                "present": d.present if d.recorded else None,
            }
            for d in event.days
        ],
        "warnings": [
            {"code": w.code.value, "date": w.day.isoformat(), "text": w.text()}
            for w in event.day_warnings
        ],
    }


def cmd_events_list(
    db: Database, *, season: int | None = None, fmt: str = "text", out: TextIO
) -> ExitCode:
    """``vrus events list``: the season's events in date order (default: this year)."""
    from vrus.seasons import current_season_year, list_events

    if fmt not in FORMATS:
        raise ValidationError("format", f"'{fmt}' is not a format: use {', '.join(FORMATS)}")
    year = season if season is not None else current_season_year()
    with db.sessions() as session:
        events = list_events(session, year)
    if fmt == "csv":
        _write_csv(events, out)
    elif fmt == "json":
        json.dump(
            {"season": year, "events": [_json_event(e) for e in events]},
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        _write_text(events, year, out)
    return ExitCode.OK


# --- add -----------------------------------------------------------------------------------


def _as_option(error: ValidationError) -> ValidationError:
    option = _OPTION_OF.get(error.field, f"--{error.field.replace('_', '-')}")
    return ValidationError(error.field, f"{option}: {error.message}")


def cmd_events_add(
    db: Database,
    *,
    kind: str,
    title: str,
    date: str,
    days: int = 1,
    venue: str | None = None,
    ensembles: Iterable[str] = (),
    iris_type: str | None = None,
    out: TextIO,
    err: TextIO | None = None,
) -> ExitCode:
    """``vrus events add``: prints the new event's id alone on stdout (for scripts); a
    weekday warning, if any, goes to ``err``."""
    from vrus.events import create_event, get_event
    from vrus.seasons import day_warnings

    try:
        start = parse_date(date)
        with db.sessions() as session:
            ensemble_ids = [resolve_ensemble(session, name) for name in ensembles]
        event_id = create_event(
            db,
            kind=kind,
            title=title,
            start=start,
            days=days,
            venue=venue,
            ensemble_ids=ensemble_ids,
            iris_type=iris_type,
        )
    except ValidationError as error:
        raise _as_option(error) from None
    with db.sessions() as session:
        dates = [day.date for day in get_event(session, event_id).days]
    for warning in day_warnings(kind, dates):
        print_warning(warning.text(), err)
    out.write(f"{event_id}\n")
    return ExitCode.OK


# --- signup --------------------------------------------------------------------------------


def cmd_events_signup(
    db: Database, *, event_id: int, all_invited: bool, lunch: bool = False, out: TextIO
) -> ExitCode:
    """``vrus events signup EVENT --all-invited [--lunch]``."""
    from vrus.events import get_event
    from vrus.signups import invited_person_ids, sign_up_all_invited

    if not all_invited:
        raise ValidationError("all_invited", "say who to sign up: --all-invited")
    with db.sessions() as session:
        event = get_event(session, event_id)
        title, first = event.title, min(day.date for day in event.days)
        invited = len(invited_person_ids(session, event_id))
    if not invited:
        raise ValidationError(
            "event",
            f"nobody is invited to '{title}': no active members "
            f"in the invited ensembles on {first:%d.%m.%Y}",
        )
    changed = sign_up_all_invited(db, event_id, lunch=lunch)
    out.write(
        f"{title} ({format_with_weekday(first, 'nb')}): {invited} invited, "
        f"{changed} sign-up(s) set to yes {'with' if lunch else 'without'} lunch\n"
    )
    return ExitCode.OK


# --- cancel / uncancel --------------------------------------------------------------------


def cmd_events_cancel(
    db: Database, *, event_id: int, cancelled: bool = True, out: TextIO
) -> ExitCode:
    """``vrus events cancel EVENT`` and ``vrus events uncancel EVENT``: the event stays in the
    register with its sign-ups; the season calendar marks it cancelled."""
    from vrus.events import get_event, set_cancelled

    set_cancelled(db, event_id, cancelled)
    with db.sessions() as session:
        event = get_event(session, event_id)
        title, first = event.title, min((day.date for day in event.days), default=None)
    when = f" ({format_with_weekday(first, 'nb')})" if first else ""
    state = "cancelled" if cancelled else "no longer cancelled"
    out.write(f"{title}{when} is {state}\n")
    return ExitCode.OK


# --- argparse ------------------------------------------------------------------------------


def add_commands(subparsers: Any) -> None:
    """``vrus events list|add|signup|cancel|uncancel``."""
    events = subparsers.add_parser("events", help="the season's events: list, add, sign up, cancel")
    actions = events.add_subparsers(dest="events_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="the season's events with dates and weekdays")
    listing.add_argument("--season", type=int, metavar="YEAR", help="default: this year")
    listing.add_argument("--format", choices=FORMATS, default="text")
    listing.set_defaults(handler=handler(cmd_events_list, season="season", fmt="format"))

    add = actions.add_parser("add", help="add an event; prints its id")
    add.add_argument("--kind", required=True, choices=[k.value for k in EventKind])
    add.add_argument("--title", required=True)
    add.add_argument("--date", required=True, metavar="DD.MM.YYYY", help="the first day")
    add.add_argument("--days", type=int, default=1, metavar="N", help="consecutive days")
    add.add_argument("--venue")
    add.add_argument(
        "--ensemble",
        action="extend",
        nargs="+",
        default=[],
        metavar="NAME",
        help="invited ensemble (name or ungdom/junior/aspirant); repeatable",
    )
    add.add_argument("--iris-type", choices=[t.value for t in IrisType])
    add.set_defaults(
        handler=handler(
            cmd_events_add,
            kind="kind",
            title="title",
            date="date",
            days="days",
            venue="venue",
            ensembles="ensemble",
            iris_type="iris_type",
        )
    )

    signup = actions.add_parser("signup", help="sign up every invited member")
    signup.add_argument("event", type=parse_event_id, metavar="EVENT", help="the event's id")
    signup.add_argument(
        "--all-invited",
        action="store_true",
        required=True,
        help="answer yes for every active member of the invited ensembles",
    )
    signup.add_argument("--lunch", action="store_true", help="with lunch")
    signup.set_defaults(
        handler=handler(
            cmd_events_signup, event_id="event", all_invited="all_invited", lunch="lunch"
        )
    )

    cancel = actions.add_parser(
        "cancel", help="mark an event cancelled (it stays, with its sign-ups)"
    )
    cancel.add_argument("event", type=parse_event_id, metavar="EVENT", help="the event's id")
    cancel.set_defaults(
        handler=handler(cmd_events_cancel, event_id="event", cancelled="cancelled"),
        cancelled=True,
    )
    uncancel = actions.add_parser("uncancel", help="take an event's cancellation back")
    uncancel.add_argument("event", type=parse_event_id, metavar="EVENT", help="the event's id")
    uncancel.set_defaults(
        handler=handler(cmd_events_cancel, event_id="event", cancelled="cancelled"),
        cancelled=False,
    )
