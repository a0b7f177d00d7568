"""What every ``vrus`` command shares: the exit codes, the one error path, the parser class
and the argument types.

A command is ``cmd_<command>(db, *, <options>, out) -> ExitCode`` in the module named after
its command (``cmd_events_list`` in ``events``); tests call it directly. ``handler`` makes of it
what ``vrus`` calls with the parsed arguments. A failure is raised as a ``VrusError`` and
reaches the terminal through ``fail`` only, as one line: "vrus: error: ...".
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from vrus.errors import VrusError
from vrus.validation import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from vrus.db.engine import Database

# The name the command has always logged under.
log = logging.getLogger("vrus.cli")


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # the command failed; the one line on stderr says why
    USAGE = 2  # the command line itself is wrong (argparse's code)


# What the parser stores as ``handler``: called with the open register and the parsed
# arguments; returns the exit code.
Handler = Callable[["Database", argparse.Namespace], int]


def error_line(message: object) -> str:
    return f"vrus: error: {message}\n"


def print_warning(message: object, err: TextIO | None = None) -> None:
    (err or sys.stderr).write(f"vrus: warning: {message}\n")


def fail(error: Exception | KeyboardInterrupt, *, command: str, log_path: Path) -> ExitCode:
    """The one place a failure becomes the exit code and the one line on stderr. Anything but
    a ``VrusError`` goes to the log with its traceback, never to the terminal."""
    if isinstance(error, VrusError):
        sys.stderr.write(error_line(error))
        return ExitCode.ERROR
    if isinstance(error, BrokenPipeError):
        # "vrus events list | head": the reader has gone; that is not an error.
        # Point stdout at devnull so Python's final flush does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.OK
    if isinstance(error, KeyboardInterrupt):
        sys.stderr.write("vrus: interrupted; nothing half-done was saved\n")
        return ExitCode.ERROR
    log.error("unexpected error in command %s", command, exc_info=error)
    sys.stderr.write(error_line(f"an unexpected error occurred; details are in {log_path}"))
    return ExitCode.ERROR


class OneLineParser(argparse.ArgumentParser):
    """Usage errors in one line, like every other failure (argparse prints the usage too)."""

    def error(self, message: str) -> NoReturn:
        self.exit(ExitCode.USAGE, error_line(f"{message} (see '{self.prog} --help')"))


def handler(command: Callable[..., int], **options: str) -> Handler:
    """The handler that calls ``command`` with the parsed ``options`` (parameter name to
    argument name) and stdout as ``out``."""

    def handle(db: Database, args: argparse.Namespace) -> int:
        values = {name: getattr(args, argument) for name, argument in options.items()}
        return command(db, out=sys.stdout, **values)

    return handle


# --- argument types ------------------------------------------------------------------------


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


# The largest id a database can hold (SQLite's and PostgreSQL's 64-bit integers): a longer
# number is no event, not a reason for the driver to overflow.
LARGEST_ID = 2**63 - 1


def parse_event_id(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not an event id (a whole number)")
    if int(text) > LARGEST_ID:
        raise argparse.ArgumentTypeError(f"event {text} is not in the register")
    return int(text)


def resolve_ensemble(session: Session, name: str) -> int:
    """An ensemble by its name or short form (ungdom, junior, aspirant), any case."""
    from sqlalchemy import select

    from vrus.db.models import Ensemble

    wanted = " ".join(str(name).split()).casefold()
    ensembles = session.scalars(select(Ensemble).order_by(Ensemble.sort_order)).all()
    for ensemble in ensembles:
        if wanted in (ensemble.name.casefold(), ensemble.short_name.casefold()):
            return ensemble.id
    known = ", ".join(f"{e.name} ({e.short_name})" for e in ensembles)
    raise ValidationError("ensemble", f"'{name}' is not an ensemble: use {known}")


# --- questions on a terminal ---------------------------------------------------------------

YES = frozenset({"y", "yes", "j", "ja"})


def terminal_question(prompt: str) -> bool:
    """Ask on standard error, read the answer from standard input: yes only when typed."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    return sys.stdin.readline().strip().casefold() in YES


def question_on_terminal() -> Callable[[str], bool] | None:
    """How to ask the user, or None when standard input is no terminal (a script, a pipe):
    whoever runs VRUS there cannot answer, so a command must not wait for them."""
    return terminal_question if sys.stdin is not None and sys.stdin.isatty() else None
