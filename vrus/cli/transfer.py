"""``vrus --db FILE transfer --to URL``: move a register file onto a database server
(``vrus.server.transfer``).

Prints each table with its rows, then the line saying the copy was checked, then where the
register now lives; the file is read-only afterwards, with a note beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler
from vrus.texts import translate

if TYPE_CHECKING:
    from vrus.db.engine import Database


def _write(out: TextIO, line: object = "") -> None:
    out.write(f"{line}\n")


def cmd_transfer(db: Database, *, to: str, out: TextIO) -> ExitCode:
    """Copy the register into the empty server database ``to``, check it, mark the file."""
    from vrus.server.transfer import transfer

    report = transfer(db, to)
    if report.set_up:
        _write(
            out, translate("Core", "Set up {server} (it was empty)").format(server=report.server)
        )
    width = max(len(table.name) for table in report.tables)
    for table in report.tables:
        _write(out, f"{table.name:<{width}}  {table.rows:>9}")
    _write(
        out,
        translate(
            "Core",
            "checked: {tables} tables, {rows} rows; row counts and checksums equal on both sides",
        ).format(tables=len(report.tables), rows=report.rows),
    )
    _write(
        out,
        translate(
            "Core",
            "The register now lives in {server}; {path} is read-only, with a note beside it "
            "({note}).",
        ).format(server=report.server, path=str(db.path), note=str(report.note)),
    )
    return ExitCode.OK


def add_commands(subparsers: Any) -> None:
    """``vrus transfer --to URL``."""
    parser = subparsers.add_parser(
        "transfer",
        help="move the register file into an empty database on a server (it is checked, "
        "then the file is made read-only)",
    )
    parser.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="the server database, like postgresql+psycopg://user@host/vrus (empty, or just "
        "set up; a bare one is set up first)",
    )
    parser.set_defaults(handler=handler(cmd_transfer, to="to"))
