"""``vrus print attendance|lunch|contacts|roster``: write a PDF and print where it went.

Without ``-o`` the file goes to the current folder under a descriptive name
("oppmote-helgeseminar-1-2026-01-17.pdf"). It is written as every private file is
(``vrus.private_files``); an ``-o`` that cannot be written is refused before the PDF is made.
The PDF modules (and reportlab) are imported inside the commands: the other commands do not
need them.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vrus import clock
from vrus.cli.base import ExitCode, handler, parse_event_id, resolve_ensemble
from vrus.errors import VrusError
from vrus.private_files import check_target, write_private_file
from vrus.texts import translate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from vrus.db.engine import Database


def _write(data: bytes, output: str | Path | None, name: str, out: TextIO) -> ExitCode:
    path = write_private_file(output if output else Path.cwd() / name, data).resolve()
    out.write(str(translate("Core", "Wrote {path}").format(path=path)) + "\n")
    return ExitCode.OK


def _check_output(output: str | None) -> None:
    """Refuse an ``-o`` that cannot be written, or is not named as a PDF, before making it."""
    if output:
        if Path(output).suffix.lower() != ".pdf":
            raise VrusError(
                translate(
                    "Core", "{path}: a printout is a PDF; give the file a name ending in .pdf"
                ).format(path=output)
            )
        check_target(output)


def _event_file(session: Session, kind: str, event_id: int) -> str:
    from vrus.events import get_event
    from vrus.printing.layout import default_filename

    return default_filename(kind, get_event(session, event_id))


def cmd_print_attendance(
    db: Database,
    *,
    event_id: int,
    output: str | None = None,
    by_section: bool = False,
    sign_in: bool = False,
    out: TextIO,
) -> ExitCode:
    """``vrus print attendance EVENT [-o FILE] [--by-section | --sign-in]``."""
    from vrus.printing.attendance_list import attendance_list_pdf

    kind = "sign_in" if sign_in else "attendance_by_section" if by_section else "attendance"
    _check_output(output)
    with db.sessions() as session:
        data = attendance_list_pdf(session, event_id, by_section=by_section, sign_in=sign_in)
        name = _event_file(session, kind, event_id)
    return _write(data, output, name, out)


def cmd_print_lunch(
    db: Database, *, event_id: int, output: str | None = None, out: TextIO
) -> ExitCode:
    """``vrus print lunch EVENT [-o FILE]``."""
    from vrus.printing.lunch_sheet import lunch_sheet_pdf

    _check_output(output)
    # A transaction: the print of health data is recorded (vrus.audit) when the file is written.
    with db.transaction() as session:
        data = lunch_sheet_pdf(session, event_id)
        name = _event_file(session, "lunch", event_id)
        session.flush()  # the record is written (or refused) before the file, not after
        return _write(data, output, name, out)


def cmd_print_contacts(
    db: Database,
    *,
    ensemble: str | None = None,
    output: str | None = None,
    out: TextIO,
    on: dt.date | None = None,
) -> ExitCode:
    """``vrus print contacts [--ensemble NAME] [-o FILE]``: the active members today."""
    from vrus.db.models import Ensemble
    from vrus.events import get_row
    from vrus.printing.contact_list import contact_list_pdf
    from vrus.printing.layout import default_filename

    on = clock.or_today(on)
    _check_output(output)
    with db.transaction() as session:  # the print is recorded, as the lunch sheet's
        ensemble_id = resolve_ensemble(session, ensemble) if ensemble else None
        data = contact_list_pdf(session, ensemble_id=ensemble_id, on=on)
        label = get_row(session, Ensemble, ensemble_id, "ensemble").name if ensemble_id else None
        session.flush()  # the record is written (or refused) before the file, not after
        return _write(data, output, default_filename("contacts", label=label, day=on), out)


def cmd_print_roster(
    db: Database, *, season: int | None = None, output: str | None = None, out: TextIO
) -> ExitCode:
    """``vrus print roster [--season YEAR] [-o FILE]`` (default: this year)."""
    from vrus.printing.duty_roster import duty_roster_pdf
    from vrus.printing.layout import default_filename
    from vrus.seasons import current_season_year

    year = season if season is not None else current_season_year()
    _check_output(output)
    with db.sessions() as session:
        data = duty_roster_pdf(session, year)
    return _write(data, output, default_filename("roster", label=str(year)), out)


# --- argparse ------------------------------------------------------------------------------


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE.pdf",
        help="where to write (default: a descriptive name in this folder)",
    )


def add_commands(subparsers: Any) -> None:
    """``vrus print attendance|lunch|contacts|roster``."""
    printing = subparsers.add_parser(
        "print", help="write a PDF: attendance list, lunch sheet, contact list, duty roster"
    )
    what = printing.add_subparsers(dest="print_command", metavar="WHAT", required=True)

    attendance = what.add_parser("attendance", help="an event's attendance list")
    attendance.add_argument("event", type=parse_event_id, metavar="EVENT", help="the event's id")
    _output(attendance)
    variant = attendance.add_mutually_exclusive_group()
    variant.add_argument(
        "--by-section",
        action="store_true",
        help="each section on its own page, for group rehearsals",
    )
    variant.add_argument(
        "--sign-in",
        action="store_true",
        help="one alphabetical sign-in sheet with a column per day",
    )
    attendance.set_defaults(
        handler=handler(
            cmd_print_attendance,
            event_id="event",
            output="output",
            by_section="by_section",
            sign_in="sign_in",
        )
    )

    lunch = what.add_parser("lunch", help="an event's lunch sheet for the friends' association")
    lunch.add_argument("event", type=parse_event_id, metavar="EVENT", help="the event's id")
    _output(lunch)
    lunch.set_defaults(handler=handler(cmd_print_lunch, event_id="event", output="output"))

    contacts = what.add_parser("contacts", help="contact and emergency list of active members")
    contacts.add_argument(
        "--ensemble",
        metavar="NAME",
        help="one ensemble (name or ungdom/junior/aspirant); default: all",
    )
    _output(contacts)
    contacts.set_defaults(handler=handler(cmd_print_contacts, ensemble="ensemble", output="output"))

    roster = what.add_parser("roster", help="the friends' association's duty roster")
    roster.add_argument("--season", type=int, metavar="YEAR", help="default: this year")
    _output(roster)
    roster.set_defaults(handler=handler(cmd_print_roster, season="season", output="output"))
