"""The erasure journal beside the register: ids only, owner-only, robust to damage, and
never applied to another register or to a person made after the erasure."""

from __future__ import annotations

import datetime as dt
import json
import logging
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus import clock
from vrus.backup import reapply_erasures
from vrus.db.engine import Database
from vrus.db.models import Person
from vrus.erasure import erase_persons
from vrus.erasure_journal import (
    ErasureJournalError,
    journal_path,
    pending_erasures,
    record_erasures,
    register_id,
    set_register_id,
)

FIRST, LAST = "Åsmund", "Ødegård-Qzxv"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def lines(db: Database) -> list[dict]:
    path = journal_path(db)
    assert path is not None
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def erased_at(db: Database, person_id: int) -> dt.datetime | None:
    with db.sessions() as session:
        return session.scalar(select(Person.erased_at).where(Person.id == person_id))


def a_second_ago(db: Database, person_id: int) -> dt.datetime:
    """A time after the person was made: an erasure then is one of this person."""
    with db.sessions() as session:
        created = session.scalar(select(Person.created_at).where(Person.id == person_id))
    return created + dt.timedelta(seconds=1)


@pytest.mark.sqlite_only("the journal file beside the SQLite file; a server has none")
def test_an_erasure_is_journaled_by_id_only_and_owner_only(db: Database, db_path: Path) -> None:
    person = add_person(db, FIRST, LAST)
    other = add_person(db, "Zoë", "Nguyễn")
    assert erase_persons(db, [person]) == [person]

    path = journal_path(db)
    assert path == db_path.with_name("register.sqlite3.erasures")
    assert mode(path) == 0o600
    [entry] = lines(db)
    assert set(entry) == {"register", "person", "at"}
    assert entry["register"] == register_id(db) and entry["person"] == person
    at = dt.datetime.fromisoformat(entry["at"])
    assert at.utcoffset() == dt.timedelta(0)  # UTC, and says so
    assert at.replace(tzinfo=None) == erased_at(db, person)
    raw = path.read_bytes()
    for name in (FIRST, LAST, "Qzxv", "Ødegård", "Asmund"):
        assert name.encode("utf-8") not in raw
        assert json.dumps(name).strip('"').encode() not in raw  # nor escaped

    erase_persons(db, [other])
    assert [e["person"] for e in lines(db)] == [person, other]  # appended, in order
    assert erase_persons(db, [person]) == []  # erased before: skipped, not journaled again
    assert len(lines(db)) == 2


@pytest.mark.sqlite_only("the journal file beside the SQLite file; a server has none")
def test_a_journal_with_other_permissions_becomes_private(db: Database) -> None:
    person = add_person(db, FIRST, LAST)
    path = journal_path(db)
    path.write_text("", encoding="utf-8")
    path.chmod(0o644)
    record_erasures(db, [person], clock.utc_now())
    assert mode(path) == 0o600 and len(lines(db)) == 1


@pytest.mark.sqlite_only("the journal file beside the SQLite file; a server has none")
def test_a_line_cut_short_does_not_swallow_the_next(db: Database) -> None:
    person = add_person(db, FIRST, LAST)
    path = journal_path(db)
    path.write_text('{"register": "x", "per', encoding="utf-8")  # a crash while writing
    record_erasures(db, [person], a_second_ago(db, person))
    assert path.read_text(encoding="utf-8").splitlines()[1].startswith('{"register": ')
    assert pending_erasures(db) == [person]


@pytest.mark.sqlite_only("the journal file beside the SQLite file; a server has none")
def test_damaged_lines_are_skipped_with_a_warning_that_holds_nothing(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    person = add_person(db, FIRST, LAST)
    register = register_id(db)
    at = a_second_ago(db, person).isoformat()
    valid = {"register": register, "person": person, "at": at}
    damaged = [
        f"{FIRST} {LAST} was here",
        "[1, 2, 3]",
        json.dumps({**valid, "person": str(person)}),
        json.dumps({**valid, "person": True}),
        json.dumps({**valid, "at": f"{FIRST} yesterday"}),
        json.dumps({"register": register, "at": at}),
        "\udcff not even text",
    ]
    path = journal_path(db)
    path.write_bytes(
        "\n".join([*damaged, json.dumps(valid), ""]).encode("utf-8", errors="surrogateescape")
    )
    path.chmod(0o600)
    with caplog.at_level(logging.WARNING, logger="vrus.erasure_journal"):
        assert pending_erasures(db) == [person]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [
        f"erasure journal: line {n} is not a valid entry; skipped" for n in range(1, 8)
    ]
    assert FIRST not in caplog.text and "yesterday" not in caplog.text


@pytest.mark.sqlite_only("the journal file beside the SQLite file; a server has none")
def test_pending_are_the_journaled_persons_who_are_back(db: Database) -> None:
    person = add_person(db, FIRST, LAST)
    kept = add_person(db, "Zoë", "Nguyễn")
    assert pending_erasures(db) == []  # no journal yet
    # As a restored backup looks: journaled, but not erased in the file.
    when = a_second_ago(db, person)
    record_erasures(db, [person], when)
    assert pending_erasures(db) == [person]
    assert reapply_erasures(db) == [person]
    assert erased_at(db, person) == when  # as of the first erasure
    assert erased_at(db, kept) is None
    assert pending_erasures(db) == [] and reapply_erasures(db) == []
    assert len(lines(db)) == 1  # applying again journals nothing new


def test_another_registers_entries_are_ignored(db: Database) -> None:
    person = add_person(db, FIRST, LAST)
    record_erasures(db, [person], a_second_ago(db, person))
    # The same file now holds another register (its own identity, the same ids).
    set_register_id(db, "another-register")
    assert pending_erasures(db) == []
    assert reapply_erasures(db) == []
    assert erased_at(db, person) is None


def test_a_person_made_after_the_erasure_is_someone_else(db: Database) -> None:
    """A backup older than the erased person was restored, and a new child got the freed
    id: the journal must not erase the new child."""
    person = add_person(db, FIRST, LAST)
    record_erasures(db, [person], a_second_ago(db, person) - dt.timedelta(days=2))
    assert pending_erasures(db) == []
    assert reapply_erasures(db) == [] and erased_at(db, person) is None


@pytest.mark.sqlite_only("the journal file beside the SQLite file; a server has none")
def test_a_journal_that_cannot_be_written_is_an_error(db: Database) -> None:
    person = add_person(db, FIRST, LAST)
    journal_path(db).mkdir()
    with pytest.raises(ErasureJournalError, match="the erasure was saved, but the erasure"):
        record_erasures(db, [person], clock.utc_now())


def test_a_server_database_has_no_journal() -> None:
    server = Database(
        url="postgresql://vrus@server/vrus",
        engine=None,  # type: ignore[arg-type]
        sessions=None,  # type: ignore[arg-type]
    )
    assert journal_path(server) is None
    record_erasures(server, [1, 2], clock.utc_now())  # does nothing, touches no file
    assert pending_erasures(server) == []
