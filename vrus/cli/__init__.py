"""The ``vrus`` command: opens the window, or runs one command on the register.

Every failure prints one line ("vrus: error: ...") and exits non-zero; unexpected errors are
written with their traceback to the log file, never to the terminal.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from vrus import __version__
from vrus.backup import AutoBackup, on_close, on_open
from vrus.db.engine import Database, resolve_url
from vrus.db.integrity import DamagedDatabaseError
from vrus.errors import VrusError
from vrus.logsetup import configure_logging
from vrus.opening import open_database

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


class OneLineParser(argparse.ArgumentParser):
    """Usage errors in one line, like every other failure (argparse prints the usage too)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"vrus: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="vrus",
        description="VRUS: the register of Vestregionens Ungdomssymfonikere. "
                    "Without a command, the window opens.")
    parser.add_argument("--version", action="version", version=f"VRUS {__version__}")
    parser.add_argument("--db", metavar="PATH",
                        help="database file (default: vrus.sqlite3 in the user data folder; "
                             "VRUS_DATABASE_URL may give any SQLAlchemy URL)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill the register with the fictional demo season")
    demo.add_argument("--reset", action="store_true",
                      help="delete everything in the register first")
    demo.add_argument("--members", type=_positive_int, metavar="N",
                      help="make a larger synthetic register of N persons (scale tests)")
    demo.set_defaults(handler=cmd_demo)

    check = commands.add_parser("check", help="integrity check and migration state")
    # Reports the state as found: no automatic upgrade before the check.
    check.set_defaults(handler=cmd_check, migrate=False)

    imp = commands.add_parser("import", help="import from a spreadsheet (CSV or XLSX)")
    what = imp.add_subparsers(dest="what", metavar="WHAT", required=True)
    members = what.add_parser("members", help="import members; all rows or none")
    members.add_argument("file", metavar="FILE")
    members.add_argument("--dry-run", action="store_true",
                         help="check the file and show what would change; write nothing")
    members.set_defaults(handler=cmd_import_members)

    from vrus.event_cli import register_event_commands

    register_event_commands(commands)
    from vrus.lunch_cli import register_lunch_commands
    from vrus.printing.cli import register_print_commands

    register_lunch_commands(commands)
    register_print_commands(commands)
    from vrus.reports.cli import register_report_commands

    register_report_commands(commands)
    from vrus.population.cli import register_population_commands

    register_population_commands(commands)
    from vrus.safety_cli import register_backup_commands

    register_backup_commands(commands)

    gui = commands.add_parser("gui", help="open the window (the default)")
    gui.set_defaults(handler=cmd_gui)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def cmd_demo(db: Database, args: argparse.Namespace) -> int:
    from vrus.demo import load_demo

    summary = load_demo(db, reset=args.reset, members=args.members)
    print(summary.describe())
    return EXIT_OK


def cmd_check(db: Database, args: argparse.Namespace) -> int:
    from vrus.db.health import check_database

    report = check_database(db)
    for line in report.lines():
        print(line)
    return EXIT_OK if report.ok else EXIT_ERROR


def cmd_import_members(db: Database, args: argparse.Namespace) -> int:
    from vrus.importing.cli import cmd_import_members as run

    return run(db, args.file, args.dry_run, sys.stdout)


def _has_display() -> bool:
    """Qt aborts the process (no exception to catch) when it finds no display; ask first."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(db: Database, args: argparse.Namespace) -> int:
    if not _has_display():
        raise VrusError("no display to open the window on; start VRUS from a desktop session "
                        "(the commands, e.g. 'vrus check', work without one)")
    # Imported here so the command-line tools never load Qt.
    from vrus.ui.app import run_window

    return run_window(db)


def _open_register(args: argparse.Namespace, handler: Callable[..., int]) -> Database:
    """Open the register; for the window, a damaged one is explained there, with the offer to
    restore its newest good backup. The commands print the error and exit, as always."""
    url = resolve_url(args.db)
    try:
        return open_database(url, migrate=getattr(args, "migrate", True))
    except DamagedDatabaseError as error:
        if handler is not cmd_gui or not _has_display():
            raise
        from vrus.ui.app import offer_restore

        if not offer_restore(error):
            raise  # cancelled, or nothing to restore: the one line, exit 1
    return open_database(url)


def _backup_warning(result: AutoBackup) -> None:
    if result.warning is not None:
        print(f"vrus: warning: {result.warning}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[Database, argparse.Namespace], int] = getattr(args, "handler", cmd_gui)
    log_path = configure_logging()
    db: Database | None = None
    try:
        db = _open_register(args, handler)
        _backup_warning(on_open(db))
        return handler(db, args)
    except VrusError as error:
        print(f"vrus: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # "vrus events list | head": the reader has gone; that is not an error.
        # Point stdout at devnull so Python's final flush does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("vrus: interrupted; nothing half-done was saved", file=sys.stderr)
        return EXIT_ERROR
    except Exception:
        log.exception("unexpected error in command %s", args.command or "gui")
        print(f"vrus: error: an unexpected error occurred; details are in {log_path}",
              file=sys.stderr)
        return EXIT_ERROR
    finally:
        if db is not None:
            _backup_warning(on_close(db))
            db.close()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
