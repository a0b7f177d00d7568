"""``vrus population import FILE [--dry-run]``: population figures from a Statbank download.

A file that cannot be used raises ``PopulationFileError``, which ``vrus`` prints as its one
line "vrus: error: ...".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler

if TYPE_CHECKING:
    from vrus.db.engine import Database


def cmd_population_import(
    db: Database, path: str | Path, *, dry_run: bool, out: TextIO, today: dt.date | None = None
) -> ExitCode:
    """Print what changes (or would, with ``dry_run``), one line per municipality and year."""
    from vrus.population.storing import import_population
    from vrus.population.summary import summary_lines

    result = import_population(db, path, dry_run=dry_run, today=today)
    for line in summary_lines(result):
        print(line, file=out)
    return ExitCode.OK


def add_commands(subparsers: Any) -> None:
    """``vrus population import FILE [--dry-run]``."""
    population = subparsers.add_parser(
        "population", help="population figures per municipality from SSB (table 07459)"
    )
    what = population.add_subparsers(dest="what", metavar="WHAT", required=True)
    imp = what.add_parser(
        "import",
        help="import a download of SSB table 07459 from Statbank (CSV or "
        "JSON-stat): all figures or none",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help="check the file and show what would change; write nothing",
    )
    imp.set_defaults(handler=handler(cmd_population_import, path="file", dry_run="dry_run"))
