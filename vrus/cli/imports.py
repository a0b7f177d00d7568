"""``vrus import members FILE [--dry-run]``: the command-line face of the member import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler

if TYPE_CHECKING:
    from vrus.db.engine import Database


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
