"""Two VRUS windows on one register: two ``Database`` objects on the same file.

Writes never corrupt or lose data (each unit of work begins IMMEDIATE and waits its turn
within the busy timeout), a window sees the other's changes when it reads again, and a
conflicting edit of the same person is refused (the version counter) instead of silently
overwriting the other window's edit.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from vrus.db.engine import Database, sqlite_url
from vrus.db.integrity import integrity_problems
from vrus.db.models import Person
from vrus.opening import open_database
from vrus.persons import ConflictError, create_person, person_details, update_person

pytestmark = pytest.mark.sqlite_only(
    "SQLite's write lock between windows; conflicts on both: tests/test_conflicts.py"
)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def windows(db: Database, db_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two windows: the fixture's register and a second Database on the same file."""
    second = open_database(sqlite_url(db_path))
    yield db, second
    second.close()


def _count(db: Database) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def _child(first: str = "Åse") -> dict[str, object]:
    return {"first_name": first, "last_name": "Ødegård", "birth_date": dt.date(2011, 4, 1)}


def test_the_second_window_sees_the_first_ones_changes_when_it_refreshes(
    windows: tuple[Database, Database],
) -> None:
    first, second = windows
    pid = create_person(first, _child())
    with second.sessions() as session:  # the second window's list, read now
        assert session.get(Person, pid).notes is None
        update_person(first, pid, {"notes": "Spiller også piano"})
    with second.sessions() as session:  # refreshed: a new session
        assert session.get(Person, pid).notes == "Spiller også piano"
        details = person_details(session, pid)
    assert details.version == 2


def test_a_conflicting_edit_is_refused_with_a_clear_message(
    windows: tuple[Database, Database],
) -> None:
    first, second = windows
    pid = create_person(first, _child())
    # Both windows open the person's editor.
    with first.sessions() as session:
        in_first = person_details(session, pid)
    with second.sessions() as session:
        in_second = person_details(session, pid)
    update_person(first, pid, {"phone": "912 34 567"}, expected_version=in_first.version)
    with pytest.raises(ConflictError) as refused:
        update_person(second, pid, {"phone": "987 65 432"}, expected_version=in_second.version)
    assert str(refused.value) == (
        "Åse Ødegård was changed in another window; reload the person and make the change again"
    )
    with second.sessions() as session:
        reloaded = person_details(session, pid)
    assert reloaded.values["phone"] == "+4791234567"  # the first window's edit stands
    # After reloading, the second window's edit goes through.
    update_person(second, pid, {"phone": "987 65 432"}, expected_version=reloaded.version)


def test_concurrent_inserts_from_two_windows_all_arrive(windows: tuple[Database, Database]) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def work(db: Database, name: str) -> None:
        try:
            start.wait()
            for i in range(150):
                pid = create_person(db, _child(f"{name}{i}"))
                update_person(db, pid, {"notes": f"{name} {i}"})
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [
        threading.Thread(target=work, args=(db, name))
        for db, name in zip(windows, ("Venstre", "Høyre"), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    first, second = windows
    assert _count(first) == _count(second) == 300
    with first.sessions() as session:
        notes = set(session.scalars(select(Person.notes)))
    assert notes == {f"{name} {i}" for name in ("Venstre", "Høyre") for i in range(150)}
    assert integrity_problems(first) == []


def test_overlapping_units_of_work_take_turns(windows: tuple[Database, Database]) -> None:
    """What BEGIN IMMEDIATE is for: a unit of work reads, then writes what follows from what
    it read, while the other window saves the same person. Without it the other window's save
    would slip in between, and the first window's save would then be refused (or, without
    the version counter, overwrite it). With it, the other window waits its turn (within the
    busy timeout) and both changes are kept."""
    first, second = windows
    pid = create_person(first, _child())
    inside = threading.Event()
    waited: list[float] = []

    def add_note(db: Database, note: str, pause: float = 0.0) -> None:
        with db.transaction() as session:
            person = session.get(Person, pid)  # read ...
            inside.set()
            time.sleep(pause)  # ... (the other window tries to save meanwhile) ...
            person.notes = (person.notes or "") + note  # ... then write what follows from it

    def second_window() -> None:
        inside.wait()
        began = time.perf_counter()
        add_note(second, "[vindu 2]")
        waited.append(time.perf_counter() - began)

    thread = threading.Thread(target=second_window)
    thread.start()
    add_note(first, "[vindu 1]", pause=0.3)
    thread.join(timeout=30)
    assert waited and waited[0] >= 0.2  # the second window waited for the first
    with second.sessions() as session:
        assert session.get(Person, pid).notes == "[vindu 1][vindu 2]"


def test_reading_never_waits_for_a_writer(windows: tuple[Database, Database]) -> None:
    first, second = windows
    pid = create_person(first, _child())
    with first.transaction() as session:
        session.get(Person, pid).notes = "ikke lagret ennå"
        session.flush()
        began = time.perf_counter()
        with second.sessions() as reading:
            assert reading.get(Person, pid).notes is None  # the last committed state
        assert time.perf_counter() - began < 1


_INSERTER = textwrap.dedent("""
    import datetime as dt
    import sys
    from vrus.db.engine import sqlite_url
    from vrus.opening import open_database
    from vrus.persons import create_person

    db = open_database(sqlite_url(sys.argv[1]))
    for i in range(int(sys.argv[3])):
        create_person(db, {"first_name": f"{sys.argv[2]}{i}", "last_name": "Prosess",
                           "birth_date": dt.date(2010, 1, 1)})
    print("done", flush=True)
""")


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(db: Database, db_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _INSERTER, str(db_path), name, "400"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("A", "B")
    ]
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.strip() == "done"
    assert _count(db) == 800
    assert integrity_problems(db) == []


def test_a_write_that_waits_too_long_says_the_register_is_busy(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import vrus.db.engine as engine_module
    from vrus.db.engine import RegisterBusyError, sqlite_url
    from vrus.opening import open_database
    from vrus.persons import create_person

    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    db = open_database(sqlite_url(db_path))
    blocker = sqlite3.connect(db_path)
    try:
        blocker.execute("BEGIN IMMEDIATE")  # another window in the middle of a long import
        with pytest.raises(RegisterBusyError, match="busy"):
            create_person(db, {"first_name": "Åse", "last_name": "Berg"})
    finally:
        blocker.rollback()
        blocker.close()
    create_person(db, {"first_name": "Åse", "last_name": "Berg"})  # free again: it works
    db.close()
