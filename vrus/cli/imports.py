"""``vrus import members FILE [--dry-run]``: the command-line face of the member import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO

from vrus.db.engine import Database
from vrus.importing.members import import_members

EXIT_OK = 0
EXIT_ERROR = 1


def cmd_import_members(db: Database, path: str | Path, dry_run: bool, out: TextIO, *,
                       today: dt.date | None = None) -> int:
    """Print the summary and every problem; 1 when a row has an error (nothing was written).

    ``today`` (default: the clock) is the day ages and missing join dates count from.

    A file that cannot be read at all raises ``ImportFileError`` (a ``VrusError``), which the
    ``vrus`` command prints as its one-line error like any other.
    """
    report = import_members(db, path, dry_run=dry_run, today=today)
    for line in report.lines():
        print(line, file=out)
    return EXIT_OK if report.ok else EXIT_ERROR
