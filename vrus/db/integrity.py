"""SQLite's integrity check of a register, and the error that refuses a damaged one."""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from vrus.dates import format_date
from vrus.db import driver
from vrus.db.engine import Database
from vrus.db.journal import is_own_trigger
from vrus.db.keys import RegisterKey
from vrus.errors import DatabaseError
from vrus.paths import default_database_path
from vrus.texts import Text, translate


class DamagedDatabaseError(DatabaseError):
    """SQLite's integrity check failed: the file must not be used as it is.

    ``backup`` is the newest backup that passes the checks (None when there is none): the
    window offers to restore it, the command line names it with the command that does.
    ``message`` is the ``Text`` the window translates.
    """

    def __init__(
        self,
        path: Path,
        problems: list[str],
        backup: Path | None,
        taken: dt.datetime | None = None,
        *,
        key: RegisterKey | None = None,
    ) -> None:
        self.path, self.problems, self.backup = path, problems, backup
        self.key = key  # the register's key: the backup is restored with it
        problem = first_problem(problems)
        if backup is not None:
            self.message = translate(
                "Core",
                "{path} is damaged (integrity check: {problem}); the newest good "
                "backup is from {date}: restore it with {command}",
            ).format(
                path=str(path),
                problem=problem,
                date=_format_taken(taken),
                command=restore_command(path, backup),
            )
        else:
            self.message = translate(
                "Core",
                "{path} is damaged (integrity check: {problem}) and no good backup "
                "was found; keep the file as it is and ask for help",
            ).format(path=str(path), problem=problem)
        super().__init__(str(self.message))


def first_problem(problems: list[str]) -> str:
    """The first line that says something ("*** in database main ***" does not), shortened."""
    lines = [line.strip() for problem in problems for line in problem.splitlines()]
    useful = [line for line in lines if line and not line.startswith("***")]
    text = useful[0] if useful else "unknown problem"
    return text if len(text) <= 120 else text[:117] + "..."


def _format_taken(taken: dt.datetime | None) -> str:
    return "?" if taken is None else f"{format_date(taken.date())} {taken:%H:%M}"


def restore_command(database: Path, backup: Path) -> str:
    """The command that restores ``backup`` into ``database``, ready to paste."""
    db_option = "" if database == default_database_path() else f"--db {shlex.quote(str(database))} "
    return f"vrus {db_option}restore {shlex.quote(str(backup))}"


# VRUS's schema has tables, indexes and the change journal's triggers (vrus.db.journal) only.
# Another trigger or a view in the file was put there by something else, and a trigger runs
# its own statements on every change VRUS makes: it could copy children's data elsewhere in
# the file or undo an erasure. Read from sqlite_master, which changes nothing.
SCHEMA_OBJECTS_SQL = (
    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') "
    "ORDER BY type, name"
)


def foreign_objects(rows: Iterable[Sequence[object]]) -> list[tuple[str, str]]:
    """The (kind, name) of each row of ``SCHEMA_OBJECTS_SQL`` that VRUS did not make:
    'trigger' or 'view', and the name as one printable line; empty when the schema is
    VRUS's own."""
    return [
        (str(kind), _printable(str(name)))
        for kind, name, sql in rows
        if not (kind == "trigger" and is_own_trigger(str(name), _text(sql)))
    ]


def _text(sql: object) -> str | None:
    return sql if isinstance(sql, str) else None


def foreign_object_text(kind: str, name: str) -> Text:
    """A trigger or a view found in a file, for the user: "it contains a trigger 'x' that
    VRUS did not make"."""
    if kind == "trigger":
        return translate("Core", "it contains a trigger '{name}' that VRUS did not make").format(
            name=name
        )
    return translate("Core", "it contains a view '{name}' that VRUS did not make").format(name=name)


def _printable(name: str, longest: int = 60) -> str:
    """A name from the file as one short line: it is the file's, not ours to trust."""
    text = "".join(c if c.isprintable() else "?" for c in name)
    return text if len(text) <= longest else text[: longest - 3] + "..."


CIPHER_PAGE_FAILED = "SQL logic error"


def is_damage(error: DBAPIError, *, encrypted: bool) -> bool:
    """SQLite could not read the file ("database disk image is malformed"), as opposed to a
    busy or missing file (OperationalError), which is not damage. On an encrypted register
    a page that fails its authentication is reported as a plain "SQL logic error"."""
    if isinstance(error.orig, driver.DatabaseError) and not isinstance(
        error.orig, driver.OperationalError
    ):
        return True
    return encrypted and str(error.orig) == CIPHER_PAGE_FAILED


def integrity_problems(db: Database) -> list[str]:
    """``PRAGMA quick_check`` on a SQLite register: empty when it is intact.

    A file damaged so badly that SQLite refuses to read it counts as a problem too; a file
    that is only busy ("database is locked") raises, it is not damaged. SQLCipher reports a
    page whose authentication fails as a plain "SQL logic error" (or a MemoryError) in the
    middle of the check: on an encrypted register that is damage too.
    """
    try:
        with db.engine.connect() as connection:
            rows = connection.exec_driver_sql("PRAGMA quick_check").scalars().all()
    except DBAPIError as error:
        if is_damage(error, encrypted=db.encrypted):
            return [str(error.orig)]
        raise
    return [str(row) for row in rows if row != "ok"]
