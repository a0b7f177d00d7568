"""``vrus population import FILE [--dry-run]``: population figures from a Statbank download.

Like the other commands, a function taking the database, its parameters and an output
stream, returning the exit code; ``register_population_commands`` adds it to ``vrus.cli``. A
file that cannot be used raises ``PopulationFileError``, which ``vrus`` prints as its one
line "vrus: error: ...".
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any, TextIO

from vrus.db.engine import Database
from vrus.population.storing import import_population
from vrus.population.summary import summary_lines

EXIT_OK = 0


def population_import(db: Database, path: str | Path, *, dry_run: bool, out: TextIO,
                      today: dt.date | None = None) -> int:
    """Print what changes (or would, with ``dry_run``), one line per municipality and year."""
    result = import_population(db, path, dry_run=dry_run, today=today)
    for line in summary_lines(result):
        print(line, file=out)
    return EXIT_OK


def _handler(db: Database, args: argparse.Namespace) -> int:
    return population_import(db, args.file, dry_run=args.dry_run, out=sys.stdout)


def register_population_commands(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``vrus population import FILE [--dry-run]`` to the ``vrus`` command."""
    population = subparsers.add_parser(
        "population", help="population figures per municipality from SSB (table 07459)")
    what = population.add_subparsers(dest="what", metavar="WHAT", required=True)
    imp = what.add_parser(
        "import", help="import a download of SSB table 07459 from Statbank (CSV or "
                       "JSON-stat): all figures or none")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true",
                     help="check the file and show what would change; write nothing")
    imp.set_defaults(handler=_handler)
    return population
