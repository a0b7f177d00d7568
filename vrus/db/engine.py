"""Opening the register: URL resolution, SQLite connection set-up, sessions.

Only this module speaks SQLite dialect (PRAGMAs, the collation); everything else uses portable
SQLAlchemy constructs so the planned shared PostgreSQL server needs no rewrite.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from vrus import audit, collation
from vrus.db import driver
from vrus.db.keys import RegisterKey
from vrus.db.models import COLLATION
from vrus.db.network_share import refuse_network_share
from vrus.errors import VrusError
from vrus.paths import default_database_path, private_dir
from vrus.texts import Text, translate

ENV_URL = "VRUS_DATABASE_URL"


class RegisterBusyError(VrusError):
    """A write waited longer than the busy timeout for another writer to finish."""


BUSY_TIMEOUT_MS = 5000
SERVER_CONNECT_TIMEOUT = 10  # seconds
# Execution option: "IMMEDIATE" makes a SQLite transaction take the write lock at BEGIN (see
# ``Database.transaction``); without it pysqlite begins only before the first write.
SQLITE_BEGIN = "vrus_sqlite_begin"
# Execution option: what a connection with it writes is none of the register's content (the
# window's row in ``presence``): it makes no backup due (``vrus.backup``).
NOT_CONTENT = "vrus_not_content"


def resolve_url(db_path: str | os.PathLike[str] | None = None) -> str:
    """``--db PATH`` (or ``--db URL``) wins, then ``VRUS_DATABASE_URL``, then the file in the
    user data folder."""
    if db_path:
        if is_url(str(db_path)):
            check_env_url(str(db_path), variable="--db")
            return str(db_path)
        return sqlite_url(Path(db_path))
    env = os.environ.get(ENV_URL, "").strip()
    if env:
        check_env_url(env)
        return env
    return sqlite_url(default_database_path())


def is_url(text: str) -> bool:
    """A database URL (``postgresql+psycopg://…``, ``sqlite:///…``) rather than a file name."""
    scheme, separator, _rest = text.partition("://")
    return bool(separator) and scheme.replace("+", "").isalnum()


def check_env_url(url: str, variable: str = ENV_URL) -> None:
    """Refuse a ``VRUS_DATABASE_URL`` (or ``--db URL``) that names no database, or whose
    driver is missing, in one line naming the variable (never the URL's password)."""
    try:
        parsed = make_url(url)
        dialect = parsed.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError):
        raise VrusError(
            translate(
                "Core",
                "{variable}: not a database URL (like sqlite:////path/to/vrus.sqlite3 "
                "or postgresql+psycopg://host/vrus)",
            ).format(variable=variable)
        ) from None
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise VrusError(
                translate(
                    "Core", "{variable}: the URL names no database file (sqlite:////path/to/file)"
                ).format(variable=variable)
            )
        return
    try:
        dialect.import_dbapi()
    except ImportError:
        raise VrusError(
            translate(
                "Core",
                "{variable}: the database driver for {url} is not installed "
                "(install vrus[server] for PostgreSQL)",
            ).format(variable=variable, url=parsed.render_as_string(hide_password=True))
        ) from None


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).expanduser().absolute()}"


def sqlite_file(url: str) -> Path | None:
    """The database file behind a SQLite URL, or None for other databases and ``:memory:``."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def not_a_file(path: Path) -> Text:
    """The refusal of a folder given as the register (``--db``, ``VRUS_DATABASE_URL``)."""
    return translate("Core", "{path} is a folder, not a database file").format(path=str(path))


def prepare_sqlite_file(path: Path) -> None:
    """Create the folder (0700) and the file (0600) before SQLite does, so neither is ever
    readable by others: the register holds children's personal data. A file on a network
    share is refused before anything is made (``vrus.db.network_share``)."""
    if path.exists() and path.is_dir():
        raise VrusError(not_a_file(path))
    refuse_network_share(path)
    try:
        if path.parent == default_database_path().parent:
            private_dir(path.parent)
        else:
            _make_private_folders(path.parent)
        # A file its owner may not write (a moved register's old file, vrus.server.moved)
        # stays so: only the others' permissions are taken away.
        kept = path.exists() and not path.stat().st_mode & 0o200
        fd = os.open(path, os.O_RDONLY if kept else os.O_CREAT | os.O_RDWR, 0o600)
        os.close(fd)
        os.chmod(path, 0o400 if kept else 0o600)
    except OSError as error:  # a read-only place, a file of another user, a full disk
        raise VrusError(
            translate("Core", "{path}: the register cannot be opened here ({reason})").format(
                path=str(path), reason=error.strerror or str(error)
            )
        ) from None


def _make_private_folders(folder: Path) -> None:
    """The folders missing on the way to ``folder``, each readable by its owner only; folders
    that exist are the user's and keep their permissions."""
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    for each in reversed(missing):
        each.mkdir(mode=0o700, exist_ok=True)


def _on_sqlite_connect(dbapi_connection: driver.Connection, _record: object) -> None:
    dbapi_connection.create_collation(COLLATION, collation.compare)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted rows are overwritten with zeros, not left readable in free pages of the
        # file (SQLite's own default is off; some builds turn it on, none may be relied on).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed edit survives a power cut too, not only a killed process; one
        # fsync per user action is cheap next to losing a child's registration.
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    """BEGIN IMMEDIATE for the units of work of ``Database.transaction``.

    The write lock is taken at the start (waiting up to the busy timeout while another window
    or process writes) and held to the commit, so what a unit of work has read stays true
    until it has written: two windows' units of work take turns instead of interleaving (the
    second save would otherwise be refused by the version counter, and the import's matching
    of rows to persons could go stale before it writes). Everything else keeps pysqlite's own
    behaviour (BEGIN just before the first INSERT/UPDATE/DELETE), so reads never wait (WAL).
    """
    if connection.get_execution_options().get(SQLITE_BEGIN) == "IMMEDIATE":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _keyed_connections(key: RegisterKey) -> Callable[..., Any]:
    """The ``do_connect`` hook of an encrypted register: SQLCipher's connection, given its key
    before SQLAlchemy or anything else reads the file."""

    def do_connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        connection = driver.sqlcipher.connect(*cargs, **cparams)
        try:
            driver.unlock(connection, key)
        except BaseException:
            connection.close()
            raise
        return connection

    return do_connect


def make_engine(url: str, key: RegisterKey | None = None) -> Engine:
    """The engine of ``url``; with ``key`` a SQLite file is opened through SQLCipher."""
    path = sqlite_file(url)
    if path is not None:
        prepare_sqlite_file(path)
    options: dict[str, Any] = {}
    if key is not None and path is not None:
        options["module"] = driver.sqlcipher
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        arguments: dict[str, Any] = {}
        if "connect_timeout" not in parsed.query:
            # A server behind a firewall that drops packets is reported within seconds, not
            # after the operating system's two minutes.
            arguments["connect_timeout"] = SERVER_CONNECT_TIMEOUT
        if "application_name" not in parsed.query:
            # What the server's administrator sees in pg_stat_activity and the server log.
            arguments["application_name"] = "VRUS"
        options["connect_args"] = arguments
    # hide_parameters: a failing statement's error names its SQL, never the values (a child's
    # name or allergy would otherwise reach the log file with the traceback).
    engine = create_engine(url, future=True, hide_parameters=True, **options)
    if key is not None and path is not None:
        event.listen(engine, "do_connect", _keyed_connections(key))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    else:
        event.listen(engine, "handle_error", _without_values)
    return engine


def _without_values(context: ExceptionContext) -> BaseException | None:
    """A server's error without its DETAIL, which quotes the values of the row or key that
    failed ("Failing row contains (..., Anafylaksi, ...)"): hide_parameters keeps them out of
    the statement, this out of the message, so no child's data reaches a log file."""
    original = context.original_exception
    diag = getattr(original, "diag", None)
    if diag is None or not getattr(diag, "message_detail", None):
        return None
    original.args = (diag.message_primary or type(original).__name__,)
    dbapi = context.dialect.loaded_dbapi
    return DBAPIError.instance(
        context.statement,
        context.parameters,
        original,
        dbapi.Error,
        hide_parameters=True,
        connection_invalidated=context.is_disconnect,
        dialect=context.dialect,
    )


@dataclass
class Database:
    """An open register: the engine, a session factory and where it lives."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    # The key of an encrypted SQLite register (None: plain, or a server database).
    key: RegisterKey | None = None

    @property
    def path(self) -> Path | None:
        return sqlite_file(self.url)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def display_name(self) -> str:
        """What the window title and messages show: the file, or the URL without password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error.

        On SQLite it begins IMMEDIATE (holding the write lock until it ends), so two windows
        writing at once take turns instead of one failing; reading sessions
        (``db.sessions()``) are not affected.
        """
        try:
            with self.sessions(bind=self._writer) as session, session.begin():
                yield session
        except OperationalError as error:
            if "database is locked" not in str(error.orig):
                raise
            # Another window or command held the write lock past the busy timeout (a long
            # import, say): say so plainly; nothing of this action was saved.
            raise RegisterBusyError(
                translate(
                    "Core",
                    "The register is busy: another VRUS window or command is saving. "
                    "Nothing was saved; try again in a moment.",
                )
            ) from None

    @cached_property
    def _writer(self) -> Engine:
        """The engine with the option that makes ``_on_sqlite_begin`` begin IMMEDIATE."""
        return self.engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})

    def close(self) -> None:
        self.engine.dispose()


def connect(url: str, key: RegisterKey | None = None) -> Database:
    """Open ``url`` without migrating (see ``vrus.opening.open_database`` for that, and for
    finding the key of an encrypted register)."""
    engine = make_engine(url, key)
    sessions = sessionmaker(engine, expire_on_commit=False)
    audit.watch(sessions)  # every change to a person's data leaves an entry in the trail
    return Database(url=url, engine=engine, sessions=sessions, key=key)
