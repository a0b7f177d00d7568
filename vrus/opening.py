"""Opening a register: refuse what is not one, check that it is intact, then upgrade it.

Every start of VRUS goes through ``open_database``: the window, every command but ``vrus
check`` and ``vrus restore`` (which open the file as it is), and a restore when it is done.
A damaged register is refused naming the newest good backup, which the window offers to
restore.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import DBAPIError

from vrus.backup_files import newest_good_backup
from vrus.db.engine import Database, connect, sqlite_file
from vrus.db.integrity import DamagedDatabaseError, first_problem, integrity_problems
from vrus.db.migrate import upgrade
from vrus.db.sqlite_files import check_sqlite_header
from vrus.errors import DatabaseError
from vrus.texts import translate

log = logging.getLogger(__name__)


def verify_integrity(db: Database) -> None:
    """Refuse a damaged SQLite register, naming the newest good backup."""
    path = db.path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return
    problems = integrity_problems(db)
    if not problems:
        return
    log.error("integrity check of %s failed: %s", path, first_problem(problems))
    good = newest_good_backup(path)
    raise DamagedDatabaseError(
        path, problems, good.path if good else None, good.taken if good else None
    )


def open_database(url: str, *, migrate: bool = True, verify: bool | None = None) -> Database:
    """Open the register at ``url``: check it is intact, then upgrade it to the current schema.

    ``verify`` (default: as ``migrate``) runs SQLite's quick check first and refuses a damaged
    file with ``DamagedDatabaseError``. ``migrate=False`` opens the file as found: ``vrus
    check`` reports its state, ``vrus restore`` replaces it.
    """
    path = sqlite_file(url)
    if path is not None:
        check_sqlite_header(path)
    db = connect(url)
    try:
        if migrate if verify is None else verify:
            verify_integrity(db)
        if migrate:
            upgrade(db)
    except DBAPIError as error:
        db.close()
        raise DatabaseError(
            translate("Core", "cannot open the database {database}: {reason}").format(
                database=db.display_name, reason=str(error.orig)
            )
        ) from error
    except BaseException:
        db.close()
        raise
    return db
