"""A statement the server refused for want of a right becomes one clear line.

PostgreSQL refuses what a role was not granted with SQLSTATE 42501 (insufficient_privilege)
and names the table only ("permission denied for table persons"). ``watch`` makes every such
refusal on an engine a ``RefusedError`` that says which role may not do what, with the columns
where they can be told: "your role (lunch) may not read persons.birth_date". The columns are
those of the refused table that the statement names and the role lacks the right to, asked of
the server itself (``has_column_privilege``), so the line is true whatever the grants are.

The command line (``vrus.cli.main``) watches the register it opens; the window does the same
with its own. The server's message names objects, never values, and so does the line.
"""

from __future__ import annotations

import logging
import re
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.engine import ExceptionContext

from vrus.errors import VrusError
from vrus.server.roles import role_label, role_on
from vrus.texts import Text, translate

log = logging.getLogger(__name__)

INSUFFICIENT_PRIVILEGE = "42501"
SHOWN_COLUMNS = 4  # a refused whole row names its first columns, not thirty

_DENIED = re.compile(r'permission denied for (\w+) "?([^"\s]+)"?')
_ROW_POLICY = re.compile(r'row-level security policy for table "?([^"\s]+)"?')
# The verb of a statement and the privilege it needs of the columns it writes.
_VERBS = {"SELECT": "SELECT", "INSERT": "INSERT", "UPDATE": "UPDATE", "DELETE": "DELETE"}


# Set while a refusal is being explained: the explanation's own queries are not explained.
_explaining: ContextVar[bool] = ContextVar("vrus_explaining_refusal", default=False)


class RefusedError(VrusError):
    """The server refused the statement: the user's role lacks the right."""


def watch(engine: Engine) -> None:
    """Turn the refusals of ``engine`` (a PostgreSQL one; others are left alone) into
    ``RefusedError``s."""
    if engine.dialect.name != "postgresql":
        return
    if not event.contains(engine, "handle_error", _on_error):
        event.listen(engine, "handle_error", _on_error)


def _on_error(context: ExceptionContext) -> None:
    original = context.original_exception
    if getattr(original, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
        return
    if context.connection is None or _explaining.get():
        return  # no connection made (CONNECT refused), or a refusal while explaining one
    token = _explaining.set(True)
    try:
        message = describe(context.engine, original, context.statement)
    finally:
        _explaining.reset(token)
    raise RefusedError(message) from context.sqlalchemy_exception


def _primary(error: BaseException) -> str:
    diag = getattr(error, "diag", None)
    primary = getattr(diag, "message_primary", None) or str(error)
    return str(primary).strip().splitlines()[0] if str(primary).strip() else ""


def _verb(statement: str | None) -> str:
    words = (statement or "").split(None, 1)
    return _VERBS.get(words[0].upper(), "") if words else ""


def describe(engine: Engine | None, error: BaseException, statement: str | None) -> Text:
    """The line for a refused statement; asks the server (on a fresh connection: the
    refused one is in a failed transaction) which role this is and which columns it lacks."""
    primary = _primary(error)
    who, missing = None, []
    denied = _DENIED.search(primary)
    if engine is not None:
        try:
            with engine.connect() as connection:
                role = role_on(connection)
                login = str(connection.execute(text("SELECT current_user")).scalar_one())
                who = _who(role.value if role else None, login)
                if denied and denied.group(1) == "table":
                    missing = _missing(connection, denied.group(2), statement, _verb(statement))
        except Exception as problem:  # the explanation must never hide the refusal
            log.warning("could not explain a refusal: %s", type(problem).__name__)
    who = who or translate("Core", "your role")
    return _line(who, primary, denied, missing, _verb(statement))


def _who(role: str | None, login: str) -> Text:
    if role is None:
        return translate("Core", "your login ({login}, with no VRUS role)").format(login=login)
    return translate("Core", "your role ({role})").format(role=role_label(role))


def _line(
    who: Text,
    primary: str,
    denied: re.Match[str] | None,
    missing: list[tuple[str, str]],
    verb: str,
) -> Text:
    if missing:
        privilege = missing[0][1]
        named = [column for column, p in missing if p == privilege]
        columns = ", ".join(named[:SHOWN_COLUMNS]) + (", …" if len(named) > SHOWN_COLUMNS else "")
        return _column_line(privilege).format(who=who, columns=columns)
    if denied and denied.group(1) == "table":
        return _table_line(verb).format(who=who, table=denied.group(2))
    policy = _ROW_POLICY.search(primary)
    if policy:
        return translate("Core", "{who} may not write this row of {table}").format(
            who=who, table=policy.group(1)
        )
    return translate("Core", "{who} may not do this: {reason}").format(who=who, reason=primary)


def _column_line(privilege: str) -> Text:
    if privilege == "INSERT":
        return translate("Core", "{who} may not add {columns}")
    if privilege == "UPDATE":
        return translate("Core", "{who} may not change {columns}")
    return translate("Core", "{who} may not read {columns}")


def _table_line(verb: str) -> Text:
    if verb == "INSERT":
        return translate("Core", "{who} may not add rows to {table}")
    if verb == "UPDATE":
        return translate("Core", "{who} may not change {table}")
    if verb == "DELETE":
        return translate("Core", "{who} may not delete from {table}")
    return translate("Core", "{who} may not read {table}")


def _allowed(connection: Any, table: str, privilege: str) -> bool:
    """The login may use ``privilege`` on the table at all (on some column, for the column
    privileges; DELETE is the table's only)."""
    function = "has_table_privilege" if privilege == "DELETE" else "has_any_column_privilege"
    return bool(
        connection.execute(
            text(f"SELECT {function}(to_regclass(:table), :privilege)"),
            {"table": table, "privilege": privilege},
        ).scalar_one()
    )


def _named_columns(table: str, columns: list[str], statement: str, verb: str) -> list[str]:
    """The columns of ``table`` the statement names. A SELECT qualifies them by the table or
    one of its aliases (other tables may have columns of the same name); an INSERT or UPDATE
    lists its own table's columns bare."""
    anywhere = [c for c in columns if re.search(rf"\b{re.escape(c)}\b", statement)]
    if verb != "SELECT":
        return anywhere
    aliases = {table, *re.findall(rf"\b{re.escape(table)} AS (\w+)", statement)}
    qualified = [
        column
        for column in anywhere
        if any(re.search(rf"\b{re.escape(a)}\.{re.escape(column)}\b", statement) for a in aliases)
    ]
    return qualified or anywhere


def _missing(
    connection: Any, table: str, statement: str | None, verb: str
) -> list[tuple[str, str]]:
    """(``table.column``, privilege) for the columns the statement names that the login may
    not use as it does: the written ones (INSERT, UPDATE), else the read ones (a SELECT, a
    WHERE, a RETURNING). Empty when the statement's own privilege is missing on the whole
    table: the table's line says that better than thirty columns."""
    if not statement or not verb or not _allowed(connection, table, verb):
        return []
    columns = list(
        connection.execute(
            text(
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:table) "
                "AND attnum > 0 AND NOT attisdropped ORDER BY attnum"
            ),
            {"table": table},
        ).scalars()
    )
    named = _named_columns(table, columns, statement, verb)
    found: list[tuple[str, str]] = []
    for privilege in dict.fromkeys(p for p in (verb, "SELECT") if p != "DELETE"):
        for column in named:
            allowed = connection.execute(
                text("SELECT has_column_privilege(to_regclass(:table), :column, :privilege)"),
                {"table": table, "column": column, "privilege": privilege},
            ).scalar_one()
            if not allowed:
                found.append((f"{table}.{column}", privilege))
        if found:
            break
    return found
