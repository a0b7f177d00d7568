"""The register's files: ``vrus backup [-o FILE | --list | --keep N | --max-age DAYS]``,
``vrus restore FILE`` and ``vrus export WHAT FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler, print_warning
from vrus.dates import format_date
from vrus.texts import translate

if TYPE_CHECKING:
    from vrus.db.engine import Database
    from vrus.db.keys import RegisterKey

# Warnings printed one by one before "... and N more".
WARNINGS_SHOWN = 30
# ``vrus.exporting.EXPORTS``, spelled out so that the parser (``vrus --help``) imports neither
# the exports nor SQLAlchemy; ``tests/test_startup_imports.py`` checks that they agree.
EXPORTS = ("members", "guardians", "memberships", "events", "signups", "attendance")


def _write(out: TextIO, line: object) -> None:
    out.write(f"{line}\n")


def cmd_backup(
    db: Database,
    *,
    output: str | None = None,
    key_file: str | None = None,
    out: TextIO,
    err: TextIO | None = None,
) -> ExitCode:
    """``vrus backup [-o FILE]``: a checked copy, into the backups folder by default. A server
    register is written into a portable register file (``vrus.server.portable``), encrypted
    with the key file's key or a new one in the key store."""
    from vrus.backup import backup_now

    if db.path is None:
        return _server_backup(db, output=output, key_file=key_file, out=out, err=err)
    path = backup_now(db, output)
    _write(out, translate("Core", "Backup written to {path}").format(path=str(path)))
    return ExitCode.OK


def _server_backup(
    db: Database, *, output: str | None, key_file: str | None, out: TextIO, err: TextIO | None
) -> ExitCode:
    from vrus.server.portable import write_portable_copy

    copy = write_portable_copy(db, output, key_file=key_file)
    _write(out, translate("Core", "Backup written to {path}").format(path=str(copy.path)))
    _write(
        out,
        translate(
            "Core",
            "checked: {tables} tables, {rows} rows; row counts and checksums equal on both sides",
        ).format(tables=len(copy.tables), rows=copy.rows),
    )
    if copy.key is None:
        print_warning(
            translate(
                "Core",
                "the backup is NOT encrypted: this computer has no key store and no key file "
                "was given (--key-file); anyone with the file can read it",
            ),
            err,
        )
    else:
        _write(
            out,
            translate("Core", "Encrypted with {key}").format(key=copy.key.describe()),
        )
    return ExitCode.OK


def cmd_backup_list(db: Database, *, out: TextIO) -> ExitCode:
    """``vrus backup --list``: the register's backups, newest first, each checked."""
    from vrus.backup_files import list_backups

    backups = list_backups(db)
    if not backups:
        _write(out, translate("Core", "No backups yet."))
    for info in backups:
        state = "ok" if info.ok else str(info.problem)
        size = f"{info.size / 1_000_000:.1f} MB"
        _write(
            out,
            f"{format_date(info.taken.date())} {info.taken:%H:%M}  {info.kind:<16} "
            f"{size:>9}  schema {info.revision or '-'}  {state}  {info.path}",
        )
    return ExitCode.OK


def cmd_backup_keep(db: Database, *, count: int, out: TextIO) -> ExitCode:
    """``vrus backup --keep N``: how many backups to keep (the register setting)."""
    from vrus.backup import prune_backups, set_backups_to_keep

    set_backups_to_keep(db, count)
    deleted = prune_backups(db)
    _write(
        out,
        translate("Core", "Keeping the newest {count} backups; {deleted} older deleted").format(
            count=count, deleted=len(deleted)
        ),
    )
    return ExitCode.OK


def cmd_backup_max_age(db: Database, *, days: int, out: TextIO) -> ExitCode:
    """``vrus backup --max-age DAYS``: how long backups are kept (the register setting; 0 is
    the default), then the backups older than that are deleted."""
    from vrus.backup import backups_max_age, prune_backups, set_backups_max_age

    set_backups_max_age(db, days)
    deleted = prune_backups(db)
    _write(
        out,
        translate("Core", "Keeping backups for {days} days; {deleted} older deleted").format(
            days=backups_max_age(db), deleted=len(deleted)
        ),
    )
    return ExitCode.OK


def cmd_restore(
    db: Database,
    *,
    file: str,
    backup_key_file: str | None = None,
    out: TextIO,
    err: TextIO | None = None,
) -> ExitCode:
    """``vrus restore FILE [--backup-key-file KEYFILE]``: replace the register with a backup,
    keeping a safety copy; the persons erased after the backup was taken are erased again,
    and it says so. A backup encrypted with another key (made on another computer) opens with
    the key file given (the key, or its recovery sheet's groups) and takes the register's."""
    from vrus.backup import restore
    from vrus.db.keys import read_key_file

    backup_key = read_key_file(Path(backup_key_file)) if backup_key_file else None
    if db.path is None:
        return _server_restore(db, file=file, backup_key=backup_key, out=out)
    database = db.path
    db.close()  # this process's own connections must go before the file is replaced
    restored = restore(database, Path(file), db.key, backup_key=backup_key)
    _write(
        out,
        translate("Core", "Restored {backup} into {database}").format(
            backup=str(Path(file).absolute()), database=str(database)
        ),
    )
    if restored.safety is not None:
        _write(
            out,
            translate("Core", "The register as it was is kept in {path}").format(
                path=str(restored.safety)
            ),
        )
    if restored.notice is not None:
        _write(out, restored.notice)
    if restored.warning is not None:
        print_warning(restored.warning, err)
    return ExitCode.OK


def _server_restore(
    db: Database, *, file: str, backup_key: RegisterKey | None, out: TextIO
) -> ExitCode:
    """``vrus restore FILE`` on a server: every row replaced by the file's, in one
    transaction, after a safety copy of the server register."""
    from vrus.server.portable import restore_to_server

    restored = restore_to_server(db, Path(file), backup_key=backup_key)
    _write(
        out,
        translate("Core", "Restored {backup} into {database}").format(
            backup=str(Path(file).absolute()), database=db.display_name
        ),
    )
    _write(
        out,
        translate(
            "Core",
            "checked: {tables} tables, {rows} rows; row counts and checksums equal on both sides",
        ).format(tables=len(restored.tables), rows=restored.rows),
    )
    _write(
        out,
        translate("Core", "The register as it was is kept in {path}").format(
            path=str(restored.safety)
        ),
    )
    count = len(restored.reapplied)
    if count:
        _write(
            out,
            translate(
                "Core", "{count} person(s) erased after this backup was taken were erased again"
            ).format(count=count),
        )
    return ExitCode.OK


def cmd_export(
    db: Database,
    *,
    what: str,
    file: str,
    include_archived: bool = False,
    out: TextIO,
    err: TextIO | None = None,
) -> ExitCode:
    """``vrus export WHAT FILE``: CSV or XLSX by the file name; warnings go to ``err``."""
    from vrus.exporting import export

    err = err if err is not None else sys.stderr
    result = export(db, what, file, include_archived=include_archived)
    _write(
        out,
        translate("Core", "Wrote {rows} rows to {path}").format(
            rows=result.rows, path=str(result.path)
        ),
    )
    for warning in result.warnings[:WARNINGS_SHOWN]:
        _write(err, translate("Core", "vrus: warning: {message}").format(message=str(warning)))
    hidden = len(result.warnings) - WARNINGS_SHOWN
    if hidden > 0:
        _write(
            err,
            translate("Core", "vrus: warning: ... and {count} more like these").format(
                count=hidden
            ),
        )
    return ExitCode.OK


# --- argparse ------------------------------------------------------------------------------


def _backup_handler(db: Database, args: argparse.Namespace) -> int:
    """``vrus backup`` makes, lists or prunes, by its options."""
    if args.list:
        return cmd_backup_list(db, out=sys.stdout)
    if args.keep is not None:
        return cmd_backup_keep(db, count=args.keep, out=sys.stdout)
    if args.max_age is not None:
        return cmd_backup_max_age(db, days=args.max_age, out=sys.stdout)
    return cmd_backup(db, output=args.output, key_file=args.key_file, out=sys.stdout)


def add_commands(subparsers: Any) -> None:
    """``vrus backup``, ``vrus restore`` and ``vrus export``."""
    backup = subparsers.add_parser(
        "backup", help="copy the register (into the backups folder beside it by default)"
    )
    backup.add_argument(
        "-o", "--output", metavar="FILE", help="where to write the copy (a new file)"
    )
    choice = backup.add_mutually_exclusive_group()
    choice.add_argument(
        "--list", action="store_true", help="list the backups, newest first, each checked"
    )
    choice.add_argument(
        "--keep",
        type=int,
        metavar="N",
        help="keep the newest N daily, close and manual backups (default 10); "
        "older ones are deleted",
    )
    choice.add_argument(
        "--max-age",
        type=int,
        metavar="DAYS",
        help="delete backups, and the copies made before a restore or an upgrade, older than "
        "DAYS days, 1 to 3650 (0: the default, 90); the newest good backup is always kept",
    )
    backup.set_defaults(handler=_backup_handler)

    restore_parser = subparsers.add_parser(
        "restore", help="replace the register with a backup (a safety copy is kept)"
    )
    restore_parser.add_argument("file", metavar="FILE", help="the backup to restore")
    restore_parser.add_argument(
        "--backup-key-file",
        metavar="KEYFILE",
        help="the key of a backup encrypted elsewhere (the key, or its recovery sheet's "
        "groups, in a file)",
    )
    # Opened as found, neither checked nor upgraded: restoring is how a damaged register
    # is replaced, and a backup of an older schema is upgraded after it is copied in.
    restore_parser.set_defaults(
        handler=handler(cmd_restore, file="file", backup_key_file="backup_key_file"),
        migrate=False,
        new_key=False,
    )

    exporting = subparsers.add_parser(
        "export",
        help="write members, guardians, memberships, events, sign-ups or attendance to CSV or XLSX",
    )
    exporting.add_argument(
        "what", choices=EXPORTS, metavar="WHAT", help=f"one of: {', '.join(EXPORTS)}"
    )
    exporting.add_argument(
        "file", metavar="FILE", help="FILE.csv (semicolons, for Excel) or FILE.xlsx"
    )
    exporting.add_argument(
        "--include-archived", action="store_true", help="members: include archived persons too"
    )
    exporting.set_defaults(
        handler=handler(cmd_export, what="what", file="file", include_archived="include_archived")
    )
