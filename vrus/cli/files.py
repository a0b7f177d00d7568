"""``vrus backup [-o FILE]``, ``vrus restore FILE`` and ``vrus export WHAT FILE``.

Like the other command groups, each command is a function taking the database, its
parameters and an output stream, returning the exit code (tests call them directly);
``register_backup_commands`` adds them to ``vrus.cli``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from vrus.backup import backup_now, prune_backups, restore, set_backups_to_keep
from vrus.backup_files import BackupError, list_backups
from vrus.dates import format_date
from vrus.db.engine import Database
from vrus.exporting import EXPORTS, export
from vrus.texts import translate

EXIT_OK = 0
# Warnings printed one by one before "... and N more".
WARNINGS_SHOWN = 30


def _write(out: TextIO, line: object) -> None:
    out.write(f"{line}\n")


def run_backup(db: Database, *, output: str | None = None, out: TextIO) -> int:
    """``vrus backup [-o FILE]``: a checked copy, into the backups folder by default."""
    path = backup_now(db, output)
    _write(out, translate("Core", "Backup written to {path}").format(path=str(path)))
    return EXIT_OK


def run_backups_list(db: Database, *, out: TextIO) -> int:
    """``vrus backup --list``: the register's backups, newest first, each checked."""
    backups = list_backups(db)
    if not backups:
        _write(out, translate("Core", "No backups yet."))
    for info in backups:
        state = "ok" if info.ok else str(info.problem)
        size = f"{info.size / 1_000_000:.1f} MB"
        _write(out, f"{format_date(info.taken.date())} {info.taken:%H:%M}  {info.kind:<16} "
                    f"{size:>9}  schema {info.revision or '-'}  {state}  {info.path}")
    return EXIT_OK


def run_keep(db: Database, *, count: int, out: TextIO) -> int:
    """``vrus backup --keep N``: how many backups to keep (the register setting)."""
    set_backups_to_keep(db, count)
    deleted = prune_backups(db)
    _write(out, translate("Core", "Keeping the newest {count} backups; {deleted} older "
                                  "deleted").format(count=count, deleted=len(deleted)))
    return EXIT_OK


def run_restore(db: Database, *, file: str, out: TextIO) -> int:
    """``vrus restore FILE``: replace the register with a backup, keeping a safety copy."""
    if db.path is None:
        raise BackupError(translate(
            "Core", "{database} is a server database: use the server's own backups"
        ).format(database=db.display_name))
    database = db.path
    db.close()  # this process's own connections must go before the file is replaced
    safety = restore(database, Path(file))
    _write(out, translate("Core", "Restored {backup} into {database}").format(
        backup=str(Path(file).absolute()), database=str(database)))
    if safety is not None:
        _write(out, translate("Core", "The register as it was is kept in {path}").format(
            path=str(safety)))
    return EXIT_OK


def run_export(db: Database, *, what: str, file: str, include_archived: bool = False,
               out: TextIO, err: TextIO | None = None) -> int:
    """``vrus export WHAT FILE``: CSV or XLSX by the file name; warnings go to ``err``."""
    err = err if err is not None else sys.stderr
    result = export(db, what, file, include_archived=include_archived)
    _write(out, translate("Core", "Wrote {rows} rows to {path}").format(
        rows=result.rows, path=str(result.path)))
    for warning in result.warnings[:WARNINGS_SHOWN]:
        _write(err, translate("Core", "vrus: warning: {message}").format(message=str(warning)))
    hidden = len(result.warnings) - WARNINGS_SHOWN
    if hidden > 0:
        _write(err, translate("Core", "vrus: warning: ... and {count} more like these").format(
            count=hidden))
    return EXIT_OK


# --- argparse ------------------------------------------------------------------------------


def _backup_handler(db: Database, args: argparse.Namespace) -> int:
    if args.list:
        return run_backups_list(db, out=sys.stdout)
    if args.keep is not None:
        return run_keep(db, count=args.keep, out=sys.stdout)
    return run_backup(db, output=args.output, out=sys.stdout)


def _restore_handler(db: Database, args: argparse.Namespace) -> int:
    return run_restore(db, file=args.file, out=sys.stdout)


def _export_handler(db: Database, args: argparse.Namespace) -> int:
    return run_export(db, what=args.what, file=args.file,
                      include_archived=args.include_archived, out=sys.stdout)


def register_backup_commands(subparsers: Any) -> None:
    """Add ``vrus backup``, ``vrus restore`` and ``vrus export`` to the ``vrus`` subparsers."""
    backup = subparsers.add_parser(
        "backup", help="copy the register (into the backups folder beside it by default)")
    backup.add_argument("-o", "--output", metavar="FILE",
                        help="where to write the copy (a new file)")
    choice = backup.add_mutually_exclusive_group()
    choice.add_argument("--list", action="store_true",
                        help="list the backups, newest first, each checked")
    choice.add_argument("--keep", type=int, metavar="N",
                        help="keep the newest N daily, close and manual backups (default 10); "
                             "older ones are deleted")
    backup.set_defaults(handler=_backup_handler)

    restore_parser = subparsers.add_parser(
        "restore", help="replace the register with a backup (a safety copy is kept)")
    restore_parser.add_argument("file", metavar="FILE", help="the backup to restore")
    # Opened as found, neither checked nor upgraded: restoring is how a damaged register
    # is replaced, and a backup of an older schema is upgraded after it is copied in.
    restore_parser.set_defaults(handler=_restore_handler, migrate=False)

    exporting = subparsers.add_parser(
        "export", help="write members, guardians, memberships, events, sign-ups or "
                       "attendance to CSV or XLSX")
    exporting.add_argument("what", choices=EXPORTS, metavar="WHAT",
                           help=f"one of: {', '.join(EXPORTS)}")
    exporting.add_argument("file", metavar="FILE",
                           help="FILE.csv (semicolons, for Excel) or FILE.xlsx")
    exporting.add_argument("--include-archived", action="store_true",
                           help="members: include archived persons too")
    exporting.set_defaults(handler=_export_handler)
