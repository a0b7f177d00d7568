"""``vrus check``: the register's integrity and migration state, as found."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler

if TYPE_CHECKING:
    from vrus.db.engine import Database


def cmd_check(db: Database, *, out: TextIO) -> ExitCode:
    from vrus.db.health import check_database

    report = check_database(db)
    for line in report.lines():
        print(line, file=out)
    return ExitCode.OK if report.ok else ExitCode.ERROR


def add_commands(subparsers: Any) -> None:
    check = subparsers.add_parser("check", help="integrity check and migration state")
    # Reports the state as found: no automatic upgrade before the check, and a mistyped path
    # is no reason to start a new register.
    check.set_defaults(handler=handler(cmd_check), migrate=False, must_exist=True)
