"""Noticing that someone else changed the register: the other users' windows, a command.

A ``ChangeWatcher`` answers "has the register changed since I last asked?" without reading
the register itself, on a connection of its own:

- **SQLite**: the file's change counter (``PRAGMA data_version``), which moves when another
  connection commits. ``wait`` asks a few times a second; asking costs no disk read. The
  window's own saves go through other connections of its engine and count as changes too
  (a refresh after them finds little to do: the Members page follows the change journal).
  Writes through ``connection`` itself do not (the window's presence heartbeat).
- **PostgreSQL**: ``LISTEN`` on the channel the triggers of ``vrus.db.journal`` notify
  (migration 0008); ``wait`` sleeps on the connection's socket until the server speaks. A
  notification sent by a connection of the watched ``Database`` is the window's own save and
  is left out: the window has announced it already. The presence channel (a window arrived
  or left) sets ``presence_news`` instead.

The window runs one in a worker thread (``vrus.ui.common.remote_changes``): a watcher is
used by one thread, except ``stop``, which any thread may call to end a ``wait`` at once.
"""

from __future__ import annotations

import select
import socket
import threading
from abc import ABC, abstractmethod
from contextlib import suppress
from time import monotonic
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, event

from vrus.db.engine import NOT_CONTENT, Database
from vrus.db.journal import NOTIFY_CHANNEL, PRESENCE_CHANNEL

SQLITE_INTERVAL = 0.2  # seconds between two looks at the file's change counter


class ChangeWatcher(ABC):
    """Whether the register changed since the last ``poll`` or ``wait`` (or since made)."""

    def __init__(self, db: Database, connection: Connection) -> None:
        self.db = db
        # The watcher's own connection: presence is written through it (vrus.presence), so
        # that a window's heartbeat does not wake the window itself on SQLite, nor make a
        # backup due (``NOT_CONTENT``).
        self.connection = connection
        self._stopping = threading.Event()
        # Set when a window arrived or left (PostgreSQL); the reader clears it.
        self.presence_news = False

    @abstractmethod
    def poll(self) -> bool:
        """Changed since last asked? Never waits."""

    @abstractmethod
    def wait(self, timeout: float) -> bool:
        """Changed since last asked? Waits up to ``timeout`` seconds for a change; returns
        False at once after ``stop``, and early when ``presence_news`` came meanwhile."""

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def stop(self) -> None:
        """End a ``wait`` now and every one after it (any thread may call this)."""
        self._stopping.set()

    def close(self) -> None:
        """Close the watcher's connection (the thread that used it)."""
        self.stop()
        self.connection.close()

    def __enter__(self) -> ChangeWatcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class SqliteWatcher(ChangeWatcher):
    """Looks at the file's change counter (``PRAGMA data_version``) a few times a second."""

    def __init__(self, db: Database) -> None:
        # Made by the engine: an encrypted register's connection gets its key like any other.
        connection = db.engine.connect().execution_options(**{NOT_CONTENT: True})
        connection.detach()  # closed with the watcher, not kept in the engine's pool
        super().__init__(db, connection)
        self._version = self._data_version()

    def _data_version(self) -> int:
        version = int(self.connection.exec_driver_sql("PRAGMA data_version").scalar_one())
        self.connection.commit()  # no transaction left open: presence writes come next
        return version

    def poll(self) -> bool:
        version = self._data_version()
        changed = version != self._version
        self._version = version
        return changed

    def wait(self, timeout: float) -> bool:
        deadline = monotonic() + timeout
        while not self.stopping:
            if self.poll():
                return True
            remaining = deadline - monotonic()
            if remaining <= 0 or self._stopping.wait(min(SQLITE_INTERVAL, remaining)):
                break
        return False


class ServerWatcher(ChangeWatcher):
    """Listens for the notifications of ``vrus.db.journal``'s triggers (PostgreSQL)."""

    def __init__(self, db: Database) -> None:
        connection = db.engine.connect().execution_options(
            isolation_level="AUTOCOMMIT", **{NOT_CONTENT: True}
        )
        connection.detach()
        super().__init__(db, connection)
        try:
            connection.exec_driver_sql(f"LISTEN {NOTIFY_CHANNEL}")
            connection.exec_driver_sql(f"LISTEN {PRESENCE_CHANNEL}")
            connection.commit()
        except BaseException:
            connection.close()
            raise
        # The server processes of the watched engine's connections: what they notify is the
        # window's own doing. Known from their next checkout on, before they write.
        self._own: set[int] = set()
        event.listen(db.engine, "checkout", self._checked_out)
        event.listen(db.engine, "close", self._closed)
        self._listening = True
        # A byte on this pair ends a wait on the server's socket (``stop``).
        self._wake_reader, self._wake_writer = socket.socketpair()

    @property
    def _driver(self) -> Any:
        """The psycopg connection underneath (detached: no pool record holds it)."""
        return self.connection.connection.dbapi_connection

    @staticmethod
    def _backend_pid(dbapi_connection: Any) -> int:
        return int(dbapi_connection.info.backend_pid)

    def _checked_out(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        # Before the window writes through it: its notifications are then known as its own.
        self._own.add(self._backend_pid(dbapi_connection))

    def _closed(self, dbapi_connection: Any, _record: Any) -> None:
        # A closed connection's process id may be given to someone else's connection later.
        # (A broken connection may not know its id any more.)
        with suppress(Exception):
            self._own.discard(self._backend_pid(dbapi_connection))

    def _received(self) -> bool:
        """Read what the server sent; True when another connection changed the register."""
        changed = False
        for notice in self._driver.notifies(timeout=0):
            if notice.channel == PRESENCE_CHANNEL:
                self.presence_news = True
            elif notice.pid not in self._own:
                changed = True
        return changed

    def poll(self) -> bool:
        return self._received()

    def wait(self, timeout: float) -> bool:
        deadline = monotonic() + timeout
        server = self._driver.fileno()
        news = self.presence_news
        while not self.stopping:
            if self._received():
                return True
            if self.presence_news and not news:
                return False
            remaining = deadline - monotonic()
            if remaining <= 0:
                break
            ready, _, _ = select.select([server, self._wake_reader], [], [], remaining)
            if self._wake_reader in ready:
                break
        return False

    def stop(self) -> None:
        super().stop()
        with suppress(OSError):  # closed already
            self._wake_writer.send(b"x")

    def close(self) -> None:
        if self._listening:
            event.remove(self.db.engine, "checkout", self._checked_out)
            event.remove(self.db.engine, "close", self._closed)
            self._listening = False
        super().close()
        self._wake_reader.close()
        self._wake_writer.close()


def watch(db: Database) -> ChangeWatcher:
    """A watcher of ``db``, on a new connection of its own (closed by ``close``)."""
    if db.engine.dialect.name == "postgresql":
        return ServerWatcher(db)
    return SqliteWatcher(db)
