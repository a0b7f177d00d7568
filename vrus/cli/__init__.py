"""The ``vrus`` command: opens the window, or runs one command on the register.

Every failure prints one line ("vrus: error: ...") and exits non-zero; unexpected errors are
written with their traceback to the log file, never to the terminal (``base.fail``).

Each command group is a module here named after its command, with ``add_commands`` (its
part of the parser) and its ``cmd_*`` functions; ``base`` holds what they share. A module
imports at its top what its parser needs, and the rest of the core inside the commands, so
that building the parser (``vrus --help``, ``vrus --version``) loads neither reportlab nor
Alembic.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from vrus import __version__
from vrus.cli import (
    check,
    demo,
    events,
    files,
    gui,
    imports,
    lunch,
    persons,
    population,
    printing,
    report,
    retention,
)
from vrus.cli.base import Handler, OneLineParser, fail, print_warning
from vrus.logsetup import configure_logging

if TYPE_CHECKING:
    from vrus.backup import AutoBackup
    from vrus.db.engine import Database
    from vrus.texts import Text

# In the order ``vrus --help`` lists them.
COMMAND_GROUPS = (
    demo,
    check,
    imports,
    persons,
    events,
    lunch,
    printing,
    report,
    retention,
    population,
    files,
    gui,
)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="vrus",
        description="VRUS: the register of Vestregionens Ungdomssymfonikere. "
        "Without a command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"VRUS {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: vrus.sqlite3 in the user data folder; "
        "VRUS_DATABASE_URL may give any SQLAlchemy URL)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.add_commands(commands)
    return parser


def _open_register(args: argparse.Namespace, handler: Handler) -> Database:
    """Open the register; for the window, a damaged one is explained there, with the offer to
    restore its newest good backup. The commands print the error and exit, as always."""
    from vrus.db.engine import resolve_url
    from vrus.db.integrity import DamagedDatabaseError
    from vrus.opening import open_database

    url = resolve_url(args.db)
    try:
        return open_database(
            url,
            migrate=getattr(args, "migrate", True),
            must_exist=getattr(args, "must_exist", False),
        )
    except DamagedDatabaseError as error:
        if handler is not gui.cmd_gui or not gui.offer_restore(error):
            raise  # a command, no display, cancelled, or nothing to restore: the one line
    return open_database(url)


def _backup_warning(result: AutoBackup) -> tuple[Text, ...]:
    """Print what an automatic backup has to say (a failure, erasures applied again); returns
    it for the window to show as well (started from the desktop, stderr is seen by no one)."""
    messages = tuple(m for m in (result.warning, result.notice) if m is not None)
    for message in messages:
        print_warning(message)
    return messages


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Here, not at the top: building the parser needs no Alembic (vrus.backup opens files).
    from vrus.backup import on_close, on_open

    handler: Handler = getattr(args, "handler", gui.cmd_gui)
    command = args.command or "gui"
    log_path = configure_logging()
    db: Database | None = None
    try:
        db = _open_register(args, handler)
        args.start_messages = _backup_warning(on_open(db))
        code = handler(db, args)
    except (Exception, KeyboardInterrupt) as error:
        code = fail(error, command=command, log_path=log_path)
        if handler is gui.cmd_gui and db is None and not isinstance(error, KeyboardInterrupt):
            gui.show_start_failure(error)  # started from the desktop, stderr is unseen
    if db is not None:
        # Closing goes through ``fail`` too: a failure here must not become a traceback
        # after the command's own output.
        try:
            try:
                _backup_warning(on_close(db))
            finally:
                db.close()
        except (Exception, KeyboardInterrupt) as error:
            code = max(code, fail(error, command=command, log_path=log_path))
    return code
