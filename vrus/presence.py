"""Who else has the register open: one row per window in ``presence``, kept fresh by a
heartbeat.

A window ``announce``s itself when it opens, beats its heart every ``HEARTBEAT`` seconds and
``leave``s when it closes. A row whose heartbeat is older than ``GONE_AFTER`` belongs to a
window that crashed or lost its network, and ``others`` leaves it out: unlike a lock file or
GnuCash's lock row, nobody ever has to clear a stale one by hand, and a stale one blocks
nothing. Rows a day old are deleted by the next window that opens.

What a row holds: the login (on a server the database user, ``session_user``; on SQLite the
operating system's user), the computer's name, what program, the VRUS role, when. Adults'
names only, never anything about the register's persons. The times are ``vrus.clock``'s
(UTC); computers whose clocks differ by more than a minute would see each other come and go.

Every function takes the ``Database`` or one ``Connection`` of it: the window writes through
its change watcher's own connection (``vrus.changes``), so its heartbeat does not look like
a change of the register to itself.
"""

from __future__ import annotations

import datetime as dt
import getpass
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, delete, func, insert, select, update
from sqlalchemy.orm import Session

from vrus import clock
from vrus.collation import sort_key
from vrus.db.engine import Database
from vrus.db.models import Presence

HEARTBEAT = 30  # seconds between two heartbeats of a window
GONE_AFTER = dt.timedelta(seconds=90)  # three heartbeats missed: the window is gone
FORGET_AFTER = dt.timedelta(days=1)  # a gone window's row is deleted after this
UNKNOWN = "?"

Target = Database | Connection


@dataclass(frozen=True)
class Present:
    """Someone with the register open."""

    user_name: str
    host: str
    program: str
    role: str | None
    started_at: dt.datetime
    seen_at: dt.datetime


@dataclass(frozen=True)
class Announced:
    """This window's own row: what ``heartbeat`` and ``leave`` need."""

    id: int
    present: Present


@contextmanager
def _writing(target: Target) -> Iterator[Session]:
    if isinstance(target, Database):
        with target.transaction() as session:
            yield session
        return
    with Session(bind=target) as session:
        yield session
        session.commit()


@contextmanager
def _reading(target: Target) -> Iterator[Session]:
    if isinstance(target, Database):
        with target.sessions() as session:
            yield session
        return
    with Session(bind=target) as session:
        yield session
        session.rollback()  # no read transaction left open on the connection


def user_name(session: Session) -> str:
    """Who is working: the server's login, or the operating system's user on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        return str(session.scalar(select(func.session_user())))
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name anywhere (a bare container)
        return UNKNOWN


def host_name() -> str:
    return socket.gethostname() or UNKNOWN


def announce(
    target: Target, program: str, *, role: str | None = None, now: dt.datetime | None = None
) -> Announced:
    """Add a row for this window; rows of windows gone a day ago go."""
    now = now or clock.utc_now()
    with _writing(target) as session:
        # On a server a role may delete only its own rows (roles.py): the rest stay.
        session.execute(delete(Presence).where(Presence.seen_at < now - FORGET_AFTER))
        present = Present(
            user_name=user_name(session)[:100],
            host=host_name()[:100],
            program=program[:40],
            role=role,
            started_at=now,
            seen_at=now,
        )
        row_id = session.execute(
            insert(Presence).values(**asdict(present)).returning(Presence.id)
        ).scalar_one()
    return Announced(row_id, present)


def heartbeat(target: Target, me: Announced, *, now: dt.datetime | None = None) -> Announced:
    """Say this window is still here. A row deleted meanwhile (a restore, a cleanup by
    hand) is written again, and the new one returned."""
    now = now or clock.utc_now()
    with _writing(target) as session:
        result = session.execute(update(Presence).where(Presence.id == me.id).values(seen_at=now))
        found = cast(CursorResult[Any], result).rowcount
    if found:
        return me
    present = me.present
    return announce(target, present.program, role=present.role, now=now)


def leave(target: Target, me: Announced) -> None:
    """This window closes: its row goes."""
    with _writing(target) as session:
        session.execute(delete(Presence).where(Presence.id == me.id))


def others(
    target: Target, me: Announced | None = None, *, now: dt.datetime | None = None
) -> list[Present]:
    """Everyone else with the register open (other windows of the same user too), by name."""
    now = now or clock.utc_now()
    query = select(
        Presence.user_name,
        Presence.host,
        Presence.program,
        Presence.role,
        Presence.started_at,
        Presence.seen_at,
    ).where(Presence.seen_at >= now - GONE_AFTER)
    if me is not None:
        query = query.where(Presence.id != me.id)
    with _reading(target) as session:
        found = [Present(*row) for row in session.execute(query)]
    return sorted(found, key=lambda p: (sort_key(p.user_name), p.started_at, p.host))
