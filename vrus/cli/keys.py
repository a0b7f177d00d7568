"""The encrypted register on the command line: ``vrus key export [-o FILE.pdf]``,
``vrus key import [--from-file FILE]``, ``vrus encrypt`` and ``vrus decrypt -o FILE``.

``key import`` runs before the register is opened (it is how a register this computer holds
no key for becomes openable); the others work on the open register and close it first where
they convert its file.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler, print_warning
from vrus.errors import VrusError
from vrus.texts import translate

if TYPE_CHECKING:
    from vrus.db.engine import Database


def _write(out: TextIO, line: object = "") -> None:
    out.write(f"{line}\n")


def _not_encrypted(db: Database) -> VrusError:
    return VrusError(
        translate(
            "Core", "{database} is not encrypted, so it has no key ('vrus encrypt' encrypts it)"
        ).format(database=db.display_name)
    )


def cmd_key_export(db: Database, *, output: str | None = None, out: TextIO) -> ExitCode:
    """``vrus key export``: the recovery sheet, as text or (``-o FILE.pdf``) as a PDF."""
    from vrus import clock
    from vrus.db.keys import KEY_STORE
    from vrus.printing.recovery_sheet import recovery_sheet_text, write_recovery_sheet

    if db.key is None or db.path is None:
        raise _not_encrypted(db)
    if not db.key.raw:
        raise VrusError(
            translate(
                "Core",
                "the register's key is the passphrase in {path}: that file is what opens it; "
                "keep a copy of it locked away",
            ).format(path=db.key.location)
        )
    details: dict[str, Any] = {
        "secret": db.key.secret,
        "register": db.path.name,
        "made": clock.today(),
        "key_store": db.key.location if db.key.source == KEY_STORE else None,
        "language": "en",
    }
    if output is None:
        _write(out, recovery_sheet_text(**details))
        return ExitCode.OK
    details["language"] = "nb"
    path = write_recovery_sheet(Path(output), **details)
    _write(
        out,
        translate(
            "Core", "Recovery sheet written to {path}: print it, then delete the file"
        ).format(path=str(path)),
    )
    return ExitCode.OK


def cmd_key_import(
    db_path: Path, *, from_file: str | None = None, out: TextIO, stdin: TextIO | None = None
) -> ExitCode:
    """``vrus key import``: the recovery key (typed, piped or from a file) into the key store
    for the register at ``db_path``."""
    from vrus.encryption import import_recovery_key
    from vrus.recovery_code import CHARACTERS

    if from_file is not None:
        try:
            text = Path(from_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise VrusError(
                translate("Core", "cannot read {path}: {reason}").format(
                    path=from_file, reason=getattr(error, "strerror", None) or str(error)
                )
            ) from None
    else:
        source = stdin if stdin is not None else sys.stdin
        if source.isatty():
            sys.stderr.write(
                str(
                    translate(
                        "Core",
                        "Type the recovery key from the sheet (14 groups; spaces and dashes "
                        "do not matter), then Enter:",
                    )
                )
                + "\n"
            )
            text = source.readline()
            if 0 < len(re.sub(r"[\s\-–]", "", text)) < CHARACTERS:
                text += source.readline()  # the sheet's second line, typed on its own line
        else:
            text = source.read()
    key = import_recovery_key(db_path, text)
    _write(
        out,
        translate("Core", "The recovery key is kept in the key store ({name}) for {path}").format(
            name=key.location, path=str(db_path)
        ),
    )
    return ExitCode.OK


def cmd_encrypt(db: Database, *, key_file: str | None = None, out: TextIO) -> ExitCode:
    """``vrus encrypt``: the plain register and its backups, encrypted with the key in
    ``key_file`` (``--key-file``, ``VRUS_KEY_FILE``) or a new key in the key store."""
    from vrus.db.keys import key_file_path, read_key_file
    from vrus.encryption import encrypt_register

    if db.path is None:
        raise VrusError(
            translate(
                "Core", "{database} is a server database: the server protects its own files"
            ).format(database=db.display_name)
        )
    if db.key is not None:
        raise VrusError(translate("Core", "{path} is encrypted already").format(path=str(db.path)))
    database = db.path
    named = key_file_path(key_file)
    key = read_key_file(named) if named is not None else None
    db.close()  # this process's own connections must go before the file is replaced
    result = encrypt_register(database, key)
    _write(
        out,
        translate("Core", "Encrypted {path}; the key is kept in {place}").format(
            path=str(database), place=result.key.describe()
        ),
    )
    _write(
        out,
        translate("Core", "Backups encrypted: {count}").format(count=result.backups_converted),
    )
    if result.backups_deleted:
        print_warning(
            translate(
                "Core",
                "damaged plain backups that could not be read, and were deleted: {count}",
            ).format(count=result.backups_deleted)
        )
    _write(
        out,
        translate(
            "Core",
            "Print the recovery sheet now ('vrus key export -o sheet.pdf'); copies written "
            "elsewhere with 'vrus backup -o' are still plain: delete them or make new ones",
        ),
    )
    return ExitCode.OK


def cmd_decrypt(db: Database, *, output: str, out: TextIO, err: TextIO | None = None) -> ExitCode:
    """``vrus decrypt -o FILE``: a plain copy of the encrypted register, with a warning."""
    from vrus.encryption import decrypt_copy

    path = decrypt_copy(db, output)
    _write(out, translate("Core", "Plain copy written to {path}").format(path=str(path)))
    print_warning(
        translate(
            "Core",
            "{path} is NOT encrypted: anyone who gets the file can read the children's data; "
            "give it only to whoever needs it, and delete it when done",
        ).format(path=str(path)),
        err,
    )
    return ExitCode.OK


# --- argparse ------------------------------------------------------------------------------


def _key_import_before_open(args: argparse.Namespace) -> int:
    """Run without opening the register: it cannot open until its key is there."""
    from vrus.db.engine import resolve_url, sqlite_file

    path = sqlite_file(resolve_url(args.db))
    if path is None:
        raise VrusError(
            translate("Core", "a server database has no key in this computer's key store")
        )
    return cmd_key_import(path, from_file=args.from_file, out=sys.stdout)


def add_commands(subparsers: Any) -> None:
    """``vrus key``, ``vrus encrypt`` and ``vrus decrypt``."""
    key = subparsers.add_parser("key", help="the encrypted register's key: recovery sheet")
    actions = key.add_subparsers(dest="key_action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help="print the recovery sheet (the key as 14 groups), or write it as a PDF"
    )
    export.add_argument("-o", "--output", metavar="FILE.pdf", help="write the sheet as a PDF")
    export.set_defaults(handler=handler(cmd_key_export, output="output"))
    importing = actions.add_parser(
        "import",
        help="put the key from the recovery sheet into this computer's key store "
        "(typed, piped, or --from-file)",
    )
    importing.add_argument(
        "--from-file", metavar="FILE", help="read the groups (or 64 hex characters) from FILE"
    )
    importing.set_defaults(before_open=_key_import_before_open)

    encrypt = subparsers.add_parser(
        "encrypt", help="encrypt the register and its backups (a key in the key store or file)"
    )
    encrypt.set_defaults(handler=handler(cmd_encrypt, key_file="key_file"))

    decrypt = subparsers.add_parser(
        "decrypt", help="write a plain (unencrypted) copy of the encrypted register"
    )
    decrypt.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="the new file (.sqlite3)"
    )
    decrypt.set_defaults(handler=handler(cmd_decrypt, output="output"))
