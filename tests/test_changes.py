"""Noticing other users' changes (``vrus.changes``) and, on PostgreSQL, the change journal the
member index follows (migration 0008, ``vrus.db.journal``).

Each test has two ``Database`` objects on one register, as two users' windows would: what
one commits, the other's watcher sees within the ``wait``.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path
from time import monotonic

import pytest
from sqlalchemy import func, select, text, update

from tests import pg_server as pg_server_module
from tests.factories import add_event_with_attendance, add_person
from vrus import presence
from vrus.changes import watch
from vrus.db.engine import Database, sqlite_url
from vrus.db.journal import UNNOTIFIED_TABLES, notified_tables, postgresql_triggers
from vrus.db.models import Attendance, Base, Person, Presence, RegisterChange, Setting
from vrus.member_index import MemberIndex, Snapshot
from vrus.member_list import MemberFilter
from vrus.opening import open_database
from vrus.persons import update_person
from vrus.server.roles import Role, add_user, setup

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """The same register opened a second time: another user's window."""
    second = open_database(db.url, key=db.key)
    yield second
    second.close()


def test_a_change_committed_by_another_user_is_seen(db: Database, other: Database) -> None:
    person = add_person(db, "Kari", "Nordmann")
    with watch(db) as watcher:
        update_person(other, person, {"first_name": "Karianne"})
        assert watcher.wait(timeout=5)
        assert not watcher.poll()  # told once


def test_nothing_changed_is_no_change(db: Database) -> None:
    with watch(db) as watcher:
        assert not watcher.wait(timeout=0.5)
        assert not watcher.poll()


def test_a_change_to_a_table_without_persons_is_seen(db: Database, other: Database) -> None:
    with watch(db) as watcher:
        with other.transaction() as session:
            session.add(Setting(key="test.changes", value="1"))
        assert watcher.wait(timeout=5)


def test_the_watched_windows_own_saves(db: Database, other: Database, backend: str) -> None:
    """On a server, what the window itself saved is not news to it (it announced it
    already); SQLite's change counter cannot tell, and reports it."""
    with watch(db) as watcher:
        add_person(db, "Egen", "Endring")
        assert watcher.wait(timeout=5 if backend == "sqlite" else 1) is (backend == "sqlite")
        add_person(other, "Annen", "Bruker")
        assert watcher.wait(timeout=5)


def test_presence_through_the_watchers_connection_is_no_change(db: Database) -> None:
    """The window's heartbeat does not wake the window itself."""
    with watch(db) as watcher:
        me = presence.announce(watcher.connection, "window")
        presence.heartbeat(watcher.connection, me)
        assert not watcher.wait(timeout=0.5)
        presence.leave(watcher.connection, me)
        assert not watcher.poll()


def test_another_window_arriving_is_presence_news_on_a_server(
    db: Database, other: Database, backend: str
) -> None:
    with watch(db) as watcher:
        kari = presence.announce(other, "window")
        changed = watcher.wait(timeout=5)
        if backend == "postgresql":
            assert watcher.presence_news and not changed
            watcher.presence_news = False
            presence.heartbeat(other, kari)  # a heartbeat tells nobody
            assert not watcher.wait(timeout=0.5) and not watcher.presence_news
        else:
            assert changed  # the file changed: SQLite cannot tell which table


def test_stop_ends_a_wait_at_once(db: Database) -> None:
    with watch(db) as watcher:
        threading.Timer(0.2, watcher.stop).start()
        started = monotonic()
        assert not watcher.wait(timeout=60)
        assert monotonic() - started < 30


def test_every_table_is_notified_or_said_not_to_be() -> None:
    assert set(notified_tables()) | set(UNNOTIFIED_TABLES) == set(Base.metadata.tables)
    assert not set(notified_tables()) & set(UNNOTIFIED_TABLES)


def test_the_server_has_the_journal_and_notification_triggers(db: Database, backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL's triggers; SQLite's are checked by the integrity tests")
    with db.sessions() as session:
        found = {
            (table, trigger)
            for table, trigger in session.execute(
                text(
                    "SELECT c.relname, t.tgname FROM pg_trigger t "
                    "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
                )
            )
        }
    assert found == set(postgresql_triggers())


@pytest.fixture
def rereads(monkeypatch: pytest.MonkeyPatch) -> list[set[int]]:
    """Which persons the member index read again, each time it followed."""
    seen: list[set[int]] = []
    reread = Snapshot.reread

    def counting(self: Snapshot, session, ids: set[int]) -> None:  # noqa: ANN001
        seen.append(set(ids))
        reread(self, session, ids)

    monkeypatch.setattr(Snapshot, "reread", counting)
    return seen


def follow(index: MemberIndex, db: Database) -> list[int]:
    index.invalidate()
    return index.member_ids(db.sessions, MemberFilter(status=None), TODAY)


def test_the_member_index_re_reads_the_person_another_user_renamed(
    db: Database, other: Database, rereads: list[set[int]]
) -> None:
    persons = [add_person(db, first, "Hansen") for first in ("Anne", "Bjørn", "Cecilie")]
    index = MemberIndex()
    assert follow(index, db) == persons
    update_person(other, persons[0], {"first_name": "Åse"})
    follow(index, db)
    assert rereads == [{persons[0]}]
    assert follow(index, db) == [persons[1], persons[2], persons[0]]
    assert rereads == [{persons[0]}]  # nothing new: nothing read


def test_a_server_journal_follows_the_order_of_the_commits(
    db: Database, other: Database, backend: str, rereads: list[set[int]]
) -> None:
    """A change made first but committed last is still seen: the journal's seq is taken at
    commit, so a reader that followed the other commit meanwhile has not passed it."""
    if backend != "postgresql":
        pytest.skip("SQLite's writers take turns: one cannot commit while another writes")
    first, second = add_person(db, "Først", "Endret"), add_person(db, "Sist", "Endret")
    index = MemberIndex()
    follow(index, db)
    with other.engine.connect() as slow:
        born = dt.date(2011, 1, 1)
        slow.execute(update(Person).where(Person.id == first).values(birth_date=born))
        update_person(other, second, {"birth_date": dt.date(2012, 2, 2)})
        follow(index, db)
        assert rereads == [{second}]
        slow.commit()
    follow(index, db)
    assert rereads == [{second}, {first}]
    with db.sessions() as session:
        assert session.scalar(select(Person.birth_date).where(Person.id == first)) == born
    assert index.snapshot is not None
    assert index.snapshot.persons[first].birth_date == born


def test_every_role_is_woken_and_sees_who_else_is_here(
    pg_server: pg_server_module.Server, pg_databases: pg_server_module.Databases
) -> None:
    """On a set-up server each role's login writes its own presence, sees the others', and
    is woken by the others' changes: the coordinator's renaming (which writes the journal
    through the schema owner's function) and an instructor's attendance."""
    url = pg_databases.fresh(migrated=False)
    setup(url)
    database = url.rsplit("/", 1)[1]
    owner = open_database(url)
    person, _day = add_event_with_attendance(owner)
    opened: dict[Role, Database] = {}
    watchers = {}
    try:
        for role in Role:
            login = f"{database}-{role.value}-window"
            add_user(owner, login, role, None)
            opened[role] = open_database(pg_server.url(database, login))
            watchers[role] = watch(opened[role])
        mine = {
            role: presence.announce(watcher.connection, "window", role=role.value)
            for role, watcher in watchers.items()
        }
        for role, watcher in watchers.items():
            seen = presence.others(watcher.connection, mine[role])
            assert sorted(p.role for p in seen) == sorted(r.value for r in Role if r != role)
            mine[role] = presence.heartbeat(watcher.connection, mine[role])
            watcher.poll()  # the others' arrivals: presence news, no change

        update_person(opened[Role.COORDINATOR], person, {"first_name": "Åsmund Ny"})
        for role in (Role.LUNCH, Role.INSTRUCTOR, Role.READER):
            assert watchers[role].wait(timeout=5), role
        with owner.sessions() as session:
            newest = session.scalars(
                select(RegisterChange.person_id).order_by(RegisterChange.seq.desc())
            ).first()
        assert newest == person

        with opened[Role.INSTRUCTOR].transaction() as session:
            session.execute(update(Attendance).values(status="absent"))
        assert watchers[Role.COORDINATOR].wait(timeout=5)

        for role, watcher in watchers.items():
            presence.leave(watcher.connection, mine[role])
        with owner.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Presence)) == 0
    finally:
        for watcher in watchers.values():
            watcher.close()
        for db in opened.values():
            db.close()
        owner.close()
        pg_databases.drop(url)


@pytest.mark.sqlite_only("SQLCipher: an encrypted register file")
def test_an_encrypted_register_is_watched_with_its_key(tmp_path: Path) -> None:
    key_file = tmp_path / "register.key"
    key_file.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
    first = open_database(sqlite_url(tmp_path / "encrypted.sqlite3"), key_file=key_file)
    second = open_database(first.url, key=first.key)
    try:
        assert first.encrypted
        with watch(first) as watcher:
            me = presence.announce(watcher.connection, "window")
            add_person(second, "Kari", "Nordmann")
            assert watcher.wait(timeout=5)
            assert presence.others(second) == [me.present]
    finally:
        second.close()
        first.close()
