"""``vrus calendar``: the season's events as an iCalendar file for the families' calendars.

The file (``vrus.season_calendar``) holds the events, their times in Europe/Oslo, venue and
a short description in Bokmål, nothing personal. Importing an updated file into a calendar
updates the events instead of adding them twice. Without ``-o`` it is written to this
folder as ``VRUS-<season>.ics`` (``VRUS-<season>-<ensemble>.ics`` for one ensemble); a file
already there is replaced, as every export does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler, resolve_ensemble

if TYPE_CHECKING:
    from vrus.db.engine import Database


def cmd_calendar(
    db: Database,
    *,
    season: int | None = None,
    ensemble: str | None = None,
    output: str | None = None,
    out: TextIO,
) -> ExitCode:
    """``vrus calendar [--season YEAR] [--ensemble NAME] [-o FILE.ics]``."""
    from vrus.db.models import Ensemble
    from vrus.season_calendar import file_name, write_season_calendar
    from vrus.seasons import current_season_year

    year = season if season is not None else current_season_year()
    ensemble_id = short_name = None
    if ensemble is not None:
        with db.sessions() as session:
            ensemble_id = resolve_ensemble(session, ensemble)
            short_name = session.get_one(Ensemble, ensemble_id).short_name
    written = write_season_calendar(
        db, output or file_name(year, short_name), year, ensemble_id=ensemble_id
    )
    out.write(
        f"Season {year}: {written.events} event(s), {written.days} day(s) "
        f"written to {written.path}\n"
    )
    return ExitCode.OK


def add_commands(subparsers: Any) -> None:
    """``vrus calendar``."""
    calendar = subparsers.add_parser(
        "calendar",
        help="the season's events as an iCalendar file (.ics) for the families' calendars",
    )
    calendar.add_argument("--season", type=int, metavar="YEAR", help="default: this year")
    calendar.add_argument(
        "--ensemble",
        metavar="NAME",
        help="only the events this ensemble is invited to (name or ungdom/junior/aspirant)",
    )
    calendar.add_argument(
        "-o",
        "--output",
        metavar="FILE.ics",
        help="where to write (default: VRUS-<season>[-<ensemble>].ics in this folder)",
    )
    calendar.set_defaults(
        handler=handler(cmd_calendar, season="season", ensemble="ensemble", output="output")
    )
