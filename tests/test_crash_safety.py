"""Crash safety: a process killed in the middle leaves the register intact, with every edit it
reported as saved, and nothing of the transaction it was in.

The kills are SIGKILL (no clean-up runs, as with a power cut to the program, though not to the
disk). The import test runs the real command, ``python -m vrus --db X import members BIG.csv``;
to kill it at a known point inside its transaction, a ``sitecustomize`` module that exists only
in the test's temporary folder pauses the import after some batches have been inserted. The
program itself has no test hook.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from vrus.db.engine import Database, sqlite_url
from vrus.db.integrity import integrity_problems
from vrus.db.models import Guardian, Membership, Person
from vrus.opening import open_database
from vrus.persons import create_person

pytestmark = pytest.mark.sqlite_only("kills a process writing the SQLite file")

REPO = Path(__file__).resolve().parents[1]
ROWS = 20_000
PAUSE_AFTER_BATCHES = 10  # of 500 rows: 5 000 persons and their details inserted, uncommitted

# Loaded by the interpreter at start-up because its folder is first on PYTHONPATH. It wraps the
# import's batch insert: after the N-th batch it writes a marker file and waits to be killed.
_SITECUSTOMIZE = textwrap.dedent("""
    import os
    import time

    _marker = os.environ.get("VRUS_TEST_PAUSE_MARKER")
    if _marker:
        import vrus.importing.members as _members

        _insert = _members.insert_new_persons
        _batches = []

        def _pausing_insert(*args, **kwargs):
            ids = _insert(*args, **kwargs)
            _batches.append(1)
            if len(_batches) == int(os.environ["VRUS_TEST_PAUSE_AFTER"]):
                args[0].flush()
                with open(_marker, "w") as handle:
                    handle.write(str(os.getpid()))
                time.sleep(600)
            return ids

        _members.insert_new_persons = _pausing_insert
""")


def _env(**extra: str) -> dict[str, str]:
    paths = [
        *extra.pop("_paths", "").split(os.pathsep),
        str(REPO),
        os.environ.get("PYTHONPATH", ""),
    ]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p), **extra}


def _count(db: Database, model: type) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _big_sheet(path: Path) -> Path:
    rows = [
        [
            "Fornavn",
            "Etternavn",
            "Fødselsdato",
            "Kommune",
            "Instrument",
            "Gruppe",
            "Foresatt",
            "Foresatt telefon",
            "Allergier",
            "Kosthold",
        ]
    ]
    rows += [
        [
            f"Navn{i}",
            "Ødegård",
            f"{1 + i % 28}.{1 + i % 12}.{2008 + i % 10}",
            "Asker",
            "Fiolin",
            "junior",
            "Kari og Ola Ødegård",
            f"4{i:07d} / 9{i:07d}",
            "nøtter (alvorlig)",
            "vegetar",
        ]
        for i in range(ROWS)
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


@pytest.mark.slow
def test_a_killed_vrus_import_leaves_the_register_unchanged_and_intact(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    create_person(
        db, {"first_name": "Ingrid", "last_name": "Haugen", "birth_date": dt.date(2011, 1, 1)}
    )
    db.close()  # the killed program is the only one with the file open
    source = _big_sheet(tmp_path / "big.csv")
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    marker = tmp_path / "paused"
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists()  # closed cleanly: everything is in the database file

    child = subprocess.Popen(
        [sys.executable, "-m", "vrus", "--db", str(db_path), "import", "members", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(
            _paths=str(hooks),
            VRUS_TEST_PAUSE_MARKER=str(marker),
            VRUS_TEST_PAUSE_AFTER=str(PAUSE_AFTER_BATCHES),
        ),
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the import never reached the pause"
            time.sleep(0.05)
        wal_at_kill = wal.stat().st_size if wal.exists() else 0
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    # The kill came in the middle of writing: uncommitted pages had reached the WAL on disk
    # (SQLite spills them when its page cache is full), so there was something to undo.
    assert wal_at_kill > 100_000

    db = open_database(sqlite_url(db_path))  # as a restarted program does: checks, then opens
    try:
        assert integrity_problems(db) == []
        assert _count(db, Person) == 1
        assert _count(db, Guardian) == 0
        assert _count(db, Membership) == 0
    finally:
        db.close()


# Makes edits one transaction at a time, through the register action the window uses, and
# reports each one after it is committed.
_EDITOR = textwrap.dedent("""
    import sys
    from vrus.db.engine import sqlite_url
    from vrus.opening import open_database
    from vrus.persons import update_person

    db = open_database(sqlite_url(sys.argv[1]))
    for number, pid in enumerate(int(p) for p in sys.argv[2].split(",")):
        update_person(db, pid, {"notes": f"edit {number}", "phone": f"9{number:07d}"})
        print(f"saved {number}", flush=True)
    print("finished", flush=True)
""")


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [1, 25])
def test_every_edit_reported_saved_survives_a_kill(
    db: Database, db_path: Path, kill_after: int
) -> None:
    ids = [
        create_person(
            db, {"first_name": f"Barn{i}", "last_name": "Haugen", "birth_date": dt.date(2010, 1, 1)}
        )
        for i in range(2000)
    ]
    db.close()
    child = subprocess.Popen(
        [sys.executable, "-c", _EDITOR, str(db_path), ",".join(map(str, ids))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    reported: list[int] = []
    try:
        while len(reported) < kill_after:
            line = child.stdout.readline()  # type: ignore[union-attr]
            assert line.startswith("saved "), line + child.stderr.read()  # type: ignore[union-attr]
            reported.append(int(line.split()[1]))
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    # Lines written before the kill and not read yet are reports too.
    rest = child.stdout.read().split()  # type: ignore[union-attr]
    reported += [int(n) for word, n in zip(rest[::2], rest[1::2], strict=False) if word == "saved"]
    assert "finished" not in rest, "the editor finished before it was killed"
    last = max(reported)

    db = open_database(sqlite_url(db_path))
    try:
        assert integrity_problems(db) == []
        with db.sessions() as session:
            notes = dict(session.execute(select(Person.id, Person.notes)).all())
            phones = dict(session.execute(select(Person.id, Person.phone)).all())
    finally:
        db.close()
    for number in range(last + 1):
        assert notes[ids[number]] == f"edit {number}"
        assert phones[ids[number]] == f"+479{number:07d}"
    # The edit in flight is all there or not there at all; nothing after it was started.
    in_flight = ids[last + 1]
    assert (notes[in_flight], phones[in_flight]) in [
        (None, None),
        (f"edit {last + 1}", f"+479{last + 1:07d}"),
    ]
    assert all(notes[pid] is None for pid in ids[last + 2 :])
