"""Who else has the register open (``vrus.presence``): two windows on one register."""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from tests.factories import add_person
from vrus import clock
from vrus.backup import has_unsaved_backup, on_open
from vrus.changes import watch
from vrus.db.engine import Database
from vrus.db.models import Presence
from vrus.opening import open_database
from vrus.presence import GONE_AFTER, announce, heartbeat, leave, others


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    second = open_database(db.url, key=db.key)
    yield second
    second.close()


def rows(db: Database) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Presence)) or 0


def test_each_window_sees_the_other(db: Database, other: Database) -> None:
    me = announce(db, "window", role="coordinator")
    kari = announce(other, "window", role="lunch")
    assert [p.role for p in others(db, me)] == ["lunch"]
    assert [p.role for p in others(other, kari)] == ["coordinator"]
    assert len(others(db)) == 2  # without a window of one's own: everyone


def test_the_name_is_the_login(db: Database, backend: str) -> None:
    me = announce(db, "window")
    with db.sessions() as session:
        expected = (
            session.scalar(select(func.session_user()))
            if backend == "postgresql"
            else getpass.getuser()
        )
    assert me.present.user_name == expected
    assert others(db)[0].user_name == expected


def test_a_window_not_heard_from_disappears(db: Database, other: Database) -> None:
    now = clock.utc_now()
    me = announce(db, "window", now=now)
    crashed = announce(other, "window", now=now - GONE_AFTER - dt.timedelta(seconds=1))
    assert others(db, me, now=now) == []
    # Still there after all (a network that came back): it shows again with its heartbeat.
    heartbeat(other, crashed, now=now)
    assert [p.started_at for p in others(db, me, now=now)] == [crashed.present.started_at]
    # Seen just within the limit: still there.
    assert len(others(db, me, now=now + GONE_AFTER)) == 1
    assert others(db, me, now=now + GONE_AFTER + dt.timedelta(seconds=1)) == []


def test_leaving_removes_the_row(db: Database, other: Database) -> None:
    me = announce(db, "window")
    kari = announce(other, "window")
    leave(other, kari)
    assert others(db, me) == []
    assert rows(db) == 1


def test_a_row_removed_meanwhile_is_written_again_by_the_heartbeat(
    db: Database, other: Database
) -> None:
    me = announce(db, "window")
    kari = announce(other, "window", role="lunch")
    leave(db, kari)  # a restore, or someone tidying the table by hand
    again = heartbeat(other, kari)
    assert again.id != kari.id
    assert [p.role for p in others(db, me)] == ["lunch"]


def test_rows_a_day_old_are_deleted_by_the_next_window(db: Database) -> None:
    now = clock.utc_now()
    announce(db, "window", now=now - dt.timedelta(days=2))
    announce(db, "window", now=now - dt.timedelta(hours=2))
    announce(db, "window", now=now)
    assert rows(db) == 2


@pytest.mark.sqlite_only("what makes a register file's backup due on closing")
def test_a_windows_presence_makes_no_backup_due(db: Database) -> None:
    """Opening a window and doing nothing leaves nothing to back up on closing, though the
    window wrote its presence row."""
    on_open(db)
    assert not has_unsaved_backup(db)
    with watch(db) as watcher:
        me = announce(watcher.connection, "window")
        heartbeat(watcher.connection, me)
        leave(watcher.connection, me)
    assert not has_unsaved_backup(db)
    add_person(db, "Kari", "Nordmann")
    assert has_unsaved_backup(db)
