"""``vrus gui`` (and ``vrus`` alone): the window.

Qt is imported only here, inside the functions, so the commands never load it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING, Any

from vrus.errors import VrusError

if TYPE_CHECKING:
    from pathlib import Path

    from vrus.db.engine import Database
    from vrus.db.integrity import DamagedDatabaseError
    from vrus.opening import MissingKeyError


def has_display() -> bool:
    """Qt aborts the process (no exception to catch) when it finds no display; ask first."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(db: Database, args: argparse.Namespace) -> int:
    """The window until it closes; Qt's exit code. It takes no options, so it is its own
    handler (and ``vrus``'s when no command is given)."""
    if not has_display():
        raise VrusError(
            "no display to open the window on; start VRUS from a desktop session "
            "(the commands, e.g. 'vrus check', work without one)"
        )
    from vrus.ui.app import run_window

    # What opening the register had to say (``vrus.cli.main`` prints it too).
    return run_window(
        db,
        messages=getattr(args, "start_messages", ()),
        # A register made encrypted just now: its recovery sheet is offered once.
        offer_recovery_sheet=getattr(args, "offer_recovery_sheet", False),
    )


def offer_restore(error: DamagedDatabaseError) -> bool:
    """The window explains a damaged register and offers its newest good backup: True when
    it was restored. False without a display (the one line then says it all)."""
    if not has_display():
        return False
    from vrus.ui.app import offer_restore as ask

    return ask(error)


def choose_new_register(
    path: Path, key_store: str | None, key_file: Path | None
) -> bool | str | None:
    """The window is about to make a new register at ``path``: the user chooses encrypted
    (True) or plain (False), or connects to a server instead (its URL); None when cancelled,
    or without a display (nothing was asked). ``key_store`` is the key store's name and
    ``key_file`` the key file's path, None where there is none (with neither, only plain can
    be chosen)."""
    if not has_display():
        return None
    from vrus.ui.app import choose_new_register as choose

    return choose(path, key_store, key_file)


def server_at_start() -> str | bool:
    """The window's start without ``--db`` or ``VRUS_DATABASE_URL``: the URL of the server
    the window was connected to last time (remembered in the window's settings; the dialog
    asks for what is missing or wrong); True for the register file on this computer; False
    when the user quit. The commands never look here: they open what they are told.

    Without a display, True: nothing can be asked."""
    if not has_display():
        return True
    from vrus.ui.app import server_at_start as ask

    return ask()


def offer_key_import(error: MissingKeyError) -> bool:
    """The register is encrypted and this computer has no key for it: the window explains
    and offers to enter the recovery key. True when a key was kept (then open the register
    again); False when closed, or without a display (the one line then says it all)."""
    if not has_display():
        return False
    from vrus.ui.app import offer_key_import as offer

    return offer(error)


def show_start_failure(error: BaseException) -> None:
    """The reason the window cannot open, in a box (the caller has printed and logged it);
    nothing without a display, or for a damaged register (its own box has explained it)."""
    from vrus.db.integrity import DamagedDatabaseError

    if not has_display() or isinstance(error, DamagedDatabaseError):
        return
    try:
        from vrus.ui.app import show_start_failure as show

        show(error)
    except Exception:  # the line on stderr and the log already tell it
        logging.getLogger(__name__).exception("the start failure could not be shown")


def add_commands(subparsers: Any) -> None:
    gui = subparsers.add_parser("gui", help="open the window (the default)")
    gui.set_defaults(handler=cmd_gui)
