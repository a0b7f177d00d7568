"""Connecting to a shared PostgreSQL server: its address, its password, and a clear word
when the connection fails.

A server is named by a ``ServerAddress`` (host, port, database, user), which becomes the URL
VRUS opens (``postgresql+psycopg://user@host:port/database``). The password never goes into a
settings file: it is kept in the operating system's key store through ``keyring`` (service
"VRUS server", the entry named ``user@host:port/database``), and put into the URL only for
connecting (``url_with_password``).

``check_server`` connects the way VRUS will and says in one line what is wrong: the password,
a user or database the server does not have, a host that does not answer, the driver not
installed. ``connection_problem`` turns the driver's message into that line; the password
never appears in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vrus.db.engine import SERVER_CONNECT_TIMEOUT
from vrus.db.keys import KeyStoreError, key_store_name, no_key_store
from vrus.errors import VrusError
from vrus.texts import Text, translate
from vrus.validation import ValidationError, one_line

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
KEY_STORE_SERVICE = "VRUS server"
# Seconds to wait for a server to answer, as when VRUS opens it.
CONNECT_TIMEOUT = SERVER_CONNECT_TIMEOUT
_NAME_LIMIT = 200


class ServerConnectionError(VrusError):
    """The server could not be reached or refused the login; the message says why."""


@dataclass(frozen=True, kw_only=True)
class ServerAddress:
    """Where a register lives on a server; everything but the password."""

    host: str
    port: int = DEFAULT_PORT
    database: str
    user: str

    def url(self, password: str | None = None) -> str:
        """The URL to open; with ``password`` only for connecting (never store it)."""
        return _render(self._url(password), hide_password=False)

    def _url(self, password: str | None) -> URL:
        from sqlalchemy.engine import URL

        return URL.create(
            DRIVER,
            username=self.user,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
        )

    @property
    def entry(self) -> str:
        """The key store's name for this login: ``user@host:port/database``."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def __str__(self) -> str:
        return self.entry

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        """The address of a PostgreSQL URL (its password, if any, is left out)."""
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            parsed = make_url(url)
        except (ArgumentError, ValueError):
            raise VrusError(translate("Core", "not a server address")) from None
        if parsed.get_backend_name() != "postgresql":
            raise VrusError(translate("Core", "not a PostgreSQL server address"))
        return server_address(
            parsed.host or "", parsed.port or DEFAULT_PORT, parsed.database or "", parsed.username
        )


def server_address(
    host: str | None, port: int | str | None, database: str | None, user: str | None
) -> ServerAddress:
    """The address from what the user typed; a ``ValidationError`` naming the field that is
    missing or wrong."""
    host_name = _required(host, "host", translate("Core", "the server's host name is required"))
    if any(c.isspace() or c in "/@?#" for c in host_name):
        raise ValidationError(
            "host", translate("Core", "the host name is one word, like db.example.no")
        )
    return ServerAddress(
        host=host_name,
        port=_port(port),
        database=_required(database, "database", translate("Core", "the database is required")),
        user=_required(user, "user", translate("Core", "the user name is required")),
    )


def _required(value: str | None, field: str, missing: Text) -> str:
    text = one_line(value, field, _NAME_LIMIT)
    if text is None:
        raise ValidationError(field, missing)
    return text


def _port(value: int | str | None) -> int:
    text = str(value if value is not None else "").strip()
    if not text:
        return DEFAULT_PORT
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise ValidationError(
            "port", translate("Core", "the port is a number from 1 to 65535 (usually 5432)")
        )
    return int(text)


def _render(url: URL, *, hide_password: bool) -> str:
    return url.render_as_string(hide_password=hide_password)


def without_password(url: str) -> str:
    """``url`` as it may be shown or remembered: the password left out entirely."""
    from sqlalchemy.engine import URL, make_url

    parsed = make_url(url)
    bare = URL.create(
        parsed.drivername,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return _render(bare, hide_password=True)


# --- the password, in the key store -----------------------------------------------------------


def _keyring() -> Any:
    """keyring, when this computer has a key store VRUS can use (as for the register's key,
    ``vrus.db.keys``); a ``KeyStoreError`` otherwise."""
    if key_store_name() is None:
        raise KeyStoreError(no_key_store())
    import keyring

    return keyring


def _store_failed(error: BaseException) -> KeyStoreError:
    # The type only: a key store's message could echo what it was given.
    return KeyStoreError(
        translate("Core", "the key store did not answer ({kind}); is it unlocked?").format(
            kind=type(error).__name__
        )
    )


def save_password(address: ServerAddress, password: str) -> None:
    """Keep the password of ``address`` in the key store (replacing one kept before)."""
    keyring = _keyring()
    try:
        keyring.set_password(KEY_STORE_SERVICE, address.entry, password)
    except Exception as error:  # locked, refused, the key store's service not running
        raise _store_failed(error) from None


def password_for(address: ServerAddress) -> str | None:
    """The password the key store keeps for ``address``; None when it keeps none, or there is
    no key store to ask."""
    if key_store_name() is None:
        return None
    import keyring

    try:
        password = keyring.get_password(KEY_STORE_SERVICE, address.entry)
    except Exception as error:
        raise _store_failed(error) from None
    return str(password) if password else None


def forget(address: ServerAddress) -> None:
    """Remove the password of ``address`` from the key store; nothing when there is none."""
    if key_store_name() is None:
        return
    import keyring

    try:
        keyring.delete_password(KEY_STORE_SERVICE, address.entry)
    except Exception:  # no such entry (keyring raises PasswordDeleteError), or refused
        return


def url_with_password(address: ServerAddress) -> str:
    """The URL to connect with: the key store's password in it, if it keeps one (without,
    the driver may still find one in ``PGPASSWORD`` or ``~/.pgpass``)."""
    return address.url(password_for(address))


def with_stored_password(url: str) -> str:
    """``url`` as given, or, for a PostgreSQL URL without a password, with the one the key
    store keeps for that login (``VRUS_DATABASE_URL`` need not hold it)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or parsed.password or not parsed.host:
        return url
    try:
        address = ServerAddress.from_url(url)
        password = password_for(address)
    except VrusError:  # an incomplete URL or a locked key store: connect as given
        return url
    if password is None:
        return url
    return _render(parsed.set(password=password), hide_password=False)


# --- checking a connection --------------------------------------------------------------------


def check_server(url: str, *, timeout: int = CONNECT_TIMEOUT) -> Text:
    """Connect to ``url`` and look for the register; what was found, in one line. What is
    wrong is a ``ServerConnectionError`` saying it in one line."""
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError

    require_driver()
    address = ServerAddress.from_url(url)
    engine = create_engine(url, connect_args={"connect_timeout": timeout}, hide_parameters=True)
    try:
        with engine.connect() as connection:
            has_register = inspect(connection).has_table("alembic_version")
            version = None
            if has_register:
                version = connection.exec_driver_sql(
                    "SELECT version_num FROM alembic_version"
                ).scalar()
    except DBAPIError as error:
        raise ServerConnectionError(
            connection_problem(error.orig, make_url(url))
            or cannot_connect(address, _scrubbed(str(error.orig), make_url(url).password))
        ) from None
    finally:
        engine.dispose()
    if not version:
        raise ServerConnectionError(
            translate(
                "Core",
                "{address}: connected, but the database holds no VRUS register yet: its owner "
                "runs 'vrus server setup' first (docs/server.md)",
            ).format(address=str(address))
        )
    return translate("Core", "{address}: connected; the register is there.").format(
        address=str(address)
    )


def require_driver() -> None:
    """Refuse in one line when psycopg, the PostgreSQL driver, is not installed."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise ServerConnectionError(driver_missing()) from None


def driver_missing() -> Text:
    return translate(
        "Core",
        "the PostgreSQL driver is not installed: install it with pip install 'vrus[server]'",
    )


def cannot_connect(address: ServerAddress, reason: str) -> Text:
    return translate("Core", "{address}: cannot connect: {reason}").format(
        address=str(address), reason=reason
    )


# What libpq and PostgreSQL say (in English, the default of both), matched in order, and the
# line that tells a volunteer what to do about it.
_PROBLEMS: tuple[tuple[re.Pattern[str], Text], ...] = (
    (
        re.compile(r"password authentication failed|authentication failed for user"),
        translate(
            "Core",
            "{address}: the password is wrong (or the server has no user {user})",
        ),
    ),
    (
        re.compile(r"no password supplied|password is required"),
        translate("Core", "{address}: the server asks for a password; type it in"),
    ),
    (
        re.compile(r'role "[^"]*" does not exist'),
        translate(
            "Core",
            "{address}: the server has no user {user} (the database owner adds it with "
            "'vrus server add-user')",
        ),
    ),
    (
        re.compile(r'database "[^"]*" does not exist'),
        translate(
            "Core",
            "{address}: the server has no database {database}; check the name (the owner of "
            "the server creates it)",
        ),
    ),
    (
        re.compile(r"permission denied for database|not have CONNECT privilege"),
        translate("Core", "{address}: the user {user} may not connect to the database {database}"),
    ),
    (
        re.compile(r"no pg_hba\.conf entry"),
        translate(
            "Core",
            "{address}: the server does not accept {user} from this computer (its "
            "pg_hba.conf; see docs/server.md)",
        ),
    ),
    (
        re.compile(r"failed to resolve host|could not translate host name|Name or service not"),
        translate(
            "Core",
            "{host}: no computer has this name; check the host name and the internet connection",
        ),
    ),
    (
        re.compile(r"Connection refused"),
        translate(
            "Core",
            "{host}:{port}: no database server answers there; check the host name and port, "
            "and that the server is running",
        ),
    ),
    (
        re.compile(
            r"timeout expired|timed out|No route to host|Network is unreachable"
            r"|invalid response to SSL negotiation|server closed the connection unexpectedly"
        ),
        translate(
            "Core",
            "{host}:{port}: the server does not answer; check the host name and port, the "
            "network, and that no firewall is in the way",
        ),
    ),
    (
        re.compile(r"SSL was required|SSL is not enabled|certificate|SSL error"),
        translate(
            "Core",
            "{address}: the encrypted connection (TLS) failed: the server and this computer "
            "do not agree on TLS or its certificate (see docs/server.md)",
        ),
    ),
    (
        re.compile(r"too many connections|remaining connection slots"),
        translate("Core", "{address}: the server has no free connections now; try again later"),
    ),
    (
        re.compile(r"starting up|shutting down|in recovery mode"),
        translate("Core", "{address}: the server is starting or stopping; try again in a moment"),
    ),
)


def connection_problem(error: BaseException | None, url: URL | str) -> Text | None:
    """The one line for a failed connection to ``url`` (an error of the driver, or one that
    wraps it), or None when the error is not one of those known here."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url) if isinstance(url, str) else url
    if isinstance(error, ImportError):
        return driver_missing()
    message = str(getattr(error, "orig", None) or error or "")
    try:
        address = ServerAddress.from_url(_render(parsed, hide_password=False))
    except VrusError:
        return None
    for pattern, text in _PROBLEMS:
        if pattern.search(message):
            return text.format(
                address=str(address),
                user=address.user,
                database=address.database,
                host=address.host,
                port=address.port,
            )
    return None


def _scrubbed(message: str, password: str | None) -> str:
    """The driver's message on one line, from its last "failed:", without the password
    (libpq does not repeat it, but nothing here relies on that)."""
    line = " ".join(message.split())
    reason = line.rsplit("failed: ", 1)[-1] or line
    if password:
        reason = reason.replace(password, "***")
    return reason.removeprefix("FATAL: ").strip()
