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
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vrus import __version__
from vrus.cli import (
    calendar,
    check,
    demo,
    events,
    files,
    gui,
    imports,
    invitations,
    keys,
    lunch,
    persons,
    population,
    printing,
    report,
    retention,
    server,
    transfer,
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
    calendar,
    invitations,
    lunch,
    printing,
    report,
    retention,
    population,
    files,
    keys,
    server,
    transfer,
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
        metavar="PATH|URL",
        help="database file, or a server's URL like postgresql+psycopg://user@host/vrus "
        "(default: VRUS_DATABASE_URL, then vrus.sqlite3 in the user data folder)",
    )
    parser.add_argument(
        "--key-file",
        metavar="FILE",
        help="the encrypted register's key, in a file (default: VRUS_KEY_FILE, then the key store)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.add_commands(commands)
    return parser


def _is_new(path: Path) -> bool:
    return not path.is_file() or path.stat().st_size == 0


def _open_register(args: argparse.Namespace, handler: Handler) -> Database | None:
    """Open the register; None when the user cancelled making a new one in the window.

    For the window, a new register starts with the choice of encrypting it, a damaged one is
    explained with the offer to restore its newest good backup, and an encrypted one this
    computer has no key for with the offer to enter its recovery key. The commands print the
    error and exit, as always.

    The window told no register opens the server it was connected to last time, if any
    (remembered in its settings); the commands open only what ``--db`` or
    ``VRUS_DATABASE_URL`` names, or the default file. A server URL without a password takes
    the one the key store keeps for that login.
    """
    from vrus.db.engine import ENV_URL, resolve_url, sqlite_file
    from vrus.db.integrity import DamagedDatabaseError
    from vrus.db.keys import key_file_path, key_store_name
    from vrus.opening import MissingKeyError, open_database
    from vrus.server.connection import with_stored_password

    url = resolve_url(args.db)
    window = handler is gui.cmd_gui
    if window and not args.db and not os.environ.get(ENV_URL, "").strip():
        at_start = gui.server_at_start()
        if at_start is False:
            return None  # the user quit at the server dialog
        if isinstance(at_start, str):
            url = at_start
    url = with_stored_password(url)
    path = sqlite_file(url)
    new = path is not None and _is_new(path)
    options: dict[str, Any] = {
        "migrate": getattr(args, "migrate", True),
        "must_exist": getattr(args, "must_exist", False),
        "key_file": args.key_file,
        # ``vrus restore`` into a register not there yet (a new computer) makes no new key:
        # the backup brings its own, entered first with ``vrus key import``.
        "new_key": getattr(args, "new_key", True),
    }
    if window and new and path is not None and gui.has_display():
        choice = gui.choose_new_register(path, key_store_name(), key_file_path(args.key_file))
        if choice is None:
            return None
        if isinstance(choice, str):  # a server instead of a new file
            url, path, new = choice, None, False
        else:
            options["encrypt"] = choice
    try:
        db = open_database(url, **options)
    except DamagedDatabaseError as error:
        if not window or not gui.offer_restore(error):
            raise  # a command, no display, cancelled, or nothing to restore: the one line
        db = open_database(url, **options)
    except MissingKeyError as error:
        if not window or not gui.offer_key_import(error):
            raise
        db = open_database(url, **options)
    if new and db.path is not None:
        if db.encrypted:
            args.offer_recovery_sheet = window
        elif not window and options["new_key"]:  # the window shows its banner instead
            print_warning(_made_plain(db.path))
    return db


def _made_plain(path: Path) -> Text:
    from vrus.db.keys import KEY_FILE_ENV
    from vrus.texts import translate

    return translate(
        "Core",
        "the new register {path} is NOT encrypted: this computer has no key store and no key "
        "file was given ({variable}); anyone with the file can read it. Run 'vrus encrypt' "
        "once it has a key store or a key file",
    ).format(path=str(path), variable=KEY_FILE_ENV)


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
    from vrus.server.refusals import watch as watch_refusals

    handler: Handler = getattr(args, "handler", gui.cmd_gui)
    command = args.command or "gui"
    log_path = configure_logging()
    db: Database | None = None
    try:
        before_open = getattr(args, "before_open", None)
        if before_open is not None:  # ``vrus key import``: works on no open register
            return before_open(args)
        db = _open_register(args, handler)
        if db is None:
            return 0  # the window's first start was cancelled: nothing was made
        watch_refusals(db.engine)  # a right the server refuses: one line naming it
        args.start_messages = _backup_warning(on_open(db))
        code = handler(db, args)
    except (Exception, KeyboardInterrupt) as error:
        code = fail(error, command=command, log_path=log_path)
        if command == "gui" and db is None and not isinstance(error, KeyboardInterrupt):
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
