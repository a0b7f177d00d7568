"""Who may do what in a register on a PostgreSQL server: the four VRUS roles.

On a server the database itself enforces the permissions, not the window: each user logs in
with a login role of their own, a member of one of four **group roles**, and what a group may
read and write is granted to it by ``setup`` (the rules are in ``vrus.server.grants``):

- ``coordinator``: everything;
- ``lunch`` (the friends' association): what the lunch plan and the duty roster need;
- ``instructor``: events and attendance, severe allergies only;
- ``reader`` (the steering group): what the count reports need, no names.

**Naming.** Roles are shared by every database of a PostgreSQL cluster, so the group roles are
named after their database: ``<database>_coordinator``, ``<database>_lunch``,
``<database>_instructor``, ``<database>_reader``. Two VRUS databases on one server (or the many
test databases of one test run) never share a group. PostgreSQL cuts names at 63 bytes: a
database name too long to take the suffix keeps its first 42 bytes and gets 8 hexadecimal
characters of its SHA-256 (``<first 42 bytes>_<hash>_lunch``), so the name stays unique. Logins
are named freely (``add_user``), exactly as given.

A superuser, the database's owner (and members of the owner's role) count as coordinator: they
run ``setup`` and ``add_user``. On SQLite there is one user, the coordinator.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import sys
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from vrus.errors import VrusError
from vrus.texts import Text, translate

if TYPE_CHECKING:
    from vrus.db.engine import Database

log = logging.getLogger(__name__)

# PostgreSQL's NAMEDATALEN - 1: longer identifiers are cut (and two could become one).
MAX_NAME_BYTES = 63
_HASHED_PREFIX_BYTES = 42
_HASH_CHARACTERS = 8


class Role(StrEnum):
    COORDINATOR = "coordinator"
    LUNCH = "lunch"
    INSTRUCTOR = "instructor"
    READER = "reader"


def role_label(role: Role | str) -> Text:
    """The role as messages name it ("your role (lunch) may not ..."): the names the
    command's options use, in the window the association's own words."""
    labels = {
        Role.COORDINATOR: translate("Roles", "coordinator"),
        Role.LUNCH: translate("Roles", "lunch"),
        Role.INSTRUCTOR: translate("Roles", "instructor"),
        Role.READER: translate("Roles", "reader"),
    }
    return labels[Role(role)]


# A login in several groups acts as the first of them here (the widest).
ROLE_ORDER = (Role.COORDINATOR, Role.LUNCH, Role.INSTRUCTOR, Role.READER)


def _cut(name: str, size: int) -> str:
    """The longest start of ``name`` of at most ``size`` bytes in UTF-8."""
    return name.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def role_prefix(database: str) -> str:
    """What the group roles of ``database`` begin with (see the module's docstring)."""
    longest_suffix = max(len(f"_{role.value}") for role in Role)
    if len(database.encode("utf-8")) + longest_suffix <= MAX_NAME_BYTES:
        return database
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:_HASH_CHARACTERS]
    return f"{_cut(database, _HASHED_PREFIX_BYTES)}_{digest}"


def group_role(database: str, role: Role) -> str:
    """The name of ``role``'s group role in ``database``: ``<database>_<role>``."""
    return f"{role_prefix(database)}_{role.value}"


def group_roles(database: str) -> dict[Role, str]:
    return {role: group_role(database, role) for role in ROLE_ORDER}


def is_server(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


# --- which role a connection has -----------------------------------------------------------

_WHO = text(
    """
    SELECT current_database(), current_user,
           pg_has_role(current_user,
                       (SELECT datdba FROM pg_database WHERE datname = current_database()),
                       'MEMBER')
           OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
    """
)
_MEMBER_OF = text(
    "SELECT rolname FROM pg_roles "
    "WHERE rolname IN :names AND pg_has_role(current_user, oid, 'MEMBER')"
).bindparams(bindparam("names", expanding=True))


def login(connection: Connection) -> str:
    """The database user of ``connection`` (``current_user``)."""
    return str(connection.execute(text("SELECT current_user")).scalar_one())


def is_owner(connection: Connection) -> bool:
    """The login owns the database (or is a member of its owner, or a superuser)."""
    return bool(connection.execute(_WHO).one()[2])


def role_on(connection: Connection) -> Role | None:
    """The role of a PostgreSQL connection's login: coordinator for the owner and superusers,
    else the first VRUS group it is a member of; None for a login with no VRUS role."""
    database, _user, owner = connection.execute(_WHO).one()
    if owner:
        return Role.COORDINATOR
    names = group_roles(database)
    member_of = set(connection.execute(_MEMBER_OF, {"names": list(names.values())}).scalars())
    return next((role for role in ROLE_ORDER if names[role] in member_of), None)


def no_role(user: str, database: str) -> Text:
    return translate(
        "Core",
        "the login {user} has no VRUS role in the database {database}: the database owner "
        "gives it one with 'vrus server add-user'",
    ).format(user=user, database=database)


def role_of(db: Database) -> Role:
    """What the user of ``db`` may do: the coordinator on SQLite (one user, the file's owner);
    on PostgreSQL the VRUS group role its login is a member of (see ``role_on``). A login
    with no VRUS role is refused with a ``VrusError`` saying who adds one."""
    if db.engine.dialect.name != "postgresql":
        return Role.COORDINATOR
    with db.engine.connect() as connection:
        role = role_on(connection)
        if role is None:
            database, user, _ = connection.execute(_WHO).one()
            raise VrusError(no_role(user, database))
    return role


# --- setting a server up -------------------------------------------------------------------


def _server_only(url: str, command: str) -> None:
    if not is_server(url):
        raise VrusError(
            translate(
                "Core",
                "'{command}' is for a register on a PostgreSQL server "
                "(postgresql+psycopg://user@host/database); a register file needs no users",
            ).format(command=command)
        )


def setup(url: str) -> None:
    """``vrus server setup URL``, run by the database's owner: bring the schema to the newest
    version, create the four group roles where missing, take every right away from PUBLIC
    and grant each group what ``vrus.server.grants`` gives it. Running it again is harmless,
    and needed after VRUS has added tables (a new table is the coordinator's alone until
    then). Raises ``VrusError`` with the reason when it cannot."""
    from vrus.db.engine import connect
    from vrus.opening import open_database
    from vrus.server import grants

    _server_only(url, "vrus server setup")
    db = connect(url)
    try:
        _require_owner(db)
        # Migrating creates the schema in an empty database (and needs the owner's rights).
        open_database(url).close()
        with db.engine.begin() as connection:
            database = str(connection.execute(text("SELECT current_database()")).scalar_one())
            groups = {role.value: name for role, name in group_roles(database).items()}
            _repair_triggers(connection)
            grants.apply(connection, groups)
    except DBAPIError as error:
        raise VrusError(_unreachable(error, url) or _setup_failed(error)) from None
    finally:
        db.close()
    log.info("server database set up (roles and grants)")


def _repair_triggers(connection: Connection) -> None:
    """Make again VRUS's own triggers and their functions where one is missing (dropped by
    hand, or lost in a dump restored without them): without them other users' saves are not
    announced and the member list misses changes. ``vrus check`` names a missing one."""
    from vrus.db.journal import (
        postgresql_functions,
        postgresql_triggers,
        postgresql_triggers_present,
    )

    schema = str(connection.execute(text("SELECT current_schema()")).scalar_one())
    functions = set(
        connection.execute(
            text(
                "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = current_schema()"
            )
        ).scalars()
    )
    for name, statement in postgresql_functions(schema).items():
        if name not in functions:
            connection.exec_driver_sql(statement)
    triggers = postgresql_triggers_present(connection)
    for key, statement in postgresql_triggers().items():
        if key not in triggers:
            connection.exec_driver_sql(statement)


def _require_owner(db: Database) -> None:
    with db.engine.connect() as connection:
        database, user, owner = connection.execute(_WHO).one()
    if not owner:
        raise VrusError(
            translate(
                "Core",
                "only the owner of the database {database} (or a superuser) can set it up; "
                "{user} is not",
            ).format(database=database, user=user)
        )


def _unreachable(error: DBAPIError, url: str) -> Text | None:
    """What is wrong with the connection itself (a wrong password, no such database), in
    the words the window uses too; None for anything else."""
    from vrus.server.connection import connection_problem

    return connection_problem(error, url)


def _setup_failed(error: DBAPIError) -> Text:
    if getattr(error.orig, "sqlstate", None) == "42501":
        return translate(
            "Core",
            "the setup was refused by the server ({reason}): the owner needs the right to "
            "create roles (CREATEROLE), or a superuser runs 'vrus server setup'",
        ).format(reason=_reason(error))
    return translate("Core", "the setup failed: {reason}").format(reason=_reason(error))


def _reason(error: DBAPIError) -> str:
    """The server's own words (they name objects, never values)."""
    diag = getattr(error.orig, "diag", None)
    primary = getattr(diag, "message_primary", None)
    return str(primary or error.orig).strip().splitlines()[0]


# --- adding a user -------------------------------------------------------------------------


def _check_name(name: str) -> str:
    if not name or not name.strip() or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise VrusError(translate("Core", "a login needs a name without control characters"))
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise VrusError(
            translate("Core", "{name}: a login's name is at most {size} bytes long").format(
                name=name, size=MAX_NAME_BYTES
            )
        )
    return name


def add_user(db_or_url: Database | str, name: str, role: Role | str, password: str | None) -> None:
    """Create the login ``name`` (exactly as written: a quoted identifier) as a member of
    ``role``'s group role, with ``password`` or none (for servers that authenticate by peer or
    certificate). Run with the owner's connection, after ``setup``.

    An existing role of that name is refused, never changed: a typing mistake must not hand
    someone else's login a new role (the owner changes a role with ``GRANT``/``REVOKE``, see
    docs/server.md). The password is turned into a SCRAM verifier on this computer, so it
    never reaches the server, its log or VRUS's."""
    from vrus.db.engine import connect

    role = _role(role)
    name = _check_name(name)
    if isinstance(db_or_url, str):
        _server_only(db_or_url, "vrus server add-user")
        db = connect(db_or_url)
        owned = True
    else:
        _server_only(db_or_url.url, "vrus server add-user")
        db, owned = db_or_url, False
    try:
        with db.engine.begin() as connection:
            _create_login(connection, name, role, password)
    except DBAPIError as error:
        raise VrusError(_unreachable(error, db.url) or _add_user_failed(name, error)) from None
    finally:
        if owned:
            db.close()
    log.info("a login was added with the role %s", role.value)


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise VrusError(
            translate("Core", "'{value}' is not a role: use {roles}").format(
                value=value, roles=", ".join(r.value for r in ROLE_ORDER)
            )
        ) from None


def _create_login(connection: Connection, name: str, role: Role, password: str | None) -> None:
    database = str(connection.execute(text("SELECT current_database()")).scalar_one())
    group = group_role(database, role)
    exists = text("SELECT count(*) FROM pg_roles WHERE rolname = :name")
    if not connection.execute(exists, {"name": group}).scalar_one():
        raise VrusError(
            translate(
                "Core",
                "the database {database} is not set up for several users yet: run "
                "'vrus server setup' first",
            ).format(database=database)
        )
    if connection.execute(exists, {"name": name}).scalar_one():
        raise VrusError(
            translate(
                "Core",
                "{name}: a login (or role) of that name exists already; choose another name "
                "(an existing login's role is changed by the owner, see docs/server.md)",
            ).format(name=name)
        )
    quote = connection.dialect.identifier_preparer.quote_identifier
    statement = f"CREATE ROLE {quote(name)} LOGIN IN ROLE {quote(group)}"
    if password is not None:
        statement += f" PASSWORD {_literal(_verifier(connection, name, password))}"
    connection.exec_driver_sql(statement)


def _verifier(connection: Connection, name: str, password: str) -> str:
    """The password as the server stores it (SCRAM-SHA-256, or what the server's
    ``password_encryption`` asks for), computed here by libpq."""
    raw = connection.connection.dbapi_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    return bytes(pgconn.encrypt_password(password.encode("utf-8"), name.encode("utf-8"))).decode(
        "ascii"
    )


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _add_user_failed(name: str, error: DBAPIError) -> Text:
    if getattr(error.orig, "sqlstate", None) == "42501":
        return translate(
            "Core",
            "{name}: the server refused to create the login ({reason}); the database owner "
            "needs the right to create roles (CREATEROLE)",
        ).format(name=name, reason=_reason(error))
    return translate("Core", "{name}: the login could not be created: {reason}").format(
        name=name, reason=_reason(error)
    )


# --- the password, for the command line ----------------------------------------------------


def read_password_file(path: str) -> str:
    """The password in the file ``path``: its first line, without the line end."""
    try:
        with open(path, encoding="utf-8") as handle:
            password = handle.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as error:
        raise VrusError(
            translate("Core", "{path}: cannot read the password file ({reason})").format(
                path=path, reason=getattr(error, "strerror", None) or str(error)
            )
        ) from None
    if not password:
        raise VrusError(translate("Core", "{path}: the password file is empty").format(path=path))
    return password


def ask_password(name: str) -> str | None:
    """The password typed twice on the terminal, or None when there is no terminal (a script,
    a pipe: nobody could type it, so nothing waits) or nothing was typed."""
    if sys.stdin is None or not sys.stdin.isatty():
        return None
    first = getpass.getpass(f"Password for {name} (empty: none): ")
    if not first:
        return None
    if getpass.getpass("The same password again: ") != first:
        raise VrusError(translate("Core", "the two passwords differ; nothing was created"))
    return first
